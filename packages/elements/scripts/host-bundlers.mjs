// @ts-check
/**
 * `define.js` bundled the way a host application bundles it (E16, X6): with esbuild and with
 * webpack 5, each in its production setup (minified, code splitting on, the package's
 * `sideEffects` honoured, ES2022), in memory or in a temporary folder that is removed afterwards.
 * Both return the chunks in the shape `size.mjs` measures: `imports` lists the chunks a chunk
 * loads statically, so the entry and its static imports are what a page loads first.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import webpack from 'webpack';
import { packageRoot } from './embed-build.mjs';

/**
 * `modules` (esbuild only): the modules that put bytes into the chunk, as paths from
 * `node_modules/` on for packages.
 * @typedef {{ fileName: string, code: string, isEntry: boolean, imports: string[], modules?: string[] }} Chunk
 */

/**
 * esbuild as a host runs it for an app: `--bundle --minify --splitting --format=esm`.
 * @param {string} entry a path under the package, e.g. `dist/define.js`
 * @returns {Promise<Chunk[]>}
 */
export async function bundleWithEsbuild(entry) {
  const result = await build({
    absWorkingDir: packageRoot,
    entryPoints: [entry],
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: 'esbuild-out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const codeOf = new Map(result.outputFiles.map((file) => [basename(file.path), file.text]));
  return Object.entries(result.metafile.outputs)
    .filter(([path]) => path.endsWith('.js'))
    .map(([path, output]) => ({
      fileName: basename(path),
      code: codeOf.get(basename(path)) ?? '',
      isEntry: output.entryPoint === entry,
      imports: output.imports.filter((i) => i.kind === 'import-statement').map((i) => basename(i.path)),
      modules: Object.entries(output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([module]) => module.replace(/^.*\/node_modules\//, 'node_modules/')),
    }));
}

/**
 * webpack 5 in production mode (Terser, tree shaking, `sideEffects`), its default chunk naming;
 * a dynamic `import()` becomes a chunk loaded on demand.
 * @param {string} entry a path under the package, e.g. `dist/define.js`
 * @returns {Promise<Chunk[]>}
 */
export async function bundleWithWebpack(entry) {
  const outDir = await mkdtemp(join(tmpdir(), 'lens-webpack-'));
  try {
    const compiler = webpack({
      mode: 'production',
      context: packageRoot,
      entry: { main: `./${entry}` },
      target: ['web', 'es2022'],
      output: { path: outDir, filename: '[name].js', chunkFilename: '[id].[contenthash].js', clean: false },
      performance: false,
      infrastructureLogging: { level: 'error' },
    });
    /** @type {webpack.Stats} */
    const stats = await new Promise((resolve, reject) => {
      compiler.run((error, result) => {
        compiler.close(() => undefined);
        if (error || !result) reject(error ?? new Error('webpack returned no stats'));
        else if (result.hasErrors()) reject(new Error(result.toString({ all: false, errors: true })));
        else resolve(result);
      });
    });
    const json = stats.toJson({ all: false, chunks: true, chunkRelations: true });
    /** @type {Chunk[]} */
    const chunks = [];
    for (const chunk of json.chunks ?? []) {
      for (const file of chunk.files ?? []) {
        if (!file.endsWith('.js')) continue;
        chunks.push({
          fileName: file,
          code: await readFile(join(outDir, file), 'utf8'),
          // webpack's entry chunk holds its static imports already (one initial chunk)
          isEntry: chunk.initial === true,
          imports: [],
        });
      }
    }
    return chunks;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
