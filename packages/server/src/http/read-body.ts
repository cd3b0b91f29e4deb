import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { HttpProblem } from './problem.js';

/** The default largest request body, in bytes (A17). */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * 413, sent with `Connection: close`: the rest of an oversized body is never read, so the
 * connection cannot carry another request and is closed once the answer is written.
 */
function tooLarge(limit: number): HttpProblem {
  const problem = new HttpProblem(413, 'too-large', `The body exceeds ${limit} bytes.`);
  problem.headers.connection = 'close';
  return problem;
}

/** `application/json` or any `+json` type, with or without parameters (`; charset=utf-8`). */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type);
}

/** Reads a node request with a byte counter; stops reading the moment it passes `limit`. */
function readIncoming(incoming: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        // Stop reading; the 413 goes out with `Connection: close` and node drops the socket.
        incoming.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      if (incoming.complete) return;
      cleanup();
      reject(new HttpProblem(400, 'incomplete-body', 'The request body ended before it was complete.'));
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}

/** Reads a web request body (hosts other than node:http) with the same byte counter. */
async function readWebBody(request: Request, limit: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/**
 * The raw body of a request whose route takes JSON, bounded while it streams in (A17): a
 * declared `Content-Length` over the limit is refused before a byte is read, and a chunked
 * body is counted as it arrives and refused the moment it passes the limit — nothing beyond it
 * is ever buffered. A `Content-Type` other than JSON is 415, before reading.
 */
export async function readBoundedBody(c: Context, limit: number): Promise<string> {
  const contentType = c.req.header('content-type');
  if (!isJsonMediaType(contentType)) {
    throw new HttpProblem(
      415,
      'unsupported-media-type',
      contentType === undefined
        ? 'This route takes a JSON body: send Content-Type: application/json.'
        : `This route takes a JSON body, not ${contentType.split(';')[0]}: send Content-Type: application/json.`,
    );
  }
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(limit);
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  const bytes =
    env?.incoming && !env.incoming.readableDidRead
      ? await readIncoming(env.incoming, limit)
      : await readWebBody(c.req.raw, limit);
  return bytes.toString('utf8');
}
