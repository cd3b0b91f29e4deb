/// <reference types="mocha" />
import { aTimeout, expect, html, waitUntil } from '@open-wc/testing';
import '../define.js';
import type { SessionList } from '../session-list/session-list.js';
import type { SessionRow } from '../session-row/session-row.js';
import { apiError, fakeClient } from '../test/fake-client.js';
import { fakeStoreFactory } from '../test/fake-store.js';
import { sessions } from '../test/fixtures.js';
import { mount, recordEvents, textOf } from '../test/mount.js';

// The list measures rows in a ResizeObserver callback and may render again; Chromium reports the benign
// "loop completed with undelivered notifications" as a window error, which mocha would count.
window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
});

const part = (row: SessionRow, name: string) => row.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`);
const pill = (row: SessionRow) => textOf(part(row, 'pill-label'));
/** Lets an answered call run through the controller and the elements render (no time passes). */
const settle = async (el: HTMLElement & { updateComplete: Promise<boolean> }) => {
  await aTimeout(0);
  await el.updateComplete;
};

describe('SessionActionController', () => {
  it("hands the server's answer to the list's live store, from which the row gets it as data", async () => {
    const factory = fakeStoreFactory([sessions.runningFlow]);
    const client = fakeClient({ sessions: [sessions.runningFlow] });
    const { el } = await mount<SessionList>(html`<session-list .storeFactory=${factory}></session-list>`, {
      client,
    });
    const rowOf = () => el.shadowRoot!.querySelector<SessionRow>('session-row');
    await waitUntil(() => rowOf(), 'row rendered');
    const store = factory.last;
    part(rowOf()!, 'action')!.click();
    await settle(el);
    await settle(rowOf()!);
    expect(store.applied.map((session) => [session.id, session.status])).to.deep.equal([
      [sessions.runningFlow.id, 'cancelled'],
    ]);
    // The row shows exactly what the store holds: one source of truth.
    expect(rowOf()!.session).to.equal(store.sessions[0]);
    expect(pill(rowOf()!)).to.equal('Cancelled');
    expect(part(rowOf()!, 'action')).to.equal(null);
  });

  it('keeps the answer for a row with no store around it, until a newer version is handed in', async () => {
    const client = fakeClient({ sessions: [sessions.runningFlow] });
    const { el } = await mount<SessionRow>(
      html`<session-row .session=${sessions.runningFlow}></session-row>`,
      {
        client,
      },
    );
    part(el, 'action')!.click();
    await settle(el);
    expect(pill(el)).to.equal('Cancelled');
    expect(el.session).to.equal(sessions.runningFlow);
    // An older copy handed in again does not undo the answer; a newer one wins.
    el.session = { ...sessions.runningFlow };
    await el.updateComplete;
    expect(pill(el)).to.equal('Cancelled');
    el.session = { ...sessions.runningFlow, status: 'failed', version: sessions.runningFlow.version + 2 };
    await el.updateComplete;
    expect(pill(el)).to.equal('Failed');
  });

  it('keeps pending and refusal with their session: a row reused for another shows neither', async () => {
    const client = fakeClient({
      sessions: [sessions.runningFlow, sessions.queuedTask],
      refuse: { cancel: apiError(409, 'Already settled') },
      hold: true,
    });
    const { el } = await mount<SessionRow>(
      html`<session-row .session=${sessions.runningFlow}></session-row>`,
      {
        client,
      },
    );
    const events = recordEvents(el, ['session-action', 'session-action-error']);
    part(el, 'action')!.click();
    await el.updateComplete;
    expect(textOf(part(el, 'action'))).to.equal('Cancelling…');
    // One action at a time: a second click sends nothing.
    part(el, 'action')!.click();
    expect(client.calls.filter((call) => call.method === 'sessions.cancel').length).to.equal(1);

    el.session = sessions.queuedTask;
    await el.updateComplete;
    expect(textOf(part(el, 'action'))).to.equal('Cancel');
    client.release();
    await settle(el);
    expect(events.map((event) => event.type)).to.deep.equal(['session-action', 'session-action-error']);
    expect(part(el, 'action-error')).to.equal(null);

    el.session = sessions.runningFlow;
    await el.updateComplete;
    expect(textOf(part(el, 'action-error'))).to.equal('Already settled');
  });
});
