import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  costCaption,
  elapsed,
  elapsedBetween,
  isActive,
  toneOf,
  type CostDetail,
  type Execution,
  type Insight,
  type Link,
  type Session,
  type TranscriptEntry,
} from '@session-lens/sdk';
import { LensConsumer } from '../context/lens-consumer.js';
import type { LensClient } from '../context/lens-context.js';
import {
  SessionActionErrorEvent,
  SessionActionEvent,
  SessionOpenEditorEvent,
  SessionResumeEvent,
  type SessionAction,
} from '../events/events.js';
import {
  clampText,
  errorMessage,
  errorStatus,
  formatCount,
  formatDateTime,
  kindLabel,
  localeOf,
  safeHttpUrl,
  shortId,
} from '../internal/format.js';
import { detailMessagesFor, type DetailMessages } from '../internal/detail-messages.js';
import { statusText } from '../internal/messages.js';
import { kindGlyph } from '../internal/icons.js';
import { renderTabList } from '../internal/tabs.js';
import { tokens, toneVariables } from '../styles/tokens.js';
import { themed } from '../styles/theme.js';
import { skeletonStyles, tabStyles } from '../styles/shared.js';
import { sessionDetailStyles } from './session-detail.styles.js';

/** The tabs of the detail view; executions and insights only for assessments. */
export type DetailTab = 'transcript' | 'metadata' | 'executions' | 'insights';

type LoadState = 'idle' | 'loading' | 'error' | 'not-found';

/** A JSON value as readable text: strings as they are, anything else pretty-printed. */
function jsonText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * One session in full (E5). A header with its kind, title, status and actions — Resume (emits
 * `session-resume`), Open in editor (emits `session-open-editor`) and, for an open chat, End —
 * then, for a flow, its run timeline; for an assessment awaiting review, a review notice; a
 * summary card (owner, start, duration, messages, tool calls, model, cost and links to the
 * initiative, plan, repository, branch and pull request); the AI-cost card when the caller may
 * see spend; and tabs: Transcript (messages, tool calls, file edits with before and after) and
 * Metadata, plus Executions and Insights for an assessment.
 *
 * An ended chat keeps its transcript readable but offers no Resume and no End. Chat actions need
 * `conversations:manage`. A session awaiting review offers Approve and Reject to a caller holding
 * `sessions:review`, with a pending state and the server's refusal shown under them.
 *
 * Give it the data (`session`, `transcript`, `cost`, `executions`, `insights`), or a `session-id`
 * to load what is missing through the provider's client.
 *
 * @summary A session's detail: header actions, timeline, summary, cost and tabs.
 * @tagname session-detail
 *
 * @fires {SessionResumeEvent} session-resume - A person chose Resume.
 * @fires {SessionOpenEditorEvent} session-open-editor - A person chose Open in editor.
 * @fires {SessionActionEvent} session-action - A person chose End, Approve or Reject; cancelable, to handle it yourself.
 * @fires {SessionActionErrorEvent} session-action-error - The server refused End or a review decision.
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
 *
 * @cssprop --lens-color-surface - Card background.
 * @cssprop --lens-color-surface-raised - Summary, entry and notice background.
 * @cssprop --lens-color-accent - Selected tab underline and link colour.
 * @cssprop --lens-font-mono - Code, output and file contents.
 */
export class SessionDetail extends LitElement {
  static override styles = [tokens, toneVariables, tabStyles, skeletonStyles, sessionDetailStyles];
  static {
    themed(this);
  }

  /** The session to show. */
  @property({ attribute: false }) session?: Session;

  /** The transcript, oldest first. */
  @property({ attribute: false }) transcript?: TranscriptEntry[];

  /** The cost detail; loaded through the provider when the session carries cost and this is unset. */
  @property({ attribute: false }) cost?: CostDetail;

  /** An assessment's executions. */
  @property({ attribute: false }) executions?: Execution[];

  /** An assessment's insights. */
  @property({ attribute: false }) insights?: Insight[];

  /** A session id to load through the provider's client (whatever was not handed in). */
  @property({ attribute: 'session-id' }) sessionId = '';

  /** The caller's scopes; when unset, the provider's identity decides. */
  @property({ attribute: false }) scopes?: readonly string[];

