/// <reference types="mocha" />
/**
 * E13 against the REAL reference server (test/real-server-plugin.js): an open `<session-detail>`
 * follows its session through `GET /v1/sessions/{id}/stream` — new entries posted through the API
 * appear within a second with no second transcript fetch, the cost and counts move, and a cut stream resumes.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient, type Session } from '@session-lens/sdk';
import '../define.js';
import { identityFromMe, provideSessionLens } from '../index.js';
import type { SessionDetail } from './session-detail.js';
import { postActivity, realServer, startSession } from '../test/real-server.js';

/** A fetch that counts transcript requests and can cut the open session stream mid-way. */
function instrumentedFetch() {
  const calls = { transcript: 0, streams: 0 };
  let cut: ((reason: Error) => void) | undefined;
  const wrapped: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (/\/transcript$/.test(url.pathname)) calls.transcript += 1;
    const response = await fetch(input, init);
    if (!/\/sessions\/[^/]+\/stream$/.test(url.pathname) || !response.body) return response;
    calls.streams += 1;
    // The body passes through a stream the test can error: to the client, a connection cut.
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        cut = (reason) => {
          controller.error(reason);
          void reader.cancel().catch(() => {});
        };
      },
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: () => reader.cancel(),
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { fetch: wrapped, calls, cut: () => cut?.(new TypeError('cut by the test')) };
}

const texts = (el: SessionDetail) =>
  [...el.shadowRoot!.querySelectorAll('[part~=entry] .message-text')].map((node) => node.textContent);

async function openDetail(session: Session) {
  const { baseUrl, tokens } = await realServer();
  const instrumented = instrumentedFetch();
  const client = createClient({ baseUrl, token: tokens.member, fetch: instrumented.fetch });
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  provideSessionLens(wrapper, client, { identity: identityFromMe(await client.me.get()) });
  const el = document.createElement('session-detail');
  el.sessionId = session.id;
  wrapper.append(el);
  await waitUntil(() => texts(el).length === 1, 'the first entry', { timeout: 10_000 });
  await waitUntil(() => instrumented.calls.streams === 1, 'the stream', { timeout: 10_000 });
  return { el, ...instrumented };
}

describe('session-detail follows its session on the real server', function () {
  this.timeout(90_000);

  it('shows each entry posted through the API, with no second transcript fetch, and updates the session', async () => {
    const session = await startSession({ kind: 'chat', title: `Follow e2e ${Date.now()}` });
    await postActivity(session.id, { transcript: [{ type: 'message', role: 'user', text: 'first' }] });
    const { el, calls } = await openDetail(session);
    for (const text of ['second', 'third', 'fourth']) {
      const posted = Date.now();
      await postActivity(session.id, { transcript: [{ type: 'message', role: 'assistant', text }] });
      // Within a second of the write (the bench measures the distribution).
      await waitUntil(() => texts(el).at(-1) === text, `entry "${text}" within a second`, {
        timeout: 1_000,
        interval: 20,
      });
      expect(Date.now() - posted).to.be.below(1_000);
    }
    expect(texts(el)).to.deep.equal(['first', 'second', 'third', 'fourth']);
    expect(calls.transcript).to.equal(1);
    // The summary's message count moved with the session events.
    await waitUntil(() => /Messages\s*4/.test(el.shadowRoot!.textContent ?? ''), 'four messages', {
      timeout: 10_000,
    });
    await expect(el).to.be.accessible();
  });

  it('resumes after the stream is cut: the entries written meanwhile arrive once', async () => {
    const session = await startSession({ kind: 'chat', title: `Follow cut e2e ${Date.now()}` });
    await postActivity(session.id, { transcript: [{ type: 'message', role: 'user', text: 'one' }] });
    const { el, calls, cut } = await openDetail(session);
    cut();
    await postActivity(session.id, {
      transcript: [
        { type: 'message', role: 'assistant', text: 'two' },
        { type: 'message', role: 'assistant', text: 'three' },
      ],
    });
    await waitUntil(() => texts(el).at(-1) === 'three', 'the entries after the cut', { timeout: 20_000 });
    expect(texts(el)).to.deep.equal(['one', 'two', 'three']);
    expect(calls.streams).to.be.greaterThan(1);
    expect(calls.transcript).to.equal(1);
  });

  it('stops following when it leaves the page', async () => {
    const session = await startSession({ kind: 'chat', title: `Follow leave e2e ${Date.now()}` });
    await postActivity(session.id, { transcript: [{ type: 'message', role: 'user', text: 'hello' }] });
    const { el, calls } = await openDetail(session);
    const parent = el.parentElement!;
    el.remove();
    await postActivity(session.id, { transcript: [{ type: 'message', role: 'assistant', text: 'away' }] });
    // Back on the page, it resumes after the last entry it shows.
    parent.append(el);
    await waitUntil(() => texts(el).at(-1) === 'away', 'the entry written while away', { timeout: 20_000 });
    expect(calls.streams).to.equal(2);
    expect(texts(el)).to.deep.equal(['hello', 'away']);
  });
});
