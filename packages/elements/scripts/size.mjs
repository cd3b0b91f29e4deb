// @ts-check
/**
 * Bundle size of the elements (X6, E16): bundles the built package (`dist/`, run `pnpm build`
 * first) the three ways a host does — Vite 8 (the project's own embed build), esbuild and
 * webpack 5 — everything included (Lit, @lit/context, the virtualizer, the SDK client and live
 * store, zod/mini), minified, and prints raw / minified / gzip sizes.
 *
 * `session-tab` is `embed.js`, what a product page loads for a `<session-tab>`: its initial chunk
 * (the entry and what it imports statically: provider, tab, list, row, pill) and its total (plus
 * the chunk with the detail, cost card and command center, fetched later). `define` is
 * `define.js`, every tag; `esbuild define` and `webpack define` are `define.js` as a host
 * application bundles it (scripts/host-bundlers.mjs).
 *
 *   node scripts/size.mjs           print the figures
 *   node scripts/size.mjs --check   also exit 1 when a gzip size exceeds its budget or its X6 cap
 *   node scripts/size.mjs --json    print the figures as JSON
 *
 * `size-budget.json` holds, per figure (bytes, min+gzip -9, per chunk), its `budgets` entry
 * (measured + ~3%: raise it only on purpose, in the change that grows the bundle) and its `caps`
 * entry (X6: the Vite `session-tab` first chunk ≤ 56 KB; everything together ≤ 75 KB). A budget
 * may never be above its cap.
 */
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { bundleEmbed } from './embed-build.mjs';
import { bundleWithEsbuild, bundleWithWebpack } from './host-bundlers.mjs';

const budgetFile = new URL('../size-budget.json', import.meta.url);

/** @typedef {import('./host-bundlers.mjs').Chunk} Chunk */

/** Classic zod and its locales: what no bundle of the elements may contain (K11). */
const CLASSIC_ZOD = /node_modules\/zod\/(v4\/classic\/|v4\/locales\/|index\.js$|v4\/index\.js$)/;

/**
 * The bundles measured: a name and how to build it minified (and, for Vite, unminified too:
 * the raw figure). esbuild and webpack minify as part of a host's production build.
 * @type {Array<{ name: string, build: (minify: boolean) => Promise<Chunk[]>, raw: boolean }>}
 */
const bundles = [
  {
    name: 'session-tab',
    build: (minify) => bundleEmbed({ source: `import './dist/embed.js';`, minify }),
    raw: true,
  },
  {
    name: 'define',
    build: (minify) => bundleEmbed({ source: `import './dist/define.js';`, minify, firstChunk: false }),
    raw: true,
  },
  { name: 'esbuild define', build: () => bundleWithEsbuild('dist/define.js'), raw: false },
  { name: 'webpack define', build: () => bundleWithWebpack('dist/define.js'), raw: false },
];

/**
 * The figures of one bundle: `initial` is the entry chunk with every chunk it imports
 * statically (what the page must load before anything renders), `total` every chunk.
 * @param {Chunk[]} chunks
 * @param {(chunk: Chunk) => number} size
 */
function initialAndTotal(chunks, size) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set();
  const visit = (/** @type {string} */ name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of byName.get(name)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  let initialBytes = 0;
  let totalBytes = 0;
  for (const chunk of chunks) {
    const bytes = size(chunk);
    totalBytes += bytes;
    if (initial.has(chunk.fileName)) initialBytes += bytes;
  }
  return { initial: initialBytes, total: totalBytes, chunks: chunks.length };
}

/** @typedef {{ raw?: number, min: number, gzip: number, chunks: number, budget?: number, cap?: number }} Figure */

/** Per bundle, the classic zod modules esbuild found in it (it names every module it keeps). */
const classicZod = new Map();

/**
 * Measures every bundle: `name initial` and `name total` when it has more than one chunk.
 * @returns {Promise<Record<string, Figure>>}
 */
