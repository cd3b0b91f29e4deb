/// <reference types="mocha" />
// This file imports define.js without the German pack, then registers it: the pack is opt-in.
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import { actMessagesForLocale } from '../internal/act-messages.js';
import { detailMessagesForLocale } from '../internal/detail-messages.js';
import { languageOf, messagesForLocale, registerLanguage, type LanguagePack } from '../internal/messages.js';
import type { FileDiff } from '../file-diff/file-diff.js';
import type { StatusPill } from '../status-pill/status-pill.js';
import { textOf } from '../test/mount.js';
import { mountFixtureList, tabTexts } from '../test/list-fixture.js';

window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
});

const germanList = () => mountFixtureList({ lang: 'de' });
const tabs = tabTexts;

/** Every path to a word ("find.presets.P1D"), functions and plural forms included. */
function paths(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]: [string, unknown]) =>
    value !== null && typeof value === 'object'
      ? paths(value, `${prefix}${key}.`)
      : [`${prefix}${key}:${typeof value}`],
  );
}

describe('the German pack (locales/de.js, opt-in)', () => {
  it('reads English under lang="de" without the pack, and German once it is registered', async () => {
    expect(languageOf('de-CH')).to.equal('en');
    expect(messagesForLocale('de').tabs.all).to.equal('All');
    expect(detailMessagesForLocale('de').commandCenter).to.equal('Command Center');
    expect(actMessagesForLocale('de').export).to.equal('Export');
    const list = await germanList();
    expect(tabs(list)).to.deep.equal(['All', 'Flows', 'Tasks', 'Chats', 'Assessments']);
    expect(textOf(list.shadowRoot!.querySelector('[part~=refresh]'))).to.equal('Refresh');
    const pill = document.createElement('status-pill') as StatusPill;
    pill.setAttribute('status', 'paused');
    pill.lang = 'de';
    list.parentElement!.append(pill);
    await pill.updateComplete;
    expect(textOf(pill.shadowRoot!.querySelector('[part~=label]'))).to.equal('Paused');

    // Registering the pack re-renders the connected elements in German.
    const { de } = await import('./de.js');
    await list.updateComplete;
    await pill.updateComplete;
    const rows = [
      ...list.shadowRoot!.querySelectorAll<HTMLElement & { updateComplete: Promise<boolean> }>('session-row'),
    ];
    await Promise.all(rows.map((row) => row.updateComplete));
    expect(tabs(list)).to.deep.equal(['Alle', 'Flows', 'Aufgaben', 'Chats', 'Bewertungen']);
    expect(textOf(list.shadowRoot!.querySelector('[part~=refresh]'))).to.equal('Aktualisieren');
    expect(textOf(pill.shadowRoot!.querySelector('[part~=label]'))).to.equal('Pausiert');
    expect(languageOf('de-CH')).to.equal('de');
    expect(messagesForLocale('de-CH')).to.equal(de.messages);
    expect(detailMessagesForLocale('de').commandCenter).to.equal('Kommandozentrale');
    expect(actMessagesForLocale('de').export).to.equal('Exportieren');
    expect(messagesForLocale('fr').tabs.all, 'other languages still read English').to.equal('All');

    const diff = await fixture<FileDiff>(
      html`<session-file-diff locale="de-AT" .oldText=${'a\n'} .newText=${'b\n'}></session-file-diff>`,
    );
    expect(diff.shadowRoot!.querySelector('[role=group]')!.getAttribute('aria-label')).to.equal('Änderungen');
  });

  it('has every word of English, nested keys included, and no other', async () => {
    const { de } = await import('./de.js');
    expect(paths(de.messages)).to.deep.equal(paths(messagesForLocale('en')));
    const english = { detail: detailMessagesForLocale('en'), act: actMessagesForLocale('en') };
    expect(paths({ ...de.messages, ...de.detail })).to.have.members(paths(english.detail));
    expect(paths(english.detail)).to.have.members(paths({ ...de.messages, ...de.detail }));
    expect(paths({ ...de.messages, ...de.act })).to.have.members(paths(english.act));
    expect(paths(english.act)).to.have.members(paths({ ...de.messages, ...de.act }));
    expect(paths(de.detail).length + paths(de.act).length).to.be.greaterThan(140);
  });

  it('takes a pack for another language (a host-registered one)', async () => {
    const { de } = await import('./de.js');
    const pack: LanguagePack = {
      ...de,
      messages: { ...de.messages, tabs: { ...de.messages.tabs, all: 'Tout' } },
    };
    const list = await germanList();
    registerLanguage('FR', pack);
    await list.updateComplete;
    expect(messagesForLocale('fr-CA').tabs.all).to.equal('Tout');
    expect(tabs(list)[0], 'a German list keeps German').to.equal('Alle');
  });
});
