import type { ExportFormat, SessionFilters } from '@session-lens/sdk';
import type { Viewer } from '../sessions/model.js';
import type { SessionStore } from '../sessions/store.js';
import { rowWriter } from './rows.js';

type Page = { json: string[]; nextCursor: string | null };

/** Sessions read from the store per page of an export. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * The body of an export (A14): every session the viewer may see that matches the filters, in
 * S9 order, page by page through the list's own keyset query (the first page freezes the
 * instant activeness is judged by, so the walk is one consistent order). The next page is read
 * only when the response has taken the one before (`pull`: one page's text queued at most), so
 * a slow reader holds a page or two in memory, never the export. The first page is read before the stream
 * is returned, so a failure there is an error response rather than a cut 200.
 */
export async function exportStream(
  store: SessionStore,
  viewer: Viewer,
  filters: SessionFilters,
  format: ExportFormat,
  pageSize = EXPORT_PAGE_SIZE,
): Promise<ReadableStream<Uint8Array>> {
  const writer = rowWriter(format, viewer.spend);
  const encoder = new TextEncoder();
  let first: Page | undefined = await store.listJson(viewer, filters, pageSize);
  let cursor: string | null = null;
  let head = writer.head;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const page = first ?? (await store.listJson(viewer, filters, pageSize, cursor ?? undefined));
      first = undefined;
      const text = head + page.json.map(writer.row).join('');
      head = '';
      if (text !== '') controller.enqueue(encoder.encode(text));
      if (page.nextCursor === null) controller.close();
      else cursor = page.nextCursor;
    },
  });
}
