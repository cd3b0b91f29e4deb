import type * as z from 'zod/mini';
import { BulkResult } from './bulk-result.js';
import { CostDetail } from './cost.js';
import { Me, MemberList } from './member.js';
import {
  EmbedToken,
  ExecutionList,
  Health,
  InsightList,
  Readiness,
  SessionPage,
  TranscriptPage,
} from './responses.js';
import { Session } from './session.js';
import { View, ViewList } from './views.js';

/**
 * How a client calls one endpoint of the Sessions API: its method and path, whether it honours an
 * `Idempotency-Key`, and the success status and body. The route table (`routes`) adds what the
 * server checks and the OpenAPI document states; this half is all the client needs, so the
 * request schemas, scopes and problems stay out of the browser bundle.
 */
/** The longest `Idempotency-Key` an idempotent endpoint accepts (at least one character). */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

export type Endpoint = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI-style path, `{id}` for parameters. */
  path: string;
  /** Whether an `Idempotency-Key` header is honoured. */
  idempotent?: boolean;
  /**
   * The success status and body: JSON with a schema; `stream` for `text/event-stream`; `media`
   * for a body in one of these media types, streamed as a file (the export).
   */
  response:
    | { status: 200 | 201 | 202; schema: z.ZodMiniType }
    | { status: 200; stream: true }
    | { status: 200; media: readonly string[] };
};

const get = <S extends z.ZodMiniType>(path: string, schema: S) =>
  ({ method: 'get', path, response: { status: 200, schema } }) as const;

/** A POST that honours an idempotency key and answers with the session it changed. */
const action = (path: string) =>
  ({ method: 'post', path, idempotent: true, response: { status: 200, schema: Session } }) as const;

/** Every endpoint, by route name. */
export const endpoints = {
  listSessions: get('/v1/sessions', SessionPage),
  exportSessions: {
    method: 'get',
    path: '/v1/sessions/export',
    response: { status: 200, media: ['text/csv', 'application/x-ndjson'] },
  },
  getSession: get('/v1/sessions/{id}', Session),
  getTranscript: get('/v1/sessions/{id}/transcript', TranscriptPage),
  listExecutions: get('/v1/sessions/{id}/executions', ExecutionList),
  listInsights: get('/v1/sessions/{id}/insights', InsightList),
  getCost: get('/v1/sessions/{id}/cost', CostDetail),
  startSession: { ...action('/v1/sessions'), response: { status: 201, schema: Session } },
  ingestActivity: action('/v1/sessions/{id}/activity'),
  cancelSession: action('/v1/sessions/{id}/cancel'),
  endSession: action('/v1/sessions/{id}/end'),
  bulkSessions: { ...action('/v1/sessions/bulk'), response: { status: 200, schema: BulkResult } },
  submitSession: action('/v1/sessions/{id}/submit'),
  reviewSession: action('/v1/sessions/{id}/review'),
  setVisibility: {
    method: 'put',
    path: '/v1/sessions/{id}/visibility',
    response: { status: 200, schema: Session },
  },
  stream: { method: 'get', path: '/v1/stream', response: { status: 200, stream: true } },
  followSession: { method: 'get', path: '/v1/sessions/{id}/stream', response: { status: 200, stream: true } },
  listMembers: get('/v1/members', MemberList),
  getMe: get('/v1/me', Me),
  mintEmbedToken: { method: 'post', path: '/v1/embed-tokens', response: { status: 201, schema: EmbedToken } },
  listViews: get('/v1/views', ViewList),
  createView: { method: 'post', path: '/v1/views', response: { status: 201, schema: View } },
  getView: get('/v1/views/{id}', View),
  updateView: { method: 'patch', path: '/v1/views/{id}', response: { status: 200, schema: View } },
  deleteView: { method: 'delete', path: '/v1/views/{id}', response: { status: 200, schema: View } },
  health: get('/healthz', Health),
  ready: get('/readyz', Readiness),
} as const satisfies Record<string, Endpoint>;

/** The name of a route, e.g. `listSessions`. */
export type RouteName = keyof typeof endpoints;
