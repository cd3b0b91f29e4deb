import type * as z from 'zod/mini';
import type { Endpoint } from '../contract/endpoints.js';
import { makeAPIError } from '../errors/api-error.js';
import { APIConnectionError, APITimeoutError, APIUserAbortError } from '../errors/connection-error.js';
import { ResponseValidationError } from '../errors/response-validation-error.js';
import { isSessionLensError } from '../errors/session-lens-error.js';
import { attemptSignal } from '../internal/attempt-signal.js';
import { backoffDelay, retryAfterMs, sleep } from '../internal/backoff.js';
import { newIdempotencyKey } from '../internal/idempotency.js';
import { fillPath } from '../internal/path.js';
import { isRetryableStatus } from '../internal/retry-policy.js';
import { toSearchParams, type QueryValue } from '../internal/query.js';
import { EmbedTokens } from './embed-tokens.js';
import { MeResource } from './me.js';
import { Members } from './members.js';
import { Sessions } from './sessions.js';

/** How failed requests are retried. */
export type RetryOptions = {
  /** Retries after the first attempt. Default 2; 0 disables retries. */
  limit?: number;
  /** Delay before the first retry, in milliseconds; it doubles per retry, with jitter. Default 500. */
  initialDelayMs?: number;
  /** Upper bound of a computed backoff delay, in milliseconds. Default 8,000. */
  maxDelayMs?: number;
  /**
   * Upper bound of a server's `Retry-After`, in milliseconds. A longer wait is not retried but
   * thrown, so a caller is never parked for minutes without knowing. Default 60,000.
   */
  maxRetryAfterMs?: number;
};

/** What {@link ClientOptions.getToken} is asked for. */
export type TokenRequest = {
  /** True when the server refused the last token (401): do not return a cached one. */
  refresh: boolean;
};

/** Options of {@link createClient}. */
export type ClientOptions = {
  /** Where the Sessions API lives, e.g. `https://lens.example.com` (paths start with `/v1`). */
  baseUrl: string | URL;
  /** A bearer token. Give this or `getToken`. */
  token?: string;
  /**
   * Returns the bearer token; called once per request, and once more when the server answers
   * 401 — then with `{ refresh: true }`, so a cached short-lived embed token is replaced rather
   * than handed out again. Give this or `token`.
   */
  getToken?: (context: TokenRequest) => string | Promise<string>;
  /** The `fetch` to use; defaults to the global one. Handy for tests, proxies and SSR. */
  fetch?: typeof globalThis.fetch;
  /** Per-attempt timeout in milliseconds for receiving a response. Default 30,000. */
  timeout?: number;
  /** A retry count, or retry options. Default: 2 retries. */
  retry?: number | RetryOptions;
  /** Extra headers sent with every request. */
  headers?: Readonly<Record<string, string>>;
};

/** Per-call options every resource method accepts. */
export type RequestOptions = {
  /** Aborts the call, including its retries and their waits. */
  signal?: AbortSignal;
  /** Overrides the client's per-attempt timeout for this call. */
  timeout?: number;
  /** Overrides the client's retry count for this call. */
  maxRetries?: number;
  /**
   * The idempotency key for a POST that honours one; by default the client generates one per
   * call and reuses it across that call's retries. Pass your own to make a call idempotent
   * across process restarts.
   */
  idempotencyKey?: string;
  /** Extra headers for this call. */
  headers?: Readonly<Record<string, string>>;
};

/** The parts of a request besides its route. */
export type RequestInput = {
  /** Path parameters, e.g. `{ id }`. */
  params?: Readonly<Record<string, string>>;
  /** Query parameters; arrays repeat, booleans are `true`/`false`. */
  query?: Readonly<Record<string, QueryValue>>;
  /** A JSON body. */
  body?: unknown;
};

/** A route with a JSON response. */
type JsonRoute = Endpoint & { response: { schema: z.ZodMiniType } };

/**
 * A client of the Sessions API. It owns the request loop — auth, timeouts, retries with backoff,
 * idempotency keys, response validation — and exposes thin typed resources on top. Create one
 * with {@link createClient} and share it: it holds no per-request state.
 */
