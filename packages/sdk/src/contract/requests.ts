/**
 * What requests carry: filters, queries and bodies. The server validates them; the client sends
 * them as given, so nothing here reaches the browser bundle unless a caller imports it (the
 * route table in `routes.ts` does, the client's `endpoints.ts` does not).
 */
import * as z from 'zod/mini';
import { Execution, Insight } from './assessment.js';
import { TurnAmount } from './money.js';
import { Pricing } from './cost.js';
import { RecordScope, Scope } from './member.js';
import {
  ChatMode,
  SessionKind,
  SessionLinks,
  SessionMetadata,
  SessionOrigin,
  Step,
  Visibility,
} from './session.js';
import { SessionStatus } from './status.js';
import { TranscriptEntryInput } from './transcript.js';
import { INSTANT_HINT, isSince, isUntil } from './time-range-validation.js';
import { contentQueryError } from './content-search.js';

const Id = () => z.string().check(z.minLength(1), z.maxLength(128));
const ShortText = () => z.string().check(z.maxLength(200));

/** The largest count a turn may report: what a PostgreSQL `integer` column holds (2^31 − 1). */
export const MAX_STORED_INT = 2_147_483_647;
const StoredCount = () => z.int().check(z.minimum(0), z.maximum(MAX_STORED_INT));

/** Filters of `GET /v1/sessions` and `GET /v1/stream`. Repeatable filters are arrays. */
export const SessionFilters = z.object({
  kind: z.optional(z.array(SessionKind).check(z.maxLength(4))),
  owner: z.optional(z.array(Id()).check(z.maxLength(200))),
  status: z.optional(z.array(SessionStatus).check(z.maxLength(50))),
  scope: z.optional(RecordScope),
  agent: z.optional(Id()),
  hostname: z.optional(ShortText()),
  playbook: z.optional(ShortText()),
  /** Any of these models (`metadata.model`, exactly). */
  model: z.optional(z.array(ShortText()).check(z.maxLength(20))),
  /** Any of these runtimes (`metadata.runtime`, exactly). */
  runtime: z.optional(z.array(ShortText()).check(z.maxLength(20))),
  /** Any of these origins (`metadata.origin`). */
  origin: z.optional(z.array(SessionOrigin).check(z.maxLength(3))),
  /**
   * Free text: every whitespace-separated word must occur, case-insensitively, in the title,
   * description, hostname, playbook or owner name.
   */
  q: z.optional(ShortText()),
  active: z.optional(z.boolean()),
  /**
   * Sessions whose `updatedAt` is at or after this instant (inclusive), or within this
   * ISO-8601 duration back from now (`PT1H`, `P7D`; at most 3,660 days).
   */
  since: z.optional(
    z
      .string()
      .check(
        z.maxLength(40),
        z.refine(isSince, `Expected ${INSTANT_HINT}, or a duration back from now such as PT24H or P7D`),
      ),
  ),
  /** Sessions whose `updatedAt` is before this instant (exclusive). */
  until: z.optional(z.string().check(z.maxLength(40), z.refine(isUntil, `Expected ${INSTANT_HINT}`))),
  /**
   * Search inside the work: every whitespace-separated word (1–8, each with three letters or
   * digits in a row) occurs in the session's redacted transcript (see `content-search.ts`).
   */
  /** A saved view's id: its filters apply, and every filter given here replaces the view's. */
  view: z.optional(Id()),
  content: z.optional(
    z.string().check(
      z.maxLength(200),
      z.superRefine((value, ctx) => {
        const message = contentQueryError(value);
        if (message) ctx.addIssue({ code: 'custom', message, input: value });
      }),
    ),
  ),
});
export type SessionFilters = z.infer<typeof SessionFilters>;

/** Which query parameters of the list and stream endpoints may repeat. */
export const REPEATABLE_FILTERS = ['kind', 'owner', 'status', 'model', 'runtime', 'origin'] as const;

/** The query string of `GET /v1/sessions`: the filters plus `limit` and `cursor`. */
export const ListSessionsQuery = z.extend(SessionFilters, {
  limit: z._default(z.int().check(z.minimum(1), z.maximum(200)), 50),
  cursor: z.optional(z.string().check(z.maxLength(512))),
});
export type ListSessionsQuery = z.input<typeof ListSessionsQuery>;

