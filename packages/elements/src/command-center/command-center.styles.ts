import { css } from 'lit';

export const commandCenterStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }

  .center {
    display: grid;
    gap: var(--_space-m);
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-m);
  }
  [aria-pressed='true'] {
    border-color: var(--_accent);
  }
  h2,
  h3 {
    margin: 0;
  }
  h2 {
    font-size: 1rem;
  }
  h3 {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    margin-bottom: var(--_space-s);
    color: var(--_text-muted);
    font-size: var(--_font-size-s);
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .count {
    --_count-background: var(--_surface-raised);
    --_count-color: var(--_text);
  }
  ul {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    border-bottom: 1px solid var(--_border);
  }
  li:last-child {
    border-bottom: 0;
  }
  li session-row {
    display: block;
    min-width: 0;
  }
  .resume {
    margin-inline: var(--_space-s) var(--_space-m);
  }
  .state,
  .banner {
    margin: 0;
    color: var(--_text-muted);
    font-size: var(--_font-size-s);
  }
  .state {
    display: flex;
    align-items: center;
    gap: var(--_space-m);
    padding: var(--_space-m);
  }
`;
