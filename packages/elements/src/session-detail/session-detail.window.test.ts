/// <reference types="mocha" />
import { expect, html, waitUntil } from '@open-wc/testing';
import type { TranscriptEntry } from '@session-lens/sdk';
import '../define.js';
import type { SessionDetail } from './session-detail.js';
import { WINDOW_FROM } from './transcript-tab.js';
import { fakeClient } from '../test/fake-client.js';
import { fakeFollow } from '../test/fake-follow.js';
import { minutesAgo, sessions } from '../test/fixtures.js';
import { mount } from '../test/mount.js';

// A long transcript is windowed (E13): only the entries near the view are in the DOM.

const chat = sessions.openChat;
const entry = (seq: number): TranscriptEntry => ({
  seq,
  at: minutesAgo(1),
  type: 'message',
  role: seq % 2 ? 'user' : 'assistant',
  text: `entry ${seq}`,
});
const long = Array.from({ length: 10_000 }, (_, i) => entry(i + 1));
const texts = (el: SessionDetail) =>
  [...el.shadowRoot!.querySelectorAll('[part~=entry] .message-text')].map((node) => node.textContent);
const frames = async (count = 2) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
};

describe('session-detail long transcript (windowed)', () => {
  it('renders only the entries near the view, and the last ones once scrolled to the end', async () => {
    const { el } = await mount<SessionDetail>(
      html`<session-detail .session=${chat} .transcript=${long}></session-detail>`,
    );
    await frames();
    const list = el.shadowRoot!.querySelector<HTMLElement>('[part~=transcript]')!;
    expect(list.classList.contains('windowed')).to.equal(true);
    expect(texts(el)[0]).to.equal('entry 1');
    expect(texts(el).length).to.be.below(100);
    list.scrollTop = list.scrollHeight;
    await waitUntil(() => texts(el).includes('entry 10000'), 'the last entry');
    expect(texts(el).length).to.be.below(100);
    await expect(el).to.be.accessible();
  });

  it('renders a short transcript whole', async () => {
    const short = long.slice(0, WINDOW_FROM - 1);
    const { el } = await mount<SessionDetail>(
      html`<session-detail .session=${chat} .transcript=${short}></session-detail>`,
    );
    expect(el.shadowRoot!.querySelector('.windowed')).to.equal(null);
    expect(texts(el).length).to.equal(short.length);
  });

  it('keeps the newest live entry in view at the end of a long transcript', async () => {
    const feed = fakeFollow();
    const base = fakeClient({ sessions: [chat], transcripts: { [chat.id]: long } });
    const client = { ...base, sessions: { ...base.sessions, follow: feed.follow } };
    const { el } = await mount<SessionDetail>(html`<session-detail session-id=${chat.id}></session-detail>`, {
      client,
    });
    await waitUntil(() => feed.open() === 1, 'the follow');
    feed.push(chat.id, { type: 'session', id: String(long.length), data: chat });
    const list = el.shadowRoot!.querySelector<HTMLElement>('[part~=transcript]')!;
    list.scrollTop = list.scrollHeight;
    await waitUntil(() => texts(el).includes('entry 10000'), 'the end');
    await frames();
    feed.entries(chat.id, [entry(10_001)]);
    await waitUntil(() => texts(el).includes('entry 10001'), 'the live entry in view');
    await frames(3);
    expect(list.scrollHeight - list.scrollTop - list.clientHeight).to.be.lessThan(40);
    expect(el.shadowRoot!.querySelector('[part~=new-entries]')).to.equal(null);
  });
});
