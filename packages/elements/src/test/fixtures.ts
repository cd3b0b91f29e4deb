/**
 * Deterministic fixture data for tests and stories. Every object is parsed with its contract
 * schema, so the fixtures cannot drift from what the API sends: a schema change that breaks one
 * fails here, loudly, at import.
 */
import {
  CostDetail,
  Execution,
  type Group,
  Insight,
  Me,
  Member,
  Session,
  TranscriptEntry,
  Scope,
} from '@session-lens/sdk';

/** The instant every fixture is relative to: tests pin their clock here. */
export const NOW = Date.parse('2026-11-21T12:00:00.000Z');

/** An ISO timestamp `minutes` before {@link NOW} (negative for after). */
export const minutesAgo = (minutes: number): string => new Date(NOW - minutes * 60_000).toISOString();
/** An ISO timestamp `seconds` before {@link NOW}. */
export const secondsAgo = (seconds: number): string => new Date(NOW - seconds * 1000).toISOString();

export const owners = {
  sarah: { id: 'mem_sarah', name: 'Sarah Chen' },
  priya: { id: 'mem_priya', name: 'Priya Patel', avatarUrl: 'https://avatars.example.com/priya.png' },
  tom: { id: 'mem_tom', name: 'Tom Asare' },
} as const;

const base = {
  owner: owners.sarah,
  visibility: { type: 'workspace' },
  version: 1,
} as const;

/** Builds a session from a partial, filling the required fields, and validates it. */
export function makeSession(overrides: Partial<Session> & Pick<Session, 'id' | 'kind' | 'status'>): Session {
  return Session.parse({
    title: 'Untitled',
    createdAt: minutesAgo(60),
    updatedAt: minutesAgo(30),
    progress: {},
    ...base,
    ...overrides,
  });
}

