// Child-process entry for the end-to-end tests: runs the real reference server (built) with the
// options given as JSON in argv[2], reports its URL and tokens over IPC, and obeys simple
// commands. A separate process keeps PGlite's synchronous work off the test's event loop, whose
// timers (stall detection, backoff) are under test.
import { startServer } from '../../server/dist/index.js';

const server = await startServer(JSON.parse(process.argv[2] ?? '{}'));
process.send?.({ type: 'ready', url: server.url, tokens: server.tokens });
process.on('message', async (message) => {
  if (message === 'stop-simulator') await server.simulator?.stop();
  if (message === 'start-simulator') server.simulator?.start();
  if (message === 'close') {
    await server.close().catch(() => {});
    process.exit(0);
  }
  process.send?.({ type: 'done', command: message });
});
process.on('disconnect', () => process.exit(0));
