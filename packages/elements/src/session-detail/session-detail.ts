import { html, nothing, type TemplateResult } from 'lit';
import {
  isActive,
  type CostDetail,
  type Execution,
  type Insight,
  type Session,
  type TranscriptEntry,
} from '@session-lens/sdk';
import { LensConsumer } from '../context/lens-consumer.js';
import { SessionActionController } from '../controllers/session-action-controller.js';
import { SessionOpenEditorEvent, SessionResumeEvent } from '../events/events.js';
import { clampText } from '../internal/format.js';
import { detailMessagesForLocale, type DetailMessages } from '../internal/detail-messages.js';
import { renderTabList } from '../internal/tabs.js';
import { tokens, toneVariables } from '../styles/tokens.js';
import { LensElement } from '../base/lens-element.js';
import { badgeStyles, cardStyles, skeletonStyles, tabStyles } from '../styles/shared.js';
import { DetailLoader } from './detail-loader.js';
import { FollowController } from '../data/follow-controller.js';
import { announce } from '../internal/announcer.js';
import { countText } from '../internal/messages.js';
import { FollowMode } from './follow-mode.js';
import { renderHeader, renderReview, type HeaderView } from './detail-header.js';
import { renderSummary, renderTimeline, type OverviewContext } from './detail-overview.js';
import { renderExecutionsTab, renderInsightsTab } from './findings-tabs.js';
import { renderMetadataTab } from './metadata-tab.js';
import { renderTranscriptTab, WINDOW_FROM, type TranscriptRow } from './transcript-tab.js';
import { RowWindow } from '../session-list/row-window.js';
import { sessionDetailStyles } from './session-detail.styles.js';

/** What changes when a session's cost changes: the live detail's cost card reloads on it. */
const costRevision = ({ cost }: Session): string =>
  cost ? `${cost.amountUsd}/${cost.turns.priced}/${cost.turns.estimated}/${cost.turns.unpriced}` : '';

/**
 * The height (px) of the view `from` is read in: its nearest ancestor that scrolls, through
 * shadow roots (a list the detail opens in, a sheet), else the window.
 */
function viewHeight(from: Element): number {
  // The page's root scrolls as tall as the window; a shadow root has no height (undefined > undefined).
  for (let node: Node | null = from; (node = node.parentNode ?? (node as ShadowRoot).host);) {
    const { scrollHeight, clientHeight } = node as Element;
    if (scrollHeight > clientHeight) return clientHeight;
  }
  return innerHeight;
}

/** The tabs of the detail view; executions and insights only for assessments. */
export type DetailTab = 'transcript' | 'metadata' | 'executions' | 'insights';

