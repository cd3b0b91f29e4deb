// `pnpm --filter @session-lens/demo dev`: the demo host's server side (reference server, /v1,
// /host) plus Vite's dev server for the pages, with hot reload; Vite proxies /v1 and /host.
import { chdir } from 'node:process';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { startDemo } from '../dist/node/server/index.js';

chdir(fileURLToPath(new URL('..', import.meta.url)));
const demo = await startDemo({
  port: Number(process.env.PORT ?? 5173),
  dataDir: fileURLToPath(new URL('../../../.session-lens/demo', import.meta.url)),
  pgliteFsync: false,
  // The dev server serves the pages; the host serves only its server side here.
  webRoot: fileURLToPath(new URL('../src/web', import.meta.url)),
});
process.env.DEMO_HOST_URL = demo.url;
const vite = await createServer({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)) });
await vite.listen();
console.log(`Demo pages with hot reload: ${vite.resolvedUrls?.local[0]}initiatives/init_checkout`);
console.log(`(host server side on ${demo.url})`);
const stop = async () => {
  await vite.close();
  await demo.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
