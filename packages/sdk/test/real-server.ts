// Starts the real reference server (packages/server, built) in-process for the end-to-end
// tests: PGlite in a fresh temp directory, the demo seed, and optionally the simulator. Nothing
// is mocked. Build first: `npx tsc --build` at the root.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type StartServerOptions } from '../../server/dist/index.js';

export type RealServer = RunningServer & { dataDir: string; stop: () => Promise<void> };

export async function startRealServer(options: Partial<StartServerOptions> = {}): Promise<RealServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'session-lens-e2e-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    seed: 'demo',
    seedSessions: 300,
    validateResponses: true,
    ...options,
  });
  let stopping: Promise<void> | undefined;
  return {
    ...server,
    dataDir,
    // Idempotent: a test may stop the server early to observe connection errors.
    stop: () =>
      (stopping ??= (async () => {
        await server.close().catch(() => {});
        await rm(dataDir, { recursive: true, force: true });
      })()),
  };
}
