/** Called with the current time, in epoch milliseconds, when a subscriber's granule changes. */
export type ClockListener = (now: number) => void;

/** Options of {@link LensClock}. */
export type LensClockOptions = {
  /** How often the clock wakes up, in milliseconds. Default 1,000. */
  tickMs?: number;
  /** Where the time comes from; tests pass a fixed or stepped source. Default `Date.now`. */
  now?: () => number;
  /**
   * Whether the clock runs a timer. Default true. A paused clock (tests, stories) moves only when
   * {@link LensClock.tick} is called.
   */
  autoTick?: boolean;
};

type Subscription = { listener: ClockListener; granularityMs: number; lastGranule: number };

/**
 * One clock for every time label on a page (E8): "12m ago" and "11m 42s" read it, so a thousand
 * rows cost one timer, not a thousand.
 *
 * Each subscriber names its granularity: a running session's elapsed time wants every second, a
 * "3h ago" label only every 15 seconds. The clock wakes up once per `tickMs` and calls only the
 * subscribers whose granule changed. It runs its timer only while someone is subscribed.
 */
export class LensClock {
  readonly #tickMs: number;
  readonly #source: () => number;
  readonly #autoTick: boolean;
  readonly #subscriptions = new Set<Subscription>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #now: number;

  constructor(options: LensClockOptions = {}) {
    this.#tickMs = options.tickMs ?? 1_000;
    this.#source = options.now ?? Date.now;
    this.#autoTick = options.autoTick ?? true;
    this.#now = this.#source();
  }

  /** The time of the last tick, in epoch milliseconds. */
  get now(): number {
    return this.#now;
  }

  /** How many subscribers the clock has (tests read it to prove there is one timer). */
  get subscriberCount(): number {
    return this.#subscriptions.size;
  }

  /** Whether the clock's timer is running. */
  get running(): boolean {
    return this.#timer !== undefined;
  }

  /**
   * Calls `listener` whenever the time crosses a multiple of `granularityMs` (at the clock's own
   * tick resolution). Returns the unsubscribe function.
   */
  subscribe(listener: ClockListener, granularityMs = 1_000): () => void {
    const subscription: Subscription = {
      listener,
      granularityMs: Math.max(1, granularityMs),
      lastGranule: Math.floor(this.#now / Math.max(1, granularityMs)),
    };
    this.#subscriptions.add(subscription);
    this.#start();
    return () => {
      this.#subscriptions.delete(subscription);
      if (this.#subscriptions.size === 0) this.#stop();
    };
  }

  /** Reads the time source and notifies the subscribers whose granule changed. */
  tick(): void {
    this.#now = this.#source();
    for (const subscription of [...this.#subscriptions]) {
      const granule = Math.floor(this.#now / subscription.granularityMs);
      if (granule === subscription.lastGranule) continue;
      subscription.lastGranule = granule;
      subscription.listener(this.#now);
    }
  }

  #start(): void {
    if (!this.#autoTick || this.#timer !== undefined) return;
    // Catch up at once: time passed while nobody was listening.
    this.#now = this.#source();
    this.#timer = setInterval(() => this.tick(), this.#tickMs);
  }

  #stop(): void {
    if (this.#timer === undefined) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

/**
 * The clock elements fall back to when no provider hands them one: still one clock per page.
 */
export const defaultClock = new LensClock();
