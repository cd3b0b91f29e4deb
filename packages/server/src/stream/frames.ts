import type { EventRow } from '../sessions/store.js';
import { present } from '../sessions/model.js';

// The one SSE framing of both streams (A8's list stream and A16's per-session stream): every
// frame is built whole here and written as bytes, so a frame is never interleaved with a ping.

const encoder = new TextEncoder();

/** The heartbeat comment (A8: every 15 s). */
export const PING = encoder.encode(': ping\n\n');

/** A frame of `event` whose data is JSON text already (never parsed and re-serialized). */
export function rawFrame(id: number, event: string, json: string): Uint8Array {
  return encoder.encode(`id: ${id}\nevent: ${event}\ndata: ${json}\n\n`);
}

/** A frame of `event` with `data` as JSON and `id` as its id. */
export function frame(id: number, event: string, data: unknown): Uint8Array {
  return rawFrame(id, event, JSON.stringify(data));
}

/** The `retry:` hint sent on connect, and by the drain. */
export function retryFrame(ms: number): Uint8Array {
  return encoder.encode(`retry: ${ms}\n\n`);
}

/** `reset`: the position the client asked to resume from is not one this stream can resume. */
export function resetFrame(reason: string): Uint8Array {
  return encoder.encode(`event: reset\ndata: ${JSON.stringify({ reason })}\n\n`);
}

/**
 * One event serialized once: the `session` frame with and without cost, and the
 * `session.removed` frame, each built the first time a subscriber needs it and then written as
 * the same bytes to every matching subscriber (TOOLCHAIN.md: per-client writeSSE is the cost).
 */
export class PreparedEvent {
  readonly row: EventRow;
  #withCost?: Uint8Array;
  #withoutCost?: Uint8Array;
  #removed?: Uint8Array;

  constructor(row: EventRow) {
    this.row = row;
  }

  session(spend: boolean): Uint8Array {
    if (spend)
      return (this.#withCost ??= frame(this.row.seq, 'session', present({ spend: true }, this.row.doc)));
    return (this.#withoutCost ??= frame(this.row.seq, 'session', present({ spend: false }, this.row.doc)));
  }

  removed(): Uint8Array {
    return (this.#removed ??= frame(this.row.seq, 'session.removed', { id: this.row.doc.id }));
  }
}
