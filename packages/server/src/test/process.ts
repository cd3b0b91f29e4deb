import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built CLI; `pnpm build` (or `npx tsc --build`) produces it. */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** A CLI child process and the URL it printed. */
export type CliProcess = {
  child: ChildProcess;
  url: string;
  tokens: Record<string, string>;
  /** Everything the process wrote to stdout so far (the token line, then JSON log lines). */
  stdout: () => string;
  stderr: () => string;
};

/** Spawns `session-lens-server --port 0 --print-tokens …` and waits for its token line. */
export async function spawnCli(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 90_000,
): Promise<CliProcess> {
  if (!existsSync(CLI)) throw new Error(`Build the server first (npx tsc --build): ${CLI} is missing`);
  const child = spawn(process.execPath, [CLI, '--port', '0', '--print-tokens', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const tokens = await new Promise<Record<string, string>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start in time: ${stderr}`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // The token line, not a JSON log line (those carry a `level`).
      const line = stdout.split('\n').find((l) => l.startsWith('{"url"'));
      if (line && stdout.includes('\n')) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as Record<string, string>);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`CLI exited with ${code}: ${stderr}`));
    });
  });
  return { child, url: tokens.url!, tokens, stdout: () => stdout, stderr: () => stderr };
}

/** Stops a child and waits for it to exit. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
