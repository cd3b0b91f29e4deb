import { css } from 'lit';

/** The light palette, shared by `theme="light"` and `theme="auto"` on a light system. */
const lightPalette = css`
  --_surface: var(--lens-color-surface, #ffffff);
  --_surface-raised: var(--lens-color-surface-raised, #f6f7f9);
  --_surface-hover: var(--lens-color-surface-hover, #eef0f4);
  --_border: var(--lens-color-border, #d9dce3);
  --_text: var(--lens-color-text, #161a22);
  --_text-muted: var(--lens-color-text-muted, #545b69);
  --_accent: var(--lens-color-accent, #1d4ed8);
  --_focus: var(--lens-color-focus, #1d4ed8);
  --_on-accent: var(--lens-color-on-accent, #ffffff);
  --_tone-live: var(--lens-color-live, #166534);
  --_tone-queued: var(--lens-color-queued, #92400e);
  --_tone-waiting: var(--lens-color-waiting, #854d0e);
  --_tone-settled: var(--lens-color-settled, #3f3f46);
  --_tone-problem: var(--lens-color-problem, #991b1b);
  --_tone-neutral: var(--lens-color-neutral, #334155);
  --_tone-info: var(--lens-color-info, #1d4ed8);
  color-scheme: light;
`;

/**
 * The design tokens every element shares (E9), as one stylesheet each element puts first in its
 * `static styles`.
 *
 * Public tokens are `--lens-*` custom properties: a host sets them on any ancestor (they inherit
 * through shadow roots) to restyle every element at once. Each element reads them through private
 * `--_*` properties computed on its own `:host`, so the built-in defaults apply only where a host
 * set nothing, and nothing an element sets leaks back out.
 *
 * Dark is the default. `theme="light"` on the element or on any ancestor (shadow roots included)
 * switches to light; `theme="auto"` follows `prefers-color-scheme`.
 */
export const tokens = css`
  :host {
    --_font: var(--lens-font-family, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-mono: var(--lens-font-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    --_font-size: var(--lens-font-size, 0.875rem);
    --_font-size-s: var(--lens-font-size-small, 0.75rem);
    --_radius: var(--lens-radius, 8px);
    --_radius-pill: var(--lens-radius-pill, 999px);
    --_space-xs: var(--lens-space-xs, 2px);
    --_space-s: var(--lens-space-s, 6px);
    --_space-m: var(--lens-space-m, 12px);
    --_space-l: var(--lens-space-l, 20px);

    --_surface: var(--lens-color-surface, #15171c);
    --_surface-raised: var(--lens-color-surface-raised, #1d2027);
    --_surface-hover: var(--lens-color-surface-hover, #242831);
    --_border: var(--lens-color-border, #30343e);
    --_text: var(--lens-color-text, #e7e9ee);
    --_text-muted: var(--lens-color-text-muted, #a2a8b6);
    --_accent: var(--lens-color-accent, #8ab4ff);
    --_focus: var(--lens-color-focus, #8ab4ff);
    --_on-accent: var(--lens-color-on-accent, #0d1117);

    --_tone-live: var(--lens-color-live, #4ade80);
    --_tone-queued: var(--lens-color-queued, #f5a524);
    --_tone-waiting: var(--lens-color-waiting, #facc15);
    --_tone-settled: var(--lens-color-settled, #a1a1aa);
    --_tone-problem: var(--lens-color-problem, #f87171);
    --_tone-neutral: var(--lens-color-neutral, #93a4c3);
    --_tone-info: var(--lens-color-info, #60a5fa);

    color-scheme: dark;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }

  :host([theme='light']),
  :host-context([theme='light']) {
    ${lightPalette}
  }

  @media (prefers-color-scheme: light) {
    :host([theme='auto']),
    :host-context([theme='auto']) {
      ${lightPalette}
    }
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  /* One visible focus ring for every control (E10). */
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  button {
    font: inherit;
    color: inherit;
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    padding: var(--_space-xs) var(--_space-m);
    min-height: 28px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    color: var(--_text);
    font-size: var(--_font-size-s);
    font-weight: 500;
    cursor: pointer;
  }
  .button:hover:not(:disabled) {
    background: var(--_surface-hover);
  }
  .button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button.danger {
    color: var(--_tone-problem);
  }

  /* Text from the API may be long or bidirectional: keep it inside its box and its own direction. */
  .text {
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }
`;

/** The tone colour custom property for each tone, as used by the elements' styles. */
export const toneVariables = css`
  [data-tone='live'] {
    --_tone: var(--_tone-live);
  }
  [data-tone='queued'] {
    --_tone: var(--_tone-queued);
  }
  [data-tone='waiting'] {
    --_tone: var(--_tone-waiting);
  }
  [data-tone='settled'] {
    --_tone: var(--_tone-settled);
  }
  [data-tone='problem'] {
    --_tone: var(--_tone-problem);
  }
  [data-tone='neutral'] {
    --_tone: var(--_tone-neutral);
  }
`;
