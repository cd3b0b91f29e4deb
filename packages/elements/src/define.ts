/**
 * Registers every Session Lens element under its default tag name. Import it once:
 * `import '@session-lens/elements/define.js'`. A tag that is already defined (by a second copy
 * of the package, or by a host that registered its own element under that name) is skipped, so
 * loading this twice is harmless.
 *
 * To use other tag names, import the classes from the package index and register them yourself.
 */
import { SessionLensProvider } from './provider/session-lens-provider.js';
import { CostSummary } from './cost-summary/cost-summary.js';
import { SessionDetail } from './session-detail/session-detail.js';
import { SessionList } from './session-list/session-list.js';
import { SessionTab } from './session-tab/session-tab.js';
import { CommandCenter } from './command-center/command-center.js';
import { SessionRow } from './session-row/session-row.js';
import { StatusPill } from './status-pill/status-pill.js';

/** Every tag this package defines, with its class. The provider comes first: see below. */
export const elements = {
  // Registered first so that, when this script runs after the page parsed, the provider upgrades
  // before the elements inside it and answers their first context request.
  'session-lens-provider': SessionLensProvider,
  'status-pill': StatusPill,
  'session-row': SessionRow,
  'cost-summary': CostSummary,
  'session-detail': SessionDetail,
  'session-list': SessionList,
  'session-tab': SessionTab,
  'command-center': CommandCenter,
} as const;

for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
