import { resolveTimeRange, searchWords, type Session, type SessionFilters } from '@session-lens/sdk';
import type { Database } from '../db/index.js';
import { MustRunAlone, type GroupedQueryable } from '../db/group-commit.js';
import { SESSION_LOCK_CLASS } from '../db/session-locks.js';
import { presentedDocSql, sessionColumnValues, type Viewer } from './model.js';
import { decodeCursor, encodeCursor, queryKey, type Cursor } from './cursor.js';
import { planContent, plannedContentSql, type ContentPlan } from './content-search.js';

/** A session row loaded for a change, with the bookkeeping that is not part of the document. */
export type StoredSession = {
  session: Session;
  transcriptSeq: number;
};

/** One row of the event log. */
export type EventRow = { seq: number; doc: Session; prev: Session | null };

/** A transaction that also collects the events it appended, for delivery after commit. */
export type WriteTransaction = GroupedQueryable & { events?: EventRow[] };

/** A page of sessions. */
export type SessionPageResult = { data: Session[]; nextCursor: string | null };

type SqlParts = { where: string[]; params: unknown[] };

function param(parts: SqlParts, value: unknown): string {
  parts.params.push(value);
  return `$${parts.params.length}`;
}

/**
 * SQL conditions for the filters and the viewer's visibility; mirrors `matchesFilters`. `now`
 * is the instant a `since` duration counts back from (the one the list's cursor froze).
 */
function filterSql(
  parts: SqlParts,
  filters: SessionFilters,
  viewer: Viewer,
  now: number,
  content?: ContentPlan,
): void {
  for (const [column, values] of [
    ['kind', filters.kind],
    ['owner_id', filters.owner],
    ['status', filters.status],
  ] as const) {
    if (!values?.length) continue;
    // One value compares with `=`, so the (column, updated_at, id) index is walked in order;
    // `= any(array)` would make the planner fetch every match and sort.
    if (values.length === 1) parts.where.push(`${column} = ${param(parts, values[0])}`);
    else parts.where.push(`${column} = any(${param(parts, [...values])}::text[])`);
  }
  for (const scope of [filters.scope, viewer.lock]) {
    if (!scope) continue;
    const colon = scope.indexOf(':');
    const column = { initiative: 'initiative_id', plan: 'plan_id', agent: 'agent_id' }[scope.slice(0, colon)];
    if (column) parts.where.push(`${column} = ${param(parts, scope.slice(colon + 1))}`);
  }
  if (filters.agent !== undefined) parts.where.push(`agent_id = ${param(parts, filters.agent)}`);
  if (filters.hostname !== undefined) parts.where.push(`hostname = ${param(parts, filters.hostname)}`);
  if (filters.playbook !== undefined) parts.where.push(`playbook = ${param(parts, filters.playbook)}`);
  // The facets read the document; migration 007 indexes each expression in the list's order.
  for (const field of ['model', 'runtime', 'origin'] as const) {
    const values = filters[field];
    if (!values?.length) continue;
    const path = `(doc->'metadata'->>'${field}')`;
    if (values.length === 1) parts.where.push(`${path} = ${param(parts, values[0])}`);
    else parts.where.push(`${path} = any(${param(parts, [...values])}::text[])`);
  }
  // strpos rather than LIKE: the words are matched literally, so `%` or `_` in a query mean
  // themselves and need no escaping.
  for (const word of searchWords(filters.q)) parts.where.push(`strpos(search, ${param(parts, word)}) > 0`);
  if (filters.content !== undefined && !content)
    throw new Error('A content search needs its plan (planContent)');
  if (content) parts.where.push(...plannedContentSql(content, (value) => param(parts, value)));
  // Resolved in JavaScript, so the list, the stream and the live store share one parser.
  const range = resolveTimeRange(filters, now);
  if (range.since !== undefined) {
    parts.where.push(`updated_at >= ${param(parts, new Date(range.since).toISOString())}::timestamptz`);
  }
  if (range.until !== undefined) {
    parts.where.push(`updated_at < ${param(parts, new Date(range.until).toISOString())}::timestamptz`);
  }
  if (!viewer.admin) {
    const me = param(parts, viewer.memberId);
    parts.where.push(
      `(vis_workspace or owner_id = ${me} or ${me} = any(vis_members) or vis_groups && ${param(parts, [...viewer.groups])}::text[])`,
    );
  }
}

