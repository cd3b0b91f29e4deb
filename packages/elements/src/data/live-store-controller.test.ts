/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import type { SessionFilters } from '@session-lens/sdk';
import type { LensClient } from '../context/lens-context.js';
import { fakeStoreFactory, type FakeLiveStore } from '../test/fake-store.js';
import { makeSession } from '../test/fixtures.js';
import type { LiveSessionSource, LiveSourceFactory } from './live-source.js';
import { LiveStoreController } from './live-store-controller.js';

/** A host whose inputs the test sets directly, rendering the store's session count. */
class StoreHost extends LitElement {
  filters: SessionFilters = {};
  factory: LiveSourceFactory | undefined;
  client: LensClient | undefined;
  wantsMore: (store: LiveSessionSource) => boolean = () => false;
  changes: Array<LiveSessionSource | undefined> = [];
  readonly live = new LiveStoreController(this, {
    filters: () => this.filters,
    client: () => this.client,
    factory: () => this.factory,
    onStoreChange: (store) => this.changes.push(store),
    wantsMore: (store) => this.wantsMore(store),
  });
  override render() {
    return litHtml`${this.live.store?.sessions.length ?? 'none'}`;
  }
}
customElements.define('store-host', StoreHost);

async function host(
  factory = fakeStoreFactory([makeSession({ id: 'ses_a', kind: 'flow', status: 'completed' })]),
) {
  const el = document.createElement('store-host') as StoreHost;
  el.factory = factory;
  const parent = await fixture<HTMLElement>(html`<div></div>`);
  parent.append(el);
  await el.updateComplete;
  return { el, factory, parent };
}

describe('LiveStoreController', () => {
  it('makes a store on connect and re-renders its host as the store changes', async () => {
    const { el, factory } = await host();
    expect(factory.stores.length).to.equal(1);
    expect(el.changes).to.deep.equal([factory.last]);
    expect(el.shadowRoot!.textContent).to.equal('1');
    factory.last.push(makeSession({ id: 'ses_b', kind: 'flow', status: 'completed' }));
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('2');
  });

  it('makes a new store when the filters change by value, not when they are only a new object', async () => {
    const { el, factory } = await host();
    el.filters = {};
    el.requestUpdate();
    await el.updateComplete;
    expect(factory.stores.length).to.equal(1);
    el.filters = { kind: ['flow'] };
    el.requestUpdate();
    await el.updateComplete;
    expect(factory.stores.length).to.equal(2);
    expect(factory.stores[0]!.disposed).to.equal(true);
    expect(factory.last.filters).to.deep.equal({ kind: ['flow'] });
  });

  it('disposes of the store on disconnect and makes a fresh one on reconnect', async () => {
    const { el, factory, parent } = await host();
    el.remove();
    expect(factory.stores[0]!.disposed).to.equal(true);
    expect(el.live.store).to.equal(undefined);
    parent.append(el);
    await el.updateComplete;
    expect(factory.stores.length).to.equal(2);
    expect(factory.last.disposed).to.equal(false);
  });

  it('has no store without a factory or a client that can stream, and makes one when a factory arrives', async () => {
    const { el } = await host();
    el.factory = undefined;
    el.client = { sessions: {}, me: {}, members: {} } as unknown as LensClient;
    el.requestUpdate();
    await el.updateComplete;
    expect(el.live.store).to.equal(undefined);
    expect(el.shadowRoot!.textContent).to.equal('none');
    const next = fakeStoreFactory();
    el.factory = next;
    el.requestUpdate();
    await el.updateComplete;
    expect(next.stores.length).to.equal(1);
  });

  it('runs the paging policy when the store changes, never while a page loads or when none is left', async () => {
    const { el, factory } = await host();
    const store: FakeLiveStore = factory.last;
    let asked = 0;
    el.wantsMore = () => {
      asked++;
      return true;
    };
    store.set({ hasMore: true, loading: true });
    expect(store.loadMoreCalls).to.equal(0);
    store.set({ loading: false });
    expect(store.loadMoreCalls).to.equal(1);
    store.set({ hasMore: false });
    expect(store.loadMoreCalls).to.equal(1);
    expect(asked).to.equal(1);
    el.wantsMore = () => false;
    store.set({ hasMore: true });
    expect(store.loadMoreCalls).to.equal(1);
  });

  it('retries by refreshing a loaded store, and by starting over when the first page failed', async () => {
    const { el, factory } = await host();
    el.live.retry();
    expect(factory.last.refreshCalls).to.equal(1);
    factory.last.set({ loaded: false, state: { status: 'offline', error: new Error('down') } });
    el.live.retry();
    expect(factory.stores.length).to.equal(2);
  });
});
