/**
 * `@session-lens/sdk/tools`: the session tools for agents (K7) — `session_start`, `session_get`,
 * `session_list`, `session_list_executions`, `session_submit` — with their zod input schemas and
 * JSON Schema definitions. A subpath of its own because the schemas use classic zod, whose
 * locales no bundler may drop: the root entry, which the elements import, never reaches it (K11).
 *
 * @packageDocumentation
 */
export {
  createSessionTools,
  sessionToolDefinitions,
  runSessionTool,
  SESSION_TOOL_INPUTS,
  SessionStartInput,
  SessionGetInput,
  SessionListInput,
  SessionListExecutionsInput,
  SessionSubmitInput,
  type SessionTools,
  type SessionToolName,
  type SessionToolSummary,
  type ExecutionToolSummary,
  type ToolDefinition,
} from './session-tools.js';
