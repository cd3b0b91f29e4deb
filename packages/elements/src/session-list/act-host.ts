import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Session, SessionFilters } from '@session-lens/sdk';
import type { LiveSessionSource } from '../data/live-source.js';
import type { LensClient } from '../context/lens-context.js';
import { loadLazyModule } from '../internal/load-lazy.js';
import type { SessionRow } from '../session-row/session-row.js';
import { shortcutOf } from './shortcuts.js';

/** What the list's act UI reads from the list. */
export type ActList = ReactiveControllerHost &
  HTMLElement & {
    readonly selectable: boolean;
    readonly exportable: boolean;
    readonly scopes?: readonly string[];
    readonly effectiveFilters: SessionFilters;
    readonly store: LiveSessionSource | undefined;
  };

/** What the list hands its act UI besides itself. */
export type ActOptions = {
  /** The rows the list shows, in order. */
  rows: () => readonly Session[];
  /** The language the list renders in. */
  lang: () => string | undefined;
  /** The provider's client (bulk actions and Export call it). */
  client: () => LensClient | undefined;
  /** Whether the caller holds `scope` (bulk Cancel / End show only then). */
  holds: (scope: string) => boolean;
};

/**
 * The act UI (E15) of the chunk `act.ts`: selection, the bulk bar, Export and the shortcut help.
 * The list renders what it returns; it is created once the chunk has loaded.
 */
export type ListAct = {
  /** The styles of the act UI, adopted into the list's shadow root. */
  readonly styles: CSSStyleSheet | undefined;
  /** The ids of the selected sessions the list shows, in list order. */
  readonly selectedIds: readonly string[];
  /** The checkbox cell of a row. */
  checkbox(session: Session): TemplateResult;
  /** The bar over the rows (select all, the bulk bar, Export) and the shortcut help. */
  renderBar(): TemplateResult | typeof nothing;
  /** Toggles `row`'s selection. */
  toggle(row: SessionRow): void;
  /** Opens the shortcut help. */
  help(): Promise<void>;
  /** The list's filters changed: nothing stays selected. */
  reset(): void;
};

/**
 * The list's side of the act UI, in the list's first chunk: it loads the act chunk when the list
 * becomes `selectable` or `exportable`, or when a shortcut first needs it, and reads the list's
 * keyboard shortcuts (`shortcuts.ts`) — moving, searching, filtering and opening itself, selecting
 * and the help through the chunk.
 */
export class ActHost implements ReactiveController {
  readonly #host: ActList;
  readonly #options: ActOptions;
  #ui: ListAct | undefined;

  constructor(host: ActList, options: ActOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The act UI, once its chunk has loaded. */
  get ui(): ListAct | undefined {
    return this.#ui;
  }

  hostUpdate(): void {
    if (this.#host.selectable || this.#host.exportable) void this.#load().catch(() => undefined);
  }

  /** The checkbox cell of `session`'s row, when rows are selectable; else nothing. */
  checkbox(session: Session): TemplateResult | typeof nothing {
    return this.#host.selectable && this.#ui ? this.#ui.checkbox(session) : nothing;
  }

  /** The bar over the rows (and the shortcut help, once asked for). */
  renderBar(): TemplateResult | typeof nothing {
    return this.#ui ? this.#ui.renderBar() : nothing;
  }

  reset(): void {
    this.#ui?.reset();
  }

  async #load(): Promise<ListAct> {
    if (this.#ui) return this.#ui;
    const { createListAct } = await loadLazyModule();
    if (this.#ui) return this.#ui;
    const ui = (this.#ui = createListAct(this.#host, this.#options));
    const root = this.#host.shadowRoot;
    if (root && ui.styles) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ui.styles];
    this.#host.requestUpdate();
    return ui;
  }

  /** A keydown inside the list (on its base): the shortcut it names, if any (`shortcuts.ts`). */
  readonly onKey = (event: KeyboardEvent): void => {
    const shortcut = shortcutOf(event);
    const root = this.#host.shadowRoot;
    if (!shortcut || !root) return;
    const active = root.activeElement;
    const row = (
      active?.localName === 'session-row'
        ? active
        : active?.closest('[role=listitem]')?.querySelector('session-row')
    ) as SessionRow | null | undefined;
    const control =
      shortcut === '/'
        ? root.querySelector<HTMLElement>('[part~=search]')
        : shortcut === 'f'
          ? root
              .querySelector('session-owner-facet')
              ?.shadowRoot?.querySelector<HTMLElement>('[part~=filter]')
          : undefined;
    const select = shortcut === 'x';
    // A shortcut for what the list does not show, or for a row when no row has focus: left alone.
    if (control === null || (!row && (select || shortcut === 'o')) || (select && !this.#host.selectable))
      return;
    event.preventDefault();
    control?.focus();
    if (shortcut === 'f') control?.click();
    else if (shortcut === 'j' || shortcut === 'k') {
      // As Down or Up would from the row (row-focus.ts), or from the list to the first row in view.
      (row ?? root.querySelector('.scroller'))?.dispatchEvent(
        new KeyboardEvent('keydown', { key: shortcut === 'j' ? 'ArrowDown' : 'ArrowUp', bubbles: true }),
      );
    } else if (shortcut === 'o') row!.shadowRoot?.querySelector<HTMLElement>('[part~=open]')?.click();
    else if (shortcut !== '/') {
      void this.#load().then((ui) => (select ? ui.toggle(row!) : ui.help()));
    }
  };
}
