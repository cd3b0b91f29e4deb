/**
 * The tag names of the list side of Session Lens (what a page showing a `<session-tab>` needs
 * first), with their classes, and the one way this package registers tags. The rest of the
 * tags, with their classes, are in `lazy.ts`; `define.ts` registers both, `embed.ts` this set at
 * once and `lazy.ts`'s later.
 */
export { defineElements } from './internal/define-elements.js';
import { SessionLensProvider } from './provider/session-lens-provider.js';
import { StatusPill } from './status-pill/status-pill.js';
import { SessionRow } from './session-row/session-row.js';
import { SessionOwnerFacet } from './session-list/owner-facet.js';
import { SessionList } from './session-list/session-list.js';
import { SessionTab } from './session-tab/session-tab.js';

/** The list-side tags. The provider comes first: see `defineElements`. */
export const listElements = {
  'session-lens-provider': SessionLensProvider,
  'status-pill': StatusPill,
  'session-row': SessionRow,
  'session-owner-facet': SessionOwnerFacet,
  'session-list': SessionList,
  'session-tab': SessionTab,
} as const;
