// @ts-check
/**
 * The Vite 8 library build of the browser embed, shared by `build-embed.mjs` (writes
 * `dist/embed/`) and `size.mjs` (measures in memory). It bundles the compiled `dist/` output, so
 * run `tsc --build` (root `pnpm build`) first; Lit, @lit/context, the virtualizer and the SDK are
 * all inside. Dynamic imports become chunks of their own beside the entry.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Names every module the entry imports statically (what a page loads before anything renders)
 * `first`, so they stay one chunk. Left to itself the bundler splits them by which lazy chunks
 * share them too — a chunk per combination — and each lazy chunk that imports a first-chunk
 * module (Lit, the SDK) would cut the first chunk into pieces gzipped apart (kilobytes, X6).
 * The lazy chunks then import what they share from it.
 * @param {string} id
 * @param {{ getModuleInfo(id: string): { isEntry: boolean, importers: readonly string[] } | null }} context
 * @returns {string | null}
 */
function firstChunk(id, context) {
  const seen = new Set();
  const reachesEntry = (/** @type {string} */ module) => {
    if (seen.has(module)) return false;
    seen.add(module);
    const info = context.getModuleInfo(module);
    return !!info && (info.isEntry || info.importers.some(reachesEntry));
  };
  return reachesEntry(id) ? 'first' : null;
}

/**
 * Bundles `entry` (a path under the package, or inline source when `source` is set).
 * `firstChunk: false` leaves the chunks to the bundler (a bundle with no lazy chunk, such as
 * `define.js`, is one chunk either way; this keeps it reported as one).
 * @param {{ entry?: string, source?: string, minify: boolean, write?: boolean, outDir?: string, fileName?: string, firstChunk?: boolean }} options
 * @returns {Promise<Array<{ fileName: string, code: string, isEntry: boolean, imports: string[] }>>}
 */
export async function bundleEmbed(options) {
  const virtualId = '\0inline-entry.js';
  const output = await build({
    configFile: false,
    root: packageRoot,
    logLevel: 'silent',
    mode: 'production',
    resolve: { conditions: ['browser', 'production', 'import', 'default'] },
    plugins: options.source
      ? [
          {
            name: 'inline-entry',
            enforce: 'pre',
            resolveId: (id) => (id.endsWith('inline-entry') ? virtualId : undefined),
            load: (id) =>
              id === virtualId ? { code: options.source ?? '', moduleSideEffects: true } : undefined,
          },
        ]
      : [],
    build: {
      write: options.write ?? false,
      outDir: options.outDir ?? 'dist/embed',
      emptyOutDir: false,
      minify: options.minify,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      lib: {
        entry: options.source ? 'inline-entry' : (options.entry ?? 'dist/embed.js'),
        formats: ['es'],
        fileName: () => options.fileName ?? 'session-lens.js',
      },
      // Lib mode keeps whitespace in ES output by default; the embed ships fully minified.
      rollupOptions: {
        output: {
          chunkFileNames: 'session-lens-[name]-[hash].js',
          minify: options.minify,
          ...(options.firstChunk === false
            ? {}
            : { codeSplitting: { groups: [{ name: firstChunk, priority: 1 }] } }),
        },
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  /** @type {Array<{ fileName: string, code: string, isEntry: boolean, imports: string[] }>} */
  const chunks = [];
  for (const result of results) {
    if (!('output' in result)) throw new Error('unexpected watcher from vite build');
    for (const chunk of result.output) {
      if (chunk.type === 'chunk') {
        chunks.push({
          fileName: chunk.fileName,
          code: chunk.code,
          isEntry: chunk.isEntry,
          imports: chunk.imports,
        });
      }
    }
  }
  return chunks;
}
