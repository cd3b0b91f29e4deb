import { html, nothing, type TemplateResult } from 'lit';
import type { Session } from '@session-lens/sdk';
import type { LiveSessionSource } from '../data/live-source.js';
import type { Messages } from '../internal/messages.js';

/** What {@link renderItem} reads of the list. */
export type ItemList = {
  readonly expandedId: string;
  /** What renders under the expanded row. */
  readonly renderExpansion?: ((session: Session) => unknown) | undefined;
  readonly scopes?: readonly string[] | undefined;
};

/**
 * One item of the rows: a `<session-row>` (part `row`), wrapped in a list item with the row's
 * checkbox and the expansion under it when the list has either.
 */
export function renderItem(
  session: Session,
  index: number,
  list: ItemList,
  /** Whether the row is not the list's one tab stop (E10). */
  skipTab: boolean,
  /** The row's checkbox cell (`selectable`), or nothing. */
  checkbox: TemplateResult | typeof nothing,
): TemplateResult {
  const expanded = session.id === list.expandedId;
  const expansion = list.renderExpansion;
  const row = (role: string | typeof nothing) =>
    html`<session-row
      part="row"
      role=${role}
      data-index=${index}
      .session=${session}
      .scopes=${list.scopes}
      .expanded=${expanded}
      .skipTab=${skipTab}
    ></session-row>`;
  if (!expansion && checkbox === nothing) return row('listitem');
  return html`<div class="item" role="listitem" data-index=${index} ?data-selectable=${checkbox !== nothing}>
    ${checkbox}${row(nothing)}
    ${expanded && expansion ? html`<div part="expansion" class="expansion">${expansion(session)}</div>` : nothing}
  </div>`;
}

/** The body without a provider (or `storeFactory`) to read from. */
export function renderNoProvider(words: Messages): TemplateResult {
  return html`<div class="state" part="empty"><p>${words.noProvider}</p></div>`;
}

/** The "N new" control over the rows (part `new`), while new sessions wait behind it. */
export function renderNew(withheld: string, words: Messages, onShow: () => void): TemplateResult {
  return html`<button part="new" class="button primary new" type="button" @click=${onShow}>
    ${words.newCount(withheld)}
  </button>`;
}

/** Load more under the rows (part `load-more`), while the store has further pages. */
export function renderLoadMore(
  store: LiveSessionSource,
  words: Messages,
  onLoadMore: () => void,
): TemplateResult | typeof nothing {
  if (!store.hasMore) return nothing;
  return html`<div class="footer">
    <button part="load-more" class="button" type="button" ?disabled=${store.loading} @click=${onLoadMore}>
      ${store.loading ? words.loading : words.loadMore}
    </button>
  </div>`;
}
