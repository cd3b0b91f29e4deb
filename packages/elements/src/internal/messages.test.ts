/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import '../define.js';
// The German words (an opt-in pack: define.js carries English only).
import '../locales/de.js';
import type { SessionList } from '../session-list/session-list.js';
import type { SessionRow } from '../session-row/session-row.js';
import { textOf } from '../test/mount.js';
import { mountFixtureList, tabTexts } from '../test/list-fixture.js';
import { messagesForLocale } from './messages.js';

window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
});

const list = mountFixtureList;
const tabs = tabTexts;
const rows = (el: SessionList) => [...el.shadowRoot!.querySelectorAll<SessionRow>('session-row')];

describe('messages (en, de; fallback; rtl)', () => {
  it('picks a table by language and falls back to English', () => {
    expect(messagesForLocale('de-CH').tabs.all).to.equal('Alle');
    expect(messagesForLocale('en-GB').tabs.all).to.equal('All');
    expect(messagesForLocale('fr').tabs.all).to.equal('All');
    expect(messagesForLocale('not a tag!').tabs.all).to.equal('All');
    expect(messagesForLocale(undefined).tabs.all).to.equal('All');
  });

  it('shows a German list under lang="de": tabs, controls, rows and pills', async () => {
    const el = await list({ lang: 'de' });
    expect(tabs(el)).to.deep.equal(['Alle', 'Flows', 'Aufgaben', 'Chats', 'Bewertungen']);
    const q = (selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
    // The Filter button and its checklist are the owner facet's, inside its own shadow root.
    const facet = q('session-owner-facet') as HTMLElement & { updateComplete: Promise<boolean> };
    const inFacet = (selector: string) => facet.shadowRoot!.querySelector<HTMLElement>(selector)!;
    expect(textOf(inFacet('[part~=filter]'))).to.equal('Filter');
    expect(textOf(q('[part~=pause]'))).to.equal('Live pausieren');
    expect(textOf(q('[part~=refresh]'))).to.equal('Aktualisieren');
    expect(q('[role=tablist]').getAttribute('aria-label')).to.equal('Sitzungsarten');
    expect(q('[role=list]').getAttribute('aria-label')).to.equal('Sitzungen');

    const running = rows(el).find((row) => row.session!.status === 'running')!;
    expect(textOf(running.shadowRoot!.querySelector('[part~=pill-label]'))).to.equal('Läuft');
    const action = running.shadowRoot!.querySelector<HTMLElement>('[part~=action]');
    if (action) expect(textOf(action)).to.equal('Abbrechen');
    // The SDK's helpers format in the same locale: a step caption in German.
    const flow = rows(el).find((row) => row.session!.kind === 'flow' && row.session!.progress.steps);
    if (flow) expect(textOf(flow.shadowRoot!.querySelector('.steps-label'))).to.match(/^Schritt /);

    inFacet('[part~=filter]').click();
    await facet.updateComplete;
    expect(textOf(inFacet('#facet-heading'))).to.equal('Person');
    expect(textOf(inFacet('.facet-actions .primary'))).to.equal('Anwenden');
    await expect(el).to.be.accessible();
  });

  it('reads English for a language without a table', async () => {
    const el = await list({ lang: 'fr' });
    expect(tabs(el)[0]).to.equal('All');
    expect(textOf(el.shadowRoot!.querySelector('[part~=refresh]'))).to.equal('Refresh');
  });

  it('lays out right to left under dir="rtl"', async () => {
    const el = await list({ lang: 'ar', dir: 'rtl' });
    const tabEls = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=tab]')];
    const first = tabEls[0]!.getBoundingClientRect();
    const second = tabEls[1]!.getBoundingClientRect();
    // The first tab starts at the right edge, the next one sits to its left.
    expect(first.left).to.be.greaterThan(second.left);
    const row = rows(el)[0]!;
    const part = (name: string) => row.shadowRoot!.querySelector(`[part~=${name}]`)!.getBoundingClientRect();
    expect(part('glyph').left).to.be.greaterThan(part('title').left);
    expect(part('title').left).to.be.greaterThan(part('time').left);
    // The glyph sits at the inline start, that is the right edge of the row.
    expect(part('base').right - part('glyph').right).to.be.lessThan(part('glyph').left - part('base').left);
    // Nothing spills past the list horizontally.
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('[part~=scroller]')!;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth + 1);
    await expect(el).to.be.accessible();
  });
});
