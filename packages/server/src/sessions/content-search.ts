import { contentWords } from '@session-lens/sdk';
import type { Queryable } from '../db/index.js';

/**
 * The SQL of the `content` filter (A12; its semantics are the SDK's `contract/content-search.ts`).
 * The searched text is `transcript_entries.search`, a generated column (migration 005): the
 * entry's message text, tool name and arguments, or file path, lower-cased, with redaction
 * markers removed. Each word is one trigram-indexed `like` over it, lower-cased by the same
 * `lower()`, so the two sides agree whatever the database's locale.
 */

/** A `like` pattern that finds `word` literally anywhere: `\`, `%` and `_` escaped. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** SQL: some transcript entry of the session whose id is `idSql` contains the word. */
function containsSql(word: string, param: (value: unknown) => string, idSql: string): string {
  return `exists (select 1 from transcript_entries t where t.session_id = ${idSql} and t.search like lower(${param(containsPattern(word))}))`;
}

/**
 * One SQL condition per word of `content`: some transcript entry of the session whose id is
 * `idSql` contains the word. `param` adds a parameter and returns its placeholder.
 */
export function contentConditions(
  content: string | undefined,
  param: (value: unknown) => string,
  idSql: string,
): string[] {
  return contentWords(content).map((word) => containsSql(word, param, idSql));
}

/**
 * The most entries a word may match for the list to start from its sessions (read through the
 * trigram index) rather than walk sessions in order and look into each one's transcript.
 */
export const CANDIDATE_ENTRIES = 5000;

/**
 * Above this many entries in the planner's estimate (its statistics of `search`), a word is taken
 * as common without reading the index: the read would stop at {@link CANDIDATE_ENTRIES} anyway.
 * The estimate only chooses the plan; either plan gives the same sessions.
 */
const SURELY_COMMON_ENTRIES = 4 * CANDIDATE_ENTRIES;

/**
 * How a list finds the sessions of a `content` search, planned per request because the right
 * plan depends on how common each word is, which a generic plan cannot know: `ids` are the only
 * sessions that can match, and `words` the ones left to check per session as the walk in order
 * reaches it (only when every word is so common that a match comes soon). Once one word is rare
 * enough that its sessions were read, every other word is checked inside those sessions alone,
 * through the transcript's primary key: `ids` is then exactly the sessions that match.
 */
export type ContentPlan = { ids?: string[] | undefined; words: string[] };

/** The thresholds of {@link planContent}; tests lower them to take every path on little data. */
export type ContentPlanLimits = { candidateEntries: number; surelyCommonEntries: number };

const LIMITS: ContentPlanLimits = {
  candidateEntries: CANDIDATE_ENTRIES,
  surelyCommonEntries: SURELY_COMMON_ENTRIES,
};

export async function planContent(
  db: Queryable,
  content: string | undefined,
  limits: ContentPlanLimits = LIMITS,
): Promise<ContentPlan | undefined> {
  const words = contentWords(content);
  if (words.length === 0) return undefined;
  let ids: string[] | undefined;
  const common: string[] = [];
  for (const word of words) {
    if (ids) ids = await narrow(db, ids, word);
    else {
      const found = await candidateSessions(db, word, limits);
      if (found === undefined) common.push(word);
      else ids = found;
    }
    if (ids?.length === 0) return { ids, words: [] };
  }
  if (ids === undefined) return { words: common };
  for (const word of common) if (ids.length > 0) ids = await narrow(db, ids, word);
  return { ids, words: [] };
}

/** The sessions with an entry containing `word`, or `undefined` when too many entries do. */
async function candidateSessions(
  db: Queryable,
  word: string,
  { candidateEntries, surelyCommonEntries }: ContentPlanLimits,
): Promise<string[] | undefined> {
  const pattern = containsPattern(word);
  const [plan] = await db.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    'explain (format json) select 1 from transcript_entries where search like lower($1)',
    [pattern],
    { oneShot: true },
  );
  if ((plan?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0) > surelyCommonEntries) return undefined;
  const rows = await db.query<{ session_id: string }>(
    'select session_id from transcript_entries where search like lower($1) limit $2',
    [pattern, candidateEntries + 1],
    { oneShot: true },
  );
  if (rows.length > candidateEntries) return undefined;
  return [...new Set(rows.map((row) => row.session_id))];
}

/** Those of `ids` whose transcript contains `word`. */
async function narrow(db: Queryable, ids: string[], word: string): Promise<string[]> {
  const rows = await db.query<{ session_id: string }>(
    `select distinct session_id from transcript_entries
     where session_id = any($1::text[]) and search like lower($2)`,
    [ids, containsPattern(word)],
    { oneShot: true },
  );
  return rows.map((row) => row.session_id);
}

/** The SQL conditions of a planned `content` search on the `sessions` row being read. */
export function plannedContentSql(plan: ContentPlan, param: (value: unknown) => string): string[] {
  const conditions = plan.words.map((word) => containsSql(word, param, 'sessions.id'));
  if (plan.ids) conditions.unshift(`sessions.id = any(${param(plan.ids)}::text[])`);
  return conditions;
}

/** Sessions remembered per subscriber as matching (a bound on its memory). */
const MAX_KNOWN = 10_000;

/**
 * Whether sessions match one stream subscriber's `content` filter, asked of the database as
 * events arrive (a session document holds no transcript). A transcript only grows, so a session
 * that matched keeps matching: matches are remembered, misses are asked again at the next event.
 */
export class ContentMatcher {
  readonly #db: Queryable;
  readonly #content: string;
  readonly #known = new Set<string>();

  constructor(db: Queryable, content: string) {
    this.#db = db;
    this.#content = content;
  }

  async matches(sessionId: string): Promise<boolean> {
    if (this.#known.has(sessionId)) return true;
    const params: unknown[] = [sessionId];
    const add = (value: unknown) => `$${params.push(value)}`;
    const conditions = contentConditions(this.#content, add, '$1');
    const [row] = await this.#db.query<{ hit: boolean }>(
      `select (${conditions.join(' and ')}) as hit`,
      params,
    );
    if (!row?.hit) return false;
    if (this.#known.size >= MAX_KNOWN) this.#known.clear();
    this.#known.add(sessionId);
    return true;
  }
}
