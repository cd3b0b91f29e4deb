import * as z from 'zod/mini';
import { Timestamp } from './session.js';

/** One remote command run during an assessment. */
export const Execution = z.object({
  id: z.string().check(z.minLength(1)),
  command: z.string(),
  capability: z.string(),
  output: z.string(),
  /** Null while the command is still running. */
  exitCode: z.nullable(z.int()),
  startedAt: Timestamp,
  durationMs: z.int().check(z.minimum(0)),
});
export type Execution = z.infer<typeof Execution>;

/** How serious a finding is. */
export const Severity = z.enum(['info', 'low', 'medium', 'high', 'critical']);
export type Severity = z.infer<typeof Severity>;

/** A finding an assessment produced. */
export const Insight = z.object({
  id: z.string().check(z.minLength(1)),
  title: z.string(),
  severity: Severity,
  state: z.enum(['open', 'resolved']),
  detail: z.string(),
});
export type Insight = z.infer<typeof Insight>;
