import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  DIFF_LIMITS,
  diffFile,
  isHugeEdit,
  splitLines,
  splitRows,
  type DiffLine,
  type FileDiffModel,
} from './diff-model.js';
import { detailMessagesForLocale, type DetailWords } from '../internal/detail-messages.js';
import { fileDiffStyles } from './file-diff.styles.js';

/** How a diff lays out its lines: one column, or before and after side by side. */
export type DiffView = 'unified' | 'split';

/** What the reader chose in one diff: its view, the runs they expanded, Show diff of a huge edit. */
export type DiffState = { view?: DiffView; expanded?: ReadonlySet<number>; forced?: boolean };

/**
 * A file edit as a line diff, computed with the `diff` package (E13): line numbers on both sides,
 * word-level highlights where a line was changed into a similar one, runs of unchanged lines
 * beyond three of context collapsed behind a button that expands them, and a Unified / Split
 * switch. `oldText` null is a created file (every line added), `newText` null a deleted one.
 *
 * A huge edit (over `DIFF_LIMITS.summaryLines` = 4,000 lines or `summaryChars` = 400,000
 * characters, before and after together) is summarized until the reader chooses Show diff; two
 * files more than `DIFF_LIMITS.maxEdit` = 4,000 changed lines apart are shown as too different.
 * File contents are text, never markup.
 *
 * `<session-detail>` renders one per file edit of a transcript and forwards its `diff`,
 * `diff-line-added` and `diff-line-removed` parts. It comes in the embed's later chunk, with the
 * detail (its own chunk would split Lit out of the first one and grow it past the X6 cap).
 *
 * @summary A file edit as a unified or split line diff.
 * @tagname session-file-diff
 *
 * @csspart diff - The diff: its toolbar and lines.
 * @csspart diff-line-added - An added line.
 * @csspart diff-line-removed - A removed line.
 * @csspart diff-expand - The button that shows a collapsed run of unchanged lines.
 *
 * It reads the `--lens-*` tokens as the detail around it resolved them (theme included).
 *
 * @cssprop --lens-font-mono - The lines' font.
 * @cssprop --lens-color-live - Tints added lines.
 * @cssprop --lens-color-problem - Tints removed lines.
 */
export class FileDiff extends LitElement {
  static override styles = fileDiffStyles;

  // Declared without decorators: this chunk then shares nothing with the first one but Lit.
  static override properties = {
    oldText: { attribute: false },
    newText: { attribute: false },
    path: {},
    view: { reflect: true },
    locale: {},
    state: { attribute: false },
    expanded: { state: true },
    forced: { state: true },
  };

  /** The file before the edit; null when the edit created it. */
  oldText: string | null = null;

  /** The file after the edit; null when the edit deleted it. */
  newText: string | null = null;

  /** The file's path, named in the diff's accessible label. */
  path = '';

  /** Unified (one column) or split (before and after side by side); the reader can switch. */
  view: DiffView = 'unified';

  /** The language of its words (a registered language, else English); `<session-detail>` passes its own. */
  locale = '';

  /**
   * Where the reader's choices are kept (they are read from it when it is set, and written to it
   * as the reader makes them): a host that reuses one element for several files, as a windowed
   * transcript does, hands each file its own object, and each file keeps its own view and runs.
   */
  state?: DiffState;

  /** Indexes of the collapsed runs the reader expanded. */
  private expanded: ReadonlySet<number> = new Set();

  /** Whether the reader asked for the diff of a huge edit. */
  private forced = false;

