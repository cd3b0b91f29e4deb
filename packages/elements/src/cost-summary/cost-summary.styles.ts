import { css } from 'lit';

export const costSummaryStyles = css`
  :host {
    display: block;
  }

  .header {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-m);
    margin-bottom: var(--_space-m);
  }
  .heading {
    margin: 0;
    font-size: var(--_font-size);
    font-weight: 600;
    color: var(--_text-muted);
  }
  .total {
    font-size: 1.5em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .metrics {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(7rem, 1fr));
    gap: var(--_space-s);
    margin: 0 0 var(--_space-m);
  }
  .tile {
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .tile dt {
    color: var(--_text-muted);
    font-size: var(--_font-size-s);
  }
  .tile dd {
    margin: var(--_space-xs) 0 0;
    font-size: 1.15em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-s);
  }
  th {
    padding: var(--_space-xs) var(--_space-s);
    color: var(--_text-muted);
    font-weight: 500;
    text-align: start;
  }
  td {
    padding: var(--_space-s);
    border-top: 1px solid var(--_border);
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .badge {
    display: inline-block;
    padding: 0 var(--_space-s);
    border: 1px solid color-mix(in srgb, var(--_badge) 45%, var(--_surface));
    border-radius: var(--_radius-pill);
    background: color-mix(in srgb, var(--_badge) 14%, var(--_surface));
    color: var(--_badge);
    font-weight: 600;
  }
  .badge[data-pricing='priced'] {
    --_badge: var(--_tone-live);
  }
  .badge[data-pricing='estimated'] {
    --_badge: var(--_tone-queued);
  }
  .badge[data-pricing='unpriced'] {
    --_badge: var(--_tone-info);
  }

  .skeleton {
    height: 8rem;
  }
  .error {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-m);
    color: var(--_tone-problem);
  }
`;
