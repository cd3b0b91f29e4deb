import type { TemplateResult } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
// The key of the virtualizer's handle on its scroller, for the rows loader (row focus scrolls with it).
export { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import type { Session } from '@session-lens/sdk';

/**
 * Pixels rendered beyond each edge of the viewport, at least. The virtualizer's default (1,000 px)
 * keeps ~2.3× the visible rows in the DOM; this keeps it under 2× while a fling still finds rows
 * ready.
 */
const OVERHANG_PX = 200;

/**
 * How close (px) the viewport's edge may come to the last rendered row before the range moves.
 * The virtualizer moves the range whenever less than its overhang is left, which with one
 * overhang is after every row's height of scrolling; and each move re-renders every row in the
 * range (rows are reused by position). Rendering a wider overhang than this threshold moves the
 * range a few rows at a time instead, so a scroll renders rows in a fraction of its frames.
 */
const TRIGGER_PX = 100;

/**
 * The overhang rendered when the range moves: half the viewport less a row (so the DOM holds
 * under 2× the rows that fit, X5), and never less than {@link OVERHANG_PX}.
 */
const renderOverhang = (viewport: number) => Math.max(OVERHANG_PX, Math.round(viewport / 2) - 64);

/**
 * The virtualizer's flow layout with the overhangs above, imported statically: the default layout
 * is fetched with a dynamic import on first render, one more round trip before the first rows.
 * `_overhang` is what the virtualizer checks on each scroll (the threshold); while it works out a
 * new range, it is the wider render overhang.
 */
class ListLayout extends FlowLayout {
  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = TRIGGER_PX;
  }

  override _getActiveItems(): void {
    const threshold = this._overhang;
    this._overhang = renderOverhang(this._viewDim1);
    try {
      super._getActiveItems();
    } finally {
      this._overhang = threshold;
    }
  }
}
const LIST_LAYOUT = { type: ListLayout };

/** What {@link virtualRows} renders. */
export type VirtualRowsOptions = {
  /** The sessions, in list order. */
  rows: readonly Session[];
  /**
   * `position`: rows are reused for whichever session scrolls into their place (the fast path).
   * `session`: each session keeps its own item (needed once an item holds more than its row).
   */
  keyBy: 'position' | 'session';
  /** The index of the first rendered row, as the last `rangeChanged` event reported it. */
  first: () => number;
  renderItem: (session: Session, index: number) => TemplateResult;
};

/**
 * The list's rows, virtualized inside the element that carries this directive (it is the
 * scroller): only the rows near the viewport are in the DOM.
 */
export function virtualRows(options: VirtualRowsOptions): unknown {
  const { rows, keyBy, first, renderItem } = options;
  return virtualize({
    // The scroller itself scrolls: the list is a fixed-height region in the host's page.
    scroller: true,
    layout: LIST_LAYOUT,
    items: rows as Session[],
    // Keyed by position in the rendered range, not by session: as the list scrolls, rows are
    // updated in place with their new session instead of created anew (a fling replaces
    // every row each frame); focus follows its session (RowFocus). With expansions, keyed by
    // session: an open detail must never be handed to another session, nor moved in the DOM
    // (which drops the focus inside it) as the range shifts.
    keyFunction:
      keyBy === 'session'
        ? (session: Session) => session.id
        : (_session: Session, index: number) => index - first(),
    renderItem,
  });
}
