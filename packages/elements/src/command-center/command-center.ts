import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
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

/** Whose work the panel lists: the caller's own, or everyone's the caller may see. */
export type CommandCenterMode = 'mine' | 'team';

/** Fired when the number of sessions in Needs you changes as live data arrives. */
export class CommandCenterCountEvent extends CustomEvent<{ count: number }> {
  static readonly eventName = 'command-center-count';
  constructor(count: number) {
    super(CommandCenterCountEvent.eventName, { bubbles: true, composed: true, detail: { count } });
  }
}

/** A flow paused at a checkpoint or a task waiting: its owner's move. */
function waitsForOwner(session: Session): boolean {
  return (
    (session.kind === 'flow' && session.status === 'paused') ||
    (session.kind === 'task' && session.status === 'waiting')
  );
}

/** Assessments awaiting review: what the reviews store lists. */
const AWAITING_REVIEW: SessionFilters = { kind: ['assessment'], status: ['pending_review'] };

/**
 * The live hub for work in flight (E7), answering "what am I working on": by default the
 * caller's own sessions (`mode="mine"`, the owner being the provider identity's member), or with
 * the Mine / Team switch everyone's the caller may see. Three sections, fed by the SDK's live
 * store through the provider's client, so sessions move between them on their own:
 *
 * - **Needs you**, first: assessments awaiting review when the caller holds `sessions:review`
 *   (anyone's: reviewing is the reviewer's work), and the caller's own flows paused at a
 *   checkpoint and tasks waiting for them, whichever mode is shown;
 * - **Active Now**: the other live sessions (a running flow, a queued or running task, a chat
 *   with a message in the last half hour);
 * - **Recent**: sessions that finished or went quiet in the last 24 hours.
 *
 * Each row offers Resume (emits `session-resume`; the host takes the person back to the work);
 * an ended chat, which cannot be resumed, offers View, and an assessment awaiting review offers
 * Review (both emit `session-open`). Loading, empty, error-with-retry and reconnecting states are
 * shown as such.
 *
 * The Needs you count is `count`; `command-center-count` fires whenever it changes as live data
 * arrives, so a host can show it on the button that opens the panel, even while it is hidden.
 *
 * @summary Needs you, Active Now and Recent, mine or the team's, live, each resumable.
 * @tagname command-center
 *
 * @fires {CommandCenterCountEvent} command-center-count - The Needs you count changed (live data arrived); `detail.count`.
 * @fires {SessionResumeEvent} session-resume - A person chose Resume on a row.
 * @fires {SessionOpenEvent} session-open - A person opened a session (the row, View on an ended chat, or Review).
 * @fires {SessionActionEvent} session-action - From a row: a person chose Cancel or End.
 * @fires {SessionActionErrorEvent} session-action-error - From a row: the server refused an action.
 *
 * @csspart base - The panel.
 * @csspart header - The heading, the Mine / Team switch and connection notice.
 * @csspart mode - The Mine / Team switch.
 * @csspart banner - The reconnecting or offline notice.
 * @csspart section - The Needs you, Active Now and Recent sections.
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

  static override properties = {
    heading: {},
    filters: { attribute: false },
    mode: { reflect: true },
    recentLimit: { type: Number, attribute: 'recent-limit' },
    scopes: { attribute: false },
    storeFactory: { attribute: false },
  };

  /** The panel's heading; "Command Center" in the page's language when unset. */
  heading = '';

  /** Further filters for every section (e.g. `{ kind: ['flow'] }`). */
  filters: SessionFilters = {};

  /** The caller's own work (`mine`, the default) or everyone's (`team`); the switch sets it. */
  mode: CommandCenterMode = 'mine';

  /** At most this many sessions in Recent. */
  recentLimit = 50;

  /** The caller's scopes for the rows' actions; the provider's identity when unset. */
  scopes?: readonly string[];

  /** Supplies the live source; by default the SDK's live store over the provider's client. */
  storeFactory?: LiveSourceFactory;

  readonly #lens: LensConsumer = new LensConsumer(this, {
    // Re-partition each minute: a chat lapses out of Active Now, a session out of Recent.
    granularity: () => 60_000,
  });
  readonly #live = new LiveStoreController(this, {
    filters: () => {
      const me = this.#me();
      return this.mode === 'mine' && me ? { ...this.filters, owner: [me] } : this.filters;
    },
    // Mine waits for the identity: who "me" is.
    enabled: () => this.mode !== 'mine' || this.#lens.identity?.status !== 'loading',
    client: () => this.#lens.client,
    factory: () => this.storeFactory,
    wantsMore: (store) => this.#wantsMore(store),
  });

  /** Assessments awaiting review, for a caller who may review them (first page only). */
  readonly #reviews = new LiveStoreController(this, {
    filters: () => ({ ...this.filters, ...AWAITING_REVIEW }),
    enabled: () => this.#lens.holds('sessions:review', this.scopes),
    client: () => this.#lens.client,
    factory: () => this.storeFactory,
    provide: false,
  });

  #lastCount = 0;

  /** The caller's member id, once the identity is known. */
  #me(): string | undefined {
    return this.#lens.identity?.me?.member.id;
  }

  /** The live source currently feeding the panel. */
  get store(): LiveSessionSource | undefined {
    return this.#live.store;
  }

  /** The sessions in Needs you: reviews first, then the caller's own that wait for them. */
  #needsYou(): Session[] {
    const me = this.#me();
    const reviews = this.#reviews.store?.loaded ? this.#reviews.store.sessions : [];
    const own = (this.#live.store?.sessions ?? []).filter(
      (session) => session.owner.id === me && waitsForOwner(session),
    );
    const seen = new Set(reviews.map((session) => session.id));
    return [...reviews, ...own.filter((session) => !seen.has(session.id))];
  }

  /** How many sessions need the caller: what a host shows on the button that opens the panel. */
  get count(): number {
    return this.#needsYou().length;
  }

  /** Splits the loaded sessions into Active Now and Recent, leaving out what is in Needs you. */
  #partition(
    sessions: readonly Session[],
    now: number,
    skip: ReadonlySet<string> = new Set(),
  ): { active: Session[]; recent: Session[] } {
    const active: Session[] = [];
    const recent: Session[] = [];
    for (const session of sessions) {
      if (skip.has(session.id)) continue;
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

  override updated(): void {
    const count = this.count;
    if (count !== this.#lastCount) {
      this.#lastCount = count;
      this.dispatchEvent(new CommandCenterCountEvent(count));
    }
  }

  readonly #retry = (): void => {
    this.#live.retry();
    this.#reviews.retry();
  };

  #renderItem(session: Session, words: DetailMessages): TemplateResult {
    const title = clampText(session.title, 80);
    const endedChat = session.kind === 'chat' && session.status === 'ended';
    const opens = endedChat || session.status === 'pending_review';
    const label = endedChat ? words.view : words.review;
    return html`<li part="item">
      <session-row part="row" .session=${session} .scopes=${this.scopes}></session-row>
      ${
        opens
          ? html`<button
              part="resume"
              class="button resume"
              type="button"
              aria-label=${words.actionOn(label, title)}
              @click=${() => this.dispatchEvent(new SessionOpenEvent(session))}
            >
              ${label}
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
    if (!store && this.#lens.identity?.status === 'loading') {
      return html`<div class="skeleton" aria-busy="true"></div>`;
    }
    if (!store) return html`<p part="empty" class="state">${words.noProviderCenter}</p>`;
    if (!store.loaded) return renderFirstLoad(store, words, { rows: 3, onRetry: this.#retry });
    const now = this.#lens.now;
    const needsYou = this.#needsYou();
    const { active, recent } = this.#partition(store.sessions, now, new Set(needsYou.map((s) => s.id)));
    return html`${this.#renderSection('needs-you', words.needsYou, needsYou, words.nothingNeedsYou, words)}
    ${this.#renderSection('active-now', words.activeNow, active, words.nothingRunning, words)}
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

  #renderMode(words: DetailMessages): TemplateResult {
    const button = (mode: CommandCenterMode, label: string) =>
      html`<button
        class="button"
        type="button"
        aria-pressed=${String(this.mode === mode)}
        @click=${() => (this.mode = mode)}
      >
        ${label}
      </button>`;
    return html`<div part="mode" class="mode" role="group" aria-label=${words.whose}>
      ${button('mine', words.mine)}${button('team', words.team)}
    </div>`;
  }

  override render() {
    const store = this.#live.store;
    const words = detailMessagesForLocale(this.locale.lang);
    return html`<div part="base" class="center">
      <header part="header">
        <h2>${this.heading || words.commandCenter}</h2>
        ${this.#renderBanner(store, words)} ${this.#renderMode(words)}
      </header>
      ${this.#renderBody(store, words)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'command-center': CommandCenter;
  }
  interface HTMLElementEventMap {
    'command-center-count': CommandCenterCountEvent;
  }
}
