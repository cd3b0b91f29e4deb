import type { Session } from '../contract/session.js';
import { activeUntil, isActive } from '../helpers/active.js';
import { compareOrderKeys } from '../helpers/order.js';

/** Blocks split past this size; small enough that a shift within one is a few microseconds. */
const MAX_BLOCK = 1024;

/**
 * A session with its sort key parsed once: comparing ISO strings through `Date.parse` on each of
 * the ~40 comparisons an update makes was most of the cost of applying an event.
 */
type Entry = {
  session: Session;
  /** `updatedAt` in epoch ms. */
  updated: number;
  /** Active while the clock is before this: ±Infinity for kinds whose activeness is by status. */
  activeUntil: number;
};

function entryOf(session: Session): Entry {
  const until = activeUntil(session);
  return {
    session,
    updated: Date.parse(session.updatedAt),
    activeUntil: session.kind === 'chat' ? (until ?? -Infinity) : isActive(session, 0) ? Infinity : -Infinity,
  };
}

/**
 * Sessions kept in the session order for one instant of the clock. Stored as a list of sorted blocks, so
 * an insert or a removal costs O(log n) comparisons plus a shift within one block of at most
 * 1,024 items — a flat array would shift half of 100,000 references per update.
 *
 * The order depends on the clock (a chat stops being active 30 minutes after its last message),
 * so the owner moves the instant forward with {@link setClock} only after taking out every
 * session whose activeness changed in between; the rest keep their relative order.
 */
export class SortedSessions {
  #blocks: Entry[][] = [];
  #length = 0;
  #clock: number;

  /** Creates an empty list ordered for the instant `clock` (epoch ms). */
  constructor(clock: number) {
    this.#clock = clock;
  }

  /** The instant the order is computed for. */
  get clock(): number {
    return this.#clock;
  }

  /** The number of sessions. */
  get length(): number {
    return this.#length;
  }

  /** A new array of the sessions, in order. */
  toArray(): Session[] {
    const out: Session[] = new Array<Session>(this.#length);
    let i = 0;
    for (const block of this.#blocks) for (const entry of block) out[i++] = entry.session;
    return out;
  }

  /** Moves the instant forward; see the class comment for the precondition. */
  setClock(clock: number): void {
    this.#clock = clock;
  }

  /** Inserts a session (not already present) at its place. */
  insert(session: Session): void {
    const entry = entryOf(session);
    if (this.#blocks.length === 0) {
      this.#blocks.push([entry]);
      this.#length = 1;
      return;
    }
    const b = this.#blockFor(entry);
    const block = this.#blocks[b] as Entry[];
    block.splice(this.#lowerBound(block, entry), 0, entry);
    this.#length++;
    if (block.length > MAX_BLOCK) this.#blocks.splice(b + 1, 0, block.splice(MAX_BLOCK >> 1));
  }

  /** Removes exactly this session object, found by binary search. Returns whether it was there. */
  remove(session: Session): boolean {
    if (this.#blocks.length === 0) return false;
    const entry = entryOf(session);
    const b = this.#blockFor(entry);
    const block = this.#blocks[b] as Entry[];
    const index = this.#lowerBound(block, entry);
    if (block[index]?.session !== session) return false;
    block.splice(index, 1);
    this.#length--;
    if (block.length === 0) this.#blocks.splice(b, 1);
    return true;
  }

  /** Empties the list. */
  clear(): void {
    this.#blocks = [];
    this.#length = 0;
  }

  /** The first block whose last session sorts at or after `session` (else the last block). */
  #blockFor(entry: Entry): number {
    let lo = 0;
    let hi = this.#blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const block = this.#blocks[mid] as Entry[];
      if (this.#compare(block[block.length - 1] as Entry, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #lowerBound(items: Entry[], entry: Entry): number {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#compare(items[mid] as Entry, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The session order at the list's instant: `compareSessions(clock)`, on pre-parsed keys. */
  #compare(a: Entry, b: Entry): number {
    const clock = this.#clock;
    return compareOrderKeys(
      a.activeUntil > clock,
      a.updated,
      a.session.id,
      b.activeUntil > clock,
      b.updated,
      b.session.id,
    );
  }
}
