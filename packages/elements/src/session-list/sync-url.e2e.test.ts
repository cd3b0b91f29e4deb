/// <reference types="mocha" />
/**
 * `sync-url` against the REAL reference server: a list filtered by a content search, a time range
 * and a saved view comes back identical from its URL (a reload, a copied link), and back/forward
 * walk the person's changes.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../define.js';
import type { SessionList } from './session-list.js';
import type { SessionRow } from '../session-row/session-row.js';
import { api, postActivity, realServer, startSession } from '../test/real-server.js';

const rowsOf = (list: SessionList) => [...list.shadowRoot!.querySelectorAll<SessionRow>('session-row')];
const idsOf = (list: SessionList) => rowsOf(list).map((row) => row.session!.id);
const select = (list: SessionList, part: string) =>
  list.shadowRoot!.querySelector<HTMLSelectElement>(`[part~=${part}]`)!;

async function mountList(expected: number): Promise<SessionList> {
  const { baseUrl, tokens } = await realServer();
  const provider = await fixture<HTMLElement>(
    html`<session-lens-provider base-url=${baseUrl} token=${tokens.admin}>
      <session-list sync-url search time-range status-filter></session-list>
    </session-lens-provider>`,
  );
  const list = provider.querySelector('session-list')!;
  await waitUntil(() => list.store?.loaded && rowsOf(list).length === expected, `${expected} rows`, {
    timeout: 15_000,
  });
  return list;
}

describe('session-list sync-url on the real server', function () {
  this.timeout(60_000);
  const start = location.href;
  after(() => history.replaceState(null, '', start));

  it('restores a content search, a range, a view and the open session from the URL; back/forward walk changes', async () => {
    const { tokens } = await realServer();
    const word = `zebrine${Date.now().toString(36)}`;
    const made = [];
    for (const kind of ['task', 'task', 'flow']) {
      const session = await startSession({ kind, title: `Sync ${kind}` });
      await postActivity(session.id, {
        transcript: [{ type: 'message', role: 'user', text: `fix the ${word} job` }],
      });
      made.push(session);
    }
    const view = await api<{ id: string }>(tokens.admin, 'POST', '/v1/views', {
      name: `Tasks ${word}`,
      filters: { kind: ['task'] },
    });
    const open = made[0]!.id;
    history.replaceState(
      null,
      '',
      `${location.pathname}?keep=1&lens-content=${word}&lens-since=P1D&lens-view=${view.id}&lens-open=${open}`,
    );

    const list = await mountList(2);
    const rows = idsOf(list).sort();
    expect(rows).to.deep.equal([made[0]!.id, made[1]!.id].sort());
    expect(list.shadowRoot!.querySelector<HTMLInputElement>('[part~=search]')!.value).to.equal(word);
    expect(select(list, 'search-mode').value).to.equal('content');
    expect(select(list, 'range').value).to.equal('P1D');
    expect(rowsOf(list).find((row) => row.session!.id === open)!.expanded).to.equal(true);
    await expect(list).to.be.accessible();

    // A reload, or the copied link in a new page: a fresh list from the same URL.
    const url = location.href;
    fixtureCleanup();
    history.replaceState(null, '', url);
    const again = await mountList(2);
    expect(idsOf(again).sort()).to.deep.equal(rows);
    expect(rowsOf(again).find((row) => row.session!.id === open)!.expanded).to.equal(true);

    // A person's change is a history entry, with the event for hosts with their own router.
    const changed = new Promise<CustomEvent>((resolve) =>
      again.addEventListener('session-filters-change', resolve as EventListener, { once: true }),
    );
    const status = select(again, 'status-filter');
    status.value = 'failed';
    status.dispatchEvent(new Event('change'));
    expect((await changed).detail.filters).to.include({ content: word, since: 'P1D', view: view.id });
    await again.updateComplete;
    expect(new URLSearchParams(location.search).get('lens-status')).to.equal('failed');
    expect(new URLSearchParams(location.search).get('keep')).to.equal('1');
    await waitUntil(() => again.store?.loaded && rowsOf(again).length === 0, 'no failed sessions');

    history.back();
    await waitUntil(() => again.status === '' && rowsOf(again).length === 2, 'back restores', {
      timeout: 5_000,
    });
    expect(location.href).to.equal(url);
    history.forward();
    await waitUntil(() => again.status === 'failed', 'forward restores', { timeout: 5_000 });
  });
});
