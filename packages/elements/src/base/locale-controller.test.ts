/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import '../define.js';
// The German words (an opt-in pack: define.js carries English only).
import '../locales/de.js';
import { LensElement } from './lens-element.js';
import { refreshLocales } from './locale-controller.js';
import type { StatusPill } from '../status-pill/status-pill.js';

/** Renders what its locale controller says, and counts its renders. */
class LocaleProbe extends LensElement {
  renders = 0;
  override render() {
    this.renders++;
    return litHtml`${this.locale.lang ?? '-'}|${this.locale.dir}`;
  }
}
customElements.define('locale-probe', LocaleProbe);

/** Lets the shared observer's callback and the re-render it asks for run. */
async function settled(el: LensElement): Promise<void> {
  await Promise.resolve();
  await el.updateComplete;
}

const shown = (el: LocaleProbe) => el.shadowRoot!.textContent;

describe('LocaleController (through LensElement)', () => {
  const documentLang = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (documentLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', documentLang);
    document.documentElement.removeAttribute('dir');
  });

  it('reads the nearest lang and dir on connect, crossing a host shadow root', async () => {
    const outer = await fixture<HTMLElement>(
      html`<div lang="de-CH" dir="rtl"><div class="host"></div></div>`,
    );
    const root = outer.querySelector('.host')!.attachShadow({ mode: 'open' });
    const probe = document.createElement('locale-probe') as LocaleProbe;
    root.append(probe);
    await probe.updateComplete;
    expect(shown(probe)).to.equal('de-CH|rtl');
  });

  it('re-renders when an ancestor changes lang or dir, and only then', async () => {
    const outer = await fixture<HTMLElement>(
      html`<div lang="en">
        <section><locale-probe></locale-probe></section>
      </div>`,
    );
    const probe = outer.querySelector<LocaleProbe>('locale-probe')!;
    await probe.updateComplete;
    expect(shown(probe)).to.equal('en|ltr');
    const before = probe.renders;

    outer.setAttribute('lang', 'de');
    await settled(probe);
    expect(shown(probe)).to.equal('de|ltr');

    outer.querySelector('section')!.setAttribute('dir', 'rtl');
    await settled(probe);
    expect(shown(probe)).to.equal('de|rtl');
    expect(probe.renders).to.equal(before + 2);

    // A lang on an element that is not an ancestor changes nothing here.
    const sibling = document.createElement('p');
    outer.append(sibling);
    sibling.setAttribute('lang', 'fr');
    await settled(probe);
    expect(shown(probe)).to.equal('de|rtl');
    expect(probe.renders).to.equal(before + 2);
  });

  it('follows the document element, and a lang added to a nearer ancestor later', async () => {
    const outer = await fixture<HTMLElement>(html`<div><locale-probe></locale-probe></div>`);
    const probe = outer.querySelector<LocaleProbe>('locale-probe')!;
    document.documentElement.setAttribute('lang', 'de');
    document.documentElement.setAttribute('dir', 'rtl');
    await settled(probe);
    expect(shown(probe)).to.equal('de|rtl');

    outer.setAttribute('lang', 'en-GB');
    await settled(probe);
    expect(shown(probe)).to.equal('en-GB|rtl');

    outer.removeAttribute('lang');
    await settled(probe);
    expect(shown(probe)).to.equal('de|rtl');
  });

  it('follows a change inside a host shadow root between the element and the document', async () => {
    const outer = await fixture<HTMLElement>(html`<div></div>`);
    const root = outer.attachShadow({ mode: 'open' });
    const wrapper = document.createElement('div');
    const probe = document.createElement('locale-probe') as LocaleProbe;
    wrapper.append(probe);
    root.append(wrapper);
    await probe.updateComplete;
    wrapper.setAttribute('dir', 'rtl');
    await settled(probe);
    expect(shown(probe)).to.equal('-|rtl');
  });

  it('re-reads on reconnect after moving under another language', async () => {
    const outer = await fixture<HTMLElement>(
      html`<div>
        <p lang="en"><locale-probe></locale-probe></p>
        <p lang="de"></p>
      </div>`,
    );
    const probe = outer.querySelector<LocaleProbe>('locale-probe')!;
    outer.querySelector('[lang=de]')!.append(probe);
    await probe.updateComplete;
    expect(shown(probe)).to.equal('de|ltr');
  });

  it("re-renders an element's words when the page language changes", async () => {
    const outer = await fixture<HTMLElement>(
      html`<div lang="en"><status-pill status="paused"></status-pill></div>`,
    );
    const pill = outer.querySelector<StatusPill>('status-pill')!;
    const label = () => pill.shadowRoot!.querySelector('[part~=label]')!.textContent!.trim();
    expect(label()).to.equal('Paused');
    outer.setAttribute('lang', 'de');
    await settled(pill);
    expect(label()).to.equal('Pausiert');
  });

  it('refreshLocales re-renders every connected element, its language unchanged', async () => {
    const outer = await fixture<HTMLElement>(html`<div lang="de"><locale-probe></locale-probe></div>`);
    const probe = outer.querySelector<LocaleProbe>('locale-probe')!;
    await probe.updateComplete;
    const before = probe.renders;
    refreshLocales();
    await probe.updateComplete;
    expect(probe.renders).to.equal(before + 1);
    expect(shown(probe)).to.equal('de|ltr');

    const away = document.createElement('locale-probe') as LocaleProbe;
    outer.append(away);
    await away.updateComplete;
    away.remove();
    const rendersAway = away.renders;
    refreshLocales();
    await probe.updateComplete;
    expect(away.renders, 'a disconnected element is left alone').to.equal(rendersAway);
  });
});
