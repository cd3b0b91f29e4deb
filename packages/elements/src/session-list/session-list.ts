import { html, nothing, type TemplateResult } from 'lit';
import { type Member, type Session, type SessionFilters, type SessionKind } from '@session-lens/sdk';
import { LensElement } from '../base/lens-element.js';
import { LensConsumer } from '../context/lens-consumer.js';
import { type LiveSessionSource, type LiveSourceFactory } from '../data/live-source.js';
import { LiveStoreController } from '../data/live-store-controller.js';
import { SessionFiltersChangeEvent, type SessionOwnersChangeEvent } from '../events/events.js';
import { formatCount } from '../internal/format.js';
import { renderFirstLoad } from '../internal/store-states.js';
import { messagesForLocale, type Messages } from '../internal/messages.js';
import { tokens } from '../styles/tokens.js';
import { fieldStyles, skeletonStyles, tabStyles } from '../styles/shared.js';
import { renderBanner, renderToolbar } from './list-header.js';
import { SeenSessions } from './new-sessions.js';
import { RowFocus } from './row-focus.js';
import { sessionListStyles } from './session-list.styles.js';
import { RowWindow } from './row-window.js';
import { findFilters, type SearchMode } from './find-filters.js';
import { ActHost } from './act-host.js';
import { ListFind } from './list-find.js';
import { renderItem, renderLoadMore, renderNew, renderNoProvider } from './list-rows.js';

/** A kind tab: every kind, or one. */
export type KindTab = 'all' | SessionKind;

export const ALL_TABS: KindTab[] = ['all', 'flow', 'task', 'chat', 'assessment'];
/** Rows from the end of the loaded list at which the next page is requested. */
const LOAD_AHEAD = 10;

