/**
 * The English words of the elements a page loads after the first chunk (session-detail,
 * cost-summary, command-center), on top of the list words of `messages.ts`: kept apart so the
 * first chunk of `<session-tab>` does not carry them (X6). Other languages come from a registered
 * language pack (`registerLanguage` in `messages.ts`; German: `locales/de.js`); a language with
 * no pack reads English. Functions take already formatted values.
 */
import { localeOf } from './format.js';
import { layeredWords, type Messages } from './messages.js';

const en = {
  /** A timeline step that has not started, on a line of its own. */
  stepNotStarted: 'Not started',
  // command-center
  commandCenter: 'Command Center',
  activeNow: 'Active now',
  needsYou: 'Needs you',
  nothingNeedsYou: 'Nothing needs you right now.',
  whose: 'Whose work',
  mine: 'Mine',
  team: 'Team',
  review: 'Review',
  recent: 'Recent',
  nothingRunning: 'Nothing is running right now.',
  nothingRecent: 'Nothing finished in the last 24 hours.',
  view: 'View',
  reconnectingShort: 'Reconnecting…',
  offlineSessions: 'Offline: showing the last known sessions.',
  noProviderCenter: 'Connect a client with <session-lens-provider> to see sessions.',
  // session-access
  access: {
    heading: 'Who can see this',
    workspace: 'Everyone in the workspace',
    nobody: 'Only workspace admins',
    manage: 'Manage access',
    everyone: 'Everyone in the workspace can see this session',
    search: 'Add people or groups',
    add: 'Add',
    remove: 'Remove',
    group: 'group',
    granted: 'Can see this session',
    noMatch: 'No one matches.',
    save: 'Save',
    cancel: 'Cancel',
    saving: 'Saving…',
    conflict: 'Access to this session changed while you were editing. Close and open again to see it.',
    loadingMembers: 'Loading members…',
  },
  // session-detail
  detailTabs: {
    transcript: 'Transcript',
    metadata: 'Metadata',
    executions: 'Executions',
    insights: 'Insights',
  },
  sessionDetails: 'Session details',
  /** "3 new entries": entries that arrived live, below what the reader looks at. */
  newEntries: {
    one: 'new entry',
    other: 'new entries',
  },
  origin: {
    web: 'Web app',
    editor: 'Editor',
    scheduled: 'Scheduled',
  },
  role: {
    user: 'User',
    assistant: 'Assistant',
    system: 'System',
  },
  toolStatus: {
    running: 'running',
    succeeded: 'succeeded',
    failed: 'failed',
  },
  resumeInChat: 'Resume in chat',
  openInEditor: 'Open in editor',
  runTimeline: 'Run timeline',
  field: {
    owner: 'Owner',
    started: 'Started',
    duration: 'Duration',
    messages: 'Messages',
    turns: 'Turns',
    host: 'Host',
    playbook: 'Playbook',
    executions: 'Executions',
    insights: 'Insights',
    toolCalls: 'Tool calls',
    model: 'Model',
    cost: 'Cost',
    initiative: 'Initiative',
    plan: 'Plan',
    repository: 'Repository',
    branch: 'Branch',
    pullRequest: 'Pull request',
    id: 'Id',
    kind: 'Kind',
    status: 'Status',
    created: 'Created',
    lastMoved: 'Last moved',
    ended: 'Ended',
    runtime: 'Runtime',
    sandbox: 'Sandbox',
    profile: 'Profile',
    origin: 'Origin',
    version: 'Version',
  },
  toolCall: 'Tool call',
  arguments: 'Arguments',
  result: 'Result',
  fileChange: {
    created: 'File created',
    deleted: 'File deleted',
    edited: 'File edited',
  },
  step: 'Step',
  loadingTranscript: 'Loading transcript…',
  noTranscript: 'No transcript.',
  noTranscriptEntries: 'No transcript entries yet.',
  transcript: 'Transcript',
  noExecutions: 'No executions yet.',
  command: 'Command',
  capability: 'Capability',
  exitCode: 'Exit code',
  running: 'Running',
  output: 'Output',
  noInsights: 'No insights.',
  insightOpen: 'Open',
  insightResolved: 'Resolved',
  notFound: 'This session does not exist, or you may not see it.',
  sessionFailed: (reason: string) => `The session could not be loaded: ${reason}`,
  loadingSession: 'Loading session…',
  chatEnded: 'This conversation has ended. Its transcript stays readable.',
  awaitingReview: 'Awaiting review: these findings are not final until a reviewer confirms them.',
  approve: 'Approve',
  approving: 'Approving…',
  reject: 'Reject',
  rejecting: 'Rejecting…',
  reviewActions: 'Review',
  // cost-summary
  pricing: {
    priced: 'Priced',
    estimated: 'Estimated',
    unpriced: 'Unpriced',
  },
  loadingCost: 'Loading cost…',
  costFailed: (reason: string) => `Cost could not be loaded: ${reason}`,
  metric: {
    turns: 'Turns',
    events: 'Events',
    tokens: 'Tokens',
    credits: 'AI credits',
    toolCalls: 'Tool calls',
  },
  aiCost: 'AI cost',
  unpriced: 'Unpriced',
  costPerTurn: 'Cost per turn',
  turn: 'Turn',
  model: 'Model',
  pricingColumn: 'Pricing',
  cost: 'Cost',
  // session-file-diff
  diff: {
    label: 'Changes',
    unified: 'Unified',
    split: 'Split',
    lines: (added: number, removed: number) => `${added} added, ${removed} removed`,
    expand: (count: number) => `Show ${count} unchanged lines`,
    huge: (before: number, after: number) => `Large file: ${before} lines before, ${after} after.`,
    show: 'Show diff',
    tooDifferent: 'Too different to show as a diff.',
  },
};

/** The detail words of one language: a language pack's `detail` (every key of English). */
export type DetailWords = typeof en;

/** Every word a detail, cost card or command center shows: the list words and the detail words. */
export type DetailMessages = Messages & DetailWords;

/** The full table for a locale tag ("de-CH" → German once registered); English for any other tag. */
export const detailMessagesForLocale: (locale: string | undefined) => DetailMessages = layeredWords(
  'detail',
  en,
);

/** The full table for an element, from its nearest `lang` (else English). */
export function detailMessagesFor(element: Element): DetailMessages {
  return detailMessagesForLocale(localeOf(element));
}
