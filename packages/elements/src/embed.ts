/**
 * The browser embed: registers every Session Lens tag, the list-side ones at once and the rest
 * (`session-detail`, `cost-summary`, `command-center`) from a second chunk, so a page showing a
 * `<session-tab>` downloads and parses less before its first rows. The second chunk is fetched as
 * soon as the browser is idle, or earlier when a tab opens a detail.
 *
 * The bundled, self-contained build of this entry is `dist/embed/session-lens.js` (with Lit and the
 * SDK inside): load it with one `<script type="module">` from any static host. `define.js`
 * registers every tag synchronously instead.
 */
import { SessionLensProvider } from './provider/session-lens-provider.js';
import { SessionList } from './session-list/session-list.js';
import { SessionRow } from './session-row/session-row.js';
import { SessionTab } from './session-tab/session-tab.js';
import { StatusPill } from './status-pill/status-pill.js';
import { loadLazyElements } from './internal/load-lazy.js';

const eager = {
  // First, so the provider answers the context requests of the elements inside it.
  'session-lens-provider': SessionLensProvider,
  'status-pill': StatusPill,
  'session-row': SessionRow,
  'session-list': SessionList,
  'session-tab': SessionTab,
} as const;

for (const [tag, element] of Object.entries(eager)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

const idle = (globalThis as { requestIdleCallback?: (callback: () => void) => number }).requestIdleCallback;
if (idle) idle(() => void loadLazyElements());
else setTimeout(() => void loadLazyElements(), 1);
