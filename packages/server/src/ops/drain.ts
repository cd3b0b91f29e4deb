import type { Server } from 'node:http';
import type { DrainState } from './http.js';
import type { Logger } from './logger.js';

/** The default bound on waiting for in-flight requests, leaving room to exit within 10 s (A18). */
export const DRAIN_TIMEOUT_MS = 7_000;

/**
 * The `retry:` hint a stream ends with when its instance drains: 0.5–2 s, spread at random so
 * the clients of a draining instance do not all reconnect (to the others) in the same instant.
 */
export function drainRetryFrame(): string {
  return `: this instance is shutting down; reconnect with Last-Event-ID\nretry: ${500 + Math.floor(Math.random() * 1500)}\n\n`;
}

/** What a drain works on. */
export type DrainTarget = {
  server: Pick<Server, 'close' | 'closeIdleConnections' | 'closeAllConnections'>;
  state: DrainState;
  logger: Logger;
  /** Stops in-process work that makes new requests (the simulator). */
  stopWork(): Promise<void>;
  /** Ends every open stream with a `retry:` hint. */
  endStreams(): Promise<void>;
  /** Closes what is left once no connection remains: the app, the database. */
  closeRest(): Promise<void>;
};

/** What a drain did. */
export type DrainResult = {
  /** Whether connections were still open at the timeout and were cut. */
  forced: boolean;
  durationMs: number;
};

/**
 * Drains a server (SIGTERM, A18): marks the process draining (`/readyz` answers 503, every
 * response says `Connection: close`, new streams are refused with 503), stops listening, ends
 * each stream with a `retry:` hint so its client resumes on another instance by Last-Event-ID,
 * and waits for in-flight requests to be answered — at most `timeoutMs`, after which the
 * remaining connections are cut — then closes the app and the database.
 */
export async function drain(target: DrainTarget, timeoutMs = DRAIN_TIMEOUT_MS): Promise<DrainResult> {
  const started = performance.now();
  const { server, state, logger } = target;
  state.draining = true;
  logger.info({ timeoutMs }, 'draining: no new connections; answering in-flight requests');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  await target.stopWork();
  await target.endStreams();
  // A connection goes idle once its last response is out (an ended stream, a keep-alive
  // request answered just before the drain began): sweep those until none is left.
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<true>((resolve) => {
    timer = setTimeout(() => resolve(true), timeoutMs);
  });
  const forced = (await Promise.race([closed.then(() => false), timedOut])) === true;
  clearTimeout(timer);
  clearInterval(sweep);
  if (forced) {
    logger.warn({ timeoutMs }, 'draining: requests still open at the timeout; closing their connections');
    server.closeAllConnections();
    await closed;
  }
  await target.closeRest();
  const durationMs = Math.round(performance.now() - started);
  logger.info({ durationMs, forced }, 'drained');
  return { forced, durationMs };
}
