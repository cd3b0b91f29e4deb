import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionFilters } from '@session-lens/sdk';
import type { LensClient } from '../context/lens-context.js';
import { sessionStoreContext } from '../context/session-store.js';
import { sdkLiveSource, type LiveSessionSource, type LiveSourceFactory } from './live-source.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Options of {@link LiveStoreController}; each getter is read on every host update. */
export type LiveStoreOptions = {
  /** The filters to list. A change (by value) makes a new store. */
  filters: () => SessionFilters;
  /** The provider's client, for the default store. */
  client: () => LensClient | undefined;
  /** The host's own factory (its `storeFactory`), used instead of the client when set. */
  factory: () => LiveSourceFactory | undefined;
  /** Sessions per page of the default store. */
  pageSize?: () => number;
  /** Called once a new store replaced the last one (or none could be made): reset what belonged to it. */
  onStoreChange?: (store: LiveSessionSource | undefined) => void;
  /**
   * The paging policy: asked whenever the store changes, load the next page when it answers
   * true. Without it, pages load only through {@link LiveStoreController.loadMore}.
   */
  wantsMore?: (store: LiveSessionSource) => boolean;
  /** Whether there should be a store at all now (default yes); read like the filters. */
  enabled?: () => boolean;
  /** Whether to provide the store to the elements inside the host (default true; one per host). */
  provide?: boolean;
};

/**
 * Owns the live store an element lists from: makes it for the current filters (from the host's
 * `storeFactory`, else the SDK's live store over the provider's client), subscribes the host so
 * it re-renders as the store changes, makes a new one when the filters, the factory, the page
 * size or the client change, and disposes of it when the host disconnects. It also runs the
 * host's paging policy, so a host never pages from its render cycle.
 *
 * The host reads {@link store} in `render()`; with no factory and a client that cannot stream
 * (or no provider) there is none. The store is also provided to the elements inside the host
 * (`sessionStoreContext`), so a row's or a detail's action answer reaches it.
 */
export class LiveStoreController implements ReactiveController {
  readonly #host: Host;
  readonly #options: LiveStoreOptions;
  #store: LiveSessionSource | undefined;
  readonly #provider: ContextProvider<typeof sessionStoreContext, Host> | undefined;
  #unsubscribe: (() => void) | undefined;
  /** What the current store was made from; undefined while there is none to compare with. */
  #madeFrom: { key: string; factory: LiveSourceFactory | undefined; client: unknown } | undefined;

  constructor(host: Host, options: LiveStoreOptions) {
    this.#host = host;
    this.#options = options;
    if (options.provide !== false)
      this.#provider = new ContextProvider(host, { context: sessionStoreContext });
    host.addController(this);
  }

  /** The live source currently feeding the host. */
  get store(): LiveSessionSource | undefined {
    return this.#store;
  }

  hostConnected(): void {
    if (!this.#madeFrom) this.rebuild();
  }

  hostUpdate(): void {
    const made = this.#madeFrom;
    const factory = this.#options.factory();
    if (
      !made ||
      made.key !== this.#key() ||
      made.factory !== factory ||
      // A new client means a new store; with the host's own factory the client is not used.
      (!factory && made.client !== this.#options.client())
    ) {
      this.rebuild();
    }
  }

  hostDisconnected(): void {
    this.#teardown();
    this.#madeFrom = undefined;
  }

  /** Makes a new store for the current filters (after a failed first load, say). */
  rebuild(): void {
    if (!this.#host.isConnected) return;
    const { factory, client } = this.#options;
    const own = factory();
    const made = own ?? sdkLiveSource(client(), this.#options.pageSize?.() ?? 50);
    this.#teardown();
    this.#madeFrom = { key: this.#key(), factory: own, client: client() };
    this.#store = this.#options.enabled?.() === false ? undefined : made?.({ ...this.#options.filters() });
    this.#provider?.setValue(this.#store);
    this.#options.onStoreChange?.(this.#store);
    const store = this.#store;
    if (store) {
      this.#unsubscribe = store.subscribe(() => {
        this.#host.requestUpdate();
        this.#page(store);
      });
      this.#page(store);
    }
    this.#host.requestUpdate();
  }

  /** Refetches when the first page loaded; otherwise starts over with a new store. */
  retry(): void {
    const store = this.#store;
    if (store?.loaded) void store.refresh();
    else this.rebuild();
  }

  /** Pauses live updates (changes wait, counted) or resumes them. */
  togglePause(): void {
    const store = this.#store;
    if (!store) return;
    store.paused = !store.paused;
    this.#host.requestUpdate();
  }

  /** Loads the next page unless one is loading or none is left. */
  loadMore(): void {
    const store = this.#store;
    if (store && store.hasMore && !store.loading) void store.loadMore();
  }

  /**
   * Asks the paging policy now (it is asked whenever the store changes; call this when something
   * else it reads changed, such as a limit).
   */
  page(): void {
    if (this.#store) this.#page(this.#store);
  }

  #page(store: LiveSessionSource): void {
    if (store !== this.#store || !store.loaded || store.loading || !store.hasMore) return;
    if (this.#options.wantsMore?.(store)) void store.loadMore();
  }

  #key(): string {
    const on = this.#options.enabled?.() !== false;
    return `${on}|${this.#options.pageSize?.() ?? 50}|${JSON.stringify(this.#options.filters())}`;
  }

  #teardown(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store?.dispose();
    this.#store = undefined;
    this.#provider?.setValue(undefined);
  }
}
