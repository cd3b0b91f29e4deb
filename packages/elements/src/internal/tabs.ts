/**
 * The WAI-ARIA tabs keyboard pattern, shared by every tab list: arrows move (mirrored in
 * right-to-left layouts) and wrap around, Home and End jump. Returns the tab to select, or
 * undefined when the key is not one of the pattern's (the caller then leaves the event alone).
 */
export function tabForKey<T>(
  event: KeyboardEvent,
  tabs: readonly T[],
  current: T,
  host: Element,
): T | undefined {
  const index = tabs.indexOf(current);
  const rtl = getComputedStyle(host).direction === 'rtl';
  const moves: Record<string, number> = {
    ArrowRight: rtl ? index - 1 : index + 1,
    ArrowLeft: rtl ? index + 1 : index - 1,
    Home: 0,
    End: tabs.length - 1,
  };
  const target = moves[event.key];
  if (target === undefined) return undefined;
  event.preventDefault();
  return tabs[(target + tabs.length) % tabs.length];
}
