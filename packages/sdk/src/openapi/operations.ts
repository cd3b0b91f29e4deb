import type { RouteName } from '../contract/endpoints.js';

/**
 * What the OpenAPI document says about each route besides its wire shape: the operationId, the
 * prose and the tag. It lives here, not in the route table, so the browser bundle (which imports
 * the routes) carries no documentation text (X6). Keyed by route name: a route without an entry
 * here does not type-check.
 */
export type OperationText = {
  /** Stable name of the operation in the document. */
  operationId: string;
  summary: string;
  description?: string;
  tag: 'Sessions' | 'Stream' | 'Views' | 'Workspace' | 'Service';
};

export const operations: Readonly<Record<RouteName, OperationText>> = {
  listSessions: {
    operationId: 'listSessions',
    summary: 'List sessions',
    description:
      "Sessions the caller may see, active first, then most recently updated, then by id (S9). Keyset-paginated: pass `nextCursor` back as `cursor`. No total count. `since` (inclusive) and `until` (exclusive) bound `updatedAt`: ISO-8601 instants with a zone, and for `since` also a duration back from now (`PT1H`, `P7D`, at most 3,660 days), counted from the instant the first page froze. `view` applies a saved view’s filters; a filter also given here replaces the view’s, and a view never widens what the caller may see. `content` searches inside the work: every word (1–8, each with three letters or digits in a row) occurs in the session's redacted transcript (message text, tool names and arguments, file paths), literally and case-insensitively; redaction markers are never matched.",
    tag: 'Sessions',
  },
  getSession: {
    operationId: 'getSession',
    summary: 'Get a session',
    tag: 'Sessions',
  },
  getTranscript: {
    operationId: 'getTranscript',
    summary: "Page through a session's transcript",
    tag: 'Sessions',
  },
  listExecutions: {
    operationId: 'listExecutions',
    summary: "List an assessment's executions, oldest first",
    tag: 'Sessions',
  },
  listInsights: {
    operationId: 'listInsights',
    summary: "List an assessment's insights",
    tag: 'Sessions',
  },
  getCost: {
    operationId: 'getCost',
    summary: "Get a session's cost detail",
    description: '403 without `spend:read` or when the workspace does not track spend.',
    tag: 'Sessions',
  },
  startSession: {
    operationId: 'startSession',
    summary: 'Start a session',
    description:
      'At most one running assessment per agent: a second start is 409 and names the running session.',
    tag: 'Sessions',
  },
  ingestActivity: {
    operationId: 'ingestActivity',
    summary: 'Ingest a batch of activity',
    description: 'Applied atomically. With an `Idempotency-Key` header, a retried batch is applied once.',
    tag: 'Sessions',
  },
  exportSessions: {
    operationId: 'exportSessions',
    summary: 'Export every matching session as CSV or JSON Lines',
    description:
      'Streams every session the caller may see that matches the filters, in S9 order (active first, then most recently updated, then by id), as an attachment: `format=csv` is RFC 4180 with a header row and the columns of `EXPORT_COLUMNS` (cost columns only with spend visibility; a text field that a spreadsheet would read as a formula starts with an apostrophe), `format=jsonl` one Session document per line, as the list presents it. The server pages through the store by keyset and writes as fast as the client reads: memory stays constant at any size.',
    tag: 'Sessions',
  },
  cancelSession: {
    operationId: 'cancelSession',
    summary: 'Cancel a flow or task',
    tag: 'Sessions',
  },
  endSession: {
    operationId: 'endSession',
    summary: 'End a chat',
    tag: 'Sessions',
  },
  bulkSessions: {
    operationId: 'bulkSessions',
    summary: 'Cancel or end many sessions at once',
    description:
      'Takes `action` on each session named by `ids` (at most 1,000) or matching `filters` (the first 1,000 in S9 order per call; pass `nextCursor` back as `cursor` for the next ones). Each session is authorized and checked exactly as its single action is, in a change of its own: the result lists each one as `done`, `refused` (with the problem the single action would answer: 403, or 409 with the current status) or `unknown` (no such session, or one the caller may not see). The call needs the scope of the action it names. With an `Idempotency-Key` header a retried call is answered from the first one and changes nothing more.',
    tag: 'Sessions',
  },
  submitSession: {
    operationId: 'submitSession',
    summary: 'Submit a running session for review',
    tag: 'Sessions',
  },
  reviewSession: {
    operationId: 'reviewSession',
    summary: 'Review a session pending review',
    description: 'Only a person may review, never an agent token.',
    tag: 'Sessions',
  },
  setVisibility: {
    operationId: 'setVisibility',
    summary: "Replace a session's visibility",
    tag: 'Sessions',
  },
  stream: {
    operationId: 'streamSessions',
    summary: 'Live stream of session changes (Server-Sent Events)',
    description:
      'Events: `session` (data: Session; id: global sequence), `session.removed` (data: SessionRemovedData), `reset` (data: ResetData; refetch). A `: ping` comment every 15 s and a `retry:` hint on connect. Resume with `Last-Event-ID` (or the `lastEventId` query parameter). Browsers using the native `EventSource` may pass the token as the `access_token` query parameter, on this endpoint only.',
    tag: 'Stream',
  },
  followSession: {
    operationId: 'followSession',
    summary: 'Live stream of one session: its new transcript entries and its changes (Server-Sent Events)',
    description:
      "Events: `entry` (data: TranscriptEntry; id: its `seq`), `session` (data: Session; id: the `seq` of the last entry sent before it), `session.removed` (the session left the caller's view; the stream ends), `reset` (data: ResetData; the id is past the transcript's end: refetch). Without `Last-Event-ID` the stream starts at the transcript's current end with the session as it is; with `Last-Event-ID: N` (or the `lastEventId` query parameter) it first sends every entry after N. Authorized like `GET /v1/sessions/{id}`: a session the caller may not see is 404, and an embed token follows only sessions within its scope. A `: ping` comment every 15 s, a `retry:` hint on connect, and `access_token` accepted as on `/v1/stream`.",
    tag: 'Stream',
  },
  listMembers: {
    operationId: 'listMembers',
    summary: 'List every workspace member and group',
    tag: 'Workspace',
  },
  getMe: {
    operationId: 'getMe',
    summary: 'Identity, scopes and workspace settings of the caller',
    tag: 'Workspace',
  },
  mintEmbedToken: {
    operationId: 'mintEmbedToken',
    summary: 'Mint a short-lived embed token locked to one record',
    tag: 'Workspace',
  },
  listViews: {
    operationId: 'listViews',
    summary: "List saved views: the caller's own and the shared ones",
    description: 'Newest first. A private view is seen by its owner only.',
    tag: 'Views',
  },
  createView: {
    operationId: 'createView',
    summary: 'Save a view',
    description: `A name (1–100 characters), the list filters it applies (every filter but \`view\`, checked as the list checks them) and \`shared\` (default false). Members only, not embed or agent tokens; at most 100 views per member (409).`,
    tag: 'Views',
  },
  getView: {
    operationId: 'getView',
    summary: 'Get a saved view',
    description: "404 for another member's private view.",
    tag: 'Views',
  },
  updateView: {
    operationId: 'updateView',
    summary: 'Rename, refilter or share a saved view',
    description: 'Its owner only (403 for a shared view of another member); `filters` are replaced whole.',
    tag: 'Views',
  },
  deleteView: {
    operationId: 'deleteView',
    summary: 'Delete a saved view',
    description: 'Its owner only; answers with the deleted view. `view=` with its id is a 400 afterwards.',
    tag: 'Views',
  },
  health: {
    operationId: 'health',
    summary: 'Liveness and database reachability',
    tag: 'Service',
  },
  ready: {
    operationId: 'ready',
    summary: 'Readiness: the database answers and every migration is applied',
    description:
      'For load balancers and orchestrators: 503 while the database is unreachable, a migration of this build is not applied yet, or the process is draining after SIGTERM. `/healthz` is liveness.',
    tag: 'Service',
  },
};
