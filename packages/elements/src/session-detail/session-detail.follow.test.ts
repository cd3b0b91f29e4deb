/// <reference types="mocha" />
import { aTimeout, expect, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { Session, TranscriptEntry } from '@session-lens/sdk';
import '../define.js';
import type { SessionDetail } from './session-detail.js';
import { ANNOUNCE_EVERY_MS } from '../data/follow-controller.js';
import { announcement } from '../internal/announcer.js';
import { fakeClient } from '../test/fake-client.js';
import { fakeFollow } from '../test/fake-follow.js';
import { minutesAgo, sessions, transcript } from '../test/fixtures.js';
import { mount } from '../test/mount.js';

// E13 with a stand-in stream (test/fake-follow.ts); session-detail.follow.e2e.test.ts runs the
// same against the real server.

const chat = sessions.openChat;
const entry = (seq: number, text = `live ${seq}`): TranscriptEntry => ({
  seq,
  at: minutesAgo(1),
  type: 'message',
  role: 'assistant',
  text,
});
const texts = (el: SessionDetail) =>
  [...el.shadowRoot!.querySelectorAll('[part~=entry] .message-text')].map((node) => node.textContent);
// The controller renders once per animation frame, in the frame after the events it was handed.
const frame = async () => {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
};

async function live(session: Session = chat) {
  const feed = fakeFollow();
  const base = fakeClient({ sessions: [session], transcripts: { [session.id]: transcript } });
  const client = { ...base, sessions: { ...base.sessions, follow: feed.follow } };
  const mounted = await mount<SessionDetail>(
    html`<session-detail
      style="--lens-transcript-max-height: 10rem"
      session-id=${session.id}
    ></session-detail>`,
    { client },
  );
  await waitUntil(() => feed.open() === 1, 'the follow');
  // Caught up: the stream's first event is the session as it is.
  feed.push(session.id, { type: 'session', id: String(transcript.length), data: session });
  await frame();
  return { ...mounted, feed, client: base };
}

/** Entries after the fixture transcript, then the session that counts them. */
async function arrive(
  feed: ReturnType<typeof fakeFollow>,
  el: SessionDetail,
  count: number,
  version: number,
) {
  const from = el.shadowRoot!.querySelectorAll('[part~=entry]').length + 1;
  feed.entries(
    chat.id,
    Array.from({ length: count }, (_, i) => entry(from + i)),
  );
  feed.push(chat.id, {
    type: 'session',
    id: String(from + count - 1),
    data: { ...chat, version, progress: { messages: from + count - 1 } },
  });
  await frame();
  await el.updateComplete;
}

describe('session-detail following its session (E13)', () => {
  it('follows after the loaded transcript and appends what arrives, fetching the transcript once', async () => {
    const { el, feed, client } = await live();
    expect(feed.opened).to.deep.equal([{ id: chat.id, lastEventId: String(transcript.length) }]);
    await arrive(feed, el, 2, chat.version + 1);
    expect(texts(el).slice(-2)).to.deep.equal([
      `live ${transcript.length + 1}`,
      `live ${transcript.length + 2}`,
    ]);
    expect(client.calls.filter((call) => call.method === 'sessions.transcript')).to.have.length(1);
    // The session moved with the stream: its message count is the stream's.
    expect(el.shadowRoot!.textContent).to.match(new RegExp(`Messages\\s*${transcript.length + 2}`));
    // An older version never replaces a newer one.
    feed.push(chat.id, {
      type: 'session',
      id: '1',
      data: { ...chat, version: 1, progress: { messages: 1 } },
    });
    await frame();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.match(new RegExp(`Messages\\s*${transcript.length + 2}`));
    await expect(el).to.be.accessible();
  });

  it('keeps the newest entry in view at the end, and counts arrivals once the reader scrolled up', async () => {
    const { el, feed } = await live();
    const list = el.shadowRoot!.querySelector<HTMLElement>('.entries')!;
    expect(list.scrollHeight).to.be.greaterThan(list.clientHeight);
    list.scrollTop = list.scrollHeight;
    await arrive(feed, el, 2, chat.version + 1);
    await frame();
    expect(list.scrollHeight - list.scrollTop - list.clientHeight).to.be.lessThan(40);
    expect(el.shadowRoot!.querySelector('[part~=new-entries]')).to.equal(null);

    list.scrollTop = 0;
    await arrive(feed, el, 3, chat.version + 2);
    const jump = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=new-entries]')!;
    expect(jump.textContent!.trim()).to.equal('3 new entries');
    expect(list.scrollTop).to.equal(0);
    await expect(el).to.be.accessible();
    jump.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~=new-entries]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(list);
  });

  it('announces live entries politely, at most once per window, and never the catch-up', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const feed = fakeFollow();
      const base = fakeClient({ sessions: [chat], transcripts: { [chat.id]: transcript } });
      const client = { ...base, sessions: { ...base.sessions, follow: feed.follow } };
      const { el } = await mount<SessionDetail>(
        html`<session-detail session-id=${chat.id}></session-detail>`,
        {
          client,
        },
      );
      await clock.tickAsync(10);
      await waitUntil(() => feed.open() === 1, 'the follow');
      // The catch-up before the first session event is not news.
      feed.entries(chat.id, [entry(transcript.length + 1)]);
      feed.push(chat.id, { type: 'session', id: String(transcript.length + 1), data: chat });
      const before = announcement();
      await clock.tickAsync(ANNOUNCE_EVERY_MS + 1_000);
      expect(announcement()).to.equal(before);
      feed.entries(chat.id, [entry(transcript.length + 2)]);
      await clock.tickAsync(1_000);
      feed.entries(chat.id, [entry(transcript.length + 3), entry(transcript.length + 4)]);
      await clock.tickAsync(ANNOUNCE_EVERY_MS + 1_000);
      expect(announcement()).to.equal('3 new entries.');
      await el.updateComplete;
    } finally {
      clock.restore();
    }
  });

  it('stops following when it leaves the page and resumes after its last entry when back', async () => {
    const { el, wrapper, feed } = await live();
    await arrive(feed, el, 1, chat.version + 1);
    el.remove();
    await aTimeout(0);
    expect(feed.open()).to.equal(0);
    wrapper.append(el);
    await waitUntil(() => feed.open() === 1, 'the follow again');
    expect(feed.opened.at(-1)).to.deep.equal({ id: chat.id, lastEventId: String(transcript.length + 1) });
  });
});
