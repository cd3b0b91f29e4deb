/// <reference types="mocha" />
import { expect, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Session } from '@session-lens/sdk';
import '../define.js';
import type { SessionList } from './session-list.js';
import type { SessionRow } from '../session-row/session-row.js';
import { MAX_SCROLL_PX } from './row-window.js';
import { fakeClient } from '../test/fake-client.js';
import { fakeStoreFactory } from '../test/fake-store.js';
import { NOW, makeSession, members } from '../test/fixtures.js';
import { mount } from '../test/mount.js';

/** The list's windowed rows (row-window.ts): measured heights, anchoring, focus, huge lists. */

window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
});

/** `count` completed flows, newest first: one validated session, cheap copies of it. */
function many(count: number): Session[] {
  const template = makeSession({ id: 'ses_w', kind: 'flow', status: 'completed', title: 'Run' });
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(NOW - (i + 60) * 1000).toISOString();
    return {
      ...template,
      id: `ses_w${String(i).padStart(7, '0')}`,
      title: `Run ${i}`,
      updatedAt: at,
      endedAt: at,
    };
  });
}

const rowsOf = (el: SessionList) => [...el.shadowRoot!.querySelectorAll<SessionRow>('session-row')];
const scrollerOf = (el: SessionList) => el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
const spacerHeight = (el: SessionList) =>
  el.shadowRoot!.querySelector<HTMLElement>('.spacer')!.getBoundingClientRect().height;
const rowOf = (el: SessionList, id: string) => rowsOf(el).find((row) => row.session?.id === id);
const focusedRow = (el: SessionList) => {
  const active = el.shadowRoot!.activeElement;
  return active?.localName === 'session-row' ? (active as SessionRow) : undefined;
};

/** The first row whose bottom is below the scroller's top: the row the reader sees first. */
function firstInView(el: SessionList): SessionRow {
  const top = scrollerOf(el).getBoundingClientRect().top;
  return rowsOf(el)
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
    .find((row) => row.getBoundingClientRect().bottom > top + 1)!;
}

async function settle(el: SessionList): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await nextFrame();
  await el.updateComplete;
}

async function list(
  initial: readonly Session[],
  template = (factory: ReturnType<typeof fakeStoreFactory>) =>
    html`<session-list .storeFactory=${factory} .members=${members}></session-list>`,
) {
  const factory = fakeStoreFactory(initial);
  const mounted = await mount<SessionList>(template(factory), { client: fakeClient({ members }) });
  await settle(mounted.el);
  await waitUntil(() => rowsOf(mounted.el).length > 0, 'rows rendered');
  await settle(mounted.el);
  return { ...mounted, factory };
}

/** Scrolls the list's scroller to `top` and lets the list render the rows there. */
async function scrollTo(el: SessionList, top: number): Promise<void> {
  scrollerOf(el).scrollTop = top;
  await settle(el);
}

