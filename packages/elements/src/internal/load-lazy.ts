import { defineElements } from './define-elements.js';
import type * as Lazy from '../lazy.js';

type LazyModule = typeof Lazy;
let loading: Promise<LazyModule> | undefined;

/**
 * Loads the later chunk (`lazy.ts`) and registers its tags, each unless already defined; resolves
 * with the module (a list's act UI is created from it). A failed download may be tried again.
 */
export function loadLazyModule(): Promise<LazyModule> {
  loading ??= import('../lazy.js').then(
    (module) => {
      defineElements(module.lazyElements);
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * Loads and registers `session-detail`, `cost-summary` and `command-center` (see `lazy.ts`) unless
 * `session-detail` is already defined (by `define.js`, or by a host under its own rules). Resolves
 * once they are registered; a failed download may be tried again.
 */
export function loadLazyElements(): Promise<void> {
  if (customElements.get('session-detail')) return Promise.resolve();
  return loadLazyModule().then(() => undefined);
}
