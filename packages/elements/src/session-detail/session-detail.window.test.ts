/// <reference types="mocha" />
import { expect, html, waitUntil } from '@open-wc/testing';
import type { TranscriptEntry } from '@session-lens/sdk';
import '../define.js';
import type { SessionDetail } from './session-detail.js';
import { WINDOW_FROM } from './transcript-tab.js';
import { fakeClient } from '../test/fake-client.js';
import { fakeFollow } from '../test/fake-follow.js';
import { fakeStoreFactory } from '../test/fake-store.js';
import { insights, members, minutesAgo, sessions } from '../test/fixtures.js';
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

// Per-entry UI state, the switch to windowing while live, and the scroller's height (#14).

const edit = (seq: number): TranscriptEntry => ({
  seq,
  at: minutesAgo(1),
  type: 'file_edit',
  path: `src/file-${seq}.ts`,
  // The same texts for every entry: a reused row sees no change of text that would reset it.
  before: Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n'),
  after: ['first', ...Array.from({ length: 18 }, (_, i) => `line ${i + 2}`), 'last'].join('\n'),
});
const call = (seq: number): TranscriptEntry => ({
  seq,
  at: minutesAgo(1),
  type: 'tool_call',
  name: `tool_${seq}`,
  status: 'succeeded',
  arguments: { seq },
});
const diffs = (el: SessionDetail) => [...el.shadowRoot!.querySelectorAll('session-file-diff')];
const diffOf = (el: SessionDetail, seq: number) =>
  el.shadowRoot!.querySelector<HTMLElementTagNameMap['session-file-diff']>(
    `session-file-diff[path="src/file-${seq}.ts"]`,
  );
const scroller = (el: SessionDetail) => el.shadowRoot!.querySelector<HTMLElement>('[part~=transcript]')!;
/** Scrolls the transcript to `top` and waits for the window to show entry `seq`. */
async function scrollTo(el: SessionDetail, top: number, shows: () => boolean, what: string) {
  scroller(el).scrollTop = top;
  await waitUntil(shows, what);
  await frames();
}
/** The index (data-index) of the first entry whose bottom is below the scroller's top. */
const firstInView = (el: SessionDetail) => {
  const top = scroller(el).getBoundingClientRect().top;
  const item = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.item')].find(
    (node) => node.getBoundingClientRect().bottom > top + 1,
  );
  return Number(item?.dataset['index']);
};

describe('session-detail long transcript: per-entry state', () => {
  it("keeps a diff's split view and expanded run with its entry as the window scrolls", async () => {
    const edits = Array.from({ length: 400 }, (_, i) => edit(i + 1));
    const { el } = await mount<SessionDetail>(
      html`<session-detail .session=${chat} .transcript=${edits}></session-detail>`,
    );
    await waitUntil(() => diffOf(el, 1)?.shadowRoot?.querySelector('[part~=diff-expand]'), 'the first diff');
    const first = diffOf(el, 1)!;
    first.shadowRoot!.querySelector<HTMLButtonElement>('[aria-pressed=false]')!.click();
    await first.updateComplete;
    first.shadowRoot!.querySelector<HTMLButtonElement>('[part~=diff-expand]')!.click();
    await first.updateComplete;
    expect(first.view).to.equal('split');
    await scrollTo(el, scroller(el).scrollHeight / 2, () => !diffOf(el, 1) && diffs(el).length > 0, 'away');
    await Promise.all(diffs(el).map((diff) => diff.updateComplete));
    // Nothing of entry 1's state shows on the entries that took its place.
    expect(diffs(el).filter((diff) => diff.view === 'split')).to.deep.equal([]);
    for (const diff of diffs(el))
      expect(diff.shadowRoot!.querySelector('[part~=diff-expand]')).to.not.equal(null);
    await scrollTo(el, 0, () => diffOf(el, 1) !== null, 'back at the top');
    const again = diffOf(el, 1)!;
    await again.updateComplete;
    expect(again.view).to.equal('split');
    expect(again.shadowRoot!.querySelector('[part~=diff-expand]')).to.equal(null);
    expect(diffOf(el, 2)!.view).to.equal('unified');
  });

  it("keeps a tool call's open arguments with its entry as the window scrolls", async () => {
    const calls = Array.from({ length: 400 }, (_, i) => call(i + 1));
    const { el } = await mount<SessionDetail>(
      html`<session-detail .session=${chat} .transcript=${calls}></session-detail>`,
    );
    await frames();
    const details = () => [...el.shadowRoot!.querySelectorAll('details')];
    const argumentsOf = (seq: number) =>
      details().find((node) => node.closest('.entry')?.textContent?.includes(`tool_${seq} `) ?? false);
    const argsOf1 = () =>
      el.shadowRoot!.querySelector('.item[data-index="0"] details') as HTMLDetailsElement | null;
    argsOf1()!.open = true;
    await new Promise((resolve) => setTimeout(resolve, 20)); // the toggle event is async
    await scrollTo(el, scroller(el).scrollHeight / 2, () => argsOf1() === null, 'away');
    expect(details().filter((node) => node.open)).to.deep.equal([]);
    await scrollTo(el, 0, () => argsOf1() !== null, 'back at the top');
    expect(argsOf1()!.open).to.equal(true);
    expect(argumentsOf(2)?.open ?? false).to.equal(false);
  });
});

