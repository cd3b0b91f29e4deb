import { css } from 'lit';

export const ownerFacetStyles = css`
  :host {
    display: inline-flex;
  }

  .facet {
    position: absolute;
    z-index: 5;
    inset-block-start: calc(100% + 4px);
    inset-inline-end: 0;
    display: grid;
    gap: var(--_space-s);
    width: min(20rem, 90vw);
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    box-shadow: 0 8px 28px rgb(0 0 0 / 0.4);
  }
  .facet h2 {
    margin: 0;
    font-size: var(--_font-size);
  }
  .members {
    display: grid;
    gap: 2px;
    max-height: 16rem;
    margin: 0;
    padding: 0;
    overflow: auto;
    list-style: none;
  }
  .members label {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    padding: var(--_space-xs) var(--_space-s);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .members label:hover {
    background: var(--_surface-hover);
  }
  .facet-actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-s);
  }
`;
