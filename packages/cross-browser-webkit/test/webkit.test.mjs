// @ts-check
/**
 * The cross-browser scenario in WebKitGTK: Debian's WebKitWebDriver drives MiniBrowser (WebDriver
 * classic, through webdriverio), both under `xvfb-run` (MiniBrowser has no working headless
 * mode). xvfb-run leads one process group holding the X server, the driver and the browser; the
 * suite ends that whole group.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Key, remote } from 'webdriverio';
import { crossBrowserSuite } from '@session-lens/cross-browser/scenario';
import { killGroup } from '@session-lens/cross-browser/processes';

const DRIVER = process.env['WEBKIT_DRIVER_PATH'] ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env['MINIBROWSER_PATH'] ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const KEYS = {
  ArrowRight: Key.ArrowRight,
  ArrowLeft: Key.ArrowLeft,
  ArrowDown: Key.ArrowDown,
  ArrowUp: Key.ArrowUp,
  Enter: Key.Enter,
};

/** A free port on 127.0.0.1 for the driver. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return port;
}

/** Waits until the driver answers `/status`. @param {number} port @param {import('node:child_process').ChildProcess} child */
async function driverReady(port, child) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('WebKitWebDriver did not start in time');
}

/** @returns {Promise<import('@session-lens/cross-browser/scenario').Driver>} */
async function openWebKit() {
  const port = await freePort();
  // GTK_THEME pins the light GTK theme, which is what MiniBrowser's prefers-color-scheme follows.
  const child = spawn('xvfb-run', ['-a', DRIVER, `--port=${port}`], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, GTK_THEME: 'Adwaita' },
  });
  try {
    await driverReady(port, child);
    const browser = await remote({
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'warn',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      },
    });
    await browser.setWindowSize(1100, 800).catch(() => {});
    return {
      goto: (url) => browser.url(url).then(() => {}),
      call: (name, ...args) =>
        browser.execute(
          (helper, helperArgs) => /** @type {any} */ (window).lensTest[helper](...helperArgs),
          name,
          args,
        ),
      press: (key) => browser.keys(KEYS[key]),
      // No media emulation over WebDriver classic; MiniBrowser follows the GTK theme, light here.
      fixedColorScheme: 'light',
      close: async () => {
        await browser.deleteSession().catch(() => {});
        await killGroup(child);
      },
    };
  } catch (error) {
    await killGroup(child);
    throw error;
  }
}

crossBrowserSuite('WebKitGTK', openWebKit);
