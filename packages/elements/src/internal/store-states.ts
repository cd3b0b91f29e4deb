import { html, type TemplateResult } from 'lit';
import { failureOf, type LiveSessionSource } from '../data/live-source.js';
import { clampText, errorMessage } from './format.js';
import type { Messages } from './messages.js';

/**
 * What a list shows before its store's first page: the failure with a Retry button (part
 * `error`), else a loading skeleton of `rows` placeholder rows (needs `skeletonStyles`; a row's
 * height is `--_skeleton-row-height`).
 */
export function renderFirstLoad(
  store: LiveSessionSource,
  words: Messages,
  options: { rows: number; onRetry: () => void },
): TemplateResult {
  const failure = failureOf(store);
  if (failure !== undefined) {
    return html`<div class="state" part="error" role="alert">
      <p class="text">${words.sessionsFailed(clampText(errorMessage(failure, words.somethingWrong), 300))}</p>
      <button class="button" type="button" @click=${options.onRetry}>${words.retry}</button>
    </div>`;
  }
  return html`<div class="skeleton-rows" aria-busy="true">
    ${Array.from({ length: options.rows }, () => html`<div class="skeleton"></div>`)}<span
      class="visually-hidden"
      >${words.loadingSessions}</span
    >
  </div>`;
}
