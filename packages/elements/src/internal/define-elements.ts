import { formatMoney } from '@session-lens/sdk';

/**
 * Registers each tag of `elements` in order, skipping a tag that is already defined (by a second
 * copy of the package, or by a host that registered its own element under that name). Put the
 * provider first: when this runs after the page parsed, it then upgrades before the elements
 * inside it and answers their first context request.
 */
export function defineElements(elements: Readonly<Record<string, CustomElementConstructor>>): void {
  for (const [tag, element] of Object.entries(elements)) {
    if (!customElements.get(tag)) customElements.define(tag, element);
  }
}

/**
 * Builds, while the browser is idle, the number formatters rows use, for the page's language: a
 * page's first `Intl.NumberFormat` costs ICU's one-time set-up (~10 ms on a desktop, ~40 ms on a
 * 4× slower phone), which would otherwise land between a list's data arriving and its first rows.
 * The formatters go into the SDK's cache, where the rows find them.
 */
export function warmFormatters(): void {
  const warm = () => {
    try {
      formatMoney('0', { locale: document.documentElement.lang || undefined });
    } catch {
      // An invalid lang: the rows fall back as they would have; nothing to warm.
    }
  };
  const idle = (globalThis as { requestIdleCallback?: (callback: () => void) => number }).requestIdleCallback;
  if (idle) idle(warm);
  else setTimeout(warm, 1);
}
