import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, SseClient, startTestServer, type TestServer } from '../test/harness.js';
import { parsePrometheus, sampleValue, type Family } from '../test/prometheus.js';

let server: TestServer;
let scrapes = 0;

beforeAll(async () => {
  server = await startTestServer({ metricsToken: 'scrape-secret' });
});
afterAll(async () => {
  await server?.stop();
});

async function scrape(): Promise<Map<string, Family>> {
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer scrape-secret' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  scrapes += 1;
  return parsePrometheus(await res.text());
}

const value = (families: Map<string, Family>, name: string, labels: Record<string, string> = {}) =>
  sampleValue(families, name, labels) ?? 0;

describe('GET /metrics (A18)', () => {
  it('is a valid exposition with every family the operator needs', async () => {
    const families = await scrape();
    const expected: Record<string, string> = {
      session_lens_http_requests_total: 'counter',
      session_lens_http_request_duration_seconds: 'histogram',
      session_lens_writes_committed_total: 'counter',
      session_lens_stream_subscribers: 'gauge',
      session_lens_stream_events_delivered_total: 'counter',
      session_lens_stream_replays_total: 'counter',
      session_lens_stream_resets_total: 'counter',
      session_lens_stream_cut_off_total: 'counter',
      session_lens_db_pool_size: 'gauge',
      session_lens_db_pool_in_use: 'gauge',
      session_lens_db_pool_waiting: 'gauge',
      process_cpu_seconds_total: 'counter',
      nodejs_eventloop_lag_p99_seconds: 'gauge',
    };
    for (const [name, type] of Object.entries(expected)) expect(families.get(name)?.type, name).toBe(type);
    // PGlite is one single-user connection.
    expect(value(families, 'session_lens_db_pool_size')).toBe(1);
    expect(value(families, 'session_lens_db_pool_waiting')).toBe(0);
  });

  it('needs the metrics token when one is configured', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toBe('application/problem+json');
  });

  it('counts requests by route template and status, with latency histograms', async () => {
    const before = await scrape();
    const list = { method: 'GET', route: '/v1/sessions', status: '200' };
    const one = { method: 'GET', route: '/v1/sessions/{id}', status: '200' };
    const page = await server.api('GET', '/v1/sessions?limit=3', ADMIN);
    for (let i = 0; i < 3; i += 1) await server.api('GET', '/v1/sessions?limit=3', ADMIN);
    // Two different ids land on one series: the template, not the path.
    for (const session of page.body.data.slice(0, 2))
      await server.api('GET', `/v1/sessions/${session.id}`, ADMIN);
    await server.api('GET', '/v1/sessions/no-such-session', ADMIN);
    await server.api('GET', '/v1/sessions', undefined);
    await server.api('GET', '/no/such/route/123', ADMIN);
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      value(after, name, labels) - value(before, name, labels);
    expect(delta('session_lens_http_requests_total', list)).toBe(4);
    expect(delta('session_lens_http_request_duration_seconds_count', list)).toBe(4);
    expect(delta('session_lens_http_request_duration_seconds_bucket', { ...list, le: '+Inf' })).toBe(4);
    expect(delta('session_lens_http_request_duration_seconds_sum', list)).toBeGreaterThan(0);
    expect(delta('session_lens_http_requests_total', one)).toBe(2);
    expect(delta('session_lens_http_requests_total', { ...one, status: '404' })).toBe(1);
    expect(delta('session_lens_http_requests_total', { ...list, status: '401' })).toBe(1);
    expect(
      delta('session_lens_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' }),
    ).toBe(1);
    const routes = new Set(after.get('session_lens_http_requests_total')!.samples.map((s) => s.labels.route));
    expect([...routes].filter((route) => route?.includes('no-such') || route?.includes('sess_'))).toEqual([]);
    // The scrape before this one is counted too.
    expect(value(after, 'session_lens_http_requests_total', { route: '/metrics', status: '200' })).toBe(
      scrapes - 1,
    );
  });

  it('counts committed writes, not refused ones or idempotent replays', async () => {
    const route = { route: '/v1/sessions' };
    const before = value(await scrape(), 'session_lens_writes_committed_total', route);
    const headers = { 'idempotency-key': `metrics-${Date.now()}` };
    const body = { kind: 'task', title: 'Counted once' };
    expect((await server.api('POST', '/v1/sessions', ADMIN, body, headers)).status).toBe(201);
    const replay = await server.api('POST', '/v1/sessions', ADMIN, body, headers);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await server.api('POST', '/v1/sessions', ADMIN, { kind: 'nope' })).status).toBe(400);
    expect((await server.api('POST', '/v1/sessions', ADMIN, { kind: 'task', title: 'Two' })).status).toBe(
      201,
    );
    expect(value(await scrape(), 'session_lens_writes_committed_total', route) - before).toBe(2);
  });

  it('follows stream subscribers, deliveries, replays and resets', async () => {
    const before = await scrape();
    const headers = { authorization: `Bearer ${ADMIN}` };
    const live = new SseClient(`${server.url}/v1/stream`, headers);
    await live.until(() => live.retry !== undefined, 10_000, 'the retry hint');
    const started = await server.api('POST', '/v1/sessions', ADMIN, { kind: 'task', title: 'Streamed' });
    await live.until(() => live.data().some((s) => s.id === started.body.id), 10_000, 'the event');
    const during = await scrape();
    expect(value(during, 'session_lens_stream_subscribers')).toBe(
      value(before, 'session_lens_stream_subscribers') + 1,
    );
    const delivered = (families: Map<string, Family>) =>
      value(families, 'session_lens_stream_events_delivered_total');
    expect(delivered(during) - delivered(before)).toBe(1);

    const eventId = live.events.find((e) => e.event === 'session')!.id!;
    const resumed = new SseClient(`${server.url}/v1/stream`, {
      ...headers,
      'last-event-id': String(Number(eventId) - 1),
    });
    await resumed.until(() => resumed.data().some((s) => s.id === started.body.id), 10_000, 'the replay');
    const tooNew = new SseClient(`${server.url}/v1/stream`, { ...headers, 'last-event-id': '999999999999' });
    await tooNew.until(() => tooNew.events.some((e) => e.event === 'reset'), 10_000, 'the reset');
    const after = await scrape();
    expect(
      value(after, 'session_lens_stream_replays_total') - value(before, 'session_lens_stream_replays_total'),
    ).toBe(1);
    expect(
      value(after, 'session_lens_stream_resets_total') - value(before, 'session_lens_stream_resets_total'),
    ).toBe(1);
    expect(delivered(after) - delivered(before)).toBe(2);
    expect(value(after, 'session_lens_stream_subscribers')).toBe(
      value(before, 'session_lens_stream_subscribers') + 3,
    );
    for (const client of [live, resumed, tooNew]) client.close();
  });
});

describe('the strict exposition parser the tests rely on', () => {
  const ok = '# HELP a_total A.\n# TYPE a_total counter\na_total{x="1"} 2\n';
  it('accepts a well-formed family and refuses what the format forbids', () => {
    expect(sampleValue(parsePrometheus(ok), 'a_total', { x: '1' })).toBe(2);
    for (const bad of [
      'a_total 1\n', // no TYPE
      ok.replace('a_total{x="1"} 2', 'a_total{x=1} 2'), // unquoted label
      ok.replace(' 2\n', ' two\n'), // not a number
      `${ok}a_total{x="1"} 3\n`, // repeated series
      ok.slice(0, -1), // no final newline
      '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_count 1\nh_sum 0\n', // not cumulative
      '# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_count 3\nh_sum 0\n', // +Inf ≠ count
    ]) {
      expect(() => parsePrometheus(bad), bad).toThrow();
    }
  });
});
