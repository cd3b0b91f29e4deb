/**
 * The browser embed: registers every Session Lens tag, the list-side ones at once and the rest
 * (`session-detail`, `cost-summary`, `command-center`) from a second chunk, so a page showing a
 * `<session-tab>` downloads and parses less before its first rows. The second chunk is fetched as
 * soon as the browser is idle, or earlier when a tab opens a detail.
 *
 * The bundled, self-contained build of this entry is `dist/embed/session-lens.js` (with Lit and the
 * SDK inside): load it with one `<script type="module">` from any static host. `define.js`
 * registers every tag synchronously instead.
 *
 * German is built in here (a static host has no bundler to add `locales/de.js`); define.js and the
 * package index read English unless the host imports that pack.
 */
import { defineElements, listElements } from './tags.js';
import { warmFormatters } from './internal/define-elements.js';
import { loadLazyElements } from './internal/load-lazy.js';
import './locales/de.js';

defineElements(listElements);
warmFormatters();

const idle = (globalThis as { requestIdleCallback?: (callback: () => void) => number }).requestIdleCallback;
if (idle) idle(() => void loadLazyElements());
else setTimeout(() => void loadLazyElements(), 1);
