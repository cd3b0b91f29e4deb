import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { BulkAction, BulkOutcome, Session, SessionFilters } from '@session-lens/sdk';
import type { LensClient } from '../context/lens-context.js';
import type { ActMessages } from '../internal/act-messages.js';
import { clampText, errorMessage, formatCount, shortId } from '../internal/format.js';
import { countText } from '../internal/messages.js';

/** Ids per bulk call: small enough that a large selection shows its progress call by call. */
const IDS_PER_CALL = 100;

/** The selection a bulk bar acts on, as the list hands it over on each render. */
export type BulkSelection = {
  /** The selected sessions' ids (unless `filters` is set). */
  ids: readonly string[];
  /** Set to act on every session matching these filters instead of `ids`. */
  filters: SessionFilters | undefined;
  /** How many are selected (at least, with `more`: the list has not loaded every match). */
  count: number;
  more: boolean;
  /** The sessions the list shows, to name refused ones by title. */
  rows: readonly Session[];
};

/** What a bulk bar needs of its list. */
export type BulkBarOptions = {
  client: () => LensClient | undefined;
  /** Whether the caller holds `scope` (the list's scopes, else the provider's identity). */
  holds: (scope: string) => boolean;
};

type Phase = 'idle' | 'confirm' | 'running' | 'outcome';

/**
 * The bulk bar of a list's selection (E15), rendered in the list's act bar: Cancel and End for
 * the selected sessions, each shown only when the caller holds its scope (`sessions:cancel-any`,
 * `conversations:manage`); a confirmation step; progress while the calls run (ids 100 per call;
 * "all matching" by the list's filters, page after page); then the outcome — how many were done,
 * refused and not found, with each refused session listed and why — until Done.
 *
 * Every session is authorized on its own by the server exactly as its single action is, so a
 * mixed selection is partly done. The bar changes no row: the rows update live from the list's
 * store as the server reports each change.
 */
export class BulkBar {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: BulkBarOptions;
  #phase: Phase = 'idle';
  #action: BulkAction = 'cancel';
  /** The outcome of each session of the last run (one per session, over every call it took). */
  #results: BulkOutcome[] | undefined;
  #failure = '';

  constructor(host: ReactiveControllerHost & HTMLElement, options: BulkBarOptions) {
    this.#host = host;
    this.#options = options;
  }

  #show(phase: Phase): void {
    this.#phase = phase;
    this.#host.requestUpdate();
  }

  #ask(action: BulkAction): void {
    this.#action = action;
    this.#show('confirm');
    void this.#host.updateComplete.then(() =>
      this.#host.shadowRoot?.querySelector<HTMLElement>('[part~=bulk-confirm] button')?.focus(),
    );
  }

  async #execute({ filters, ids }: BulkSelection, words: ActMessages): Promise<void> {
    const sessions = this.#options.client()?.sessions;
    const action = this.#action;
    const results: BulkOutcome[] = (this.#results = []);
    this.#failure = '';
    this.#show('running');
    try {
      // By filters: page after page (`nextCursor`); by ids: 100 a call, for the progress.
      let cursor: string | undefined;
      let at = 0;
      do {
        const answer = await sessions!.bulk!(
          filters
            ? { action, filters, ...(cursor ? { cursor } : {}) }
            : { action, ids: ids.slice(at, (at += IDS_PER_CALL)) },
        );
        results.push(...answer.results);
        cursor = answer.nextCursor ?? undefined;
        this.#host.requestUpdate();
      } while (filters ? cursor : at < ids.length);
    } catch (error) {
      // A client without `bulk` (a stand-in) fails here too.
      this.#failure = words.failed(errorMessage(error, words.somethingWrong));
    }
    this.#show('outcome');
  }

  /** The bar's controls for `selection`, as items of the list's act bar. */
  render(selection: BulkSelection, words: ActMessages, lang: string | undefined): TemplateResult {
    const count = selection.more
      ? `${formatCount(selection.count, lang)}+ ${words.sessionCount.other}`
      : countText(words.sessionCount, selection.count, lang);
    const results = this.#results;
    if (this.#phase === 'confirm') {
      return html`<span part="bulk-confirm" role="group" aria-labelledby="bulk-question">
        <span id="bulk-question">${this.#action === 'cancel' ? words.cancel : words.end}: ${count}?</span>
        <button class="button danger" type="button" @click=${() => void this.#execute(selection, words)}>
          ${words.yes}
        </button>
        <button class="button" type="button" @click=${() => this.#show('idle')}>${words.back}</button>
      </span>`;
    }
    if (this.#phase === 'running' && results) {
      const handled = results.length;
      // "All matching" with more than the list loaded has no known total.
      const total = selection.more ? undefined : selection.count;
      const text = `${this.#action === 'cancel' ? words.cancelling : words.ending} ${words.handled(
        `${formatCount(handled, lang)}${total === undefined ? '' : ` / ${formatCount(total, lang)}`}`,
      )}`;
      return html`<span role="status">${text}</span>
        <progress
          part="bulk-progress"
          aria-label=${text}
          max=${total ?? nothing}
          value=${total === undefined ? nothing : handled}
        ></progress>`;
    }
    if (this.#phase === 'outcome' && results) {
      const missed = results.filter((outcome) => outcome.status !== 'done');
      const counted = (status: BulkOutcome['status']) =>
        formatCount(results.filter((outcome) => outcome.status === status).length, lang);
      const title = (id: string) => selection.rows.find((session) => session.id === id)?.title ?? shortId(id);
      return html`<span part="bulk-outcome" role="status">
          ${words.outcome(counted('done'), counted('refused'), counted('unknown'))} ${this.#failure}
        </span>
        <button class="button" type="button" @click=${() => this.#show('idle')}>${words.done}</button>
        ${
          missed.length > 0
            ? html`<ul part="bulk-refusals">
                ${missed.map(
                  (outcome) =>
                    html`<li>
                      ${clampText(title(outcome.id), 120)}:
                      ${clampText(outcome.problem?.detail ?? outcome.problem?.title ?? words.notFound, 300)}
                    </li>`,
                )}
              </ul>`
            : nothing
        }`;
    }
    const button = (action: BulkAction, scope: string, label: string) =>
      selection.count > 0 && this.#options.holds(scope)
        ? html`<button
            part="bulk-action"
            class="button danger"
            type="button"
            @click=${() => this.#ask(action)}
          >
            ${label}
          </button>`
        : nothing;
    return html`<span part="bulk-count">${words.selected(count)}</span>
      ${button('cancel', 'sessions:cancel-any', words.cancel)}
      ${button('end', 'conversations:manage', words.end)}`;
  }
}
