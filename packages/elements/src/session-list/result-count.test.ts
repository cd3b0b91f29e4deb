/// <reference types="mocha" />
// In a file of its own: the page's live region then holds only what this test announces.
import { expect, html, nextFrame } from '@open-wc/testing';
import sinon from 'sinon';
import '../define.js';
import { announcement } from '../internal/announcer.js';
import { fakeClient } from '../test/fake-client.js';
import { fakeStoreFactory } from '../test/fake-store.js';
import { members, sessions } from '../test/fixtures.js';
import { mount } from '../test/mount.js';
import type { SessionList } from './session-list.js';

const FIXTURE_ROWS = Object.values(sessions);
const q = <T extends HTMLElement = HTMLElement>(el: SessionList, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

async function settle(el: SessionList): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
}

describe('session-list result count (E12)', () => {
  it('says how many sessions match once a person changes the filters, and not on load', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.now() });
    try {
      const factory = fakeStoreFactory(FIXTURE_ROWS, { match: true });
      const { el } = await mount<SessionList>(
        html`<session-list status-filter .storeFactory=${factory}></session-list>`,
        { client: fakeClient({ members }) },
      );
      await settle(el);
      await clock.tickAsync(3_000);
      expect(announcement()).to.equal('');
      const choose = async (status: string) => {
        const select = q<HTMLSelectElement>(el, '[part~=status-filter]')!;
        select.value = status;
        select.dispatchEvent(new Event('change'));
        await settle(el);
        await clock.tickAsync(3_000);
      };
      const counts = new Map<string, number>();
      for (const session of FIXTURE_ROWS) counts.set(session.status, (counts.get(session.status) ?? 0) + 1);
      const several = [...counts].find(([, count]) => count > 1)!;
      const single = [...counts].find(([, count]) => count === 1)!;
      await choose(several[0]);
      expect(el.store!.sessions).to.have.length(several[1]);
      expect(announcement()).to.equal(`${several[1]} sessions found.`);
      await choose(single[0]);
      expect(announcement()).to.equal('1 session found.');
    } finally {
      clock.restore();
    }
  });
});
