// @ts-check
/** The cross-browser scenario in Debian's Chromium, over CDP (Puppeteer). */
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { puppeteerDriver } from '../src/puppeteer-driver.mjs';
import { crossBrowserSuite } from '../src/scenario.mjs';

crossBrowserSuite('Chromium', () =>
  puppeteerDriver({ executablePath: chromiumPath, args: [...chromiumArgs] }),
);
