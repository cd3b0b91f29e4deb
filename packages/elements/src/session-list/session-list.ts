import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import {
  KNOWN_STATUSES,
  type Member,
  type Session,
  type SessionFilters,
  type SessionKind,
} from '@session-lens/sdk';
import { ContextProvider } from '@lit/context';
import { LensConsumer } from '../context/lens-consumer.js';
import { sessionStoreContext } from '../context/session-store.js';
import { SessionFiltersChangeEvent } from '../events/events.js';
import { clampText, errorMessage, formatCount, initials } from '../internal/format.js';
import { messagesForLocale, statusText, type Messages } from '../internal/messages.js';
import { renderTabList } from '../internal/tabs.js';
import { tokens } from '../styles/tokens.js';
import { LensElement } from '../base/lens-element.js';
import { tabStyles } from '../styles/shared.js';
import { sdkLiveSource, type LiveSessionSource, type LiveSourceFactory } from './live-source.js';
import { RowFocus } from './row-focus.js';
import { sessionListStyles } from './session-list.styles.js';
import { virtualRows } from './virtual-rows.js';

/** A kind tab: every kind, or one. */
export type KindTab = 'all' | SessionKind;

const ALL_TABS: KindTab[] = ['all', 'flow', 'task', 'chat', 'assessment'];
const SEARCH_DEBOUNCE_MS = 300;
/** Rows from the end of the loaded list at which the next page is requested. */
const LOAD_AHEAD = 10;

/**
 * The live Sessions index (E3): kind tabs, an owner facet listing every workspace member
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
 * The list talks to the API through the provider's client (`<session-lens-provider>`); a
 * `storeFactory` can supply the live source instead (tests, stories, a host with its own store).
 *
 * @summary The live, filterable, virtualized Sessions index.
 * @tagname session-list
 *
 * @fires {SessionFiltersChangeEvent} session-filters-change - A person changed the tab, owners, status or search.
 * @fires {SessionOpenEvent} session-open - From a row: a person opened a session.
 * @fires {SessionActionEvent} session-action - From a row: a person chose Cancel or End.
 * @fires {SessionActionErrorEvent} session-action-error - From a row: the server refused an action.
 *
 * @csspart base - The list card.
 * @csspart toolbar - The tabs and controls.
 * @csspart tabs - The kind tab list.
 * @csspart tab - A kind tab.
 * @csspart filter - The owner filter button.
 * @csspart facet - The owner facet panel.
 * @csspart search - The search box.
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
 * @csspart error - The error state.
 *
 * @cssprop --lens-list-height - Height of the list when the host does not size it. Default 36rem.
 * @cssprop --lens-color-accent - Selected tab underline, counters.
 */
export class SessionList extends LensElement {
  static override styles = [tokens, tabStyles, sessionListStyles];

  /** Which kind tabs show, space-separated (`all flow task chat assessment`). */
  @property({
    attribute: 'tabs',
    converter: {
      fromAttribute: (value: string | null) =>
        (value ?? '').split(/\s+/).filter((tab): tab is KindTab => ALL_TABS.includes(tab as KindTab)),
      toAttribute: (value: KindTab[]) => value.join(' '),
    },
  })
  tabs: KindTab[] = ALL_TABS;

  /** The selected kind tab. */
  @property() kind: KindTab = 'all';

  /** The owner filter: member ids. Empty for everyone. */
  @property({ attribute: false }) owners: string[] = [];

  /** Whether to show the status filter (assessment-style pages). */
  @property({ type: Boolean, attribute: 'status-filter' }) statusFilter = false;

  /** The selected status; empty for every status. */
  @property() status = '';

  /** Whether to show the search box. */
  @property({ type: Boolean }) search = false;

  /** The search text (case-insensitive words over title, description, host, playbook, owner). */
  @property() query = '';

  /** Locks the list to one record: `initiative:<id>`, `plan:<id>` or `agent:<id>`. */
  @property() scope = '';

  /** Further filters, merged under the ones the controls set. */
  @property({ attribute: false }) filters: SessionFilters = {};

  /** Every workspace member for the owner facet; loaded through the client when unset. */
  @property({ attribute: false }) members?: Member[];

