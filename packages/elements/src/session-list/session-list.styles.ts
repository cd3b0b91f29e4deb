import { css } from 'lit';

/**
 * The list's styles. The scroller paints the list's own background with its rows
 * (`background-attachment: local`): an opaque scroller scrolls on the compositor without losing
 * subpixel text, so a scroll step repaints only the rows that change (X5).
 */
export const sessionListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: var(--lens-list-height, 36rem);
    min-height: 16rem;
  }

  .list {
    position: relative;
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    overflow: hidden;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s) var(--_space-m);
    padding: var(--_space-s) var(--_space-m) 0;
    border-bottom: 1px solid var(--_border);
  }
  [role='tablist'] {
    display: flex;
    gap: var(--_space-xs);
    max-width: 100%;
    overflow-x: auto;
    scrollbar-width: none;
  }
  .controls {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    padding-bottom: var(--_space-s);
  }
  .banner {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-m);
    padding: var(--_space-s) var(--_space-m);
    border-bottom: 1px solid var(--_border);
    background: var(--_surface-raised);
    font-size: var(--_font-size-s);
  }
  .banner[data-tone='waiting'] {
    border-inline-start: 3px solid var(--_tone-waiting);
  }
  .banner[data-tone='problem'] {
    border-inline-start: 3px solid var(--_tone-problem);
  }

  .new {
    position: absolute;
    z-index: 4;
    inset-block-start: var(--_space-s);
    inset-inline-start: 50%;
    transform: translateX(-50%);
    border-radius: var(--_radius-pill);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.35);
  }
  .viewport {
    --_skeleton-row-height: 56px;
    position: relative;
    flex: 1;
    min-height: 0;
  }
  /*
   * The rows are windowed (row-window.ts): the spacer is as tall as every row together, the window
   * holds the rendered rows in order and is placed over it. Strict containment keeps a scroll's
   * re-render from reaching outside the scroller; the list anchors its own scroll position.
   */
  .scroller {
    position: relative;
    height: 100%;
    overflow: auto;
    overflow-anchor: none;
    contain: strict;
    background: var(--_surface);
    background-attachment: local;
  }
  .spacer {
    width: 1px;
    visibility: hidden;
  }
  .window {
    position: absolute;
    inset-inline: 0;
  }
  .scroller session-row,
  .scroller .item {
    display: block;
    width: 100%;
  }
  .expansion {
    padding: var(--_space-s) var(--_space-m) var(--_space-m);
    border-bottom: 1px solid var(--_border);
    background: var(--_surface-raised);
  }

  .state {
    display: grid;
    place-items: center;
    gap: var(--_space-m);
    padding: var(--_space-l);
    color: var(--_text-muted);
    text-align: center;
  }
  .footer {
    display: flex;
    justify-content: center;
    padding: var(--_space-s);
    border-top: 1px solid var(--_border);
  }
`;
