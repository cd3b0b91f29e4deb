import { hostname } from 'node:os';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** The levels `SESSION_LENS_LOG_LEVEL` and `--log-level` accept. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Reads a log level, rejecting anything pino would not know. */
export function parseLogLevel(value: string | undefined, fallback: LogLevel = 'info'): LogLevel {
  if (value === undefined || value === '') return fallback;
  const level = value.toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`Unknown log level "${value}"; expected one of ${LOG_LEVELS.join(', ')}.`);
  }
  return level as LogLevel;
}

/**
 * The server's JSON logger (A18): one object per line on stdout (or `destination`), ISO
 * timestamps, errors serialized with their stack under `err`. The level comes from the option,
 * else `SESSION_LENS_LOG_LEVEL`, else `info`.
 *
 * Stdout is written asynchronously (sonic-boom, lines coalesced while a write is in flight):
 * pino's default synchronous write cost a process 22% of its CPU at 500 writes/s, and blocked
 * the event loop for as long as whatever reads the pipe was slow (write acknowledgements p99
 * 440–520 ms in `bench:writes`). pino flushes what is buffered on exit; only a SIGKILL can lose
 * the last lines.
 */
export function createLogger(options: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  const level = options.level ?? parseLogLevel(process.env.SESSION_LENS_LOG_LEVEL);
  const settings = {
    level,
    // pid and hostname tell the instances behind one load balancer apart.
    base: { service: 'session-lens-server', pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return pino(settings, options.destination ?? pino.destination({ dest: 1, sync: false }));
}