  /** The caller's scopes for the rows' actions; the provider's identity when unset. */
  @property({ attribute: false }) scopes?: readonly string[];

  /** Sessions per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** Supplies the live source; by default the SDK's live store over the provider's client. */
  @property({ attribute: false }) storeFactory?: LiveSourceFactory;

  /**
   * The id of the session whose row is expanded: its row shows `aria-expanded` and, when
   * `renderExpansion` is set, the expansion renders under it, inside the same virtualized item.
   */
  @property({ attribute: false }) expandedId = '';

  /**
   * Renders content under the expanded row (an extension point, e.g. `<session-tab>`'s inline
   * detail). When set, each row is wrapped in a list item so the expansion scrolls and is measured
   * with its row; the virtualizer keeps working.
   */
  @property({ attribute: false }) renderExpansion?: (session: Session) => unknown;

  @state() private facetOpen = false;
  @state() private facetQuery = '';
  @state() private draftOwners = new Set<string>();
  @state() private loadedMembers?: Member[];
  @state() private membersError = '';
  @state() private atTop = true;
  @state() private searchDraft = '';

  @query('.scroller') private scroller?: HTMLElement;

  readonly #lens: LensConsumer = new LensConsumer(this, {
    // A new client means a new store; an identity change alone does not.
    onChange: () => {
      if (!this.storeFactory && this.#lens.client !== this.#storeClient) this.#rebuild();
    },
  });
  #store: LiveSessionSource | undefined;
  /** Hands the store to the rows and details inside, for their actions' answers. */
  readonly #storeProvider = new ContextProvider(this, { context: sessionStoreContext });
  #storeClient: unknown;
  #storeFactory: LiveSourceFactory | undefined;
  #pageSize = 0;
  #unsubscribe: (() => void) | undefined;
  #filterKey = '';
  /** Ids the reader has seen in the list; new ones wait behind "N new" while scrolled away. */
  #known = new Set<string>();
  /**
   * The sessions last shown at the top, not yet copied into `#known`: at the top every row is
   * seen, and copying 100,000 ids there would delay the first paint; the copy is made once the
   * reader scrolls away.
   */
  #seenAtTop: readonly Session[] | undefined;
  /** The last rows worked out while scrolled away, for the store snapshot they came from. */
  #lastVisible:
    { all: readonly Session[]; result: { rows: readonly Session[]; withheld: number } } | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** The index of the first rendered row: rows are keyed by their position in the rendered range. */
  #first = 0;
  /** The rows as one tab stop, and focus kept with its session as rows are reused. */
  readonly #focus = new RowFocus(this, () => this.scroller);

  /** The live source currently feeding the list. */
  get store(): LiveSessionSource | undefined {
    return this.#store;
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
    if (this.kind !== 'all') filters.kind = [this.kind];
    if (this.owners.length > 0) filters.owner = [...this.owners];
    if (this.status) filters.status = [this.status];
    if (this.query.trim()) filters.q = this.query.trim();
    if (this.scope) filters.scope = this.scope;
    return filters;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#store) this.#rebuild();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#teardown();
    this.#filterKey = '';
    clearTimeout(this.#searchTimer);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) this.searchDraft = this.query;
    const key = JSON.stringify(this.effectiveFilters);
    if (
      key !== this.#filterKey ||
      this.storeFactory !== this.#storeFactory ||
      this.pageSize !== this.#pageSize
    ) {
      this.#rebuild();
    }
  }

  #teardown(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store?.dispose();
    this.#store = undefined;
    this.#storeProvider.setValue(undefined);
  }

  /** (Re)creates the live source for the current filters and client. */
  #rebuild(): void {
    if (!this.isConnected) return;
    const filters = this.effectiveFilters;
    const key = JSON.stringify(filters);
    const factory = this.storeFactory ?? sdkLiveSource(this.#lens.client, this.pageSize);
    this.#teardown();
    this.#storeClient = this.#lens.client;
    this.#storeFactory = this.storeFactory;
    this.#pageSize = this.pageSize;
    this.#filterKey = key;
    if (!factory) return;
    this.#known = new Set();
    this.#focus.reset();
    this.#seenAtTop = undefined;
    this.#lastVisible = undefined;
    this.#store = factory(filters);
    this.#storeProvider.setValue(this.#store);
    this.#unsubscribe = this.#store.subscribe(() => this.requestUpdate());
    this.requestUpdate();
  }

  /**
   * The rows to show. At the top, everything. Scrolled away, sessions the reader has not seen
   * that sort above ones they have wait behind "N new"; unseen ones at the tail (a loaded page)
   * join at once, and seen ones update in place.
   */
  #visible(all: readonly Session[]): { rows: readonly Session[]; withheld: number } {
    if (this.atTop || (this.#known.size === 0 && !this.#seenAtTop)) {
      this.#seenAtTop = all;
      this.#lastVisible = undefined;
      return { rows: all, withheld: 0 };
    }
    // Scrolled away with nothing changed since the top: every row is seen, nothing to work out.
    if (all === this.#seenAtTop) return { rows: all, withheld: 0 };
    // The store hands out a new array only when something changed: one pass per change, not per render.
    if (this.#lastVisible?.all === all) return this.#lastVisible.result;
    if (this.#seenAtTop) {
      for (const session of this.#seenAtTop) this.#known.add(session.id);
      this.#seenAtTop = undefined;
    }
    let lastKnown = -1;
    all.forEach((session, index) => {
      if (this.#known.has(session.id)) lastKnown = index;
    });
    const rows: Session[] = [];
    let withheld = 0;
    all.forEach((session, index) => {
      if (this.#known.has(session.id)) rows.push(session);
      else if (index > lastKnown) {
        this.#known.add(session.id);
        rows.push(session);
      } else withheld++;
    });
    this.#lastVisible = { all, result: { rows, withheld } };
    return { rows, withheld };
  }

  #changeFilters(change: () => void): void {
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

  async #toggleFacet(): Promise<void> {
    this.facetOpen = !this.facetOpen;
    if (!this.facetOpen) return;
    this.draftOwners = new Set(this.owners);
    this.facetQuery = '';
    if (!this.members && !this.loadedMembers) {
      const client = this.#lens.client;
      if (!client) return;
      this.membersError = '';
      try {
        this.loadedMembers = (await client.members.list()).data;
      } catch (error) {
        this.membersError = errorMessage(error, messagesForLocale(this.locale.lang).somethingWrong);
      }
    }
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLInputElement>('.facet input[type=search]')?.focus();
  }

  #closeFacet(): void {
    this.facetOpen = false;
    void this.updateComplete.then(() =>
      this.shadowRoot?.querySelector<HTMLElement>('[part~=filter]')?.focus(),
    );
  }

  #applyOwners(owners: string[]): void {
    this.#changeFilters(() => (this.owners = owners));
    this.#closeFacet();
  }

  #toggleDraft(id: string, checked: boolean): void {
    const next = new Set(this.draftOwners);
    if (checked) next.add(id);
    else next.delete(id);
    this.draftOwners = next;
  }

  #onSearchInput(event: Event): void {
    this.searchDraft = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      if (this.searchDraft !== this.query) this.#changeFilters(() => (this.query = this.searchDraft));
    }, SEARCH_DEBOUNCE_MS);
  }

  #onScroll(): void {
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

  #onRangeChanged(event: RangeChangedEvent, count: number): void {
    this.#first = event.first;
    this.#focus.onRangeChanged();
    const store = this.#store;
    if (store && store.hasMore && !store.loading && event.last >= count - LOAD_AHEAD) void store.loadMore();
  }

  #togglePause(): void {
    const store = this.#store;
    if (!store) return;
    store.paused = !store.paused;
    this.requestUpdate();
  }

  #retry(): void {
    const store = this.#store;
    if (store && store.loaded) void store.refresh();
    else this.#rebuild();
  }

  #renderFacet(words: Messages): TemplateResult | typeof nothing {
    if (!this.facetOpen) return nothing;
    const members = this.members ?? this.loadedMembers;
    const needle = this.facetQuery.trim().toLocaleLowerCase();
    const shown = (members ?? []).filter(
      (member) => !needle || member.name.toLocaleLowerCase().includes(needle),
    );
    return html`<div
      part="facet"
      class="facet"
      id="owner-facet"
      role="dialog"
      aria-labelledby="facet-heading"
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          this.#closeFacet();
        }
      }}
    >
      <h2 id="facet-heading">${words.owner}</h2>
      <input
        type="search"
        aria-label=${words.searchMembers}
        placeholder=${words.searchMembers}
        .value=${this.facetQuery}
        @input=${(event: Event) => (this.facetQuery = (event.target as HTMLInputElement).value)}
      />
      ${
        !members
          ? html`<p class="text" role=${this.membersError ? 'alert' : 'status'}>
              ${this.membersError ? words.membersFailed(this.membersError) : words.loadingMembers}
            </p>`
          : html`<ul class="members" aria-label=${words.members}>
              ${shown.map(
                (member) =>
                  html`<li>
                    <label>
                      <input
                        type="checkbox"
                        .checked=${this.draftOwners.has(member.id)}
                        @change=${(event: Event) =>
                          this.#toggleDraft(member.id, (event.target as HTMLInputElement).checked)}
                      />
                      <span aria-hidden="true" class="count">${initials(member.name)}</span>
                      <span class="text">${clampText(member.name, 200)}</span>
                    </label>
                  </li>`,
              )}
              ${shown.length === 0 ? html`<li class="text">${words.noMemberMatches}</li>` : nothing}
            </ul>`
      }
      <div class="facet-actions">
        <button class="button" type="button" @click=${() => this.#applyOwners([])}>${words.clear}</button>
        <button class="button primary" type="button" @click=${() => this.#applyOwners([...this.draftOwners])}>
          ${words.apply}
        </button>
      </div>
    </div>`;
  }

  #renderToolbar(store: LiveSessionSource | undefined, words: Messages): TemplateResult {
    const tabs = this.tabs.length > 0 ? this.tabs : ALL_TABS;
    const paused = store?.paused ?? false;
    return html`<div part="toolbar" class="toolbar">
      ${renderTabList({
        host: this,
        label: words.sessionKinds,
        tabs,
        selected: this.kind,
        labelOf: (tab) => words.tabs[tab],
        panelOf: () => 'panel',
        onSelect: (tab, focus) => this.#selectTab(tab, focus),
      })}
      <div class="controls">
        ${
          this.search
            ? html`<input
                part="search"
                type="search"
                aria-label=${words.searchSessions}
                placeholder=${words.search}
                .value=${this.searchDraft}
                @input=${this.#onSearchInput}
              />`
            : nothing
        }
        ${
          this.statusFilter
            ? html`<select
                part="status-filter"
                aria-label=${words.statusLabel}
                @change=${(event: Event) =>
                  this.#changeFilters(() => (this.status = (event.target as HTMLSelectElement).value))}
              >
                <option value="" ?selected=${!this.status}>${words.allStatuses}</option>
                ${KNOWN_STATUSES.map(
                  (status) =>
                    html`<option value=${status} ?selected=${status === this.status}>
                      ${statusText(words, status)}
                    </option>`,
                )}
              </select>`
            : nothing
        }
        <button
          part="filter"
          class="button"
          type="button"
          aria-expanded=${this.facetOpen ? 'true' : 'false'}
          aria-controls="owner-facet"
          @click=${this.#toggleFacet}
        >
          ${words.filter}${
            this.owners.length > 0
              ? html` <span class="count"
                  ><span class="visually-hidden">${words.ownersSelected}</span>${this.owners.length}</span
                >`
              : nothing
          }
        </button>
        <button
          part="pause"
          class="button"
          type="button"
          aria-pressed=${paused ? 'true' : 'false'}
          ?disabled=${!store}
          @click=${this.#togglePause}
        >
          ${paused ? words.resumeLive : words.pauseLive}
        </button>
        <button part="refresh" class="button" type="button" ?disabled=${!store} @click=${this.#retry}>
          ${words.refresh}
        </button>
        ${this.#renderFacet(words)}
      </div>
    </div>`;
  }

  #renderBanner(store: LiveSessionSource, words: Messages): TemplateResult | typeof nothing {
    if (store.paused) {
      const waiting = store.pendingCount;
      return html`<div part="banner" class="banner" data-tone="waiting" role="status">
        <span>${words.paused(waiting)}</span>
        <button class="button" type="button" @click=${this.#togglePause}>${words.resume}</button>
      </div>`;
    }
    if (!store.loaded) return nothing;
    if (store.state.status === 'reconnecting') {
      return html`<div part="banner" class="banner" data-tone="waiting" role="status">
        <span>${words.reconnecting}</span>
      </div>`;
    }
    if (store.state.status === 'offline') {
      return html`<div part="banner" class="banner" data-tone="problem" role="status">
        <span>${words.offlineList}</span>
        <button class="button" type="button" @click=${this.#retry}>${words.retry}</button>
      </div>`;
    }
    return nothing;
  }

  #renderBody(store: LiveSessionSource | undefined, words: Messages): TemplateResult {
    if (!store) {
      return html`<div class="state" part="empty">
        <p>${words.noProvider}</p>
      </div>`;
    }
    if (!store.loaded) {
      if (store.state.error !== undefined && store.state.status !== 'connecting') {
        return html`<div class="state" part="error" role="alert">
          <p class="text">
            ${words.sessionsFailed(clampText(errorMessage(store.state.error, words.somethingWrong), 300))}
          </p>
          <button class="button" type="button" @click=${this.#retry}>${words.retry}</button>
        </div>`;
      }
      return html`<div class="skeleton" aria-busy="true">
        ${[0, 1, 2, 3, 4].map(() => html`<div></div>`)}<span class="visually-hidden"
          >${words.loadingSessions}</span
        >
      </div>`;
    }
    const { rows, withheld } = this.#visible(store.sessions);
    this.#focus.rows = rows;
    if (rows.length === 0 && withheld === 0) {
      return html`<div class="state" part="empty">
        <p>${words.noSessions}</p>
        ${
          this.owners.length > 0 || this.status || this.query
            ? html`<button
                class="button"
                type="button"
                @click=${() =>
                  this.#changeFilters(() => {
                    this.owners = [];
                    this.status = '';
                    this.query = '';
                  })}
              >
                ${words.clearFilters}
              </button>`
            : nothing
        }
      </div>`;
    }
    return html`${
        withheld > 0
          ? html`<button part="new" class="button primary new" type="button" @click=${this.#showNew}>
              ${words.newCount(formatCount(withheld, this.locale.lang))}
            </button>`
          : nothing
      }
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
        @rangeChanged=${(event: RangeChangedEvent) => this.#onRangeChanged(event, rows.length)}
      >
        ${virtualRows({
          rows,
          keyBy: this.renderExpansion ? 'session' : 'position',
          first: () => this.#first,
          renderItem: (session: Session, index: number) => this.#renderItem(session, index),
        })}
      </div>
      ${
        store.hasMore
          ? html`<div class="footer">
              <button
                part="load-more"
                class="button"
                type="button"
                ?disabled=${store.loading}
                @click=${() => void store.loadMore()}
              >
                ${store.loading ? words.loading : words.loadMore}
              </button>
            </div>`
          : nothing
      }`;
  }

  #renderItem(session: Session, index: number): TemplateResult {
    const expanded = session.id === this.expandedId;
    const expansion = this.renderExpansion;
    if (!expansion) {
      return html`<session-row
        part="row"
        role="listitem"
        data-index=${index}
        .session=${session}
        .scopes=${this.scopes}
        .expanded=${expanded}
        .skipTab=${!this.#focus.isCurrent(session)}
      ></session-row>`;
    }
    return html`<div class="item" role="listitem">
      <session-row
        part="row"
        data-index=${index}
        .session=${session}
        .scopes=${this.scopes}
        .expanded=${expanded}
        .skipTab=${!this.#focus.isCurrent(session)}
      ></session-row>
      ${expanded ? html`<div part="expansion" class="expansion">${expansion(session)}</div>` : nothing}
    </div>`;
  }

  override render() {
    const store = this.#store;
    const selected = this.tabs.includes(this.kind) ? this.kind : (this.tabs[0] ?? 'all');
    const words = messagesForLocale(this.locale.lang);
    return html`<div part="base" class="list">
      ${this.#renderToolbar(store, words)} ${store ? this.#renderBanner(store, words) : nothing}
      <div class="viewport" role="tabpanel" id="panel" aria-labelledby=${`tab-${selected}`}>
        ${this.#renderBody(store, words)}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'session-list': SessionList;
  }
}