/** Reads and writes sessions and the event log. Every change goes through {@link SessionStore.mutate}. */
export class SessionStore {
  readonly db: Database;
  readonly #onCommit: (events: EventRow[]) => void;

  /** `onCommit` runs after each committed change with the events it appended. */
  constructor(db: Database, onCommit: (events: EventRow[]) => void) {
    this.db = db;
    this.#onCommit = onCommit;
  }

  /**
   * One page of sessions in S9 order. Activeness depends on the clock, so the first page freezes
   * `now` into the cursor and every later page evaluates activeness against that same instant:
   * the active phase is walked first, then the inactive one, each by (updated_at, id) descending
   * with an index seek to the cursor's position.
   */
  async list(
    viewer: Viewer,
    filters: SessionFilters,
    limit: number,
    cursorText?: string,
  ): Promise<SessionPageResult> {
    const page = await this.listJson(viewer, filters, limit, cursorText);
    return { data: page.json.map((text) => JSON.parse(text) as Session), nextCursor: page.nextCursor };
  }

  /**
   * {@link SessionStore.list} as the JSON text of each session, already shaped for the viewer
   * (cost removed in SQL without spend visibility), so a response can be written without parsing
   * and re-serializing every document.
   */
  async listJson(
    viewer: Viewer,
    filters: SessionFilters,
    limit: number,
    cursorText?: string,
  ): Promise<{ json: string[]; nextCursor: string | null }> {
    const key = queryKey([filters, viewer.memberId, viewer.admin, viewer.lock ?? null]);
    const cursor: Cursor = cursorText
      ? decodeCursor(cursorText, key)
      : { now: Date.now(), phase: 0, query: key };
    const phases: (0 | 1)[] = filters.active === true ? [0] : filters.active === false ? [1] : [0, 1];
    const json: string[] = [];
    const content = await planContent(this.db, filters.content);
    // No session holds every word: nothing to read.
    if (content?.ids?.length === 0) return { json, nextCursor: null };
    for (const phase of phases) {
      if (phase < cursor.phase) continue;
      const need = limit - json.length;
      const position = phase === cursor.phase ? cursor : undefined;
      const rows = await this.#phaseRows(viewer, filters, content, cursor.now, phase, position, need + 1);
      json.push(...rows.slice(0, need).map((row) => row.json));
      if (rows.length > need) {
        const last = need > 0 ? rows[need - 1] : undefined;
        const from =
          last ?? (position?.updatedAt ? { updatedAt: position.updatedAt, id: position.id } : undefined);
        const next: Cursor = { now: cursor.now, phase, query: key, updatedAt: from?.updatedAt, id: from?.id };
        return { json, nextCursor: encodeCursor(next) };
      }
    }
    return { json, nextCursor: null };
  }