describe('session-detail long transcript: crossing into windowing live', () => {
  async function liveWith(count: number) {
    const feed = fakeFollow();
    const base = fakeClient({ sessions: [chat], transcripts: { [chat.id]: long.slice(0, count) } });
    const client = { ...base, sessions: { ...base.sessions, follow: feed.follow } };
    const { el } = await mount<SessionDetail>(html`<session-detail session-id=${chat.id}></session-detail>`, {
      client,
    });
    await waitUntil(() => feed.open() === 1, 'the follow');
    feed.push(chat.id, { type: 'session', id: String(count), data: chat });
    await waitUntil(() => texts(el).length === count, 'the transcript');
    await frames();
    return { el, feed };
  }

  it('stays at the newest entry when following', async () => {
    const { el, feed } = await liveWith(WINDOW_FROM - 5);
    const list = scroller(el);
    list.scrollTop = list.scrollHeight;
    await frames();
    feed.entries(chat.id, [entry(WINDOW_FROM - 4), entry(WINDOW_FROM - 3)]);
    await waitUntil(() => texts(el).includes(`entry ${WINDOW_FROM - 3}`), 'still whole');
    await frames();
    feed.entries(chat.id, [entry(WINDOW_FROM - 2), entry(WINDOW_FROM - 1)]);
    await waitUntil(() => texts(el).includes(`entry ${WINDOW_FROM - 1}`), 'still whole');
    await frames();
    // The 200th entry: the transcript is windowed from now on, and shows its end at once.
    const switched = new Promise<(string | null)[]>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!list.classList.contains('windowed')) return;
        observer.disconnect();
        resolve(texts(el));
      });
      observer.observe(list, { attributes: true, attributeFilter: ['class'] });
    });
    feed.entries(chat.id, [entry(WINDOW_FROM)]);
    expect(await switched).to.include(`entry ${WINDOW_FROM}`);
    await frames(4);
    expect(list.scrollHeight - list.scrollTop - list.clientHeight).to.be.lessThan(40);
    expect(el.shadowRoot!.querySelector('[part~=new-entries]')).to.equal(null);
  });

  it('keeps the same entry at the top when the reader scrolled up', async () => {
    // (The window would start at the top, while the scroller stayed where it was: nothing in view.)
    const { el, feed } = await liveWith(WINDOW_FROM - 5);
    const list = scroller(el);
    const item = el.shadowRoot!.querySelector<HTMLElement>('.item[data-index="120"]')!;
    list.scrollTop = item.offsetTop;
    await frames();
    expect(firstInView(el)).to.equal(120);
    feed.entries(
      chat.id,
      Array.from({ length: 10 }, (_, i) => entry(WINDOW_FROM - 4 + i)),
    );
    await waitUntil(() => list.classList.contains('windowed'), 'windowed');
    await frames(4);
    expect(firstInView(el)).to.equal(120);
    expect(texts(el)).to.include('entry 121');
  });
});

