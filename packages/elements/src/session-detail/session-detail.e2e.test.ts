/// <reference types="mocha" />
/** `<session-detail>`'s review actions against the REAL reference server (test/real-server-plugin.js). */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Session } from '@session-lens/sdk';
import '../define.js';
import type { SessionDetail } from './session-detail.js';
import { api, postActivity, realServer, startSession } from '../test/real-server.js';

const part = (el: SessionDetail, name: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~=${name}]`);

/** An assessment submitted for review on the server: running → pending_review. */
async function pendingReview(): Promise<Session> {
  const { tokens } = await realServer();
  const created = await startSession({
    kind: 'assessment',
    agentId: 'ag_db1',
    playbook: 'disk-triage',
    title: `Review e2e ${Date.now()}`,
  });
  await postActivity(created.id, { status: 'running' });
  return api<Session>(tokens.admin, 'POST', `/v1/sessions/${created.id}/submit`, {
    summary: 'Disk usage back under 70 %.',
  });
}

async function mountDetail(token: string, id: string): Promise<SessionDetail> {
  const { baseUrl } = await realServer();
  const provider = await fixture<HTMLElement>(
    html`<session-lens-provider base-url=${baseUrl} token=${token}>
      <session-detail session-id=${id}></session-detail>
    </session-lens-provider>`,
  );
  const el = provider.querySelector('session-detail')!;
  await waitUntil(() => el.shadowRoot!.querySelector('[part~=review]'), 'review notice', { timeout: 10_000 });
  return el;
}

describe('session-detail review on the real server', function () {
  this.timeout(60_000);

  it('approves with a person holding sessions:review; a second open detail shows it live', async () => {
    const { tokens } = await realServer();
    const session = await pendingReview();
    expect(session.status).to.equal('pending_review');

    const first = await mountDetail(tokens.member, session.id);
    const second = await mountDetail(tokens.member, session.id);
    await waitUntil(() => part(first, 'approve') && part(second, 'reject'), 'review actions', {
      timeout: 10_000,
    });
    await expect(first).to.be.accessible();

    part(first, 'approve')!.click();
    await waitUntil(() => first.shadowRoot!.querySelector('[part~=review]') === null, 'approved', {
      timeout: 10_000,
    });
    const stored = await api<Session>(tokens.admin, 'GET', `/v1/sessions/${session.id}`);
    expect(stored.status).to.equal('completed');

    // The other detail is live (E13): it shows the approved state within a second, and no
    // review actions any more.
    const started = Date.now();
    await waitUntil(
      () =>
        second.shadowRoot!.querySelector('[part~=review]') === null &&
        second.shadowRoot!.querySelector('status-pill')?.getAttribute('status') === 'completed',
      'second detail approved live',
      { timeout: 1_000, interval: 20 },
    );
    expect(Date.now() - started).to.be.below(1_000);
    expect(part(second, 'reject')).to.equal(null);
    expect(part(second, 'approve')).to.equal(null);
  });

  it('offers no review to an agent token, which lacks sessions:review', async () => {
    const { tokens } = await realServer();
    const session = await pendingReview();
    const el = await mountDetail(tokens.agent, session.id);
    // The identity has loaded, and still no review action is offered.
    const provider = el.closest('session-lens-provider')!;
    await waitUntil(() => provider.identity.status === 'ready', 'identity', { timeout: 10_000 });
    expect(provider.identity.scopes.has('sessions:review')).to.equal(false);
    await el.updateComplete;
    expect(part(el, 'approve')).to.equal(null);
    expect(part(el, 'reject')).to.equal(null);
  });
});
