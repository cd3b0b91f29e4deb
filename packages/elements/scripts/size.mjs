// @ts-check
/**
 * Bundle size of the browser embed (X6): bundles the built package (`dist/`, run `pnpm build`
 * first) with Vite 8 in library mode, everything included (Lit, @lit/context, the virtualizer, the
 * SDK client and live store, zod), minified, and prints raw / minified / gzip sizes.
 *
 *   node scripts/size.mjs           print the figures
 *   node scripts/size.mjs --check   also exit 1 when a gzip size exceeds its budget
 *   node scripts/size.mjs --json    print the figures as JSON
 *
 * Budgets live in `size-budget.json` (bytes, min+gzip); X6's target is shown next to them. Raise a
 * budget only on purpose, in the same change that grows the bundle.
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const budgetFile = new URL('../size-budget.json', import.meta.url);

/**
 * What is measured. `session-tab` is the embed a product team drops on a page: the provider and
 * the tab with every element it renders (list, row, pill, detail, cost summary), registered.
 * `define` is `define.js`: every tag, including `<command-center>`.
 */
const entries = {
  'session-tab': `
    import { SessionLensProvider } from './dist/provider/session-lens-provider.js';
    import { SessionTab } from './dist/session-tab/session-tab.js';
    import { SessionList } from './dist/session-list/session-list.js';
    import { SessionRow } from './dist/session-row/session-row.js';
    import { StatusPill } from './dist/status-pill/status-pill.js';
    import { SessionDetail } from './dist/session-detail/session-detail.js';
    import { CostSummary } from './dist/cost-summary/cost-summary.js';
    const tags = {
      'session-lens-provider': SessionLensProvider,
      'status-pill': StatusPill,
      'session-row': SessionRow,
      'cost-summary': CostSummary,
      'session-detail': SessionDetail,
      'session-list': SessionList,
      'session-tab': SessionTab,
    };
    for (const [tag, element] of Object.entries(tags)) {
      if (!customElements.get(tag)) customElements.define(tag, element);
    }
  `,
  define: `import './dist/define.js';`,
};

/** Bundles one virtual entry and returns the emitted code. */
async function bundle(/** @type {string} */ source, /** @type {boolean} */ minify) {
  const id = '\0size-entry.js';
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    mode: 'production',
    resolve: { conditions: ['browser', 'production', 'import', 'default'] },
    plugins: [
      {
        name: 'size-entry',
        resolveId: (source) => (source.endsWith('size-entry') ? id : undefined),
        enforce: 'pre',
        load: (loaded) => (loaded === id ? { code: source, moduleSideEffects: true } : undefined),
      },
    ],
    build: {
      write: false,
      minify,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: 'size-entry', formats: ['es'], fileName: 'embed' },
      rollupOptions: { output: { codeSplitting: false } },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  let code = '';
  for (const result of results) {
    if (!('output' in result)) throw new Error('unexpected watcher from vite build');
    for (const chunk of result.output) if (chunk.type === 'chunk') code += chunk.code;
  }
  return code;
}

const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1);

async function main() {
  const args = new Set(process.argv.slice(2));
  try {
    await stat(new URL('../dist/define.js', import.meta.url));
  } catch {
    console.error('size: dist/ is missing; run `pnpm build` at the repository root first.');
    process.exit(2);
  }
  /** @type {{ targetBytes: number, budgets: Record<string, number> }} */
  const budget = JSON.parse(await readFile(budgetFile, 'utf8'));

  /** @type {Record<string, { raw: number, min: number, gzip: number, budget?: number }>} */
  const figures = {};
  for (const [name, source] of Object.entries(entries)) {
    const raw = Buffer.byteLength(await bundle(source, false));
    const minified = await bundle(source, true);
    const min = Buffer.byteLength(minified);
    const gzip = gzipSync(minified, { level: 9 }).byteLength;
    figures[name] = { raw, min, gzip, budget: budget.budgets[name] };
  }

  if (args.has('--json')) console.log(JSON.stringify({ targetBytes: budget.targetBytes, figures }, null, 2));
  else {
    console.log(`bundle sizes (Vite 8, es2022, everything bundled; KB = 1024 bytes)`);
    for (const [name, f] of Object.entries(figures)) {
      const over = f.gzip - budget.targetBytes;
      console.log(
        `  ${name.padEnd(12)} raw ${kb(f.raw).padStart(6)} KB · min ${kb(f.min).padStart(6)} KB · ` +
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
