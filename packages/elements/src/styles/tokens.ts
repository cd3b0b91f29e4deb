import { css, unsafeCSS } from 'lit';

/**
 * Every colour token (E9): its private name, its public `--lens-*` token, the dark (default)
 * value and the light value. The stylesheets below are generated from this one table, and
 * scripts/docs.mjs reads it for the token table in docs/theming.md.
 */
const palette = [
  ['--_surface', '--lens-color-surface', '#15171c', '#ffffff'],
  ['--_surface-raised', '--lens-color-surface-raised', '#1d2027', '#f6f7f9'],
  ['--_surface-hover', '--lens-color-surface-hover', '#242831', '#eef0f4'],
  ['--_border', '--lens-color-border', '#30343e', '#d9dce3'],
  ['--_text', '--lens-color-text', '#e7e9ee', '#161a22'],
  ['--_text-muted', '--lens-color-text-muted', '#a2a8b6', '#545b69'],
  ['--_accent', '--lens-color-accent', '#8ab4ff', '#1d4ed8'],
  ['--_focus', '--lens-color-focus', '#8ab4ff', '#1d4ed8'],
  ['--_on-accent', '--lens-color-on-accent', '#0d1117', '#ffffff'],
  ['--_tone-live', '--lens-color-live', '#4ade80', '#166534'],
  ['--_tone-queued', '--lens-color-queued', '#f5a524', '#92400e'],
  ['--_tone-waiting', '--lens-color-waiting', '#facc15', '#854d0e'],
  ['--_tone-settled', '--lens-color-settled', '#a1a1aa', '#3f3f46'],
  ['--_tone-problem', '--lens-color-problem', '#f87171', '#991b1b'],
  ['--_tone-neutral', '--lens-color-neutral', '#93a4c3', '#334155'],
  ['--_tone-info', '--lens-color-info', '#60a5fa', '#1d4ed8'],
] as const;

/** The inherited property that carries a private token's themed value from a `[theme]` ancestor. */
const carrier = (name: string) => `--_lens-${name.slice('--_'.length)}`;

/** The declarations a `[theme]` element sets for one palette: what its descendants inherit. */
function themeDeclarations(scheme: 'dark' | 'light'): string {
  const column = scheme === 'dark' ? 2 : 3;
  return [...palette.map((row) => `${carrier(row[0])}: ${row[column]};`), `--_lens-scheme: ${scheme};`].join(
    '\n',
  );
}

/**
 * The theme switch (E9), without `:host-context()` (Firefox and Safari never shipped it, and a
 * selector list containing it is dropped whole there). An element with a `theme` attribute — a
 * Session Lens element itself or any ancestor, `<html>` included — sets private inherited custom
 * properties (`--_lens-*`) with its palette; they inherit through shadow roots, the nearest
 * `[theme]` wins, and each element computes its tokens from them on its `:host` (see `tokens`).
 * `theme="auto"` takes the light palette while the reader prefers a light colour scheme.
 *
 * The elements put this sheet into the document, and into every shadow root between an element
 * and the document, when they connect (see `adoptTheme` in theme.ts). It sets nothing but
 * `--_lens-*` properties, so nothing of it changes the host page's own look.
 */
export const themeStyles = css`
  [theme='dark'],
  [theme='auto'] {
    ${unsafeCSS(themeDeclarations('dark'))}
  }
  [theme='light'] {
    ${unsafeCSS(themeDeclarations('light'))}
  }
  @media (prefers-color-scheme: light) {
    [theme='auto'] {
      ${unsafeCSS(themeDeclarations('light'))}
    }
  }
`;

/** Each private colour token on `:host`: the host's own token, else the themed value, else dark. */
const paletteDeclarations = unsafeCSS(
  palette.map(([name, token, dark]) => `${name}: var(${token}, var(${carrier(name)}, ${dark}));`).join('\n'),
);

/**
 * The design tokens every element shares (E9), as one stylesheet each element puts first in its
 * `static styles`.
 *
 * Public tokens are `--lens-*` custom properties: a host sets them on any ancestor (they inherit
 * through shadow roots) to restyle every element at once. Each element reads them through private
 * `--_*` properties computed on its own `:host`, so the built-in defaults apply only where a host
 * set nothing, and nothing an element sets leaks back out.
 *
 * Dark is the default; the nearest `theme` attribute (`light`, `dark` or `auto`) on the element or
 * an ancestor chooses the palette (see `themeStyles`). `color-scheme` and `scrollbar-color`
 * follow it, so native form controls and scrollbars inside the elements match (Firefox draws
 * scrollbars from `scrollbar-color`, WebKit, which lacks it, from `color-scheme`).
 *
 * Also here: one visible focus ring for every control (E10), the `.button` look, and `.text` for
 * strings from the API, which may be long or bidirectional (kept inside their box and their own
 * direction). Comments stay out of the CSS below: template CSS ships as written.
 */
export const tokens = css`
  :host {
    --_font: var(--lens-font-family, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-mono: var(--lens-font-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    --_font-size: max(12px, var(--lens-font-size, 0.875rem));
    --_font-size-s: max(12px, var(--lens-font-size-small, 0.75rem));
    --_radius: var(--lens-radius, 8px);
    --_radius-pill: var(--lens-radius-pill, 999px);
    --_space-xs: var(--lens-space-xs, 2px);
    --_space-s: var(--lens-space-s, 6px);
    --_space-m: var(--lens-space-m, 12px);
    --_space-l: var(--lens-space-l, 20px);

    ${paletteDeclarations}

    color-scheme: var(--_lens-scheme, dark);
    scrollbar-color: color-mix(in srgb, var(--_text-muted) 50%, var(--_surface)) transparent;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

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