/** The formats of `GET /v1/sessions/export` (A14): CSV (RFC 4180) or JSON Lines. */
export const ExportFormat = z.enum(['csv', 'jsonl']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** The query string of `GET /v1/sessions/export`: the list's filters plus the format. */
export const ExportQuery = z.extend(SessionFilters, { format: ExportFormat });
export type ExportQuery = z.input<typeof ExportQuery>;

/**
 * The most sessions one `POST /v1/sessions/bulk` call acts on (A15): the most `ids` it takes,
 * and the most sessions matching its `filters` it takes per call (the rest through `cursor`).
 */
export const MAX_BULK_SESSIONS = 1000;

/** The actions a bulk call takes: each is the single action of the same name (A5). */
export const BulkAction = z.enum(['cancel', 'end']);
export type BulkAction = z.infer<typeof BulkAction>;

/**
 * Body of `POST /v1/sessions/bulk`: an action and the sessions to take it on, either `ids`
 * (1 to {@link MAX_BULK_SESSIONS}, duplicates counted once) or `filters` (the list's filters;
 * the first {@link MAX_BULK_SESSIONS} matches in S9 order, and `cursor` — the `nextCursor` of
 * the call before — for the next ones).
 */
export const BulkRequest = z
  .object({
    action: BulkAction,
    ids: z.optional(z.array(Id()).check(z.minLength(1), z.maxLength(MAX_BULK_SESSIONS))),
    filters: z.optional(SessionFilters),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
  })
  .check(
    z.refine((body) => (body.ids === undefined) !== (body.filters === undefined), {
      message: 'Give either ids or filters',
      path: ['ids'],
    }),
    z.refine((body) => body.cursor === undefined || body.filters !== undefined, {
      message: 'A cursor continues a selection by filters',
      path: ['cursor'],
    }),
  );
export type BulkRequest = z.infer<typeof BulkRequest>;

/** Query of `GET /v1/sessions/{id}/transcript`. */
export const TranscriptQuery = z.object({
  limit: z._default(z.int().check(z.minimum(1), z.maximum(500)), 200),
  cursor: z.optional(z.string().check(z.maxLength(512))),
});
export type TranscriptQuery = z.input<typeof TranscriptQuery>;

/** Body of `POST /v1/sessions`. */
export const StartSession = z.object({
  kind: SessionKind,
  /** Defaults to the playbook name for assessments, else "Untitled session". */
  title: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
  description: z.optional(z.string().check(z.maxLength(10_000))),
  agentId: z.optional(Id()),
  playbook: z.optional(ShortText()),
  links: z.optional(SessionLinks),
  chatMode: z.optional(ChatMode),
  metadata: z.optional(SessionMetadata),
  /** Defaults from where the session came from. */
  visibility: z.optional(Visibility),
});
export type StartSession = z.infer<typeof StartSession>;

/** One turn's cost as a runtime reports it. */
export const TurnInput = z.object({
  model: z.string().check(z.minLength(1), z.maxLength(200)),
  pricing: Pricing,
  amountUsd: z.optional(z.nullable(TurnAmount)),
  tokens: StoredCount(),
  credits: z.optional(StoredCount()),
});
export type TurnInput = z.infer<typeof TurnInput>;

/** An execution as an agent runtime reports it; the server assigns the id. */
export const ExecutionInput = z.omit(Execution, { id: true });
export type ExecutionInput = z.infer<typeof ExecutionInput>;

/** An insight as an agent runtime reports it; the server assigns the id. */
export const InsightInput = z.omit(Insight, { id: true });
export type InsightInput = z.infer<typeof InsightInput>;

/** Longest step name a runtime may report, in characters. */
export const MAX_STEP_NAME_LENGTH = 200;

/** Most steps one flow session may hold; a batch that would go past it is refused whole. */
export const MAX_STEPS_PER_SESSION = 500;

/** One step as a runtime reports it: a {@link Step} whose name is bounded. */
export const StepInput = z.extend(Step, {
  name: z.string().check(z.minLength(1), z.maxLength(MAX_STEP_NAME_LENGTH)),
});
export type StepInput = z.infer<typeof StepInput>;

/**
 * Body of `POST /v1/sessions/{id}/activity`: one batch applied atomically. With an
 * `Idempotency-Key` header a retried batch is applied once.
 */
export const ActivityBatch = z.object({
  transcript: z.optional(z.array(TranscriptEntryInput).check(z.maxLength(500))),
  steps: z.optional(z.array(StepInput).check(z.maxLength(200))),
  turns: z.optional(z.array(TurnInput).check(z.maxLength(500))),
  executions: z.optional(z.array(ExecutionInput).check(z.maxLength(500))),
  insights: z.optional(z.array(InsightInput).check(z.maxLength(500))),
  status: z.optional(SessionStatus),
  error: z.optional(
    z.object({
      code: z.string().check(z.maxLength(100)),
      message: z.string().check(z.maxLength(2000)),
    }),
  ),
});
export type ActivityBatch = z.infer<typeof ActivityBatch>;

/** Body of `POST /v1/sessions/{id}/submit`. */
export const SubmitSession = z.object({
  summary: z.string().check(z.trim(), z.minLength(1, 'A summary is required'), z.maxLength(20_000)),
});
export type SubmitSession = z.infer<typeof SubmitSession>;

/** Body of `POST /v1/sessions/{id}/review`. */
export const ReviewSession = z.object({
  decision: z.enum(['completed', 'rejected']),
  comment: z.optional(z.string().check(z.maxLength(20_000))),
});
export type ReviewSession = z.infer<typeof ReviewSession>;

/**
 * A web origin exactly as a browser sends it in the `Origin` header: `scheme://host[:port]`,
 * lowercase, no path and no trailing slash (`https://app.example.com`, `http://127.0.0.1:5173`).
 */
export const WebOrigin = z
  .string()
  .check(
    z.maxLength(300),
    z.regex(
      /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/,
      'Expected an origin such as https://app.example.com (scheme, host and port only, lowercase)',
    ),
  );
export type WebOrigin = z.infer<typeof WebOrigin>;

/** Body of `POST /v1/embed-tokens`. */
export const MintEmbedToken = z.object({
  scope: RecordScope,
  /** Default 900 (15 minutes), at most 86,400 (24 hours). */
  ttlSeconds: z.optional(z.int().check(z.minimum(30), z.maximum(86_400))),
  /** A subset of the caller's read scopes; defaults to all of them. */
  scopes: z.optional(z.array(Scope)),
  /**
   * Binds the token to these host pages' origins (1–20): a request made with it whose `Origin`
   * header is present and not listed is 403. Absent: any origin.
   */
  origins: z.optional(z.array(WebOrigin).check(z.minLength(1), z.maxLength(20))),
});
export type MintEmbedToken = z.infer<typeof MintEmbedToken>;

/**
 * The filters a saved view holds: the list filters but `view`. Unknown keys are refused, as
 * unknown query parameters are: a typo must not save a view wider than meant.
 */
export const ViewFilterBody = z.strictObject(z.omit(SessionFilters, { view: true }).shape);

const ViewName = () => z.string().check(z.trim(), z.minLength(1, 'A view needs a name'), z.maxLength(100));

/** Body of `POST /v1/views`. */
export const CreateView = z.object({
  name: ViewName(),
  filters: z._default(ViewFilterBody, {}),
  /** Whether every member may see and apply it; default false (private). */
  shared: z._default(z.boolean(), false),
});
export type CreateView = z.input<typeof CreateView>;

/** Body of `PATCH /v1/views/{id}`: the fields to change (filters are replaced whole). */
export const UpdateView = z
  .object({
    name: z.optional(ViewName()),
    filters: z.optional(ViewFilterBody),
    shared: z.optional(z.boolean()),
  })
  .check(z.refine((body) => Object.keys(body).length > 0, 'Expected at least one of name, filters, shared'));
export type UpdateView = z.input<typeof UpdateView>;
