// @ts-check
/**
 * `pnpm test:browsers`: the cross-browser suite (X9). Starts the harness once (the real server
 * and the host page, src/harness.mjs), then runs every browser's test file with `node --test`,
 * one browser at a time (the machines have two cores), and stops the harness.
 *
 *   node src/run.mjs                  Chromium, Firefox ESR and WebKitGTK
 *   node src/run.mjs chromium webkit  only those
 *
 * Each test file also runs alone (`node --test test/firefox.test.mjs`), with a harness of its own.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startHarness } from './harness.mjs';
import { killGroup } from './processes.mjs';
import { HARNESS_ENV } from './scenario.mjs';

const FILES = {
  chromium: fileURLToPath(new URL('../test/chromium.test.mjs', import.meta.url)),
  firefox: fileURLToPath(new URL('../test/firefox.test.mjs', import.meta.url)),
  webkit: fileURLToPath(new URL('../../cross-browser-webkit/test/webkit.test.mjs', import.meta.url)),
};

const asked = process.argv.slice(2);
for (const name of asked) {
  if (!(name in FILES))
    throw new Error(`Unknown browser ${name}: choose from ${Object.keys(FILES).join(', ')}`);
}
const files = (asked.length > 0 ? asked : Object.keys(FILES)).map(
  (name) => FILES[/** @type {keyof typeof FILES} */ (name)],
);

const started = Date.now();
const harness = await startHarness();
console.log(
  `cross-browser: harness up in ${Date.now() - started} ms (host ${harness.hostUrl}, API ${harness.apiUrl})`,
);
const { stop, ...info } = harness;
const tests = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  detached: true,
  stdio: 'inherit',
  env: { ...process.env, [HARNESS_ENV]: JSON.stringify(info) },
});
const ending = async () => {
  await killGroup(tests);
  await stop();
  process.exit(130);
};
process.once('SIGINT', ending);
process.once('SIGTERM', ending);
const code = await new Promise((resolve) => tests.once('exit', (exitCode) => resolve(exitCode ?? 1)));
await stop();
console.log(
  `cross-browser: ${code === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`,
);
process.exit(code);
