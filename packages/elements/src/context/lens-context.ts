import { createContext } from '@lit/context';
import type {
  BulkRequest,
  BulkResult,
  ExportFormat,
  FollowEvent,
  LiveSessionsClient,
  CostDetail,
  ExecutionList,
  InsightList,
  Me,
  MemberList,
  Page,
  Scope,
  Session,
  SessionFilters,
  TranscriptEntry,
  Visibility,
} from '@session-lens/sdk';
import type { LensClock } from './clock.js';

/**
 * The slice of the SDK client the elements call. `SessionLensClient` from `@session-lens/sdk`
 * satisfies it; stories and tests may hand in any object of this shape. Lists are live only
 * with `sessions.list` and `sessions.watch` (what the SDK's live store calls); without them a
 * list needs a `storeFactory`.
 */
export type LensClient = {
  readonly sessions: {
    list?: LiveSessionsClient['sessions']['list'];
    watch?: LiveSessionsClient['sessions']['watch'];
    /** One session's stream (A16); without it a detail does not follow its session live. */
    follow?(id: string, options?: { lastEventId?: string; signal?: AbortSignal }): AsyncIterable<FollowEvent>;
    get(id: string, options?: { signal?: AbortSignal }): Promise<Session>;
    transcript(
      id: string,
      params?: { limit?: number; cursor?: string },
      options?: { signal?: AbortSignal },
    ): PromiseLike<Page<TranscriptEntry>>;
    executions(id: string, options?: { signal?: AbortSignal }): Promise<ExecutionList>;
    insights(id: string, options?: { signal?: AbortSignal }): Promise<InsightList>;
    cost(id: string, options?: { signal?: AbortSignal }): Promise<CostDetail>;
    cancel(id: string): Promise<Session>;
    end(id: string): Promise<Session>;
    review(id: string, body: { decision: 'completed' | 'rejected'; comment?: string }): Promise<Session>;
    /** Replaces who may see a session (`sessions:admin`); Manage access needs it. */
    setVisibility?(id: string, visibility: Visibility): Promise<Session>;
    /** Cancels or ends many sessions (A15); a list's bulk bar needs it. */
    bulk?(body: BulkRequest, options?: { signal?: AbortSignal }): Promise<BulkResult>;
    /** Streams the sessions matching `filters` (A14); a list's Export needs it. */
    export?(
      filters: SessionFilters,
      options: { format: ExportFormat; signal?: AbortSignal },
    ): AsyncIterable<Session | string>;
  };
  readonly me: { get(options?: { signal?: AbortSignal }): Promise<Me> };
  readonly members: { list(options?: { signal?: AbortSignal }): Promise<MemberList> };
};

/** Who the elements act for, as `/v1/me` answered (E8). */
export type LensIdentity = {
  /** `loading` until `/v1/me` answered; `error` when it failed (then no scope is held). */
  readonly status: 'loading' | 'ready' | 'error';
  readonly me: Me | undefined;
  readonly scopes: ReadonlySet<Scope | (string & {})>;
};

/** The identity before `/v1/me` answered: no scopes, so no action shows too early. */
export const UNKNOWN_IDENTITY: LensIdentity = { status: 'loading', me: undefined, scopes: new Set() };

/** Builds the identity from a `/v1/me` answer. */
export function identityFromMe(me: Me): LensIdentity {
  return { status: 'ready', me, scopes: new Set(me.scopes) };
}

/** Whether the identity may see spend: it holds `spend:read` and the workspace tracks spend. */
export function canSeeSpend(identity: LensIdentity | undefined): boolean {
  if (!identity || identity.status !== 'ready' || !identity.me) return false;
  return identity.scopes.has('spend:read') && identity.me.settings.spendTracking;
}

/** The client every descendant calls (E8). */
export const clientContext = createContext<LensClient | undefined>(Symbol('session-lens/client'));

/** The caller's identity and scopes (E8). */
export const identityContext = createContext<LensIdentity | undefined>(Symbol('session-lens/identity'));

/** The one clock all time labels read (E8). */
export const clockContext = createContext<LensClock | undefined>(Symbol('session-lens/clock'));
