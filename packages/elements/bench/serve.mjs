// @ts-check
/**
 * Builds a bench page (`bench/` of this package, or of another checkout of it, for an A/B) with
 * Vite in production mode into a temporary directory and serves it on 127.0.0.1 (port 0).
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * @param {string} [root] the `bench/` directory to build; this package's by default
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveBench(root = here) {
  const outDir = await mkdtemp(join(tmpdir(), 'lens-elements-bench-'));
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: true, sourcemap: false },
  });
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(outDir, path === '/' ? 'index.html' : path);
    try {
      if (!file.startsWith(outDir) || !(await stat(file)).isFile()) throw new Error('not found');
      response.writeHead(200, {
        'content-type': types[/** @type {'.js'} */ (extname(file))] ?? 'application/octet-stream',
      });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  return {
    url,
    close: async () => {
      server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
