import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { formatMoney, type CostDetail } from '@session-lens/sdk';
import { canSeeSpend } from '../context/lens-context.js';
import { LensConsumer } from '../context/lens-consumer.js';
import { AbortWhenAway } from '../controllers/abort-when-away.js';
import { compactNumber, errorMessage, errorStatus, formatCount } from '../internal/format.js';
import { detailMessagesForLocale } from '../internal/detail-messages.js';
import { tokens } from '../styles/tokens.js';
import { LensElement } from '../base/lens-element.js';
import { cardStyles, skeletonStyles } from '../styles/shared.js';
import { costSummaryStyles } from './cost-summary.styles.js';

/**
 * What a session cost: the total, a metric grid (turns, events and tokens; credits and tool
 * calls only when above zero) and the per-turn list, each turn badged priced, estimated (priced
 * from token counts) or unpriced (no charge).
 *
 * Give it `cost`, or a `session-id` to load the detail through the provider's client. It renders
 * nothing at all when the caller may not see spend: when the provider's identity lacks
 * `spend:read` or the workspace does not track spend, or when the server refuses the detail.
 *
 * @summary A session's AI cost: total, metric grid and per-turn list.
 * @tagname cost-summary
 *
 * @csspart base - The card.
 * @csspart heading - The "AI cost" heading.
 * @csspart total - The total amount.
 * @csspart metrics - The metric grid.
 * @csspart metric - One metric tile.
 * @csspart turns - The per-turn table.
 * @csspart badge - A pricing badge (priced, estimated, unpriced).
 *
 * @cssprop --lens-color-surface - Card background.
 * @cssprop --lens-color-surface-raised - Metric tile background.
 * @cssprop --lens-color-live - Priced badge colour.
 * @cssprop --lens-color-queued - Estimated badge colour.
 * @cssprop --lens-color-info - Unpriced badge colour.
 */
export class CostSummary extends LensElement {
  static override styles = [tokens, cardStyles, skeletonStyles, costSummaryStyles];

  static override properties = {
    cost: { attribute: false },
    sessionId: { attribute: 'session-id' },
    revision: { attribute: false },
  };

  /** The cost detail to show (`GET /v1/sessions/{id}/cost`). */
  cost?: CostDetail;

  /** A session id whose cost detail to load through the provider's client when `cost` is unset. */
  sessionId = '';

  /**
   * Changes when the session's cost changed (a live detail passes its cost summary's figures):
   * the detail is loaded again, and the last one stays shown until the new one arrives.
   */
  revision = '';

  readonly #lens = new LensConsumer(this);

  /**
   * Loads the detail when nothing was handed in and spend is visible, again when the session or
   * the client changes; the load it supersedes is aborted, and its late answer never shows.
   */
  readonly #load = new Task(this, {
    args: () =>
      [this.#lens.client, this.cost ? '' : this.sessionId, this.#spendVisible(), this.revision] as const,
    task: async ([client, id, visible], { signal }) => {
      if (!client || !id || !visible) return initialState;
      const cost = await client.sessions.cost(id, { signal });
      signal.throwIfAborted();
      return { id, cost };
    },
  });

  constructor() {
    super();
    new AbortWhenAway(this, [this.#load]);
  }

  /** Whether the caller may see spend, as far as the provider knows (true without a provider). */
  #spendVisible(): boolean {
    const identity = this.#lens.identity;
    // No provider at all: the host handed data in and decided. A client without an identity yet
    // is a provider still starting: wait.
    if (!identity) return this.#lens.client === undefined;
    if (identity.status === 'ready') return canSeeSpend(identity);
    return false;
  }

  override render() {
    const load = this.#load;
    // 403 and 404 mean the caller may not see this spend: say nothing, not "error".
    const refused = load.status === TaskStatus.ERROR && [403, 404].includes(errorStatus(load.error) ?? 0);
    if (!this.#spendVisible() || refused) return nothing;
    const words = detailMessagesForLocale(this.locale.lang);
    // A reload for a new revision of the same session keeps showing the last answer.
    const loaded = load.value?.id === this.sessionId ? load.value.cost : undefined;
    if (!this.cost && !loaded && load.status === TaskStatus.PENDING) {
      return html`<div part="base" class="card" aria-busy="true">
        <div class="skeleton"></div>
        <span class="visually-hidden">${words.loadingCost}</span>
      </div>`;
    }
    if (!this.cost && load.status === TaskStatus.ERROR) {
      return html`<div part="base" class="card error" role="alert">
        <span class="text">${words.costFailed(errorMessage(load.error, words.somethingWrong))}</span>
        <button class="button" type="button" @click=${() => void load.run()}>${words.retry}</button>
      </div>`;
    }
    const cost = this.cost ?? (load.status === TaskStatus.ERROR ? undefined : loaded);
    if (!cost) return nothing;
    const locale = this.locale.lang;
    const { totals } = cost;
    const turns = totals.turns.priced + totals.turns.estimated + totals.turns.unpriced;
    const allUnpriced = totals.turns.unpriced > 0 && totals.turns.priced + totals.turns.estimated === 0;
    const metrics: Array<[string, string]> = [
      [words.metric.turns, formatCount(turns, locale)],
      [words.metric.events, formatCount(totals.events, locale)],
      [words.metric.tokens, compactNumber(totals.tokens, locale)],
    ];
    if (totals.credits > 0) metrics.push([words.metric.credits, formatCount(totals.credits, locale)]);
    if (totals.toolCalls > 0) metrics.push([words.metric.toolCalls, formatCount(totals.toolCalls, locale)]);
    return html`<section part="base" class="card" aria-labelledby="heading">
      <div class="header">
        <h3 id="heading" part="heading" class="heading">${words.aiCost}</h3>
        <span part="total" class="total"
          >${allUnpriced ? words.unpriced : formatMoney(totals.amountUsd, { locale })}</span
        >
      </div>
      <dl part="metrics" class="metrics">
        ${metrics.map(
          ([label, value]) =>
            html`<div part="metric" class="tile">
              <dt>${label}</dt>
              <dd>${value}</dd>
            </div>`,
        )}
      </dl>
      ${
        cost.turns.length > 0
          ? html`<table part="turns">
              <caption class="visually-hidden">
                ${words.costPerTurn}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${words.turn}</th>
                  <th scope="col">${words.model}</th>
                  <th scope="col">${words.pricingColumn}</th>
                  <th scope="col" class="num">${words.cost}</th>
                </tr>
              </thead>
              <tbody>
                ${cost.turns.map(
                  (turn) =>
                    html`<tr>
                      <td>${formatCount(turn.turn, locale)}</td>
                      <td class="text">${turn.model}</td>
                      <td>
                        <span part="badge" class="badge" data-pricing=${turn.pricing}
                          >${words.pricing[turn.pricing] ?? turn.pricing}</span
                        >
                      </td>
                      <td class="num">
                        ${formatMoney(turn.amountUsd ?? '0', { locale, fractionDigits: 3 })}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cost-summary': CostSummary;
  }
}
