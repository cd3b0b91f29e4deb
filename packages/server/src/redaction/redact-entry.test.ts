import type { TranscriptEntryInput } from '@session-lens/sdk';
import { describe, expect, it } from 'vitest';
import { redactEntry, redactJson } from './index.js';

/* FAKE secrets with real formats, built from fixed pieces so each test reads on its own. */
const GITHUB_TOKEN = 'ghp_' + 'x7Rk2mQ9vLp4Wt8Zb3Nc6Hd1Fj5Gs0Ya2Ue7'.slice(0, 36);
const NPM_TOKEN = 'npm_' + 'Q3k9LmP2xR7vT1wZ8bN4cH6dJ0fG5sY2uE9a'.slice(0, 36);
const STRIPE_KEY = 'sk_live_' + '51Nq8Xb2LmK9pR4vT7wZ1cH3dJ6fG0sY5uE8aQ2kM'.slice(0, 40);
const DB_PASSWORD = 'q8L-mP2xR7vT1wZ';
const DATABASE_URL = `postgres://app:${DB_PASSWORD}@db.internal:5432/app`;

describe('redactEntry', () => {
  it('redacts a message text and keeps every other field', async () => {
    const entry = {
      type: 'message',
      role: 'assistant',
      text: `I exported GITHUB_TOKEN=${GITHUB_TOKEN} and re-ran the job.`,
      at: '2024-05-01T12:00:00.000Z',
    } satisfies TranscriptEntryInput;
    expect(await redactEntry(entry)).toEqual({
      ...entry,
      text: 'I exported GITHUB_TOKEN=[REDACTED:github-token] and re-ran the job.',
    });
  });

  it('walks tool-call arguments and result through nested JSON, keeping keys and non-strings', async () => {
    const entry = {
      type: 'tool_call',
      name: 'bash',
      status: 'succeeded',
      arguments: {
        command: `psql ${DATABASE_URL} -c 'select 1'`,
        env: { NPM_TOKEN, DEBUG: '1' },
        // A key that looks like a secret stays: keys are structure, not content.
        [GITHUB_TOKEN]: 'key kept',
        timeoutMs: 30_000,
        dryRun: false,
        cwd: null,
        steps: [{ run: 'pnpm install' }, [[`STRIPE_KEY=${STRIPE_KEY}`, 7, true]]],
      },
      result: { stdout: `export NPM_TOKEN=${NPM_TOKEN}\n`, exitCode: 0, lines: [NPM_TOKEN, 'done'] },
    } satisfies TranscriptEntryInput;
    expect(await redactEntry(entry)).toEqual({
      ...entry,
      arguments: {
        command:
          "psql postgres://app:[REDACTED:connection-string-password]@db.internal:5432/app -c 'select 1'",
        env: { NPM_TOKEN: '[REDACTED:npm-token]', DEBUG: '1' },
        [GITHUB_TOKEN]: 'key kept',
        timeoutMs: 30_000,
        dryRun: false,
        cwd: null,
        steps: [{ run: 'pnpm install' }, [['STRIPE_KEY=[REDACTED:stripe-key]', 7, true]]],
      },
      result: {
        stdout: 'export NPM_TOKEN=[REDACTED:npm-token]\n',
        exitCode: 0,
        lines: ['[REDACTED:npm-token]', 'done'],
      },
    });
  });

  it('scans each JSON value after its key, so rules anchored on a name see it', async () => {
    const awsSecret = 'wQ8r' + 'Zt3LmP9xK2vB7nC4yH1dF6gJ0sA5eU8iO3kM';
    const opaque = 'Zk3Lm9Qx2Vb7Nc4Yh1Df6Gj0Sa5Eu8Io';
    const entry = {
      type: 'tool_call',
      name: 'http_request',
      status: 'succeeded',
      arguments: {
        env: { AWS_SECRET_ACCESS_KEY: awsSecret, AWS_REGION: 'eu-west-1' },
        headers: { Authorization: `Bearer ${opaque}`, Accept: 'application/json' },
        // The same strings under other keys carry no name to anchor on, and are left alone.
        notes: [awsSecret, `Bearer ${opaque}`],
      },
    } satisfies TranscriptEntryInput;
    expect((await redactEntry(entry)).arguments).toEqual({
      env: { AWS_SECRET_ACCESS_KEY: '[REDACTED:aws-secret-key]', AWS_REGION: 'eu-west-1' },
      headers: { Authorization: 'Bearer [REDACTED:bearer-token]', Accept: 'application/json' },
      notes: [awsSecret, `Bearer ${opaque}`],
    });
  });

  it('redacts a tool call whose arguments or result are bare strings', async () => {
    const entry = {
      type: 'tool_call',
      name: 'read_file',
      status: 'succeeded',
      arguments: '.env',
      result: `DATABASE_URL=${DATABASE_URL}`,
    } satisfies TranscriptEntryInput;
    expect((await redactEntry(entry)).result).toBe(
      'DATABASE_URL=postgres://app:[REDACTED:connection-string-password]@db.internal:5432/app',
    );
  });

  it('keeps an absent tool-call result absent', async () => {
    const entry = {
      type: 'tool_call',
      name: 'bash',
      status: 'running',
      arguments: { command: 'ls' },
    } satisfies TranscriptEntryInput;
    const redacted = await redactEntry(entry);
    expect('result' in redacted).toBe(false);
    expect(redacted).toEqual(entry);
  });

  it('redacts both sides of a file edit and keeps null sides null', async () => {
    const created = {
      type: 'file_edit',
      path: '.env.production',
      before: null,
      after: `NODE_ENV=production\nNPM_TOKEN=${NPM_TOKEN}\n`,
    } satisfies TranscriptEntryInput;
    expect(await redactEntry(created)).toEqual({
      ...created,
      after: 'NODE_ENV=production\nNPM_TOKEN=[REDACTED:npm-token]\n',
    });

    const deleted = {
      type: 'file_edit',
      path: 'config/stripe.ts',
      before: `const key = '${STRIPE_KEY}';`,
      after: null,
    } satisfies TranscriptEntryInput;
    expect(await redactEntry(deleted)).toEqual({
      ...deleted,
      before: "const key = '[REDACTED:stripe-key]';",
    });
  });

  it('redacts a step name', async () => {
    const entry = {
      type: 'step',
      name: `Log in with ${GITHUB_TOKEN}`,
      status: 'completed',
    } satisfies TranscriptEntryInput;
    expect(await redactEntry(entry)).toEqual({ ...entry, name: 'Log in with [REDACTED:github-token]' });
  });

  it('returns a new entry and leaves the input untouched', async () => {
    const entry = {
      type: 'tool_call',
      name: 'bash',
      status: 'succeeded',
      arguments: { env: { NPM_TOKEN } },
      result: [NPM_TOKEN],
    } satisfies TranscriptEntryInput;
    const snapshot = structuredClone(entry);
    const redacted = await redactEntry(entry);
    expect(redacted).not.toBe(entry);
    expect(entry).toEqual(snapshot);
  });

  it('returns entries without secrets unchanged', async () => {
    const entries: TranscriptEntryInput[] = [
      { type: 'message', role: 'user', text: 'Please fix the flaky test in src/store/order.test.ts.' },
      {
        type: 'tool_call',
        name: 'grep',
        status: 'failed',
        arguments: { pattern: 'TODO', paths: ['src', 'test'] },
        result: { matches: [] },
      },
      {
        type: 'file_edit',
        path: 'README.md',
        before: '# Session Lens\n',
        after: '# Session Lens\n\nLive sessions.\n',
      },
      { type: 'step', name: 'Run the test suite', status: 'running' },
    ];
    for (const entry of entries) expect(await redactEntry(entry)).toEqual(entry);
  });
});

