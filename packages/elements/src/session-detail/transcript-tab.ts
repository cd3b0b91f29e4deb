import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { TranscriptEntry } from '@session-lens/sdk';
import type { DiffState } from '../file-diff/file-diff.js';
import { formatDateTime } from '../internal/format.js';
import type { DetailMessages } from '../internal/detail-messages.js';
import { countText } from '../internal/messages.js';
import type { RowWindow } from '../session-list/row-window.js';

/** From how many entries the transcript is windowed (fewer are all in the DOM). */
export const WINDOW_FROM = 200;

/**
 * What the reader opened or chose in one entry: a tool call's arguments and result, a file
 * edit's diff view and expanded runs. It is kept with the entry's row, since the window reuses
 * its row elements for whichever entries scroll into their place.
 */
export type EntryState = DiffState & { arguments?: boolean; result?: boolean };

/** A transcript entry as a row (RowWindow keys rows by id: its `seq`), with the reader's choices in it. */
export type TranscriptRow = {
  readonly id: string;
  readonly entry: TranscriptEntry;
  readonly state: EntryState;
};

/**
 * One row object per entry, kept while the entry is: the window's rows change only as entries
 * do, and what the reader chose in an entry stays with it wherever the window shows it.
 */
const rowOf = new WeakMap<TranscriptEntry, TranscriptRow>();
let lastRows: { entries: readonly TranscriptEntry[]; rows: readonly TranscriptRow[] } | undefined;

/** `entries` as windowed rows; the same array for the same entries. */
function rowsOf(entries: readonly TranscriptEntry[]): readonly TranscriptRow[] {
  if (lastRows?.entries === entries) return lastRows.rows;
  const rows = entries.map((entry) => {
    let row = rowOf.get(entry);
    if (!row) rowOf.set(entry, (row = { id: String(entry.seq), entry, state: {} }));
    return row;
  });
  lastRows = { entries, rows };
  return rows;
}

/** What the Transcript tab shows. */
export type TranscriptView = {
  /** The entries, oldest first; undefined when there is no transcript (yet). */
  readonly entries: readonly TranscriptEntry[] | undefined;
  readonly loading: boolean;
  /** Offers "Load more" when set. */
  readonly onLoadMore: (() => void) | undefined;
  /** Live entries below the reader's view (Follow mode paused): "N new entries" jumps to them. */
  readonly unseen: number;
  readonly onJump: () => void;
  readonly onScroll: () => void;
  /** Renders only the entries near the view (a 10,000-entry transcript scrolls at frame rate). */
  readonly rowWindow: RowWindow<TranscriptRow>;
  readonly locale: string | undefined;
  readonly words: DetailMessages;
};

type EntryOf<Type extends TranscriptEntry['type']> = Extract<TranscriptEntry, { type: Type }>;

/** A JSON value as readable text: strings as they are, anything else pretty-printed. */
function jsonText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

function renderMessage(entry: EntryOf<'message'>, at: TemplateResult, words: DetailMessages): TemplateResult {
  return html`<div part="entry" class="entry" data-type="message" data-role=${entry.role}>
    <div class="entry-head"><strong>${words.role[entry.role] ?? entry.role}</strong>${at}</div>
    <p class="message-text text">${entry.text}</p>
  </div>`;
}

/** A tool call's arguments or result, open as the reader left it in this entry. */
function renderDetails(state: EntryState, key: 'arguments' | 'result', value: unknown, label: string) {
  return html`<details
    ?open=${state[key]}
    @toggle=${(event: Event) => (state[key] = (event.target as HTMLDetailsElement).open)}
  >
    <summary>${label}</summary>
    <pre>${jsonText(value)}</pre>
  </details>`;
}

