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