export const sessions = {
  /** A running flow with a step strip and a plain cost caption. */
  runningFlow: makeSession({
    id: 'ses_7c3a2f10',
    kind: 'flow',
    title: 'Full SDLC',
    description: 'Plan, implement and verify the CSV export.',
    status: 'running',
    createdAt: secondsAgo(12 * 60 + 40),
    updatedAt: secondsAgo(58),
    progress: {
      steps: [
        { name: 'Plan', status: 'completed', startedAt: secondsAgo(760), endedAt: secondsAgo(610) },
        { name: 'Implement', status: 'running', startedAt: secondsAgo(610) },
        { name: 'Verify', status: 'pending' },
      ],
    },
    cost: { amountUsd: '0.84', turns: { priced: 12, estimated: 0, unpriced: 0 } },
    links: {
      initiative: { id: 'ini_csv', title: 'CSV Export on the Reporting Page' },
      repository: { title: 'acme/reporting', url: 'https://git.example.com/acme/reporting' },
      branch: { title: 'feat/csv-export' },
    },
    metadata: { model: 'claude-sonnet-4', runtime: 'node20', sandbox: 'sbx-eu-1', origin: 'web' },
    version: 7,
  }),
  /** A completed flow without cost. */
  completedFlow: makeSession({
    id: 'ses_c5f0e1aa',
    kind: 'flow',
    title: 'CSV format verification',
    status: 'completed',
    owner: owners.priya,
    createdAt: minutesAgo(60 * 26),
    updatedAt: minutesAgo(60 * 25),
    endedAt: minutesAgo(60 * 25),
    progress: {
      steps: [
        { name: 'Plan', status: 'completed', startedAt: minutesAgo(1560), endedAt: minutesAgo(1550) },
        { name: 'Verify', status: 'completed', startedAt: minutesAgo(1550), endedAt: minutesAgo(1500) },
      ],
    },
  }),
  /** A failed flow whose error shows on the row. */
  failedFlow: makeSession({
    id: 'ses_f41led00',
    kind: 'flow',
    title: 'Migrate billing tables',
    status: 'failed',
    createdAt: minutesAgo(90),
    updatedAt: minutesAgo(70),
    endedAt: minutesAgo(70),
    progress: {
      steps: [
        { name: 'Plan', status: 'completed', startedAt: minutesAgo(90), endedAt: minutesAgo(85) },
        { name: 'Migrate', status: 'failed', startedAt: minutesAgo(85), endedAt: minutesAgo(70) },
      ],
    },
    error: {
      code: 'step_failed',
      message: 'Migration step exited with code 1: relation "invoices" is locked.',
    },
  }),
  /** A queued background task: "12 turns", some turns unpriced. */
  queuedTask: makeSession({
    id: 'ses_9a7b3c21',
    kind: 'task',
    title: 'Backfill search index',
    status: 'queued',
    owner: owners.tom,
    createdAt: minutesAgo(5),
    updatedAt: minutesAgo(4),
    progress: { turns: 12 },
    cost: { amountUsd: '0.84', turns: { priced: 8, estimated: 1, unpriced: 3 } },
  }),
  /** An open chat (last message 2 minutes ago): "8 messages", credits caption. */
  openChat: makeSession({
    id: 'ses_a91be004',
    kind: 'chat',
    title: 'Draft three plans',
    status: 'running',
    chatMode: 'work',
    createdAt: minutesAgo(14),
    updatedAt: minutesAgo(2),
    lastMessageAt: minutesAgo(2),
    progress: { messages: 8 },
    counts: { executions: 0, insights: 0, toolCalls: 17 },
    cost: { amountUsd: '0.84', credits: 84, turns: { priced: 23, estimated: 0, unpriced: 0 } },
    metadata: { model: 'claude-sonnet-4', origin: 'editor', profile: 'default' },
    links: {
      initiative: { id: 'ini_csv', title: 'CSV Export on the Reporting Page' },
      plan: { id: 'pln_2', title: 'Plan B: streaming export' },
      pullRequest: { title: '#482 Stream CSV rows', url: 'https://git.example.com/acme/reporting/pull/482' },
    },
  }),
  /** An ended chat: readable, not resumable; every turn unpriced. */
  endedChat: makeSession({
    id: 'ses_e2d0c0de',
    kind: 'chat',
    title: 'Why is the export slow?',
    status: 'ended',
    createdAt: minutesAgo(200),
    updatedAt: minutesAgo(150),
    endedAt: minutesAgo(150),
    lastMessageAt: minutesAgo(151),
    progress: { messages: 14 },
    cost: { amountUsd: '0', turns: { priced: 0, estimated: 0, unpriced: 6 } },
  }),
  /** An Ask inquiry. */
  askChat: makeSession({
    id: 'ses_a5c00001',
    kind: 'chat',
    chatMode: 'ask',
    title: 'Which services read the invoices table?',
    status: 'running',
    createdAt: minutesAgo(8),
    updatedAt: minutesAgo(6),
    lastMessageAt: minutesAgo(6),
    progress: { messages: 3 },
  }),
  /** A running assessment against one host. */
  runningAssessment: makeSession({
    id: 'ses_as5e55a1',
    kind: 'assessment',
    title: 'CIS baseline',
    playbook: 'cis-baseline',
    status: 'running',
    agent: { id: 'agt_web1', hostname: 'web-01.prod.example.com' },
    createdAt: minutesAgo(3),
    updatedAt: secondsAgo(20),
    progress: { executions: 6 },
    counts: { executions: 6, insights: 1, toolCalls: 6 },
  }),
  /** An assessment awaiting review. */
  reviewAssessment: makeSession({
    id: 'ses_as5e55a2',
    kind: 'assessment',
    title: 'Disk pressure triage',
    playbook: 'disk-triage',
    status: 'pending_review',
    owner: owners.priya,
    agent: { id: 'agt_db2', hostname: 'db-02.prod.example.com' },
    createdAt: minutesAgo(45),
    updatedAt: minutesAgo(20),
    endedAt: minutesAgo(20),
    progress: { executions: 14 },
    counts: { executions: 14, insights: 3, toolCalls: 14 },
  }),
  /** A status this client does not know yet (forward compatibility, S2). */
  unknownStatus: makeSession({
    id: 'ses_0n3wst4t',
    kind: 'task',
    title: 'Nightly compaction',
    status: 'hibernating',
    progress: { turns: 1 },
  }),
} satisfies Record<string, Session>;

/** A chat transcript with every entry type. */
export const transcript: TranscriptEntry[] = [
  {
    seq: 1,
    at: minutesAgo(14),
    type: 'message',
    role: 'user',
    text: 'Draft three plans for the CSV export.',
  },
  {
    seq: 2,
    at: minutesAgo(13),
    type: 'tool_call',
    name: 'read_file',
    arguments: { path: 'src/export.ts' },
    result: { lines: 120 },
    status: 'succeeded',
  },
  {
    seq: 3,
    at: minutesAgo(12),
    type: 'file_edit',
    path: 'src/export.ts',
    before: 'export const rows = all();\n',
    after: 'export const rows = stream();\n',
  },
  { seq: 4, at: minutesAgo(11), type: 'file_edit', path: 'docs/plans.md', before: null, after: '# Plans\n' },
  { seq: 5, at: minutesAgo(10), type: 'step', name: 'Verify', status: 'running' },
  {
    seq: 6,
    at: minutesAgo(3),
    type: 'tool_call',
    name: 'run_tests',
    arguments: { filter: 'export' },
    status: 'failed',
    result: 'Token [REDACTED:github-token] rejected',
  },
  {
    seq: 7,
    at: minutesAgo(2),
    type: 'message',
    role: 'assistant',
    text: 'Here are three plans.\n1. Stream rows\n2. Paginate\n3. Export in the background',
  },
].map((entry) => TranscriptEntry.parse(entry));

