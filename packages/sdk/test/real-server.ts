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

export type ServerProcess = {
  url: string;
  tokens: RunningServer['tokens'];
  command(name: 'stop-simulator' | 'start-simulator'): Promise<void>;
  stop(): Promise<void>;
};

/** Starts the real server in a child process (see server-process.js). */
export async function startServerProcess(options: Partial<StartServerOptions> = {}): Promise<ServerProcess> {
  const { fork } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const dataDir = await mkdtemp(join(tmpdir(), 'session-lens-e2e-'));
  const child = fork(
    fileURLToPath(new URL('./server-process.js', import.meta.url)),
    [JSON.stringify({ port: 0, host: '127.0.0.1', dataDir, seed: 'demo', seedSessions: 300, ...options })],
    { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  const ready = await new Promise<{ url: string; tokens: RunningServer['tokens'] }>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
    child.on('message', (m: { type: string; url: string; tokens: RunningServer['tokens'] }) => {
      if (m.type === 'ready') resolve(m);
    });
  });
  let stopping: Promise<void> | undefined;
  return {
    ...ready,
    command: (name) =>
      new Promise<void>((resolve) => {
        const onMessage = (m: { type: string; command?: string }) => {
          if (m.type === 'done' && m.command === name) {
            child.off('message', onMessage);
            resolve();
          }
        };
        child.on('message', onMessage);
        child.send(name);
      }),
    stop: () =>
      (stopping ??= (async () => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        if (child.connected) child.send('close');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
        await rm(dataDir, { recursive: true, force: true });
      })()),
  };
}
