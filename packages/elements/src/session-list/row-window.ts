import {
  html,
  nothing,
  render,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Session } from '@session-lens/sdk';
import { RowHeights, type KeyedRow } from './row-heights.js';

/** Pixels the window keeps behind the reader's direction of travel when it moves. */
const BEHIND_PX = 100;
/** How close (px) the viewport's edge may come to the edge of the rendered rows before the window moves. */
const TRIGGER_PX = 40;
/**
 * The tallest the scrolling area is made (px). Browsers cap an element's height (Firefox near
 * 17.9M px, Chromium and WebKit near 33.5M px): a taller list (over 285,000 rows of 56 px) scrolls
 * through a scaled scrollbar instead, with no row out of reach.
 */
export const MAX_SCROLL_PX = 16_000_000;
/** The viewport assumed before the scroller is measured, when the host has no height yet. */
const FIRST_VIEWPORT_PX = 800;

/**
 * The pixels rendered beyond the viewport, both edges together, when the window moves: as many as
 * keep the DOM under twice the rows that fit (X5), and at least four rows. A scroll re-renders
 * every rendered row when the window moves (rows are reused by position), so the more of it lies
 * ahead of the reader, the less often that happens.
 */
const slackFor = (viewport: number, row: number) =>
  Math.max(4 * row, (2 * Math.ceil(viewport / row) - 2) * row - viewport);

type Host = ReactiveControllerHost & HTMLElement;

/** What a {@link RowWindow} works with besides its host. */
export type RowWindowOptions = {
  /** The element the rows scroll in (it holds what {@link RowWindow.render} returns). */
  scroller: () => HTMLElement | undefined;
  /**
   * Runs `paint`, a render of the rows outside the host's update (on a scroll or a resize):
   * row focus wraps it to keep focus with its session.
   */
  paint?: (paint: () => void) => void;
  /** After each render of the rows. */
  painted?: () => void;
};

type RenderItem<Row> = (row: Row, index: number) => TemplateResult;

/**
 * The windowed rows of a `<session-list>` (and of `<session-detail>`'s transcript, its rows keyed
 * by entry): only the rows near the viewport are in the DOM, in order, inside one absolutely placed window over a spacer as tall as every row together.
 *
 * Scrolling renders the rows into the window directly (`render()` into it), without an update of
 * the host: a fling costs the rows that change and nothing of the rest of the list.
 *
 * Rows are taken to be as tall as the rows measured most often (the base height); an item measured
 * at another height (an expanded row with its detail, a row whose text wraps) is remembered by
 * {@link RowHeights} and counted where it sits. Items and the viewport are measured with a
 * ResizeObserver, never by reading layout on scroll.
 *
 * Rendered rows are reused for whichever session scrolls into their place (a fling updates rows in
 * place instead of creating them), except the expanded row: its item (the row and what expands
 * under it) belongs to its session, and is neither handed to another session nor moved in the DOM
 * (which would drop the focus inside it) as the window moves around it. The item is rendered
 * anew when its row expands or collapses (it moves between the reused rows and its own place);
 * row focus follows its session to the new row.
 *
 * Anchoring: while the reader is scrolled away from the top, the first row in view stays where it
 * is on screen when rows land, leave or change height above it (browsers' own scroll anchoring is
 * turned off: it differs between engines and does not see the window's rows). At the very top,
 * rows that land above show.
 *
 * A list taller than {@link MAX_SCROLL_PX} scrolls through a scaled scrollbar: a jump (dragging
 * the thumb, `scrollTop` set far) goes to the same fraction of the list, while every scroll of
 * less than a viewport (wheel, touch, keys, focus) moves the rows 1:1; the ends are the ends.
 */
export class RowWindow<Row extends KeyedRow = Session> implements ReactiveController {
  readonly #host: Host;
  readonly #options: RowWindowOptions;
  readonly #heights = new RowHeights();
  #rows: readonly Row[] = [];
  #expandedId: string | undefined;
  #renderItem: RenderItem<Row> | undefined;
  #viewport = 0;
  /** The content offset (px) at the viewport's top. */
  #offset = 0;
  /** The scroller's `scrollTop` as last read, or as it is about to be written. */
  #scrollTop = 0;
  #writeScroll = false;
  #first = 0;
  #last = -1;
  /** Which way the reader last scrolled: 1 down, -1 up, 0 a jump (or not yet). */
  #direction: -1 | 0 | 1 = 0;
  /** How far (px) the last scroll step went. */
  #speed = 0;
  /** The first row in view and how far (px) its top is above the viewport's. */
  #anchor: { id: string; index: number; within: number } | undefined;
  #observer: ResizeObserver | undefined;
  #observedScroller: HTMLElement | undefined;
  #observedItems: Element[] = [];

