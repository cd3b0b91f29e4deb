/// <reference types="mocha" />
import { expect, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import type { SessionTab } from './session-tab.js';
import type { SessionList } from '../session-list/session-list.js';
import type { SessionRow } from '../session-row/session-row.js';
import { fakeClient } from '../test/fake-client.js';
import { fakeStoreFactory } from '../test/fake-store.js';
import { members, sessions } from '../test/fixtures.js';
import { mount, textOf } from '../test/mount.js';

// The list's benign ResizeObserver loop notice must not count as a test failure.
window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
});

const listOf = (el: SessionTab) => el.shadowRoot!.querySelector<SessionList>('session-list')!;
const maybeList = (el: SessionTab) => el.shadowRoot!.querySelector<SessionList>('session-list');
const rows = (el: SessionTab) => [...listOf(el).shadowRoot!.querySelectorAll<SessionRow>('session-row')];
const detail = (el: SessionTab) => listOf(el).shadowRoot!.querySelector('session-detail');
/** The row of session `id` (a row's item is rendered anew when it expands or collapses). */
const rowOf = (el: SessionTab, id: string) => rows(el).find((row) => row.session?.id === id);

async function tab(scope = 'initiative:ini_csv') {
  const factory = fakeStoreFactory(Object.values(sessions));
  const client = fakeClient({ sessions: Object.values(sessions), members });
  const mounted = await mount<SessionTab>(
    html`<session-tab scope=${scope} .storeFactory=${factory} .members=${members}></session-tab>`,
    { client },
  );
  await maybeList(mounted.el)?.updateComplete;
  await nextFrame();
  return { ...mounted, factory };
}

describe('session-tab', () => {
  it('locks the list to its scope, and the owner facet narrows within it', async () => {
    const { el, factory } = await tab();
    await waitUntil(() => rows(el).length > 0, 'rows rendered');
    expect(factory.last.filters).to.deep.equal({ scope: 'initiative:ini_csv' });
    listOf(el).owners = [members[0]!.id];
    await listOf(el).updateComplete;
    expect(factory.last.filters).to.deep.equal({ owner: [members[0]!.id], scope: 'initiative:ini_csv' });
    await expect(el).to.be.accessible();
  });

  it('opens the detail inline under the row on click, and closes it on a second click', async () => {
    const { el } = await tab();
    await waitUntil(() => rows(el).length > 0, 'rows rendered');
    const id = rows(el)[0]!.session!.id;
    rows(el)[0]!.shadowRoot!.querySelector<HTMLButtonElement>('[part~=open]')!.click();
    await el.updateComplete;
    await listOf(el).updateComplete;
    await waitUntil(() => detail(el), 'detail rendered');
    const row = rowOf(el, id)!;
    expect(row.expanded).to.equal(true);
    expect(row.shadowRoot!.querySelector('[part~=open]')!.getAttribute('aria-expanded')).to.equal('true');
    // Under its own row, in the same list item.
    expect(detail(el)!.closest('[role=listitem]')!.contains(row)).to.equal(true);
    expect((detail(el) as HTMLElementTagNameMap['session-detail']).session!.id).to.equal(row.session!.id);
    await expect(el).to.be.accessible();
    row.shadowRoot!.querySelector<HTMLButtonElement>('[part~=open]')!.click();
    await el.updateComplete;
    await listOf(el).updateComplete;
    expect(detail(el)).to.equal(null);
    expect(rowOf(el, id)!.expanded).to.equal(false);
  });

  it('opens with Enter and closes with Escape, focus back on the row', async () => {
    const { el } = await tab();
    await waitUntil(() => rows(el).length > 0, 'rows rendered');
    const row = rows(el)[1]!;
    row.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => detail(el), 'detail rendered');
    expect(el.openSessionId).to.equal(row.session!.id);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !detail(el), 'detail closed');
    await el.updateComplete;
    await waitUntil(
      () => listOf(el).shadowRoot!.activeElement === rowOf(el, row.session!.id),
      'focus back on the row',
    );
  });

  it('keeps focus inside the open detail as Tab walks it and the list scrolls, up to its tabs', async () => {
    const { el } = await tab();
    await waitUntil(() => rows(el).length > 0, 'rows rendered');
    const row = rows(el).find((candidate) => candidate.session!.id === sessions.runningFlow.id)!;
    row.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => detail(el)?.shadowRoot?.querySelector('[part~=open-editor]'), 'detail rendered');
    const open = detail(el)!;
    const deepActive = (): Element | null => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active;
    };
    const inDetail = () => {
      const active = deepActive();
      return !!active && (active.getRootNode() as ShadowRoot).host === open;
    };
    // Forward from the row into the detail, to Open in editor, then on to the Transcript tab:
    // focus never falls to the page, and the detail element is never replaced.
    let reached: Element | null = null;
    for (let press = 0; press < 20 && !reached; press++) {
      await sendKeys({ press: 'Tab' });
      await nextFrame();
      const active = deepActive();
      expect(active, `Tab ${press + 1}`).to.not.equal(document.body);
      if (active?.getAttribute('role') === 'tab' && inDetail()) reached = active;
    }
    expect(reached?.textContent?.trim()).to.equal('Transcript');
    expect(detail(el)).to.equal(open);
    await sendKeys({ press: 'ArrowRight' });
    expect(deepActive()?.textContent?.trim()).to.equal('Metadata');
    // Scrolling the list (the rendered window moves) keeps focus where it is.
    const scroller = listOf(el).shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop += 120;
    await nextFrame();
    await nextFrame();
    await listOf(el).updateComplete;
    expect(inDetail()).to.equal(true);
    expect(deepActive()?.textContent?.trim()).to.equal('Metadata');
  });

  it('asks for nothing without a valid scope: never an unscoped list', async () => {
    const { el, factory } = await tab('workspace');
    expect(maybeList(el)).to.equal(null);
    expect(factory.stores.length).to.equal(0);
    const notice = el.shadowRoot!.querySelector('[part~=missing-scope]')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(textOf(notice)).to.include('initiative:<id>');
    await expect(el).to.be.accessible();
  });
});