describe('redactJson', () => {
  it('keeps a "__proto__" key as an own key', async () => {
    const value: unknown = JSON.parse(`{"__proto__": {"token": "${NPM_TOKEN}"}, "a": 1}`);
    const redacted = (await redactJson(value)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(Object.keys(redacted)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(redacted)).toBe('{"__proto__":{"token":"[REDACTED:npm-token]"},"a":1}');
  });

  it('walks JSON nested 100,000 levels deep without overflowing the stack', async () => {
    const depth = 100_000;
    const value: unknown = JSON.parse('['.repeat(depth) + JSON.stringify(NPM_TOKEN) + ']'.repeat(depth));
    // Walked down by hand: JSON.stringify itself recurses and would overflow at this depth.
    let node = await redactJson(value);
    let levels = 0;
    while (Array.isArray(node)) {
      expect(node).toHaveLength(1);
      node = node[0];
      levels += 1;
    }
    expect(levels).toBe(depth);
    expect(node).toBe('[REDACTED:npm-token]');
  });

  it('never applies a match across two values, though values are scanned together', async () => {
    // A password split over two values is not joined up…
    const split = ['postgres://app:', `${DB_PASSWORD}@db.internal/app`];
    expect(await redactJson(split)).toEqual(split);
    // …and a match that runs on past the end of one value is cut there: the next is untouched.
    const runOn = [
      '"private_key": "-----BEGIN PRIVATE KEY-----MIIEvQ',
      'plain text, with-a-long-token-run" after',
    ];
    expect(await redactJson(runOn)).toEqual([
      '"private_key": "[REDACTED:gcp-service-account]',
      'plain text, with-a-long-token-run" after',
    ]);
  });

  it('copies a cyclic structure without looping', async () => {
    const node: Record<string, unknown> = { token: NPM_TOKEN };
    node['self'] = node;
    const copy = (await redactJson(node)) as Record<string, unknown>;
    expect(copy['token']).toBe('[REDACTED:npm-token]');
    expect(copy['self']).toBe(copy);
  });

  it('keeps values that are not JSON containers as they are', async () => {
    const date = new Date(0);
    expect(await redactJson(date)).toBe(date);
    expect(await redactJson(42)).toBe(42);
    expect(await redactJson(null)).toBe(null);
    expect(await redactJson(undefined)).toBe(undefined);
  });
});
