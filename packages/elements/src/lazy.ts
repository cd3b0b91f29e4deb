/**
 * The elements the embed (`embed.js`) loads on demand, in a chunk of their own: the detail view
 * with its cost card, and the command center. Importing this module registers them under their
 * default tags, skipping a tag that is already defined. `<session-tab>` imports it when it opens
 * a detail and no `session-detail` is defined yet.
 */
import { CommandCenter } from './command-center/command-center.js';
import { CostSummary } from './cost-summary/cost-summary.js';
import { SessionDetail } from './session-detail/session-detail.js';

/** The tags this module registers, with their classes. */
export const lazyElements = {
  'cost-summary': CostSummary,
  'session-detail': SessionDetail,
  'command-center': CommandCenter,
} as const;

for (const [tag, element] of Object.entries(lazyElements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
