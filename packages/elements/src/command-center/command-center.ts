import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { isActive, type Session, type SessionFilters } from '@session-lens/sdk';
import { LensConsumer } from '../context/lens-consumer.js';
import { SessionOpenEvent, SessionResumeEvent } from '../events/events.js';
import { clampText } from '../internal/format.js';
import { renderFirstLoad } from '../internal/store-states.js';
import { detailMessagesForLocale, type DetailMessages } from '../internal/detail-messages.js';
import type { LiveSessionSource, LiveSourceFactory } from '../data/live-source.js';
import { LiveStoreController } from '../data/live-store-controller.js';
import { tokens } from '../styles/tokens.js';
import { countStyles, skeletonStyles } from '../styles/shared.js';
import { LensElement } from '../base/lens-element.js';
import { commandCenterStyles } from './command-center.styles.js';

/** How far back Recent reaches. */
const RECENT_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The live hub for work in flight (E7): **Active Now** (sessions that are live: a running or
 * paused flow, a queued or running task, a chat with a message in the last half hour) and
 * **Recent** (sessions that finished or went quiet in the last 24 hours), fed by the SDK's live
 * store through the provider's client, so both update as statuses change and a session moves from
 * one section to the other on its own.
 *
 * Each row offers Resume (emits `session-resume`; the host takes the person back to the work);
 * an ended chat, which cannot be resumed, offers View (emits `session-open`) instead. Loading,
 * empty, error-with-retry and reconnecting states are shown as such.
 *
 * @summary Active Now and Recent sessions, live, each resumable.
 * @tagname command-center
 *
 * @fires {SessionResumeEvent} session-resume - A person chose Resume on a row.
 * @fires {SessionOpenEvent} session-open - A person opened a session (the row, or View on an ended chat).
 * @fires {SessionActionEvent} session-action - From a row: a person chose Cancel or End.
 * @fires {SessionActionErrorEvent} session-action-error - From a row: the server refused an action.
 *
 * @csspart base - The panel.
 * @csspart header - The heading and connection notice.
 * @csspart banner - The reconnecting or offline notice.
 * @csspart section - The Active Now and Recent sections.
 * @csspart list - A section's list of sessions.
 * @csspart item - One session: its row and Resume.
 * @csspart row - Each `<session-row>` (style its own parts through it).
 * @csspart resume - A row's Resume (or View) button.
 * @csspart empty - A section's empty state.
 * @csspart error - The error state.
 *
 * @cssprop --lens-color-surface - Panel background.
 * @cssprop --lens-color-accent - The Resume button.
 */
export class CommandCenter extends LensElement {
  static override styles = [tokens, countStyles, skeletonStyles, commandCenterStyles];

  /** The panel's heading; "Command Center" in the page's language when unset. */
  @property() heading = '';

  /** Further filters for both sections (e.g. `{ owner: [myId] }` for a person's own work). */
  @property({ attribute: false }) filters: SessionFilters = {};

  /** At most this many sessions in Recent. */
  @property({ type: Number, attribute: 'recent-limit' }) recentLimit = 50;

  /** The caller's scopes for the rows' actions; the provider's identity when unset. */
  @property({ attribute: false }) scopes?: readonly string[];

  /** Supplies the live source; by default the SDK's live store over the provider's client. */
  @property({ attribute: false }) storeFactory?: LiveSourceFactory;

