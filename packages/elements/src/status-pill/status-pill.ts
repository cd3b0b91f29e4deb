import { html, type TemplateResult } from 'lit';
import { toneOf, type Tone } from '@session-lens/sdk';
import { messagesForLocale, statusText, type Messages } from '../internal/messages.js';
import { toneIcon } from '../internal/icons.js';
import { tokens, toneVariables } from '../styles/tokens.js';
import { LensElement } from '../base/lens-element.js';
import { statusPillStyles } from './status-pill.styles.js';

/** The part names of the pill's markup; an element inlining it names them its own way. */
export type PillParts = { base: string; icon: string; label: string };

const OWN_PARTS: PillParts = { base: 'base', icon: 'icon', label: 'label' };

/**
 * The markup of a status pill, shared by `<status-pill>` and by elements that render many pills
 * and want no element per pill (`<session-row>`: one element and shadow root fewer per row).
 * Needs {@link pillStyles} (and the tone variables) in the rendering element's styles.
 */
export function renderStatusPill(
  status: string,
  words: Messages,
  label: string = statusText(words, status),
  parts: PillParts = OWN_PARTS,
): TemplateResult {
  const tone = toneOf(status);
  const live = tone === 'live';
  return html`<span part=${parts.base} class="pill" data-tone=${tone} ?data-live=${live}>
    <span part=${parts.icon} class=${live ? 'cue spin' : 'cue'}>${toneIcon(tone)}</span>
    <span part=${parts.label} class="label text">${label}</span>
  </span>`;
}

/**
 * A session status as a person scans it (E1): its label, the colour of its tone and a shape per
 * tone (a check, a cross, pause bars, a clock, a question mark), so colour is never the only cue.
 * A live status (`running`, `provisioning`, `streaming`) shows a spinner instead of a pill; the
 * spinner stands still when the reader prefers reduced motion. A status this version does not
 * know renders with its raw label in the neutral tone. Labels follow the nearest `lang` (English
 * built in, German with `locales/de.js` or the embed; other languages read English).
 *
 * @summary A status label with tone colour and a non-colour cue.
 * @tagname status-pill
 *
 * @csspart base - The pill: a tinted badge, or the spinner and label for a live status.
 * @csspart icon - The tone's shape (the spinner for a live status).
 * @csspart label - The status label.
 *
 * @cssprop --lens-color-live - Colour of live statuses (running, provisioning, streaming).
 * @cssprop --lens-color-queued - Colour of queued statuses (pending, queued).
 * @cssprop --lens-color-waiting - Colour of statuses that wait on someone (paused, blocked…).
 * @cssprop --lens-color-settled - Colour of settled statuses (completed, ended…).
 * @cssprop --lens-color-problem - Colour of problem statuses (failed, rejected, discarded).
 * @cssprop --lens-color-neutral - Colour of a status this client does not know.
 * @cssprop --lens-radius-pill - Corner radius of the pill.
 */
export class StatusPill extends LensElement {
  static override styles = [tokens, toneVariables, statusPillStyles];

  static override properties = {
    status: {},
    label: {},
  };

  /** The status, as the API sends it (`running`, `pending_review`, or one not known yet). */
  status = '';

  /** A label to show instead of the built-in one (for translated interfaces). */
  label?: string;

  /** The tone the status maps to (S2); colour depends on nothing else. */
  get tone(): Tone {
    return toneOf(this.status);
  }

  override render() {
    const words = messagesForLocale(this.locale.lang);
    return renderStatusPill(this.status, words, this.label ?? statusText(words, this.status));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'status-pill': StatusPill;
  }
}
