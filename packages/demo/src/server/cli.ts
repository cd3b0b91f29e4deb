#!/usr/bin/env node
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDemo } from './index.js';

/** `pnpm start`: the demo host on PORT (default 5173), with live data from the simulator. */
async function main(): Promise<void> {
  const rawPort = process.env.PORT ?? '5173';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid PORT "${rawPort}": expected an integer from 0 to 65535.`);
  }
  const reactRoot = fileURLToPath(new URL('../../../../demo-react/dist/web', import.meta.url));
  const vueRoot = fileURLToPath(new URL('../../../../demo-vue/dist/web', import.meta.url));
  const started = Date.now();
  console.log('Starting the Session Lens demo (the first start seeds the workspace; ~20 s)…');
  const demo = await startDemo({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: process.env.SESSION_LENS_DEMO_DATA ?? '.session-lens/demo',
    pgliteFsync: false,
    reactRoot: existsSync(join(reactRoot, 'index.html')) ? reactRoot : undefined,
    vueRoot: existsSync(join(vueRoot, 'index.html')) ? vueRoot : undefined,
  });
  console.log(
    [
      '',
      `  Session Lens demo ready in ${((Date.now() - started) / 1000).toFixed(1)} s — open:`,
      '',
      `    ${demo.startUrl}`,
      '',
      `  Pages: initiative, plan, Sessions, Assessments and the Command Center drawer;`,
      `  switch user (admin / member without spend / reviewer) in the header.`,
      ...(existsSync(join(reactRoot, 'index.html')) ? [`  React example: ${demo.url}/react/`] : []),
      ...(existsSync(join(vueRoot, 'index.html')) ? [`  Vue example: ${demo.url}/vue/`] : []),
      `  Live activity from the simulator. Ctrl-C stops.`,
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void demo.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
