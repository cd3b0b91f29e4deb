import { html, type TemplateResult } from 'lit';

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

/** What {@link renderTabList} draws. */
export type TabListOptions<T extends string> = {
  /** The element the tab list lives in (its direction decides what the arrows mean). */
  host: Element;
  /** The tab list's accessible name. */
  label: string;
  tabs: readonly T[];
  selected: T;
  /** A tab's visible text. */
  labelOf: (tab: T) => string;
  /** The id of the panel a tab controls. */
  panelOf: (tab: T) => string;
  /** Selects a tab; `focus` is true when the keyboard chose it (move focus to the new tab). */
  onSelect: (tab: T, focus: boolean) => void;
};

/**
 * A WAI-ARIA tab list (parts `tabs` and `tab`): one tab stop on the selected tab, the keys of
 * {@link tabForKey}, click to select. The caller renders the panels.
 */
export function renderTabList<T extends string>(options: TabListOptions<T>): TemplateResult {
  const { host, label, tabs, selected, labelOf, panelOf, onSelect } = options;
  const onKey = (event: KeyboardEvent) => {
    const tab = tabForKey(event, tabs, selected, host);
    if (tab !== undefined) onSelect(tab, true);
  };
  return html`<div part="tabs" role="tablist" aria-label=${label} @keydown=${onKey}>
    ${tabs.map(
      (tab) =>
        html`<button
          part="tab"
          role="tab"
          type="button"
          id=${`tab-${tab}`}
          aria-selected=${tab === selected ? 'true' : 'false'}
          aria-controls=${panelOf(tab)}
          tabindex=${tab === selected ? '0' : '-1'}
          @click=${() => onSelect(tab, false)}
        >
          ${labelOf(tab)}
        </button>`,
    )}
  </div>`;
}
