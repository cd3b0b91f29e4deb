import { z } from 'zod';
import { Execution, ExecutionInput, Insight, InsightInput } from './assessment.js';
import { Money } from './money.js';
import { Pricing } from './cost.js';
import { RecordScope, Scope } from './member.js';
import {
  ChatMode,
  Session,
  SessionKind,
  SessionLinks,
  SessionMetadata,
  Step,
  Timestamp,
  Visibility,
} from './session.js';
import { SessionStatus } from './status.js';
import { TranscriptEntry, TranscriptEntryInput } from './transcript.js';

const Id = z.string().min(1).max(128);
const ShortText = z.string().max(200);

/** Filters of `GET /v1/sessions` and `GET /v1/stream` (A1, A8). Repeatable filters are arrays. */
export const SessionFilters = z
  .object({
    kind: z.array(SessionKind).max(4).optional(),
    owner: z.array(Id).max(200).optional(),
    status: z.array(SessionStatus).max(50).optional(),
    scope: RecordScope.optional(),
    agent: Id.optional(),
    hostname: ShortText.optional(),
    playbook: ShortText.optional(),
    /**
     * Free text: every whitespace-separated word must occur, case-insensitively, in the title,
     * description, hostname, playbook or owner name.
     */
    q: ShortText.optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'SessionFilters' });
export type SessionFilters = z.infer<typeof SessionFilters>;

/** Which query parameters of the list and stream endpoints may repeat. */
export const REPEATABLE_FILTERS = ['kind', 'owner', 'status'] as const;

/** The query string of `GET /v1/sessions`: the filters plus `limit` and `cursor`. */
export const ListSessionsQuery = SessionFilters.extend({
  limit: z.int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
}).meta({ id: 'ListSessionsQuery' });
export type ListSessionsQuery = z.input<typeof ListSessionsQuery>;

/** A page of a keyset-paginated list. `nextCursor` is null on the last page. */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}
/** A page of a keyset-paginated list. */
export type Page<T> = { data: T[]; nextCursor: string | null };

export const SessionPage = Page(Session).meta({ id: 'SessionPage' });
export const TranscriptPage = Page(TranscriptEntry).meta({ id: 'TranscriptPage' });
export const ExecutionList = z.object({ data: z.array(Execution) }).meta({ id: 'ExecutionList' });
export const InsightList = z.object({ data: z.array(Insight) }).meta({ id: 'InsightList' });
export type SessionPage = z.infer<typeof SessionPage>;
export type TranscriptPage = z.infer<typeof TranscriptPage>;
export type ExecutionList = z.infer<typeof ExecutionList>;
export type InsightList = z.infer<typeof InsightList>;

/** Query of `GET /v1/sessions/{id}/transcript`. */
export const TranscriptQuery = z
  .object({
    limit: z.int().min(1).max(500).default(200),
    cursor: z.string().max(512).optional(),
  })
  .meta({ id: 'TranscriptQuery' });
export type TranscriptQuery = z.input<typeof TranscriptQuery>;

/** Body of `POST /v1/sessions` (A3). */
export const StartSession = z
  .object({
    kind: SessionKind,
    /** Defaults to the playbook name for assessments, else "Untitled session". */
    title: z.string().min(1).max(500).optional(),
    description: z.string().max(10_000).optional(),
    agentId: Id.optional(),
    playbook: ShortText.optional(),
    links: SessionLinks.optional(),
    chatMode: ChatMode.optional(),
    metadata: SessionMetadata.optional(),
    /** Defaults from where the session came from (X3). */
    visibility: Visibility.optional(),
  })
  .meta({ id: 'StartSession' });
export type StartSession = z.infer<typeof StartSession>;

/** One turn's cost as a runtime reports it (A4, S5). */
export const TurnInput = z
  .object({
    model: z.string().min(1).max(200),
    pricing: Pricing,
    amountUsd: Money.nullable().optional(),
    tokens: z.int().min(0),
    credits: z.int().min(0).optional(),
  })
  .meta({ id: 'TurnInput' });
export type TurnInput = z.infer<typeof TurnInput>;

/**
 * Body of `POST /v1/sessions/{id}/activity` (A4): one batch applied atomically. With an
 * `Idempotency-Key` header a retried batch is applied once.
 */
export const ActivityBatch = z
  .object({
    transcript: z.array(TranscriptEntryInput).max(500).optional(),
    steps: z.array(Step).max(200).optional(),
    turns: z.array(TurnInput).max(500).optional(),
    executions: z.array(ExecutionInput).max(500).optional(),
    insights: z.array(InsightInput).max(500).optional(),
    status: SessionStatus.optional(),
    error: z.object({ code: z.string().max(100), message: z.string().max(2000) }).optional(),
  })
  .meta({ id: 'ActivityBatch' });
export type ActivityBatch = z.infer<typeof ActivityBatch>;

/** Body of `POST /v1/sessions/{id}/submit` (A5). */
export const SubmitSession = z
  .object({ summary: z.string().trim().min(1, 'A summary is required').max(20_000) })
  .meta({ id: 'SubmitSession' });
export type SubmitSession = z.infer<typeof SubmitSession>;

/** Body of `POST /v1/sessions/{id}/review` (A5). */
export const ReviewSession = z
  .object({
    decision: z.enum(['completed', 'rejected']),
    comment: z.string().max(20_000).optional(),
  })
  .meta({ id: 'ReviewSession' });
export type ReviewSession = z.infer<typeof ReviewSession>;

/** Body of `POST /v1/embed-tokens` (A7). */
export const MintEmbedToken = z
  .object({
    scope: RecordScope,
    /** Default 900 (15 minutes), at most 86,400 (24 hours). */
    ttlSeconds: z.int().min(30).max(86_400).optional(),
    /** A subset of the caller's read scopes; defaults to all of them. */
    scopes: z.array(Scope).optional(),
  })
  .meta({ id: 'MintEmbedToken' });
export type MintEmbedToken = z.infer<typeof MintEmbedToken>;

/** Response of `POST /v1/embed-tokens`. */
export const EmbedToken = z.object({ token: z.string(), expiresAt: Timestamp }).meta({ id: 'EmbedToken' });
export type EmbedToken = z.infer<typeof EmbedToken>;

/** Response of `GET /healthz`. */
export const Health = z.object({ ok: z.boolean(), database: z.string() }).meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;
