/// <reference types="mocha" />
import { expect, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import type { CommandCenter } from './command-center.js';
import type { SessionRow } from '../session-row/session-row.js';
import { fakeClient } from '../test/fake-client.js';
import { fakeStoreFactory } from '../test/fake-store.js';
import { makeSession, minutesAgo, sessions } from '../test/fixtures.js';
import { mount, textOf } from '../test/mount.js';

const q = <T extends HTMLElement = HTMLElement>(el: CommandCenter, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const titlesIn = (el: CommandCenter, section: string) =>
  [...el.shadowRoot!.querySelectorAll<SessionRow>(`[aria-labelledby=${section}] session-row`)].map(
    (row) => row.session!.title,
  );

async function center(initial = Object.values(sessions)) {
  const factory = fakeStoreFactory(initial);
  const mounted = await mount<CommandCenter>(
    html`<command-center .storeFactory=${factory}></command-center>`,
    {
      client: fakeClient(),
    },
  );
  return { ...mounted, factory };
}

describe('command-center', () => {
  it('splits live work into Active now and the last 24 hours into Recent', async () => {
    const { el } = await center();
    const active = titlesIn(el, 'active-now');
    expect(active).to.include.members(['Full SDLC', 'Backfill search index', 'Draft three plans']);
    expect(active).not.to.include('Why is the export slow?');
    const recent = titlesIn(el, 'recent');
    expect(recent).to.include('Why is the export slow?');
    // Finished 25 hours ago: neither active nor recent.
    expect([...active, ...recent]).not.to.include('CSV format verification');
    await expect(el).to.be.accessible();
  });

  it('emits session-resume from a row, and View on an ended chat', async () => {
    const { el } = await center();
    const first = q(el, '[aria-labelledby=active-now] li')!;
    const resume = first.querySelector<HTMLButtonElement>('[part~=resume]')!;
    expect(textOf(resume)).to.equal('Resume');
    setTimeout(() => resume.click());
    const event = await oneEvent(el, 'session-resume');
    expect(event.detail.session.id).to.equal(first.querySelector('session-row')!.session!.id);
    expect(event.bubbles && event.composed).to.equal(true);

    const ended = [...el.shadowRoot!.querySelectorAll('[aria-labelledby=recent] li')].find(
      (item) => item.querySelector('session-row')!.session!.id === sessions.endedChat.id,
    )!;
    const view = ended.querySelector<HTMLButtonElement>('[part~=resume]')!;
    expect(textOf(view)).to.equal('View');
    setTimeout(() => view.click());
    const opened = await oneEvent(el, 'session-open');
    expect(opened.detail.session.id).to.equal(sessions.endedChat.id);
  });

  it('moves a session between sections live', async () => {
    const { el, factory } = await center();
    factory.last.push({
      ...sessions.runningFlow,
      status: 'completed',
      updatedAt: minutesAgo(0),
      version: 99,
    });
    await el.updateComplete;
    expect(titlesIn(el, 'active-now')).not.to.include('Full SDLC');
    expect(titlesIn(el, 'recent')[0]).to.equal('Full SDLC');
    factory.last.push(
      makeSession({
        id: 'ses_new00001',
        kind: 'task',
        status: 'running',
        title: 'Fresh task',
        updatedAt: minutesAgo(0),
      }),
    );
    await el.updateComplete;
    expect(titlesIn(el, 'active-now')).to.include('Fresh task');
  });

  it('shows loading, empty and error-with-retry states', async () => {
    const { el, factory } = await center([]);
    expect(textOf(q(el, '[aria-labelledby=active-now]'))).to.include('Nothing is running right now.');
    expect(textOf(q(el, '[aria-labelledby=recent]'))).to.include('Nothing finished in the last 24 hours.');
    await expect(el).to.be.accessible();
    factory.last.set({ loaded: false, state: { status: 'connecting' } });
    await el.updateComplete;
    expect(q(el, '.skeleton')).not.to.equal(null);
    factory.last.set({ state: { status: 'offline', error: new Error('503 Service Unavailable') } });
    await el.updateComplete;
    const error = q(el, '[part~=error]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(textOf(error)).to.include('503 Service Unavailable');
    await expect(el).to.be.accessible();
    error.querySelector<HTMLButtonElement>('button')!.click();
    expect(factory.stores.length).to.equal(2);
  });
});
