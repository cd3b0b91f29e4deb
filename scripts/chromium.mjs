// @ts-check
/**
 * The one Chromium every browser test, benchmark and screenshot script launches: Debian's
 * `/usr/bin/chromium` (override with CHROMIUM_PATH), since no tool may download its own browser
 * on the CI machines, with the flags that keep it headless, quiet and offline (TOOLCHAIN.md).
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/**
 * Options for Playwright's `chromium.launch()`.
 * @param {readonly string[]} [extraArgs] more flags, e.g. `--hide-scrollbars` for screenshots
 */
export function chromiumLaunchOptions(extraArgs = []) {
  return { executablePath: chromiumPath, headless: true, args: [...chromiumArgs, ...extraArgs] };
}
