// A TCP proxy for the stream resilience tests (X7). It forwards bytes between the client and the
// real server untouched, except on connections whose request is a stream's (`GET /v1/stream`, `GET
// /v1/sessions/{id}/stream`): those it cuts
// after a random number of response bytes — usually in the middle of a frame — or, in stall
// mode, stops forwarding while keeping both sockets open.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** The request line of either stream: the list's (A8) or one session's (A16). */
const STREAM_REQUEST = /^GET \/v1\/(stream|sessions\/[^/ ]+\/stream)[ ?]/;

export type CuttingProxy = {
  url: string;
  /** Stream connections cut so far. */
  readonly cuts: number;
  /** Stream connections opened so far. */
  readonly streamConnections: number;
  /** Whether stream connections are being cut. */
  cutting: boolean;
  /** Freezes the stream connections open now: no more bytes either way, sockets stay open. */
  stallOpenStreams(): void;
  close(): Promise<void>;
};

export async function startCuttingProxy(
  target: { host: string; port: number },
  options: { maxBytesBeforeCut: number; random?: () => number },
): Promise<CuttingProxy> {
  const random = options.random ?? Math.random;
  const sockets = new Set<Socket>();
  const streams = new Set<{ stall: () => void }>();
  let cuts = 0;
  let streamConnections = 0;
  const state = { cutting: true };

  const server: Server = createServer((client) => {
    sockets.add(client);
    const upstream = connect(target.port, target.host);
    sockets.add(upstream);
    let isStream = false;
    let budget = 0;
    let stalled = false;
    const destroy = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', () => {
      sockets.delete(client);
      upstream.destroy();
    });
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    client.on('error', destroy);
    upstream.on('error', destroy);
    client.on('data', (chunk: Buffer) => {
      if (stalled) return;
      // Connections are kept alive and reused: a stream request may follow a list request on
      // the same socket (and, never ending, is the last one on it).
      if (!isStream) {
        isStream = STREAM_REQUEST.test(chunk.subarray(0, 256).toString('latin1'));
        if (isStream) {
          streamConnections++;
          budget = 1 + Math.floor(random() * options.maxBytesBeforeCut);
          const handle = { stall: () => (stalled = true) };
          streams.add(handle);
          client.on('close', () => streams.delete(handle));
        }
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (stalled) return;
      if (isStream && state.cutting) {
        if (chunk.length >= budget) {
          // Forward a prefix, then cut: the client sees a frame end in the middle.
          client.write(chunk.subarray(0, budget), () => destroy());
          cuts++;
          stalled = true;
          return;
        }
        budget -= chunk.length;
      }
      client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get cuts() {
      return cuts;
    },
    get streamConnections() {
      return streamConnections;
    },
    get cutting() {
      return state.cutting;
    },
    set cutting(value: boolean) {
      state.cutting = value;
    },
    stallOpenStreams() {
      for (const stream of streams) stream.stall();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
