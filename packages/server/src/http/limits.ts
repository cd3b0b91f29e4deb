import { createHash } from 'node:crypto';
import { tooManyRequests } from './problem.js';

/** A token bucket's shape: `burst` requests at once, refilled at `perSecond`. */
export type RateOptions = {
  /** Sustained rate, per second. */
  perSecond: number;
  /** How many may come at once (the bucket's size). */
  burst: number;
};

/** Limits of {@link createApp} (A17). Each can be set to `false` to turn it off. */
export type LimitsOptions = {
  /** Requests per token (every authenticated request counts). Default 100/s, burst 1,000. */
  requestsPerToken?: RateOptions | false;
  /**
   * Failed authentications (a token was sent and was unknown, malformed or expired) per client
   * address. Once spent, every request from that address is 429 until the bucket refills, valid
   * token or not, so guessing learns nothing. Default 2/s, burst 100.
   */
  failedAuthPerAddress?: RateOptions | false;
  /** Concurrent stream connections (`/v1/stream`, `/v1/sessions/{id}/stream`) per token. Default 100. */
  streamsPerToken?: number | false;
};

/** The defaults: generous enough that a well-behaved integration never meets them. */
export const DEFAULT_LIMITS = {
  requestsPerToken: { perSecond: 100, burst: 1_000 },
  failedAuthPerAddress: { perSecond: 2, burst: 100 },
  streamsPerToken: 100,
} as const satisfies Required<LimitsOptions>;

/** Keys kept per limiter before full (idle) buckets are swept: memory stays bounded. */
const MAX_KEYS = 50_000;

type Bucket = { tokens: number; at: number };

/**
 * Token buckets by key, refilled lazily on use. Taking from an empty bucket reports how long
 * until one token is back, for `Retry-After`.
 */
export class RateLimiter {
  readonly #options: RateOptions;
  readonly #buckets = new Map<string, Bucket>();
  readonly #now: () => number;

  constructor(options: RateOptions, now: () => number = Date.now) {
    if (!(options.perSecond > 0) || !(options.burst >= 1)) {
      throw new Error('A rate limit needs perSecond > 0 and burst >= 1.');
    }
    this.#options = options;
    this.#now = now;
  }

  #bucket(key: string): Bucket {
    const now = this.#now();
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= MAX_KEYS) this.#sweep(now);
      bucket = { tokens: this.#options.burst, at: now };
      this.#buckets.set(key, bucket);
    } else {
      const refill = ((now - bucket.at) / 1000) * this.#options.perSecond;
      bucket.tokens = Math.min(this.#options.burst, bucket.tokens + refill);
      bucket.at = now;
    }
    return bucket;
  }

  /** Seconds until `key` has a whole token again; 0 when it has one now. */
  wait(key: string): number {
    const bucket = this.#bucket(key);
    return bucket.tokens >= 1 ? 0 : (1 - bucket.tokens) / this.#options.perSecond;
  }

  /** Takes one token; returns 0, or the seconds to wait when there is none (nothing taken). */
  take(key: string): number {
    const wait = this.wait(key);
    if (wait === 0) (this.#buckets.get(key) as Bucket).tokens -= 1;
    return wait;
  }

  /** Drops buckets that have refilled completely (they hold no state worth keeping). */
  #sweep(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      const tokens = bucket.tokens + ((now - bucket.at) / 1000) * this.#options.perSecond;
      if (tokens >= this.#options.burst) this.#buckets.delete(key);
    }
    // Everyone is mid-burst: forget the oldest half rather than grow without bound.
    if (this.#buckets.size >= MAX_KEYS) {
      let drop = this.#buckets.size / 2;
      for (const key of this.#buckets.keys()) {
        if (drop-- <= 0) break;
        this.#buckets.delete(key);
      }
    }
  }
}

/** Counts open streams per key and refuses one past the cap. */
export class ConcurrencyLimiter {
  readonly #max: number;
  readonly #open = new Map<string, number>();

