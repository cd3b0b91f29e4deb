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
 * the OpenAPI document is generated from it (with the prose of `openapi/operations.ts`) and the
 * reference server validates with it. It holds no documentation text, since the browser bundle
 * carries this table (X6).
 */
export type Route = {
  method: 'get' | 'post' | 'put';
  /** OpenAPI-style path, `{id}` for parameters. */
  path: string;
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
    method: 'get',
    path: '/v1/sessions',
    scopes: READ,
    query: ListSessionsQuery,
    response: { status: 200, schema: SessionPage },
    problems: [403],
  },
  getSession: {
    method: 'get',
    path: '/v1/sessions/{id}',
    scopes: READ,
    params: SessionIdParams,
    response: { status: 200, schema: Session },
    problems: [404],
  },
  getTranscript: {
    method: 'get',
    path: '/v1/sessions/{id}/transcript',
    scopes: READ,
    params: SessionIdParams,
    query: TranscriptQuery,
    response: { status: 200, schema: TranscriptPage },
    problems: [404],
  },
  listExecutions: {
    method: 'get',
    path: '/v1/sessions/{id}/executions',
    scopes: READ,
    params: SessionIdParams,
    response: { status: 200, schema: ExecutionList },
    problems: [404],
  },
  listInsights: {
    method: 'get',
    path: '/v1/sessions/{id}/insights',
    scopes: READ,
    params: SessionIdParams,
    response: { status: 200, schema: InsightList },
    problems: [404],
  },
  getCost: {
    method: 'get',
    path: '/v1/sessions/{id}/cost',
    scopes: ['sessions:read', 'spend:read'],
    params: SessionIdParams,
    response: { status: 200, schema: CostDetail },
    problems: [403, 404, 409],
  },
  startSession: {
    method: 'post',
    path: '/v1/sessions',
    scopes: ['sessions:write'],
    body: StartSession,
    idempotent: true,
    response: { status: 201, schema: Session },
    problems: [403, 409],
  },
  ingestActivity: {
    method: 'post',
    path: '/v1/sessions/{id}/activity',
    scopes: ['sessions:write'],
    params: SessionIdParams,
    body: ActivityBatch,
    idempotent: true,
    response: { status: 200, schema: Session },
    problems: [403, 404, 409],
  },
  cancelSession: {
    method: 'post',
    path: '/v1/sessions/{id}/cancel',
    scopes: ['sessions:cancel-any'],
    params: SessionIdParams,
    idempotent: true,
    response: { status: 200, schema: Session },
    problems: [403, 404, 409],
  },
  endSession: {
    method: 'post',
    path: '/v1/sessions/{id}/end',
    scopes: ['conversations:manage'],
    params: SessionIdParams,
    idempotent: true,
    response: { status: 200, schema: Session },
    problems: [403, 404, 409],
  },
  submitSession: {
    method: 'post',
    path: '/v1/sessions/{id}/submit',
    scopes: ['sessions:write'],
    params: SessionIdParams,
    body: SubmitSession,
    idempotent: true,
    response: { status: 200, schema: Session },
    problems: [403, 404, 409],
  },
  reviewSession: {
    method: 'post',
    path: '/v1/sessions/{id}/review',
    scopes: ['sessions:review'],
    params: SessionIdParams,
    body: ReviewSession,
    idempotent: true,
    response: { status: 200, schema: Session },
    problems: [403, 404, 409],
  },
  setVisibility: {
    method: 'put',
    path: '/v1/sessions/{id}/visibility',
    scopes: ['sessions:admin'],
    params: SessionIdParams,
    body: Visibility,
    response: { status: 200, schema: Session },
    problems: [403, 404],
  },
  stream: {
    method: 'get',
    path: '/v1/stream',
    scopes: READ,
    query: z.extend(SessionFilters, {
      lastEventId: z.optional(z.string().check(z.maxLength(32))),
      access_token: z.optional(z.string().check(z.maxLength(4096))),
    }),
    response: { status: 200, stream: true },
    problems: [403],
  },
  listMembers: {
    method: 'get',
    path: '/v1/members',
    scopes: READ,
    response: { status: 200, schema: MemberList },
    problems: [],
  },
  getMe: {
    method: 'get',
    path: '/v1/me',
    scopes: [],
    response: { status: 200, schema: Me },
    problems: [],
  },
  mintEmbedToken: {
    method: 'post',
    path: '/v1/embed-tokens',
    scopes: ['embed:mint'],
    body: MintEmbedToken,
    response: { status: 201, schema: EmbedToken },
    problems: [403],
  },
  health: {
    method: 'get',
    path: '/healthz',
    scopes: [],
    auth: false,
    response: { status: 200, schema: Health },
    problems: [],
  },
  ready: {
    method: 'get',
    path: '/readyz',
    scopes: [],
    auth: false,
    response: { status: 200, schema: Readiness },
    problems: [503],
  },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof routes;
