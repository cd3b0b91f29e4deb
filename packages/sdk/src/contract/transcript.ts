import { z } from 'zod';
import { SessionStatus } from './status.js';
import { Timestamp } from './session.js';

/** A JSON value, as tool-call arguments and results carry. */
export const JsonValue: z.ZodType<unknown> = z.unknown().meta({ id: 'JsonValue' });

const MessageBody = {
  type: z.literal('message'),
  role: z.enum(['user', 'assistant', 'system']),
  text: z.string(),
};
const ToolCallBody = {
  type: z.literal('tool_call'),
  name: z.string().min(1),
  arguments: JsonValue,
  result: JsonValue.optional(),
  status: z.enum(['running', 'succeeded', 'failed']),
};
const FileEditBody = {
  type: z.literal('file_edit'),
  path: z.string().min(1),
  /** Null when the edit created the file. */
  before: z.string().nullable(),
  /** Null when the edit deleted the file. */
  after: z.string().nullable(),
};
const StepBody = {
  type: z.literal('step'),
  name: z.string().min(1),
  status: SessionStatus,
};

const Stored = { seq: z.int().min(1), at: Timestamp };

/** One stored transcript entry (S6), redacted before it was stored (X4). */
export const TranscriptEntry = z
  .discriminatedUnion('type', [
    z.object({ ...MessageBody, ...Stored }),
    z.object({ ...ToolCallBody, ...Stored }),
    z.object({ ...FileEditBody, ...Stored }),
    z.object({ ...StepBody, ...Stored }),
  ])
  .meta({ id: 'TranscriptEntry' });
export type TranscriptEntry = z.infer<typeof TranscriptEntry>;

/** A transcript entry as an agent runtime sends it (A4): the server assigns `seq`, `at` defaults to now. */
export const TranscriptEntryInput = z
  .discriminatedUnion('type', [
    z.object({ ...MessageBody, at: Timestamp.optional() }),
    z.object({ ...ToolCallBody, at: Timestamp.optional() }),
    z.object({ ...FileEditBody, at: Timestamp.optional() }),
    z.object({ ...StepBody, at: Timestamp.optional() }),
  ])
  .meta({ id: 'TranscriptEntryInput' });
export type TranscriptEntryInput = z.infer<typeof TranscriptEntryInput>;
