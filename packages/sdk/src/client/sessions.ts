import type { CostDetail } from '../contract/cost.js';
import type { BulkResult } from '../contract/bulk-result.js';
import type {
  ActivityBatch,
  BulkRequest,
  ExportFormat,
  ListSessionsQuery,
  ReviewSession,
  SessionFilters,
  StartSession,
  SubmitSession,
  TranscriptQuery,
} from '../contract/requests.js';
import { endpoints } from '../contract/endpoints.js';
import type { ExecutionList, InsightList } from '../contract/responses.js';
import type { Session, Visibility } from '../contract/session.js';
import type { TranscriptEntry } from '../contract/transcript.js';
import { FOLLOW_EVENTS, STREAM_EVENTS, type FollowEvent } from '../contract/events.js';
import { fillPath } from '../internal/path.js';
import { SessionStream, type WatchOptions } from '../stream/session-stream.js';
import type { RequestOptions, SessionLensClient } from './client.js';
import { PagePromise } from './page-promise.js';
import { exportSessions, type ExportOptions, type ExportRow } from './session-export.js';

/** Filters, `limit` and `cursor` of {@link Sessions.list}. */
export type SessionListParams = ListSessionsQuery;

/**
 * Sessions. Every method is a thin call into the client's request loop; responses
 * are validated against the contract before they are returned.
 */
export class Sessions {
  readonly #client: SessionLensClient;

  /** @internal Created by the client. */
  constructor(client: SessionLensClient) {
    this.#client = client;
  }

  /**
   * Lists sessions the caller may see, in S9 order. Await it for one page, or `for await` over
   * it for every session of every page.
   */
  list(params: SessionListParams = {}, options?: RequestOptions): PagePromise<Session> {
    return new PagePromise((cursor) =>
      this.#client.request(
        endpoints.listSessions,
        { query: { ...params, ...(cursor !== undefined ? { cursor } : {}) } },
        options,
      ),
    );
  }

  /** Gets one session. A session the caller may not see is a `NotFoundError`. */
  get(id: string, options?: RequestOptions): Promise<Session> {
    return this.#client.request(endpoints.getSession, { params: { id } }, options);
  }

  /** Pages through a session's transcript, oldest first; async-iterable like {@link list}. */
  transcript(
    id: string,
    params: TranscriptQuery = {},
    options?: RequestOptions,
  ): PagePromise<TranscriptEntry> {
    return new PagePromise((cursor) =>
      this.#client.request(
        endpoints.getTranscript,
        { params: { id }, query: { ...params, ...(cursor !== undefined ? { cursor } : {}) } },
        options,
      ),
    );
  }

  /** An assessment's executions, oldest first. */
  executions(id: string, options?: RequestOptions): Promise<ExecutionList> {
    return this.#client.request(endpoints.listExecutions, { params: { id } }, options);
  }

  /** An assessment's insights. */
  insights(id: string, options?: RequestOptions): Promise<InsightList> {
    return this.#client.request(endpoints.listInsights, { params: { id } }, options);
  }

  /** A session's cost detail. `PermissionDeniedError` without spend visibility. */
  cost(id: string, options?: RequestOptions): Promise<CostDetail> {
    return this.#client.request(endpoints.getCost, { params: { id } }, options);
  }

  /**
   * Starts a session. A second running assessment for one agent is a `ConflictError` whose
   * `problem.runningSessionId` names the running one.
   */
  start(body: StartSession, options?: RequestOptions): Promise<Session> {
    return this.#client.request(endpoints.startSession, { body }, options);
  }

  /** Ingests a batch of activity, applied atomically and at most once per idempotency key. */
  ingest(id: string, batch: ActivityBatch, options?: RequestOptions): Promise<Session> {
    return this.#client.request(endpoints.ingestActivity, { params: { id }, body: batch }, options);
  }

  /** Cancels a flow or task (needs `sessions:cancel-any`). */
  cancel(id: string, options?: RequestOptions): Promise<Session> {
    return this.#client.request(endpoints.cancelSession, { params: { id } }, options);
  }

  /** Ends a chat (needs `conversations:manage`). */
  end(id: string, options?: RequestOptions): Promise<Session> {
    return this.#client.request(endpoints.endSession, { params: { id } }, options);
  }

  /**
   * Cancels or ends many sessions (A15): by `ids` (at most 1,000), or by `filters` (the first
   * 1,000 matches; pass `nextCursor` back as `cursor` for the next ones). Each session is
   * authorized as its single action is, and the result says of each whether it was `done`,
   * `refused` (with the problem its single action would have answered) or `unknown`.
   */
  bulk(body: BulkRequest, options?: RequestOptions): Promise<BulkResult> {
    return this.#client.request(endpoints.bulkSessions, { body }, options);
  }

  /**
   * Exports every session matching `filters` (A14), in S9 order, as an async iterable read as
   * the server streams it: Session documents with `format: 'jsonl'` (the default), or with
   * `format: 'csv'` the text of each CSV record, header first (joined, they are the file).
   * `break` or `signal` closes the request.
   *
   * ```ts
   * for await (const session of client.sessions.export({ kind: ['assessment'] })) {
   *   console.log(session.id, session.status);
   * }
   * const csv = [];
   * for await (const record of client.sessions.export({}, { format: 'csv' })) csv.push(record);
   * const file = new Blob(csv, { type: 'text/csv' });
   * ```
   */
  export<F extends ExportFormat = 'jsonl'>(
    filters: SessionFilters = {},
    { format = 'jsonl' as F, signal }: ExportOptions<F> = {},
  ): AsyncGenerator<ExportRow<F>> {
    return exportSessions(this.#client, filters, format, signal) as AsyncGenerator<ExportRow<F>>;
  }

  /** Submits a running session for review with a summary: running → `pending_review`. */
  submit(id: string, body: SubmitSession, options?: RequestOptions): Promise<Session> {
    return this.#client.request(endpoints.submitSession, { params: { id }, body }, options);
  }

  /** Reviews a session pending review: → `completed` or `rejected`. A person's token only. */
  review(id: string, body: ReviewSession, options?: RequestOptions): Promise<Session> {
    return this.#client.request(endpoints.reviewSession, { params: { id }, body }, options);
  }

  /** Replaces a session's visibility list (needs `sessions:admin`). */
  setVisibility(id: string, visibility: Visibility, options?: RequestOptions): Promise<Session> {
    return this.#client.request(endpoints.setVisibility, { params: { id }, body: visibility }, options);
  }

  /**
   * Watches sessions live: an async iterable of typed stream events that reconnects,
   * resumes and detects stalls on its own. Iterate it once; abort its signal or `break` to stop.
   */
  watch(filters: SessionFilters = {}, options: WatchOptions = {}): SessionStream {
    return new SessionStream(
      this.#client,
      { path: endpoints.stream.path, query: filters, events: STREAM_EVENTS },
      options,
    );
  }

  /**
   * Follows one session live (A16): an async iterable of its new transcript entries (`entry`)
   * and its changes (`session`), with the reconnects, resumption and stall detection of
   * {@link watch}. Every event id is a transcript position: pass the `seq` of the last entry you
   * hold as `lastEventId` to get every later one first; without it the stream starts at the
   * transcript's current end, with the session as it is. `session.removed` (the session left the
   * caller's view) is the last event. A session the caller may not see throws `NotFoundError`.
   */
  follow(id: string, options: WatchOptions = {}): SessionStream<FollowEvent> {
    const path = fillPath(endpoints.followSession.path, { id });
    return new SessionStream(
      this.#client,
      { path, query: {}, events: FOLLOW_EVENTS, final: 'session.removed' },
      options,
    );
  }
}
