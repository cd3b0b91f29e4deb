import { defineConfig } from 'vite';

// Served by the demo host under /react/ (`pnpm start`); `pnpm dev` here proxies the host's
// server side to a running demo host.
const target = process.env.DEMO_HOST_URL ?? 'http://127.0.0.1:5173';

export default defineConfig({
  base: '/react/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  // React plus the elements (with zod for the contract): one chunk is fine for a demo.
  build: { outDir: 'dist/web', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 900 },
  server: {
    port: Number(process.env.VITE_PORT ?? 5175),
    proxy: { '/v1': target, '/host': target },
  },
});