/** Cost detail with priced, estimated and unpriced turns. */
export const costDetail: CostDetail = CostDetail.parse({
  totals: {
    amountUsd: '0.84',
    turns: { priced: 21, estimated: 1, unpriced: 1 },
    events: 41,
    credits: 84,
    tokens: 128_400,
    toolCalls: 17,
  },
  turns: [
    { turn: 1, model: 'claude-sonnet-4', pricing: 'priced', amountUsd: '0.031', tokens: 5200 },
    { turn: 2, model: 'claude-sonnet-4', pricing: 'estimated', amountUsd: '0.027', tokens: 4300 },
    { turn: 3, model: 'claude-haiku-4', pricing: 'unpriced', amountUsd: null, tokens: 900 },
  ],
});

/** Cost detail with no credits and no tool calls (their tiles stay hidden). */
export const costDetailPlain: CostDetail = CostDetail.parse({
  totals: {
    amountUsd: '0.31',
    turns: { priced: 4, estimated: 0, unpriced: 0 },
    events: 9,
    credits: 0,
    tokens: 12_000,
    toolCalls: 0,
  },
  turns: [{ turn: 1, model: 'claude-sonnet-4', pricing: 'priced', amountUsd: '0.31', tokens: 12_000 }],
});

export const executions: Execution[] = [
  {
    id: 'exe_1',
    command: 'df -h /var',
    capability: 'shell.read',
    output: 'Filesystem Size Used Avail Use% Mounted on\n/dev/sda1 100G 97G 3G 97% /var',
    exitCode: 0,
    startedAt: minutesAgo(40),
    durationMs: 420,
  },
  {
    id: 'exe_2',
    command: 'journalctl --vacuum-size=1G',
    capability: 'shell.write',
    output: 'Permission denied',
    exitCode: 1,
    startedAt: minutesAgo(39),
    durationMs: 1250,
  },
].map((execution) => Execution.parse(execution));

export const insights: Insight[] = [
  {
    id: 'ins_1',
    title: '/var is 97% full',
    severity: 'high',
    state: 'open',
    detail: 'Journal logs take 61 GB.',
  },
  {
    id: 'ins_2',
    title: 'Log rotation disabled',
    severity: 'medium',
    state: 'open',
    detail: 'logrotate.timer is masked.',
  },
  {
    id: 'ins_3',
    title: 'Swap in use',
    severity: 'low',
    state: 'resolved',
    detail: 'Swap usage dropped after restart.',
  },
].map((insight) => Insight.parse(insight));

export const members: Member[] = [
  { id: 'mem_sarah', name: 'Sarah Chen', groups: ['grp_eng'] },
  { id: 'mem_priya', name: 'Priya Patel', groups: ['grp_eng'] },
  { id: 'mem_tom', name: 'Tom Asare', groups: [] },
  { id: 'mem_marcus', name: 'Marcus Webb', groups: ['grp_product'] },
].map((member) => Member.parse(member));

/** The groups visibility lists name. */
export const groups: Group[] = [
  { id: 'grp_eng', name: 'Engineering' },
  { id: 'grp_product', name: 'Product' },
];

const ALL_SCOPES: Scope[] = [...Scope.options];

/** `/v1/me` answers for the three users of the demo. */
export const identities = {
  admin: Me.parse({
    principal: 'member',
    member: members[0],
    scopes: ALL_SCOPES,
    settings: { workspaceName: 'Acme', spendTracking: true },
  }),
  /** A member who reads sessions but sees no spend and holds no elevated action. */
  member: Me.parse({
    principal: 'member',
    member: members[2],
    scopes: ['sessions:read', 'flows:read'],
    settings: { workspaceName: 'Acme', spendTracking: true },
  }),
  reviewer: Me.parse({
    principal: 'member',
    member: members[1],
    scopes: ['sessions:read', 'flows:read', 'sessions:review', 'conversations:manage'],
    settings: { workspaceName: 'Acme', spendTracking: false },
  }),
};

/** Strings an attacker might put anywhere the API carries text (X7). */
export const hostile = {
  html: '<img src=x onerror="window.__lensPwned=1"><b>bold</b>',
  script: '<script>window.__lensPwned=1</script>',
  rtl: 'invoice\u202Egnp.exe',
  megabyte: 'A'.repeat(1024 * 1024),
  javascriptUrl: 'javascript:window.__lensPwned=1',
} as const;

/** A session whose every string is hostile. */
export const hostileSession: Session = makeSession({
  id: 'ses_h0st1le0',
  kind: 'chat',
  status: hostile.script,
  title: hostile.html + hostile.rtl,
  description: hostile.script,
  owner: { id: 'mem_x', name: hostile.html },
  progress: { messages: 1 },
  error: { code: 'x', message: hostile.script },
  links: { repository: { title: hostile.html }, branch: { title: hostile.rtl } },
  metadata: { model: hostile.script },
});