/**
 * The live Sessions index: kind tabs, an owner facet listing every workspace member
 * (searchable, with Apply and Clear), an optional status filter and search box, and a virtualized
 * list of `<session-row>`s fed by the SDK's live store, loading further pages as the reader nears
 * the end.
 *
 * Rows update in place as sessions change. A new session lands at the top when the reader is at
 * the top; when they have scrolled away, an "N new" control appears instead of moving the list
 * under them. Live updates can be paused (changes wait, counted) and resumed; Refresh refetches.
 * Loading, empty, error (with retry), reconnecting and offline states are shown as such.
 *
 * Keyboard (E10): the rows are one tab stop, so Tab enters and leaves the list in one step. Up and
 * Down, Home and End, Page Up and Page Down move focus between rows (a row's own arrow keys reach
 * its step strip); focus stays with its session as rows are reused while scrolling, and the list
 * never moves focus unless a person acted inside it. `focusSession(id)` moves focus to a row.
 *
 * Find (E12): the search box looks in titles or, with "Inside sessions" (`search-mode="content"`),
 * in the redacted transcripts (A12; sent once the text is a query the server takes: words with
 * three letters or digits in a row); `time-range` shows a range select (last hour, 24 hours, 7
 * and 30 days as `since` durations; `since` / `until` set otherwise read "Custom range"); `view`
 * applies a saved view (A13). With nothing matching, the empty state names the filters that narrow
 * the list, with a Clear button for each and Clear all. After a person changes a filter, the
 * first page's count is read in a polite live region ("50+ sessions found.").
 *
 * `sync-url` keeps the list's state in the page URL under `lens-` keys (`lens-kind`, `lens-owner`
 * (repeated), `lens-status`, `lens-q` or `lens-content`, `lens-since`, `lens-until`, `lens-view`,
 * `lens-open` for `expandedId`), leaving the host's own parameters alone: it is read when the list
 * connects and on back/forward, and each change a person makes adds a history entry (typing in the
 * search box replaces the current one). Hosts with their own router can leave `sync-url` off and
 * follow `session-filters-change` instead.
 *
 * Act (E15): `selectable` adds a checkbox per row (Shift+click for a range; selection is kept by
 * session id) and "Select all N matching", and the bulk bar's Cancel / End (each only with its
 * scope) with a confirmation, progress, and the outcome naming each refused session and why; rows
 * change only as the live store reports. `exportable` adds Export: CSV or JSON Lines of every
 * session matching the list's filters (`sessions.export`), downloaded as a file. Shortcuts inside
 * the list, never while typing: `/` search, `f` owner filter, `j` / `k` next / previous row, `x`
 * select the row, `o` or Enter open it, `?` the shortcut help. The act UI loads with the later chunk
 * and fires no events of its own (a bulk run's changes reach the rows, and hosts, as store updates).
 *
 * The list talks to the API through the provider's client (`<session-lens-provider>`); a
 * `storeFactory` can supply the live source instead (tests, stories, a host with its own store).
 *
 * @summary The live, filterable, virtualized Sessions index.
 * @tagname session-list
 *
 * @fires {SessionFiltersChangeEvent} session-filters-change - A person changed the tab, owners, status, search, search mode or time range, or cleared filters from the empty state; `detail.filters` are the filters the list now asks for.
 * @fires {SessionOpenEvent} session-open - From a row: a person opened a session.
 * @fires {SessionActionEvent} session-action - From a row: a person chose Cancel or End.
 * @fires {SessionActionErrorEvent} session-action-error - From a row: the server refused an action.
 *
 * @csspart base - The list card.
 * @csspart toolbar - The tabs and controls.
 * @csspart tabs - The kind tab list.
 * @csspart tab - A kind tab.
 * @csspart filter - The owner filter button (of the `<session-owner-facet>` inside).
 * @csspart facet - The owner facet panel (of the `<session-owner-facet>` inside).
 * @csspart search - The search box.
 * @csspart search-mode - The select of where the search box looks (Titles / Inside sessions).
 * @csspart range - The time range select.
 * @csspart status-filter - The status select.
 * @csspart pause - The pause/resume live updates button.
 * @csspart refresh - The refresh button.
 * @csspart banner - The reconnecting, offline or paused notice.
 * @csspart new - The "N new" control.
 * @csspart scroller - The scrolling region holding the rows.
 * @csspart row - Each `<session-row>` (style its own parts through it).
 * @csspart expansion - What `renderExpansion` renders under the expanded row.
 * @csspart load-more - The load-more button.
 * @csspart empty - The empty state.
 * @csspart clear-filter - A Clear button of the empty state (one per narrowing filter, and Clear all).
 * @csspart error - The error state.
 * @csspart act-bar - The bar over the rows: selection and Export (`selectable`, `exportable`).
 * @csspart select - A row's checkbox cell.
 * @csspart select-all - The "Select all N matching" checkbox.
 * @csspart bulk-count - "N selected".
 * @csspart bulk-action - Cancel or End for the selection.
 * @csspart bulk-confirm - The confirmation step.
 * @csspart bulk-progress - The progress bar while the bulk calls run.
 * @csspart bulk-outcome - How many were done, refused and not found.
 * @csspart bulk-refusals - The list of refused sessions and why.
 * @csspart export-format - The CSV / JSON Lines select.
 * @csspart export - The Export button.
 * @csspart export-progress - Rows exported so far, then the outcome.
 * @csspart shortcuts - The keyboard shortcut help dialog (`?`).
 *
 * @cssprop --lens-list-height - Height of the list when the host does not size it. Default 36rem.
 * @cssprop --lens-color-accent - Selected tab underline, counters.
 */
export class SessionList extends LensElement {
  static override styles = [tokens, tabStyles, fieldStyles, skeletonStyles, sessionListStyles];

  static override properties = {
    tabs: {
      attribute: 'tabs',
      converter: {
        fromAttribute: (value: string | null) =>
          (value ?? '').split(/\s+/).filter((tab): tab is KindTab => ALL_TABS.includes(tab as KindTab)),
        toAttribute: (value: KindTab[]) => value.join(' '),
      },
    },
    kind: {},
    owners: { attribute: false },
    statusFilter: { type: Boolean, attribute: 'status-filter' },
    status: {},
    search: { type: Boolean },
    query: {},
    searchMode: { attribute: 'search-mode' },
    timeRange: { type: Boolean, attribute: 'time-range' },
    since: {},
    until: {},
    view: {},
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    scope: {},
    filters: { attribute: false },
    members: { attribute: false },
    scopes: { attribute: false },
    pageSize: { type: Number, attribute: 'page-size' },
    selectable: { type: Boolean },
    exportable: { type: Boolean },
    storeFactory: { attribute: false },
    expandedId: { attribute: false },
    renderExpansion: { attribute: false },
    atTop: { state: true },
  };

  /** Which kind tabs show, space-separated (`all flow task chat assessment`). */
  tabs: KindTab[] = ALL_TABS;

  /** The selected kind tab. */
  kind: KindTab = 'all';

  /** The owner filter: member ids. Empty for everyone. */
  owners: string[] = [];

  /** Whether to show the status filter (assessment-style pages). */
  statusFilter = false;

