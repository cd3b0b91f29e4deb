import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/** Every tag `@session-lens/elements` defines, read from its custom elements manifest. */
function lensTags(): Set<string> {
  const path = createRequire(import.meta.url).resolve('@session-lens/elements/custom-elements.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
    modules: { declarations?: { tagName?: string }[] }[];
  };
  return new Set(manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => d.tagName ?? []));
}

const tags = lensTags();
// Served by the demo host under /vue/ (`pnpm start`); `pnpm dev` here proxies the host's server
// side to a running demo host.
const target = process.env.DEMO_HOST_URL ?? 'http://127.0.0.1:5173';

export default defineConfig({
  base: '/vue/',
  // The lens tags are custom elements, not Vue components: Vue renders them as they are, sets
  // their properties, and listens to their events.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tags.has(tag) } } })],
  build: { outDir: 'dist/web', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 900 },
  server: {
    port: Number(process.env.VITE_PORT ?? 5176),
    proxy: { '/v1': target, '/host': target },
  },
});
