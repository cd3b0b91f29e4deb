import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// K11: the root entry (what the elements import) never reaches classic zod or its locales, with
// any bundler. esbuild is the strict one: it keeps a whole namespace object once it cannot see
// which members are used (`import { z } from 'zod/mini'` re-exports `z` as an object, so that form
// pulls all of zod's locales; `import * as z` does not), and it keeps classic zod's top-level
// `config(en())`. A module "reaches" the bundle when it puts bytes into the output.

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const CLASSIC_ZOD = /node_modules\/zod\/(v4\/classic|v4\/locales|index\.js$|v4\/index\.js$)/;

type ExportEntry = { default: string } | string;
const manifest = JSON.parse(readFileSync(`${packageDir}package.json`, 'utf8')) as {
  exports: Record<string, ExportEntry>;
};

/** The source file behind a `dist/…js` export target. */
function sourceOf(target: string): string {
  return target.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
}

/** Bundles one entry for a browser and returns the modules that put bytes into the output. */
async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: packageDir,
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path.replace(/^.*\/node_modules\//, 'node_modules/')); // pnpm's store paths
}

const browserEntries = Object.entries(manifest.exports)
  .filter(([subpath]) => subpath !== './tools' && subpath !== './package.json')
  .map(
    ([subpath, target]) => [subpath, sourceOf(typeof target === 'string' ? target : target.default)] as const,
  );

describe('entry points (K11)', () => {
  it('lists the root, contract and openapi entries as browser entries', () => {
    expect(browserEntries.map(([subpath]) => subpath)).toEqual(['.', './contract', './openapi']);
  });

  it.each(browserEntries)('%s (%s) bundles without classic zod or its locales', async (_subpath, entry) => {
    const inputs = await inputsOf(entry);
    expect(inputs.some((path) => path.includes('node_modules/zod/v4/mini/'))).toBe(true);
    expect(inputs.filter((path) => CLASSIC_ZOD.test(path))).toEqual([]);
  });

  it('the root entry does not export the session tools', async () => {
    const root = (await import('./index.js')) as Record<string, unknown>;
    const tools = (await import('./tools/index.js')) as Record<string, unknown>;
    expect(Object.keys(tools)).toContain('createSessionTools');
    expect(Object.keys(root).filter((name) => name in tools)).toEqual([]);
  });

  it('the tools subpath does reach classic zod and its locales (so the check above can fail)', async () => {
    const inputs = await inputsOf(sourceOf((manifest.exports['./tools'] as { default: string }).default));
    expect(inputs.some((path) => path.includes('node_modules/zod/v4/classic/'))).toBe(true);
    expect(inputs.some((path) => path.includes('node_modules/zod/v4/locales/'))).toBe(true);
  });
});
