/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../define.js';
import type { LitElement } from 'lit';
import type { StatusPill } from '../status-pill/status-pill.js';
import { sessions } from '../test/fixtures.js';

// The problem tone of each palette (tokens.ts), as computed colours.
const DARK = 'rgb(248, 113, 113)';
const LIGHT = 'rgb(153, 27, 27)';

const pillIn = (root: ParentNode) => root.querySelector<StatusPill>('status-pill')!;
const look = (el: StatusPill) => {
  const base = el.shadowRoot!.querySelector<HTMLElement>('[part=base]')!;
  return { color: getComputedStyle(base).color, scheme: getComputedStyle(el).colorScheme };
};

describe('theme', () => {
  afterEach(async () => {
    document.documentElement.removeAttribute('theme');
    await emulateMedia({ colorScheme: 'dark' });
  });

  it('is dark by default, native controls included', async () => {
    const el = await fixture<StatusPill>(html`<status-pill status="failed"></status-pill>`);
    expect(look(el)).to.deep.equal({ color: DARK, scheme: 'dark' });
  });

  it('turns light with theme="light" on the element itself', async () => {
    const el = await fixture<StatusPill>(html`<status-pill theme="light" status="failed"></status-pill>`);
    expect(look(el)).to.deep.equal({ color: LIGHT, scheme: 'light' });
  });

  it('follows theme on <html>, and a change of it, without touching the page`s own color-scheme', async () => {
    const el = await fixture<StatusPill>(html`<status-pill status="failed"></status-pill>`);
    document.documentElement.setAttribute('theme', 'light');
    expect(look(el)).to.deep.equal({ color: LIGHT, scheme: 'light' });
    expect(getComputedStyle(document.documentElement).colorScheme).to.equal('normal');
    document.documentElement.setAttribute('theme', 'dark');
    expect(look(el)).to.deep.equal({ color: DARK, scheme: 'dark' });
  });

  it('gives scrollbars the palette`s colours', async () => {
    const el = await fixture<StatusPill>(html`<status-pill status="failed"></status-pill>`);
    const dark = getComputedStyle(el).scrollbarColor;
    el.setAttribute('theme', 'light');
    const light = getComputedStyle(el).scrollbarColor;
    expect(dark).to.not.equal('auto');
    expect(light).to.not.equal(dark);
  });

  it('takes the nearest theme attribute', async () => {
    const darkInLight = await fixture<HTMLElement>(
      html`<div theme="light">
        <section theme="dark"><status-pill status="failed"></status-pill></section>
      </div>`,
    );
    expect(look(pillIn(darkInLight)).color).to.equal(DARK);
    const lightInDark = await fixture<HTMLElement>(
      html`<div theme="dark"><status-pill theme="light" status="failed"></status-pill></div>`,
    );
    expect(look(pillIn(lightInDark)).color).to.equal(LIGHT);
  });

  it('themes the list and the row alike', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div theme="light">
        <session-row .session=${sessions.runningFlow}></session-row>
        <session-list></session-list>
      </div>`,
    );
    for (const el of wrapper.querySelectorAll<LitElement>('session-row, session-list')) {
      await el.updateComplete;
      expect(getComputedStyle(el).colorScheme).to.equal('light');
      expect(getComputedStyle(el).color).to.equal('rgb(22, 26, 34)');
    }
  });

  it('takes theme from an ancestor inside a host`s own shadow root', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const main = document.createElement('main');
    main.setAttribute('theme', 'light');
    const pill = document.createElement('status-pill');
    pill.setAttribute('status', 'failed');
    main.append(pill);
    shadow.append(main);
    await pillIn(shadow).updateComplete;
    expect(look(pillIn(shadow))).to.deep.equal({ color: LIGHT, scheme: 'light' });
  });

  it('follows prefers-color-scheme with theme="auto"', async () => {
    const el = await fixture<StatusPill>(html`<status-pill theme="auto" status="failed"></status-pill>`);
    await emulateMedia({ colorScheme: 'light' });
    expect(look(el)).to.deep.equal({ color: LIGHT, scheme: 'light' });
    await emulateMedia({ colorScheme: 'dark' });
    expect(look(el)).to.deep.equal({ color: DARK, scheme: 'dark' });
  });

  it('lets a token the host sets win over both palettes', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div theme="light" style="--lens-color-problem: rgb(1, 2, 3)">
        <status-pill status="failed"></status-pill>
      </div>`,
    );
    expect(look(pillIn(wrapper)).color).to.equal('rgb(1, 2, 3)');
  });
});
