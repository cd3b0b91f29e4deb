import * as z from 'zod/mini';
import { CostDetail } from './cost.js';
import type { Scope } from './member.js';
import { Me, MemberList } from './member.js';
import {
  ActivityBatch,
  EmbedToken,
  ExecutionList,
  Health,
  Readiness,
  InsightList,
  ListSessionsQuery,
  MintEmbedToken,
  ReviewSession,
  SessionFilters,
  SessionPage,
  StartSession,
  SubmitSession,
  TranscriptPage,
  TranscriptQuery,
} from './requests.js';
import { Session, Visibility } from './session.js';

/** The path parameter every session-scoped endpoint takes. */
export const SessionIdParams = z.object({ id: z.string().check(z.minLength(1), z.maxLength(128)) });

/** The status codes an endpoint may answer with a problem document, besides 400 and 401. */
type ProblemStatus = 403 | 404 | 409 | 429 | 503;

/**
 * One endpoint of the Sessions API. This table is the single description of the HTTP surface:
 * the OpenAPI document is generated from it and the reference server validates with it.
 */
export type Route = {
  /** Stable name, used as the OpenAPI operationId. */
  operationId: string;
  method: 'get' | 'post' | 'put';
  /** OpenAPI-style path, `{id}` for parameters. */
  path: string;
  summary: string;
  description?: string;
  tag: 'Sessions' | 'Stream' | 'Workspace' | 'Service';
  /** Scopes the caller must hold (any of them suffices when `anyScope` is set). */
  scopes: readonly Scope[];
  anyScope?: boolean;
  /** False only for the unauthenticated service endpoints. */
  auth?: boolean;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /** Whether an `Idempotency-Key` header is honoured. */
  idempotent?: boolean;
  /** The success status and body; `stream` for `text/event-stream`. */
  response: { status: 200 | 201 | 202; schema: z.ZodMiniType } | { status: 200; stream: true };
  problems: readonly ProblemStatus[];
};

const READ = ['sessions:read'] as const;

