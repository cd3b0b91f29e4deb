import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Bodies smaller than this go out as they are: the headers would eat the saving. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/**
 * What gets compressed: JSON (API bodies, problems, the OpenAPI document) and the text the
 * server itself serves. `text/event-stream` is deliberately absent: a stream must reach the
 * client frame by frame, and a compressor holds bytes back until its block fills.
 */
const COMPRESSIBLE = /^(application\/(json|problem\+json)|text\/(html|plain|css|javascript))\s*(;|$)/i;

type Coding = 'br' | 'gzip';

/**
 * The coding to answer `Accept-Encoding` with: brotli or gzip, whichever the client weighs
 * higher (brotli on a tie: smaller), none when it accepts neither (`q=0` refuses; `*` counts).
 */
export function chooseEncoding(header: string | undefined): Coding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: Coding) => weights.get(coding) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gz = weightOf('gzip');
  if (br <= 0 && gz <= 0) return undefined;
  return br >= gz ? 'br' : 'gzip';
}

function encode(coding: Coding, body: Uint8Array): Promise<Buffer> {
  // Quality 5 / level 6: most of the saving for a few ms on a large page, off the main thread.
  if (coding === 'br') {
    return brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    });
  }
  return gzipAsync(body, { level: 6 });
}

/**
 * Compresses JSON and text responses with brotli or gzip when the request's `Accept-Encoding`
 * allows it (A18). Streams, responses already encoded, `no-transform` ones and HEAD requests
 * pass untouched; every compressible response says `Vary: Accept-Encoding`.
 */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('content-type');
    if (
      !type ||
      !COMPRESSIBLE.test(type) ||
      res.status === 204 ||
      res.status === 304 ||
      c.req.method === 'HEAD' ||
      res.headers.has('content-encoding') ||
      /(^|,)\s*no-transform\s*(,|$)/i.test(res.headers.get('cache-control') ?? '')
    ) {
      return;
    }
    const vary = res.headers.get('vary');
    if (!vary) res.headers.set('vary', 'Accept-Encoding');
    else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary))
      res.headers.set('vary', `${vary}, Accept-Encoding`);
    const coding = chooseEncoding(c.req.header('accept-encoding'));
    if (!coding) return;
    // A body known to be small is not touched: reading `res.body` of @hono/node-server's
    // lightweight Response builds a full web Response whose body is then streamed out the slow
    // way (a write's answer is small, and is the most frequent response).
    const length = Number(res.headers.get('content-length') ?? NaN);
    if (length < COMPRESS_THRESHOLD_BYTES || !res.body) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    let out = body;
    if (body.byteLength >= COMPRESS_THRESHOLD_BYTES) {
      // zlib's buffers are backed by plain ArrayBuffers.
      out = (await encode(coding, body)) as Uint8Array<ArrayBuffer>;
      headers.set('content-encoding', coding);
    }
    headers.set('content-length', String(out.byteLength));
    c.res = undefined;
    c.res = new Response(out, { status: res.status, statusText: res.statusText, headers });
  };
}
