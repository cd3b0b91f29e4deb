import { html, nothing, type TemplateResult } from 'lit';
import { KNOWN_STATUSES, type Member } from '@session-lens/sdk';
import type { LiveSessionSource } from '../data/live-source.js';
import type { SessionOwnersChangeEvent } from '../events/events.js';
import { statusText, type Messages } from '../internal/messages.js';
import { renderTabList } from '../internal/tabs.js';
import type { KindTab } from './session-list.js';
import { renderRangeControl, type TimeRange } from './range-control.js';
import type { SearchMode } from './find-filters.js';

/** What {@link renderToolbar} draws, and whom it tells. */
export type ToolbarOptions = {
  host: Element;
  words: Messages;
  store: LiveSessionSource | undefined;
  tabs: readonly KindTab[];
  kind: KindTab;
  onSelectTab: (tab: KindTab, focus: boolean) => void;
  /** The search box, when shown: the text typed so far. */
  search:
    | { value: string; mode: SearchMode; onInput: (event: Event) => void; onMode: (mode: SearchMode) => void }
    | undefined;
  /** The time range control, when shown. */
  range: { value: TimeRange; onChange: (range: TimeRange) => void } | undefined;
  /** The status select, when shown: the selected status ('' for all). */
  status: { value: string; onChange: (status: string) => void } | undefined;
  owners: readonly string[];
  members: readonly Member[] | undefined;
  onOwnersChange: (event: SessionOwnersChangeEvent) => void;
  onTogglePause: () => void;
  onRetry: () => void;
};

function renderStatusSelect(words: Messages, status: NonNullable<ToolbarOptions['status']>): TemplateResult {
  return html`<select
    part="status-filter"
    aria-label=${words.statusLabel}
    @change=${(event: Event) => status.onChange((event.target as HTMLSelectElement).value)}
  >
    <option value="" ?selected=${!status.value}>${words.allStatuses}</option>
    ${KNOWN_STATUSES.map(
      (known) =>
        html`<option value=${known} ?selected=${known === status.value}>${statusText(words, known)}</option>`,
    )}
  </select>`;
}

/**
 * The list's toolbar (part `toolbar`): the kind tabs, then the filters (search box, status
 * select, the owner facet; more facets sit beside it), then Pause and Refresh.
 */
export function renderToolbar(options: ToolbarOptions): TemplateResult {
  const { words, store, search, status } = options;
  const paused = store?.paused ?? false;
  return html`<div part="toolbar" class="toolbar">
    ${renderTabList({
      host: options.host,
      label: words.sessionKinds,
      tabs: options.tabs,
      selected: options.kind,
      labelOf: (tab) => words.tabs[tab],
      panelOf: () => 'panel',
      onSelect: options.onSelectTab,
    })}
    <div class="controls">
      ${
        search
          ? html`<input
                part="search"
                type="search"
                aria-label=${words.searchSessions}
                placeholder=${words.search}
                .value=${search.value}
                @input=${search.onInput}
              />
              <select
                part="search-mode"
                aria-label=${words.find.searchIn}
                @change=${(event: Event) => search.onMode((event.target as HTMLSelectElement).value as SearchMode)}
              >
                <option value="titles" ?selected=${search.mode === 'titles'}>${words.find.titles}</option>
                <option value="content" ?selected=${search.mode === 'content'}>${words.find.content}</option>
              </select>`
          : nothing
      }
      ${options.range ? renderRangeControl(words.find, options.range.value, options.range.onChange) : nothing}
      ${status ? renderStatusSelect(words, status) : nothing}
      <session-owner-facet
        exportparts="filter, facet"
        .owners=${options.owners}
        .members=${options.members}
        @session-owners-change=${options.onOwnersChange}
      ></session-owner-facet>
      <button
        part="pause"
        class="button"
        type="button"
        aria-pressed=${paused ? 'true' : 'false'}
        ?disabled=${!store}
        @click=${options.onTogglePause}
      >
        ${paused ? words.resumeLive : words.pauseLive}
      </button>
      <button part="refresh" class="button" type="button" ?disabled=${!store} @click=${options.onRetry}>
        ${words.refresh}
      </button>
    </div>
  </div>`;
}

/** The notice over the rows (part `banner`): paused, reconnecting or offline; else nothing. */
export function renderBanner(
  store: LiveSessionSource,
  words: Messages,
  handlers: { onTogglePause: () => void; onRetry: () => void },
): TemplateResult | typeof nothing {
  if (store.paused) {
    return html`<div part="banner" class="banner" data-tone="waiting" role="status">
      <span>${words.paused(store.pendingCount)}</span>
      <button class="button" type="button" @click=${handlers.onTogglePause}>${words.resume}</button>
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
      <button class="button" type="button" @click=${handlers.onRetry}>${words.retry}</button>
    </div>`;
  }
  return nothing;
}
