import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ExportFormat, SessionFilters } from '@session-lens/sdk';
import type { LensClient } from '../context/lens-context.js';
import type { ActMessages } from '../internal/act-messages.js';
import { errorMessage, formatCount } from '../internal/format.js';

/** Rows between two updates of the progress text (a large export re-renders rarely). */
const ROWS_PER_UPDATE = 250;
/** How long a downloaded file's object URL lives (the download has started long before). */
const URL_LIFETIME_MS = 60_000;

/**
 * Export of what a list shows (E15, A14): a format (CSV or JSON Lines) and an Export button that
 * streams every session matching the list's current filters through the SDK's `sessions.export`
 * (the server's S9 order and the caller's view of each session: cost columns only for those who
 * may see spend), counting rows as they arrive, then downloads them as one file,
 * `sessions-<date>.csv` or `.jsonl`.
 */
export class ListExport {
  readonly #host: ReactiveControllerHost & HTMLElement;
  format: ExportFormat = 'csv';
  #rows = 0;
  #outcome = '';
  #running = false;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }

  async run(
    client: LensClient | undefined,
    filters: SessionFilters,
    words: ActMessages,
    lang?: string,
  ): Promise<void> {
    const format = this.format;
    this.#running = true;
    const parts: string[] = [];
    let rows = format === 'csv' ? -1 : 0; // a CSV's first record is its header
    this.#outcome = '';
    this.#rows = 0;
    this.#host.requestUpdate();
    try {
      // A client without it (a stand-in) fails here, shown as the export's failure.
      for await (const row of client!.sessions.export!(filters, { format })) {
        parts.push(typeof row === 'string' ? row : `${JSON.stringify(row)}\n`);
        if (++rows % ROWS_PER_UPDATE === 0) {
          this.#rows = rows;
          this.#host.requestUpdate();
        }
      }
      const url = URL.createObjectURL(
        new Blob(parts, { type: format === 'csv' ? 'text/csv' : 'application/x-ndjson' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = `sessions-${new Date().toISOString().slice(0, 10)}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
      this.#outcome = words.exported(formatCount(Math.max(0, rows), lang));
    } catch (error) {
      this.#outcome = words.failed(errorMessage(error, words.somethingWrong));
    }
    this.#running = false;
    this.#host.requestUpdate();
  }

  /** The format select, Export (disabled while running) and the progress or last outcome. */
  render(start: () => void, words: ActMessages, lang: string | undefined): TemplateResult {
    const running = this.#running;
    return html`<select
        part="export-format"
        aria-label=${words.export}
        ?disabled=${running}
        @change=${(event: Event) => (this.format = (event.target as HTMLSelectElement).value as ExportFormat)}
      >
        <option value="csv" ?selected=${this.format === 'csv'}>CSV</option>
        <option value="jsonl" ?selected=${this.format === 'jsonl'}>JSON Lines</option>
      </select>
      <button part="export" class="button" type="button" ?disabled=${running} @click=${start}>
        ${words.export}
      </button>
      <span part="export-progress" role="status"
        >${running ? words.exporting(formatCount(this.#rows, lang)) : this.#outcome || nothing}</span
      >`;
  }
}
