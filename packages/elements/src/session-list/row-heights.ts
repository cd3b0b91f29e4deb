/** What a windowed row needs: an id that stays with it as rows land or leave. */
export type KeyedRow = { readonly id: string };

/** A row's height before any is measured (px): the row's min-height. */
export const BASE_ROW_PX = 56;
/** Rows remembered at a height other than the base height; the oldest is forgotten first. */
export const MAX_MEASURED = 1_000;
/** How far (rows) from where it was last seen a measured row is looked for before the whole list. */
const NEAR = 64;

type Extra = { readonly index: number; readonly extra: number };

/**
 * The heights of a list's rows, for {@link RowWindow}: every row is as tall as the base height
 * (the rows measured most often) except the rows measured at another height, remembered by
 * session id (up to {@link MAX_MEASURED}). From those it answers where a row starts and which row
 * is at an offset, in time proportional to the number of such rows (usually none or one: the
 * expanded row), never to the length of the list.
 */
export class RowHeights {
  #rows: readonly KeyedRow[] = [];
  #base = BASE_ROW_PX;
  #baseMeasured = false;
  /** Rows measured at other than the base height: height (px) and the index last seen at. */
  readonly #measured = new Map<string, { height: number; index: number }>();
  /** The measured rows of the current list, in index order; unset while stale. */
  #extras: Extra[] | undefined;

  /** The height (px) rows have unless measured otherwise. */
  get base(): number {
    return this.#base;
  }

  /** The list the heights are for, in order. */
  setRows(rows: readonly KeyedRow[]): void {
    this.#rows = rows;
    if (this.#measured.size > 0) this.#extras = undefined;
  }

  /**
   * Learns the heights of rendered rows (`index` into the current list). The base height is the
   * median of a batch of three or more (an expanded row among ordinary ones does not move it), or
   * the smallest of the first batch. Returns whether anything changed.
   */
  measure(measured: ReadonlyArray<{ index: number; height: number }>): boolean {
    if (measured.length === 0) return false;
    let changed = false;
    if (measured.length >= 3 || !this.#baseMeasured) {
      const heights = measured.map((row) => row.height).sort((a, b) => a - b);
      const base = heights[measured.length >= 3 ? Math.floor(heights.length / 2) : 0]!;
      if (base !== this.#base) changed = true;
      this.#base = base;
      this.#baseMeasured = true;
    }
    for (const { index, height } of measured) {
      const id = this.#rows[index]?.id;
      if (id === undefined) continue;
      const known = this.#measured.get(id);
      if (known?.height === height) known.index = index;
      else if (height === this.#base) changed = this.#measured.delete(id) || changed;
      else {
        // Delete first: the newest is last, the first forgotten.
        this.#measured.delete(id);
        this.#measured.set(id, { height, index });
        changed = true;
      }
    }
    while (this.#measured.size > MAX_MEASURED) this.#measured.delete(this.#measured.keys().next().value!);
    if (changed) this.#extras = undefined;
    return changed;
  }

  /** The index of session `id` in the list, looked for around `hint` first; -1 when absent. */
  indexOf(id: string, hint: number): number {
    const rows = this.#rows;
    for (let distance = 0; distance <= NEAR; distance++) {
      if (rows[hint + distance]?.id === id) return hint + distance;
      if (distance > 0 && rows[hint - distance]?.id === id) return hint - distance;
    }
    return rows.findIndex((session) => session.id === id);
  }

  /** Where row `index` starts (px from the top of the list); `top(length)` is the list's height. */
  top(index: number): number {
    let extra = 0;
    for (const row of this.#extraRows()) {
      if (row.index >= index) break;
      extra += row.extra;
    }
    return index * this.#base + extra;
  }

  /** The height (px) of row `index`. */
  height(index: number): number {
    const row = this.#extraRows().find((candidate) => candidate.index === index);
    return this.#base + (row?.extra ?? 0);
  }

  /** The row at `offset` (px from the top of the list), clamped to the list. */
  indexAt(offset: number): number {
    const count = this.#rows.length;
    let extra = 0;
    for (const row of this.#extraRows()) {
      const top = row.index * this.#base + extra;
      if (offset < top) break;
      if (offset < top + this.#base + row.extra) return row.index;
      extra += row.extra;
    }
    return Math.max(0, Math.min(count - 1, Math.floor((offset - extra) / this.#base)));
  }

  /** The measured rows of the current list; a measured session no longer in it is forgotten. */
  #extraRows(): readonly Extra[] {
    if (this.#extras) return this.#extras;
    const extras: Extra[] = [];
    for (const [id, row] of this.#measured) {
      const index = this.indexOf(id, row.index);
      if (index < 0) this.#measured.delete(id);
      else {
        row.index = index;
        if (row.height !== this.#base) extras.push({ index, extra: row.height - this.#base });
      }
    }
    this.#extras = extras.sort((a, b) => a.index - b.index);
    return this.#extras;
  }
}
