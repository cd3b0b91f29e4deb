import { defineElements } from './define-elements.js';

let loading: Promise<void> | undefined;

/**
 * Loads and registers `session-detail`, `cost-summary` and `command-center` (see `lazy.ts`) unless
 * `session-detail` is already defined (by `define.js`, or by a host under its own rules). Resolves
 * once they are registered; a failed download may be tried again.
 */
export function loadLazyElements(): Promise<void> {
  if (customElements.get('session-detail')) return Promise.resolve();
  loading ??= import('../lazy.js').then(
    ({ lazyElements }) => defineElements(lazyElements),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
