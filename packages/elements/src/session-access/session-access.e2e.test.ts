/// <reference types="mocha" />
/** Manage access in `<session-detail>` against the REAL reference server. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Session } from '@session-lens/sdk';
import '../define.js';
import type { SessionDetail } from '../session-detail/session-detail.js';
import type { SessionList } from '../session-list/session-list.js';
import type { SessionAccess } from './session-access.js';
import { api, realServer, startSession } from '../test/real-server.js';

async function mountDetail(token: string, id: string): Promise<SessionAccess> {
  const { baseUrl } = await realServer();
  const provider = await fixture<HTMLElement>(
    html`<session-lens-provider base-url=${baseUrl} token=${token}>
      <session-detail session-id=${id}></session-detail>
    </session-lens-provider>`,
  );
  const detail = provider.querySelector<SessionDetail>('session-detail')!;
  await waitUntil(
    () => detail.shadowRoot!.querySelector('session-access')?.shadowRoot?.querySelector('.who'),
    'access',
    {
      timeout: 10_000,
    },
  );
  return detail.shadowRoot!.querySelector<SessionAccess>('session-access')!;
}

describe('session access on the real server', function () {
  this.timeout(60_000);

  it("lets an admin grant a member sight of a session, which then shows in the member's list, live", async () => {
    const { baseUrl, tokens } = await realServer();
    const me = await api<{ member: { id: string; name: string } }>(tokens.member, 'GET', '/v1/me');
    const session = await startSession({
      kind: 'task',
      title: `Access e2e ${Date.now()}`,
      visibility: { type: 'list', members: ['m_sarah'], groups: [] },
    });
    // The member's workspace list, live: the session is not theirs to see yet.
    const provider = await fixture<HTMLElement>(
      html`<session-lens-provider base-url=${baseUrl} token=${tokens.member}>
        <session-list></session-list>
      </session-lens-provider>`,
    );
    const list = provider.querySelector<SessionList>('session-list')!;
    await waitUntil(() => list.store?.state.status === 'live', 'live list', { timeout: 15_000 });
    const listed = () => list.store!.sessions.some((one: Session) => one.id === session.id);
    expect(listed()).to.equal(false);

    const access = await mountDetail(tokens.admin, session.id);
    const root = access.shadowRoot!;
    await waitUntil(() => root.querySelector('.who')!.textContent!.includes('Sarah Chen'), 'names');
    root.querySelector<HTMLButtonElement>('[part~=manage-access]')!.click();
    await access.updateComplete;
    const search = root.querySelector<HTMLInputElement>('#search')!;
    await waitUntil(() => root.querySelector('ul[aria-label]'), 'the directory', { timeout: 10_000 });
    search.value = me.member.name;
    search.dispatchEvent(new Event('input'));
    await access.updateComplete;
    root.querySelector<HTMLButtonElement>(`[aria-label="Add ${me.member.name}"]`)!.click();
    await access.updateComplete;
    const save = [...root.querySelectorAll<HTMLButtonElement>('dialog button')].find(
      (button) => button.textContent!.trim() === 'Save',
    )!;
    save.click();
    await waitUntil(() => !root.querySelector<HTMLDialogElement>('dialog')!.open, 'saved', {
      timeout: 10_000,
    });

    const stored = await api<Session>(tokens.admin, 'GET', `/v1/sessions/${session.id}`);
    expect(stored.visibility).to.deep.equal({ type: 'list', members: ['m_sarah', me.member.id], groups: [] });
    await waitUntil(listed, "in the member's list", { timeout: 2_000 });
  });

  it('offers no Manage access to a caller without sessions:admin', async () => {
    const { tokens } = await realServer();
    const session = await startSession({ kind: 'task', title: `No access e2e ${Date.now()}` });
    const access = await mountDetail(tokens.member, session.id);
    expect(access.shadowRoot!.querySelector('.who')!.textContent).to.include('Everyone in the workspace');
    expect(access.shadowRoot!.querySelector('[part~=manage-access]')).to.equal(null);
    expect(access.shadowRoot!.querySelector('dialog')).to.equal(null);
  });
});
