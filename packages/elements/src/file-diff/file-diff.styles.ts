import { css } from 'lit';

/** The look of `<session-file-diff>`: numbered monospace lines, tinted by what happened to them. */
export const fileDiffStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  button {
    padding: var(--_space-xs) var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .diff {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: var(--_font-size-s);
    overflow: hidden;
  }
  .bar {
    display: flex;
    gap: var(--_space-xs);
    padding: var(--_space-xs);
    border-bottom: 1px solid var(--_border);
  }
  .bar [aria-pressed='true'] {
    border-color: var(--_accent);
  }
  .lines {
    max-height: 32rem;
    overflow: auto;
    font-family: var(--_font-mono);
  }
  .row {
    display: grid;
    grid-template-columns: 1fr 1fr;
  }
  .line {
    display: flex;
    min-width: 0;
  }
  .row .line + .line {
    border-inline-start: 1px solid var(--_border);
  }
  .no,
  .sign {
    flex: none;
    padding: 0 var(--_space-xs);
    color: var(--_text-muted);
    text-align: end;
    user-select: none;
  }
  .no {
    width: 3.5em;
  }
  .code {
    flex: 1;
    min-width: 0;
    padding-inline-end: var(--_space-s);
    font: inherit;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  [data-kind='+'] {
    background: color-mix(in srgb, var(--_tone-live) 14%, transparent);
  }
  [data-kind='-'] {
    background: color-mix(in srgb, var(--_tone-problem) 14%, transparent);
  }
  ins,
  del {
    border-radius: 2px;
    color: inherit;
    text-decoration: none;
  }
  ins {
    background: color-mix(in srgb, var(--_tone-live) 35%, transparent);
  }
  del {
    background: color-mix(in srgb, var(--_tone-problem) 35%, transparent);
  }
  .empty {
    background: var(--_surface-raised);
  }
  .expand {
    display: block;
    width: 100%;
    border: 0;
    border-radius: 0;
    color: var(--_accent);
    font-family: var(--_font);
    text-align: start;
    cursor: pointer;
  }
  .note {
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    color: var(--_text-muted);
  }
`;
