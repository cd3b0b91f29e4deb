// @ts-check
/** The cross-browser scenario in Debian's Firefox ESR, over WebDriver BiDi (Puppeteer). */
import { puppeteerDriver } from '../src/puppeteer-driver.mjs';
import { crossBrowserSuite } from '../src/scenario.mjs';

const FIREFOX = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

// Puppeteer cannot emulate prefers-color-scheme over BiDi: launch preferring light (1), the
// scheme that differs from the elements' default, so `theme="auto"` has something to prove.
crossBrowserSuite('Firefox ESR', () =>
  puppeteerDriver(
    {
      browser: 'firefox',
      executablePath: FIREFOX,
      extraPrefsFirefox: { 'layout.css.prefers-color-scheme.content-override': 1 },
    },
    { fixedColorScheme: 'light' },
  ),
);
