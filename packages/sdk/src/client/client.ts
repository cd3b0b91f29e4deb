import ky, {
  isForceRetryError,
  isHTTPError,
  isTimeoutError,
  type AfterResponseHook,
  type KyInstance,
} from 'ky';
import type * as z from 'zod/mini';
import type { Endpoint } from '../contract/endpoints.js';
import { makeAPIError } from '../errors/api-error.js';
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  isAPIConnectionError,
} from '../errors/connection-error.js';
import { ResponseValidationError } from '../errors/response-validation-error.js';
import { isSessionLensError } from '../errors/session-lens-error.js';
import { backoffDelay, retryAfterMs } from '../internal/backoff.js';
import { newIdempotencyKey } from '../internal/idempotency.js';
import { fillPath } from '../internal/path.js';
import { toSearchParams, type QueryValue } from '../internal/query.js';
import { RETRYABLE_STATUSES } from '../internal/retry-policy.js';
import { EmbedTokens } from './embed-tokens.js';
import { MeResource } from './me.js';
import { Members } from './members.js';
import { Sessions } from './sessions.js';
import { Views } from './views.js';

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

/** What one logical call sends, besides the options ky shares across calls. */
type Call = {
  method: string;
  path: string;
  query: RequestInput['query'];
  body: unknown;
  options: RequestOptions;
  /** Whether the attempt reads the success body before it counts as answered. */
  buffer: boolean;
  /** The fetch cache mode; the stream sends `no-store`, like `EventSource`. */
  cache?: RequestCache;
};

/**
 * A client of the Sessions API. It owns the request loop — auth, timeouts, retries with backoff,
 * idempotency keys, response validation — on top of `ky`, and exposes thin typed resources. Create
 * one with {@link createClient} and share it: it holds no per-request state.
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
  /** Saved views: named list filters, private or shared. */
  readonly views: Views;

  readonly #options: ClientOptions;
  readonly #retry: Required<RetryOptions>;
  readonly #timeout: number;
  readonly #ky: KyInstance;

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
    this.#ky = createTransport(options, this.#retry);
    this.sessions = new Sessions(this);
    this.members = new Members(this);
    this.me = new MeResource(this);
    this.embedTokens = new EmbedTokens(this);
    this.views = new Views(this);
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
    // A POST is retried only with an idempotency key: generated once here, sent by every attempt
    // of this call (ky re-sends the same request), so a retried POST that did land is a no-op.
    const idempotencyKey = route.idempotent ? (options.idempotencyKey ?? newIdempotencyKey()) : undefined;
    const method = route.method.toUpperCase();
    const retryable = method === 'GET' || method === 'PUT' || idempotencyKey !== undefined;
    const response = await this.#send({
      method,
      path,
      query: input.query,
      body: input.body,
      buffer: true,
      options: {
        ...options,
        maxRetries: retryable ? (options.maxRetries ?? this.#retry.limit) : 0,
        headers: { ...options.headers, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
      },
    });
    const text = await response.text();
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
   * Opens a streaming GET (the event stream, an export) with the client's auth and headers,
   * without a timeout or retries: the caller owns reconnection. Resolves once the response head
   * arrives with a success status; failures throw the same typed errors as {@link request}.
   *
   * @internal Used by `sessions.watch` and `sessions.export`; not a stable API.
   */
  async openStream(
    path: string,
    query: Readonly<Record<string, QueryValue>>,
    headers: Readonly<Record<string, string>>,
    signal: AbortSignal,
  ): Promise<Response> {
    return this.#send({
      method: 'GET',
      path,
      query,
      body: undefined,
      buffer: false,
      cache: 'no-store',
      options: { signal, headers: { accept: 'text/event-stream', ...headers }, maxRetries: 0, timeout: 0 },
    });
  }

  /**
   * One logical call through ky, which owns the attempts: the token hook, per-attempt timeouts,
   * retries with backoff and `Retry-After`. What ky has no option for is here: a 401 is answered
   * once with a fresh token (a second ky call that keeps the retries left, and runs even when
   * the call may not retry, since a refused request did nothing), and ky's errors become the
   * SDK's typed errors.
   */
  async #send(call: Call): Promise<Response> {
    const { method, path, options } = call;
    const signal = options.signal;
    const timeout = options.timeout ?? this.#timeout;
    let retriesLeft = options.maxRetries ?? this.#retry.limit;
    for (let refresh = false; ; refresh = true) {
      let retried = 0;
      try {
        // ky 1's `prefixUrl` takes paths without their leading slash.
        return await this.#ky(path.slice(1), {
          method,
          searchParams: toSearchParams(call.query),
          ...(call.body !== undefined ? { json: call.body } : {}),
          headers: { accept: 'application/json', ...options.headers },
          timeout: timeout > 0 ? timeout : false,
          retry: { limit: retriesLeft },
          context: { refresh },
          ...(call.cache ? { cache: call.cache } : {}),
          fetch: attemptFetch(this.#options, `${method} ${path}`),
          hooks: {
            beforeRetry: [({ retryCount }) => void (retried = retryCount)],
            afterResponse: call.buffer ? [bufferBody] : [],
          },
          ...(signal ? { signal } : {}),
        });
      } catch (error) {
        if (signal?.aborted) throw new APIUserAbortError(`${method} ${path} was aborted`, { cause: error });
        // An embed token may have expired between two requests: ask for a fresh one, once.
        if (isHTTPError(error) && error.response.status === 401 && this.#options.getToken && !refresh) {
          retriesLeft = Math.max(0, retriesLeft - retried);
          continue;
        }
        throw await toSessionLensError(error, method, path, timeout);
      }
    }
  }
}

