/// <reference types="mocha" />
/**
 * `<session-tab sync-url>` against the REAL reference server: the open session's detail is in the
 * URL, so a copied link opens the same rows with the same detail open, and Back closes it.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../define.js';
import type { SessionTab } from './session-tab.js';
import type { SessionList } from '../session-list/session-list.js';
import type { SessionRow } from '../session-row/session-row.js';
import { mintEmbedToken, realServer } from '../test/real-server.js';

const SCOPE = 'initiative:init_checkout';
const listOf = (tab: SessionTab) => tab.shadowRoot!.querySelector<SessionList>('session-list')!;
const rowsOf = (tab: SessionTab) => [...listOf(tab).shadowRoot!.querySelectorAll<SessionRow>('session-row')];
const openDetail = (tab: SessionTab) =>
  listOf(tab).shadowRoot!.querySelector<HTMLElement & { sessionId: string }>('session-detail');

async function syncedTab(token: string): Promise<SessionTab> {
  const { baseUrl } = await realServer();
  const provider = await fixture<HTMLElement>(
    html`<session-lens-provider base-url=${baseUrl} token=${token}>
      <session-tab scope=${SCOPE} sync-url time-range></session-tab>
    </session-lens-provider>`,
  );
  const tab = provider.querySelector('session-tab')!;
  await waitUntil(() => listOf(tab).store?.loaded && rowsOf(tab).length > 0, 'rows loaded', {
    timeout: 15_000,
  });
  return tab;
}

describe('session-tab sync-url on the real server', function () {
  this.timeout(60_000);
  const start = location.href;
  after(() => history.replaceState(null, '', start));

  it('puts the open session in the URL, reopens it from a copied link, and Back closes it', async () => {
    history.replaceState(null, '', `${location.pathname}?lens-since=P30D`);
    const embed = await mintEmbedToken(SCOPE);
    const tab = await syncedTab(embed);
    const ids = rowsOf(tab).map((row) => row.session!.id);
    const second = rowsOf(tab)[1] ?? rowsOf(tab)[0]!;
    const id = second.session!.id;
    second.shadowRoot!.querySelector<HTMLButtonElement>('[part~=open]')!.click();
    await waitUntil(
      () => new URLSearchParams(location.search).get('lens-open') === id,
      'open session in the URL',
    );
    await waitUntil(() => openDetail(tab)?.getAttribute('session-id') === id, 'detail open');

    const url = location.href;
    fixtureCleanup();
    history.replaceState(null, '', url);
    const copy = await syncedTab(embed);
    expect(rowsOf(copy).map((row) => row.session!.id)).to.deep.equal(ids);
    await waitUntil(() => openDetail(copy)?.getAttribute('session-id') === id, 'same detail open');

    history.back();
    await waitUntil(() => copy.openSessionId === '' && !openDetail(copy), 'Back closes the detail', {
      timeout: 5_000,
    });
    expect(new URLSearchParams(location.search).get('lens-since')).to.equal('P30D');
  });
});
