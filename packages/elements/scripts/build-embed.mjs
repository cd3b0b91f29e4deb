// @ts-check
/**
 * Writes the self-contained browser embed: `dist/embed/session-lens.js` (every tag registered;
 * the detail, cost card and command center in a second chunk beside it). Runs as `build:embed`,
 * after `tsc --build` (root `pnpm build` runs it through `build:assets`).
 */
import { rm, stat } from 'node:fs/promises';
import { bundleEmbed } from './embed-build.mjs';

try {
  await stat(new URL('../dist/embed.js', import.meta.url));
} catch {
  console.error('build:embed: dist/embed.js is missing; run `pnpm build` at the repository root first.');
  process.exit(2);
}
await rm(new URL('../dist/embed', import.meta.url), { recursive: true, force: true });
const chunks = await bundleEmbed({ minify: true, write: true });
for (const chunk of chunks) {
  console.log(`build:embed: dist/embed/${chunk.fileName} (${(chunk.code.length / 1024).toFixed(1)} KB)`);
}
