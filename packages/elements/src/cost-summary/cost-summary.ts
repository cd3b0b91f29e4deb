import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatMoney, type CostDetail } from '@session-lens/sdk';
import { canSeeSpend } from '../context/lens-context.js';
import { LensConsumer } from '../context/lens-consumer.js';
import { compactNumber, errorMessage, errorStatus, formatCount } from '../internal/format.js';
import { detailMessagesForLocale } from '../internal/detail-messages.js';
import { tokens } from '../styles/tokens.js';
import { LensElement } from '../base/lens-element.js';
import { cardStyles, skeletonStyles } from '../styles/shared.js';
import { costSummaryStyles } from './cost-summary.styles.js';

/**
 * What a session cost (E6): the total, a metric grid (turns, events and tokens; credits and tool
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

  /** The cost detail to show (`GET /v1/sessions/{id}/cost`). */
  @property({ attribute: false }) cost?: CostDetail;

  /** A session id whose cost detail to load through the provider's client when `cost` is unset. */
  @property({ attribute: 'session-id' }) sessionId = '';

  @state() private loaded?: CostDetail;
  @state() private loadState: 'idle' | 'loading' | 'hidden' | 'error' = 'idle';
  @state() private loadError = '';

  readonly #lens = new LensConsumer(this, { onChange: () => this.#maybeLoad() });
  #request = 0;
  /** The session id the current load state belongs to. */
  #loadedFor = '';

  /** Whether the caller may see spend, as far as the provider knows (true without a provider). */
  #spendVisible(): boolean {
    const identity = this.#lens.identity;
    // No provider at all: the host handed data in and decided. A client without an identity yet
    // is a provider still starting: wait.
    if (!identity) return this.#lens.client === undefined;
    if (identity.status === 'ready') return canSeeSpend(identity);
    return false;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId') && this.sessionId !== this.#loadedFor) {
      this.loaded = undefined;
      this.loadState = 'idle';
      this.#maybeLoad();
    }
  }

  /** Loads the detail once per session id, when nothing was handed in and spend is visible. */
  #maybeLoad(): void {
    const client = this.#lens.client;
    if (this.cost || !this.sessionId || !client || this.loadState !== 'idle') return;
    if (!this.#spendVisible()) return;
    void this.#load();
  }

  async #load(): Promise<void> {
    const client = this.#lens.client;
    if (!client || !this.sessionId) return;
    const mine = ++this.#request;
    this.#loadedFor = this.sessionId;
    this.loadState = 'loading';
    try {
      const cost = await client.sessions.cost(this.sessionId);
      if (mine !== this.#request) return;
      this.loaded = cost;
      this.loadState = 'idle';
    } catch (error) {
      if (mine !== this.#request) return;
      // 403 and 404 mean the caller may not see this spend: say nothing, not "error".
      const status = errorStatus(error);
      this.loadState = status === 403 || status === 404 ? 'hidden' : 'error';
      this.loadError = errorMessage(error, detailMessagesForLocale(this.locale.lang).somethingWrong);
    }
  }

  #retry(): void {
    this.loadState = 'idle';
    this.#maybeLoad();
  }

  override render() {
    if (!this.#spendVisible() || this.loadState === 'hidden') return nothing;
    const words = detailMessagesForLocale(this.locale.lang);
    if (this.loadState === 'loading') {
      return html`<div part="base" class="card" aria-busy="true">
        <div class="skeleton"></div>
        <span class="visually-hidden">${words.loadingCost}</span>
      </div>`;
    }
    if (this.loadState === 'error') {
      return html`<div part="base" class="card error" role="alert">
        <span class="text">${words.costFailed(this.loadError)}</span>
        <button class="button" type="button" @click=${this.#retry}>${words.retry}</button>
      </div>`;
    }
    const cost = this.cost ?? this.loaded;
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
