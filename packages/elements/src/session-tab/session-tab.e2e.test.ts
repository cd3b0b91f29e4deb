/// <reference types="mocha" />
/**
 * `<session-tab>` against the REAL reference server (started once for the run by
 * test/real-server-plugin.js): a real embed token, real refusals, real live updates.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Session } from '@session-lens/sdk';
import '../define.js';
import type { SessionTab } from './session-tab.js';
import type { SessionList } from '../session-list/session-list.js';
import type { SessionRow } from '../session-row/session-row.js';
import { api, mintEmbedToken, postActivity, realServer, startSession } from '../test/real-server.js';
import { textOf } from '../test/mount.js';

window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
});

const SCOPE = 'initiative:init_checkout';
const INITIATIVE = SCOPE.slice('initiative:'.length);

const listOf = (tab: SessionTab) => tab.shadowRoot!.querySelector<SessionList>('session-list')!;
const rowsOf = (tab: SessionTab) => [...listOf(tab).shadowRoot!.querySelectorAll<SessionRow>('session-row')];
const rowFor = (tab: SessionTab, id: string) => rowsOf(tab).find((row) => row.session?.id === id);

async function scopedTab(token: string, scope = SCOPE): Promise<SessionTab> {
  const { baseUrl } = await realServer();
  const provider = await fixture<HTMLElement>(
    html`<session-lens-provider base-url=${baseUrl} token=${token}>
      <session-tab scope=${scope}></session-tab>
    </session-lens-provider>`,
  );
  return provider.querySelector('session-tab')!;
}

describe('session-tab on the real server', function () {
  // The first test may wait for the server to finish seeding.
  this.timeout(60_000);
  let embed = '';
  /** A real embed token living the server's minimum, 30 s; the last test uses it once expired. */
  let shortLived = '';
  let shortLivedExpiresAt = 0;

  before(async () => {
    await realServer();
    embed = await mintEmbedToken(SCOPE);
    shortLivedExpiresAt = Date.now() + 30_000;
    shortLived = await mintEmbedToken(SCOPE, 30);
  });

  it('shows only the scope’s sessions with a real embed token', async () => {
    const { tokens } = await realServer();
    // The workspace holds sessions of other records too, so the lock is doing something.
    const everything = await api<{ data: Session[] }>(tokens.admin, 'GET', '/v1/sessions?limit=200');
    expect(everything.data.some((session) => session.links?.initiative?.id !== INITIATIVE)).to.equal(true);

    const tab = await scopedTab(embed);
    await waitUntil(() => listOf(tab).store?.loaded && rowsOf(tab).length > 0, 'rows loaded', {
      timeout: 15_000,
    });
    const loaded = listOf(tab).store!.sessions;
    expect(loaded.length).to.be.greaterThan(0);
    for (const session of loaded) expect(session.links?.initiative?.id).to.equal(INITIATIVE);
    for (const row of rowsOf(tab)) expect(row.session!.links?.initiative?.id).to.equal(INITIATIVE);
    await expect(tab).to.be.accessible();
  });

  it('shows the server’s refusal of a widened filter as an error, never other rows', async () => {
    const tab = await scopedTab(embed, 'initiative:init_someone_else');
    await waitUntil(() => listOf(tab).shadowRoot!.querySelector('[part~=error]'), 'error state', {
      timeout: 15_000,
    });
    const error = listOf(tab).shadowRoot!.querySelector('[part~=error]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(textOf(error)).to.include('locked to initiative:init_checkout');
    expect((listOf(tab).store!.state.error as { status?: number }).status).to.equal(403);
    expect(rowsOf(tab)).to.have.length(0);
    expect(listOf(tab).store?.sessions ?? []).to.have.length(0);
    await expect(tab).to.be.accessible();
  });

  it('lands a new session at the top and shows a write in its row within a second', async () => {
    const tab = await scopedTab(embed);
    await waitUntil(() => listOf(tab).store?.state.status === 'live' && rowsOf(tab).length > 0, 'live', {
      timeout: 15_000,
    });
    const created = await startSession({
      kind: 'task',
      title: `E2E task ${Date.now()}`,
      links: { initiative: { id: INITIATIVE, title: 'Checkout' } },
    });
    await waitUntil(() => rowsOf(tab)[0]?.session?.id === created.id, 'new session at the top', {
      timeout: 2_000,
    });

    const wrote = performance.now();
    await postActivity(created.id, {
      status: 'failed',
      error: { code: 'e2e', message: 'Stopped by the end-to-end test.' },
    });
    await waitUntil(() => rowFor(tab, created.id)?.session?.status === 'failed', 'row updated', {
      timeout: 1_000,
      interval: 10,
    });
    const elapsed = performance.now() - wrote;
    expect(elapsed).to.be.lessThan(1_000);
    const row = rowFor(tab, created.id)!;
    await row.updateComplete;
    expect(textOf(row.shadowRoot!.querySelector('[part~=error]'))).to.include(
      'Stopped by the end-to-end test.',
    );

    // The row opens its detail inline, loaded through the embed token.
    row.shadowRoot!.querySelector<HTMLButtonElement>('[part~=open]')!.click();
    await waitUntil(() => listOf(tab).shadowRoot!.querySelector('session-detail'), 'inline detail');
    await expect(tab).to.be.accessible();
  });

  it('renders a working session-tab on a plain HTML page loading the bundled embed', async () => {
    const { baseUrl } = await realServer();
    const query = new URLSearchParams({ base: baseUrl, token: embed, scope: SCOPE });
    const frame = await fixture<HTMLIFrameElement>(
      html`<iframe
        title="Plain page"
        style="width: 900px; height: 700px"
        src=${`/test/plain-page.html?${query}`}
      ></iframe>`,
    );
    await waitUntil(() => frame.contentDocument?.readyState === 'complete', 'page loaded', {
      timeout: 15_000,
    });
    const page = frame.contentWindow!;
    // Registered by dist/embed/session-lens.js in the page's own registry, not by this test's import.
    await waitUntil(() => page.customElements.get('session-tab'), 'embed loaded', { timeout: 15_000 });
    // The bundle is self-contained: it asked the server for no bare specifier and no package file.
    const scripts = page.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      // The test server injects its own reload socket into every page it serves.
      .filter((path) => path.endsWith('.js') && !path.startsWith('/__web-dev-server'));
    expect(scripts.length).to.be.greaterThan(0);
    for (const path of scripts) expect(path).to.match(/^\/dist\/embed\/session-lens[\w-]*\.js$/);
    expect(page.customElements.get('session-tab')).not.to.equal(customElements.get('session-tab'));
    const tab = frame.contentDocument!.querySelector('session-tab') as SessionTab;
    await waitUntil(() => rowsOf(tab).length > 0, 'rows on the plain page', { timeout: 15_000 });
    for (const row of rowsOf(tab)) expect(row.session!.links?.initiative?.id).to.equal(INITIATIVE);
    const first = rowsOf(tab)[0]!;
    first.shadowRoot!.querySelector<HTMLButtonElement>('[part~=open]')!.click();
    // The detail lives in the embed's second chunk: opening a row loads and upgrades it.
    await waitUntil(
      () => listOf(tab).shadowRoot!.querySelector('session-detail')?.shadowRoot?.querySelector('h2'),
      'inline detail on the plain page',
      { timeout: 15_000 },
    );
    expect(page.customElements.get('session-detail')).to.not.equal(undefined);
    await expect(frame).to.be.accessible();
  });
  // Last in this file, so the earlier tests spend most of the 30 s the short-lived token lives.
  it('refreshes an expired embed token through getToken when the server answers 401', async () => {
    const { baseUrl } = await realServer();
    // Wait out the short-lived token: the server now answers 401 to it, as to any expired token.
    const remaining = shortLivedExpiresAt + 1_500 - Date.now();
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
    const refused = await fetch(new URL('/v1/me', baseUrl), {
      headers: { authorization: `Bearer ${shortLived}` },
    });
    expect(refused.status).to.equal(401);

    // The host's getToken first hands out the token it holds (expired while the page sat open),
    // then a freshly minted one.
    const handedOut: string[] = [];
    let fresh: Promise<string> | undefined;
    const getToken = async () => {
      const token = handedOut.length === 0 ? shortLived : await (fresh ??= mintEmbedToken(SCOPE));
      handedOut.push(token);
      return token;
    };
    const provider = await fixture<HTMLElement & { getToken?: () => Promise<string> }>(
      html`<session-lens-provider base-url=${baseUrl} .getToken=${getToken}>
        <session-tab scope=${SCOPE}></session-tab>
      </session-lens-provider>`,
    );
    const tab = provider.querySelector('session-tab')!;
    await waitUntil(() => listOf(tab).store?.loaded && rowsOf(tab).length > 0, 'rows after refresh', {
      timeout: 15_000,
    });
    await waitUntil(() => listOf(tab).store?.state.status === 'live', 'live with the fresh token', {
      timeout: 15_000,
    });
    expect(handedOut[0]).to.equal(shortLived);
    expect(handedOut.length).to.be.greaterThan(1);
    expect(handedOut.slice(1).every((token) => token !== shortLived)).to.equal(true);
    for (const row of rowsOf(tab)) expect(row.session!.links?.initiative?.id).to.equal(INITIATIVE);
    // No error state anywhere: the 401 was absorbed by the refresh.
    expect(listOf(tab).shadowRoot!.querySelector('[part~=error]')).to.equal(null);
    const identity = (provider as unknown as { identity: { status: string } }).identity;
    expect(identity.status).to.equal('ready');
  });
});
