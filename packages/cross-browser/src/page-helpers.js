/**
 * Loaded by the suite's host page (a classic script, before the embed): what the drivers read and
 * do inside the page, as `window.lensTest.<name>(...args)`, so Puppeteer and WebDriver call the
 * very same code. It reads the elements the way a person sees them (open shadow roots, computed
 * styles, the focused element) and never changes them except through `setTheme`.
 */
(() => {
  const tab = () => document.querySelector('session-tab');
  const list = () => tab()?.shadowRoot?.querySelector('session-list') ?? undefined;
  const rows = () =>
    [...(list()?.shadowRoot?.querySelectorAll('session-row') ?? [])].filter((row) => row.session);
  const tabs = () => [...(list()?.shadowRoot?.querySelectorAll('[role=tab]') ?? [])];

  /** The focused element, through every open shadow root. */
  function deepActive() {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }

  /** The list's visible rows in order, by position on screen (the list windows them). */
  function rowsInOrder() {
    return rows().sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
  }

  window.lensTest = {
    /** What the tab shows now. */
    state() {
      const active = deepActive();
      const ordered = rowsInOrder();
      const focused = ordered.find((row) => row === active || row.shadowRoot?.contains(active));
      const root = list()?.shadowRoot;
      return {
        defined: Boolean(customElements.get('session-tab') && customElements.get('session-list')),
        status: list()?.store?.state?.status ?? null,
        error: root?.querySelector('[part~=error]')?.textContent?.trim() ?? null,
        rows: ordered.map((row) => ({
          id: row.session.id,
          kind: row.session.kind,
          status: row.session.status,
        })),
        selectedTab: tabs().find((each) => each.getAttribute('aria-selected') === 'true')?.id ?? null,
        focusedTab: tabs().includes(active) ? active.id : null,
        focusedRow: focused?.session.id ?? null,
        expanded: list()?.expandedId || null,
        detail: Boolean(root?.querySelector('session-detail')?.shadowRoot?.querySelector('h2')),
      };
    },

    /** The origins the page sent its `/v1/` API requests to. */
    apiOrigins() {
      const origins = performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name))
        .filter((url) => url.pathname.startsWith('/v1/'))
        .map((url) => url.origin);
      return [...new Set(origins)];
    },

    /** Puts focus on the selected kind tab, as Tab into the tab list would. */
    focusSelectedTab() {
      tabs()
        .find((each) => each.getAttribute('aria-selected') === 'true')
        ?.focus();
    },

    /** Puts focus on the row at `index` (top first). */
    focusRow(index) {
      rowsInOrder()[index]?.focus();
    },

    /**
     * Sets `theme` on `where` ('html' or 'element', the `<session-tab>`) and removes it from the
     * other; `value` null removes both.
     */
    setTheme(where, value) {
      for (const target of [document.documentElement, tab()]) target.removeAttribute('theme');
      if (value === null) return;
      (where === 'html' ? document.documentElement : tab()).setAttribute('theme', value);
    },

    /** Whether the page sees a light colour-scheme preference. */
    prefersLight() {
      return matchMedia('(prefers-color-scheme: light)').matches;
    },

    /** The computed colours of the list, its first row's title and its scrollbar, and the colour schemes. */
    colours() {
      const base = list().shadowRoot.querySelector('[part~=base]');
      const title = rowsInOrder()[0]?.shadowRoot?.querySelector('[part~=title]');
      return {
        background: getComputedStyle(base).backgroundColor,
        text: getComputedStyle(base).color,
        title: title ? getComputedStyle(title).color : null,
        scheme: getComputedStyle(list()).colorScheme,
        // The list's scroller: its scrollbar (where the browser supports scrollbar-color).
        scrollbar: CSS.supports('scrollbar-color', 'red blue')
          ? getComputedStyle(list().shadowRoot.querySelector('[part~=scroller]')).scrollbarColor
          : null,
        pageScheme: getComputedStyle(document.documentElement).colorScheme,
      };
    },

    /** Runs axe-core over the whole page (it enters open shadow roots); the violations. */
    async axe() {
      if (!window.axe) {
        await new Promise((resolve, reject) => {
          const script = document.createElement('script');
          script.src = '/axe.js';
          script.onload = resolve;
          script.onerror = () => reject(new Error('axe-core did not load'));
          document.head.append(script);
        });
      }
      const results = await window.axe.run(document, { resultTypes: ['violations'] });
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target),
      }));
    },
  };
})();
