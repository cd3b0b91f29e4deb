import { css } from 'lit';

export const sessionRowStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    /* A row's layout and paint stay inside it: a fling re-renders a window of rows per frame, and
       contained rows halve what the browser paints and pre-paints for them (bench/profile.mjs: at 4×
       CPU, paint 1.8 → 1.1 s and pre-paint 0.8 → 0.3 s over the 100,000-row fling). A hovered or
       focused row paints uncontained, so a step's tooltip can rise over the row above. */
    contain: layout style;
  }
  :host(:not(:hover):not(:focus-within)) {
    contain: layout paint style;
  }

  .row {
    position: relative;
    display: grid;
    grid-template-columns: 24px minmax(0, 2.4fr) minmax(0, 1.5fr) minmax(6.5rem, auto) 6.5rem minmax(
        4.5rem,
        auto
      );
    align-items: center;
    gap: var(--_space-m);
    min-height: 56px;
    padding: var(--_space-s) var(--_space-m);
    background: var(--_surface);
    color: var(--_text);
    border-bottom: 1px solid var(--_border);
    cursor: pointer;
  }
  .row:hover {
    background: var(--_surface-hover);
  }
  :host([expanded]) .row {
    background: var(--_surface-raised);
  }
  .row[data-error] {
    box-shadow: inset 3px 0 0 var(--_tone-problem);
  }

  .glyph {
    display: inline-flex;
    color: var(--_text-muted);
  }
  .icon {
    width: 16px;
    height: 16px;
  }

  .title-cell {
    min-width: 0;
  }
  .open {
    display: block;
    max-width: 100%;
    padding: 0;
    border: 0;
    background: none;
    font-weight: 600;
    text-align: start;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    cursor: pointer;
  }
  .open:focus-visible {
    outline-offset: 1px;
  }
  .meta {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    min-width: 0;
    margin-top: var(--_space-xs);
    color: var(--_text-muted);
    font-size: var(--_font-size-s);
  }
  .owner {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .id {
    font-family: var(--_font-mono);
  }
  .avatar {
    flex: none;
    width: 20px;
    height: 20px;
    border-radius: 50%;
    object-fit: cover;
  }
  .initials {
    display: inline-grid;
    place-items: center;
    background: var(--_surface-hover);
    color: var(--_text);
    font-size: var(--_font-size-s);
    font-weight: 700;
    letter-spacing: -0.04em;
  }

  .error {
    margin-top: var(--_space-xs);
    color: var(--_tone-problem);
    font-size: var(--_font-size-s);
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .progress-cell {
    min-width: 0;
    font-size: var(--_font-size-s);
    color: var(--_text-muted);
  }
  .progress-cell > div {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .cost {
    margin-top: var(--_space-xs);
    color: var(--_text);
    font-variant-numeric: tabular-nums;
  }

  .steps {
    display: flex;
    align-items: center;
    gap: 3px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .step {
    position: relative;
    display: inline-flex;
    color: var(--_tone);
  }
  .step .icon {
    width: 14px;
    height: 14px;
    stroke-width: 2;
  }
  .step + .step::before {
    content: '';
    width: 8px;
    height: 1px;
    margin-inline-end: 3px;
    align-self: center;
    background: var(--_border);
  }
  .steps-label {
    margin-inline-start: var(--_space-s);
    white-space: nowrap;
  }
  .strip {
    display: flex;
    align-items: center;
    min-width: 0;
  }

  /* The tooltip text is always in the accessibility tree; hovering or focusing the step shows it. */
  .tooltip {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .step:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    border-radius: 50%;
  }
  .step:hover .tooltip,
  .step:focus .tooltip {
    z-index: 2;
    inset-block-end: calc(100% + 6px);
    /* Centred over the step: symmetric, so the same in either direction. */
    left: 50%;
    transform: translateX(-50%);
    width: auto;
    height: auto;
    overflow: visible;
    clip: auto;
    padding: var(--_space-xs) var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    color: var(--_text);
    font-size: var(--_font-size-s);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.35);
    pointer-events: none;
  }

  .time-cell {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    font-size: var(--_font-size-s);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .elapsed {
    color: var(--_text-muted);
  }

  .actions {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: var(--_space-xs);
    min-width: 0;
  }
  .action-error {
    max-width: 14rem;
    color: var(--_tone-problem);
    font-size: var(--_font-size-s);
    text-align: end;
  }

  /* Narrow hosts (a side panel, a phone): title and status on top, details beneath. */
  @container (max-width: 640px) {
    .row {
      grid-template-columns: 20px minmax(0, 1fr) auto;
      grid-template-areas:
        'glyph title status'
        'glyph progress time'
        'glyph actions actions';
      row-gap: var(--_space-xs);
    }
    .glyph {
      grid-area: glyph;
      align-self: start;
    }
    .title-cell {
      grid-area: title;
    }
    .progress-cell {
      grid-area: progress;
    }
    .status-cell {
      grid-area: status;
    }
    .time-cell {
      grid-area: time;
      flex-direction: row;
      gap: var(--_space-s);
    }
    .actions {
      grid-area: actions;
      align-items: flex-start;
    }
  }

  @container (max-width: 479px) {
    .row {
      grid-template-areas:
        'glyph title status'
        'glyph title time'
        'glyph progress progress'
        'glyph actions actions';
    }
    .id,
    .elapsed {
      display: none;
    }
  }
`;