/**
 * One session in full. A header with its kind, title, status and actions — Resume (emits
 * `session-resume`), Open in editor (emits `session-open-editor`) and, for an open chat, End —
 * then, for a flow, its run timeline; for an assessment awaiting review, a review notice; a
 * summary card (owner, start, duration, messages, tool calls, model, cost and links to the
 * initiative, plan, repository, branch and pull request); the AI-cost card when the caller may
 * see spend; who can see the session, with Manage access for `sessions:admin`
 * (`<session-access>`); and tabs: Transcript (messages, tool calls, and file edits as line diffs,
 * `<session-file-diff>`) and Metadata, plus Executions and Insights for an assessment.
 *
 * An ended chat keeps its transcript readable but offers no Resume and no End. Chat actions need
 * `conversations:manage`. A session awaiting review offers Approve and Reject to a caller holding
 * `sessions:review`, with a pending state and the server's refusal shown under them.
 *
 * Give it the data (`session`, `transcript`, `cost`, `executions`, `insights`), or a `session-id`
 * to load what is missing through the provider's client.
 *
 * It follows its session live (E13) wherever it is shown, when the provider's client can
 * (`sessions.follow`, A16): entries that land append after the transcript it shows, without
 * fetching the transcript again (after a cut it resumes after its last entry); the timeline,
 * status, counts and cost move with the session. It stops following when it leaves the page, and
 * resumes after its last entry when it comes back. Live changes emit no events.
 *
 * Follow mode: the transcript scrolls on its own (focusable, so the keyboard scrolls it). While
 * the reader is at its end the newest entry stays in view; once they scroll up, nothing moves
 * under them and arrivals are counted in "N new entries" (part `new-entries`), which jumps back
 * to the newest entry, focuses the transcript and follows again; scrolling to the end does too.
 * New entries are announced in a polite live region, at most once every five seconds ("3 new
 * entries."), never the catch-up after a reconnect. A long transcript (200 entries or more) is
 * windowed: only the entries near the view are in the DOM, so 10,000 entries scroll at frame
 * rate; when a live transcript turns windowed, the reader stays where they were (at the newest
 * entry when following). What the reader opened or chose in an entry (a tool call's arguments, a
 * diff's Split view or expanded lines) stays with that entry as the window scrolls.
 *
 * The transcript fills the view the detail is read in — the nearest scrolling ancestor, such as
 * the list a `<session-tab>` opens it in, else the window — less room for "N new entries", at
 * least 12rem and at most `--lens-transcript-max-height`.

 *
 * @summary A session's detail: header actions, timeline, summary, cost and tabs.
 * @tagname session-detail
 *
 * @fires {SessionResumeEvent} session-resume - A person chose Resume.
 * @fires {SessionOpenEditorEvent} session-open-editor - A person chose Open in editor.
 * @fires {SessionActionEvent} session-action - A person chose End, Approve or Reject; cancelable, to handle it yourself.
 * @fires {SessionActionErrorEvent} session-action-error - The server refused End or a review decision.
 * @fires {SessionVisibilityChangeEvent} session-visibility-change - From Manage access: a person saved who may see the session.
 *
 * @csspart base - The detail card.
 * @csspart header - The header: kind, title, status and actions.
 * @csspart actions - The header actions.
 * @csspart resume - The Resume button.
 * @csspart open-editor - The Open in editor button.
 * @csspart end - The End button.
 * @csspart review - The pending-review notice of an assessment awaiting review.
 * @csspart review-actions - Approve and Reject, shown with the `sessions:review` scope.
 * @csspart approve - The Approve button.
 * @csspart reject - The Reject button.
 * @csspart review-error - The server's refusal of a review decision.
 * @csspart timeline - A flow's run timeline.
 * @csspart summary - The summary card.
 * @csspart tabs - The tab list.
 * @csspart tab - A tab.
 * @csspart panel - A tab panel.
 * @csspart transcript - The transcript list.
 * @csspart entry - One transcript entry.
 * @csspart diff - A file edit's line diff (`<session-file-diff>`).
 * @csspart diff-line-added - An added line of a diff.
 * @csspart diff-line-removed - A removed line of a diff.
 * @csspart diff-expand - A diff's button that shows a collapsed run of unchanged lines.
 * @csspart new-entries - "N new entries": live entries below the reader's view; jumps to the newest.
 *
 * @cssprop --lens-color-surface - Card background.
 * @cssprop --lens-color-surface-raised - Summary, entry and notice background.
 * @cssprop --lens-color-accent - Selected tab underline and link colour.
 * @cssprop --lens-font-mono - Code, output and file contents.
 * @cssprop --lens-transcript-max-height - The transcript's greatest height; by default it fills the view the detail is read in.
 */
export class SessionDetail extends LensElement {
  static override styles = [
    tokens,
    toneVariables,
    cardStyles,
    badgeStyles,
    tabStyles,
    skeletonStyles,
    sessionDetailStyles,
  ];

  static override properties = {
    session: { attribute: false },
    transcript: { attribute: false },
    cost: { attribute: false },
    executions: { attribute: false },
    insights: { attribute: false },
    sessionId: { attribute: 'session-id' },
    scopes: { attribute: false },
    activeTab: { attribute: 'active-tab' },
  };

  /** The session to show. */
  session?: Session;

  /** The transcript, oldest first. */
  transcript?: TranscriptEntry[];

  /** The cost detail; loaded through the provider when the session carries cost and this is unset. */
  cost?: CostDetail;

  /** An assessment's executions. */
  executions?: Execution[];

  /** An assessment's insights. */
  insights?: Insight[];

  /** A session id to load through the provider's client (whatever was not handed in). */
  sessionId = '';

  /** The caller's scopes; when unset, the provider's identity decides. */
  scopes?: readonly string[];

  /** The selected tab. */
  activeTab: DetailTab = 'transcript';

