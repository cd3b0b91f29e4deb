/// <reference types="mocha" />
import { expect, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Session } from '@session-lens/sdk';
import '../define.js';
import type { SessionList } from './session-list.js';
import type { SessionRow } from '../session-row/session-row.js';
import { fakeClient } from '../test/fake-client.js';
import { fakeStoreFactory } from '../test/fake-store.js';
import { NOW, makeSession, members, minutesAgo } from '../test/fixtures.js';
import { mount } from '../test/mount.js';

/**
 * E10 in a page: the list is one tab stop with roving focus, and it moves focus only in answer
 * to a key or click inside it, whatever re-renders (live updates, pages, scrolling, the clock).
 */

window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
});

/** Running flows with a step strip each, newest first. */
const flows = (count: number, prefix = 'ses_k'): Session[] =>
  Array.from({ length: count }, (_, i) =>
    makeSession({
      id: `${prefix}${String(i).padStart(6, '0')}`,
      kind: 'flow',
      status: 'running',
      title: `Flow ${i}`,
      createdAt: minutesAgo(100_000),
      updatedAt: new Date(NOW - (i + 1) * 60_000).toISOString(),
      progress: {
        steps: [
          { name: 'Plan', status: 'completed' },
          { name: 'Build', status: 'running' },
        ],
      },
    }),
  );

const rowsOf = (el: SessionList) => [...el.shadowRoot!.querySelectorAll<SessionRow>('session-row')];
const rowAt = (el: SessionList, index: number) =>
  el.shadowRoot!.querySelector<SessionRow>(`session-row[data-index="${index}"]`);
const focusedRow = (el: SessionList) => {
  const active = el.shadowRoot!.activeElement;
  return active?.localName === 'session-row' ? (active as SessionRow) : undefined;
};
const scrollerOf = (el: SessionList) => el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;

async function settle(el: SessionList): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await nextFrame();
  await el.updateComplete;
}

/** A page with a button before the list and one after it. */
async function page(initial: readonly Session[]) {
  const factory = fakeStoreFactory(initial);
  const mounted = await mount<SessionList>(
    html`<session-list .storeFactory=${factory} .members=${members}></session-list
      ><button id="after">after</button>`,
    { client: fakeClient({ members }) },
  );
  const before = document.createElement('button');
  before.textContent = 'before';
  mounted.wrapper.prepend(before);
  const after = mounted.wrapper.querySelector<HTMLButtonElement>('#after')!;
  await settle(mounted.el);
  await waitUntil(() => rowsOf(mounted.el).length > 0, 'rows rendered');
  return { ...mounted, factory, before, after };
}

/** Presses Tab (or Shift+Tab) until `done`, at most `limit` times; returns the presses. */
async function tabUntil(done: () => boolean, shift = false, limit = 12): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await sendKeys({ press: shift ? 'Shift+Tab' : 'Tab' });
    if (done()) return presses;
  }
  throw new Error('Tab never got there');
}

