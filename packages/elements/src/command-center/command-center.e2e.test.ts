/// <reference types="mocha" />
/** `<command-center>` against the REAL reference server (see test/real-server-plugin.js). */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../define.js';
import type { CommandCenter } from './command-center.js';
import type { SessionRow } from '../session-row/session-row.js';
import { api, postActivity, realServer, startSession } from '../test/real-server.js';
import type { Session } from '@session-lens/sdk';

const idsIn = (el: CommandCenter, section: string) =>
  [...el.shadowRoot!.querySelectorAll<SessionRow>(`[aria-labelledby=${section}] session-row`)].map(
    (row) => row.session!.id,
  );

describe('command-center on the real server', function () {
  this.timeout(60_000);

  it('puts a new session in Active now, moves it to Recent when it ends, and resumes it', async () => {
    const { baseUrl, tokens } = await realServer();
    const provider = await fixture<HTMLElement>(
      html`<session-lens-provider base-url=${baseUrl} token=${tokens.admin}>
        <command-center></command-center>
      </session-lens-provider>`,
    );
    const el = provider.querySelector('command-center')!;
    await waitUntil(() => el.store?.state.status === 'live', 'live', { timeout: 15_000 });
    const created = await startSession({ kind: 'task', title: `Command center ${Date.now()}` });
    await postActivity(created.id, { status: 'running' });
    await waitUntil(() => idsIn(el, 'active-now').includes(created.id), 'in Active now', { timeout: 2_000 });
    await expect(el).to.be.accessible();

    await postActivity(created.id, { status: 'completed' });
    await waitUntil(() => idsIn(el, 'recent').includes(created.id), 'in Recent', { timeout: 2_000 });
    expect(idsIn(el, 'active-now')).not.to.include(created.id);
    const item = [...el.shadowRoot!.querySelectorAll('[aria-labelledby=recent] li')].find(
      (li) => li.querySelector('session-row')!.session!.id === created.id,
    )!;
    setTimeout(() => item.querySelector<HTMLButtonElement>('[part~=resume]')!.click());
    const resumed = await oneEvent(el, 'session-resume');
    expect(resumed.detail.session.id).to.equal(created.id);
  });

  it("lists the member's own work, the team's after the switch, and their waiting task in Needs you", async () => {
    const { baseUrl, tokens } = await realServer();
    const provider = await fixture<HTMLElement>(
      html`<session-lens-provider base-url=${baseUrl} token=${tokens.member}>
        <command-center></command-center>
      </session-lens-provider>`,
    );
    const el = provider.querySelector('command-center')!;
    await waitUntil(() => el.store?.state.status === 'live', 'live', { timeout: 15_000 });
    const me = await api<{ member: { id: string } }>(tokens.member, 'GET', '/v1/me');
    const own = () => [
      ...el.shadowRoot!.querySelectorAll<SessionRow>(
        '[aria-labelledby=active-now] session-row, [aria-labelledby=recent] session-row',
      ),
    ];
    // Their own task, running: it lands in Active now, beside nothing of anyone else's.
    const task = await api<Session>(tokens.member, 'POST', '/v1/sessions', {
      kind: 'task',
      title: `Needs you ${Date.now()}`,
    });
    await api(tokens.member, 'POST', `/v1/sessions/${task.id}/activity`, { status: 'running' });
    await waitUntil(() => idsIn(el, 'active-now').includes(task.id), 'in Active now', { timeout: 2_000 });
    expect(own().every((row) => row.session!.owner.id === me.member.id)).to.equal(true);

    // Waiting for them: it moves to Needs you, live, and the count follows.
    await api(tokens.member, 'POST', `/v1/sessions/${task.id}/activity`, { status: 'waiting' });
    await waitUntil(() => idsIn(el, 'needs-you').includes(task.id), 'in Needs you', { timeout: 2_000 });
    expect(idsIn(el, 'active-now')).not.to.include(task.id);
    expect(el.count).to.equal(idsIn(el, 'needs-you').length);
    await expect(el).to.be.accessible();

    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=mode] button:last-child')!.click();
    await waitUntil(() => own().some((row) => row.session!.owner.id !== me.member.id), 'the team', {
      timeout: 15_000,
    });
    expect(idsIn(el, 'needs-you')).to.include(task.id);
  });
});
