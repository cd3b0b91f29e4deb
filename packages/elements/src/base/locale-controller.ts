import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/** A writing direction, as the nearest `dir` attribute sets it. */
export type Direction = 'ltr' | 'rtl';

/** The language and direction an element reads: the nearest ancestor's `lang` and `dir`. */
export type LocaleSettings = {
  /** The nearest `lang` (crossing shadow roots), or undefined for the browser's. */
  readonly lang: string | undefined;
  /** The nearest `dir` of `ltr` or `rtl` (crossing shadow roots); `ltr` when none is set. */
  readonly dir: Direction;
};

/**
 * Reads `lang` and `dir` from the element or its nearest ancestors, crossing shadow roots up to
 * the document element (`dir="auto"` is skipped: it names no direction of its own).
 */
export function resolveLocale(element: Element): LocaleSettings {
  let lang: string | undefined;
  let dir: Direction | undefined;
  let node: Node | null = element;
  while (node && (lang === undefined || dir === undefined)) {
    if (node instanceof HTMLElement) {
      if (lang === undefined && node.lang) lang = node.lang;
      if (dir === undefined && (node.dir === 'rtl' || node.dir === 'ltr')) dir = node.dir;
    }
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return { lang, dir: dir ?? 'ltr' };
}

/**
 * One observer for the page: it watches `lang` and `dir` in the document and in every shadow root
 * an observed element sits in, and tells each connected controller to look again. Such changes
 * are rare; a change re-resolves the connected controllers and re-renders only those whose
 * language or direction actually changed.
 */
const controllers = new Set<LocaleController>();
const watched = new WeakSet<Node>();
let observer: MutationObserver | undefined;

function watchRootsOf(element: Element): void {
  observer ??= new MutationObserver(() => {
    for (const controller of controllers) controller.refresh();
  });
  let root: Node = element.getRootNode();
  for (;;) {
    if (!watched.has(root)) {
      watched.add(root);
      observer.observe(root, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
    }
    if (!(root instanceof ShadowRoot)) break;
    root = root.host.getRootNode();
  }
}

/**
 * Re-renders every connected element that reads a language: after a language pack is registered
 * (`registerLanguage`), so elements already on the page show its words.
 */
export function refreshLocales(): void {
  for (const controller of controllers) controller.refresh(true);
}

/**
 * Gives its host the language and direction it sits in, and keeps them current: resolved once
 * on connect (not on every render), then again whenever a `lang` or `dir` attribute changes on
 * the host, an ancestor or the document element, re-rendering the host when either changed.
 *
 * Read `lang` for formatting and word tables, `dir` for what arrow keys mean.
 */
export class LocaleController implements ReactiveController, LocaleSettings {
  readonly #host: Host;
  #settings: LocaleSettings = { lang: undefined, dir: 'ltr' };

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  /** The nearest `lang`, or undefined for the browser's language. */
  get lang(): string | undefined {
    return this.#settings.lang;
  }

  /** The nearest `dir` (`ltr` when none is set). */
  get dir(): Direction {
    return this.#settings.dir;
  }

  hostConnected(): void {
    controllers.add(this);
    watchRootsOf(this.#host);
    // Moved under another language while away: render in the new one.
    this.refresh();
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  /** Looks again at `lang` and `dir`; re-renders the host when either changed, or when `force`d. */
  refresh(force = false): void {
    const next = resolveLocale(this.#host);
    if (!force && next.lang === this.#settings.lang && next.dir === this.#settings.dir) return;
    this.#settings = next;
    this.#host.requestUpdate();
  }
}
