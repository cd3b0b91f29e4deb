/**
 * The tags the embed (`embed.js`) registers later, from a chunk of their own: the detail view
 * with its cost card and access section, and the command center. `internal/load-lazy.ts` imports this module and
 * registers them; `<session-tab>` asks for that when it opens a detail and no `session-detail`
 * is defined yet. Importing this module registers nothing.
 */
import { CommandCenter } from './command-center/command-center.js';
import { CostSummary } from './cost-summary/cost-summary.js';
import { SessionDetail } from './session-detail/session-detail.js';
import { SessionAccess } from './session-access/session-access.js';
import { FileDiff } from './file-diff/file-diff.js';

export { createListAct } from './session-list/list-act.js';

/** The tags of the later chunk, with their classes. */
export const lazyElements = {
  'cost-summary': CostSummary,
  'session-access': SessionAccess,
  'session-file-diff': FileDiff,
  'session-detail': SessionDetail,
  'command-center': CommandCenter,
} as const;
