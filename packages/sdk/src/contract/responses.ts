/**
 * What responses carry besides the resources themselves: pages, lists and the small service
 * answers. The client validates every response against these.
 */
import * as z from 'zod/mini';
import { Execution, Insight } from './assessment.js';
import { Session, Timestamp } from './session.js';
import { TranscriptEntry } from './transcript.js';

/** A page of a keyset-paginated list. `nextCursor` is null on the last page. */
export function Page<T extends z.ZodMiniType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.nullable(z.string()) });
}
/** A page of a keyset-paginated list. */
export type Page<T> = { data: T[]; nextCursor: string | null };

export const SessionPage = Page(Session);
export const TranscriptPage = Page(TranscriptEntry);
export const ExecutionList = z.object({ data: z.array(Execution) });
export const InsightList = z.object({ data: z.array(Insight) });
export type SessionPage = z.infer<typeof SessionPage>;
export type TranscriptPage = z.infer<typeof TranscriptPage>;
export type ExecutionList = z.infer<typeof ExecutionList>;
export type InsightList = z.infer<typeof InsightList>;

/** Response of `POST /v1/embed-tokens`. */
export const EmbedToken = z.object({ token: z.string(), expiresAt: Timestamp });
export type EmbedToken = z.infer<typeof EmbedToken>;

/** Response of `GET /healthz`. */
export const Health = z.object({ ok: z.boolean(), database: z.string() });
export type Health = z.infer<typeof Health>;

/** Response of `GET /readyz`: the database answers and every migration this build ships is applied. */
export const Readiness = z.object({
  ok: z.boolean(),
  database: z.string(),
  /** The number of migrations applied (all of them, when ready). */
  migrations: z.number(),
});
export type Readiness = z.infer<typeof Readiness>;