function renderToolCall(
  entry: EntryOf<'tool_call'>,
  at: TemplateResult,
  words: DetailMessages,
  state: EntryState,
): unknown {
  // Keyed by entry: a reused row's <details> would keep the last entry's open state.
  return keyed(
    entry.seq,
    html`<div part="entry" class="entry" data-type="tool_call">
      <div class="entry-head">
        <strong>${words.toolCall}</strong><code class="text">${entry.name}</code>
        <span>${words.toolStatus[entry.status] ?? entry.status}</span>${at}
      </div>
      ${renderDetails(state, 'arguments', entry.arguments, words.arguments)}
      ${entry.result !== undefined ? renderDetails(state, 'result', entry.result, words.result) : nothing}
    </div>`,
  );
}

function renderFileEdit(
  entry: EntryOf<'file_edit'>,
  at: TemplateResult,
  words: DetailMessages,
  locale: string | undefined,
  state: EntryState,
): TemplateResult {
  const change = entry.before === null ? 'created' : entry.after === null ? 'deleted' : 'edited';
  return html`<div part="entry" class="entry" data-type="file_edit">
    <div class="entry-head">
      <strong>${words.fileChange[change]}</strong><code class="text">${entry.path}</code>${at}
    </div>
    <session-file-diff
      exportparts="diff, diff-line-added, diff-line-removed, diff-expand"
      path=${entry.path}
      .locale=${locale ?? ''}
      .oldText=${entry.before}
      .newText=${entry.after}
      .state=${state}
    ></session-file-diff>
  </div>`;
}

function renderStep(entry: EntryOf<'step'>, at: TemplateResult, words: DetailMessages): TemplateResult {
  return html`<div part="entry" class="entry" data-type="step">
    <div class="entry-head">
      <strong>${words.step}</strong><span class="text">${entry.name}</span>
      <status-pill status=${entry.status}></status-pill>${at}
    </div>
  </div>`;
}

/** One transcript entry, by its kind: a message, a tool call, a file edit or a step. */
function renderEntry({ entry, state }: TranscriptRow, view: TranscriptView): unknown {
  const { locale, words } = view;
  const at = html`<time datetime=${entry.at}>${formatDateTime(entry.at, locale)}</time>`;
  switch (entry.type) {
    case 'message':
      return renderMessage(entry, at, words);
    case 'tool_call':
      return renderToolCall(entry, at, words, state);
    case 'file_edit':
      return renderFileEdit(entry, at, words, locale, state);
    case 'step':
      return renderStep(entry, at, words);
  }
  // An entry type this version does not know renders nothing (undefined).
  return undefined;
}

/** The Transcript tab: every entry oldest first, and "Load more" while pages remain. */
export function renderTranscriptTab(view: TranscriptView): TemplateResult {
  const { entries, words } = view;
  if (!entries) {
    return html`<p class="muted">${view.loading ? words.loadingTranscript : words.noTranscript}</p>`;
  }
  if (entries.length === 0) return html`<p class="muted">${words.noTranscriptEntries}</p>`;
  // Its own scroll container, so that Follow mode keeps the newest entry in view wherever the
  // detail is shown; focusable, so the keyboard scrolls it too. A long transcript is windowed:
  // only the entries near the view are in the DOM, in a scroller of fixed height.
  const item = (row: TranscriptRow, index: number) =>
    html`<div class="item" role="listitem" data-index=${index}>${renderEntry(row, view)}</div>`;
  const rows = rowsOf(entries);
  const windowed = rows.length >= WINDOW_FROM;
  return html`<div
      part="transcript"
      class=${windowed ? 'entries windowed' : 'entries'}
      role="list"
      aria-label=${words.transcript}
      tabindex="0"
      @scroll=${view.onScroll}
    >
      ${windowed ? view.rowWindow.render(rows, undefined, item) : rows.map(item)}
    </div>
    ${
      view.unseen > 0
        ? html`<button part="new-entries" class="button new-entries" type="button" @click=${view.onJump}>
            ${countText(words.newEntries, view.unseen, view.locale)}
          </button>`
        : nothing
    }
    ${
      view.onLoadMore
        ? html`<p>
            <button class="button" type="button" @click=${view.onLoadMore}>${words.loadMore}</button>
          </p>`
        : nothing
    }`;
}