  /** The selected status; empty for every status. */
  status = '';

  /** Whether to show the search box. */
  search = false;

  /** The search text (case-insensitive words over title, description, host, playbook, owner). */
  query = '';

  /** Where the search box looks: `titles` (the `q` filter) or `content` (inside the transcripts, A12). */
  searchMode: SearchMode = 'titles';

  /** Whether to show the time range control. */
  timeRange = false;

  /** Sessions updated at or after this instant, or within this duration back (`P7D`); '' for any. */
  since = '';

  /** Sessions updated before this instant; '' for any. */
  until = '';

  /** A saved view's id whose filters apply under the controls' (A13); '' for none. */
  view = '';

  /**
   * Keeps the list's state (tab, owners, status, search and mode, range, view, the expanded
   * session) in the page URL under `lens-` keys: restored on load and on back/forward, a history
   * entry per change (typing replaces the entry). See docs/elements.md.
   */
  syncUrl = false;

  /** Locks the list to one record: `initiative:<id>`, `plan:<id>` or `agent:<id>`. */
  scope = '';

  /** Further filters, merged under the ones the controls set. */
  filters: SessionFilters = {};

  /** Every workspace member for the owner facet; loaded through the provider's client when unset. */
  members?: Member[];

  /** The caller's scopes for the rows' actions; the provider's identity when unset. */
  scopes?: readonly string[];

  /** Sessions per page. */
  pageSize = 50;

  /**
   * Whether rows can be selected (E15): a checkbox per row (Shift for a range, `x` on a row),
   * "Select all N matching", and the bulk bar's Cancel / End. Loads the act chunk.
   */
  selectable = false;

  /** Whether to show Export (CSV or JSON Lines of what the list shows). Loads the act chunk. */
  exportable = false;

  /** Supplies the live source; by default the SDK's live store over the provider's client. */
  storeFactory?: LiveSourceFactory;

  /**
   * The id of the session whose row is expanded: its row shows `aria-expanded` and, when
   * `renderExpansion` is set, the expansion renders under it, inside the same virtualized item.
   */
  expandedId = '';

  /**
   * Renders content under the expanded row (an extension point, e.g. `<session-tab>`'s inline
   * detail). When set, each row is wrapped in a list item so the expansion scrolls and is measured
   * with its row.
   */
  renderExpansion?: (session: Session) => unknown;

  private atTop = true;

