/**
 * A client whose every call waits until the test answers it, recording the arguments and the
 * abort signal it was given: for tests of which load is aborted and whose answer shows, with no
 * timers at all.
 */
import type { LensClient } from '../context/lens-context.js';

/** One call waiting for the test's answer. */
export type HeldCall = {
  readonly method: string;
  readonly id: string | undefined;
  readonly signal: AbortSignal | undefined;
  resolve(value: unknown): void;
  reject(error: unknown): void;
};

export function controlledClient(): LensClient & {
  readonly calls: HeldCall[];
  last(method: string): HeldCall;
} {
  const calls: HeldCall[] = [];
  const hold = (method: string, id?: string, signal?: AbortSignal) =>
    new Promise<never>((resolve, reject) => {
      calls.push({ method, id, signal, resolve: resolve as (value: unknown) => void, reject });
    });
  return {
    calls,
    last(method) {
      const found = calls.filter((call) => call.method === method).at(-1);
      if (!found) throw new Error(`no call to ${method}`);
      return found;
    },
    sessions: {
      get: (id, options) => hold('sessions.get', id, options?.signal),
      transcript: (id, _params, options) => hold('sessions.transcript', id, options?.signal),
      executions: (id, options) => hold('sessions.executions', id, options?.signal),
      insights: (id, options) => hold('sessions.insights', id, options?.signal),
      cost: (id, options) => hold('sessions.cost', id, options?.signal),
      cancel: (id) => hold('sessions.cancel', id),
      end: (id) => hold('sessions.end', id),
      review: (id) => hold('sessions.review', id),
    },
    me: { get: (options) => hold('me.get', undefined, options?.signal) },
    members: { list: (options) => hold('members.list', undefined, options?.signal) },
  };
}
