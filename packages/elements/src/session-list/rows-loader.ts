import type { ReactiveControllerHost } from 'lit';
import type { VirtualRowsOptions } from './virtual-rows.js';

type VirtualRowsModule = typeof import('./virtual-rows.js');

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
 * Fetches the virtualizer (its own chunk, about a sixth of the embed) apart from the page's first
 * chunk. The fetch starts when this module is evaluated, so it runs beside the token and the first
 * page instead of after them; until it arrives, the list renders its first {@link EAGER_ROWS}
 * rows plainly and asks its host to render again once the virtualizer is there. A failed fetch is
 * retried on the next render.
 */
export class RowsLoader {
  #module: VirtualRowsModule | undefined;
  #loading: Promise<VirtualRowsModule> | undefined;
  readonly #load: () => Promise<VirtualRowsModule>;

  constructor(load: () => Promise<VirtualRowsModule>) {
    this.#load = load;
    // Handled here so a failed early fetch is no unhandled rejection; render() retries it.
    this.#start().catch(() => undefined);
  }

  /** The rows as the virtualizer renders them, or the first rows plainly until it is loaded. */
  render(host: ReactiveControllerHost, options: VirtualRowsOptions): unknown {
    if (this.#module) return this.#module.virtualRows(options);
    this.#start().then(
      () => host.requestUpdate(),
      () => undefined,
    );
    return options.rows.slice(0, EAGER_ROWS).map((session, index) => options.renderItem(session, index));
  }

  /** The virtualizer's handle on a scroller it virtualizes; none before it is loaded. */
  handle(scroller: HTMLElement | undefined): VirtualizerHandle | undefined {
    const ref = this.#module?.virtualizerRef;
    if (!scroller || !ref) return undefined;
    return (scroller as HTMLElement & { [key: symbol]: VirtualizerHandle | undefined })[ref];
  }

  #start(): Promise<VirtualRowsModule> {
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
export const rowsLoader = new RowsLoader(() => import('./virtual-rows.js'));
