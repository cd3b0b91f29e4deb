import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin/session-lens-mcp.js', import.meta.url));

describe('MCP server over stdio', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ name: 'test', version: '0.0.0' });
    // Nothing listens on this port: listing tools needs no API, calling one reports the failure.
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [bin],
        env: {
          SESSION_LENS_URL: 'http://127.0.0.1:9',
          SESSION_LENS_TOKEN: 't',
          PATH: process.env.PATH ?? '',
        },
      }),
    );
  });
  afterAll(async () => {
    await client?.close();
  });

  it('lists the five session tools with their JSON Schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      'session_start',
      'session_get',
      'session_list',
      'session_list_executions',
      'session_submit',
    ]);
    expect(tools[0]?.inputSchema.required).toEqual(['agent_id', 'playbook']);
  });

  it('reports invalid arguments as a tool error the model can read', async () => {
    const result = await client.callTool({ name: 'session_submit', arguments: { session_id: 'x' } });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain('summary');
  });
});
