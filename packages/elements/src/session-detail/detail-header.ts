import { html, nothing, type TemplateResult } from 'lit';
import { toneOf, type Session } from '@session-lens/sdk';
import type { ActionRefusal } from '../controllers/session-action-controller.js';
import type { SessionAction } from '../events/events.js';
import { renderActionButton } from '../internal/action-button.js';
import { clampText, kindLabel, shortId } from '../internal/format.js';
import type { DetailMessages } from '../internal/detail-messages.js';
import { kindGlyph } from '../internal/icons.js';

/** What the header and the review notice read and what their buttons do. */
export type HeaderView = {
  readonly session: Session;
  readonly words: DetailMessages;
  /** Whether the caller holds a scope (`conversations:manage`, `sessions:review`). */
  readonly holds: (scope: string) => boolean;
  /** The action in flight on this session, and the server's last refusal. */
  readonly pending: SessionAction | undefined;
  readonly refusal: ActionRefusal | undefined;
  readonly onResume: () => void;
  readonly onOpenEditor: () => void;
  readonly onAction: (action: SessionAction) => void;
};

/** Whether the session is still open: not ended, not settled, not failed. */
function isOpen(session: Session): boolean {
  const tone = toneOf(session.status);
  return session.status !== 'ended' && tone !== 'settled' && tone !== 'problem';
}

/** The button of one of the header's or the review's actions. */
function actionButton(
  view: HeaderView,
  action: SessionAction,
  look: 'primary' | 'danger',
  labels: readonly [label: string, pendingLabel: string],
  disabled: boolean,
): TemplateResult {
  const [label, pendingLabel] = labels;
  const pending = view.pending === action;
  const onClick = () => view.onAction(action);
  return renderActionButton({ part: action, look, label, pendingLabel, pending, disabled, onClick });
}

function renderActions(view: HeaderView): TemplateResult | typeof nothing {
  const { session, words } = view;
  const open = isOpen(session);
  const chat = session.kind === 'chat';
  const mayManage = !chat || view.holds('conversations:manage');
  const resumable = session.kind !== 'assessment' && open && mayManage;
  const editable = session.kind !== 'assessment' && (!chat || open) && mayManage;
  const endable = chat && open && view.holds('conversations:manage');
  const refusal = view.refusal?.action === 'end' ? view.refusal.message : undefined;
  if (!resumable && !editable && !endable && !refusal) return nothing;
  return html`<div part="actions" class="actions">
    ${
      resumable
        ? html`<button part="resume" class="button primary" type="button" @click=${view.onResume}>
            ${chat ? words.resumeInChat : words.resume}
          </button>`
        : nothing
    }
    ${
      editable
        ? html`<button part="open-editor" class="button" type="button" @click=${view.onOpenEditor}>
            ${words.openInEditor}
          </button>`
        : nothing
    }
    ${endable ? actionButton(view, 'end', 'danger', [words.end, words.ending], view.pending === 'end') : nothing}
    ${refusal ? html`<div class="action-error text" role="alert">${clampText(refusal, 300)}</div>` : nothing}
  </div>`;
}

/** The header: kind, short id, the Ask badge, title, status and the actions. */
export function renderHeader(view: HeaderView): TemplateResult {
  const { session, words } = view;
  return html`<header part="header" class="header">
    <div class="heading">
      <div class="kind">
        ${kindGlyph(session.kind)}<span>${kindLabel(session, words.kind)}</span><span>·</span
        ><code>${shortId(session.id)}</code>
        ${session.kind === 'chat' && session.chatMode === 'ask' ? html`<span class="badge">${words.ask}</span>` : nothing}
      </div>
      <h2 id="title" class="title text">${clampText(session.title, 2000) || words.untitled}</h2>
      <div><status-pill status=${session.status}></status-pill></div>
    </div>
    ${renderActions(view)}
  </header>`;
}

/** An assessment awaiting review: the notice, Approve and Reject with `sessions:review`, a refusal. */
export function renderReview(view: HeaderView): TemplateResult | typeof nothing {
  const { session, words, pending } = view;
  const refusal =
    view.refusal?.action === 'approve' || view.refusal?.action === 'reject'
      ? view.refusal.message
      : undefined;
  const awaiting = session.status === 'pending_review';
  if (!awaiting && !refusal) return nothing;
  const busy = pending === 'approve' || pending === 'reject';
  return html`<div class="review" part="review">
    ${awaiting ? html`<p>${words.awaitingReview}</p>` : nothing}
    ${
      awaiting && view.holds('sessions:review')
        ? html`<div
            part="review-actions"
            class="review-actions"
            role="group"
            aria-label=${words.reviewActions}
          >
            ${actionButton(view, 'approve', 'primary', [words.approve, words.approving], busy)}
            ${actionButton(view, 'reject', 'danger', [words.reject, words.rejecting], busy)}
          </div>`
        : nothing
    }
    ${
      refusal
        ? html`<p part="review-error" class="action-error text" role="alert">${clampText(refusal, 300)}</p>`
        : nothing
    }
  </div>`;
}
