import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { StreamHub } from '../stream/hub.js';
import type { PoolStats } from './pool.js';

/** Latency buckets in seconds: 1 ms to 10 s, dense where the API's pages and writes land. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What the metrics read at scrape time. */
export type MetricSources = {
  hub: Pick<StreamHub, 'size' | 'stats'>;
  pool: () => PoolStats;
};

/** One app's Prometheus registry and the instruments the request middleware feeds. */
export type Metrics = {
  readonly registry: Registry;
  /** A finished request: its route template (never the raw path), method, status and duration. */
  request(route: string, method: string, status: number, seconds: number): void;
  /** A write request whose transaction committed and was acknowledged. */
  writeCommitted(route: string): void;
  /** The exposition text and its content type. */
  scrape(): Promise<{ text: string; contentType: string }>;
};

/** A counter whose value is a running total kept elsewhere, read at scrape time. */
function totalCounter(registry: Registry, name: string, help: string, read: () => number): void {
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}

function gauge(registry: Registry, name: string, help: string, read: () => number): void {
  new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      this.set(read());
    },
  });
}

/**
 * Creates the metrics of one app in a registry of its own (several apps may share a process,
 * as tests do), with Node's default process metrics beside them.
 */
export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'session_lens_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status.',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'session_lens_http_request_duration_seconds',
    help: 'Time from request to response headers, by method, route template and status (a stream: until it is subscribed).',
    labelNames,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const writes = new Counter({
    name: 'session_lens_writes_committed_total',
    help: 'Write requests committed and acknowledged (2xx, idempotent replays excluded), by route; rate() is writes/s.',
    labelNames: ['route'],
    registers: [registry],
  });
  const { hub, pool } = sources;
  gauge(registry, 'session_lens_stream_subscribers', 'Open live-stream connections.', () => hub.size);
  totalCounter(
    registry,
    'session_lens_stream_events_delivered_total',
    'Session events written to stream subscribers, live and replayed.',
    () => hub.stats.delivered,
  );
  totalCounter(
    registry,
    'session_lens_stream_replays_total',
    'Stream connections resumed from Last-Event-ID by replaying the event log.',
    () => hub.stats.replays,
  );
  totalCounter(
    registry,
    'session_lens_stream_resets_total',
    'Stream connections whose Last-Event-ID was past retention and got a reset event.',
    () => hub.stats.resets,
  );
  totalCounter(
    registry,
    'session_lens_stream_cut_off_total',
    'Stream subscribers disconnected for falling too far behind (they resume by Last-Event-ID).',
    () => hub.stats.cutOff,
  );
  gauge(
    registry,
    'session_lens_db_pool_size',
    'Connections the database driver may open.',
    () => pool().size,
  );
  gauge(
    registry,
    'session_lens_db_pool_in_use',
    'Database operations (statements or transactions) holding a connection.',
    () => pool().inUse,
  );
  gauge(
    registry,
    'session_lens_db_pool_waiting',
    'Database operations waiting for a connection.',
    () => pool().waiting,
  );
  return {
    registry,
    request(route, method, status, seconds) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
    writeCommitted(route) {
      writes.inc({ route });
    },
    async scrape() {
      return { text: await registry.metrics(), contentType: registry.contentType };
    },
  };
}
