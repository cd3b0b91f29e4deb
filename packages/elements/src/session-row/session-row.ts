import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  costCaption,
  elapsedBetween,
  isActive,
  progressLabel,
  relativeTime,
  toneOf,
  type Session,
} from '@session-lens/sdk';
import { LensConsumer } from '../context/lens-consumer.js';
import { announce } from '../internal/announcer.js';
import { clampText, formatDateTime, initials, kindLabel, safeHttpUrl, shortId } from '../internal/format.js';
import { countText, messagesForLocale, statusText, type Messages } from '../internal/messages.js';
import { kindGlyph, toneIcon } from '../internal/icons.js';
import { SessionActionController } from '../controllers/session-action-controller.js';
import { SessionOpenEvent, type SessionAction } from '../events/events.js';
import { renderActionButton } from '../internal/action-button.js';
import { tokens, toneVariables } from '../styles/tokens.js';
import { LensElement } from '../base/lens-element.js';
import { badgeStyles } from '../styles/shared.js';
import { pillStyles } from '../status-pill/status-pill.styles.js';
import { renderStatusPill, type PillParts } from '../status-pill/status-pill.js';
import { sessionRowStyles } from './session-row.styles.js';

type Step = NonNullable<Session['progress']['steps']>[number];

/** The row renders its status pill's markup inline (no `<status-pill>` per row); its parts. */
const PILL_PARTS: PillParts = { base: 'pill', icon: 'pill-icon', label: 'pill-label' };

/**
 * One session on one line of the index: a glyph for its kind; its title with the owner's
 * avatar (initials when there is no picture), name and short id; a steps column (a flow's step
 * strip with a tooltip per step, shown on hover and on keyboard focus, a chat's message count, a task's turns, an assessment's host,
 * executions and insights) with the cost caption beneath when the payload carries cost; the
 * status pill; and when it last moved and how long it has run, read from the shared clock.
 *
 * An error is shown on the row itself. An active flow or task offers Cancel, an open chat End,
 * only when the caller holds `sessions:cancel-any` or `conversations:manage`; while the request
 * is in flight the button says so, and a refusal from the server is shown on the row.
 *
 * Clicking the row, or pressing Enter on its title, emits `session-open`.
 *
 * Keyboard: the title is the row's tab stop (with Cancel or End beside it). A flow's step strip
 * is not a tab stop of its own: Right arrow on the title (Left, right to left) moves into the
 * strip, Left, Right, Home and End move between its steps, and Escape, or Left from the first
 * step, returns to the title. Up and Down are left to the list around the row. A list that moves
 * focus between rows with the arrow keys (`<session-list>`) sets `skip-tab` on every row but one.
 *
 * @summary A session on one row: kind, title, owner, progress, cost, status and time.
 * @tagname session-row
 *
 * @fires {SessionOpenEvent} session-open - A person opened the session (click, or Enter on the title).
 * @fires {SessionActionEvent} session-action - A person chose Cancel or End; cancelable, to handle it yourself.
 * @fires {SessionActionErrorEvent} session-action-error - The server refused Cancel or End.
 *
 * @csspart base - The row.
 * @csspart glyph - The kind glyph.
 * @csspart title - The title cell (title, owner line, error).
 * @csspart open - The title button that opens the session.
 * @csspart meta - The owner line: avatar, name, short id.
 * @csspart avatar - The owner's picture or initials.
 * @csspart error - The session's error message.
 * @csspart progress - The steps column.
 * @csspart steps - A flow's step strip.
 * @csspart cost - The cost caption.
 * @csspart status - The status cell.
 * @csspart pill - The status pill (the markup of `<status-pill>`, rendered inline).
 * @csspart pill-icon - The status pill's tone shape (a spinner for a live status).
 * @csspart pill-label - The status pill's label.
 * @csspart time - The time column.
 * @csspart actions - The actions cell.
 * @csspart action - The Cancel or End button.
 * @csspart action-error - The server's refusal of an action.
 *
 * @cssprop --lens-color-surface - Row background.
 * @cssprop --lens-color-surface-hover - Row background on hover.
 * @cssprop --lens-color-border - Row divider.
 * @cssprop --lens-color-text - Title colour.
 * @cssprop --lens-color-text-muted - Owner line, progress and elapsed colour.
 * @cssprop --lens-color-problem - Error colour.
 * @cssprop --lens-space-m - Gap between columns.
 */