/**
 * The ky instance of one client: what every call shares. Retries follow the SDK's policy
 * (`isRetryableStatus`), wait the server's `Retry-After` on any retryable status (never longer
 * than `maxRetryAfterMs`: a longer one is thrown at once), else the SDK's backoff with jitter;
 * a timed-out attempt is retried like a lost connection.
 */
function createTransport(options: ClientOptions, retry: Required<RetryOptions>): KyInstance {
  return ky.create({
    prefixUrl: String(options.baseUrl),
    headers: options.headers,
    retry: {
      methods: ['get', 'put', 'post'],
      statusCodes: RETRYABLE_STATUSES,
      afterStatusCodes: RETRYABLE_STATUSES,
      delay: (attempt) => backoffDelay(attempt, retry),
      retryOnTimeout: true,
      shouldRetry: ({ error }: { error: unknown }) => {
        if (isAPIConnectionError(error)) return true;
        if (!isHTTPError(error)) return undefined;
        const serverDelay = retryAfterMs(error.response.headers);
        return serverDelay !== undefined && serverDelay > retry.maxRetryAfterMs ? false : undefined;
      },
    },
    hooks: {
      beforeRequest: [
        // ky 1 runs this hook before every attempt; the token is asked for once per call, and
        // the request ky re-sends keeps the header set on the first attempt.
        async (request, { context }, { retryCount }) => {
          if (retryCount > 0) return;
          const token = options.getToken
            ? await options.getToken({ refresh: context.refresh === true })
            : (options.token as string);
          request.headers.set('authorization', `Bearer ${token}`);
        },
      ],
    },
  });
}

/**
 * The `fetch` ky calls for each attempt: the client's own (looked up per call, and called
 * unbound: a browser's `fetch` throws when called on another object), with every failure that
 * is not an abort turned into an `APIConnectionError`. ky retries only the network errors it
 * recognises by message, runtime by runtime; the SDK retries any failed connection.
 */
function attemptFetch(options: ClientOptions, what: string): typeof globalThis.fetch {
  return async (input, init) => {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    try {
      return await fetchImpl(input, init);
    } catch (cause) {
      if ((input instanceof Request && input.signal.aborted) || init?.signal?.aborted) throw cause;
      throw new APIConnectionError(`${what} failed to connect: ${describe(cause)}`, { cause });
    }
  };
}

/**
 * Reads the body inside the attempt, so a success body cut mid-way is retried like any other lost
 * connection (ky reads bodies after its retry loop). A refused request's body (its problem
 * document) is read here too: ky 1 hands this hook a clone, and an unread original left beside
 * it turns an abort during the retry wait into an unhandled rejection.
 */
const bufferBody: AfterResponseHook = async (request, _options, response) => {
  try {
    const text = await response.text();
    return new Response(text === '' ? null : text, response);
  } catch (cause) {
    if (request.signal.aborted) throw cause;
    // Without its problem document a refusal keeps its status and headers.
    if (!response.ok) return new Response(null, response);
    const what = `${request.method} ${new URL(request.url).pathname}`;
    return ky.retry({
      cause: new APIConnectionError(`${what} failed to read: ${describe(cause)}`, { cause }),
    });
  }
};

/** The SDK's typed error for what a ky call threw. */
async function toSessionLensError(
  error: unknown,
  method: string,
  path: string,
  timeout: number,
): Promise<unknown> {
  if (isHTTPError(error)) {
    const { status, headers } = error.response;
    return makeAPIError(status, await problemBody(error.response), headers, { method, path });
  }
  if (isTimeoutError(error)) {
    return new APITimeoutError(`${method} ${path} timed out after ${timeout} ms`, { cause: error });
  }
  // A body cut on the last attempt: ky wraps the connection error it was told to retry with.
  if (isForceRetryError(error) && isSessionLensError(error.cause)) return error.cause;
  // Our own typed errors, and what the token hook threw, pass unchanged.
  return error;
}

/** The problem document of a refused request; undefined when its body is not JSON or was cut. */
async function problemBody(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
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
