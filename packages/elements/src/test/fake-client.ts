/**
 * An in-memory stand-in for the SDK client, for element tests and stories that must not need a
 * server: it answers from fixtures and records every call. End-to-end tests use the real client
 * against the real server instead.
 */
import type {
  CostDetail,
  Execution,
  Group,
  Insight,
  Me,
  Member,
  Session,
  TranscriptEntry,
} from '@session-lens/sdk';
import type { LensClient } from '../context/lens-context.js';

export type FakeClientData = {
  sessions?: Session[];
  transcripts?: Record<string, TranscriptEntry[]>;
  costs?: Record<string, CostDetail>;
  executions?: Record<string, Execution[]>;
  insights?: Record<string, Insight[]>;
  me?: Me;
  members?: Member[];
  groups?: Group[];
  /** Makes an action fail the way the server refuses it. */
  refuse?: { cancel?: unknown; end?: unknown; review?: unknown; setVisibility?: unknown };
  /** Makes reads fail (every read rejects with this). */
  failReads?: unknown;
  /** Holds every call until `release()` is called, to observe pending states. */
  hold?: boolean;
};

/** A recorded call. */
export type FakeCall = { method: string; id?: string };

/** A problem-shaped error like the SDK's `APIError`. */
export function apiError(status: number, detail: string): Error & { status: number; problem: object } {
  return Object.assign(new Error(`${status} ${detail}`), {
    status,
    problem: { type: 'about:blank', title: 'Refused', status, detail },
  });
}

export function fakeClient(data: FakeClientData = {}): LensClient & {
  calls: FakeCall[];
  release: () => void;
} {
  const calls: FakeCall[] = [];
  let held: Array<() => void> = [];
  const wait = async () => {
    if (data.hold) await new Promise<void>((resolve) => held.push(resolve));
  };
  const find = (id: string): Session => {
    const found = data.sessions?.find((session) => session.id === id);
    if (!found) throw apiError(404, 'Session not found');
    return found;
  };
  const read = async <T>(method: string, id: string, value: () => T): Promise<T> => {
    calls.push({ method, id });
    await wait();
    if (data.failReads) throw data.failReads;
    return value();
  };
  return {
    calls,
    release: () => {
      const pending = held;
      held = [];
      pending.forEach((resolve) => resolve());
    },
    sessions: {
      get: (id) => read('sessions.get', id, () => find(id)),
      transcript: (id) =>
        read('sessions.transcript', id, () => ({ data: data.transcripts?.[id] ?? [], nextCursor: null })),
      executions: (id) => read('sessions.executions', id, () => ({ data: data.executions?.[id] ?? [] })),
      insights: (id) => read('sessions.insights', id, () => ({ data: data.insights?.[id] ?? [] })),
      cost: (id) =>
        read('sessions.cost', id, () => {
          const cost = data.costs?.[id];
          if (!cost) throw apiError(403, 'Spend is not visible to you');
          return cost;
        }),
      cancel: async (id) => {
        calls.push({ method: 'sessions.cancel', id });
        await wait();
        if (data.refuse?.cancel) throw data.refuse.cancel;
        return { ...find(id), status: 'cancelled', version: find(id).version + 1 };
      },
      end: async (id) => {
        calls.push({ method: 'sessions.end', id });
        await wait();
        if (data.refuse?.end) throw data.refuse.end;
        return { ...find(id), status: 'ended', version: find(id).version + 1 };
      },
      review: async (id, body) => {
        calls.push({ method: `sessions.review:${body.decision}`, id });
        await wait();
        if (data.refuse?.review) throw data.refuse.review;
        return { ...find(id), status: body.decision, version: find(id).version + 1 };
      },
      setVisibility: async (id, visibility) => {
        calls.push({ method: 'sessions.setVisibility', id });
        await wait();
        if (data.refuse?.setVisibility) throw data.refuse.setVisibility;
        return { ...find(id), visibility, version: find(id).version + 1 };
      },
    },
    me: {
      get: async () => {
        calls.push({ method: 'me.get' });
        await wait();
        if (!data.me) throw apiError(401, 'Unknown token');
        return data.me;
      },
    },
    members: {
      list: async () => {
        calls.push({ method: 'members.list' });
        await wait();
        return { data: data.members ?? [], groups: data.groups ?? [] };
      },
    },
  };
}
