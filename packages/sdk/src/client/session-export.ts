import type * as z from 'zod/mini';
import { endpoints } from '../contract/endpoints.js';
import type { ExportFormat, SessionFilters } from '../contract/requests.js';
import { Session } from '../contract/session.js';
import { APIConnectionError, APIUserAbortError } from '../errors/connection-error.js';
import { ResponseValidationError } from '../errors/response-validation-error.js';
import type { SessionLensClient } from './client.js';

/**
 * What an export yields: with `jsonl`, each Session document (validated); with `csv`, each CSV
 * record's text exactly as the server wrote it, header record first, each ending with CRLF — so
 * the records joined are the file, and a line break inside a quoted field stays in its record.
 */
export type ExportRow<F extends ExportFormat> = F extends 'csv' ? string : Session;

/** Options of {@link Sessions.export}. */
export type ExportOptions<F extends ExportFormat = ExportFormat> = {
  /** `jsonl` (default): Session documents; `csv`: the text of each CSV record. */
  format?: F;
  /** Stops the export; `break` out of the loop does too. */
  signal?: AbortSignal;
};

/**
 * The rows of `GET /v1/sessions/export`, read as they arrive: the request is sent when iteration
 * starts and closed when it ends (done, `break`, a thrown error or `signal`). Each JSON line is
 * validated as a Session; CSV records are split, not parsed (any CSV reader takes them). There
 * are no retries: an export cut midway throws, and starts over.
 *
 * @internal Used by `sessions.export`.
 */
export async function* exportSessions(
  client: SessionLensClient,
  filters: SessionFilters,
  format: ExportFormat,
  signal: AbortSignal | undefined,
): AsyncGenerator<Session | string> {
  // Ours to abort when iteration ends; the caller's `signal` stops it too.
  const connection = new AbortController();
  const stop = signal ? AbortSignal.any([signal, connection.signal]) : connection.signal;
  const { path } = endpoints.exportSessions;
  let rest = '';
  let quoted = false;
  try {
    const response = await client.openStream(path, { ...filters, format }, { accept: '*/*' }, stop);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value = '' } = await reader.read().catch((cause: unknown) => {
        // The body cut or aborted while it was read: the SDK's typed errors, as for any request.
        throw new (signal?.aborted ? APIUserAbortError : APIConnectionError)(`GET ${path} stopped`, {
          cause,
        });
      });
      // A record ends at a line feed outside quotes (a CSV `""` toggles twice: no change); a JSON
      // line holds no raw line feed, and its quotes do not count.
      let start = 0;
      for (let i = 0; i < value.length; i += 1) {
        if (value[i] === '"' && format === 'csv') quoted = !quoted;
        else if (value[i] === '\n' && !quoted) {
          const record = rest + value.slice(start, (start = i + 1));
          rest = '';
          yield format === 'csv' ? record : parseLine(path, record);
        }
      }
      rest += value.slice(start);
      if (done) return;
    }
  } finally {
    connection.abort();
  }
}

/** One JSON line as a Session, or a `ResponseValidationError` naming what is wrong. */
function parseLine(path: string, line: string): Session {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    // Not JSON: reported below as a line that is no Session.
  }
  const parsed = Session.safeParse(json);
  if (!parsed.success) throw new ResponseValidationError(path, parsed.error.issues as z.core.$ZodIssue[]);
  return parsed.data;
}
