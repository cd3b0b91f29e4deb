/// <reference types="mocha" />
import { expect, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { Session } from '@session-lens/sdk';
import '../define.js';
import type { SessionList } from './session-list.js';
import type { SessionOwnerFacet } from './owner-facet.js';
import type { SessionRow } from '../session-row/session-row.js';
import { fakeClient } from '../test/fake-client.js';
import { fakeStoreFactory } from '../test/fake-store.js';
import { NOW, makeSession, members, minutesAgo, sessions } from '../test/fixtures.js';
import { mount, recordEvents, textOf } from '../test/mount.js';

const q = <T extends HTMLElement = HTMLElement>(el: SessionList, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const qa = <T extends HTMLElement = HTMLElement>(el: SessionList, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const rowTitles = (el: SessionList) => qa<SessionRow>(el, 'session-row').map((row) => row.session!.title);

/** Many inactive sessions, newest first. */
const many = (count: number, prefix = 'ses_m'): Session[] =>
  Array.from({ length: count }, (_, i) =>
    makeSession({
      id: `${prefix}${String(i).padStart(6, '0')}`,
      kind: 'flow',
      status: 'completed',
      title: `Run ${i}`,
      createdAt: minutesAgo(100_000),
      updatedAt: new Date(NOW - (i + 60) * 60_000).toISOString(),
      endedAt: new Date(NOW - (i + 60) * 60_000).toISOString(),
    }),
  );

// The list measures rows in a ResizeObserver callback and may render again; Chromium reports the benign
// "loop completed with undelivered notifications" as a window error, which mocha would count.
// Registered before the test framework's handler, so stopping it here keeps it from mocha.
window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
});

const FIXTURE_ROWS = Object.values(sessions);

/** A session that started now, so it sorts first. */
const started = (id: string, title: string, kind: Session['kind'] = 'flow'): Session =>
  makeSession({ id, kind, status: 'running', title, updatedAt: new Date(NOW).toISOString() });

async function list(
  initial: readonly Session[] = FIXTURE_ROWS,
  template = (factory: ReturnType<typeof fakeStoreFactory>) =>
    html`<session-list .storeFactory=${factory} .members=${members}></session-list>`,
) {
  const factory = fakeStoreFactory(initial);
  const mounted = await mount<SessionList>(template(factory), { client: fakeClient({ members }) });
  await settle(mounted.el);
  // The list renders its rows once it has rendered its scroller.
  if (initial.length > 0) await waitUntil(() => qa(mounted.el, 'session-row').length > 0, 'rows rendered');
  return { ...mounted, factory };
}

async function settle(el: SessionList): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await nextFrame();
  await el.updateComplete;
}

