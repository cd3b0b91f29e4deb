import type { ReactiveControllerHost } from 'lit';
import type { VirtualRowsOptions } from './virtual-rows.js';
import type * as VirtualRowsExports from './virtual-rows.js';

type VirtualRowsModule = typeof VirtualRowsExports;

/** What the virtualizer's handle on its scroller offers. */
export type VirtualizerHandle = {
  element(index: number): { scrollIntoView(options?: ScrollIntoViewOptions): void } | undefined;
};

/**
 * Rows rendered as plain items while the virtualizer's chunk is on its way: a first screen of any
 * list, small enough that rendering them unvirtualized costs nothing noticeable.
 */
export const EAGER_ROWS = 30;

/**
 * Where the list's virtualizer comes from. An entry point that bundles every element
 * (`define.js`, the package index) {@link RowsLoader.provide | provides} it; the embed, which keeps
 * its first chunk small, {@link RowsLoader.fetch | fetches} it as its own chunk (about a sixth of
 * the embed) as soon as the embed runs, beside the token and the first page. Until it arrives,
 * the list renders its first {@link EAGER_ROWS} rows plainly and asks its host to render again
 * once the virtualizer is there. A failed fetch is retried on the next render.
 */
export class RowsLoader {
  #module: VirtualRowsModule | undefined;
  #loading: Promise<VirtualRowsModule> | undefined;
  #load: (() => Promise<VirtualRowsModule>) | undefined;

  /** Starts fetching the virtualizer with `load` (unless it was provided). */
  fetch(load: () => Promise<VirtualRowsModule>): void {
    if (this.#module) return;
    this.#load = load;
    // Handled here so a failed early fetch is no unhandled rejection; render() retries it.
    this.#start()?.catch(() => undefined);
  }

  /** The rows as the virtualizer renders them, or the first rows plainly until it is loaded. */
  render(host: ReactiveControllerHost, options: VirtualRowsOptions): unknown {
    if (this.#module) return this.#module.virtualRows(options);
    this.#start()?.then(
      () => host.requestUpdate(),
      () => undefined,
    );
    return options.rows.slice(0, EAGER_ROWS).map((session, index) => options.renderItem(session, index));
  }

  /**
   * Hands over the virtualizer when it is already in the bundle (`define.js`, which bundles every
   * element anyway): no fetch is waited for.
   */
  provide(loaded: VirtualRowsModule): void {
    this.#module = loaded;
    this.#loading = Promise.resolve(loaded);
  }

  /** The virtualizer's handle on a scroller it virtualizes; none before it is loaded. */
  handle(scroller: HTMLElement | undefined): VirtualizerHandle | undefined {
    const ref = this.#module?.virtualizerRef;
    if (!scroller || !ref) return undefined;
    return (scroller as HTMLElement & { [key: symbol]: VirtualizerHandle | undefined })[ref];
  }

  #start(): Promise<VirtualRowsModule> | undefined {
    if (!this.#load) return this.#loading;
    this.#loading ??= this.#load().then(
      (loaded) => (this.#module = loaded),
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }
}

/** The loader every list shares. */
export const rowsLoader = new RowsLoader();
