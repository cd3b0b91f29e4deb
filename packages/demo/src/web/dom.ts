/** A child of {@link h}: a node, text, or nothing. */
export type Child = Node | string | false | null | undefined;

/**
 * Creates an element. `attrs` keys: `onclick` (and any `on…`) add listeners, `.name` sets a
 * property (for the elements' object properties), `true` sets a boolean attribute, and anything
 * else sets an attribute. Text children become text nodes, so no string is parsed as HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Record<string, unknown>,
  ...children: Child[]
): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Record<string, unknown>, ...children: Child[]): HTMLElement;
export function h(tag: string, attrs: Record<string, unknown> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value as EventListener);
    } else if (key.startsWith('.')) {
      (element as unknown as Record<string, unknown>)[key.slice(1)] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    element.append(child);
  }
  return element;
}