async function measure() {
  /** @type {Record<string, Figure>} */
  const figures = {};
  for (const bundle of bundles) {
    const bytes = (/** @type {Chunk} */ c) => Buffer.byteLength(c.code);
    const raw = bundle.raw ? initialAndTotal(await bundle.build(false), bytes) : undefined;
    const minified = await bundle.build(true);
    const classic = minified.flatMap((chunk) => chunk.modules ?? []).filter((m) => CLASSIC_ZOD.test(m));
    if (classic.length > 0) classicZod.set(bundle.name, classic);
    const min = initialAndTotal(minified, bytes);
    // Each chunk is its own HTTP response: gzip them one by one.
    const gzip = initialAndTotal(minified, (c) => gzipSync(c.code, { level: 9 }).byteLength);
    if (gzip.chunks > 1) {
      figures[`${bundle.name} initial`] = {
        raw: raw?.initial,
        min: min.initial,
        gzip: gzip.initial,
        chunks: 0,
      };
    }
    figures[gzip.chunks > 1 ? `${bundle.name} total` : bundle.name] = {
      raw: raw?.total,
      min: min.total,
      gzip: gzip.total,
      chunks: gzip.chunks,
    };
  }
  return figures;
}

const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1);

/**
 * What is wrong with one figure under `--check`, if anything.
 * @param {string} name
 * @param {Figure} f
 */
function problemOf(name, f) {
  if (f.budget === undefined) return `size: no budget recorded for ${name} in size-budget.json`;
  if (f.cap === undefined) return `size: no X6 cap recorded for ${name} in size-budget.json`;
  if (f.budget > f.cap)
    return `size: the budget of ${name} (${f.budget} B) is above its X6 cap of ${f.cap} B`;
  if (f.gzip > f.cap) return `size: ${name} is ${f.gzip} B min+gzip, over its X6 cap of ${f.cap} B`;
  if (f.gzip > f.budget) {
    return `size: ${name} is ${f.gzip} B min+gzip, over its budget of ${f.budget} B (+${f.gzip - f.budget} B)`;
  }
  return undefined;
}

async function main() {
  const args = new Set(process.argv.slice(2));
  try {
    await stat(new URL('../dist/embed.js', import.meta.url));
  } catch {
    console.error('size: dist/ is missing; run `pnpm build` at the repository root first.');
    process.exit(2);
  }
  /** @type {{ caps: Record<string, number>, budgets: Record<string, number> }} */
  const budget = JSON.parse(await readFile(budgetFile, 'utf8'));
  const figures = await measure();
  for (const [name, f] of Object.entries(figures)) {
    f.budget = budget.budgets[name];
    f.cap = budget.caps?.[name];
  }

  if (args.has('--json')) console.log(JSON.stringify({ figures }, null, 2));
  else {
    console.log(`bundle sizes (es2022, everything bundled, minified; KB = 1024 bytes; gzip -9 per chunk)`);
    for (const [name, f] of Object.entries(figures)) {
      const margin = f.cap === undefined ? '' : f.gzip > f.cap ? `${kb(f.gzip - f.cap)} KB over` : 'met';
      console.log(
        `  ${name.padEnd(22)} raw ${(f.raw === undefined ? '—' : kb(f.raw)).padStart(6)} KB · ` +
          `min ${kb(f.min).padStart(6)} KB · min+gzip ${kb(f.gzip).padStart(5)} KB · ` +
          `budget ${f.budget ? kb(f.budget) : '—'} KB · X6 cap ${f.cap ? kb(f.cap) : '—'} KB (${margin})`,
      );
    }
  }

  if (!args.has('--json')) {
    const found = [...classicZod.keys()];
    console.log(`  classic zod or its locales (K11): ${found.length ? `in ${found.join(', ')}` : 'none'}`);
  }

  if (args.has('--check')) {
    const problems = Object.entries(figures).flatMap(([name, f]) => problemOf(name, f) ?? []);
    for (const [name, modules] of classicZod) {
      problems.push(`size: ${name} contains classic zod (K11): ${modules.slice(0, 3).join(', ')}…`);
    }
    for (const problem of problems) console.error(problem);
    if (problems.length > 0) process.exit(1);
    console.log('size: every bundle is within its recorded budget and its X6 cap');
  }
}

await main();
