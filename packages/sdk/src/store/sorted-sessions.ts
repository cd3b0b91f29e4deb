import type { Session } from '../contract/session.js';
import { compareSessions } from '../helpers/order.js';

/**
 * Sessions kept in S9 order for one instant of the clock, with O(log n) lookup of a position.
 * The order depends on the clock (a chat stops being active 30 minutes after its last message),
 * so the owner moves the instant forward with {@link setClock} only after taking out every
 * session whose activeness changed in between; the rest keep their relative order.
 */
export class SortedSessions {
  #items: Session[] = [];
  #compare: (a: Session, b: Session) => number;
  #clock: number;

  /** Creates an empty list ordered for the instant `clock` (epoch ms). */
  constructor(clock: number) {
    this.#clock = clock;
    this.#compare = compareSessions(clock);
  }

  /** The instant the order is computed for. */
  get clock(): number {
    return this.#clock;
  }

  /** The number of sessions. */
  get length(): number {
    return this.#items.length;
  }

  /** The sessions, in order. Callers must not mutate it. */
  get items(): readonly Session[] {
    return this.#items;
  }

  /** Moves the instant forward; see the class comment for the precondition. */
  setClock(clock: number): void {
    this.#clock = clock;
    this.#compare = compareSessions(clock);
  }

  /** Compares two sessions at the list's instant. */
  compare(a: Session, b: Session): number {
    return this.#compare(a, b);
  }

  /** Inserts a session (not already present) at its place. */
  insert(session: Session): void {
    this.#items.splice(this.#lowerBound(session), 0, session);
  }

  /** Removes exactly this session object, found by binary search. Returns whether it was there. */
  remove(session: Session): boolean {
    const index = this.#lowerBound(session);
    if (this.#items[index] !== session) return false;
    this.#items.splice(index, 1);
    return true;
  }

  /** Empties the list. */
  clear(): void {
    this.#items = [];
  }

  #lowerBound(session: Session): number {
    let lo = 0;
    let hi = this.#items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#compare(this.#items[mid] as Session, session) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
