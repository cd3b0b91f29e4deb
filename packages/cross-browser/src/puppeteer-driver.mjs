// @ts-check
/**
 * The scenario's driver for the browsers Puppeteer drives: Chromium over CDP and Firefox ESR over
 * WebDriver BiDi. Puppeteer starts each browser detached, as the leader of its own process group,
 * and `close()` ends that whole group.
 */
import puppeteer from 'puppeteer-core';

/**
 * @param {import('puppeteer-core').LaunchOptions} options
 * @param {{ fixedColorScheme?: 'light' | 'dark' }} [scenario] `fixedColorScheme`: the browser
 *   cannot emulate `prefers-color-scheme` through its protocol and was launched preferring this
 * @returns {Promise<import('./scenario.mjs').Driver>}
 */
export async function puppeteerDriver(options, { fixedColorScheme } = {}) {
  const browser = await puppeteer.launch({ headless: true, ...options });
  const pid = browser.process()?.pid;
  try {
    // A page of our own: Firefox's first tab does not have focus, so keys reach it but buttons
    // ignore Enter (no activation without a focused document).
    const page = await browser.newPage();
    await page.bringToFront();
    await setViewport(page, { width: 1100, height: 800 });
    return {
      goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
      call: (name, ...args) =>
        page.evaluate(
          (helper, helperArgs) => /** @type {any} */ (window).lensTest[helper](...helperArgs),
          name,
          args,
        ),
      press: (key) => page.keyboard.press(key),
      ...(fixedColorScheme
        ? { fixedColorScheme }
        : {
            emulateColorScheme: (/** @type {'light' | 'dark'} */ scheme) =>
              page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]),
          }),
      close: async () => {
        await browser.close().catch(() => {});
        killGroup(pid);
      },
    };
  } catch (error) {
    await browser.close().catch(() => {});
    killGroup(pid);
    throw error;
  }
}

/**
 * Sizes the page. Over BiDi, Puppeteer 25 sets the viewport and then the screen orientation;
 * Firefox ESR 140 (what Debian's `firefox-esr` may install) has no orientation command, so that
 * second step fails after the viewport was set. The failure is accepted only for that command and
 * only when the page then takes the size asked for.
 * @param {import('puppeteer-core').Page} page
 * @param {{ width: number, height: number }} size
 */
async function setViewport(page, size) {
  try {
    await page.setViewport(size);
  } catch (error) {
    if (!String(error).includes('emulation.setScreenOrientationOverride')) throw error;
    // The page takes the new size a moment later under load.
    await page
      .waitForFunction(
        (w, h) => window.innerWidth === w && window.innerHeight === h,
        { timeout: 5_000 },
        size.width,
        size.height,
      )
      .catch(() => {
        throw error;
      });
  }
}

/** Whatever of the browser's process group outlived `close()`. @param {number | undefined} pid */
function killGroup(pid) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // gone already
  }
}
