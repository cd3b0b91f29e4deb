import { html, nothing, type TemplateResult } from 'lit';
import type { TranscriptEntry } from '@session-lens/sdk';
import { formatDateTime } from '../internal/format.js';
import type { DetailMessages } from '../internal/detail-messages.js';
import { countText } from '../internal/messages.js';

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
  return html`<li part="entry" class="entry" data-type="message" data-role=${entry.role}>
    <div class="entry-head"><strong>${words.role[entry.role] ?? entry.role}</strong>${at}</div>
    <p class="message-text text">${entry.text}</p>
  </li>`;
}

function renderToolCall(
  entry: EntryOf<'tool_call'>,
  at: TemplateResult,
  words: DetailMessages,
): TemplateResult {
  return html`<li part="entry" class="entry" data-type="tool_call">
    <div class="entry-head">
      <strong>${words.toolCall}</strong><code class="text">${entry.name}</code>
      <span>${words.toolStatus[entry.status] ?? entry.status}</span>${at}
    </div>
    <details>
      <summary>${words.arguments}</summary>
      <pre>${jsonText(entry.arguments)}</pre>
    </details>
    ${
      entry.result !== undefined
        ? html`<details>
            <summary>${words.result}</summary>
            <pre>${jsonText(entry.result)}</pre>
          </details>`
        : nothing
    }
  </li>`;
}

function renderFileEdit(
  entry: EntryOf<'file_edit'>,
  at: TemplateResult,
  words: DetailMessages,
  locale: string | undefined,
): TemplateResult {
  const change = entry.before === null ? 'created' : entry.after === null ? 'deleted' : 'edited';
  return html`<li part="entry" class="entry" data-type="file_edit">
    <div class="entry-head">
      <strong>${words.fileChange[change]}</strong><code class="text">${entry.path}</code>${at}
    </div>
    <session-file-diff
      exportparts="diff, diff-line-added, diff-line-removed, diff-expand"
      path=${entry.path}
      .locale=${locale ?? ''}
      .oldText=${entry.before}
      .newText=${entry.after}
    ></session-file-diff>
  </li>`;
}

function renderStep(entry: EntryOf<'step'>, at: TemplateResult, words: DetailMessages): TemplateResult {
  return html`<li part="entry" class="entry" data-type="step">
    <div class="entry-head">
      <strong>${words.step}</strong><span class="text">${entry.name}</span>
      <status-pill status=${entry.status}></status-pill>${at}
    </div>
  </li>`;
}

/** One transcript entry, by its kind: a message, a tool call, a file edit or a step. */
function renderEntry(
  entry: TranscriptEntry,
  locale: string | undefined,
  words: DetailMessages,
): TemplateResult {
  const at = html`<time datetime=${entry.at}>${formatDateTime(entry.at, locale)}</time>`;
  switch (entry.type) {
    case 'message':
      return renderMessage(entry, at, words);
    case 'tool_call':
      return renderToolCall(entry, at, words);
    case 'file_edit':
      return renderFileEdit(entry, at, words, locale);
    case 'step':
      return renderStep(entry, at, words);
    default:
      return html``;
  }
}

/** The Transcript tab: every entry oldest first, and "Load more" while pages remain. */
export function renderTranscriptTab(view: TranscriptView): TemplateResult {
  const { entries, words } = view;
  if (!entries) {
    return html`<p class="muted">${view.loading ? words.loadingTranscript : words.noTranscript}</p>`;
  }
  if (entries.length === 0) return html`<p class="muted">${words.noTranscriptEntries}</p>`;
  // Its own scroll container, so that Follow mode keeps the newest entry in view wherever the
  // detail is shown; focusable, so the keyboard scrolls it too.
  return html`<ol
      part="transcript"
      class="entries"
      aria-label=${words.transcript}
      tabindex="0"
      @scroll=${view.onScroll}
    >
      ${entries.map((entry) => renderEntry(entry, view.locale, words))}
    </ol>
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
