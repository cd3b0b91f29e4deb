/// <reference types="mocha" />
/**
 * `<session-list>` against the REAL reference server (started once for the run by
 * test/real-server-plugin.js, seeded with 200 demo sessions): "N new" while scrolled away, and
 * pause / resume of live updates.
 */
import { aTimeout, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../define.js';
import type { SessionList } from './session-list.js';
import type { SessionRow } from '../session-row/session-row.js';
import { postActivity, realServer, startSession } from '../test/real-server.js';
import { textOf } from '../test/mount.js';

window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
});

const q = <T extends HTMLElement = HTMLElement>(list: SessionList, selector: string) =>
  list.shadowRoot!.querySelector<T>(selector);
const rowsOf = (list: SessionList) => [...list.shadowRoot!.querySelectorAll<SessionRow>('session-row')];
const rowFor = (list: SessionList, id: string) => rowsOf(list).find((row) => row.session?.id === id);

async function liveList(): Promise<SessionList> {
  const { baseUrl, tokens } = await realServer();
  const provider = await fixture<HTMLElement>(
    html`<session-lens-provider base-url=${baseUrl} token=${tokens.admin}>
      <session-list></session-list>
    </session-lens-provider>`,
  );
  const list = provider.querySelector('session-list')!;
  await waitUntil(() => list.store?.state.status === 'live' && rowsOf(list).length > 0, 'live rows', {
    timeout: 15_000,
  });
  return list;
}

describe('session-list on the real server', function () {
  // The first test may wait for the server to finish seeding.
  this.timeout(60_000);

  before(async () => {
    await realServer();
  });

  it('shows "N new" for a session created while scrolled away, and lands it on request', async () => {
    const list = await liveList();
    const scroller = q(list, '[part~=scroller]')!;
    scroller.scrollTop = 400;
    await waitUntil(() => scroller.scrollTop > 8, 'scrolled away');
    await nextFrame();
    await nextFrame();

    const created = await startSession({ kind: 'task', title: `E2E list ${Date.now()}` });
    await waitUntil(() => list.store?.sessions.some((session) => session.id === created.id), 'in the store', {
      timeout: 2_000,
    });
    await waitUntil(() => q(list, '[part~=new]'), '"N new" shown', { timeout: 2_000 });
    expect(textOf(q(list, '[part~=new]'))).to.match(/^\d+ new$/);
    // Held back: the rows under the reader did not move.
    expect(rowFor(list, created.id)).to.equal(undefined);
    expect(scroller.scrollTop).to.be.greaterThan(8);
    await expect(list).to.be.accessible();

    q<HTMLButtonElement>(list, '[part~=new]')!.click();
    await waitUntil(() => rowsOf(list)[0]?.session?.id === created.id, 'new session at the top', {
      timeout: 2_000,
    });
    expect(q(list, '[part~=new]')).to.equal(null);
    expect(scroller.scrollTop).to.be.lessThan(8);
  });

  it('holds live updates while paused and applies them on resume', async () => {
    const list = await liveList();
    const created = await startSession({ kind: 'task', title: `E2E pause ${Date.now()}` });
    await waitUntil(() => rowsOf(list)[0]?.session?.id === created.id, 'new session at the top', {
      timeout: 2_000,
    });
    const status = rowFor(list, created.id)!.session!.status;
    expect(status).to.not.equal('failed');

    q<HTMLButtonElement>(list, '[part~=pause]')!.click();
    await waitUntil(() => list.store?.paused, 'paused');
    await list.updateComplete;
    expect(q(list, '[part~=pause]')!.getAttribute('aria-pressed')).to.equal('true');

    await postActivity(created.id, {
      status: 'failed',
      error: { code: 'e2e', message: 'Held while paused.' },
    });
    // The store notifies on the next frame: wait for the banner to count the held write.
    await waitUntil(
      () => /Live updates paused · \d+ waiting/.test(textOf(q(list, '[part~=banner]'))),
      'the write is waiting',
      { timeout: 2_000 },
    );
    expect(list.store!.pendingCount).to.be.greaterThan(0);
    // Held: a while later, the row still shows what it showed.
    await aTimeout(500);
    expect(rowFor(list, created.id)!.session!.status).to.equal(status);
    await expect(list).to.be.accessible();

    q<HTMLButtonElement>(list, '[part~=pause]')!.click();
    await waitUntil(
      () => list.store?.sessions.find((session) => session.id === created.id)?.status === 'failed',
      'applied on resume',
      { timeout: 2_000 },
    );
    // Ended, it sorts below the sessions still active (other tests' too), maybe out of the window.
    expect(await list.focusSession(created.id)).to.equal(true);
    await waitUntil(() => rowFor(list, created.id)?.session?.status === 'failed', 'its row shows it', {
      timeout: 2_000,
    });
    expect(q(list, '[part~=banner]')).to.equal(null);
    const row = rowFor(list, created.id)!;
    await row.updateComplete;
    expect(textOf(row.shadowRoot!.querySelector('[part~=error]'))).to.include('Held while paused.');
  });
});
