import { z } from 'zod';
import { Timestamp } from './session.js';

/** One remote command run during an assessment (S7). */
export const Execution = z
  .object({
    id: z.string().min(1),
    command: z.string(),
    capability: z.string(),
    output: z.string(),
    /** Null while the command is still running. */
    exitCode: z.int().nullable(),
    startedAt: Timestamp,
    durationMs: z.int().min(0),
  })
  .meta({ id: 'Execution' });
export type Execution = z.infer<typeof Execution>;

/** An execution as an agent runtime reports it (A4); the server assigns the id. */
export const ExecutionInput = Execution.omit({ id: true }).meta({ id: 'ExecutionInput' });
export type ExecutionInput = z.infer<typeof ExecutionInput>;

/** How serious a finding is. */
export const Severity = z.enum(['info', 'low', 'medium', 'high', 'critical']);
export type Severity = z.infer<typeof Severity>;

/** A finding an assessment produced (S7). */
export const Insight = z
  .object({
    id: z.string().min(1),
    title: z.string(),
    severity: Severity,
    state: z.enum(['open', 'resolved']),
    detail: z.string(),
  })
  .meta({ id: 'Insight' });
export type Insight = z.infer<typeof Insight>;

/** An insight as an agent runtime reports it (A4); the server assigns the id. */
export const InsightInput = Insight.omit({ id: true }).meta({ id: 'InsightInput' });
export type InsightInput = z.infer<typeof InsightInput>;