export const routes = {
  listSessions: {
    operationId: 'listSessions',
    method: 'get',
    path: '/v1/sessions',
    summary: 'List sessions',
    description:
      'Sessions the caller may see, active first, then most recently updated, then by id (S9). ' +
      'Keyset-paginated: pass `nextCursor` back as `cursor`. No total count.',
    tag: 'Sessions',
    scopes: READ,
    query: ListSessionsQuery,
    response: { status: 200, schema: SessionPage },
    problems: [403],
  },
  getSession: {
    operationId: 'getSession',
    method: 'get',
    path: '/v1/sessions/{id}',
    summary: 'Get a session',
    tag: 'Sessions',
    scopes: READ,
    params: SessionIdParams,
    response: { status: 200, schema: Session },
    problems: [404],
  },
  getTranscript: {
    operationId: 'getTranscript',
    method: 'get',
    path: '/v1/sessions/{id}/transcript',
    summary: "Page through a session's transcript",
    tag: 'Sessions',
    scopes: READ,
    params: SessionIdParams,
    query: TranscriptQuery,
    response: { status: 200, schema: TranscriptPage },
    problems: [404],
  },
  listExecutions: {
    operationId: 'listExecutions',
    method: 'get',
    path: '/v1/sessions/{id}/executions',
    summary: "List an assessment's executions, oldest first",
    tag: 'Sessions',
    scopes: READ,
    params: SessionIdParams,
    response: { status: 200, schema: ExecutionList },
    problems: [404],
  },
  listInsights: {
    operationId: 'listInsights',
    method: 'get',
    path: '/v1/sessions/{id}/insights',
    summary: "List an assessment's insights",
    tag: 'Sessions',
    scopes: READ,
    params: SessionIdParams,
    response: { status: 200, schema: InsightList },
    problems: [404],
  },
  getCost: {
    operationId: 'getCost',
    method: 'get',
    path: '/v1/sessions/{id}/cost',
    summary: "Get a session's cost detail",
    description: '403 without `spend:read` or when the workspace does not track spend.',
    tag: 'Sessions',
    scopes: ['sessions:read', 'spend:read'],
    params: SessionIdParams,
    response: { status: 200, schema: CostDetail },
    problems: [403, 404, 409],
  },
  startSession: {
    operationId: 'startSession',
    method: 'post',
    path: '/v1/sessions',
    summary: 'Start a session',
    description:
      'At most one running assessment per agent: a second start is 409 and names the running session.',
    tag: 'Sessions',
    scopes: ['sessions:write'],
    body: StartSession,
    idempotent: true,
    response: { status: 201, schema: Session },
    problems: [403, 409],
  },
  ingestActivity: {
    operationId: 'ingestActivity',
    method: 'post',
    path: '/v1/sessions/{id}/activity',
    summary: 'Ingest a batch of activity',
    description: 'Applied atomically. With an `Idempotency-Key` header, a retried batch is applied once.',
    tag: 'Sessions',
    scopes: ['sessions:write'],
    params: SessionIdParams,
    body: ActivityBatch,
    idempotent: true,
    response: { status: 200, schema: Session },
    problems: [403, 404, 409],
  },
  cancelSession: {
    operationId: 'cancelSession',
    method: 'post',
    path: '/v1/sessions/{id}/cancel',
    summary: 'Cancel a flow or task',
    tag: 'Sessions',
    scopes: ['sessions:cancel-any'],
    params: SessionIdParams,
    idempotent: true,
    response: { status: 200, schema: Session },
    problems: [403, 404, 409],
  },
  endSession: {
    operationId: 'endSession',
    method: 'post',
    path: '/v1/sessions/{id}/end',
    summary: 'End a chat',
    tag: 'Sessions',
    scopes: ['conversations:manage'],
    params: SessionIdParams,
    idempotent: true,
    response: { status: 200, schema: Session },
    problems: [403, 404, 409],
  },
  submitSession: {
    operationId: 'submitSession',
    method: 'post',
    path: '/v1/sessions/{id}/submit',
    summary: 'Submit a running session for review',
    tag: 'Sessions',
    scopes: ['sessions:write'],
    params: SessionIdParams,
    body: SubmitSession,
    idempotent: true,
    response: { status: 200, schema: Session },
    problems: [403, 404, 409],
  },
  reviewSession: {
    operationId: 'reviewSession',
    method: 'post',
    path: '/v1/sessions/{id}/review',
    summary: 'Review a session pending review',
    description: 'Only a person may review, never an agent token.',
    tag: 'Sessions',
    scopes: ['sessions:review'],
    params: SessionIdParams,
    body: ReviewSession,
    idempotent: true,
    response: { status: 200, schema: Session },
    problems: [403, 404, 409],
  },
  setVisibility: {
    operationId: 'setVisibility',
    method: 'put',
    path: '/v1/sessions/{id}/visibility',
    summary: "Replace a session's visibility",
    tag: 'Sessions',
    scopes: ['sessions:admin'],
    params: SessionIdParams,
    body: Visibility,
    response: { status: 200, schema: Session },
    problems: [403, 404],
  },
  stream: {
    operationId: 'streamSessions',
    method: 'get',
    path: '/v1/stream',
    summary: 'Live stream of session changes (Server-Sent Events)',
    description:
      'Events: `session` (data: Session; id: global sequence), `session.removed` (data: SessionRemovedData), ' +
      '`reset` (data: ResetData; refetch). A `: ping` comment every 15 s and a `retry:` hint on connect. ' +
      'Resume with `Last-Event-ID` (or the `lastEventId` query parameter). Browsers using the native ' +
      '`EventSource` may pass the token as the `access_token` query parameter, on this endpoint only.',
    tag: 'Stream',
    scopes: READ,
    query: z.extend(SessionFilters, {
      lastEventId: z.optional(z.string().check(z.maxLength(32))),
      access_token: z.optional(z.string().check(z.maxLength(4096))),
    }),
    response: { status: 200, stream: true },
    problems: [403],
  },
  listMembers: {
    operationId: 'listMembers',
    method: 'get',
    path: '/v1/members',
    summary: 'List every workspace member and group',
    tag: 'Workspace',
    scopes: READ,
    response: { status: 200, schema: MemberList },
    problems: [],
  },
  getMe: {
    operationId: 'getMe',
    method: 'get',
    path: '/v1/me',
    summary: 'Identity, scopes and workspace settings of the caller',
    tag: 'Workspace',
    scopes: [],
    response: { status: 200, schema: Me },
    problems: [],
  },
  mintEmbedToken: {
    operationId: 'mintEmbedToken',
    method: 'post',
    path: '/v1/embed-tokens',
    summary: 'Mint a short-lived embed token locked to one record',
    tag: 'Workspace',
    scopes: ['embed:mint'],
    body: MintEmbedToken,
    response: { status: 201, schema: EmbedToken },
    problems: [403],
  },
  health: {
    operationId: 'health',
    method: 'get',
    path: '/healthz',
    summary: 'Liveness and database reachability',
    tag: 'Service',
    scopes: [],
    auth: false,
    response: { status: 200, schema: Health },
    problems: [],
  },
  ready: {
    operationId: 'ready',
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: the database answers and every migration is applied',
    description:
      'For load balancers and orchestrators: 503 while the database is unreachable, a migration of this build is not applied yet, or the process is draining after SIGTERM. `/healthz` is liveness.',
    tag: 'Service',
    scopes: [],
    auth: false,
    response: { status: 200, schema: Readiness },
    problems: [503],
  },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof routes;
