import { defineConfig } from 'vite';

// The host pages: one entry, every route reads its page from the URL. `pnpm dev` runs Vite's dev
// server and proxies the host's server side (`/v1`, `/host`) to a demo host (scripts/dev.mjs).
const target = process.env.DEMO_HOST_URL ?? 'http://127.0.0.1:5173';

export default defineConfig({
  root: 'src/web',
  build: { outDir: '../../dist/web', emptyOutDir: true, target: 'es2022' },
  server: {
    port: Number(process.env.VITE_PORT ?? 5174),
    strictPort: false,
    proxy: {
      '/v1': { target, changeOrigin: false },
      '/host': { target, changeOrigin: false },
    },
  },
});
