/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { formatMoney } from '@session-lens/sdk';
import { warmFormatters } from './define-elements.js';

/** Resolves once the browser has run the idle callbacks queued before this one. */
const idle = () =>
  new Promise<void>((resolve) => {
    const request = (globalThis as { requestIdleCallback?: (callback: () => void) => number })
      .requestIdleCallback;
    if (request) request(() => resolve());
    else setTimeout(resolve, 5);
  });

describe('warmFormatters', () => {
  const NumberFormat = Intl.NumberFormat;
  let built: Array<[string | string[] | undefined, Intl.NumberFormatOptions | undefined]>;
  const lang = document.documentElement.lang;

  beforeEach(() => {
    built = [];
    const counting = function (locale?: string | string[], options?: Intl.NumberFormatOptions) {
      built.push([locale, options]);
      return new NumberFormat(locale, options);
    } as unknown as typeof Intl.NumberFormat;
    Intl.NumberFormat = counting;
  });
  afterEach(() => {
    Intl.NumberFormat = NumberFormat;
    document.documentElement.lang = lang;
  });

  it("builds the rows' money formatter for the page's language while idle, not at once", async () => {
    // A language no other test formats in, so the SDK's cache cannot hold it yet.
    document.documentElement.lang = 'is-IS';
    warmFormatters();
    expect(built).to.deep.equal([]);
    await idle();
    expect(built.map(([locale, options]) => [locale, options?.style])).to.deep.equal([['is-IS', 'currency']]);
    // A row formatting money in that language finds it built.
    formatMoney('3.06', { locale: 'is-IS' });
    expect(built).to.have.length(1);
  });

  it('lets nothing escape for an invalid page language (its formatter cannot be built)', async () => {
    document.documentElement.lang = 'not a locale!';
    warmFormatters();
    await idle();
    expect(built.map(([locale]) => locale)).to.deep.equal(['not a locale!']);
  });
});
