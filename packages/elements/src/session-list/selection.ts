import type { Session } from '@session-lens/sdk';

/**
 * Which rows of a list are selected (E15), by session id — never by position, so a selection
 * holds through live updates (rows landing, moving, changing) and through the reuse of row
 * elements while the list scrolls. Either some ids, or every session matching the list's filters
 * ("Select all N matching", what a bulk call by filters acts on); unselecting one row of the
 * latter leaves the other rows shown selected, by id.
 *
 * Every method takes the rows the list shows, in order: a range runs between two of them, and
 * what counts as selected is what is shown (a selected session that left the list — it no longer
 * matches — is kept, and counts again if it comes back).
 */
export class RowSelection {
  #ids = new Set<string>();
  #allMatching = false;
  /** The row a range starts from: the last one toggled. */
  #anchor: string | undefined;

  /** Whether every session matching the filters is selected. */
  get allMatching(): boolean {
    return this.#allMatching;
  }

  has(id: string): boolean {
    return this.#allMatching || this.#ids.has(id);
  }

  /** The selected sessions among `rows`, in their order. */
  selectedIn(rows: readonly Session[]): Session[] {
    return this.#allMatching ? [...rows] : rows.filter((session) => this.#ids.has(session.id));
  }

  /**
   * Sets `id`'s row to `selected`; with `range`, every row from the last one toggled to it too
   * (Shift+click, Shift+x).
   */
  set(id: string, selected: boolean, rows: readonly Session[], range = false): void {
    if (this.#allMatching) {
      this.#ids = new Set(rows.map((session) => session.id));
      this.#allMatching = false;
    }
    const to = rows.findIndex((session) => session.id === id);
    const from = range && this.#anchor ? rows.findIndex((session) => session.id === this.#anchor) : -1;
    const [first, last] = from < 0 || to < 0 ? [to, to] : [Math.min(from, to), Math.max(from, to)];
    const ids = first < 0 ? [id] : rows.slice(first, last + 1).map((session) => session.id);
    for (const each of ids) {
      if (selected) this.#ids.add(each);
      else this.#ids.delete(each);
    }
    this.#anchor = id;
  }

  /** Selects every session matching the filters, or (false) nothing. */
  selectAll(selected: boolean): void {
    this.#allMatching = selected;
    this.#ids.clear();
    this.#anchor = undefined;
  }
}
