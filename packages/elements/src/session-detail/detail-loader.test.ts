/// <reference types="mocha" />
import { aTimeout, expect, html } from '@open-wc/testing';
import '../define.js';
import type { SessionDetail } from './session-detail.js';
import { controlledClient } from '../test/controlled-client.js';
import { sessions, transcript } from '../test/fixtures.js';
import { mount, textOf } from '../test/mount.js';

/** Lets answered calls run through the loader and the element render (no time passes). */
const settle = async (el: SessionDetail) => {
  await aTimeout(0);
  await el.updateComplete;
};
const title = (el: SessionDetail) => textOf(el.shadowRoot!.querySelector('h2'));
const entries = (el: SessionDetail) => el.shadowRoot!.querySelectorAll('[part=entry]').length;

describe('session-detail loading (DetailLoader)', () => {
  it('aborts a superseded load, and its late answer never renders', async () => {
    const client = controlledClient();
    const { el } = await mount<SessionDetail>(
      html`<session-detail session-id=${sessions.runningFlow.id}></session-detail>`,
      { client },
    );
    const first = client.last('sessions.get');
    expect(first.id).to.equal(sessions.runningFlow.id);
    expect(first.signal?.aborted).to.equal(false);

    el.sessionId = sessions.openChat.id;
    await el.updateComplete;
    expect(first.signal?.aborted).to.equal(true);
    const second = client.last('sessions.get');
    expect(second.id).to.equal(sessions.openChat.id);
    second.resolve(sessions.openChat);
    await settle(el);
    const page = client.last('sessions.transcript');
    expect(page.signal).to.equal(second.signal);
    page.resolve({ data: transcript.slice(0, 3), nextCursor: null });
    await settle(el);
    expect(title(el)).to.equal('Draft three plans');
    expect(entries(el)).to.equal(3);

    // The first load's answer arrives after all: it is dropped, and asks for nothing more.
    first.resolve(sessions.runningFlow);
    await settle(el);
    expect(title(el)).to.equal('Draft three plans');
    expect(client.calls.filter((call) => call.id === sessions.runningFlow.id).length).to.equal(1);
  });

  it('aborts the load in flight when taken off the page, and loads again when put back', async () => {
    const client = controlledClient();
    const { el, wrapper } = await mount<SessionDetail>(
      html`<session-detail session-id=${sessions.endedChat.id}></session-detail>`,
      { client },
    );
    const first = client.last('sessions.get');
    el.remove();
    expect(first.signal?.aborted).to.equal(true);
    wrapper.append(el);
    await el.updateComplete;
    const again = client.last('sessions.get');
    expect(again).to.not.equal(first);
    expect(again.signal?.aborted).to.equal(false);
    again.resolve(sessions.endedChat);
    await settle(el);
    client.last('sessions.transcript').resolve({ data: [], nextCursor: null });
    await settle(el);
    expect(title(el)).to.equal('Why is the export slow?');
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
  });

  it('loads further transcript pages on demand, and aborts one the session change supersedes', async () => {
    const client = controlledClient();
    const { el } = await mount<SessionDetail>(
      html`<session-detail
        .session=${sessions.openChat}
        session-id=${sessions.openChat.id}
      ></session-detail>`,
      { client },
    );
    // Handed the session: only the transcript is asked for.
    const reads = () => client.calls.filter((call) => call.method.startsWith('sessions.transcript'));
    expect(client.calls.some((call) => call.method === 'sessions.get')).to.equal(false);
    expect(reads().length).to.equal(1);
    client.last('sessions.transcript').resolve({ data: transcript.slice(0, 2), nextCursor: 'c2' });
    await settle(el);
    expect(entries(el)).to.equal(2);
    const more = el.shadowRoot!.querySelector<HTMLButtonElement>('[role=tabpanel] button')!;
    expect(textOf(more)).to.equal('Load more');
    more.click();
    await el.updateComplete;
    const second = client.last('sessions.transcript');
    expect(reads().length).to.equal(2);
    second.resolve({ data: transcript.slice(2, 4), nextCursor: null });
    await settle(el);
    expect(entries(el)).to.equal(4);
    expect(el.shadowRoot!.querySelector('[role=tabpanel] button')).to.equal(null);

    // A page asked for just before the session changes is aborted and never appended.
    el.sessionId = sessions.endedChat.id;
    el.session = sessions.endedChat;
    await el.updateComplete;
    const next = client.last('sessions.transcript');
    next.resolve({ data: transcript.slice(0, 1), nextCursor: 'c9' });
    await settle(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role=tabpanel] button')!.click();
    await el.updateComplete;
    const stale = client.last('sessions.transcript');
    el.sessionId = sessions.openChat.id;
    el.session = sessions.openChat;
    await el.updateComplete;
    expect(stale.signal?.aborted).to.equal(true);
    stale.resolve({ data: transcript, nextCursor: null });
    client.last('sessions.transcript').resolve({ data: [], nextCursor: null });
    await settle(el);
    expect(entries(el)).to.equal(0);
  });
});
