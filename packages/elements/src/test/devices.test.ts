/// <reference types="mocha" />
import { expect, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../define.js';
import type { SessionList } from '../session-list/session-list.js';
import type { SessionRow } from '../session-row/session-row.js';
import { fakeClient } from './fake-client.js';
import { fakeStoreFactory } from './fake-store.js';
import { members, sessions } from './fixtures.js';
import { mount } from './mount.js';

/** Phones (E10, E16): legible text, and a row that fits 375 px. */

window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
});

/** Every non-blank text node under `root`, through open shadow roots. */
function textNodes(root: Node): Text[] {
  const found: Text[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) found.push(node as Text);
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return found;
}

const rootFontSize = document.documentElement.style.fontSize;

describe('devices', () => {
  afterEach(() => {
    document.documentElement.style.fontSize = rootFontSize;
  });

  it('draws no text under 12 px, even on a host page with a 14 px root font', async () => {
    // The demo host's size: 0.75rem there is 10.5 px.
    document.documentElement.style.fontSize = '14px';
    const all = Object.values(sessions);
    const { wrapper } = await mount<SessionList>(
      html`<div>
        <session-list
          .storeFactory=${fakeStoreFactory(all)}
          .members=${members}
          search
          status-filter
        ></session-list>
        <session-detail .session=${sessions.runningFlow}></session-detail>
        <command-center></command-center>
      </div>`,
      { client: fakeClient({ sessions: all, members }) },
    );
    const list = wrapper.querySelector('session-list')!;
    await waitUntil(() => list.shadowRoot!.querySelectorAll('session-row').length > 3, 'rows rendered');
    await nextFrame();
    // Text drawn (hidden text is not).
    const nodes = textNodes(wrapper).filter((node) =>
      node.parentElement!.checkVisibility({ visibilityProperty: true }),
    );
    expect(nodes.length).to.be.greaterThan(50);
    const small = nodes
      .map((node) => ({
        text: node.textContent!.trim().slice(0, 30),
        where: `${(node.getRootNode() as ShadowRoot).host?.localName} ${node.parentElement!.localName}.${node.parentElement!.className}`,
        px: parseFloat(getComputedStyle(node.parentElement!).fontSize),
      }))
      .filter((entry) => entry.px < 12);
    expect(small).to.deep.equal([]);
  });

  it('keeps title, status and time on a 375 px row and folds the rest beneath', async () => {
    const { el } = await mount<SessionRow>(
      html`<session-row style="width: 375px" .session=${sessions.runningFlow}></session-row>`,
    );
    const part = (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`)!;
    const box = el.getBoundingClientRect();
    for (const name of ['open', 'pill', 'time']) {
      const rect = part(name).getBoundingClientRect();
      expect(part(name).checkVisibility(), name).to.equal(true);
      expect(rect.width, name).to.be.greaterThan(10);
      expect(rect.right, name).to.be.at.most(box.right + 0.5);
      expect(rect.left, name).to.be.at.least(box.left - 0.5);
    }
    // Status beside the title; the steps column on a line of its own under both.
    expect(part('pill').getBoundingClientRect().top).to.be.below(part('open').getBoundingClientRect().bottom);
    expect(part('progress').getBoundingClientRect().top).to.be.at.least(
      part('open').getBoundingClientRect().bottom,
    );
    expect(el.shadowRoot!.querySelector<HTMLElement>('.elapsed')!.checkVisibility()).to.equal(false);
    expect(part('base').scrollWidth).to.be.at.most(part('base').clientWidth);
    // Wide again: one line, elapsed back.
    el.style.width = '1000px';
    await nextFrame();
    expect(el.shadowRoot!.querySelector<HTMLElement>('.elapsed')!.checkVisibility()).to.equal(true);
    expect(part('progress').getBoundingClientRect().top).to.be.below(
      part('open').getBoundingClientRect().bottom,
    );
  });
});
