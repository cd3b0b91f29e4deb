import { z } from 'zod';
import type { SessionLensClient } from '../client/client.js';
import type { Execution } from '../contract/assessment.js';
import type { Session } from '../contract/session.js';

const SessionId = z.string().min(1).max(128).describe('The session ID, as session_start returned it.');

/** Parameters of `session_start`. */
export const SessionStartInput = z.object({
  agent_id: z.string().min(1).max(128).describe('The target agent ID.'),
  playbook: z.string().min(1).max(200).describe('The playbook name driving this session.'),
  description: z.string().max(10_000).optional().describe("Optional description of the session's purpose."),
});
export type SessionStartInput = z.infer<typeof SessionStartInput>;

/** Parameters of `session_get`. */
export const SessionGetInput = z.object({ session_id: SessionId });
export type SessionGetInput = z.infer<typeof SessionGetInput>;

/** Parameters of `session_list`. */
export const SessionListInput = z.object({
  agent_id: z.string().min(1).max(128).optional().describe('Filter by agent ID.'),
  hostname: z.string().min(1).max(200).optional().describe('Filter by hostname.'),
  playbook: z.string().min(1).max(200).optional().describe('Filter by playbook name.'),
  status: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('Filter by status: running, pending_review, completed, failed, or interrupted.'),
  limit: z.int().min(1).max(200).default(20).describe('How many sessions to return. Default 20.'),
  offset: z
    .int()
    .min(0)
    .max(10_000)
    .default(0)
    .describe('Pagination offset: how many sessions to skip. Use the next_offset of the previous call.'),
});
export type SessionListInput = z.input<typeof SessionListInput>;

/** Parameters of `session_list_executions`. */
export const SessionListExecutionsInput = z.object({ session_id: SessionId });
export type SessionListExecutionsInput = z.infer<typeof SessionListExecutionsInput>;

/** Parameters of `session_submit`. */
export const SessionSubmitInput = z.object({
  session_id: z.string().min(1).max(128).describe('The session ID to submit.'),
  summary: z.string().trim().min(1).max(20_000).describe('A written recap of what was accomplished.'),
});
export type SessionSubmitInput = z.infer<typeof SessionSubmitInput>;

/** A session as the tools return it: the fields an agent reasons about, in snake_case. */
export type SessionToolSummary = {
  session_id: string;
  status: string;
  title: string;
  description?: string;
  agent_id?: string;
  hostname?: string;
  playbook?: string;
  execution_count: number;
  insight_count: number;
  created_at: string;
  updated_at: string;
  ended_at?: string;
};

/** An execution as `session_list_executions` returns it. */
export type ExecutionToolSummary = {
  command: string;
  capability: string;
  output: string;
  exit_code: number | null;
  started_at: string;
  duration_ms: number;
};

/** The typed session tools, bound to a client. */
export type SessionTools = {
  /** Opens a new assessment session for an agent; returns its `session_id`. */
  session_start(input: SessionStartInput): Promise<SessionToolSummary>;
  /** One session's details, including its execution count and status. */
  session_get(input: SessionGetInput): Promise<SessionToolSummary>;
  /** Assessment sessions, most recent first, with offset pagination. */
  session_list(
    input?: SessionListInput,
  ): Promise<{ sessions: SessionToolSummary[]; next_offset: number | null }>;
  /** Every command executed during a session, oldest first. */
  session_list_executions(
    input: SessionListExecutionsInput,
  ): Promise<{ session_id: string; executions: ExecutionToolSummary[] }>;
  /** Submits a running session for human review with a summary (running → pending_review). */
  session_submit(input: SessionSubmitInput): Promise<SessionToolSummary>;
};

/** The name of a session tool. */
export type SessionToolName = keyof SessionTools;

/** What each tool does, for the model. Written for tool pickers, not for people. */
const DESCRIPTIONS: Record<SessionToolName, string> = {
  session_start:
    'Open a new assessment session for an agent (host). Returns the session_id that every session-scoped ' +
    'tool needs; pass that back and do not pass agent_id to them — the agent is derived from the session. ' +
    'Only one session may be running per agent: if one is left running, submit it first.',
  session_get: 'Get one session by session_id: status, agent, playbook, execution and insight counts.',
  session_list:
    'List assessment sessions, most recent activity first. Use it for "what assessments has this host had", ' +
    '"what is running now" or "which sessions await review". Filter by agent_id, hostname, playbook or status.',
  session_list_executions:
    'List every command executed during a session, in chronological order: command, capability, output, ' +
    'exit code and timing. Pass the session_id only.',
  session_submit:
    'Submit a running session for human review with a written summary of what was accomplished ' +
    '(running → pending_review). Use when the user says submit, finish, hand off or wrap up. Only a human ' +
    'reviewer completes it afterwards. Do not use it to stop a session early without a meaningful summary.',
};

/** The zod schema of each tool's parameters. */
export const SESSION_TOOL_INPUTS = {
  session_start: SessionStartInput,
  session_get: SessionGetInput,
  session_list: SessionListInput,
  session_list_executions: SessionListExecutionsInput,
  session_submit: SessionSubmitInput,
} as const;