describe('session-list keyboard (E10)', function () {
  // Real key presses, one round trip each, on a machine shared with other work.
  this.timeout(30_000);

  it('is one tab stop: Tab enters on one row and the next Tab leaves the list', async () => {
    const { el, before, after } = await page(flows(40));
    // Only the current row is in the Tab order: no other title, no step.
    const rows = rowsOf(el);
    expect(rows.filter((row) => !row.skipTab).map((row) => row.dataset['index'])).to.deep.equal(['0']);
    for (const row of rows) {
      const steps = [...row.shadowRoot!.querySelectorAll<HTMLElement>('.step')];
      expect(steps.length).to.equal(2);
      expect(steps.every((step) => step.tabIndex === -1)).to.equal(true);
    }
    before.focus();
    await tabUntil(() => focusedRow(el) !== undefined);
    expect(focusedRow(el)!.dataset['index']).to.equal('0');
    // The current row's title, then its Cancel, then out.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(after);
    await expect(el).to.be.accessible();
  });

  it('makes the row the arrows land on the tab stop (roving)', async () => {
    const { el, after } = await page(flows(40));
    rowAt(el, 0)!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedRow(el)!.dataset['index']).to.equal('3');
    await settle(el);
    expect(
      rowsOf(el)
        .filter((row) => !row.skipTab)
        .map((row) => row.dataset['index']),
    ).to.deep.equal(['3']);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(after);
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Shift+Tab' });
    expect(focusedRow(el)!.dataset['index']).to.equal('3');
  });

  it('moves between rows with the arrows, Home, End, Page Down and Page Up', async () => {
    const { el } = await page(flows(200));
    rowAt(el, 0)!.focus();
    await sendKeys({ press: 'PageDown' });
    await waitUntil(() => Number(focusedRow(el)?.dataset['index']) > 1, 'a page down');
    const paged = Number(focusedRow(el)!.dataset['index']);
    // A page: the rows that fit the viewport less one, and the row is in view.
    const scroller = scrollerOf(el).getBoundingClientRect();
    const box = focusedRow(el)!.getBoundingClientRect();
    expect(paged).to.equal(Math.floor(scroller.height / box.height) - 1);
    expect(box.bottom).to.be.at.most(scroller.bottom + 1);
    await sendKeys({ press: 'PageUp' });
    await waitUntil(() => focusedRow(el)?.dataset['index'] === '0', 'a page up');
    await sendKeys({ press: 'End' });
    await waitUntil(() => focusedRow(el)?.dataset['index'] === '199', 'the last row');
    expect(focusedRow(el)!.session!.id).to.equal('ses_k000199');
    await sendKeys({ press: 'ArrowUp' });
    expect(focusedRow(el)!.dataset['index']).to.equal('198');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => focusedRow(el)?.dataset['index'] === '0', 'the first row');
  });

  it('never takes focus back after it left through a toolbar control, whatever re-renders', async () => {
    const { el, factory, before, advance } = await page(flows(30));
    factory.last.set({ hasMore: true });
    rowAt(el, 1)!.focus();
    // Out through the toolbar: Refresh, Pause, Filter, the selected tab, then the page.
    await sendKeys({ press: 'Shift+Tab' });
    const refresh = el.shadowRoot!.querySelector('[part~=refresh]');
    expect(el.shadowRoot!.activeElement).to.equal(refresh);
    await tabUntil(() => document.activeElement === before, true);

    // Every path that re-renders the rows: a live update, a page, scrolling, the clock.
    const top = makeSession({
      id: 'ses_top',
      kind: 'task',
      status: 'running',
      title: 'New on top',
      updatedAt: new Date(NOW).toISOString(),
    });
    factory.last.push(top);
    await settle(el);
    await waitUntil(() => rowAt(el, 0)?.session?.id === 'ses_top', 'live update rendered');
    factory.last.page(flows(30, 'ses_p').map((s) => ({ ...s, updatedAt: minutesAgo(10_000) })));
    await settle(el);
    await waitUntil(() => el.store!.sessions.length === 61, 'page loaded');
    scrollerOf(el).scrollTop = 1200;
    await settle(el);
    scrollerOf(el).scrollTop = 0;
    await settle(el);
    await advance(15_000);
    await settle(el);
    expect(document.activeElement).to.equal(before);
    expect(el.shadowRoot!.activeElement).to.equal(null);
  });

  it('makes the list itself the tab stop while the current row is scrolled out', async () => {
    const { el, after } = await page(flows(200));
    rowAt(el, 0)!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(after);
    const scroller = scrollerOf(el);
    scroller.scrollTop = 3000;
    await waitUntil(() => !rowAt(el, 0), 'first row scrolled out');
    await settle(el);
    // Scrolling moved no focus.
    expect(document.activeElement).to.equal(after);
    expect(scroller.tabIndex).to.equal(0);
    await sendKeys({ press: 'Shift+Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(scroller);
    await sendKeys({ press: 'ArrowDown' });
    const row = focusedRow(el)!;
    expect(Number(row.dataset['index'])).to.be.greaterThan(10);
    expect(row.getBoundingClientRect().bottom).to.be.greaterThan(scroller.getBoundingClientRect().top);
    await settle(el);
    expect(scroller.tabIndex).to.equal(-1);
  });

  it('focuses a session’s row on request, scrolling to it', async () => {
    const { el } = await page(flows(200));
    expect(await el.focusSession('ses_k000150')).to.equal(true);
    expect(focusedRow(el)!.session!.id).to.equal('ses_k000150');
    expect(await el.focusSession('ses_nope')).to.equal(false);
  });
});
