import { css } from 'lit';

export const sessionDetailStyles = css`
  :host {
    display: block;
  }

  .detail {
    display: grid;
    gap: var(--_space-l);
    padding: var(--_space-l);
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space-m);
  }
  .heading {
    display: grid;
    gap: var(--_space-xs);
    min-width: 0;
  }
  .kind {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    color: var(--_text-muted);
    font-size: var(--_font-size-s);
  }
  .icon {
    width: 16px;
    height: 16px;
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }
  h3 {
    margin: 0 0 var(--_space-s);
    font-size: var(--_font-size);
    color: var(--_text-muted);
  }
  .title {
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .badge {
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  .action-error {
    flex-basis: 100%;
    color: var(--_tone-problem);
    font-size: var(--_font-size-s);
  }

  .note,
  .error-box,
  .review {
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .error-box {
    border-inline-start: 3px solid var(--_tone-problem);
  }
  .review {
    border-inline-start: 3px solid var(--_tone-waiting);
  }
  .review p {
    margin: 0;
  }
  .review-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    margin-block-start: var(--_space-s);
  }
  .description {
    margin: 0;
    white-space: pre-wrap;
  }

  .timeline {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .timeline li {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: var(--_space-m);
  }
  .muted {
    color: var(--_text-muted);
    font-size: var(--_font-size-s);
  }

  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: var(--_space-m);
    margin: 0;
    padding: var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .summary dt {
    color: var(--_text-muted);
    font-size: var(--_font-size-s);
  }
  .summary dd {
    margin: var(--_space-xs) 0 0;
  }
  a {
    color: var(--_accent);
  }

  [role='tablist'] {
    display: flex;
    gap: var(--_space-xs);
    border-bottom: 1px solid var(--_border);
  }
  [role='tabpanel'] {
    padding-top: var(--_space-m);
  }

  /*
   * A long transcript is windowed (row-window.ts, E13): the spacer is as tall as every entry
   * together, the window holds the entries near the view and is placed over it, in a scroller
   * whose size never depends on what it shows (strict containment). Each item's padding is the
   * gap between entries, so that measured heights add up to the whole. The scroller fills the
   * view the detail is read in, whose height the detail measures into --_fill, less the room of
   * the new entries button under it; at least 12rem, at most --lens-transcript-max-height.
   */
  .entries {
    --_height: min(var(--lens-transcript-max-height, 100vh), max(12rem, var(--_fill, 40rem) - 4rem));
    position: relative;
    margin: 0;
    padding: 0;
    max-height: var(--_height);
    overflow: auto;
    overflow-anchor: none;
    overscroll-behavior: contain;
  }
  .entries.windowed {
    height: var(--_height);
    contain: strict;
  }
  .entries > .spacer {
    width: 1px;
    visibility: hidden;
  }
  .entries > .window {
    position: absolute;
    inset-inline: 0;
  }
  .entries .item {
    display: block;
    padding-bottom: var(--_space-m);
  }
  .new-entries {
    justify-self: center;
    margin-top: var(--_space-s);
  }
  .entry {
    display: grid;
    gap: var(--_space-xs);
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .entry-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    font-size: var(--_font-size-s);
    color: var(--_text-muted);
  }
  .entry-head strong {
    color: var(--_text);
  }
  .message-text {
    margin: 0;
    white-space: pre-wrap;
  }
  pre {
    margin: 0;
    padding: var(--_space-s);
    max-height: 24rem;
    overflow: auto;
    border-radius: var(--_radius);
    background: var(--_surface);
    font-family: var(--_font-mono);
    font-size: var(--_font-size-s);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  details summary {
    cursor: pointer;
    color: var(--_text-muted);
    font-size: var(--_font-size-s);
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-s);
  }
  th {
    color: var(--_text-muted);
    font-weight: 500;
    text-align: start;
    padding: var(--_space-xs) var(--_space-s);
  }
  td {
    padding: var(--_space-s);
    border-top: 1px solid var(--_border);
    vertical-align: top;
  }
  code {
    font-family: var(--_font-mono);
  }

  .severity {
    display: inline-block;
    padding: 0 var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-pill);
    font-size: var(--_font-size-s);
    font-weight: 600;
  }
  .severity[data-severity='critical'],
  .severity[data-severity='high'] {
    color: var(--_tone-problem);
  }
  .severity[data-severity='medium'] {
    color: var(--_tone-waiting);
  }

  .skeleton {
    height: 12rem;
  }
`;
