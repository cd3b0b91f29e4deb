import { css } from 'lit';

/** The look of an APG tab list's tabs, shared by every element with tabs. */
export const tabStyles = css`
  [role='tab'] {
    padding: var(--_space-s) var(--_space-m);
    border: 0;
    border-bottom: 2px solid transparent;
    background: none;
    color: var(--_text-muted);
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_accent);
    color: var(--_text);
    font-weight: 600;
  }
`;

/**
 * A shimmering `.skeleton` placeholder (its element sets the height); still under reduced motion.
 * `.skeleton-rows` stacks placeholder rows of `--_skeleton-row-height`.
 */
export const skeletonStyles = css`
  .skeleton-rows {
    display: grid;
    gap: 1px;
  }
  .skeleton-rows .skeleton {
    height: var(--_skeleton-row-height, 48px);
    border-radius: 0;
  }
  .skeleton {
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface-raised), var(--_surface-hover), var(--_surface-raised));
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  @keyframes shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;

/** A `.card` surface: bordered, rounded, padded, on the element's surface colour. */
export const cardStyles = css`
  .card {
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
`;

/** A small outlined `.badge`, such as the Ask mark of an inquiry chat. */
export const badgeStyles = css`
  .badge {
    padding: 0 var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-pill);
    color: var(--_text);
    font-size: var(--_font-size-s);
  }
`;

/** The look of search boxes and selects in a toolbar. */
export const fieldStyles = css`
  input[type='search'],
  select {
    min-height: 28px;
    padding: 0 var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    color: var(--_text);
    font: inherit;
    font-size: var(--_font-size-s);
  }
`;

/** A small round `.count` badge; accent-coloured unless its element sets the two colours. */
export const countStyles = css`
  .count {
    display: inline-grid;
    place-items: center;
    min-width: 1.4em;
    padding: 0 4px;
    border-radius: var(--_radius-pill);
    background: var(--_count-background, var(--_accent));
    color: var(--_count-color, var(--_on-accent));
    font-size: var(--_font-size-s);
  }
`;
