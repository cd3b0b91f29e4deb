import type { ServerResponse } from 'node:http';
import type { StreamSink } from '../stream/hub.js';

/** SSE response headers: no caching, no proxy buffering. */
export const SSE_HEADERS: Record<string, string> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
};

/** A sink writing raw bytes to a node:http response (the fast path). */
export function nodeSink(response: ServerResponse): StreamSink {
  response.writeHead(200, SSE_HEADERS);
  response.socket?.setNoDelay(true);
  response.flushHeaders();
  return {
    write: (bytes) => {
      if (!response.writableEnded) response.write(bytes);
    },
    buffered: () => response.writableLength,
    close: () => {
      if (!response.writableEnded) response.end();
    },
  };
}

/** A sink over a web ReadableStream, for hosts that mount the app outside node:http. */
export function webSink(onCancel: () => void): { sink: StreamSink; body: ReadableStream<Uint8Array> } {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let closed = false;
  const body = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
    cancel: () => {
      closed = true;
      onCancel();
    },
  });
  return {
    body,
    sink: {
      write: (bytes) => {
        if (!closed) controller?.enqueue(bytes);
      },
      buffered: () => Math.max(0, -(controller?.desiredSize ?? 0)),
      close: () => {
        if (closed) return;
        closed = true;
        controller?.close();
      },
    },
  };
}

/** A `text/event-stream` response over a web stream (see {@link webSink}), with {@link SSE_HEADERS}. */
export function sseResponse(body: ReadableStream<Uint8Array>): Response {
  return new Response(body, { status: 200, headers: SSE_HEADERS });
}