describe('session-list windowed rows', () => {
  it('measures an expanded row with its detail and places every row after it below', async () => {
    let detailPx = 300;
    const sessions = many(40);
    const { el } = await list(
      sessions,
      (factory) =>
        html`<session-list
          .storeFactory=${factory}
          .members=${members}
          .expandedId=${sessions[2]!.id}
          .renderExpansion=${() => html`<div style=${`height:${detailPx}px`}>Detail</div>`}
        ></session-list>`,
    );
    const base = rowOf(el, sessions[0]!.id)!.getBoundingClientRect().height;
    const item = (index: number) =>
      el.shadowRoot!.querySelector<HTMLElement>(`.item[data-index="${index}"]`)!.getBoundingClientRect();
    const expanded = item(2).height;
    expect(expanded).to.be.greaterThan(base + 290);
    expect(item(3).top).to.be.closeTo(item(2).bottom, 0.5);
    expect(spacerHeight(el)).to.be.closeTo(40 * base + expanded - base, 1);

    // Row 20 scrolled to the top is there: the rows above it count the detail's height.
    await scrollTo(el, 20 * base + expanded - base);
    expect(firstInView(el).session!.id).to.equal(sessions[20]!.id);
    expect(item(20).top).to.be.closeTo(scrollerOf(el).getBoundingClientRect().top, 1);

    // The detail grows: measured again, the list grows with it.
    await scrollTo(el, 0);
    detailPx = 500;
    el.requestUpdate();
    await settle(el);
    await settle(el);
    expect(item(2).height).to.be.closeTo(expanded + 200, 1);
    expect(spacerHeight(el)).to.be.closeTo(40 * base + expanded + 200 - base, 1);
    expect(item(3).top).to.be.closeTo(item(2).bottom, 0.5);
  });

  it('keeps the first row in view where it is when a row moves above it, and shows rows landing at the top', async () => {
    const sessions = many(200);
    const { el, factory } = await list(sessions);
    await scrollTo(el, 3000);
    const anchor = firstInView(el);
    const id = anchor.session!.id;
    const top = anchor.getBoundingClientRect().top;
    // A session from far below starts again: it sorts first, above the reader.
    factory.last.push({ ...sessions[150]!, status: 'running', updatedAt: new Date(NOW).toISOString() });
    await settle(el);
    expect(firstInView(el).session!.id).to.equal(id);
    expect(rowOf(el, id)!.getBoundingClientRect().top).to.be.closeTo(top, 1);
    expect(scrollerOf(el).scrollTop).to.be.closeTo(3000 + anchor.getBoundingClientRect().height, 1);

    // At the very top, a row that lands above shows.
    await scrollTo(el, 0);
    factory.last.push({
      ...sessions[160]!,
      status: 'running',
      updatedAt: new Date(NOW + 1000).toISOString(),
    });
    await settle(el);
    expect(scrollerOf(el).scrollTop).to.equal(0);
    expect(firstInView(el).session!.id).to.equal(sessions[160]!.id);
  });

  it("keeps focus on its session's row while the rows are reused by scrolling", async () => {
    const sessions = many(300);
    const { el } = await list(sessions);
    const id = sessions[12]!.id;
    await el.focusSession(id);
    for (let step = 1; step <= 6; step++) {
      await scrollTo(el, step * 30);
      expect(focusedRow(el)?.session?.id, `after ${step * 30} px`).to.equal(id);
    }
    // Scrolled far: the row is gone, focus waits on the list, and arrows continue from the view.
    await scrollTo(el, 9000);
    expect(el.shadowRoot!.activeElement).to.equal(scrollerOf(el));
    const first = firstInView(el);
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(focusedRow(el)?.session?.id).to.equal(first.session!.id);
  });

  it('reaches every row of a list taller than browsers let an element be (400,000 rows)', async function () {
    this.timeout(60_000);
    const count = 400_000;
    const sessions = many(count);
    const { el } = await list(sessions);
    const scroller = scrollerOf(el);
    const base = rowsOf(el)[0]!.getBoundingClientRect().height;
    expect(count * base).to.be.greaterThan(MAX_SCROLL_PX);
    expect(spacerHeight(el)).to.equal(MAX_SCROLL_PX);

    // Dragging the thumb to the middle shows the middle of the list.
    await scrollTo(el, (scroller.scrollHeight - scroller.clientHeight) / 2);
    const middle = Number(firstInView(el).dataset['index']);
    expect(middle).to.be.within(count / 2 - 20, count / 2 + 20);
    // A small scroll there moves the rows 1:1.
    const before = firstInView(el);
    const beforeTop = before.getBoundingClientRect().top;
    await scrollTo(el, scroller.scrollTop + 20);
    expect(rowOf(el, before.session!.id)!.getBoundingClientRect().top).to.be.closeTo(beforeTop - 20, 1);

    // The end of the scrollbar is the end of the list.
    await scrollTo(el, scroller.scrollHeight);
    const last = rowOf(el, sessions[count - 1]!.id);
    expect(last, 'the last row is rendered').to.not.equal(undefined);
    expect(last!.getBoundingClientRect().bottom).to.be.closeTo(scroller.getBoundingClientRect().bottom, 1);

    // Home and End reach both ends from the keyboard.
    await scrollTo(el, 0);
    rowsOf(el)[0]!.focus();
    await sendKeys({ press: 'End' });
    await waitUntil(
      () => focusedRow(el)?.session?.id === sessions[count - 1]!.id,
      'End focuses the last row',
    );
    const box = focusedRow(el)!.getBoundingClientRect();
    expect(box.bottom).to.be.at.most(scroller.getBoundingClientRect().bottom + 1);
    await sendKeys({ press: 'Home' });
    await waitUntil(() => focusedRow(el)?.session?.id === sessions[0]!.id, 'Home focuses the first row');
    await settle(el);
    expect(scroller.scrollTop).to.equal(0);
  });

  it('renders about a viewport of rows, under twice the rows that fit (X5)', async () => {
    const { el } = await list(many(10_000));
    const fit = Math.ceil(scrollerOf(el).clientHeight / rowsOf(el)[0]!.getBoundingClientRect().height);
    await scrollTo(el, 100_000);
    expect(rowsOf(el).length).to.be.at.most(2 * fit);
    expect(rowsOf(el).length).to.be.at.least(fit);
    await expect(el).to.be.accessible();
  });
});

describe('row heights', () => {
  it('counts a measured row where it sits and forgets what leaves the list', async () => {
    const { RowHeights, BASE_ROW_PX } = await import('./row-heights.js');
    const rows = many(10);
    const heights = new RowHeights();
    heights.setRows(rows);
    expect(heights.top(10)).to.equal(10 * BASE_ROW_PX);
    // A batch of rows: the median is the base; the tall one (an expansion) is remembered.
    expect(
      heights.measure([
        { index: 0, height: 60 },
        { index: 1, height: 60 },
        { index: 2, height: 300 },
        { index: 3, height: 60 },
      ]),
    ).to.equal(true);
    expect(heights.base).to.equal(60);
    expect(heights.top(3)).to.equal(2 * 60 + 300);
    expect(heights.height(2)).to.equal(300);
    expect(heights.indexAt(2 * 60 + 299)).to.equal(2);
    expect(heights.indexAt(2 * 60 + 300)).to.equal(3);
    expect(heights.indexAt(-5)).to.equal(0);
    expect(heights.indexAt(1e9)).to.equal(9);
    // The tall row moves (a row above it left): it is found by id.
    heights.setRows(rows.slice(1));
    expect(heights.top(2)).to.equal(60 + 300);
    heights.setRows(rows.slice(3));
    expect(heights.top(9)).to.equal(9 * 60);
  });
});
