import type { Session } from '@session-lens/sdk';
import type { Database } from '../db/index.js';
import { canSee, present, type Viewer } from '../sessions/model.js';
import { frame, rawFrame, resetFrame } from './frames.js';
import type { StreamSink } from './hub.js';

/** Transcript entries read per query while catching up. */
const PAGE = 500;

/** What a follower shares with the hub that holds it. */
export type FollowerOptions = {
  /** A follower with more unflushed bytes than this is cut off (it resumes by id). */
  maxBufferedBytes: number;
  /** The hub's running totals (`/metrics`). */
  stats: { delivered: number; replays: number; resets: number; cutOff: number };
  /** Called once when the follower ends, for whatever reason. */
  onEnd: (follower: Follower) => void;
};

/**
 * One subscriber of a session's own stream (A16): the transcript entries of one session, each
 * as an `entry` event whose id is its `seq`, and that session's changes as `session` events
 * whose id is the `seq` of the last entry sent before them. Every id is therefore a transcript
 * position, and `Last-Event-ID: N` means "I have every entry through N".
 *
 * Over its life it first sends, from the database, the entries after the position it resumes
 * from (none when it starts fresh: it starts at the transcript's current end) and the session as
 * it is now; then, for each change of the session the hub hands it, the entries written since
 * the last one sent and the changed session. Its steps run one at a time, in the order they were
 * handed in, so entries arrive in `seq` order, each once, and never after a session event that
 * counts them. Entries need no event log: they are never changed or deleted, and a session's
 * entries are numbered under that session's lock, so whatever a read sees is a gapless prefix.
 *
 * A session that leaves the viewer's view (visibility, an embed token's lock) is told as
 * `session.removed`, and the stream ends.
 */
export class Follower {
  readonly sessionId: string;
  readonly sink: StreamSink;
  readonly #db: Database;
  readonly #viewer: Viewer;
  readonly #options: FollowerOptions;
  /** The `seq` of the last entry sent. */
  #seq = 0;
  /** The version of the last session sent. */
  #version = 0;
  #chain: Promise<void> = Promise.resolve();
  #ended = false;

  constructor(db: Database, sink: StreamSink, viewer: Viewer, sessionId: string, options: FollowerOptions) {
    this.#db = db;
    this.sink = sink;
    this.#viewer = viewer;
    this.sessionId = sessionId;
    this.#options = options;
  }

  /** Catches up after entry `after` (undefined: starts at the current end), then follows. */
  start(after: number | undefined): void {
    this.#enqueue(() => this.#begin(after));
  }

  /** A change of the followed session was committed. */
  offer(doc: Session): void {
    this.#enqueue(() => this.#deliver(doc));
  }

  /** Writes a frame; false when the follower has ended or was too far behind and is cut off. */
  write(bytes: Uint8Array): boolean {
    if (this.#ended) return false;
    if (this.sink.buffered() > this.#options.maxBufferedBytes) {
      this.#options.stats.cutOff += 1;
      this.end();
      return false;
    }
    this.sink.write(bytes);
    return true;
  }

  /** Ends the stream (idempotent). */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#options.onEnd(this);
    this.sink.close();
  }

  #enqueue(step: () => Promise<void>): void {
    this.#chain = this.#chain
      .then(() => (this.#ended ? undefined : step()))
      .catch((error: unknown) => {
        if (!this.#ended) console.error('session-lens: following a session failed', error);
        this.end();
      });
  }

  async #begin(after: number | undefined): Promise<void> {
    const [row] = await this.#db.query<{ doc: Session; seq: number }>(
      'select doc, transcript_seq as seq from sessions where id = $1',
      [this.sessionId],
    );
    // The route found it visible; it may have left the view since.
    if (!row || !canSee(this.#viewer, row.doc)) return this.#removed();
    const { stats } = this.#options;
    if (after === undefined) this.#seq = row.seq;
    else if (after > row.seq) {
      // A position this session never reached (another session's id, a client's bug).
      stats.resets += 1;
      this.write(resetFrame(`Last-Event-ID ${after} is past this transcript's end (${row.seq}); refetch.`));
      this.#seq = row.seq;
    } else {
      stats.replays += 1;
      this.#seq = after;
      if (!(await this.#entries())) return;
    }
    this.#session(row.doc);
  }

  async #deliver(doc: Session): Promise<void> {
    if (!canSee(this.#viewer, doc)) return this.#removed();
    if (await this.#entries()) this.#session(doc);
  }

  /** Sends every entry after the last one sent; false when the follower ended meanwhile. */
  async #entries(): Promise<boolean> {
    for (;;) {
      const rows = await this.#db.query<{ seq: number; entry: string }>(
        'select seq, entry::text as entry from transcript_entries where session_id = $1 and seq > $2 order by seq limit $3',
        [this.sessionId, this.#seq, PAGE],
      );
      for (const row of rows) {
        if (!this.write(rawFrame(row.seq, 'entry', row.entry))) return false;
        this.#seq = row.seq;
        this.#options.stats.delivered += 1;
      }
      if (rows.length < PAGE) return !this.#ended;
    }
  }

  #session(doc: Session): void {
    // A change already sent (the catch-up read it before the hub handed it in) is not repeated.
    if (doc.version <= this.#version) return;
    this.#version = doc.version;
    if (this.write(frame(this.#seq, 'session', present(this.#viewer, doc))))
      this.#options.stats.delivered += 1;
  }

  #removed(): void {
    this.write(frame(this.#seq, 'session.removed', { id: this.sessionId }));
    this.end();
  }
}
