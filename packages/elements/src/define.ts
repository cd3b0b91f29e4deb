/**
 * Registers every Session Lens element under its default tag name. Import it once:
 * `import '@session-lens/elements/define.js'`. A tag that is already defined (by a second copy
 * of the package, or by a host that registered its own element under that name) is skipped, so
 * loading this twice is harmless.
 *
 * To use other tag names, import the classes from the package index and register them yourself.
 */
import { defineElements, listElements } from './tags.js';
import { lazyElements } from './lazy.js';
import { rowsLoader } from './session-list/rows-loader.js';
import * as virtualRows from './session-list/virtual-rows.js';

// Every element is bundled here, so the list's virtualizer is too: no chunk of its own to wait
// for (the embed, which keeps its first chunk small, fetches it beside the first page).
rowsLoader.provide(virtualRows);

/** Every tag this package defines, with its class; the provider first. */
export const elements = { ...listElements, ...lazyElements } as const;

defineElements(elements);