describe('session-detail long transcript: height', () => {
  it('fills the view it scrolls in, never taller than it', async () => {
    const { wrapper } = await mount<SessionDetail>(
      html`<div style="height: 320px; overflow: auto">
        <session-detail .session=${chat} .transcript=${long.slice(0, 500)}></session-detail>
      </div>`,
    );
    const el = wrapper.querySelector<SessionDetail>('session-detail')!;
    await el.updateComplete;
    await frames();
    const height = scroller(el).getBoundingClientRect().height;
    expect(height).to.be.at.most(320);
    expect(height).to.be.at.least(200);
  });

  it("fits inline in a session-tab's list, under the row it opens from", async () => {
    const all = Object.values(sessions);
    const transcripts = Object.fromEntries(all.map((session) => [session.id, long.slice(0, 500)]));
    const { el: tab } = await mount<HTMLElementTagNameMap['session-tab']>(
      html`<session-tab
        scope="initiative:ini_csv"
        .storeFactory=${fakeStoreFactory(all)}
        .members=${members}
      ></session-tab>`,
      { client: fakeClient({ sessions: all, members, transcripts }) },
    );
    const list = () => tab.shadowRoot!.querySelector('session-list')!.shadowRoot!;
    await waitUntil(() => list().querySelector('session-row'), 'rows');
    list()
      .querySelector('session-row')!
      .shadowRoot!.querySelector<HTMLButtonElement>('[part~=open]')!
      .click();
    await waitUntil(
      () => list().querySelector('session-detail')?.shadowRoot?.querySelector('.entries.windowed'),
      'the inline detail, windowed',
    );
    const el = list().querySelector('session-detail')!;
    await el.updateComplete;
    await frames();
    const view = list().querySelector<HTMLElement>('.scroller')!.clientHeight;
    const height = scroller(el).getBoundingClientRect().height;
    expect(height).to.be.at.most(view);
    expect(height).to.be.at.least(Math.min(view - 100, 192));
  });

  it('fills the window on a page, up to --lens-transcript-max-height when set', async () => {
    const { el } = await mount<SessionDetail>(
      html`<session-detail .session=${chat} .transcript=${long.slice(0, 500)}></session-detail>`,
    );
    await frames();
    const height = scroller(el).getBoundingClientRect().height;
    expect(height).to.be.at.most(innerHeight);
    expect(height).to.be.at.least(Math.min(innerHeight - 100, 576));
    el.style.setProperty('--lens-transcript-max-height', '10rem');
    await frames();
    expect(scroller(el).getBoundingClientRect().height).to.equal(160);
  });
});

describe('session-detail long transcript: other tabs', () => {
  // The insights list is an `.entries` list too: only the transcript is measured and windowed.
  it("leaves the transcript's place alone while another tab's list is shown", async () => {
    const assessment = sessions.runningAssessment;
    const { el } = await mount<SessionDetail>(
      html`<session-detail
        .session=${assessment}
        .transcript=${long.slice(0, 300)}
        .insights=${insights}
        .executions=${[]}
      ></session-detail>`,
    );
    await frames();
    el.activeTab = 'insights';
    await el.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    el.activeTab = 'transcript';
    await el.updateComplete;
    await frames();
    expect(texts(el)[0]).to.equal('entry 1');
    expect(scroller(el).scrollTop).to.equal(0);
  });
});