  readonly #lens: LensConsumer = new LensConsumer(this, {
    // Re-partition each minute: a chat lapses out of Active Now, a session out of Recent.
    granularity: () => 60_000,
  });
  readonly #live = new LiveStoreController(this, {
    filters: () => this.filters,
    client: () => this.#lens.client,
    factory: () => this.storeFactory,
    wantsMore: (store) => this.#wantsMore(store),
  });

  /** The live source currently feeding the panel. */
  get store(): LiveSessionSource | undefined {
    return this.#live.store;
  }

  /** Splits the loaded sessions into the two sections. */
  #partition(sessions: readonly Session[], now: number): { active: Session[]; recent: Session[] } {
    const active: Session[] = [];
    const recent: Session[] = [];
    for (const session of sessions) {
      if (isActive(session, now)) active.push(session);
      else if (recent.length < this.recentLimit && now - Date.parse(session.updatedAt) <= RECENT_WINDOW_MS) {
        recent.push(session);
      }
    }
    return { active, recent };
  }

  /**
   * The store pages active sessions first, then by recency: load on while the last loaded session
   * is still active or within the last 24 hours, so both sections are complete.
   */
  #wantsMore(store: LiveSessionSource): boolean {
    const now = this.#lens.now;
    if (this.#partition(store.sessions, now).recent.length >= this.recentLimit) return false;
    const last = store.sessions[store.sessions.length - 1];
    return !last || isActive(last, now) || now - Date.parse(last.updatedAt) <= RECENT_WINDOW_MS;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('recentLimit')) this.#live.page();
  }

  readonly #retry = (): void => this.#live.retry();

  #renderItem(session: Session, words: DetailMessages): TemplateResult {
    const title = clampText(session.title, 80);
    const endedChat = session.kind === 'chat' && session.status === 'ended';
    return html`<li part="item">
      <session-row part="row" .session=${session} .scopes=${this.scopes}></session-row>
      ${
        endedChat
          ? html`<button
              part="resume"
              class="button resume"
              type="button"
              aria-label=${words.actionOn(words.view, title)}
              @click=${() => this.dispatchEvent(new SessionOpenEvent(session))}
            >
              ${words.view}
            </button>`
          : html`<button
              part="resume"
              class="button primary resume"
              type="button"
              aria-label=${words.actionOn(words.resume, title)}
              @click=${() => this.dispatchEvent(new SessionResumeEvent(session))}
            >
              ${words.resume}
            </button>`
      }
    </li>`;
  }

  #renderSection(
    id: string,
    label: string,
    sessions: Session[],
    empty: string,
    words: DetailMessages,
  ): TemplateResult {
    return html`<section part="section" aria-labelledby=${id}>
      <h3 id=${id}>${label} <span class="count" aria-hidden="true">${sessions.length}</span></h3>
      ${
        sessions.length === 0
          ? html`<p part="empty" class="state">${empty}</p>`
          : html`<ul part="list" aria-labelledby=${id}>
              ${sessions.map((session) => this.#renderItem(session, words))}
            </ul>`
      }
    </section>`;
  }

  #renderBody(store: LiveSessionSource | undefined, words: DetailMessages): TemplateResult {
    if (!store) return html`<p part="empty" class="state">${words.noProviderCenter}</p>`;
    if (!store.loaded) return renderFirstLoad(store, words, { rows: 3, onRetry: this.#retry });
    const now = this.#lens.now;
    const { active, recent } = this.#partition(store.sessions, now);
    return html`${this.#renderSection('active-now', words.activeNow, active, words.nothingRunning, words)}
    ${this.#renderSection('recent', words.recent, recent, words.nothingRecent, words)}`;
  }

  #renderBanner(
    store: LiveSessionSource | undefined,
    words: DetailMessages,
  ): TemplateResult | typeof nothing {
    if (!store?.loaded) return nothing;
    if (store.state.status === 'reconnecting') {
      return html`<p part="banner" class="banner" role="status">${words.reconnectingShort}</p>`;
    }
    if (store.state.status === 'offline') {
      return html`<p part="banner" class="banner" role="status">
        ${words.offlineSessions}
        <button class="button" type="button" @click=${this.#retry}>${words.retry}</button>
      </p>`;
    }
    return nothing;
  }

  override render() {
    const store = this.#live.store;
    const words = detailMessagesForLocale(this.locale.lang);
    return html`<div part="base" class="center">
      <header part="header">
        <h2>${this.heading || words.commandCenter}</h2>
        ${this.#renderBanner(store, words)}
      </header>
      ${this.#renderBody(store, words)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'command-center': CommandCenter;
  }
}
