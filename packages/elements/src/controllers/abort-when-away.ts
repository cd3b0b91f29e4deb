import { TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The part of a `@lit/task` Task this needs. */
type Load = { readonly status: TaskStatus; abort(): void; run(): Promise<void> };

/**
 * Aborts a host's loads (`@lit/task` tasks) that are in flight when it leaves the page, so
 * nothing is fetched for an element nobody sees (a detail scrolled out of a virtualized list),
 * and runs each of them again when the host comes back.
 */
export class AbortWhenAway implements ReactiveController {
  readonly #loads: readonly Load[];
  readonly #interrupted = new Set<Load>();

  constructor(host: ReactiveControllerHost, loads: readonly Load[]) {
    this.#loads = loads;
    host.addController(this);
  }

  hostConnected(): void {
    const interrupted = [...this.#interrupted];
    this.#interrupted.clear();
    for (const load of interrupted) void load.run();
  }

  hostDisconnected(): void {
    for (const load of this.#loads) {
      if (load.status !== TaskStatus.PENDING) continue;
      this.#interrupted.add(load);
      load.abort();
    }
  }
}
