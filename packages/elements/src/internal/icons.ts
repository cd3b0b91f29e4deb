/**
 * The elements' own icons, as static Lit SVG templates (no icon font, no fetched assets). Every
 * icon is decorative (`aria-hidden`): the text beside it carries the meaning.
 */
import { svg, type SVGTemplateResult, html, type TemplateResult } from 'lit';
import type { SessionKind, Tone } from '@session-lens/sdk';

const icon = (body: SVGTemplateResult, className = 'icon'): TemplateResult =>
  html`<svg
    class=${className}
    viewBox="0 0 16 16"
    width="16"
    height="16"
    fill="none"
    stroke="currentColor"
    stroke-width="1.5"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    ${body}
  </svg>`;

const KIND_GLYPHS: Record<SessionKind, SVGTemplateResult> = {
  // Three nodes joined in sequence: a run of steps.
  flow: svg`<circle cx="3" cy="8" r="1.75"/><circle cx="13" cy="3.5" r="1.75"/><circle cx="13" cy="12.5" r="1.75"/><path d="M4.6 7.2 11.4 4.3M4.6 8.8l6.8 2.9"/>`,
  // A stack of layers: work proceeding in the background.
  task: svg`<path d="M8 2 14 5 8 8 2 5z"/><path d="m2 8 6 3 6-3M2 11l6 3 6-3"/>`,
  // A speech bubble.
  chat: svg`<path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z"/>`,
  // A shield with a check: a playbook run against a host.
  assessment: svg`<path d="M8 1.8 13 3.6v4c0 3-2.2 5.3-5 6.6-2.8-1.3-5-3.6-5-6.6v-4z"/><path d="m5.8 8 1.6 1.6 2.9-3"/>`,
};

/** The glyph for a session kind. */
export function kindGlyph(kind: SessionKind): TemplateResult {
  return icon(KIND_GLYPHS[kind] ?? KIND_GLYPHS.task, 'icon kind-glyph');
}

const TONE_ICONS: Record<Tone, SVGTemplateResult> = {
  // An open ring; the pill spins it while the status is live.
  live: svg`<path d="M8 2.5a5.5 5.5 0 1 1-5.5 5.5"/>`,
  // A clock face: lining up.
  queued: svg`<circle cx="8" cy="8" r="5.5"/><path d="M8 5v3.2l2 1.3"/>`,
  // Pause bars: waiting on something.
  waiting: svg`<path d="M6 4.5v7M10 4.5v7"/>`,
  // A check: settled.
  settled: svg`<path d="m3.5 8.4 3 3 6-6.4"/>`,
  // A cross in a circle: a problem.
  problem: svg`<circle cx="8" cy="8" r="5.5"/><path d="m6 6 4 4m0-4-4 4"/>`,
  // A question mark: a status this client does not know.
  neutral: svg`<path d="M6 6.2a2 2 0 1 1 2.8 1.8c-.5.3-.8.7-.8 1.3v.4"/><path d="M8 12h.01"/>`,
};

/** The non-colour cue for a tone: each tone has its own shape (E1, E10). */
export function toneIcon(tone: Tone): TemplateResult {
  return icon(TONE_ICONS[tone] ?? TONE_ICONS.neutral, `icon tone-icon tone-icon-${tone}`);
}