export class SessionLensClient {
  /** Sessions: list, get, watch, start, ingest and act on sessions. */
  readonly sessions: Sessions;
  /** Workspace members and groups. */
  readonly members: Members;
  /** The caller's identity, scopes and workspace settings. */
  readonly me: MeResource;
  /** Short-lived embed tokens for a scoped Sessions tab. */
  readonly embedTokens: EmbedTokens;

  readonly #options: ClientOptions;
  readonly #retry: Required<RetryOptions>;
  readonly #timeout: number;

  constructor(options: ClientOptions) {
    if (options.token === undefined && options.getToken === undefined) {
      throw new TypeError('createClient needs a `token` or a `getToken` function');
    }
    this.#options = options;
    const retry = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
    this.#retry = {
      limit: retry.limit ?? 2,
      initialDelayMs: retry.initialDelayMs ?? 500,
      maxDelayMs: retry.maxDelayMs ?? 8_000,
      maxRetryAfterMs: retry.maxRetryAfterMs ?? 60_000,
    };
    this.#timeout = options.timeout ?? 30_000;
    this.sessions = new Sessions(this);
    this.members = new Members(this);
    this.me = new MeResource(this);
    this.embedTokens = new EmbedTokens(this);
  }

  /** The base URL this client talks to. */
  get baseUrl(): string {
    return String(this.#options.baseUrl);
  }

  /**
   * Sends one logical request for a route of the contract and returns its validated body.
   * Resources call this; scripts may too, for a route without a resource method.
   */
  async request<R extends JsonRoute>(
    route: R,
    input: RequestInput = {},
    options: RequestOptions = {},
  ): Promise<z.output<R['response']['schema']>> {
    const path = fillPath(route.path, input.params);
    const text = await this.#send(route, path, input, options, (response) => response.text());
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch (cause) {
      throw new ResponseValidationError(path, [
        {
          code: 'custom',
          path: [],
          message: `Body is not JSON (${String(cause)})`,
          input: text.slice(0, 200),
        },
      ] as z.core.$ZodIssue[]);
    }
    const parsed = route.response.schema.safeParse(json);
    if (!parsed.success) throw new ResponseValidationError(path, parsed.error.issues);
    return parsed.data as z.output<R['response']['schema']>;
  }

  /**
   * Opens a streaming GET (the event stream) with the client's auth and headers, without a
   * timeout or retries: the caller owns reconnection. Resolves once the response head arrives
   * with a success status; failures throw the same typed errors as {@link request}.
   *
   * @internal Used by `sessions.watch`; not a stable API.
   */
  async openStream(
    path: string,
    query: Readonly<Record<string, QueryValue>>,
    headers: Readonly<Record<string, string>>,
    signal: AbortSignal,
  ): Promise<Response> {
    return this.#send(
      { method: 'get', path } as Endpoint,
      path,
      { query },
      { signal, headers: { accept: 'text/event-stream', ...headers }, maxRetries: 0, timeout: 0 },
      async (response) => response,
    );
  }

  /**
   * The request loop: one place for auth, timeouts, retries, backoff and error mapping. It is a
   * plain `fetch` loop on purpose (X6): the browser embed cannot afford a transport library, and
   * the loop must reuse an idempotency key across attempts and refresh the token on 401 anyway.
   * `read` consumes a success response inside the attempt, so a body cut mid-way is retried like
   * any other connection failure.
   */
  async #send<T>(
    route: Endpoint,
    path: string,
    input: RequestInput,
    options: RequestOptions,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    const method = route.method.toUpperCase();
    const signal = options.signal;
    // A POST is retried only with an idempotency key: generated once here, reused by every
    // attempt of this call, so a retried POST whose first attempt did land is a no-op.
    const idempotencyKey = route.idempotent ? (options.idempotencyKey ?? newIdempotencyKey()) : undefined;
    const retryable = method === 'GET' || method === 'PUT' || idempotencyKey !== undefined;
    const maxRetries = retryable ? (options.maxRetries ?? this.#retry.limit) : 0;
    const timeout = options.timeout ?? this.#timeout;
    const url = joinUrl(String(this.#options.baseUrl), path, toSearchParams(input.query));
    const body = input.body === undefined ? undefined : JSON.stringify(input.body);
    // Looked up per call, and called unbound: a browser's `fetch` throws when called on another object.
    const fetchImpl = this.#options.fetch ?? globalThis.fetch;
    let refreshedToken = false;
    let token = await this.#token(signal, false);

    for (let attempt = 1; ; attempt++) {
      const headers: Record<string, string> = {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...this.#options.headers,
        ...options.headers,
        authorization: `Bearer ${token}`,
      };
      if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
      const attemptAbort = attemptSignal(signal, timeout);
      let response: Response | undefined;
      let errorBody: unknown;
      let failure: { cause: unknown } | undefined;
      try {
        response = await fetchImpl(url, {
          method,
          headers,
          ...(body !== undefined ? { body } : {}),
          ...(attemptAbort.signal ? { signal: attemptAbort.signal } : {}),
        });
        attemptAbort.stopTimer();
        if (response.ok) return await read(response);
        errorBody = await readErrorBody(response);
      } catch (cause) {
        failure = { cause };
      } finally {
        attemptAbort.dispose();
      }

      if (failure || !response) {
        const cause = failure?.cause;
        if (signal?.aborted) throw new APIUserAbortError(`${method} ${path} was aborted`, { cause });
        const error = attemptAbort.timedOut
          ? new APITimeoutError(`${method} ${path} timed out after ${timeout} ms`, { cause })
          : new APIConnectionError(`${method} ${path} failed to connect: ${describe(cause)}`, { cause });
        if (attempt > maxRetries) throw error;
        await this.#wait(backoffDelay(attempt, this.#retry), signal, method, path);
        continue;
      }

      // An embed token may have expired between two requests: ask for a fresh one, once.
      if (response.status === 401 && this.#options.getToken && !refreshedToken) {
        refreshedToken = true;
        token = await this.#token(signal, true);
        attempt--;
        continue;
      }
      const error = makeAPIError(response.status, errorBody, response.headers, { method, path });
      if (attempt > maxRetries || !isRetryableStatus(response.status)) throw error;
      const serverDelay = retryAfterMs(response.headers);
      if (serverDelay !== undefined && serverDelay > this.#retry.maxRetryAfterMs) throw error;
      // The server's Retry-After is honoured as given: jitter is for our own guesses.
      await this.#wait(serverDelay ?? backoffDelay(attempt, this.#retry), signal, method, path);
    }
  }

  async #token(signal: AbortSignal | undefined, refresh: boolean): Promise<string> {
    const { token, getToken } = this.#options;
    if (!getToken) return token as string;
    const value = await getToken({ refresh });
    if (signal?.aborted) throw new APIUserAbortError('Request was aborted');
    return value;
  }

  async #wait(ms: number, signal: AbortSignal | undefined, method: string, path: string): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch (cause) {
      throw new APIUserAbortError(`${method} ${path} was aborted`, { cause });
    }
  }
}

/**
 * The URL of a request: the base URL (which may carry a path prefix, with or without a trailing
 * slash) joined with the route's path, plus the query string when there is one.
 */
function joinUrl(baseUrl: string, path: string, query: URLSearchParams): string {
  const search = query.toString();
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}${search ? `?${search}` : ''}`;
}

/** Reads an error body as JSON when it is JSON, else as text; never throws. */
async function readErrorBody(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  } catch {
    return undefined;
  }
}

function describe(cause: unknown): string {
  if (isSessionLensError(cause)) return cause.message;
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : '';
    return `${cause.message}${inner}`;
  }
  return String(cause);
}

/**
 * Creates a client of the Sessions API.
 *
 * @example
 * ```ts
 * const client = createClient({ baseUrl: 'https://lens.example.com', token: process.env.LENS_TOKEN });
 * const page = await client.sessions.list({ kind: ['flow'], active: true });
 * ```
 */
export function createClient(options: ClientOptions): SessionLensClient {
  return new SessionLensClient(options);
}
