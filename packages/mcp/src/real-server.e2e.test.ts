// The MCP server end to end: a real reference server (child process, PGlite in a temp dir), the
// MCP server as a child process over stdio, and the MCP SDK's client driving the session tools.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { createClient } from '@session-lens/sdk';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../sdk/test/real-server.js';

const bin = fileURLToPath(new URL('../dist/bin/session-lens-mcp.js', import.meta.url));
let server: ServerProcess;
let mcp: Client;
let agent: { token: string; agentId: string };

function parse(result: Awaited<ReturnType<Client['callTool']>>): Record<string, unknown> {
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  const [first] = result.content as { type: string; text: string }[];
  return JSON.parse(first?.text ?? 'null') as Record<string, unknown>;
}

beforeAll(async () => {
  server = await startServerProcess({ seedSessions: 100 });
  agent = server.tokens.demo?.agents[2] as { token: string; agentId: string };
  mcp = new Client({ name: 'e2e', version: '0.0.0' });
  await mcp.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [bin],
      env: { SESSION_LENS_URL: server.url, SESSION_LENS_TOKEN: agent.token, PATH: process.env.PATH ?? '' },
    }),
  );
});
afterAll(async () => {
  await mcp?.close();
  await server?.stop();
});

describe('MCP server against the real server', () => {
  it('start → get → list_executions → submit', async () => {
    const running = parse(
      await mcp.callTool({ name: 'session_list', arguments: { agent_id: agent.agentId, status: 'running' } }),
    );
    for (const s of running.sessions as { session_id: string }[]) {
      parse(
        await mcp.callTool({
          name: 'session_submit',
          arguments: { session_id: s.session_id, summary: 'Closing.' },
        }),
      );
    }
    const started = parse(
      await mcp.callTool({
        name: 'session_start',
        arguments: { agent_id: agent.agentId, playbook: 'cis-baseline' },
      }),
    );
    const id = started.session_id as string;
    expect(started).toMatchObject({ status: 'running', agent_id: agent.agentId });

    const second = await mcp.callTool({
      name: 'session_start',
      arguments: { agent_id: agent.agentId, playbook: 'cis-baseline' },
    });
    expect(second.isError).toBe(true);
    expect(JSON.stringify(second.content)).toContain(id);

    // The agent runtime reports a command through the SDK, as it would while the session runs.
    await createClient({ baseUrl: server.url, token: agent.token }).sessions.ingest(id, {
      executions: [
        {
          command: 'ss -tlnp',
          capability: 'shell',
          output: 'LISTEN 0 128 *:22',
          exitCode: 0,
          startedAt: new Date().toISOString(),
          durationMs: 8,
        },
      ],
    });
    expect(parse(await mcp.callTool({ name: 'session_get', arguments: { session_id: id } }))).toMatchObject({
      session_id: id,
      execution_count: 1,
    });
    const executions = parse(
      await mcp.callTool({ name: 'session_list_executions', arguments: { session_id: id } }),
    );
    expect((executions.executions as { command: string }[]).map((e) => e.command)).toEqual(['ss -tlnp']);
    const submitted = parse(
      await mcp.callTool({
        name: 'session_submit',
        arguments: { session_id: id, summary: 'SSH listens on 22; nothing else.' },
      }),
    );
    expect(submitted.status).toBe('pending_review');
    const again = await mcp.callTool({
      name: 'session_submit',
      arguments: { session_id: id, summary: 'again' },
    });
    expect(again.isError).toBe(true);
    expect(JSON.stringify(again.content)).toContain('409');
  });
});