export class SessionRow extends LensElement {
  static override styles = [tokens, toneVariables, pillStyles, badgeStyles, sessionRowStyles];
  /** `row.focus()` lands on the title button, so a list can move focus from row to row. */
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  static override properties = {
    session: { attribute: false },
    scopes: { attribute: false },
    expanded: { type: Boolean, reflect: true },
    skipTab: { type: Boolean, attribute: 'skip-tab' },
    avatarFailed: { state: true },
    currentStep: { state: true },
  };

  /** The session to show. */
  session?: Session;

  /**
   * The caller's scopes, deciding which actions show. When unset, the scopes of the provider's
   * identity are used; with neither, no action shows.
   */
  scopes?: readonly string[];

  /** Whether the session's detail is open (inline, under the row); reflected to `aria-expanded`. */
  expanded = false;

  /**
   * Takes the row's controls out of the Tab order (they stay focusable by click and script): a
   * list that moves focus between rows with the arrow keys sets it on every row but its current
   * one, so the whole list is one tab stop.
   */
  skipTab = false;

  private avatarFailed = false;
  /** The step the title's arrow key moves to: the one last focused. */
  private currentStep = 0;

  readonly #lens = new LensConsumer(this, { granularity: () => this.#granularity() });
  readonly #actions = new SessionActionController(this, {
    client: () => this.#lens.client,
    fallbackMessage: () => messagesForLocale(this.locale.lang).somethingWrong,
  });

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('session')) return;
    const previous = changed.get('session');
    const next = this.session;
    if (previous?.id !== next?.id) {
      // A different session: nothing of the last one's avatar carries over (its action's pending
      // state and refusal belong to its id). A row is recycled for another session while the list scrolls.
      this.avatarFailed = false;
      this.currentStep = 0;
    } else if (previous && next && previous.status !== next.status) {
      const words = messagesForLocale(this.locale.lang);
      announce(
        words.statusChanged(clampText(next.title, 80), statusText(words, next.status)),
        words.manyChanged,
      );
    }
  }

  /** Clock granularity: each second while the session's elapsed time runs, else every 15 s. */
  #granularity(): number {
    const session = this.#actions.latest(this.session);
    if (!session) return 0;
    return session.endedAt === undefined && isActive(session, this.#lens.now) ? 1_000 : 15_000;
  }

  /** The action this session offers the caller, if any. */
  #action(session: Session, now: number): SessionAction | undefined {
    if ((session.kind === 'flow' || session.kind === 'task') && isActive(session, now)) {
      return this.#lens.holds('sessions:cancel-any', this.scopes) ? 'cancel' : undefined;
    }
    if (session.kind === 'chat' && session.status !== 'ended') {
      const tone = toneOf(session.status);
      if (tone === 'settled' || tone === 'problem') return undefined;
      return this.#lens.holds('conversations:manage', this.scopes) ? 'end' : undefined;
    }
    return undefined;
  }

  #onRowClick(event: MouseEvent): void {
    const session = this.#actions.latest(this.session);
    if (!session) return;
    // Controls in the row do their own thing; selecting text is not opening.
    const path = event.composedPath();
    if (path.some((node) => node instanceof HTMLElement && node.dataset['noOpen'] !== undefined)) return;
    if (document.getSelection()?.toString()) return;
    this.dispatchEvent(new SessionOpenEvent(session));
  }

  /** How long the session ran: to its end, to now while active, else to when it last moved. */
  #elapsed(session: Session, now: number, locale: string | undefined): string {
    const end = session.endedAt ?? (isActive(session, now) ? undefined : session.updatedAt);
    return elapsedBetween(session.createdAt, end, now, locale);
  }

  #renderAvatar(session: Session): TemplateResult {
    const src = this.avatarFailed ? undefined : safeHttpUrl(session.owner.avatarUrl);
    if (src) {
      return html`<img
        part="avatar"
        class="avatar"
        src=${src}
        alt=""
        referrerpolicy="no-referrer"
        @error=${() => (this.avatarFailed = true)}
      />`;
    }
    return html`<span part="avatar" class="avatar initials" aria-hidden="true"
      >${initials(session.owner.name)}</span
    >`;
  }

  /** Whether the row's inline direction is right to left (arrows are mirrored). */
  #rtl(): boolean {
    return this.locale.dir === 'rtl';
  }

  #focusStep(index: number): void {
    this.currentStep = index;
    void this.updateComplete.then(() =>
      this.shadowRoot?.querySelector<HTMLElement>(`#step-${this.currentStep}`)?.focus(),
    );
  }

  /** Right arrow on the title (Left, right to left) moves into the step strip. */
  #onTitleKey(event: KeyboardEvent, count: number): void {
    if (count === 0 || event.key !== (this.#rtl() ? 'ArrowLeft' : 'ArrowRight')) return;
    event.preventDefault();
    this.#focusStep(Math.min(this.currentStep, count - 1));
  }

  /**
   * Left and Right (mirrored right to left), Home and End move between the steps of the strip;
   * Escape, or Left before the first step, returns to the title. Up and Down are left to the list,
   * which moves between rows.
   */
  #onStepKey(event: KeyboardEvent, count: number): void {
    const rtl = this.#rtl();
    const index = this.currentStep;
    const target = {
      ArrowRight: rtl ? index - 1 : index + 1,
      ArrowLeft: rtl ? index + 1 : index - 1,
      Home: 0,
      End: count - 1,
      Escape: -1,
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    if (target < 0) {
      this.shadowRoot?.querySelector<HTMLElement>('[part~=open]')?.focus();
      return;
    }
    this.#focusStep(Math.min(count - 1, target));
  }

  #stepCount(session: Session): number {
    return session.kind === 'flow' ? (session.progress.steps?.length ?? 0) : 0;
  }

  #renderStep(
    step: Step,
    index: number,
    count: number,
    now: number,
    locale: string | undefined,
    words: Messages,
  ): TemplateResult {
    const tone = toneOf(step.status);
    const time = step.startedAt
      ? elapsedBetween(step.startedAt, step.endedAt, now, locale)
      : words.notStarted;
    const label = words.stepLabel(step.name, statusText(words, step.status), time);
    // Focusable (from the title's arrow key, never a tab stop), so the tooltip shows on keyboard
    // focus as well as on hover.
    return html`<li
      class="step"
      id=${`step-${index}`}
      data-tone=${tone}
      tabindex="-1"
      aria-describedby=${`step-tip-${index}`}
      @keydown=${(event: KeyboardEvent) => this.#onStepKey(event, count)}
      @focus=${() => (this.currentStep = index)}
    >
      ${toneIcon(tone)}<span class="tooltip text" role="tooltip" id=${`step-tip-${index}`}
        >${clampText(label, 200)}</span
      >
    </li>`;
  }

  #renderProgress(
    session: Session,
    now: number,
    locale: string | undefined,
    words: Messages,
  ): TemplateResult {
    const label = progressLabel(session, locale);
    switch (session.kind) {
      case 'flow': {
        const steps = session.progress.steps ?? [];
        return html`<div class="strip">
          ${
            steps.length > 0
              ? html`<ol part="steps" class="steps" aria-label=${label}>
                  ${steps.map((step, index) => this.#renderStep(step, index, steps.length, now, locale, words))}
                </ol>`
              : nothing
          }
          <span class="steps-label" aria-hidden=${steps.length > 0 ? 'true' : 'false'}>${label}</span>
        </div>`;
      }
      case 'assessment': {
        const insights = session.counts?.insights;
        return html`${
            session.agent
              ? html`<div class="host text">${clampText(session.agent.hostname, 200)}</div>`
              : nothing
          }
          <div>
            ${label}${insights !== undefined ? ` · ${countText(words.insights, insights, locale)}` : ''}
          </div>`;
      }
      default:
        return html`<div>${label}</div>`;
    }
  }

  #renderAction(session: Session, now: number, words: Messages): TemplateResult | typeof nothing {
    const action = this.#action(session, now);
    const refusal = this.#actions.refusalFor(session);
    if (!action && !refusal) return nothing;
    const pending = this.#actions.pendingFor(session) !== undefined;
    const [label, pendingLabel] =
      action === 'cancel' ? [words.cancel, words.cancelling] : [words.end, words.ending];
    return html`<div part="actions" class="actions" data-no-open>
      ${
        action
          ? renderActionButton({
              part: 'action',
              look: 'danger',
              label,
              pendingLabel,
              pending,
              disabled: pending,
              ariaLabel: words.actionOn(pending ? pendingLabel : label, clampText(session.title, 80)),
              skipTab: this.skipTab,
              onClick: () => void this.#actions.run(session, action),
            })
          : nothing
      }
      ${
        refusal
          ? html`<div part="action-error" class="action-error text" role="alert">
              ${clampText(refusal.message, 300)}
            </div>`
          : nothing
      }
    </div>`;
  }

  override render() {
    const session = this.#actions.latest(this.session);
    if (!session) return nothing;
    const now = this.#lens.now;
    const locale = this.locale.lang;
    const caption = costCaption(session.cost, locale);
    const words = messagesForLocale(locale);
    const kind = kindLabel(session, words.kind);
    return html`<div
      part="base"
      class="row"
      data-kind=${session.kind}
      ?data-error=${session.error !== undefined}
      @click=${this.#onRowClick}
    >
      <span part="glyph" class="glyph" title=${kind}>${kindGlyph(session.kind)}</span>
      <div part="title" class="title-cell">
        <button
          part="open"
          class="open text"
          type="button"
          tabindex=${this.skipTab ? '-1' : '0'}
          aria-expanded=${this.expanded ? 'true' : 'false'}
          @keydown=${(event: KeyboardEvent) => this.#onTitleKey(event, this.#stepCount(session))}
        >
          <span class="visually-hidden">${kind}: </span>${clampText(session.title) || words.untitled}
        </button>
        <div part="meta" class="meta">
          ${this.#renderAvatar(session)}
          <span class="owner text">${clampText(session.owner.name, 200)}</span>
          <span class="id">${shortId(session.id)}</span>
          ${session.kind === 'chat' && session.chatMode === 'ask' ? html`<span class="badge">${words.ask}</span>` : nothing}
        </div>
        ${
          session.error
            ? html`<div part="error" class="error text">
                <span class="visually-hidden">${words.errorPrefix} </span
                >${clampText(session.error.message, 300)}
              </div>`
            : nothing
        }
      </div>
      <div part="progress" class="progress-cell">
        ${this.#renderProgress(session, now, locale, words)}
        ${caption ? html`<div part="cost" class="cost">${caption}</div>` : nothing}
      </div>
      <div part="status" class="status-cell">
        ${renderStatusPill(session.status, words, undefined, PILL_PARTS)}
      </div>
      <div part="time" class="time-cell">
        <time datetime=${session.updatedAt} title=${formatDateTime(session.updatedAt, locale)}
          >${relativeTime(session.updatedAt, now, locale)}</time
        >
        <span class="elapsed"
          ><span class="visually-hidden">${words.ranFor} </span>${this.#elapsed(session, now, locale)}</span
        >
      </div>
      ${this.#renderAction(session, now, words)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'session-row': SessionRow;
  }
}