describe('session-list', () => {
  it('shows the sessions in order, under kind tabs', async () => {
    const { el, factory } = await list();
    expect(qa(el, '[role=tab]').map((tab) => textOf(tab))).to.deep.equal([
      'All',
      'Flows',
      'Tasks',
      'Chats',
      'Assessments',
    ]);
    expect(factory.last.filters).to.deep.equal({});
    const titles = rowTitles(el);
    expect(titles.length).to.equal(FIXTURE_ROWS.length);
    // Active first (S9): the live work leads.
    expect(titles.slice(0, 2)).to.deep.equal(['CIS baseline', 'Full SDLC']);
    expect(q(el, '[role=tabpanel]')!.getAttribute('aria-labelledby')).to.equal('tab-all');
    await expect(el).to.be.accessible();
  });

  it('shows only the configured tabs, and switches kind with the APG keyboard pattern', async () => {
    const { el, factory } = await list(
      FIXTURE_ROWS,
      (f) => html`<session-list tabs="all flow chat" .storeFactory=${f}></session-list>`,
    );
    expect(qa(el, '[role=tab]').map((tab) => textOf(tab))).to.deep.equal(['All', 'Flows', 'Chats']);
    const events = recordEvents(el, ['session-filters-change']);
    q(el, '[role=tab][aria-selected=true]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.kind).to.equal('flow');
    expect(factory.last.filters).to.deep.equal({ kind: ['flow'] });
    expect(factory.stores[0]!.disposed).to.equal(true);
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-flow');
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(el.kind).to.equal('chat');
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.kind).to.equal('all');
    expect(events.length).to.equal(3);
    expect((events[0] as CustomEvent).detail.filters).to.deep.equal({ kind: ['flow'] });
  });

  it('filters by owner through its owner facet', async () => {
    const { el, factory } = await list();
    const facet = q<SessionOwnerFacet>(el, 'session-owner-facet')!;
    expect(facet.members).to.equal(members);
    facet.shadowRoot!.querySelector<HTMLElement>('[part~=filter]')!.click();
    await facet.updateComplete;
    const boxes = [...facet.shadowRoot!.querySelectorAll<HTMLInputElement>('.members input')];
    boxes[1]!.click();
    boxes[2]!.click();
    const events = recordEvents(el, ['session-filters-change', 'session-owners-change']);
    const apply = [...facet.shadowRoot!.querySelectorAll('.facet-actions button')].find(
      (b) => textOf(b) === 'Apply',
    ) as HTMLElement;
    apply.click();
    // The list reports the change as its own filters change.
    expect(events.map((event) => event.type)).to.deep.equal(['session-filters-change']);
    expect((events[0] as CustomEvent).detail.filters).to.deep.equal({ owner: ['mem_priya', 'mem_tom'] });
    await settle(el);
    expect(el.owners).to.deep.equal(['mem_priya', 'mem_tom']);
    expect(factory.last.filters).to.deep.equal({ owner: ['mem_priya', 'mem_tom'] });
    expect(facet.owners).to.deep.equal(['mem_priya', 'mem_tom']);
    await expect(el).to.be.accessible();
  });

  it('offers a status filter and a debounced search box when asked', async () => {
    const { el, factory } = await list(
      FIXTURE_ROWS,
      (f) =>
        html`<session-list status-filter search tabs="all assessment" .storeFactory=${f}></session-list>`,
    );
    const select = q<HTMLSelectElement>(el, '[part~=status-filter]')!;
    select.value = 'pending_review';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    expect(factory.last.filters).to.deep.equal({ status: ['pending_review'] });
    const search = q<HTMLInputElement>(el, '[part~=search]')!;
    search.focus();
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await sendKeys({ type: 'db-02' });
      clock.tick(299);
      expect(factory.last.filters).to.deep.equal({ status: ['pending_review'] });
      clock.tick(1);
    } finally {
      clock.restore();
    }
    await settle(el);
    expect(factory.last.filters).to.deep.equal({ status: ['pending_review'], q: 'db-02' });
    await expect(el).to.be.accessible();

    // Inside sessions: the same text searches the transcripts (A12).
    const mode = q<HTMLSelectElement>(el, '[part~=search-mode]')!;
    mode.value = 'content';
    mode.dispatchEvent(new Event('change'));
    await settle(el);
    // "db-02" has no three letters or digits in a row, which the server refuses: not sent.
    expect(factory.last.filters).to.deep.equal({ status: ['pending_review'] });
    el.query = 'deploy';
    await settle(el);
    expect(factory.last.filters).to.deep.equal({ status: ['pending_review'], content: 'deploy' });
  });

  it('maps the time range presets to since, and names a custom range', async () => {
    const { el, factory } = await list(
      FIXTURE_ROWS,
      (f) => html`<session-list time-range .storeFactory=${f}></session-list>`,
    );
    const range = q<HTMLSelectElement>(el, '[part~=range]')!;
    range.value = 'P7D';
    range.dispatchEvent(new Event('change'));
    await settle(el);
    expect(factory.last.filters).to.deep.equal({ since: 'P7D' });
    el.until = '2026-11-30T00:00:00Z';
    await settle(el);
    expect(factory.last.filters).to.deep.equal({ since: 'P7D', until: '2026-11-30T00:00:00Z' });
    expect(q<HTMLSelectElement>(el, '[part~=range]')!.selectedOptions[0]!.textContent!.trim()).to.equal(
      'Custom range',
    );
    await expect(el).to.be.accessible();
  });

  it('passes the scope lock and extra filters to the store', async () => {
    const { factory } = await list(
      FIXTURE_ROWS,
      (f) =>
        html`<session-list
          scope="initiative:ini_csv"
          .filters=${{ active: true }}
          .storeFactory=${f}
        ></session-list>`,
    );
    expect(factory.last.filters).to.deep.equal({ active: true, scope: 'initiative:ini_csv' });
  });

  describe('live', () => {
    it('updates rows in place and lands new sessions at the top while the reader is there', async () => {
      const { el, factory } = await list();
      const row = qa<SessionRow>(el, 'session-row').find((r) => r.session!.id === sessions.openChat.id)!;
      factory.last.push({ ...sessions.openChat, progress: { messages: 9 }, version: 2 });
      await settle(el);
      const same = qa<SessionRow>(el, 'session-row').find((r) => r.session!.id === sessions.openChat.id)!;
      expect(same).to.equal(row);
      expect(same.session!.progress.messages).to.equal(9);
      factory.last.push(started('ses_brandnew', 'Brand new'));
      await settle(el);
      expect(rowTitles(el)[0]).to.equal('Brand new');
      expect(q(el, '[part~=new]')).to.equal(null);
    });

    it('shows "N new" when the reader has scrolled away, and brings them in on click', async () => {
      const { el, factory } = await list(many(200));
      const scroller = q(el, '.scroller')!;
      scroller.scrollTop = 2000;
      await waitUntil(() => !(el as unknown as { atTop: boolean }).atTop, 'scrolled away');
      await settle(el);
      factory.last.push(started('ses_new1', 'New one'));
      factory.last.push(started('ses_new2', 'New two', 'task'));
      await settle(el);
      expect(textOf(q(el, '[part~=new]'))).to.equal('2 new');
      expect(scroller.scrollTop).to.be.greaterThan(500);
      expect(rowTitles(el)).to.not.include('New one');
      await expect(el).to.be.accessible();
      q(el, '[part~=new]')!.click();
      await settle(el);
      expect(q(el, '[part~=new]')).to.equal(null);
      expect(scroller.scrollTop).to.equal(0);
      expect(rowTitles(el).slice(0, 2).sort()).to.deep.equal(['New one', 'New two']);
    });

    it('pauses live updates and applies them on resume', async () => {
      const { el, factory } = await list();
      q(el, '[part~=pause]')!.click();
      await settle(el);
      expect(factory.last.paused).to.equal(true);
      expect(q(el, '[part~=pause]')!.getAttribute('aria-pressed')).to.equal('true');
      factory.last.push({ ...sessions.runningFlow, status: 'completed', version: 9 });
      await settle(el);
      expect(textOf(q(el, '[part~=banner]'))).to.equal('Live updates paused · 1 waiting. Resume');
      expect(qa<SessionRow>(el, 'session-row')[0]!.session!.status).to.equal('running');
      await expect(el).to.be.accessible();
      q(el, '[part~=pause]')!.click();
      await settle(el);
      expect(q(el, '[part~=banner]')).to.equal(null);
      const flow = qa<SessionRow>(el, 'session-row').find((r) => r.session!.id === sessions.runningFlow.id)!;
      expect(flow.session!.status).to.equal('completed');
    });

    it('shows reconnecting and offline states over the last known rows', async () => {
      const { el, factory } = await list();
      factory.last.set({ state: { status: 'reconnecting' } });
      await settle(el);
      expect(textOf(q(el, '[part~=banner]'))).to.equal('Reconnecting… the list may be behind.');
      expect(qa(el, 'session-row').length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      factory.last.set({ state: { status: 'offline', error: new Error('down') } });
      await settle(el);
      expect(textOf(q(el, '[part~=banner]'))).to.equal('Offline: showing the last known list. Retry');
      q<HTMLButtonElement>(el, '[part~=banner] button')!.click();
      expect(factory.last.refreshCalls).to.equal(1);
    });

    it('refreshes on request', async () => {
      const { el, factory } = await list();
      q(el, '[part~=refresh]')!.click();
      expect(factory.last.refreshCalls).to.equal(1);
    });
  });

  describe('states', () => {
    it('shows a loading skeleton', async () => {
      const { el, factory } = await list();
      factory.last.set({ loaded: false, state: { status: 'connecting' } });
      await settle(el);
      expect(q(el, '[aria-busy=true]')).to.not.equal(null);
      expect(qa(el, '.skeleton-rows .skeleton').length).to.equal(5);
      await expect(el).to.be.accessible();
    });

    it('shows an error with retry', async () => {
      const { el, factory } = await list();
      factory.last.set({
        loaded: false,
        state: { status: 'offline', error: { problem: { detail: 'Token expired' } } },
      });
      await settle(el);
      expect(textOf(q(el, '[part~=error]'))).to.equal('Sessions could not be loaded: Token expired Retry');
      await expect(el).to.be.accessible();
      q<HTMLButtonElement>(el, '[part~=error] button')!.click();
      expect(factory.stores.length).to.equal(2);
      expect(factory.stores[0]!.disposed).to.equal(true);
    });

    it('shows an empty state, with a way out of narrowing filters', async () => {
      const { el } = await list([]);
      expect(textOf(q(el, '[part~=empty]'))).to.equal('No sessions match.');
      await expect(el).to.be.accessible();
      el.owners = ['mem_tom'];
      await settle(el);
      expect(textOf(q(el, '[part~=empty] p:nth-of-type(2)'))).to.equal(
        'These filters exclude every session: owner',
      );
      const clear = q<HTMLButtonElement>(el, '[part~=empty] button')!;
      expect(textOf(clear)).to.equal('Clear owner');
      await expect(el).to.be.accessible();
      clear.click();
      await settle(el);
      expect(el.owners).to.deep.equal([]);
    });

    it('asks for a provider when it has no way to load', async () => {
      const { el } = await mount<SessionList>(html`<session-list></session-list>`);
      expect(textOf(q(el, '[part~=empty]'))).to.include('session-lens-provider');
    });
  });

  describe('scale', () => {
    it('renders only about a viewport of rows for 10,000 sessions', async () => {
      const { el } = await list(many(10_000));
      const rendered = qa(el, 'session-row').length;
      expect(rendered).to.be.greaterThan(5);
      expect(rendered).to.be.lessThan(60);
    });

    it('loads more near the end, and from the button', async () => {
      const { el, factory } = await list(many(60));
      factory.last.set({ hasMore: true });
      await settle(el);
      q(el, '[part~=load-more]')!.click();
      expect(factory.last.loadMoreCalls).to.equal(1);
      const scroller = q(el, '.scroller')!;
      // Ten rows from the end the next page is asked for (the store is not loading: it asks once).
      scroller.scrollTop = 600;
      await settle(el);
      expect(factory.last.loadMoreCalls).to.equal(1);
      factory.last.set({ loading: true });
      scroller.scrollTop = 60 * 56;
      await settle(el);
      factory.last.set({ loading: false });
      await settle(el);
      expect(factory.last.loadMoreCalls).to.equal(2);
      // The next page sorts after everything loaded: it joins at once, even away from the top.
      await waitUntil(() => !(el as unknown as { atTop: boolean }).atTop, 'scrolled away');
      factory.last.page(
        many(100)
          .slice(60)
          .map((session) => ({ ...session, id: session.id.replace('ses_m', 'ses_p') })),
      );
      await settle(el);
      expect(q(el, '[part~=new]')).to.equal(null);
      expect(factory.last.sessions.length).to.equal(100);
    });
  });

  it('moves focus between rows with the arrow keys', async () => {
    const { el } = await list();
    const rows = qa<SessionRow>(el, 'session-row');
    rows[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal(rows[1]);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    expect(el.shadowRoot!.activeElement).to.equal(rows[1]);
    const opened = oneEvent(el, 'session-open');
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.session.id).to.equal(rows[1]!.session!.id);
  });

  it('moves from a focused step to the next row with ArrowDown', async () => {
    const { el } = await list();
    const rows = qa<SessionRow>(el, 'session-row');
    const index = rows.findIndex((row) => row.shadowRoot!.querySelector('.step'));
    expect(index).to.be.at.least(0);
    rows[index]!.shadowRoot!.querySelector<HTMLElement>('.step')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal(rows[index + 1]);
  });

  describe('rows reused by position', () => {
    const focusedSession = (el: SessionList) =>
      (el.shadowRoot!.activeElement as SessionRow | null)?.session?.id;

    it('updates row elements in place as the list scrolls', async () => {
      const { el } = await list(many(200));
      const before = qa<SessionRow>(el, 'session-row');
      q(el, '.scroller')!.scrollTop = 3000;
      await waitUntil(() => !rowTitles(el).includes('Run 0'), 'scrolled');
      await settle(el);
      const after = qa<SessionRow>(el, 'session-row');
      // The same elements, now showing other sessions.
      expect(after.filter((row) => before.includes(row)).length).to.be.greaterThan(0);
      expect(rowTitles(el)).to.not.include('Run 0');
    });

    it('moves focus to the list when the focused session scrolls out, and arrows continue from the rows in view', async () => {
      const { el } = await list(many(200));
      const scroller = q(el, '.scroller')!;
      qa<SessionRow>(el, 'session-row')[1]!.focus();
      expect(focusedSession(el)).to.equal('ses_m000001');
      scroller.scrollTop = 3000;
      await waitUntil(() => el.shadowRoot!.activeElement === scroller, 'focus on the list');
      // No row shows one session while focus claims another.
      expect(qa<SessionRow>(el, 'session-row').map((row) => row.session!.id)).to.not.include('ses_m000001');
      await sendKeys({ press: 'ArrowDown' });
      const focused = el.shadowRoot!.activeElement as SessionRow;
      expect(focused.localName).to.equal('session-row');
      const scrollerTop = scroller.getBoundingClientRect().top;
      expect(focused.getBoundingClientRect().bottom).to.be.greaterThan(scrollerTop);
      expect(Number(focused.dataset['index'])).to.be.greaterThan(10);
    });

    it('keeps focus on its session when a new session moves the rows down', async () => {
      const { el, factory } = await list(many(20));
      qa<SessionRow>(el, 'session-row')[2]!.focus();
      expect(focusedSession(el)).to.equal('ses_m000002');
      factory.last.push(started('ses_top', 'Top'));
      await settle(el);
      await waitUntil(() => rowTitles(el)[0] === 'Top', 'new session on top');
      await waitUntil(() => focusedSession(el) === 'ses_m000002', 'focus followed its session');
      expect((el.shadowRoot!.activeElement as SessionRow).dataset['index']).to.equal('3');
    });
  });
});
