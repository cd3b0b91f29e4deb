import { css } from 'lit';

export const sessionTabStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }

  session-list {
    height: var(--lens-list-height, 36rem);
  }

  .state {
    display: grid;
    place-items: center;
    gap: var(--_space-m);
    padding: var(--_space-l);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text-muted);
    text-align: center;
  }
  code {
    color: var(--_text);
  }
`;
