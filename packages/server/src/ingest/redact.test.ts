import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.js';

/*
 * X4 against the real server on real PGlite: a secret in each text field an agent writes is
 * stored and served redacted. Each field gets a secret of its own, made fresh for the run (FAKE:
 * the right shape, valid nowhere), so a failure names the field that leaked.
 */

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const pick = (length: number): string =>
  Array.from({ length }, () => ALNUM[randomInt(ALNUM.length)]).join('');
/** A GitHub-classic-shaped token: found by its format anywhere. */
const githubToken = (): string => `ghp_${pick(36)}`;
/** A free-form password: found only by the name it is assigned to. */
const password = (): string => `${pick(10)}-${pick(6)}`;

let server: TestServer;
let agent: string;
let agentId: string;

beforeAll(async () => {
  server = await startTestServer({ seedSessions: 20 });
  const demo = server.tokens.demo!;
  agent = demo.agents[0]!.token;
  agentId = demo.agents[0]!.agentId;
});

afterAll(async () => {
  await server?.stop();
});

/** Every stored row that belongs to a session, as text: the session, its children, its events. */
async function storedText(id: string): Promise<string> {
  const parts: string[] = [];
  for (const table of ['sessions', 'transcript_entries', 'executions', 'insights', 'events']) {
    const column = table === 'sessions' ? 'id' : 'session_id';
    const rows = await server.db.query<{ row: string }>(
      `select t::text as row from ${table} t where ${column} = $1`,
      [id],
    );
    parts.push(...rows.map((row) => row.row));
  }
  const keys = await server.db.query<{ row: string }>('select t::text as row from idempotency_keys t');
  parts.push(...keys.map((row) => row.row));
  return parts.join('\n');
}

/** Everything the API serves about a session. */
async function servedText(id: string): Promise<string> {
  const paths = ['', '/transcript', '/executions', '/insights'];
  const bodies = await Promise.all(
    paths.map(async (path) => {
      const res = await server.api('GET', `/v1/sessions/${id}${path}`, agent);
      expect(res.status, path).toBe(200);
      return JSON.stringify(res.body);
    }),
  );
  return bodies.join('\n');
}

describe('redaction of every text an agent writes (X4)', () => {
  it('redacts start, activity and submit fields before storing and serving them', async () => {
    const secrets = {
      title: githubToken(),
      description: password(),
      metadata: githubToken(),
      linkTitle: githubToken(),
      message: githubToken(),
      toolArgument: password(),
      step: githubToken(),
      command: password(),
      output: githubToken(),
      insightTitle: githubToken(),
      insightDetail: password(),
      errorMessage: githubToken(),
      errorCode: githubToken(),
      summary: password(),
    };
    const start = await server.api('POST', '/v1/sessions', agent, {
      kind: 'assessment',
      agentId,
      playbook: 'security-review',
      title: `Rotate ${secrets.title}`,
      description: `Connect with DB_PASSWORD=${secrets.description} first`,
      metadata: { profile: `token ${secrets.metadata}` },
      links: { pullRequest: { title: `PR with ${secrets.linkTitle}` } },
    });
    expect(start.status, JSON.stringify(start.body)).toBe(201);
    const id = start.body.id as string;

    const activity = await server.api(
      'POST',
      `/v1/sessions/${id}/activity`,
      agent,
      {
        transcript: [
          { type: 'message', role: 'assistant', text: `exported GITHUB_TOKEN=${secrets.message}` },
          {
            type: 'tool_call',
            name: 'bash',
            status: 'succeeded',
            arguments: { command: `curl -u deploy:${secrets.toolArgument} https://ci.example.com` },
          },
        ],
        steps: [{ name: `clone with ${secrets.step}`, status: 'running' }],
        executions: [
          {
            command: `export PGPASSWORD=${secrets.command} && psql -h db -c 'select 1'`,
            capability: 'shell',
            output: `GH_TOKEN=${secrets.output}\n(1 row)`,
            exitCode: 0,
            startedAt: new Date().toISOString(),
            durationMs: 12,
          },
        ],
        insights: [
          {
            title: `Token ${secrets.insightTitle} committed`,
            severity: 'high',
            state: 'open',
            detail: `config.json has "password": "${secrets.insightDetail}"`,
          },
        ],
        error: { code: `E_${secrets.errorCode}`, message: `auth failed for ${secrets.errorMessage}` },
      },
      { 'idempotency-key': `redaction-${pick(8)}` },
    );
    expect(activity.status, JSON.stringify(activity.body)).toBe(200);

    const submit = await server.api('POST', `/v1/sessions/${id}/submit`, agent, {
      summary: `Done. The admin password was set with ADMIN_PASSWORD=${secrets.summary}.`,
    });
    expect(submit.status, JSON.stringify(submit.body)).toBe(200);
    const [row] = await server.db.query<{ summary: string }>('select summary from sessions where id = $1', [
      id,
    ]);
    expect(row!.summary).toBe('Done. The admin password was set with ADMIN_PASSWORD=[REDACTED:password].');

    const stored = await storedText(id);
    const served = await servedText(id);
    for (const [field, secret] of Object.entries(secrets)) {
      expect(stored, `${field} stored`).not.toContain(secret);
      expect(served, `${field} served`).not.toContain(secret);
    }

    // What remains is the text around each secret, with a marker naming its kind.
    const session = (await server.api('GET', `/v1/sessions/${id}`, agent)).body;
    expect(session.title).toBe('Rotate [REDACTED:github-token]');
    expect(session.description).toBe('Connect with DB_PASSWORD=[REDACTED:password] first');
    expect(session.metadata.profile).toBe('token [REDACTED:github-token]');
    expect(session.progress.executions).toBe(1);
    expect(session.error).toEqual({
      code: 'E_[REDACTED:github-token]',
      message: 'auth failed for [REDACTED:github-token]',
    });
    const executions = (await server.api('GET', `/v1/sessions/${id}/executions`, agent)).body.data;
    expect(executions[0].command).toBe("export PGPASSWORD=[REDACTED:password] && psql -h db -c 'select 1'");
    expect(executions[0].output).toBe('GH_TOKEN=[REDACTED:github-token]\n(1 row)');
    const insights = (await server.api('GET', `/v1/sessions/${id}/insights`, agent)).body.data;
    expect(insights[0].title).toBe('Token [REDACTED:github-token] committed');
    expect(insights[0].detail).toBe('config.json has "password": "[REDACTED:password]"');
    const transcript = (await server.api('GET', `/v1/sessions/${id}/transcript`, agent)).body.data;
    expect(transcript[1].arguments.command).toBe('curl -u deploy:[REDACTED:password] https://ci.example.com');
  });

  it('merges steps by their redacted name', async () => {
    const start = await server.api('POST', '/v1/sessions', agent, { kind: 'flow', title: 'Steps' });
    expect(start.status).toBe(201);
    const id = start.body.id as string;
    const token = githubToken();
    for (const status of ['running', 'completed']) {
      const res = await server.api('POST', `/v1/sessions/${id}/activity`, agent, {
        steps: [{ name: `push with ${token}`, status }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const session = (await server.api('GET', `/v1/sessions/${id}`, agent)).body;
    expect(session.progress.steps).toEqual([
      expect.objectContaining({ name: 'push with [REDACTED:github-token]', status: 'completed' }),
    ]);
    expect(await storedText(id)).not.toContain(token);
  });
});
