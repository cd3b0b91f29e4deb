import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { LiveSessionSource } from '../data/live-source.js';
import { announce } from '../internal/announcer.js';
import { formatCount } from '../internal/format.js';
import { messagesForLocale, type Messages } from '../internal/messages.js';
import { renderEmptyState } from './empty-state.js';
import { activeFilters, clearFilters, type FindState } from './find-filters.js';
import type { ToolbarOptions } from './list-header.js';
import type { ListUrlState } from './url-state.js';
import { UrlSync } from './url-sync.js';

const SEARCH_DEBOUNCE_MS = 300;

/** What a list hands {@link ListFind}: its find state and which find controls it shows. */
export type FindHost = ReactiveControllerHost &
  FindState & {
    readonly search: boolean;
    readonly timeRange: boolean;
    readonly statusFilter: boolean;
    readonly syncUrl: boolean;
    /** The open session, kept in the URL as `lens-open`. */
    expandedId: string;
    /** The live source feeding the list (its first page is counted after a find change). */
    readonly store: LiveSessionSource | undefined;
  };

/**
 * The list's find controls (E12) as the toolbar draws them: the search box (its text typed ahead
 * of `query`, applied after a pause; `replaceNext` makes typing replace the URL's history entry),
 * the search mode, the time range and the status select, and the empty state naming the filters
 * that exclude everything. Each change goes through `change`, which applies it and reports the
 * list's new filters. With `sync-url`, the state is kept in the page URL (`url-sync.ts`). After
 * a person changes the filters, the first page of what they now match is counted aloud, politely
 * ("50+ sessions found.").
 */
export class ListFind implements ReactiveController {
  readonly #host: FindHost;
  readonly #change: (apply: () => void) => void;
  readonly #lang: () => string | undefined;
  readonly #url: UrlSync;
  /** The search box's text: `query` until a person types. */
  #draft = '';
  #query: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether a person changed the filters since the last store was made. */
  #changed = false;
  /** The store whose first page is still to be counted aloud. */
  #countFor: LiveSessionSource | undefined;

  constructor(host: FindHost, change: (apply: () => void) => void, lang: () => string | undefined) {
    this.#host = host;
    this.#change = change;
    this.#lang = lang;
    // Before this controller: a restore in its `hostUpdate` reaches the search box's text.
    this.#url = new UrlSync(host, this);
    host.addController(this);
  }

  /** The state `sync-url` keeps in the URL. */
  urlState(): ListUrlState {
    const { kind, owners, status, query, searchMode, since, until, view, expandedId } = this.#host;
    return { kind, owners, status, query, searchMode, since, until, view, open: expandedId };
  }

  /** Applies the state read from the URL (load, back/forward); fires no event. */
  restoreUrlState({ open, ...state }: ListUrlState): void {
    Object.assign(this.#host, state, { expandedId: open });
  }

  hostUpdate(): void {
    if (this.#host.query !== this.#query) this.#draft = this.#query = this.#host.query;
  }

  /** A person changed the list's filters (any control: tabs, facets, search, range…). */
  filtersChanged(): void {
    this.#changed = true;
  }

  /** A new store replaced the last one: count its first page if a person asked for it. */
  storeChanged(store: LiveSessionSource | undefined): void {
    this.#countFor = this.#changed ? store : undefined;
    this.#changed = false;
  }

  hostUpdated(): void {
    const store = this.#countFor;
    if (!store || store !== this.#host.store || !store.loaded || store.loading) return;
    this.#countFor = undefined;
    const lang = this.#lang();
    const count = `${formatCount(store.sessions.length, lang)}${store.hasMore ? '+' : ''}`;
    const one = store.sessions.length === 1 && !store.hasMore;
    announce(messagesForLocale(lang).find.resultCount(count, one));
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  #onInput(event: Event): void {
    this.#draft = (event.target as HTMLInputElement).value;
    this.#host.requestUpdate();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (this.#draft === this.#host.query) return;
      this.#url.replaceNext();
      this.#change(() => (this.#host.query = this.#draft));
    }, SEARCH_DEBOUNCE_MS);
  }

  /** The toolbar's find controls: each shown only when the list asks for it. */
  toolbar(): Pick<ToolbarOptions, 'search' | 'range' | 'status'> {
    const host = this.#host;
    return {
      search: host.search
        ? {
            value: this.#draft,
            mode: host.searchMode,
            onInput: (event) => this.#onInput(event),
            onMode: (mode) => this.#change(() => (host.searchMode = mode)),
          }
        : undefined,
      range: host.timeRange
        ? {
            value: { since: host.since, until: host.until },
            onChange: (range) => this.#change(() => ({ since: host.since, until: host.until } = range)),
          }
        : undefined,
      status: host.statusFilter
        ? { value: host.status, onChange: (status) => this.#change(() => (host.status = status)) }
        : undefined,
    };
  }

  /** The empty state, with a Clear button for each filter that narrows the list. */
  renderEmpty(words: Messages): TemplateResult {
    return renderEmptyState(words, activeFilters(this.#host), (names) =>
      this.#change(() => clearFilters(this.#host, names)),
    );
  }
}
