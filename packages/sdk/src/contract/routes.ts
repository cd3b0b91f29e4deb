import * as z from 'zod/mini';
import { endpoints, type Endpoint, type RouteName } from './endpoints.js';
import type { Scope } from './member.js';
import {
  ActivityBatch,
  CreateView,
  UpdateView,
  BulkRequest,
  ExportQuery,
  ListSessionsQuery,
  MintEmbedToken,
  ReviewSession,
  SessionFilters,
  StartSession,
  SubmitSession,
  TranscriptQuery,
} from './requests.js';
import { Visibility } from './session.js';

/** The path parameter of the saved-view endpoints. */
export const ViewIdParams = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });

/** The path parameter every session-scoped endpoint takes. */
export const SessionIdParams = z.object({ id: z.string().check(z.minLength(1), z.maxLength(128)) });

/** `lastEventId`: the query form of `Last-Event-ID`, for clients that cannot set headers. */
const ResumeId = z.optional(z.string().check(z.maxLength(32)));
/** `access_token`: the token of a native `EventSource`, accepted on the streams only. */
const AccessToken = z.optional(z.string().check(z.maxLength(4096)));

/** The status codes an endpoint may answer with a problem document, besides 400 and 401. */
type ProblemStatus = 403 | 404 | 409 | 429 | 503;

/**
 * One endpoint of the Sessions API, whole: its {@link Endpoint} (method, path, idempotency,
 * response) plus the scopes, parameters, body and problems. This table is the single description
 * of the HTTP surface: the reference server validates with it and the OpenAPI document is
 * generated from it (with the prose of `openapi/operations.ts`). The client reads only
 * `endpoints`, so none of this reaches the browser bundle.
 */
export type Route = Endpoint & {
  /** Scopes the caller must hold (any of them suffices when `anyScope` is set). */
  scopes: readonly Scope[];
  anyScope?: boolean;
  /** False only for the unauthenticated service endpoints. */
  auth?: boolean;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  problems: readonly ProblemStatus[];
};

const READ = ['sessions:read'] as const;
const WRITE = ['sessions:write'] as const;
const ID = { params: SessionIdParams } as const;

/** A route on one session: its id in the path; refused with 403, 404 or 409. */
const onSession = (scopes: readonly Scope[]) => ({ scopes, ...ID, problems: [403, 404, 409] }) as const;

export const routes = {
  listSessions: { ...endpoints.listSessions, scopes: READ, query: ListSessionsQuery, problems: [403] },
  exportSessions: { ...endpoints.exportSessions, scopes: READ, query: ExportQuery, problems: [403] },
  getSession: { ...endpoints.getSession, scopes: READ, ...ID, problems: [404] },
  getTranscript: { ...endpoints.getTranscript, scopes: READ, ...ID, query: TranscriptQuery, problems: [404] },
  listExecutions: { ...endpoints.listExecutions, scopes: READ, ...ID, problems: [404] },
  listInsights: { ...endpoints.listInsights, scopes: READ, ...ID, problems: [404] },
  getCost: { ...endpoints.getCost, ...onSession(['sessions:read', 'spend:read']) },
  startSession: { ...endpoints.startSession, scopes: WRITE, body: StartSession, problems: [403, 409] },
  ingestActivity: { ...endpoints.ingestActivity, ...onSession(WRITE), body: ActivityBatch },
  cancelSession: { ...endpoints.cancelSession, ...onSession(['sessions:cancel-any']) },
  endSession: { ...endpoints.endSession, ...onSession(['conversations:manage']) },
  // Each session is authorized as its single action is (cancel or end above); the call needs
  // one of their scopes, and the action named in the body needs its own.
  bulkSessions: {
    ...endpoints.bulkSessions,
    scopes: ['sessions:cancel-any', 'conversations:manage'],
    anyScope: true,
    body: BulkRequest,
    problems: [403, 409],
  },
  submitSession: { ...endpoints.submitSession, ...onSession(WRITE), body: SubmitSession },
  reviewSession: { ...endpoints.reviewSession, ...onSession(['sessions:review']), body: ReviewSession },
  setVisibility: {
    ...endpoints.setVisibility,
    scopes: ['sessions:admin'],
    ...ID,
    body: Visibility,
    problems: [403, 404],
  },
  stream: {
    ...endpoints.stream,
    scopes: READ,
    query: z.extend(SessionFilters, {
      lastEventId: ResumeId,
      access_token: AccessToken,
    }),
    problems: [403],
  },
  followSession: {
    ...endpoints.followSession,
    scopes: READ,
    ...ID,
    query: z.object({ lastEventId: ResumeId, access_token: AccessToken }),
    problems: [404],
  },
  listMembers: { ...endpoints.listMembers, scopes: READ, problems: [] },
  getMe: { ...endpoints.getMe, scopes: [], problems: [] },
  mintEmbedToken: {
    ...endpoints.mintEmbedToken,
    scopes: ['embed:mint'],
    body: MintEmbedToken,
    problems: [403],
  },
  listViews: { ...endpoints.listViews, scopes: READ, problems: [] },
  createView: { ...endpoints.createView, scopes: READ, body: CreateView, problems: [403, 409] },
  getView: { ...endpoints.getView, scopes: READ, params: ViewIdParams, problems: [404] },
  updateView: {
    ...endpoints.updateView,
    scopes: READ,
    params: ViewIdParams,
    body: UpdateView,
    problems: [403, 404],
  },
  deleteView: { ...endpoints.deleteView, scopes: READ, params: ViewIdParams, problems: [403, 404] },
  health: { ...endpoints.health, scopes: [], auth: false, problems: [] },
  ready: { ...endpoints.ready, scopes: [], auth: false, problems: [503] },
} as const satisfies Record<RouteName, Route>;

export type { RouteName } from './endpoints.js';
