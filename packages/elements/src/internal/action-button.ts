import { html, nothing, type TemplateResult } from 'lit';

/** An action button (Cancel, End, Approve, Reject) of a row or a detail. */
export type ActionButton = {
  /** Its part name. */
  readonly part: string;
  readonly look: 'primary' | 'danger';
  readonly label: string;
  /** What it says while its action is in flight ("Ending…"). */
  readonly pendingLabel: string;
  /** Whether its own action is in flight. */
  readonly pending: boolean;
  /** Whether it is disabled (its own or another action in flight). */
  readonly disabled: boolean;
  /** A fuller name for assistive technology, when the label alone is ambiguous (a row's). */
  readonly ariaLabel?: string | undefined;
  /** Takes it out of the Tab order (a list's rows but its current one). */
  readonly skipTab?: boolean;
  readonly onClick: () => void;
};

/** The button of an action, busy and relabelled while the action is in flight. */
export function renderActionButton(button: ActionButton): TemplateResult {
  return html`<button
    part=${button.part}
    class="button ${button.look}"
    type="button"
    tabindex=${button.skipTab ? '-1' : '0'}
    ?disabled=${button.disabled}
    aria-busy=${button.pending ? 'true' : 'false'}
    aria-label=${button.ariaLabel ?? nothing}
    @click=${button.onClick}
  >
    ${button.pending ? button.pendingLabel : button.label}
  </button>`;
}
