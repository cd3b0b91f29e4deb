import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { defaultClock, type LensClock } from './clock.js';
import {
  clientContext,
  clockContext,
  identityContext,
  type LensClient,
  type LensIdentity,
} from './lens-context.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Options of {@link LensConsumer}. */
export type LensConsumerOptions = {
  /**
   * How often the host's time labels change, in milliseconds, or 0 when it shows none. Read on
   * every update, so a row can tick each second while its session runs and every 15 s after.
   */
  granularity?: () => number;
  /** Called when the provided client or identity changes (e.g. `/v1/me` answered). */
  onChange?: () => void;
};

/**
 * What an element reads from the nearest provider (E8): the client, the identity and the shared
 * clock. Without a provider the client and identity are undefined and the page-wide default
 * clock is used, so an element given its data by properties still works alone.
 *
 * It also subscribes the host to the clock at the granularity the host asks for, and re-renders
 * it when that granule passes: time labels tick from one timer per page, never one per row.
 */
export class LensConsumer implements ReactiveController {
  readonly #host: Host;
  readonly #options: LensConsumerOptions;
  readonly #client: ContextConsumer<typeof clientContext, Host>;
  readonly #identity: ContextConsumer<typeof identityContext, Host>;
  readonly #clock: ContextConsumer<typeof clockContext, Host>;
  #unsubscribe: (() => void) | undefined;
  #subscribedTo: { clock: LensClock; granularity: number } | undefined;

  constructor(host: Host, options: LensConsumerOptions = {}) {
    this.#host = host;
    this.#options = options;
    const callback = () => {
      options.onChange?.();
      host.requestUpdate();
    };
    this.#client = new ContextConsumer(host, { context: clientContext, subscribe: true, callback });
    this.#identity = new ContextConsumer(host, { context: identityContext, subscribe: true, callback });
    this.#clock = new ContextConsumer(host, {
      context: clockContext,
      subscribe: true,
      callback: () => host.requestUpdate(),
    });
    host.addController(this);
  }

  /** The provided client, if any. */
  get client(): LensClient | undefined {
    return this.#client.value;
  }

  /** The provided identity, if any. */
  get identity(): LensIdentity | undefined {
    return this.#identity.value;
  }

  /** The provided clock, or the page-wide default. */
  get clock(): LensClock {
    return this.#clock.value ?? defaultClock;
  }

  /** The current time of the clock. */
  get now(): number {
    return this.clock.now;
  }

  /**
   * Whether the caller holds `scope`: decided by `scopes` when the host was given them (its
   * `scopes` property), else by the provided identity (none before `/v1/me` answered).
   */
  holds(scope: string, scopes?: readonly string[]): boolean {
    if (scopes) return scopes.includes(scope);
    return this.identity?.scopes.has(scope) ?? false;
  }

  hostConnected(): void {
    this.#resubscribe();
  }

  hostUpdated(): void {
    // The granularity can change with the data (a session stops running), and the provider's
    // clock can arrive after the first render: follow both, cheaply.
    this.#resubscribe();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
  }

  #resubscribe(): void {
    const clock = this.clock;
    const granularity = this.#options.granularity?.() ?? 0;
    const current = this.#subscribedTo;
    if (current && current.clock === clock && current.granularity === granularity) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = { clock, granularity };
    if (granularity > 0) {
      this.#unsubscribe = clock.subscribe(() => this.#host.requestUpdate(), granularity);
    }
  }
}
