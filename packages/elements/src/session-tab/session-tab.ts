import { html, type PropertyValues } from 'lit';
import type { Member, Session } from '@session-lens/sdk';
import type { SessionOpenEvent } from '../events/events.js';
import type { KindTab, SessionList } from '../session-list/session-list.js';
import type { LiveSourceFactory } from '../data/live-source.js';
import { loadLazyElements } from '../internal/load-lazy.js';
import { messagesForLocale } from '../internal/messages.js';
import { tokens } from '../styles/tokens.js';
import { LensElement } from '../base/lens-element.js';
import { sessionTabStyles } from './session-tab.styles.js';
import { readUrlState } from '../session-list/url-state.js';

/** A record a tab can be locked to: `initiative:<id>`, `plan:<id>` or `agent:<id>`. */
const RECORD_SCOPE = /^(initiative|plan|agent):[A-Za-z0-9_.:-]{1,128}$/;

/**
 * The Sessions tab of one record (E4): a `<session-list>` locked to an initiative, a plan or an
 * agent, for a product page to embed. Give the surrounding `<session-lens-provider>` an embed
 * token minted for that record (or a `getToken` callback that mints a fresh one); the tab asks
 * the server only for the record's sessions, and the owner facet and kind tabs narrow within it.
 *
 * Clicking a row, or pressing Enter on it, opens the session's detail inline, under the row,
 * without leaving the page; clicking it again, or Escape, closes it and returns focus to the row.
 * When no `session-detail` is defined yet (the embed loads it in a second chunk), opening a detail
 * loads and registers it.
 *
 * The scope is never widened: without a valid `scope` the tab shows what is missing and asks the
 * server nothing, and when the server refuses the filter (a token for another record, 403) the
 * list shows the error state.
 *
 * @summary A record's Sessions tab: a scoped, live list with inline detail.
 * @tagname session-tab
 *
 * @fires {SessionOpenEvent} session-open - A person opened a session (its detail opens inline too).
 * @fires {SessionFiltersChangeEvent} session-filters-change - A person changed the tab, owners, status, search or time range.
 * @fires {SessionResumeEvent} session-resume - From the inline detail: a person chose Resume.
 * @fires {SessionOpenEditorEvent} session-open-editor - From the inline detail: a person chose Open in editor.
 * @fires {SessionActionEvent} session-action - From a row or the detail: a person chose Cancel or End.
 * @fires {SessionActionErrorEvent} session-action-error - The server refused an action.
 *
 * @csspart list - The `<session-list>` (style its own parts through it).
 * @csspart detail - The inline `<session-detail>`.
 * @csspart missing-scope - The notice shown when `scope` is missing or malformed.
 *
 * @cssprop --lens-list-height - Height of the tab's list. Default 36rem.
 */
export class SessionTab extends LensElement {
  static override styles = [tokens, sessionTabStyles];

  static override properties = {
    scope: { reflect: true },
    tabs: {},
    search: { type: Boolean },
    statusFilter: { type: Boolean, attribute: 'status-filter' },
    timeRange: { type: Boolean, attribute: 'time-range' },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    pageSize: { type: Number, attribute: 'page-size' },
    selectable: { type: Boolean },
    exportable: { type: Boolean },
    openSessionId: { attribute: 'open-session-id' },
    members: { attribute: false },
    scopes: { attribute: false },
    storeFactory: { attribute: false },
  };

  /** The record the tab is locked to: `initiative:<id>`, `plan:<id>` or `agent:<id>`. */
  scope = '';

  /** Which kind tabs show, space-separated (`all flow task chat assessment`). */
  tabs = 'all flow task chat assessment';

  /** Whether to show the search box. */
  search = false;

  /** Whether to show the status filter. */
  statusFilter = false;

  /** Whether to show the time range control. */
  timeRange = false;

  /**
   * Keeps the list's state and the open session in the page URL under `lens-` keys (the list's
   * `sync-url`): a copied link reopens the same rows with the same detail open.
   */
  syncUrl = false;

  /** Sessions per page. */
  pageSize = 50;

  /** Whether rows can be selected for bulk Cancel / End (the list's `selectable`). */
  selectable = false;

  /** Whether to show Export (the list's `exportable`). */
  exportable = false;

  /** The id of the session whose detail is open inline; empty when none is. */
  openSessionId = '';

  /** Every workspace member for the owner facet; loaded through the client when unset. */
  members?: Member[];

  /** The caller's scopes for actions; the provider's identity when unset. */
  scopes?: readonly string[];

  /** Supplies the live source; by default the SDK's live store over the provider's client. */
  storeFactory?: LiveSourceFactory;

  private get list(): SessionList | undefined {
    return this.renderRoot?.querySelector<SessionList>('session-list') ?? undefined;
  }

  /** Whether `scope` names one record. */
  get scopeValid(): boolean {
    return RECORD_SCOPE.test(this.scope);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onPopState);
    this.#onPopState();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onPopState);
  }

  /** With `sync-url`, the open session is the URL's (`lens-open`; the list writes it back). */
  readonly #onPopState = (): void => {
    if (this.syncUrl) this.openSessionId = readUrlState(location.search).open;
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another record: a detail opened for the last one does not carry over.
    if (changed.has('scope') && changed.get('scope') !== undefined) this.openSessionId = '';
    // The embed ships the detail in a chunk of its own: fetch it when a detail first opens.
    if (this.openSessionId) void loadLazyElements().catch(() => undefined);
  }

  #onOpen(event: SessionOpenEvent): void {
    const id = event.detail.session.id;
    this.openSessionId = this.openSessionId === id ? '' : id;
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.openSessionId) return;
    event.stopPropagation();
    const id = this.openSessionId;
    this.openSessionId = '';
    void this.updateComplete.then(async () => {
      await this.list?.updateComplete;
      await this.list?.focusSession(id);
    });
  }

  readonly #renderDetail = (session: Session) =>
    html`<session-detail
      part="detail"
      .session=${session}
      session-id=${session.id}
      .scopes=${this.scopes}
    ></session-detail>`;

  override render() {
    if (!this.scopeValid) {
      return html`<div part="missing-scope" class="state" role="alert">
        <p>${messagesForLocale(this.locale.lang).missingScope}</p>
      </div>`;
    }
    const tabs = this.tabs.split(/\s+/).filter(Boolean) as KindTab[];
    return html`<session-list
      part="list"
      exportparts="expansion, detail"
      .scope=${this.scope}
      .tabs=${tabs}
      ?search=${this.search}
      ?status-filter=${this.statusFilter}
      ?time-range=${this.timeRange}
      ?sync-url=${this.syncUrl}
      page-size=${this.pageSize}
      ?selectable=${this.selectable}
      ?exportable=${this.exportable}
      .members=${this.members}
      .scopes=${this.scopes}
      .storeFactory=${this.storeFactory}
      .expandedId=${this.openSessionId}
      .renderExpansion=${this.#renderDetail}
      @session-open=${this.#onOpen}
      @keydown=${this.#onKeydown}
    ></session-list>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'session-tab': SessionTab;
  }
}