  private get scroller(): HTMLElement | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('.scroller') ?? undefined;
  }

  readonly #lens = new LensConsumer(this);
  readonly #find = new ListFind(
    this,
    (change) => this.#changeFilters(change),
    () => this.locale.lang,
  );
  readonly #live = new LiveStoreController(this, {
    filters: () => this.effectiveFilters,
    client: () => this.#lens.client,
    factory: () => this.storeFactory,
    pageSize: () => this.pageSize,
    onStoreChange: (store) => {
      this.#find.storeChanged(store);
      this.#seen.reset();
      this.#focus.reset();
      this.#act.reset();
    },
  });
  /** What the reader has seen: new sessions wait behind "N new" while they are scrolled away. */
  readonly #seen = new SeenSessions();
  /** Only the rows near the viewport are rendered. */
  readonly #window = new RowWindow(this, {
    scroller: () => this.scroller,
    paint: (paint) => this.#focus.during(paint),
    painted: () => this.#loadAhead(),
  });
  /** The rows the list shows, in order (for loading ahead, and the act UI). */
  #rows: readonly Session[] = [];
  /** The rows as one tab stop, and focus kept with its session as rows are reused. */
  readonly #focus = new RowFocus(
    this,
    () => this.scroller,
    (index) => this.#window.reveal(index),
  );

  /** Selection, bulk actions, Export and the keyboard shortcuts (E15). */
  readonly #act = new ActHost(this, {
    rows: () => this.#rows,
    lang: () => this.locale.lang,
    client: () => this.#lens.client,
    holds: (scope) => this.#lens.holds(scope, this.scopes),
  });

  /** The ids of the selected sessions the list shows, in list order (with `selectable`). */
  get selectedIds(): readonly string[] {
    return this.#act.ui?.selectedIds ?? [];
  }

  /** The live source currently feeding the list. */
  get store(): LiveSessionSource | undefined {
    return this.#live.store;
  }

  /**
   * Moves focus to the row of session `id` (scrolling it into view), e.g. to return focus to a
   * row when something opened from it closes. Resolves whether the session has a row to focus.
   */
  focusSession(id: string): Promise<boolean> {
    return this.#focus.focusSession(id);
  }

  /** The filters the list asks the server for: the controls' over `filters`. */
  get effectiveFilters(): SessionFilters {
    const filters: SessionFilters = { ...this.filters };
    if (this.scope) filters.scope = this.scope;
    return findFilters(this, filters);
  }

  #changeFilters(change: () => void): void {
    this.#find.filtersChanged();
    change();
    this.dispatchEvent(new SessionFiltersChangeEvent(this.effectiveFilters));
  }

  #selectTab(tab: KindTab, focus: boolean): void {
    if (tab !== this.kind) this.#changeFilters(() => (this.kind = tab));
    if (focus) {
      void this.updateComplete.then(() =>
        this.shadowRoot?.querySelector<HTMLElement>(`#tab-${tab}`)?.focus(),
      );
    }
  }

  #onOwnersChange(event: SessionOwnersChangeEvent): void {
    // The list reports the change as its own filters change.
    event.stopPropagation();
    this.#changeFilters(() => (this.owners = event.detail.owners));
  }

  #onScroll(): void {
    this.#window.onScroll();
    const top = (this.scroller?.scrollTop ?? 0) < 8;
    if (top !== this.atTop) this.atTop = top;
  }

  #showNew(): void {
    this.scroller?.scrollTo({ top: 0 });
    this.atTop = true;
    void this.updateComplete.then(() =>
      this.shadowRoot?.querySelector<HTMLElement>('session-row')?.focus({ preventScroll: true }),
    );
  }

  /** The rendered rows reach near the end of what is loaded: the next page. */
  #loadAhead(): void {
    if (this.#rows.length > 0 && this.#window.last >= this.#rows.length - LOAD_AHEAD) this.#live.loadMore();
  }

  readonly #togglePause = (): void => this.#live.togglePause();
  readonly #retry = (): void => this.#live.retry();

  #renderBody(store: LiveSessionSource | undefined, words: Messages): TemplateResult {
    if (!store) return renderNoProvider(words);
    if (!store.loaded) return renderFirstLoad(store, words, { rows: 5, onRetry: this.#retry });
    const { rows, withheld } = this.#seen.visible(store.sessions, this.atTop);
    this.#focus.rows = rows;
    this.#rows = rows;
    if (rows.length === 0 && withheld === 0) return this.#find.renderEmpty(words);
    return html`${withheld > 0 ? renderNew(formatCount(withheld, this.locale.lang), words, () => this.#showNew()) : nothing}
      <div
        part="scroller"
        class="scroller"
        role="list"
        aria-label=${words.sessions}
        aria-busy=${store.loading ? 'true' : 'false'}
        tabindex="-1"
        @scroll=${this.#onScroll}
        @focusin=${(event: FocusEvent) => this.#focus.onFocusIn(event)}
        @focusout=${(event: FocusEvent) => this.#focus.onFocusOut(event)}
        @keydown=${(event: KeyboardEvent) => this.#focus.onKey(event)}
      >
        ${this.#window.render(rows, this.renderExpansion ? this.expandedId : undefined, (session, index) =>
          renderItem(session, index, this, !this.#focus.isCurrent(session), this.#act.checkbox(session)),
        )}
      </div>
      ${renderLoadMore(store, words, () => this.#live.loadMore())}`;
  }

  override render() {
    this.#rows = [];
    const store = this.#live.store;
    const selected = this.tabs.includes(this.kind) ? this.kind : (this.tabs[0] ?? 'all');
    const words = messagesForLocale(this.locale.lang);
    // The rows first: the act bar over them counts them.
    const body = this.#renderBody(store, words);
    return html`<div part="base" class="list" @keydown=${this.#act.onKey}>
      ${renderToolbar({
        host: this,
        words,
        store,
        tabs: this.tabs.length > 0 ? this.tabs : ALL_TABS,
        kind: this.kind,
        onSelectTab: (tab, focus) => this.#selectTab(tab, focus),
        ...this.#find.toolbar(),
        owners: this.owners,
        members: this.members,
        onOwnersChange: (event) => this.#onOwnersChange(event),
        onTogglePause: this.#togglePause,
        onRetry: this.#retry,
      })}
      ${store ? renderBanner(store, words, { onTogglePause: this.#togglePause, onRetry: this.#retry }) : nothing}
      ${this.#act.renderBar()}
      <div class="viewport" role="tabpanel" id="panel" aria-labelledby=${`tab-${selected}`}>${body}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'session-list': SessionList;
  }
}
