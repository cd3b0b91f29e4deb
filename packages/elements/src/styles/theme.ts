import type { ReactiveElement } from 'lit';
import { themeStyles, tokens } from './tokens.js';

/** Documents and shadow roots that hold the theme sheet already, or are an element's own. */
const done = new WeakSet<Document | ShadowRoot>();

const isShadowRoot = (node: Node): node is ShadowRoot => node.nodeType === 11 && 'host' in node;
const isDocument = (node: Node): node is Document => node.nodeType === 9;

/** A Session Lens element's own shadow root: the one carrying the shared token sheet. */
function isOwnRoot(root: ShadowRoot): boolean {
  const sheet = tokens.styleSheet;
  return sheet !== undefined && root.adoptedStyleSheets.includes(sheet);
}

function adoptInto(root: Document | ShadowRoot): void {
  done.add(root);
  const sheet = themeStyles.styleSheet;
  if (sheet) {
    try {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return;
    } catch {
      // A sheet built in another document (an element moved into an iframe): fall through.
    }
  }
  const document = isDocument(root) ? root : root.ownerDocument;
  const style = document.createElement('style');
  style.textContent = themeStyles.cssText;
  (isDocument(root) ? (root.head ?? root.documentElement) : root).append(style);
}

/**
 * Puts the theme sheet (`themeStyles`) into every document and shadow root from `element` up to
 * its document, once each, so that a `theme` attribute on any ancestor — in the page or inside a
 * host's own shadow DOM — reaches the element through inherited custom properties. The elements'
 * own shadow roots are skipped: nothing inside them carries a `theme` attribute.
 */
export function adoptTheme(element: Element): void {
  let root: Node = element.getRootNode();
  while (isShadowRoot(root)) {
    if (!done.has(root)) {
      if (isOwnRoot(root)) done.add(root);
      else adoptInto(root);
    }
    root = root.host.getRootNode();
  }
  if (isDocument(root) && !done.has(root)) adoptInto(root);
}

/**
 * Makes every instance of an element class call {@link adoptTheme} whenever it connects. Each
 * Session Lens element calls it once in a static block: `static { themed(this); }`.
 */
export function themed(elementClass: typeof ReactiveElement): void {
  elementClass.addInitializer((host) => host.addController({ hostConnected: () => adoptTheme(host) }));
}
