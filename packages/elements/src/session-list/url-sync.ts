import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readUrlState, writeUrlState, type ListUrlState } from './url-state.js';

/** What a list hands {@link UrlSync}: whether to sync (`sync-url`). */
export type UrlSyncHost = ReactiveControllerHost & { readonly syncUrl: boolean };

/** The state {@link UrlSync} keeps in the URL: read it, and restore what the URL holds. */
export type UrlStateSource = {
  urlState(): ListUrlState;
  restoreUrlState(state: ListUrlState): void;
};

/**
 * Keeps a list's state in the page URL while its host has `sync-url` (see `url-state.ts`):
 * restores it when the element connects and on back/forward (`popstate`), and after each update
 * writes it back when it differs from the URL's — a new history entry for a person's change, the
 * current one replaced while they type (`replaceNext()`). A restore never writes: the state it
 * produces is the URL's own.
 */
export class UrlSync implements ReactiveController {
  readonly #host: UrlSyncHost;
  readonly #state: UrlStateSource;
  #replace = false;
  #connected = false;

  constructor(host: UrlSyncHost, state: UrlStateSource) {
    this.#host = host;
    this.#state = state;
    host.addController(this);
  }

  /** The next write replaces the history entry instead of adding one (typing). */
  replaceNext(): void {
    this.#replace = true;
  }

  hostConnected(): void {
    this.#connected = true;
    window.addEventListener('popstate', this.#onPopState);
    if (this.#host.syncUrl) this.#restore();
  }

  hostDisconnected(): void {
    this.#connected = false;
    window.removeEventListener('popstate', this.#onPopState);
  }

  hostUpdate(): void {
    // `sync-url` set after connecting: the URL's state applies first.
    if (this.#host.syncUrl && !this.#synced) this.#restore();
  }

  hostUpdated(): void {
    if (!this.#host.syncUrl || !this.#connected) return;
    const next = writeUrlState(location.search, this.#state.urlState());
    const replace = this.#replace;
    this.#replace = false;
    if (next === location.search) return;
    const url = `${location.pathname}${next}${location.hash}`;
    if (replace) history.replaceState(history.state, '', url);
    else history.pushState(history.state, '', url);
  }

  #synced = false;

  #restore(): void {
    this.#synced = true;
    this.#state.restoreUrlState(readUrlState(location.search));
  }

  readonly #onPopState = (): void => {
    if (this.#host.syncUrl) this.#restore();
  };
}
