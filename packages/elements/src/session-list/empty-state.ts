import { html, nothing, type TemplateResult } from 'lit';
import type { FilterName, Messages } from '../internal/messages.js';

/**
 * The empty state (part `empty`): "No sessions match", and when filters narrow the list, which
 * ones they are with a Clear button for each (part `clear-filter`) and, for several, Clear all.
 */
export function renderEmptyState(
  words: Messages,
  active: readonly FilterName[],
  onClear: (names: readonly FilterName[]) => void,
): TemplateResult {
  const names = words.find.filterNames;
  return html`<div class="state" part="empty">
    <p>${words.noSessions}</p>
    ${
      active.length > 0
        ? html`<p>${words.find.excludedBy} ${active.map((name) => names[name]).join(', ')}</p>
            <div class="facet-actions">
              ${active.map(
                (name) =>
                  html`<button
                    part="clear-filter"
                    class="button"
                    type="button"
                    data-filter=${name}
                    @click=${() => onClear([name])}
                  >
                    ${words.find.clearOne(names[name])}
                  </button>`,
              )}
              ${
                active.length > 1
                  ? html`<button
                      part="clear-filter"
                      class="button primary"
                      type="button"
                      data-filter="all"
                      @click=${() => onClear(active)}
                    >
                      ${words.find.clearAll}
                    </button>`
                  : nothing
              }
            </div>`
        : nothing
    }
  </div>`;
}