  /** The selected tab. */
  @property({ attribute: 'active-tab' }) activeTab: DetailTab = 'transcript';

  @state() private loadState: LoadState = 'idle';
  @state() private loadError = '';
  @state() private loadedSession?: Session;
  @state() private loadedTranscript?: TranscriptEntry[];
  @state() private transcriptCursor: string | null = null;
  @state() private loadedExecutions?: Execution[];
  @state() private loadedInsights?: Insight[];
  /** The header or review action in flight, if any. */
  @state() private pendingAction?: SessionAction;
  /** The server's refusal of the last header action (End). */
  @state() private endError?: string;
  /** The server's refusal of the last review decision. */
  @state() private reviewError?: string;

  readonly #lens: LensConsumer = new LensConsumer(this, {
    granularity: (): number => (this.#session && isActive(this.#session, this.#lens.now) ? 1_000 : 15_000),
    onChange: () => this.#maybeLoad(),
  });
  #loadedFor = '';
  #request = 0;

  get #session(): Session | undefined {
    return this.session ?? this.loadedSession;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId') && this.sessionId !== this.#loadedFor) this.#maybeLoad();
    if (changed.has('session') && changed.get('session')?.id !== this.session?.id) {
      this.endError = undefined;
      this.reviewError = undefined;
    }
  }

  #maybeLoad(): void {
    const client = this.#lens.client;
    if (!client || !this.sessionId || this.sessionId === this.#loadedFor) return;
    void this.#load();
  }

  /** Loads what was not handed in: the session, its transcript, an assessment's findings. */
  async #load(): Promise<void> {
    const client = this.#lens.client;
    const id = this.sessionId;
    if (!client || !id) return;
    const mine = ++this.#request;
    this.#loadedFor = id;
    this.loadState = 'loading';
    try {
      const session = this.session?.id === id ? this.session : await client.sessions.get(id);
      const wantsFindings = session.kind === 'assessment';
      const [page, executions, insights] = await Promise.all([
        this.transcript ? undefined : client.sessions.transcript(id, { limit: 200 }),
        wantsFindings && !this.executions ? client.sessions.executions(id) : undefined,
        wantsFindings && !this.insights ? client.sessions.insights(id) : undefined,
      ]);
      if (mine !== this.#request) return;
      this.loadedSession = session;
      this.loadedTranscript = page?.data;
      this.transcriptCursor = page?.nextCursor ?? null;
      this.loadedExecutions = executions?.data;
      this.loadedInsights = insights?.data;
      this.loadState = 'idle';
    } catch (error) {
      if (mine !== this.#request) return;
      this.loadState = errorStatus(error) === 404 ? 'not-found' : 'error';
      this.loadError = errorMessage(error, detailMessagesFor(this).somethingWrong);
    }
  }

  async #loadMoreTranscript(): Promise<void> {
    const client = this.#lens.client;
    const cursor = this.transcriptCursor;
    if (!client || !cursor || !this.sessionId) return;
    try {
      const page = await client.sessions.transcript(this.sessionId, { limit: 200, cursor });
      this.loadedTranscript = [...(this.loadedTranscript ?? []), ...page.data];
      this.transcriptCursor = page.nextCursor;
    } catch (error) {
      this.loadError = errorMessage(error, detailMessagesFor(this).somethingWrong);
    }
  }

  #retry(): void {
    this.#loadedFor = '';
    this.#maybeLoad();
  }

  #holds(scope: string): boolean {
    if (this.scopes) return this.scopes.includes(scope);
    return this.#lens.identity?.scopes.has(scope) ?? false;
  }

  /** Whether the session is still open: not ended, not settled, not failed. */
  #open(session: Session): boolean {
    const tone = toneOf(session.status);
    return session.status !== 'ended' && tone !== 'settled' && tone !== 'problem';
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

  /** The WAI-ARIA tabs keyboard pattern: arrows move and select, Home and End jump. */
  /**
   * Runs a person's action through the client: fires the cancelable `session-action` first (a
   * host that handles it itself calls `preventDefault()`), shows the pending state, applies the
   * server's answer, and on refusal shows the error and fires `session-action-error`.
   */
  async #act(
    session: Session,
    action: SessionAction,
    call: (client: LensClient) => Promise<Session>,
    onError: (message: string | undefined) => void,
  ): Promise<void> {
    if (this.pendingAction) return;
    onError(undefined);
    if (!this.dispatchEvent(new SessionActionEvent(session, action))) return;
    const client = this.#lens.client;
    if (!client) return;
    this.pendingAction = action;
    try {
      const updated = await call(client);
      if (this.session?.id === updated.id) this.session = updated;
      else if (this.loadedSession?.id === updated.id) this.loadedSession = updated;
    } catch (error) {
      const message = errorMessage(error, detailMessagesFor(this).somethingWrong);
      onError(message);
      this.dispatchEvent(new SessionActionErrorEvent(session, action, error, message));
    } finally {
      this.pendingAction = undefined;
    }
  }

  #onEnd(session: Session): Promise<void> {
    return this.#act(
      session,
      'end',
      (client) => client.sessions.end(session.id),
      (message) => (this.endError = message),
    );
  }

  #onReview(session: Session, action: 'approve' | 'reject'): Promise<void> {
    const decision = action === 'approve' ? 'completed' : 'rejected';
    return this.#act(
      session,
      action,
      (client) => client.sessions.review(session.id, { decision }),
      (message) => (this.reviewError = message),
    );
  }

  #renderReview(session: Session, words: DetailMessages): TemplateResult | typeof nothing {
    if (session.status !== 'pending_review' && !this.reviewError) return nothing;
    const mayReview = session.status === 'pending_review' && this.#holds('sessions:review');
    const pending = this.pendingAction;
    const busy = pending === 'approve' || pending === 'reject';
    return html`<div class="review" part="review">
      ${session.status === 'pending_review' ? html`<p>${words.awaitingReview}</p>` : nothing}
      ${
        mayReview
          ? html`<div
              part="review-actions"
              class="review-actions"
              role="group"
              aria-label=${words.reviewActions}
            >
              <button
                part="approve"
                class="button primary"
                type="button"
                ?disabled=${busy}
                aria-busy=${pending === 'approve' ? 'true' : 'false'}
                @click=${() => this.#onReview(session, 'approve')}
              >
                ${pending === 'approve' ? words.approving : words.approve}
              </button>
              <button
                part="reject"
                class="button danger"
                type="button"
                ?disabled=${busy}
                aria-busy=${pending === 'reject' ? 'true' : 'false'}
                @click=${() => this.#onReview(session, 'reject')}
              >
                ${pending === 'reject' ? words.rejecting : words.reject}
              </button>
            </div>`
          : nothing
      }
      ${
        this.reviewError
          ? html`<p part="review-error" class="action-error text" role="alert">
              ${clampText(this.reviewError, 300)}
            </p>`
          : nothing
      }
    </div>`;
  }

  #renderActions(session: Session, words: DetailMessages): TemplateResult | typeof nothing {
    const open = this.#open(session);
    const chat = session.kind === 'chat';
    const mayManage = !chat || this.#holds('conversations:manage');
    const resumable = session.kind !== 'assessment' && open && mayManage;
    const editable = session.kind !== 'assessment' && (!chat || open) && mayManage;
    const endable = chat && open && this.#holds('conversations:manage');
    if (!resumable && !editable && !endable && !this.endError) return nothing;
    return html`<div part="actions" class="actions">
      ${
        resumable
          ? html`<button
              part="resume"
              class="button primary"
              type="button"
              @click=${() => this.dispatchEvent(new SessionResumeEvent(session))}
            >
              ${chat ? words.resumeInChat : words.resume}
            </button>`
          : nothing
      }
      ${
        editable
          ? html`<button
              part="open-editor"
              class="button"
              type="button"
              @click=${() => this.dispatchEvent(new SessionOpenEditorEvent(session))}
            >
              ${words.openInEditor}
            </button>`
          : nothing
      }
      ${
        endable
          ? html`<button
              part="end"
              class="button danger"
              type="button"
              ?disabled=${this.pendingAction === 'end'}
              aria-busy=${this.pendingAction === 'end' ? 'true' : 'false'}
              @click=${() => this.#onEnd(session)}
            >
              ${this.pendingAction === 'end' ? words.ending : words.end}
            </button>`
          : nothing
      }
      ${
        this.endError
          ? html`<div class="action-error text" role="alert">${clampText(this.endError, 300)}</div>`
          : nothing
      }
    </div>`;
  }

  #renderTimeline(
    session: Session,
    now: number,
    locale: string | undefined,
    words: DetailMessages,
  ): TemplateResult | typeof nothing {
    const steps = session.progress.steps;
    if (session.kind !== 'flow' || !steps?.length) return nothing;
    return html`<section aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">${words.runTimeline}</h3>
      <ol part="timeline" class="timeline">
        ${steps.map(
          (step) =>
            html`<li>
              <status-pill status=${step.status}></status-pill>
              <span class="text">${clampText(step.name, 300)}</span>
              <span class="muted"
                >${step.startedAt ? elapsedBetween(step.startedAt, step.endedAt, now, locale) : words.stepNotStarted}</span
              >
            </li>`,
        )}
      </ol>
    </section>`;
  }

  #renderLink(link: Link | undefined): TemplateResult | string {
    if (!link) return '';
    const href = safeHttpUrl(link.url);
    const title = clampText(link.title, 300);
    return href
      ? html`<a class="text" href=${href} target="_blank" rel="noopener noreferrer">${title}</a>`
      : html`<span class="text">${title}</span>`;
  }

  #renderSummary(
    session: Session,
    now: number,
    locale: string | undefined,
    words: DetailMessages,
  ): TemplateResult {
    const field = words.field;
    const end = session.endedAt ?? (isActive(session, now) ? undefined : session.updatedAt);
    const rows: Array<[string, TemplateResult | string]> = [
      [field.owner, html`<span class="text">${clampText(session.owner.name, 200)}</span>`],
      [field.started, formatDateTime(session.createdAt, locale)],
      [field.duration, elapsedBetween(session.createdAt, end, now, locale)],
    ];
    const { progress, counts } = session;
    if (session.kind === 'chat') rows.push([field.messages, formatCount(progress.messages ?? 0, locale)]);
    if (session.kind === 'task') rows.push([field.turns, formatCount(progress.turns ?? 0, locale)]);
    if (session.kind === 'assessment') {
      if (session.agent) rows.push([field.host, html`<span class="text">${session.agent.hostname}</span>`]);
      if (session.playbook) rows.push([field.playbook, html`<span class="text">${session.playbook}</span>`]);
      rows.push([field.executions, formatCount(counts?.executions ?? progress.executions ?? 0, locale)]);
      if (counts) rows.push([field.insights, formatCount(counts.insights, locale)]);
    }
    if (counts && session.kind !== 'assessment')
      rows.push([field.toolCalls, formatCount(counts.toolCalls, locale)]);
    if (session.metadata?.model)
      rows.push([field.model, html`<span class="text">${session.metadata.model}</span>`]);
    const caption = costCaption(session.cost, locale);
    if (caption) rows.push([field.cost, caption]);
    const links = session.links ?? {};
    const named: Array<[string, Link | undefined]> = [
      [field.initiative, links.initiative],
      [field.plan, links.plan],
      [field.repository, links.repository],
      [field.branch, links.branch],
      [field.pullRequest, links.pullRequest],
    ];
    for (const [label, link] of named) if (link) rows.push([label, this.#renderLink(link)]);
    return html`<dl part="summary" class="summary">
      ${rows.map(
        ([label, value]) =>
          html`<div>
            <dt>${label}</dt>
            <dd>${value}</dd>
          </div>`,
      )}
    </dl>`;
  }

  #renderEntry(entry: TranscriptEntry, locale: string | undefined, words: DetailMessages): TemplateResult {
    const at = html`<time datetime=${entry.at}>${formatDateTime(entry.at, locale)}</time>`;
    switch (entry.type) {
      case 'message':
        return html`<li part="entry" class="entry" data-type="message" data-role=${entry.role}>
          <div class="entry-head"><strong>${words.role[entry.role] ?? entry.role}</strong>${at}</div>
          <p class="message-text text">${entry.text}</p>
        </li>`;
      case 'tool_call':
        return html`<li part="entry" class="entry" data-type="tool_call">
          <div class="entry-head">
            <strong>${words.toolCall}</strong><code class="text">${entry.name}</code>
            <span>${words.toolStatus[entry.status] ?? entry.status}</span>${at}
          </div>
          <details>
            <summary>${words.arguments}</summary>
            <pre>${jsonText(entry.arguments)}</pre>
          </details>
          ${
            entry.result !== undefined
              ? html`<details>
                  <summary>${words.result}</summary>
                  <pre>${jsonText(entry.result)}</pre>
                </details>`
              : nothing
          }
        </li>`;
      case 'file_edit': {
        const change = entry.before === null ? 'created' : entry.after === null ? 'deleted' : 'edited';
        return html`<li part="entry" class="entry" data-type="file_edit">
          <div class="entry-head">
            <strong>${words.fileChange[change]}</strong><code class="text">${entry.path}</code>${at}
          </div>
          <div class="diff">
            ${
              entry.before !== null
                ? html`<figure>
                    <figcaption>${words.before}</figcaption>
                    <pre>${entry.before}</pre>
                  </figure>`
                : nothing
            }
            ${
              entry.after !== null
                ? html`<figure>
                    <figcaption>${words.after}</figcaption>
                    <pre>${entry.after}</pre>
                  </figure>`
                : nothing
            }
          </div>
        </li>`;
      }
      case 'step':
        return html`<li part="entry" class="entry" data-type="step">
          <div class="entry-head">
            <strong>${words.step}</strong><span class="text">${entry.name}</span>
            <status-pill status=${entry.status}></status-pill>${at}
          </div>
        </li>`;
      default:
        return html``;
    }
  }

  #renderTranscript(locale: string | undefined, words: DetailMessages): TemplateResult {
    const entries = this.transcript ?? this.loadedTranscript;
    if (!entries) {
      return html`<p class="muted">
        ${this.loadState === 'loading' ? words.loadingTranscript : words.noTranscript}
      </p>`;
    }
    if (entries.length === 0) return html`<p class="muted">${words.noTranscriptEntries}</p>`;
    return html`<ol part="transcript" class="entries" aria-label=${words.transcript}>
        ${entries.map((entry) => this.#renderEntry(entry, locale, words))}
      </ol>
      ${
        !this.transcript && this.transcriptCursor
          ? html`<p>
              <button class="button" type="button" @click=${this.#loadMoreTranscript}>
                ${words.loadMore}
              </button>
            </p>`
          : nothing
      }`;
  }

  #renderMetadata(session: Session, locale: string | undefined, words: DetailMessages): TemplateResult {
    const meta = session.metadata ?? {};
    const field = words.field;
    const rows: Array<[string, string | undefined]> = [
      [field.id, session.id],
      [field.kind, kindLabel(session, words.kind)],
      [field.status, statusText(words, session.status)],
      [field.created, formatDateTime(session.createdAt, locale)],
      [field.lastMoved, formatDateTime(session.updatedAt, locale)],
      [field.ended, session.endedAt ? formatDateTime(session.endedAt, locale) : undefined],
      [field.model, meta.model],
      [field.runtime, meta.runtime],
      [field.sandbox, meta.sandbox],
      [field.profile, meta.profile],
      [field.origin, meta.origin ? (words.origin[meta.origin] ?? meta.origin) : undefined],
      [field.host, session.agent?.hostname],
      [field.playbook, session.playbook],
      [field.version, String(session.version)],
    ];
    return html`<dl class="summary">
      ${rows
        .filter((row): row is [string, string] => row[1] !== undefined)
        .map(
          ([label, value]) =>
            html`<div>
              <dt>${label}</dt>
              <dd class="text">${clampText(value, 500)}</dd>
            </div>`,
        )}
    </dl>`;
  }

  #renderExecutions(locale: string | undefined, words: DetailMessages): TemplateResult {
    const executions = this.executions ?? this.loadedExecutions ?? [];
    if (executions.length === 0) return html`<p class="muted">${words.noExecutions}</p>`;
    return html`<table>
      <caption class="visually-hidden">
        ${words.detailTabs.executions}
      </caption>
      <thead>
        <tr>
          <th scope="col">${words.command}</th>
          <th scope="col">${words.capability}</th>
          <th scope="col">${words.exitCode}</th>
          <th scope="col">${words.field.duration}</th>
        </tr>
      </thead>
      <tbody>
        ${executions.map(
          (execution) =>
            html`<tr>
              <td>
                <code class="text">${execution.command}</code>
                <details>
                  <summary>${words.output}</summary>
                  <pre>${execution.output}</pre>
                </details>
              </td>
              <td class="text">${execution.capability}</td>
              <td>${execution.exitCode === null ? words.running : String(execution.exitCode)}</td>
              <td>${elapsed(execution.durationMs, locale)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  #renderInsights(words: DetailMessages): TemplateResult {
    const insights = this.insights ?? this.loadedInsights ?? [];
    if (insights.length === 0) return html`<p class="muted">${words.noInsights}</p>`;
    return html`<ul class="entries">
      ${insights.map(
        (insight) =>
          html`<li class="entry">
            <div class="entry-head">
              <span class="severity" data-severity=${insight.severity}>${insight.severity}</span>
              <span>${insight.state === 'open' ? words.insightOpen : words.insightResolved}</span>
            </div>
            <strong class="text">${insight.title}</strong>
            <p class="message-text text">${insight.detail}</p>
          </li>`,
      )}
    </ul>`;
  }

  #renderPanel(
    tab: DetailTab,
    session: Session,
    locale: string | undefined,
    words: DetailMessages,
  ): TemplateResult {
    switch (tab) {
      case 'transcript':
        return this.#renderTranscript(locale, words);
      case 'metadata':
        return this.#renderMetadata(session, locale, words);
      case 'executions':
        return this.#renderExecutions(locale, words);
      case 'insights':
        return this.#renderInsights(words);
    }
  }

  override render() {
    const session = this.#session;
    const words = detailMessagesFor(this);
    if (!session) {
      if (this.loadState === 'error' || this.loadState === 'not-found') {
        return html`<div part="base" class="detail" role="alert">
          <p class="text">
            ${this.loadState === 'not-found' ? words.notFound : words.sessionFailed(this.loadError)}
          </p>
          ${
            this.loadState === 'error'
              ? html`<p>
                  <button class="button" type="button" @click=${this.#retry}>${words.retry}</button>
                </p>`
              : nothing
          }
        </div>`;
      }
      if (this.loadState === 'loading') {
        return html`<div part="base" class="detail" aria-busy="true">
          <div class="skeleton"></div>
          <span class="visually-hidden">${words.loadingSession}</span>
        </div>`;
      }
      return nothing;
    }
    const now = this.#lens.now;
    const locale = localeOf(this);
    const tabs = this.#tabs(session);
    const active = tabs.includes(this.activeTab) ? this.activeTab : 'transcript';
    const endedChat = session.kind === 'chat' && session.status === 'ended';
    return html`<article part="base" class="detail" aria-labelledby="title">
      <header part="header" class="header">
        <div class="heading">
          <div class="kind">
            ${kindGlyph(session.kind)}<span>${kindLabel(session, words.kind)}</span><span>·</span
            ><code>${shortId(session.id)}</code>
            ${session.kind === 'chat' && session.chatMode === 'ask' ? html`<span class="badge">${words.ask}</span>` : nothing}
          </div>
          <h2 id="title" class="title text">${clampText(session.title, 2000) || words.untitled}</h2>
          <div><status-pill status=${session.status}></status-pill></div>
        </div>
        ${this.#renderActions(session, words)}
      </header>
      ${endedChat ? html`<p class="note">${words.chatEnded}</p>` : nothing}
      ${this.#renderReview(session, words)}
      ${
        session.error
          ? html`<p class="error-box text" part="error">
              <strong>${words.errorPrefix}</strong> ${clampText(session.error.message, 2000)}
            </p>`
          : nothing
      }
      ${
        session.description
          ? html`<p class="description text">${clampText(session.description, 5000)}</p>`
          : nothing
      }
      ${this.#renderTimeline(session, now, locale, words)} ${this.#renderSummary(session, now, locale, words)}
      ${
        session.cost || this.cost
          ? html`<cost-summary .cost=${this.cost} session-id=${this.cost ? '' : session.id}></cost-summary>`
          : nothing
      }
      <div>
        ${renderTabList({
          host: this,
          label: words.sessionDetails,
          tabs,
          selected: active,
          labelOf: (tab) => words.detailTabs[tab],
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
              ${tab === active ? this.#renderPanel(tab, session, locale, words) : nothing}
            </div>`,
        )}
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'session-detail': SessionDetail;
  }
}
