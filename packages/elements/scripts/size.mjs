// @ts-check
/**
 * Bundle size of the browser embed (X6): bundles the built package (`dist/`, run `pnpm build`
 * first) with Vite 8 in library mode, everything included (Lit, @lit/context, the virtualizer, the
 * SDK client and live store, zod), minified, and prints raw / minified / gzip sizes.
 *
 * `session-tab` is `embed.js`, what a product page loads for a `<session-tab>`: its initial chunk
 * (the entry and what it imports statically: provider, tab, list, row, pill) and its total (plus
 * the chunk with the detail, cost card and command center, fetched later). `define` is
 * `define.js`, every tag in one chunk.
 *
 *   node scripts/size.mjs           print the figures
 *   node scripts/size.mjs --check   also exit 1 when a gzip size exceeds its budget
 *   node scripts/size.mjs --json    print the figures as JSON
 *
 * Budgets live in `size-budget.json` (bytes, min+gzip, one per figure: `session-tab initial`,
 * `session-tab total`, `define`); X6's target is shown next to them. Raise a budget only on
 * purpose, in the same change that grows the bundle.
 */
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { bundleEmbed } from './embed-build.mjs';

const budgetFile = new URL('../size-budget.json', import.meta.url);

/** The entries measured, as inline sources importing the built package. */
const entries = {
  'session-tab': `import './dist/embed.js';`,
  define: `import './dist/define.js';`,
};

/**
 * The figures of one bundle: `initial` is the entry chunk with every chunk it imports
 * statically (what the page must load before anything renders), `total` every chunk.
 * @param {Array<{ fileName: string, code: string, isEntry: boolean, imports: string[] }>} chunks
 * @param {(chunk: { code: string }) => number} size
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

const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1);

async function main() {
  const args = new Set(process.argv.slice(2));
  try {
    await stat(new URL('../dist/embed.js', import.meta.url));
  } catch {
    console.error('size: dist/ is missing; run `pnpm build` at the repository root first.');
    process.exit(2);
  }
  /** @type {{ targetBytes: number, budgets: Record<string, number> }} */
  const budget = JSON.parse(await readFile(budgetFile, 'utf8'));

  /** @type {Record<string, { raw: number, min: number, gzip: number, chunks: number, budget?: number }>} */
  const figures = {};
  for (const [name, source] of Object.entries(entries)) {
    const raw = initialAndTotal(await bundleEmbed({ source, minify: false }), (c) =>
      Buffer.byteLength(c.code),
    );
    const minified = await bundleEmbed({ source, minify: true });
    const min = initialAndTotal(minified, (c) => Buffer.byteLength(c.code));
    // Each chunk is its own HTTP response: gzip them one by one.
    const gzip = initialAndTotal(minified, (c) => gzipSync(c.code, { level: 9 }).byteLength);
    if (gzip.chunks > 1) {
      figures[`${name} initial`] = { raw: raw.initial, min: min.initial, gzip: gzip.initial, chunks: 0 };
    }
    figures[gzip.chunks > 1 ? `${name} total` : name] = {
      raw: raw.total,
      min: min.total,
      gzip: gzip.total,
      chunks: gzip.chunks,
    };
  }
  for (const [name, f] of Object.entries(figures)) f.budget = budget.budgets[name];

  if (args.has('--json')) console.log(JSON.stringify({ targetBytes: budget.targetBytes, figures }, null, 2));
  else {
    console.log(`bundle sizes (Vite 8, es2022, everything bundled; KB = 1024 bytes; gzip per chunk)`);
    for (const [name, f] of Object.entries(figures)) {
      const over = f.gzip - budget.targetBytes;
      console.log(
        `  ${name.padEnd(20)} raw ${kb(f.raw).padStart(6)} KB · min ${kb(f.min).padStart(6)} KB · ` +
          `min+gzip ${kb(f.gzip).padStart(5)} KB · budget ${f.budget ? kb(f.budget) : '—'} KB · ` +
          `X6 target ${kb(budget.targetBytes)} KB (${over > 0 ? `${kb(over)} KB over` : 'met'})`,
      );
    }
  }

  if (args.has('--check')) {
    const failures = Object.entries(figures).filter(([, f]) => f.budget === undefined || f.gzip > f.budget);
    for (const [name, f] of failures) {
      console.error(
        f.budget === undefined
          ? `size: no budget recorded for ${name} in size-budget.json`
          : `size: ${name} is ${f.gzip} B min+gzip, over its budget of ${f.budget} B (+${f.gzip - f.budget} B)`,
      );
    }
    if (failures.length > 0) process.exit(1);
    console.log('size: every bundle is within its recorded budget');
  }
}

await main();
