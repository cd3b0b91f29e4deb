import { css } from 'lit';

/** The look of `<session-access>`: a summary line, and its dialog. */
export const sessionAccessStyles = css`
  :host {
    display: block;
  }
  .access {
    background: var(--_surface);
    color: var(--_text);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s) var(--_space-m);
  }
  h2,
  h3 {
    margin: 0;
    font-size: var(--_font-size-s);
  }
  h2 {
    font-size: 1rem;
  }
  .access > h3 {
    color: var(--_text-muted);
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_text-muted);
  }
  dialog {
    width: min(32rem, calc(100vw - 2rem));
    padding: var(--_space-l);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog[open] {
    display: grid;
    gap: var(--_space-m);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 50%);
  }
  ul {
    display: grid;
    gap: var(--_space-xs);
    max-height: 14rem;
    margin: 0;
    padding: 0;
    overflow: auto;
    list-style: none;
  }
  li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  .toggle {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
  }
  input[type='search'] {
    padding: var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    font: inherit;
    color: inherit;
  }
  .error {
    color: var(--_tone-problem);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-s);
  }
`;
