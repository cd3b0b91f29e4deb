import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session } from '@session-lens/sdk';
import type { SessionRow } from '../session-row/session-row.js';

/** The keys that move between rows. */
const ROW_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp']);
/** Frames to wait for a row that a key scrolled to (outside the rendered window) to render. */
const RENDER_FRAMES = 10;
/** A row's height before one is measured. */
const ROW_HEIGHT_PX = 56;

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The rows of a `<session-list>` as one tab stop (E10, the roving tabindex of the WAI-ARIA
 * patterns): one row, the current one, is in the Tab order and the others carry `skip-tab`;
 * Up and Down, Home and End, Page Up and Page Down move focus between rows and make the row they
 * land on current; Tab leaves the list. When the current row is not rendered (scrolled out of the
 * virtualized window, or gone from the list), the scroller itself is the tab stop and the keys
 * continue from the first row in view.
 *
 * Rows are reused by position as the list scrolls (and removed when they leave the window), so
 * focus inside the rows is kept with its session: when the focused row element now shows another
 * session, or a render removed the focused element, focus goes to the row showing its session,
 * or to the scroller when that session is no longer rendered.
 *
 * Focus is moved only in answer to a key inside the list, or to keep focus that is already in it:
 * once focus leaves the rows (Tab, a click elsewhere, one of the list's own controls), nothing
 * here moves it again.
 */
export class RowFocus implements ReactiveController {
  readonly #host: Host;
  readonly #scroller: () => HTMLElement | undefined;
  readonly #reveal: (index: number) => void;
  #rows: readonly Session[] = [];
  /** The session whose row is the tab stop; the first row's when unset. */
  #currentId: string | undefined;
  /** The session whose row (or its expansion) holds focus; unset once focus leaves the rows. */
  #focusedId: string | undefined;
  /** True while the list renders rows: focus dropped meanwhile was dropped by the render. */
  #rendering = false;

  /**
   * @param scroller The element the rows scroll in.
   * @param reveal Scrolls row `index` into view (it renders once the list has rendered again).
   */
  constructor(host: Host, scroller: () => HTMLElement | undefined, reveal: (index: number) => void) {
    this.#host = host;
    this.#scroller = scroller;
    this.#reveal = reveal;
    host.addController(this);
  }

  /** The rows the list renders, in order (set on each render). */
  set rows(rows: readonly Session[]) {
    this.#rows = rows;
  }

  /** Starts over (another filter makes another list): the first row is current again. */
  reset(): void {
    this.#currentId = undefined;
  }

  /** Whether `session`'s row is the list's tab stop. */
  isCurrent(session: Session): boolean {
    return session.id === (this.#currentId ?? this.#rows[0]?.id);
  }

  hostUpdate(): void {
    this.#rendering = true;
  }

  hostUpdated(): void {
    this.#rendering = false;
    this.#afterRender();
  }

  /**
   * Runs `render`, a render of the rows outside the host's update (the list scrolled): focus it
   * drops is put back with its session, as after the host's own renders.
   */
  during(render: () => void): void {
    this.#rendering = true;
    try {
      render();
    } finally {
      this.#rendering = false;
    }
    this.#afterRender();
  }

  onFocusIn(event: FocusEvent): void {
    const session = this.#rowOf(event.target)?.session;
    if (!session) return;
    this.#focusedId = session.id;
    if (this.#currentId !== session.id) {
      this.#currentId = session.id;
      this.#host.requestUpdate();
    }
  }

  onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    // Moving between rows, or to the scroller.
    if (next && this.#scroller()?.contains(next)) return;
    // Dropped because a render removed or moved the focused element: #keepFocus puts it back.
    if (!next && this.#rendering) return;
    // Focus left the rows: to the page, to a list control, or nowhere (a click outside).
    this.#focusedId = undefined;
  }

  /** Moves focus to the row of session `id`, scrolling it into view; resolves whether it could. */
  focusSession(id: string): Promise<boolean> {
    const index = this.#rows.findIndex((session) => session.id === id);
    return index < 0 ? Promise.resolve(false) : this.#focusIndex(index, false);
  }

  /** Up, Down, Home, End, Page Up and Page Down move between rows. */
  onKey(event: KeyboardEvent): void {
    if (!ROW_KEYS.has(event.key) || event.defaultPrevented) return;
    const count = this.#rows.length;
    const scroller = this.#scroller();
    const from = event.target as HTMLElement;
    let index: number;
    if (from.localName === 'session-row') index = Number(from.dataset['index']);
    else if (from === scroller) {
      // Focus is on the list (its row scrolled away): continue from the first row in view.
      const first = this.#firstRowInView();
      if (first === undefined) return;
      index = event.key === 'ArrowDown' ? first - 1 : event.key === 'ArrowUp' ? first + 1 : first;
    } else return;
    if (count === 0 || Number.isNaN(index)) return;
    const page = this.#pageRows();
    const target = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: count - 1,
    }[event.key]!;
    event.preventDefault();
    void this.#focusIndex(Math.max(0, Math.min(count - 1, target)), true);
  }

  /** The row element a focus event's target belongs to: the row, or the row of its expansion. */
  #rowOf(target: EventTarget | null): SessionRow | null {
    if (!(target instanceof HTMLElement)) return null;
    if (target.localName === 'session-row') return target as SessionRow;
    return target.closest('[role=listitem]')?.querySelector('session-row') ?? null;
  }

  #afterRender(): void {
    this.#keepFocus();
    this.#syncTabStop();
  }

  /** Focus follows its session as rows are reused, and comes back when a render dropped it. */
  #keepFocus(): void {
    const id = this.#focusedId;
    const root = this.#host.shadowRoot;
    if (id === undefined || !root) return;
    const active = root.activeElement;
    // Still on its session's row, or on the scroller, a control or an expansion.
    if (active && (active.localName !== 'session-row' || (active as SessionRow).session?.id === id)) return;
    const row = this.#renderedRows().find((candidate) => candidate.session?.id === id);
    if (row) row.focus({ preventScroll: true });
    else this.#scroller()?.focus({ preventScroll: true });
  }

  /** The scroller is the tab stop while no rendered row is current. */
  #syncTabStop(): void {
    const scroller = this.#scroller();
    if (!scroller) return;
    const hasStop = this.#renderedRows().some((row) => !row.skipTab);
    const tabIndex = hasStop ? -1 : 0;
    if (scroller.tabIndex !== tabIndex) scroller.tabIndex = tabIndex;
  }

  #renderedRows(): SessionRow[] {
    return [...(this.#host.shadowRoot?.querySelectorAll('session-row') ?? [])];
  }

  /**
   * Focuses the row at `index`. A row outside the rendered window is scrolled to first and
   * focused once it renders, unless focus has left the list meanwhile (`fromKey`: it was in it).
   */
  async #focusIndex(index: number, fromKey: boolean): Promise<boolean> {
    const root = this.#host.shadowRoot;
    for (let frame = 0; root && frame <= RENDER_FRAMES; frame++) {
      if (frame > 0 && fromKey && !root.activeElement) return false;
      const row = root.querySelector<SessionRow>(`session-row[data-index="${index}"]`);
      if (row) {
        row.scrollIntoView({ block: 'nearest' });
        row.focus({ preventScroll: true });
        return true;
      }
      if (frame === 0) this.#reveal(index);
      await new Promise(requestAnimationFrame);
    }
    return false;
  }

  /** Rows in one page of the scroller, less one kept in view (Page Up, Page Down). */
  #pageRows(): number {
    const scroller = this.#scroller();
    const row = this.#host.shadowRoot?.querySelector('session-row');
    const height = row?.getBoundingClientRect().height || ROW_HEIGHT_PX;
    return Math.max(1, Math.floor((scroller?.clientHeight ?? 0) / height) - 1);
  }

  /** The index of the first row at least partly inside the scroller's viewport. */
  #firstRowInView(): number | undefined {
    const scroller = this.#scroller();
    if (!scroller) return undefined;
    const top = scroller.getBoundingClientRect().top;
    const row = this.#renderedRows()
      .sort((a, b) => Number(a.dataset['index']) - Number(b.dataset['index']))
      .find((candidate) => candidate.getBoundingClientRect().bottom > top);
    return row ? Number(row.dataset['index']) : undefined;
  }
}
