import type { Session } from '@session-lens/sdk';

/** The rows a list shows, and how many sessions wait behind its "N new" control. */
export type VisibleRows = { readonly rows: readonly Session[]; readonly withheld: number };

/**
 * Which sessions show while the reader has scrolled away from the top, given every session in
 * list order and the ids the reader has already seen. A session not seen yet that sorts above a
 * seen one is withheld (it waits behind "N new", so the list does not move under the reader);
 * one that sorts below every seen session (a page loaded at the tail) joins at once and counts
 * as seen from now on (`joined`). Seen sessions show, updated in place.
 *
 * A pure function: it changes neither of its arguments.
 */
export function withholdNew(
  all: readonly Session[],
  seen: ReadonlySet<string>,
): VisibleRows & { readonly joined: readonly string[] } {
  let lastSeen = -1;
  all.forEach((session, index) => {
    if (seen.has(session.id)) lastSeen = index;
  });
  const rows: Session[] = [];
  const joined: string[] = [];
  let withheld = 0;
  all.forEach((session, index) => {
    if (seen.has(session.id)) rows.push(session);
    else if (index > lastSeen) {
      joined.push(session.id);
      rows.push(session);
    } else withheld++;
  });
  return { rows, withheld, joined };
}

/**
 * What the reader has seen of a live list, for {@link withholdNew}: everything shown while at
 * the top, and what joined since. It works each change out once (the store hands out a new
 * array only when something changed), not once per render.
 */
export class SeenSessions {
  #seen = new Set<string>();
  /**
   * The sessions last shown at the top, not yet copied into `#seen`: at the top every row is
   * seen, and copying 100,000 ids there would delay the first paint; the copy is made once the
   * reader scrolls away.
   */
  #seenAtTop: readonly Session[] | undefined;
  /** The last rows worked out while scrolled away, for the store snapshot they came from. */
  #last: { all: readonly Session[]; result: VisibleRows } | undefined;

  /** Forgets everything seen (a new store: another set of sessions). */
  reset(): void {
    this.#seen = new Set();
    this.#seenAtTop = undefined;
    this.#last = undefined;
  }

  /** The rows to show: at the top, everything; scrolled away, {@link withholdNew}'s answer. */
  visible(all: readonly Session[], atTop: boolean): VisibleRows {
    if (atTop || (this.#seen.size === 0 && !this.#seenAtTop)) {
      this.#seenAtTop = all;
      this.#last = undefined;
      return { rows: all, withheld: 0 };
    }
    // Scrolled away with nothing changed since the top: every row is seen, nothing to work out.
    if (all === this.#seenAtTop) return { rows: all, withheld: 0 };
    if (this.#last?.all === all) return this.#last.result;
    if (this.#seenAtTop) {
      for (const session of this.#seenAtTop) this.#seen.add(session.id);
      this.#seenAtTop = undefined;
    }
    const { rows, withheld, joined } = withholdNew(all, this.#seen);
    for (const id of joined) this.#seen.add(id);
    const result = { rows, withheld };
    this.#last = { all, result };
    return result;
  }
}
