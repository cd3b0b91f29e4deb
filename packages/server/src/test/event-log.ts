import type { Session } from '@session-lens/sdk';
import type { SessionLensApp } from '../app.js';
import type { Viewer } from '../sessions/model.js';
import type { StreamSink } from '../stream/hub.js';
import { sleep } from './harness.js';

/** One change as the stream delivered it, or as a transaction committed it. */
export type Delivered = { seq: number; id: string; version: number };

/** The admin viewer: sees every session, with cost. */
export const ADMIN_VIEWER: Viewer = { memberId: 'm_admin', groups: [], admin: true, spend: true };

/** A stream sink that parses the frames written to it. */
export class CollectingSink implements StreamSink {
  readonly delivered: Delivered[] = [];
  readonly resets: number[] = [];
  #text = '';

  write(bytes: Uint8Array): void {
    this.#text += Buffer.from(bytes).toString('utf8');
    let end: number;
    while ((end = this.#text.indexOf('\n\n')) >= 0) {
      const block = this.#text.slice(0, end);
      this.#text = this.#text.slice(end + 2);
      const id = /^id: (\d+)$/m.exec(block)?.[1];
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event === 'reset') this.resets.push(this.delivered.length);
      if (event !== 'session' || id === undefined || data === undefined) continue;
      const session = JSON.parse(data) as Session;
      this.delivered.push({ seq: Number(id), id: session.id, version: session.version });
    }
  }

  buffered(): number {
    return 0;
  }

  close(): void {}

  /** What arrived after position `after`. */
  since(after: number): Delivered[] {
    return this.delivered.filter((row) => row.seq > after);
  }

  /** Waits until an event at `seq` or later arrived (fails after `timeoutMs`). */
  async reach(seq: number, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.delivered.at(-1)?.seq ?? 0) < seq) {
      if (Date.now() > deadline) throw new Error(`stream did not reach ${seq}`);
      await sleep(5);
    }
  }
}

/** Starts sessions through the API of `lens` and returns their ids. */
export async function startSessions(lens: SessionLensApp, token: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const res = await lens.app.request('/v1/sessions', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'flow', title: `Property session ${i}` }),
    });
    if (res.status !== 201) throw new Error(`start → ${res.status} ${await res.text()}`);
    ids.push(((await res.json()) as Session).id);
  }
  return ids;
}

/** A change that is rolled back on purpose. */
export class Abort extends Error {}

/**
 * What a change tells the store about the sessions it locks: `own` names its session (it may
 * share a transaction), `none` names nothing (it runs alone on PostgreSQL), `wrong` names none
 * although it loads one (in a shared transaction it must be sent to run alone).
 */
export type Declared = 'own' | 'none' | 'wrong';

/**
 * One change through the store: lock and load the session, write the next version, wait
 * `delayMs` before committing, and throw {@link Abort} instead of committing when `abort`.
 * Resolves to the committed change, or undefined when aborted.
 */
export async function change(
  lens: SessionLensApp,
  id: string,
  delayMs: number,
  abort: boolean,
  declared: Declared = 'own',
): Promise<Delivered | undefined> {
  const sessions = { own: [id], none: undefined, wrong: [] }[declared];
  try {
    return await lens.store.mutate(sessions, async (tx) => {
      const stored = await lens.store.load(tx, id);
      if (!stored) throw new Error(`no session ${id}`);
      const next: Session = {
        ...stored.session,
        version: stored.session.version + 1,
        updatedAt: new Date().toISOString(),
      };
      await lens.store.write(tx, next, stored.session);
      const seq = tx.events?.at(-1)?.seq ?? 0;
      if (delayMs > 0) await sleep(delayMs);
      if (abort) throw new Abort('rolled back on purpose');
      return { seq, id, version: next.version };
    });
  } catch (error) {
    if (error instanceof Abort) return undefined;
    throw error;
  }
}