/** A tool definition in the shape agent frameworks and MCP expect. */
export type ToolDefinition = {
  name: SessionToolName;
  description: string;
  /** JSON Schema (draft 2020-12) of the parameters, generated from the zod schema. */
  inputSchema: Record<string, unknown>;
};

/**
 * The session tools as JSON-Schema tool definitions (K7), generated from the same zod schemas
 * that validate the calls, so the definition and the check cannot drift apart.
 */
export function sessionToolDefinitions(): ToolDefinition[] {
  return (Object.keys(SESSION_TOOL_INPUTS) as SessionToolName[]).map((name) => ({
    name,
    description: DESCRIPTIONS[name],
    // `io: 'input'` describes what a caller sends: defaulted fields stay optional.
    inputSchema: z.toJSONSchema(SESSION_TOOL_INPUTS[name], { io: 'input' }) as Record<string, unknown>,
  }));
}

/** Page size used when `session_list` walks the keyset pages to honour an offset. */
const WALK_PAGE_SIZE = 200;

/**
 * Binds the session tools to a client. Each function validates its input with the tool's zod
 * schema (so a model's malformed call is a clear error, not a server round trip) and returns a
 * compact, snake_case summary.
 *
 * `session_list` offers the seed's `offset`, but the API is keyset-paginated (no OFFSET, by
 * design): the tool walks pages of 200 from the start, skipping `offset` sessions, so its cost
 * grows with the offset and, because the list is live, a session that moves between two calls
 * can be skipped or repeated. `next_offset` is null once nothing is left.
 */
export function createSessionTools(client: SessionLensClient): SessionTools {
  return {
    async session_start(input) {
      const args = SessionStartInput.parse(input);
      const session = await client.sessions.start({
        kind: 'assessment',
        agentId: args.agent_id,
        playbook: args.playbook,
        ...(args.description !== undefined ? { description: args.description } : {}),
      });
      return summarize(session);
    },
    async session_get(input) {
      const { session_id } = SessionGetInput.parse(input);
      return summarize(await client.sessions.get(session_id));
    },
    async session_list(input = {}) {
      const args = SessionListInput.parse(input);
      const pages = client.sessions
        .list({
          kind: ['assessment'],
          ...(args.agent_id !== undefined ? { agent: args.agent_id } : {}),
          ...(args.hostname !== undefined ? { hostname: args.hostname } : {}),
          ...(args.playbook !== undefined ? { playbook: args.playbook } : {}),
          ...(args.status !== undefined ? { status: [args.status] } : {}),
          limit: Math.min(WALK_PAGE_SIZE, args.offset + args.limit + 1),
        })
        .pages();
      const sessions: SessionToolSummary[] = [];
      let skipped = 0;
      let more = false;
      walk: for await (const page of pages) {
        for (const session of page.data) {
          if (skipped < args.offset) {
            skipped++;
            continue;
          }
          if (sessions.length === args.limit) {
            more = true;
            break walk;
          }
          sessions.push(summarize(session));
        }
      }
      return { sessions, next_offset: more ? args.offset + sessions.length : null };
    },
    async session_list_executions(input) {
      const { session_id } = SessionListExecutionsInput.parse(input);
      const { data } = await client.sessions.executions(session_id);
      return { session_id, executions: data.map(summarizeExecution) };
    },
    async session_submit(input) {
      const { session_id, summary } = SessionSubmitInput.parse(input);
      return summarize(await client.sessions.submit(session_id, { summary }));
    },
  };
}

/**
 * Runs a tool by name with untrusted arguments (what an agent framework or MCP hands over).
 * Throws a `ZodError` for invalid arguments and the client's typed errors for API failures.
 */
export function runSessionTool(tools: SessionTools, name: string, args: unknown): Promise<unknown> {
  if (!Object.hasOwn(SESSION_TOOL_INPUTS, name)) throw new TypeError(`Unknown session tool "${name}"`);
  const tool = tools[name as SessionToolName] as (input: unknown) => Promise<unknown>;
  return tool(args ?? {});
}

function summarize(session: Session): SessionToolSummary {
  return {
    session_id: session.id,
    status: session.status,
    title: session.title,
    ...(session.description !== undefined ? { description: session.description } : {}),
    ...(session.agent ? { agent_id: session.agent.id, hostname: session.agent.hostname } : {}),
    ...(session.playbook !== undefined ? { playbook: session.playbook } : {}),
    execution_count: session.counts?.executions ?? session.progress.executions ?? 0,
    insight_count: session.counts?.insights ?? 0,
    created_at: session.createdAt,
    updated_at: session.updatedAt,
    ...(session.endedAt !== undefined ? { ended_at: session.endedAt } : {}),
  };
}

function summarizeExecution(execution: Execution): ExecutionToolSummary {
  return {
    command: execution.command,
    capability: execution.capability,
    output: execution.output,
    exit_code: execution.exitCode,
    started_at: execution.startedAt,
    duration_ms: execution.durationMs,
  };
}
