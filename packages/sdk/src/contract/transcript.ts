import * as z from 'zod/mini';
import { SessionStatus } from './status.js';
import { Timestamp } from './session.js';

/** How deep a tool call's `arguments` or `result` may nest: objects and arrays, 64 levels (A19). */
export const MAX_JSON_VALUE_DEPTH = 64;

/** Whether a JSON value nests at most `limit` levels (a scalar is 0); iterative, stops early. */
export function withinJsonDepth(value: unknown, limit: number = MAX_JSON_VALUE_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > limit) return false;
    for (const item of Array.isArray(current) ? current : Object.values(current)) {
      stack.push([item, depth + 1]);
    }
  }
  return true;
}

/** A JSON value, as tool-call arguments and results carry: nested at most 64 levels deep. */
export const JsonValue: z.ZodMiniType<unknown> = z
  .unknown()
  .check(z.refine((value) => withinJsonDepth(value), `Nested deeper than ${MAX_JSON_VALUE_DEPTH} levels`));

const NonEmpty = () => z.string().check(z.minLength(1));

const MessageBody = {
  type: z.literal('message'),
  role: z.enum(['user', 'assistant', 'system']),
  text: z.string(),
};
const ToolCallBody = {
  type: z.literal('tool_call'),
  name: NonEmpty(),
  arguments: JsonValue,
  result: z.optional(JsonValue),
  status: z.enum(['running', 'succeeded', 'failed']),
};
const FileEditBody = {
  type: z.literal('file_edit'),
  path: NonEmpty(),
  /** Null when the edit created the file. */
  before: z.nullable(z.string()),
  /** Null when the edit deleted the file. */
  after: z.nullable(z.string()),
};
const StepBody = {
  type: z.literal('step'),
  name: NonEmpty(),
  status: SessionStatus,
};

const Stored = { seq: z.int().check(z.minimum(1)), at: Timestamp };

/** One stored transcript entry (S6), redacted before it was stored (X4). */
export const TranscriptEntry = z.discriminatedUnion('type', [
  z.object({ ...MessageBody, ...Stored }),
  z.object({ ...ToolCallBody, ...Stored }),
  z.object({ ...FileEditBody, ...Stored }),
  z.object({ ...StepBody, ...Stored }),
]);
export type TranscriptEntry = z.infer<typeof TranscriptEntry>;

/** A transcript entry as an agent runtime sends it (A4): the server assigns `seq`, `at` defaults to now. */
export const TranscriptEntryInput = z.discriminatedUnion('type', [
  z.object({ ...MessageBody, at: z.optional(Timestamp) }),
  z.object({ ...ToolCallBody, at: z.optional(Timestamp) }),
  z.object({ ...FileEditBody, at: z.optional(Timestamp) }),
  z.object({ ...StepBody, at: z.optional(Timestamp) }),
]);
export type TranscriptEntryInput = z.infer<typeof TranscriptEntryInput>;
