import { css } from 'lit';

/**
 * The pill's own rules, scoped under `.pill`, so an element that renders the pill's markup inline
 * (`<session-row>`, through `renderStatusPill`) can take them without its other rules clashing.
 */
export const pillStyles = css`
  .pill {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    max-width: 100%;
    padding: 1px var(--_space-s) 1px calc(var(--_space-s) - 1px);
    border: 1px solid color-mix(in srgb, var(--_tone) 45%, var(--_surface));
    border-radius: var(--_radius-pill);
    background: color-mix(in srgb, var(--_tone) 14%, var(--_surface));
    color: var(--_tone);
    font-size: var(--_font-size-s);
    font-weight: 600;
    line-height: 1.4;
    white-space: nowrap;
  }

  /* A live status is a spinner and its label, not a pill: motion marks what is moving now. */
  .pill[data-live] {
    border-color: transparent;
    background: var(--_surface);
  }

  .pill .label {
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .pill .cue {
    display: inline-flex;
  }

  .pill .icon {
    flex: none;
    width: 12px;
    height: 12px;
    stroke-width: 2;
  }

  .pill .spin {
    animation: spin 0.9s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  /* Still a spinner's shape, no motion. */
  @media (prefers-reduced-motion: reduce) {
    .pill .spin {
      animation: none;
    }
  }
`;

export const statusPillStyles = [
  css`
    :host {
      display: inline-flex;
      vertical-align: middle;
      max-width: 100%;
    }
  `,
  pillStyles,
];
