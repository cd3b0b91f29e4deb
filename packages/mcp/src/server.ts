import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import { createClient, isAPIError, isSessionLensError, type SessionLensClient } from '@session-lens/sdk';
import { createSessionTools, runSessionTool, sessionToolDefinitions } from '@session-lens/sdk/tools';

/** Options of {@link createSessionLensMcpServer}. */
export type McpServerOptions = {
  /** A client of the Sessions API; the tools act with its token. */
  client: SessionLensClient;
  /** The name the server announces to MCP clients. Default `session-lens`. */
  name?: string;
  /** The version it announces. Default the package version. */
  version?: string;
};

/**
 * Creates an MCP server that exposes the five session tools (K7). It uses the SDK's low-level
 * `Server` rather than `McpServer` on purpose: the tool schemas are the JSON Schemas the SDK
 * generates from its zod schemas, published as they are, and calls are validated by those same
 * zod schemas, so the model sees exactly what is checked. Connect it to a transport to serve.
 */
export function createSessionLensMcpServer(options: McpServerOptions): Server {
  const tools = createSessionTools(options.client);
  const definitions = sessionToolDefinitions();
  const server = new Server(
    { name: options.name ?? 'session-lens', version: options.version ?? '0.0.0' },
    { capabilities: { tools: {} } },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: definitions.map((tool) => ({
      name: tool.name,
      description: tool.description,
      inputSchema: tool.inputSchema as { type: 'object'; [key: string]: unknown },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    try {
      const result = await runSessionTool(tools, request.params.name, request.params.arguments ?? {});
      return {
        content: [{ type: 'text', text: JSON.stringify(result, null, 2) }],
        structuredContent: result as Record<string, unknown>,
      };
    } catch (error) {
      // A tool failure is a result the model can read and act on, not a protocol error.
      return { isError: true, content: [{ type: 'text', text: describeError(error) }] };
    }
  });
  return server;
}

/** Turns any failure into one line an agent can act on. */
function describeError(error: unknown): string {
  if (isAPIError(error)) {
    const problem = error.problem;
    const details = [
      problem?.detail ?? problem?.title,
      problem?.runningSessionId ? `running session: ${problem.runningSessionId}` : undefined,
      problem?.currentStatus ? `current status: ${problem.currentStatus}` : undefined,
      ...(problem?.errors ?? []).map((e) => `${e.path}: ${e.message}`),
    ].filter(Boolean);
    return `Session Lens API error ${error.status}: ${details.join('; ') || error.message}`;
  }
  if (isSessionLensError(error)) return `Session Lens error: ${error.message}`;
  if (error instanceof Error && error.name === 'ZodError' && 'issues' in error) {
    const issues = (error as { issues: { path: PropertyKey[]; message: string }[] }).issues;
    return `Invalid arguments: ${issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ')}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads the configuration from the environment: `SESSION_LENS_URL` (the API base URL) and
 * `SESSION_LENS_TOKEN` (an agent or member token). Throws a readable error when one is missing.
 */
export function clientFromEnv(env: Readonly<Record<string, string | undefined>>): SessionLensClient {
  const baseUrl = env['SESSION_LENS_URL'];
  const token = env['SESSION_LENS_TOKEN'];
  if (!baseUrl || !token) {
    throw new Error(
      'Set SESSION_LENS_URL (the Sessions API base URL) and SESSION_LENS_TOKEN (an API token).',
    );
  }
  return createClient({ baseUrl, token });
}
