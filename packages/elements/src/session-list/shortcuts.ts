/**
 * The list's keyboard shortcuts (E15), their keys and the one rule of when they act:
 * only for a key pressed inside the list, without Ctrl, Alt or Meta, and never while focus is in
 * a text field (the search box, a facet's search), in what the list shows under an expanded row
 * (another element's content), or in a dialog. What each does is the list's (`act-host.ts`).
 */

/**
 * The shortcuts, by `KeyboardEvent.key`: `/` search, `f` the owner filter, `j` / `k` the next /
 * previous row, `x` select the row, `o` open it, `?` the help.
 */
export type Shortcut = '/' | 'f' | 'j' | 'k' | 'x' | 'o' | '?';

/** Whether `node` takes typed text: an input other than a checkbox, a textarea, a select, editable content. */
const takesText = (node: EventTarget) =>
  node instanceof HTMLElement &&
  (node.isContentEditable ||
    node.matches('textarea, select, input:not([type=checkbox], [type=radio], [type=button])'));

/**
 * The shortcut a keydown inside the list asks for, or undefined when it asks for none or must
 * be left alone (see the module's rule).
 */
export function shortcutOf(event: KeyboardEvent): Shortcut | undefined {
  if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) {
    return undefined;
  }
  const shortcut = event.key as Shortcut;
  if (!'/fjkxo?'.includes(shortcut) || shortcut.length !== 1) return undefined;
  for (const node of event.composedPath()) {
    // Only what lies inside the element listening (the list) decides.
    if (node === event.currentTarget) break;
    if (takesText(node)) return undefined;
    if (
      node instanceof HTMLElement &&
      (node.localName === 'dialog' || node.classList.contains('expansion'))
    ) {
      return undefined;
    }
  }
  return shortcut;
}