  async #phaseRows(
    viewer: Viewer,
    filters: SessionFilters,
    content: ContentPlan | undefined,
    now: number,
    phase: 0 | 1,
    position: { updatedAt?: string | undefined; id?: string | undefined } | undefined,
    take: number,
  ): Promise<{ id: string; updatedAt: string; json: string }[]> {
    const parts: SqlParts = { where: [], params: [] };
    const at = param(parts, new Date(now).toISOString());
    filterSql(parts, filters, viewer, now, content);
    if (position?.updatedAt && position.id) {
      parts.where.push(
        `(updated_at, id) < (${param(parts, position.updatedAt)}::timestamptz, ${param(parts, position.id)})`,
      );
    }
    const limit = param(parts, take);
    const common = parts.where.length > 0 ? ` and ${parts.where.join(' and ')}` : '';
    const output = `id, doc->>'updatedAt' as "updatedAt", ${presentedDocSql(viewer.spend)}::text as json`;
    // The active phase is two small sets, each walked in keyset order by its own partial index
    // and cut at the page size: sessions active by status, and chats whose window has not lapsed.
    // Only positions are read there; `doc` is read for the page's rows alone, at the end.
    const sql =
      phase === 0
        ? `select ${output} from sessions join (
             select updated_at, id from (
               (select updated_at, id from sessions where active_static${common}
                 order by updated_at desc, id desc limit ${limit})
               union all
               (select updated_at, id from sessions
                 where active_until is not null and not active_static and active_until > ${at}::timestamptz${common}
                 order by updated_at desc, id desc limit ${limit})
             ) active order by updated_at desc, id desc limit ${limit}
           ) page using (id) order by page.updated_at desc, page.id desc`
        : `select ${output} from sessions
           where not active_static and (active_until is null or active_until <= ${at}::timestamptz)${common}
           order by updated_at desc, id desc limit ${limit}`;
    // With `content`, the plan depends on the words (see content-search.ts): planned each time.
    return this.db.query<{ id: string; updatedAt: string; json: string }>(sql, parts.params, {
      oneShot: content !== undefined,
    });
  }

  /** One session if the viewer may see it. */
  async get(viewer: Viewer, id: string): Promise<Session | undefined> {
    const parts: SqlParts = { where: [], params: [] };
    parts.where.push(`id = ${param(parts, id)}`);
    filterSql(parts, {}, viewer, Date.now());
    const rows = await this.db.query<{ doc: Session }>(
      `select doc from sessions where ${parts.where.join(' and ')}`,
      parts.params,
    );
    return rows[0]?.doc;
  }

  /**
   * Runs a change in one transaction; after it commits, the stream hub is told (in commit order:
   * where concurrent changes share a transaction, the hook runs for each change in the order
   * they ran). `sessions` names the existing sessions the change will {@link SessionStore.load}
   * (an empty list: none); a change that names them may share a transaction with concurrent ones
   * on PostgreSQL too (undefined: it runs in a transaction of its own there). `fn` may run more than once when a shared transaction has to be retried,
   * so it must keep its effects inside `tx`.
   */
  async mutate<T>(
    sessions: readonly string[] | undefined,
    fn: (tx: WriteTransaction) => Promise<T>,
  ): Promise<T> {
    let events: EventRow[] = [];
    return this.db.transaction(
      (tx) => {
        events = [];
        const { lockedSessions } = tx;
        return fn({ query: (sql, params) => tx.query(sql, params), events, lockedSessions });
      },
      () => this.#onCommit(events),
      sessions,
    );
  }

  /**
   * Loads a session inside a transaction, locking it until the transaction ends. Every change of
   * an existing session starts here, before it writes anything. The lock is taken twice in one
   * statement: first a transaction-scoped advisory lock keyed by this session's id (keyed per
   * session, so writers of other sessions never wait on it; it assigns no transaction id), then
   * the row itself (`for update`, which assigns the transaction id). So a change gets its id
   * only once the previous change of the same session has ended, and ids — hence event
   * positions, see stream/hub.ts — follow each session's versions. The row lock alone would not
   * do: a waiter may already hold an id when a newcomer takes the freed row first.
   *
   * In a shared transaction (PostgreSQL group commit) the id may have been assigned by an
   * earlier change of the group, so the lock must have been taken before that: the group takes
   * the locks of every session its changes named first (db/session-locks.ts), and a change that
   * loads a session it did not name is sent to run alone ({@link MustRunAlone}).
   *
   * On PGlite neither lock is taken: one process owns the database and runs one transaction at a
   * time (db/index.ts), so nothing can change the row between this read and the commit, and ids
   * follow commits anyway. The locks would only cost: the row lock is a write of its own.
   */
  async load(tx: GroupedQueryable, id: string): Promise<StoredSession | undefined> {
    if (tx.lockedSessions && !tx.lockedSessions.has(id)) throw new MustRunAlone(id);
    // The join yields the row only after the CTE ran, and FOR UPDATE locks joined rows only.
    const rows = await tx.query<{ doc: Session; transcript_seq: number }>(
      this.db.kind === 'pglite'
        ? 'select doc, transcript_seq from sessions where id = $1'
        : `with serialized as materialized (select pg_advisory_xact_lock(${SESSION_LOCK_CLASS}, hashtext($1)))
       select doc, transcript_seq from sessions, serialized where id = $1 for update of sessions`,
      [id],
    );
    const row = rows[0];
    return row ? { session: row.doc, transcriptSeq: row.transcript_seq } : undefined;
  }

  /**
   * Writes a session (insert when `previous` is absent) and appends its event to the log in the
   * same statement. No lock shared by other sessions is taken: the event's position comes from
   * this transaction's own id (see {@link eventPositionSql} and the proof in stream/hub.ts), and
   * no notification is sent (PostgreSQL serializes all committing notifiers behind one lock); tailers
   * poll instead.
   */
  async write(tx: WriteTransaction, session: Session, previous: Session | undefined): Promise<void> {
    const values = [...sessionColumnValues(session), JSON.stringify(session)];
    const change = previous
      ? `update sessions set kind = $2, status = $3, owner_id = $4, agent_id = $5, hostname = $6, playbook = $7,
           initiative_id = $8, plan_id = $9, created_at = $10, updated_at = $11, active_static = $12,
           active_until = $13, vis_workspace = $14, vis_members = $15::text[], vis_groups = $16::text[],
           search = $17, version = $18, doc = $19::text::jsonb
         where id = $1 returning id`
      : `insert into sessions (id, kind, status, owner_id, agent_id, hostname, playbook, initiative_id, plan_id,
           created_at, updated_at, active_static, active_until, vis_workspace, vis_members, vis_groups, search,
           version, doc)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::text[], $16::text[], $17, $18,
           $19::text::jsonb)
         returning id`;
    const [event] = await tx.query<{ seq: number }>(
      `with changed as (${change})
       insert into events (seq, session_id, doc, prev)
         select ${eventPositionSql}, id, $19::text::jsonb, $20::text::jsonb from changed
       returning seq::float8 as seq`,
      [...values, previous ? JSON.stringify(previous) : null],
    );
    if (!event) throw new Error(`Session ${session.id} vanished during its change`);
    if (event.seq % EVENT_SLOTS === EVENT_SLOTS - 1) {
      // The last slot is never used, so a transaction cannot spill into the next one's range.
      throw new Error(`One transaction may append at most ${EVENT_SLOTS - 1} events`);
    }
    tx.events?.push({ seq: event.seq, doc: session, prev: previous ?? null });
  }
}

/** Event positions per transaction id: seq = xid * EVENT_SLOTS + ordinal (see stream/hub.ts). */
export const EVENT_SLOTS = 1024;

/** SQL for the current transaction's first event position, `xid * EVENT_SLOTS`. */
export const transactionBaseSql = `(pg_current_xact_id()::text::bigint * ${EVENT_SLOTS})`;

/**
 * SQL for the position of the next event this transaction appends: its base, or one past the
 * last event it already appended (rows in its range can only be its own, and a rolled-back
 * savepoint frees its slots again).
 */
const eventPositionSql = `coalesce(
  (select max(e.seq) + 1 from events e where e.seq >= ${transactionBaseSql} and e.seq < ${transactionBaseSql} + ${EVENT_SLOTS}),
  ${transactionBaseSql})`;
