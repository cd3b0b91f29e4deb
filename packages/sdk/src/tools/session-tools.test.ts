import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../client/client.js';
import { json, makeSession, startFakeServer } from '../../test/fake-server.js';
import { createSessionTools, runSessionTool, sessionToolDefinitions } from './session-tools.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

describe('session tools', () => {
  it('defines five tools with JSON Schemas from the zod schemas', () => {
    const defs = sessionToolDefinitions();
    expect(defs.map((d) => d.name)).toEqual([
      'session_start',
      'session_get',
      'session_list',
      'session_list_executions',
      'session_submit',
    ]);
    const start = defs[0]?.inputSchema as { required: string[]; properties: Record<string, unknown> };
    expect(start.required).toEqual(['agent_id', 'playbook']);
    const list = defs[2]?.inputSchema as {
      required?: string[];
      properties: Record<string, { default?: unknown }>;
    };
    expect(list.required ?? []).toEqual([]);
    expect(list.properties.limit?.default).toBe(20);
    const submit = defs[4]?.inputSchema as { required: string[] };
    expect(submit.required).toEqual(['session_id', 'summary']);
  });

  it('starts an assessment for the agent and derives the agent from the session afterwards', async () => {
    const session = makeSession({
      kind: 'assessment',
      status: 'running',
      agent: { id: 'ag_1', hostname: 'db-1' },
      playbook: 'cis',
    });
    const s = await startFakeServer((req, res) => json(res, req.method === 'POST' ? 201 : 200, session));
    closers.push(s.close);
    const tools = createSessionTools(createClient({ baseUrl: s.url, token: 't' }));
    const started = await tools.session_start({ agent_id: 'ag_1', playbook: 'cis' });
    expect(JSON.parse(s.requests[0]?.body ?? '')).toEqual({
      kind: 'assessment',
      agentId: 'ag_1',
      playbook: 'cis',
    });
    expect(started).toMatchObject({
      session_id: session.id,
      agent_id: 'ag_1',
      hostname: 'db-1',
      status: 'running',
    });
    await expect(
      runSessionTool(tools, 'session_submit', { session_id: session.id, summary: '  ' }),
    ).rejects.toThrow();
    await expect(() => runSessionTool(tools, 'session_delete', {})).toThrow(/Unknown/);
  });

  it('maps offset onto the keyset pages by walking them', async () => {
    const all = Array.from({ length: 45 }, () => makeSession({ kind: 'assessment' }));
    const s = await startFakeServer((req, res) => {
      const url = new URL(req.url ?? '', 'http://x');
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const end = start + Number(url.searchParams.get('limit'));
      json(res, 200, { data: all.slice(start, end), nextCursor: end < all.length ? String(end) : null });
    });
    closers.push(s.close);
    const tools = createSessionTools(createClient({ baseUrl: s.url, token: 't' }));
    const first = await tools.session_list({ status: 'pending_review' });
    expect(first.sessions.map((x) => x.session_id)).toEqual(all.slice(0, 20).map((x) => x.id));
    expect(first.next_offset).toBe(20);
    const last = await tools.session_list({ offset: 40, limit: 20 });
    expect(last.sessions.map((x) => x.session_id)).toEqual(all.slice(40).map((x) => x.id));
    expect(last.next_offset).toBeNull();
    expect(s.requests[0]?.url).toContain('kind=assessment&status=pending_review&limit=21');
  });
});
