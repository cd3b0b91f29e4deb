/**
 * Registers every Session Lens element under its default tag name. Import it once:
 * `import '@session-lens/elements/define.js'`. A tag that is already defined (by a second copy
 * of the package, or by a host that registered its own element under that name) is skipped, so
 * loading this twice is harmless.
 *
 * To use other tag names, import the classes from the package index and register them yourself.
 */
import { defineElements, listElements } from './tags.js';
import { warmFormatters } from './internal/define-elements.js';
import { lazyElements } from './lazy.js';

/** Every tag this package defines, with its class; the provider first. */
export const elements = { ...listElements, ...lazyElements } as const;

defineElements(elements);
warmFormatters();