  constructor(host: Host, options: RowWindowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The index of the last rendered row (-1 with no rows). */
  get last(): number {
    return this.#last;
  }

  /**
   * The spacer and the (empty) window, for the host's template; the rows of `rows` (in list
   * order) are rendered into the window once the host has rendered it.
   */
  render(rows: readonly Row[], expandedId: string | undefined, renderItem: RenderItem<Row>): TemplateResult {
    this.#expandedId = expandedId;
    this.#renderItem = renderItem;
    // Scrolled by someone else since the last scroll event (it is dispatched a frame later).
    const scrollTop = this.#writeScroll ? this.#scrollTop : this.#options.scroller()?.scrollTop;
    if (scrollTop !== undefined && scrollTop !== this.#scrollTop) this.#scrolledTo(scrollTop);
    if (rows !== this.#rows) this.#setRows(rows);
    if (!this.#viewport) this.#viewport = this.#host.clientHeight || FIRST_VIEWPORT_PX;
    if (!this.#covers()) this.#pickRange();
    return html`<div class="spacer"></div>
      <div class="window" role="none"></div>`;
  }

  /** Scrolls the least that brings row `index` fully into view (when it fits). */
  reveal(index: number): void {
    if (index < 0 || index >= this.#rows.length) return;
    const top = this.#heights.top(index);
    const bottom = top + this.#heights.height(index);
    let offset = this.#offset;
    if (top < offset) offset = top;
    else if (bottom > offset + this.#viewport) offset = Math.min(top, bottom - this.#viewport);
    if (offset === this.#offset) return;
    this.#moveTo(offset);
    this.#repaint();
  }

  /** The scroller scrolled (its `scroll` event). */
  onScroll(): void {
    const scroller = this.#options.scroller();
    if (!scroller || this.#writeScroll) return;
    // A scaled list places its window against the scroll position on every scroll.
    if (this.#scrolledTo(scroller.scrollTop) || this.#scaled()) this.#repaint();
  }

  /** Follows the scroller to `scrollTop`; returns whether the rendered rows must change. */
  #scrolledTo(scrollTop: number): boolean {
    const offset = this.#offsetFor(scrollTop);
    const step = offset - this.#offset;
    this.#direction = Math.abs(step) > this.#viewport ? 0 : step > 0 ? 1 : step < 0 ? -1 : this.#direction;
    this.#speed = Math.abs(step);
    this.#offset = offset;
    this.#scrollTop = scrollTop;
    this.#setAnchor();
    if (this.#covers()) return false;
    this.#pickRange();
    return true;
  }

  hostUpdated(): void {
    const scroller = this.#options.scroller();
    if (scroller !== this.#observedScroller) this.#newScroller(scroller);
    this.#paint();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#observedScroller = undefined;
    this.#observedItems = [];
  }

  /** Renders the rows outside the host's update. */
  #repaint(): void {
    const paint = this.#options.paint;
    if (paint) paint(() => this.#paint());
    else this.#paint();
  }

  /** Renders the window's rows, sizes the spacer, places the window, writes a pending scroll. */
  #paint(): void {
    const scroller = this.#options.scroller();
    const spacer = scroller?.querySelector<HTMLElement>(':scope > .spacer');
    const rowBox = scroller?.querySelector<HTMLElement>(':scope > .window');
    const renderItem = this.#renderItem;
    if (!scroller || !spacer || !rowBox || !renderItem) return;
    // Written only when changed: a write of the same value still invalidates style.
    const height = `${Math.min(this.#total(), MAX_SCROLL_PX)}px`;
    const top = `${this.#scrollTop + this.#heights.top(this.#first) - this.#offset}px`;
    if (spacer.style.height !== height) spacer.style.height = height;
    if (rowBox.style.top !== top) rowBox.style.top = top;
    render(this.#items(renderItem), rowBox, { host: this.#host });
    if (this.#writeScroll) {
      this.#writeScroll = false;
      scroller.scrollTop = this.#scrollTop;
    }
    this.#observeItems(rowBox);
    this.#options.painted?.();
  }

  /** The rendered rows as three parts, always: the rows before the expanded one, its item, the rest. */
  #items(renderItem: RenderItem<Row>): unknown[] {
    const first = this.#first;
    const shown = this.#rows.slice(first, this.#last + 1);
    const at = this.#expandedId ? shown.findIndex((session) => session.id === this.#expandedId) : -1;
    const items = (from: number, to: number) =>
      shown.slice(from, to).map((session, i) => renderItem(session, first + from + i));
    const expanded = shown[at];
    return expanded
      ? [items(0, at), keyed(expanded.id, renderItem(expanded, first + at)), items(at + 1, shown.length)]
      : [items(0, shown.length), nothing, nothing];
  }

  /** A scroller appeared (or another replaced it): it starts at the top. */
  #newScroller(scroller: HTMLElement | undefined): void {
    if (this.#observedScroller) this.#observer?.unobserve(this.#observedScroller);
    this.#observedScroller = scroller;
    if (!scroller) return;
    this.#observer ??= new ResizeObserver((entries) => this.#onResize(entries));
    this.#observer.observe(scroller);
    if (this.#offset !== 0 || this.#scrollTop !== 0) {
      this.#offset = 0;
      this.#scrollTop = 0;
      this.#setAnchor();
      this.#pickRange();
    }
  }

  /** Observes the rendered items (new ones are reported once at once), and lets go of the rest. */
  #observeItems(rowBox: HTMLElement): void {
    const items = [...rowBox.children];
    const now = new Set(items);
    for (const item of this.#observedItems) if (!now.has(item)) this.#observer?.unobserve(item);
    const before = new Set(this.#observedItems);
    for (const item of items) if (!before.has(item)) this.#observer?.observe(item);
    this.#observedItems = items;
  }

  #onResize(entries: ResizeObserverEntry[]): void {
    let changed = false;
    const measured: Array<{ index: number; height: number }> = [];
    for (const entry of entries) {
      const height = entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height;
      if (entry.target === this.#observedScroller) {
        if (entry.contentRect.height !== this.#viewport && entry.contentRect.height > 0) {
          this.#viewport = entry.contentRect.height;
          changed = true;
        }
        continue;
      }
      const index = Number((entry.target as HTMLElement).dataset['index']);
      // A row not laid out (its list hidden) has no height to learn.
      if (this.#rows[index] && height > 0) measured.push({ index, height });
    }
    if (this.#heights.measure(measured)) changed = true;
    if (!changed) return;
    this.#keepAnchor();
    if (!this.#covers()) this.#pickRange();
    this.#repaint();
  }

  #setRows(rows: readonly Row[]): void {
    this.#rows = rows;
    this.#heights.setRows(rows);
    this.#keepAnchor();
  }

  /** After rows or heights changed: the anchor row stays in place (unless at the very top). */
  #keepAnchor(): void {
    const anchor = this.#anchor;
    let offset = this.#offset;
    if (anchor && offset > 0) {
      const index = this.#heights.indexOf(anchor.id, anchor.index);
      if (index >= 0) offset = this.#heights.top(index) + anchor.within;
    }
    offset = Math.max(0, Math.min(offset, this.#total() - this.#viewport));
    if (offset !== this.#offset) this.#moveTo(offset);
    else this.#setAnchor();
  }

  /** Moves the viewport to content offset `offset`; the scroller follows at the next paint. */
  #moveTo(offset: number): void {
    this.#offset = offset;
    const total = this.#total();
    this.#scrollTop = this.#scaled()
      ? Math.round((offset * (MAX_SCROLL_PX - this.#viewport)) / (total - this.#viewport))
      : offset;
    this.#writeScroll = true;
    this.#setAnchor();
    if (!this.#covers()) this.#pickRange();
  }

  #total(): number {
    return this.#heights.top(this.#rows.length);
  }

  #scaled(): boolean {
    return this.#total() > MAX_SCROLL_PX;
  }

  /** The content offset for scroll position `scrollTop`. */
  #offsetFor(scrollTop: number): number {
    if (!this.#scaled()) return scrollTop;
    const content = this.#total() - this.#viewport;
    const scroll = MAX_SCROLL_PX - this.#viewport;
    if (scrollTop <= 0) return 0;
    if (scrollTop >= scroll - 1) return content;
    const step = scrollTop - this.#scrollTop;
    if (Math.abs(step) < this.#viewport) return Math.max(0, Math.min(content, this.#offset + step));
    return (scrollTop * content) / scroll;
  }

  #setAnchor(): void {
    const index = this.#heights.indexAt(this.#offset);
    const session = this.#rows[index];
    this.#anchor = session && {
      id: session.id,
      index,
      within: this.#offset - this.#heights.top(index),
    };
  }

  /** Whether the rendered rows reach at least {@link TRIGGER_PX} beyond each edge of the viewport. */
  #covers(): boolean {
    const count = this.#rows.length;
    if (count === 0) return this.#last === -1;
    if (this.#last < this.#first || this.#last >= count) return false;
    const top = this.#heights.top(this.#first);
    const bottom = this.#heights.top(this.#last + 1);
    return (
      (this.#first === 0 || top <= this.#offset - TRIGGER_PX) &&
      (this.#last === count - 1 || bottom >= this.#offset + this.#viewport + TRIGGER_PX) &&
      // A jump far away: the old window is nowhere near.
      top <= this.#offset + this.#viewport &&
      bottom >= this.#offset
    );
  }

  /**
   * Renders the rows around the viewport, most of the slack ahead of the reader's direction; a
   * scroll that outruns the slack in one step (a fast fling) renders about the viewport only,
   * since the next step lands beyond anything rendered ahead anyway.
   */
  #pickRange(): void {
    const count = this.#rows.length;
    if (count === 0) {
      this.#first = 0;
      this.#last = -1;
      return;
    }
    let slack = slackFor(this.#viewport, this.#heights.base);
    let above = this.#direction > 0 ? BEHIND_PX : this.#direction < 0 ? slack - BEHIND_PX : slack / 2;
    if (this.#direction !== 0 && this.#speed > slack - BEHIND_PX - TRIGGER_PX) {
      slack = 4 * TRIGGER_PX;
      above = slack / 2;
    }
    this.#first = this.#heights.indexAt(this.#offset - above);
    this.#last = this.#heights.indexAt(this.#offset + this.#viewport + slack - above);
  }
}
