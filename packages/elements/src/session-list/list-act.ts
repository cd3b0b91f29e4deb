import { css, html, nothing, type TemplateResult } from 'lit';
import type { Session } from '@session-lens/sdk';
import { actMessagesForLocale, type ActMessages } from '../internal/act-messages.js';
import { clampText, formatCount } from '../internal/format.js';
import type { SessionRow } from '../session-row/session-row.js';
import type { ActList, ActOptions, ListAct } from './act-host.js';
import { RowSelection } from './selection.js';
import { ListExport } from './list-export.js';
import { BulkBar } from './bulk-bar.js';

/** The act UI's styles, adopted into the list's shadow root when the chunk loads. */
const actStyles = css`
  .scroller .item[data-selectable] {
    display: grid;
    grid-template-columns: 2.5rem minmax(0, 1fr);
  }
  .item > .expansion {
    grid-column: 1 / -1;
  }
  .select {
    display: grid;
    place-items: center;
    border-bottom: 1px solid var(--_border);
  }
  .check {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }
  .item:has(.check:checked) > * {
    --lens-color-surface: var(--_surface-raised);
  }
  .act-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    font-size: var(--_font-size-s);
    padding: var(--_space-s) var(--_space-m);
    border-bottom: 1px solid var(--_border);
  }
  [part~='bulk-refusals'] {
    flex-basis: 100%;
    max-height: 8rem;
    margin: 0;
    overflow: auto;
  }
  .help {
    background: var(--_surface-raised);
    color: var(--_text);
  }
`;

/**
 * The act UI of a `<session-list>` (E15), created when the act chunk loads: the selection (by
 * session id, `selection.ts`), a checkbox per row, the bar over the rows ("Select all N
 * matching", the bulk bar, Clear selection, Export) and the shortcut help. The list renders what
 * it returns; nothing here touches a row's data — rows change only through the live store.
 */
class ListActUi implements ListAct {
  readonly styles = actStyles.styleSheet;
  readonly #host: ActList;
  readonly #options: ActOptions;
  readonly #selection = new RowSelection();
  readonly #export: ListExport;
  readonly #bulk: BulkBar;
  #helpWanted = false;

  constructor(host: ActList, options: ActOptions) {
    this.#host = host;
    this.#options = options;
    this.#export = new ListExport(host);
    this.#bulk = new BulkBar(host, options);
  }

  get selectedIds(): readonly string[] {
    return this.#selection.selectedIn(this.#options.rows()).map((session) => session.id);
  }

  #words(): ActMessages {
    return actMessagesForLocale(this.#options.lang());
  }

  /** A person set `id`'s row (and, with `range`, the rows from the last one toggled). */
  #set(id: string, selected: boolean, range: boolean): void {
    this.#selection.set(id, selected, this.#options.rows(), range);
    this.#host.requestUpdate();
  }

  checkbox(session: Session): TemplateResult {
    const words = this.#words();
    const selected = this.#selection.has(session.id);
    const title = clampText(session.title, 80) || words.untitled;
    // Not a tab stop: the rows stay one (E10), and `x` selects the focused row.
    return html`<span class="select" part="select">
      <input
        class="check"
        type="checkbox"
        tabindex="-1"
        aria-label=${words.selectSession(title)}
        .checked=${selected}
        @click=${(event: MouseEvent) =>
          this.#set(session.id, (event.target as HTMLInputElement).checked, event.shiftKey)}
      />
    </span>`;
  }

  toggle(row: SessionRow): void {
    const id = row.session?.id;
    if (id) this.#set(id, !this.#selection.has(id), false);
  }

  async help(): Promise<void> {
    this.#helpWanted = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.shadowRoot?.querySelector<HTMLDialogElement>('.help')?.showModal();
  }

  /** The shortcut help: a modal dialog (Escape closes it; focus returns where it was). */
  #renderHelp(words: ActMessages): TemplateResult {
    const { shortcut } = words;
    const keys: Array<[string, string]> = [
      ['/', words.search],
      ['f', words.filter],
      ['j / k', shortcut.move],
      ...(this.#host.selectable ? ([['x', shortcut.select]] as Array<[string, string]>) : []),
      ['o / Enter', words.open],
      ['?', words.shortcuts],
    ];
    return html`<dialog part="shortcuts" class="help" aria-labelledby="help-title">
      <h2 id="help-title">${words.shortcuts}</h2>
      <ul>
        ${keys.map(([key, what]) => html`<li><kbd>${key}</kbd> ${what}</li>`)}
      </ul>
      <button
        class="button"
        type="button"
        @click=${(event: Event) => (event.target as HTMLElement).closest('dialog')?.close()}
      >
        ${words.close}
      </button>
    </dialog>`;
  }

  reset(): void {
    if (this.selectedIds.length === 0 && !this.#selection.allMatching) return;
    this.#selection.selectAll(false);
    this.#host.requestUpdate();
  }

  #renderSelection(words: ActMessages): TemplateResult {
    const rows = this.#options.rows();
    const more = this.#host.store?.hasMore ?? false;
    const lang = this.#options.lang();
    const selected = this.#selection.selectedIn(rows);
    const all = this.#selection.allMatching;
    const matching = `${formatCount(rows.length, lang)}${more ? '+' : ''}`;
    return html`<label>
        <input
          class="check"
          part="select-all"
          type="checkbox"
          .checked=${all}
          .indeterminate=${!all && selected.length > 0}
          ?disabled=${rows.length === 0}
          @change=${(event: Event) => {
            this.#selection.selectAll((event.target as HTMLInputElement).checked);
            this.#host.requestUpdate();
          }}
        />
        ${words.selectAll(matching)}
      </label>
      ${this.#bulk.render(
        {
          ids: selected.map((session) => session.id),
          filters: all ? this.#host.effectiveFilters : undefined,
          count: selected.length,
          more: all && more,
          rows,
        },
        words,
        lang,
      )} `;
  }

  renderBar(): TemplateResult {
    const words = this.#words();
    const { selectable, exportable } = this.#host;
    const lang = this.#options.lang();
    return html`${
      selectable || exportable
        ? html`<div part="act-bar" class="act-bar">
            ${selectable ? this.#renderSelection(words) : nothing}
            ${
              exportable
                ? this.#export.render(
                    () =>
                      void this.#export.run(this.#options.client(), this.#host.effectiveFilters, words, lang),
                    words,
                    lang,
                  )
                : nothing
            }
          </div>`
        : nothing
    }
    ${this.#helpWanted ? this.#renderHelp(words) : nothing}`;
  }
}

/** The act UI of `host` (see {@link ListActUi}). */
export function createListAct(host: ActList, options: ActOptions): ListAct {
  return new ListActUi(host, options);
}