  #model: FileDiffModel | undefined;
  #modelFor: [string | null, string | null] | undefined;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('oldText') || changed.has('newText')) {
      this.expanded = new Set();
      this.forced = false;
    }
    const state = this.state;
    if (!state) return;
    // Another file's choices (a reused element): its own, or none yet.
    if (changed.has('state')) {
      ({
        view: this.view = 'unified',
        expanded: this.expanded = new Set(),
        forced: this.forced = false,
      } = state);
    }
    Object.assign(state, { view: this.view, expanded: this.expanded, forced: this.forced });
  }

  #computed(): FileDiffModel | undefined {
    const key = this.#modelFor;
    if (!key || key[0] !== this.oldText || key[1] !== this.newText) {
      this.#modelFor = [this.oldText, this.newText];
      this.#model = diffFile(this.oldText, this.newText);
    }
    return this.#model;
  }

  #words(): DetailWords['diff'] {
    return detailMessagesForLocale(this.locale).diff;
  }

  #code(line: DiffLine): TemplateResult {
    const words = line.words;
    const mark = line.kind === '+' ? 'ins' : 'del';
    return html`<code class="code"
      >${
        words
          ? words.map(([changed, text]) =>
              changed ? (mark === 'ins' ? html`<ins>${text}</ins>` : html`<del>${text}</del>`) : text,
            )
          : line.text
      }</code
    >`;
  }

  #part(line: DiffLine): string {
    return line.kind === '+' ? 'diff-line-added' : line.kind === '-' ? 'diff-line-removed' : 'diff-line';
  }

  /** One line of the unified view: both numbers, the sign and the text. */
  #unified(line: DiffLine): TemplateResult {
    return html`<div class="line" part=${this.#part(line)} data-kind=${line.kind}>
      <span class="no">${line.old ?? ''}</span><span class="no">${line.new ?? ''}</span
      ><span class="sign">${line.kind}</span>${this.#code(line)}
    </div>`;
  }

  /** One side of a split row; an empty cell where the other side has no counterpart. */
  #side(line: DiffLine | undefined, side: 'old' | 'new'): TemplateResult {
    if (!line) return html`<div class="line empty"></div>`;
    const kind = line.kind === ' ' ? ' ' : side === 'old' ? '-' : '+';
    return html`<div class="line" part=${this.#part(line)} data-kind=${kind}>
      <span class="no">${line[side]}</span><span class="sign">${kind}</span>${this.#code(line)}
    </div>`;
  }

  #block(lines: DiffLine[]): TemplateResult[] {
    if (this.view !== 'split') return lines.map((line) => this.#unified(line));
    return splitRows(lines).map(
      ([left, right]) => html`<div class="row">${this.#side(left, 'old')}${this.#side(right, 'new')}</div>`,
    );
  }

  #expand(index: number): void {
    this.expanded = new Set([...this.expanded, index]);
  }

  #renderLines(model: FileDiffModel, words: DetailWords['diff']): TemplateResult {
    return html`<div
      class="lines"
      role="group"
      aria-label=${`${this.path} · ${words.lines(model.added, model.removed)}`}
    >
      ${model.blocks.map((block, index) =>
        block.collapsed && !this.expanded.has(index)
          ? html`<button part="diff-expand" class="expand" type="button" @click=${() => this.#expand(index)}>
              ${words.expand(block.lines.length)}
            </button>`
          : this.#block(block.lines),
      )}
    </div>`;
  }

  #renderBody(words: DetailWords['diff']): TemplateResult {
    if (!this.forced && isHugeEdit(this.oldText, this.newText)) {
      return html`<p class="note">
        ${words.huge(splitLines(this.oldText).length, splitLines(this.newText).length)}
        <button type="button" @click=${() => (this.forced = true)}>${words.show}</button>
      </p>`;
    }
    const model = this.#computed();
    if (!model) return html`<p class="note">${words.tooDifferent}</p>`;
    return this.#renderLines(model, words);
  }

  #switch(view: DiffView, label: string): TemplateResult {
    return html`<button
      type="button"
      aria-pressed=${String(this.view === view)}
      @click=${() => (this.view = view)}
    >
      ${label}
    </button>`;
  }

  override render() {
    const words = this.#words();
    const changed = this.oldText !== null && this.newText !== null;
    return html`<div part="diff" class="diff" dir="ltr">
      ${
        changed
          ? html`<div class="bar" role="group" aria-label=${words.label}>
              ${this.#switch('unified', words.unified)}${this.#switch('split', words.split)}
            </div>`
          : nothing
      }
      ${this.#renderBody(words)}
    </div>`;
  }
}

export { DIFF_LIMITS };

declare global {
  interface HTMLElementTagNameMap {
    'session-file-diff': FileDiff;
  }
}