  readonly #lens: LensConsumer = new LensConsumer(this, {
    granularity: (): number => {
      const session = this.#session;
      return session && isActive(session, this.#lens.now) ? 1_000 : 15_000;
    },
  });

  readonly #loader = new DetailLoader(this, {
    client: () => this.#lens.client,
    sessionId: () => this.sessionId,
    given: () => this,
    fallbackMessage: () => this.#words().somethingWrong,
  });

  /** The session live (E13): its new entries and changes, from its own stream (A16). */
  readonly #follow = new FollowController(this, {
    client: () => this.#lens.client,
    sessionId: () => this.sessionId || this.session?.id || '',
    after: () => this.#followFrom(),
    announce: (count) => announce(`${countText(this.#words().newEntries, count, this.locale.lang)}.`),
    onReset: () => this.#loader.retry(),
  });

  /** The transcript's entries near the view; before Follow mode, which scrolls after it paints. */
  readonly #rowWindow = new RowWindow<TranscriptRow>(this, {
    scroller: () => this.shadowRoot?.querySelector<HTMLElement>('.entries.windowed') ?? undefined,
  });

  readonly #followMode = new FollowMode(
    this,
    () => this.shadowRoot?.querySelector<HTMLElement>('.entries'),
    () => this.#follow.live,
  );

  /** The entry the reader is at while the transcript turns windowed (it crossed 200 entries). */
  #keep = -1;

  readonly #actions = new SessionActionController(this, {
    client: () => this.#lens.client,
    fallbackMessage: () => this.#words().somethingWrong,
  });

  /**
   * The session shown: the one handed in, else the loaded one — or the stream's, or the server's
   * answer to an action, when newer.
   */
  get #session(): Session | undefined {
    const base = this.session ?? this.#loader.session;
    const live = this.#follow.session;
    return this.#actions.latest(base && live?.id === base.id && live.version > base.version ? live : base);
  }

  /** The transcript shown: the one handed in, else the loaded pages, and the entries since. */
  get #transcript(): readonly TranscriptEntry[] | undefined {
    return this.#follow.withEntries(this.transcript ?? this.#loader.transcript);
  }

  /** Where following starts: after the last entry shown, once the transcript is there. */
  #followFrom(): number | undefined {
    if (!this.transcript && this.#loader.state !== 'idle') return undefined;
    const entries = this.#transcript;
    if (!entries && !this.#session) return undefined;
    return entries?.at(-1)?.seq ?? 0;
  }

  readonly #onTranscriptScroll = (): void => {
    this.#rowWindow.onScroll();
    this.#followMode.onScroll();
  };

  /** Before the transcript turns windowed (it reached 200 entries): the first entry in view. */
  override willUpdate(): void {
    const list = this.shadowRoot?.querySelector('div.entries:not(.windowed)');
    // (undefined >= 200 is false: no transcript any more.)
    if (list && (this.#transcript?.length as number) >= WINDOW_FROM) {
      // A layout read, once: the window starts at the top, and the reader was elsewhere.
      this.#keep = [...(list.children as HTMLCollectionOf<HTMLElement>)].findIndex(
        (item) => item.offsetTop >= list.scrollTop,
      );
    }
  }

  override updated(): void {
    // The transcript fills the view the detail is read in (measured after it rendered: its own
    // height counts when that view scrolls); the style is written only when it changes.
    const list = this.shadowRoot?.querySelector<HTMLElement>('[part=transcript]');
    const fill = list && `${viewHeight(this)}px`;
    if (fill && list.style.getPropertyValue('--_fill') !== fill) list.style.setProperty('--_fill', fill);
    // Once windowed: the noted entry at the top of the view (revealed from below, it lands there).
    // A reader at the end saw only entries that fit in the last view, so they stay at the end,
    // where Follow mode keeps the newest entry in view.
    const keep = this.#keep;
    if (keep < 0) return;
    this.#keep = -1;
    this.#rowWindow.reveal(this.#transcript!.length - 1);
    this.#rowWindow.reveal(keep);
  }

  #words(): DetailMessages {
    return detailMessagesForLocale(this.locale.lang);
  }

  #tabs(session: Session): DetailTab[] {
    return session.kind === 'assessment'
      ? ['transcript', 'executions', 'insights', 'metadata']
      : ['transcript', 'metadata'];
  }

  #select(tab: DetailTab, focus: boolean): void {
    this.activeTab = tab;
    if (focus) {
      void this.updateComplete.then(() =>
        this.shadowRoot?.querySelector<HTMLElement>(`#tab-${tab}`)?.focus(),
      );
    }
  }

  #renderPanel(tab: DetailTab, session: Session, view: OverviewContext): TemplateResult {
    const { locale, words } = view;
    switch (tab) {
      case 'transcript': {
        const loader = this.#loader;
        const own = !this.transcript;
        // Following, the stream sends every entry after the loaded ones: no pages to ask for.
        const more = own && loader.hasMoreTranscript && !this.#follow.following;
        return renderTranscriptTab({
          entries: this.#transcript,
          loading: loader.state === 'loading',
          onLoadMore: more ? () => loader.loadMoreTranscript() : undefined,
          unseen: this.#followMode.unseen,
          onJump: this.#followMode.jump,
          onScroll: this.#onTranscriptScroll,
          rowWindow: this.#rowWindow,
          locale,
          words,
        });
      }
      case 'metadata':
        return renderMetadataTab(session, locale, words);
      case 'executions':
        return renderExecutionsTab(this.executions ?? this.#loader.executions ?? [], locale, words);
      case 'insights':
        return renderInsightsTab(this.insights ?? this.#loader.insights ?? [], words);
    }
  }

  #renderTabs(session: Session, view: OverviewContext): TemplateResult {
    const tabs = this.#tabs(session);
    const active = tabs.includes(this.activeTab) ? this.activeTab : 'transcript';
    return html`<div>
      ${renderTabList({
        host: this,
        label: view.words.sessionDetails,
        tabs,
        selected: active,
        labelOf: (tab) => view.words.detailTabs[tab],
        panelOf: (tab) => `panel-${tab}`,
        onSelect: (tab, focus) => this.#select(tab, focus),
      })}
      ${tabs.map(
        (tab) =>
          html`<div
            part="panel"
            role="tabpanel"
            id=${`panel-${tab}`}
            aria-labelledby=${`tab-${tab}`}
            tabindex="0"
            ?hidden=${tab !== active}
          >
            ${tab === active ? this.#renderPanel(tab, session, view) : nothing}
          </div>`,
      )}
    </div>`;
  }

  /** Before there is a session to show: loading, not found, or failed with a retry. */
  #renderWithoutSession(words: DetailMessages): TemplateResult | typeof nothing {
    const state = this.#loader.state;
    if (state === 'loading') {
      return html`<div part="base" class="detail card" aria-busy="true">
        <div class="skeleton"></div>
        <span class="visually-hidden">${words.loadingSession}</span>
      </div>`;
    }
    if (state === 'idle') return nothing;
    return html`<div part="base" class="detail card" role="alert">
      <p class="text">${state === 'not-found' ? words.notFound : words.sessionFailed(this.#loader.error)}</p>
      ${
        state === 'error'
          ? html`<p>
              <button class="button" type="button" @click=${() => this.#loader.retry()}>
                ${words.retry}
              </button>
            </p>`
          : nothing
      }
    </div>`;
  }

  #headerView(session: Session, words: DetailMessages): HeaderView {
    return {
      session,
      words,
      holds: (scope) => this.#lens.holds(scope, this.scopes),
      pending: this.#actions.pendingFor(session),
      refusal: this.#actions.refusalFor(session),
      onResume: () => this.dispatchEvent(new SessionResumeEvent(session)),
      onOpenEditor: () => this.dispatchEvent(new SessionOpenEditorEvent(session)),
      onAction: (action) => void this.#actions.run(session, action),
    };
  }

  override render() {
    const session = this.#session;
    const words = this.#words();
    if (!session) return this.#renderWithoutSession(words);
    const view: OverviewContext = { now: this.#lens.now, locale: this.locale.lang, words };
    const header = this.#headerView(session, words);
    const endedChat = session.kind === 'chat' && session.status === 'ended';
    return html`<article part="base" class="detail card" aria-labelledby="title">
      ${renderHeader(header)} ${endedChat ? html`<p class="note">${words.chatEnded}</p>` : nothing}
      ${renderReview(header)}
      ${
        session.error
          ? html`<p class="error-box text" part="error">
              <strong>${words.errorPrefix}</strong> ${clampText(session.error.message, 2000)}
            </p>`
          : nothing
      }
      ${session.description ? html`<p class="description text">${clampText(session.description, 5000)}</p>` : nothing}
      ${renderTimeline(session, view)} ${renderSummary(session, view)}
      ${
        session.cost || this.cost
          ? html`<cost-summary
              .cost=${this.cost}
              session-id=${this.cost ? '' : session.id}
              .revision=${costRevision(session)}
            ></cost-summary>`
          : nothing
      }
      <session-access .session=${session} .scopes=${this.scopes}></session-access>
      ${this.#renderTabs(session, view)}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'session-detail': SessionDetail;
  }
}