  constructor(max: number) {
    if (!(max >= 1)) throw new Error('A concurrency cap needs max >= 1.');
    this.#max = max;
  }

  /** Takes a slot, or returns undefined at the cap. The release function is idempotent. */
  acquire(key: string): (() => void) | undefined {
    const open = this.#open.get(key) ?? 0;
    if (open >= this.#max) return undefined;
    this.#open.set(key, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#open.get(key) ?? 1) - 1;
      if (left <= 0) this.#open.delete(key);
      else this.#open.set(key, left);
    };
  }

  /** Open slots of `key`. */
  open(key: string): number {
    return this.#open.get(key) ?? 0;
  }
}

/** How long a client refused a stream at the cap is asked to wait before trying again. */
const STREAM_RETRY_AFTER_SECONDS = 5;

/** A key for a token that does not keep the token itself in memory. */
const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** The app's limits, in one place: what `prepare` and the stream route call. */
export class RequestLimits {
  readonly #requests: RateLimiter | undefined;
  readonly #failures: RateLimiter | undefined;
  readonly #streams: ConcurrencyLimiter | undefined;

  constructor(options: LimitsOptions = {}, now: () => number = Date.now) {
    const requests = options.requestsPerToken ?? DEFAULT_LIMITS.requestsPerToken;
    const failures = options.failedAuthPerAddress ?? DEFAULT_LIMITS.failedAuthPerAddress;
    const streams = options.streamsPerToken ?? DEFAULT_LIMITS.streamsPerToken;
    this.#requests = requests ? new RateLimiter(requests, now) : undefined;
    this.#failures = failures ? new RateLimiter(failures, now) : undefined;
    this.#streams = streams ? new ConcurrencyLimiter(streams) : undefined;
  }

  /** Before authenticating: 429 while `address` has spent its failed authentications. */
  checkAddress(address: string): void {
    const wait = this.#failures?.wait(address) ?? 0;
    if (wait > 0) {
      throw tooManyRequests('Too many failed authentications from this address; wait and retry.', wait);
    }
  }

  /** A token sent from `address` did not authenticate. */
  failedAuthentication(address: string): void {
    this.#failures?.take(address);
  }

  /** After authenticating: 429 when the token's request rate is spent. */
  takeRequest(token: string): void {
    const wait = this.#requests?.take(keyOf(token)) ?? 0;
    if (wait > 0) throw tooManyRequests('Too many requests for this token; slow down.', wait);
  }

  /** A stream slot for the token, or 429 at the cap; call the result when the stream ends. */
  openStream(token: string): () => void {
    if (!this.#streams) return () => {};
    const release = this.#streams.acquire(keyOf(token));
    if (!release) {
      throw tooManyRequests(
        'This token holds as many open streams as it may; close one first.',
        STREAM_RETRY_AFTER_SECONDS,
      );
    }
    return release;
  }
}

/**
 * Reads a rate setting from the CLI or the environment: `<perSecond>` or `<perSecond>:<burst>`
 * (`50`, `100:1000`, `0.5:20`), or `off`. Undefined or empty keeps the default.
 */
export function parseRateSetting(value: string | undefined, name: string): RateOptions | false | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (value.trim() === 'off') return false;
  const match = /^(\d+(?:\.\d+)?)(?::(\d+))?$/.exec(value.trim());
  const perSecond = Number(match?.[1]);
  if (!match || !(perSecond > 0)) {
    throw new Error(`Invalid ${name} "${value}": expected <perSecond>[:<burst>] or off.`);
  }
  const burst = match[2] === undefined ? Math.max(1, Math.ceil(perSecond * 10)) : Number(match[2]);
  if (!(burst >= 1)) throw new Error(`Invalid ${name} "${value}": the burst must be at least 1.`);
  return { perSecond, burst };
}

/** Reads a positive whole number setting, or `off` where allowed. Undefined or empty keeps the default. */
export function parseCountSetting(value: string | undefined, name: string): number | false | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (value.trim() === 'off') return false;
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`Invalid ${name} "${value}": expected a whole number ≥ 1 or off.`);
  return n;
}
