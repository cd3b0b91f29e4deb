/// <reference types="mocha" />
import { expect, html } from '@open-wc/testing';
import type { Session } from '@session-lens/sdk';
import { EAGER_ROWS, RowsLoader } from './rows-loader.js';
import type { VirtualRowsOptions } from './virtual-rows.js';
import { makeSession } from '../test/fixtures.js';

import type * as VirtualRowsExports from './virtual-rows.js';

type VirtualRowsModule = typeof VirtualRowsExports;

/** A virtualizer module that records what it was asked to render. */
function fakeModule(): VirtualRowsModule & { calls: VirtualRowsOptions[] } {
  const calls: VirtualRowsOptions[] = [];
  const virtualizerRef = Symbol('virtualizerRef');
  return {
    calls,
    virtualizerRef,
    virtualRows: (options: VirtualRowsOptions) => {
      calls.push(options);
      return 'virtualized';
    },
  } as unknown as VirtualRowsModule & { calls: VirtualRowsOptions[] };
}

/** A load that resolves or rejects when the test says. */
function deferredLoad() {
  const pending: Array<{ resolve(m: VirtualRowsModule): void; reject(e: unknown): void }> = [];
  const load = () => new Promise<VirtualRowsModule>((resolve, reject) => pending.push({ resolve, reject }));
  return { load, pending };
}

const host = () => {
  let updates = 0;
  return {
    get updates() {
      return updates;
    },
    addController() {},
    removeController() {},
    requestUpdate() {
      updates += 1;
    },
    updateComplete: Promise.resolve(true),
  };
};

const rows: Session[] = Array.from({ length: EAGER_ROWS + 20 }, (_, i) =>
  makeSession({ id: `s${i}`, kind: 'task', status: 'running' }),
);
const options = (): VirtualRowsOptions => ({
  rows,
  keyBy: 'position',
  first: () => 0,
  renderItem: (session) => html`<p>${session.id}</p>`,
});

describe('RowsLoader', () => {
  it('renders the first rows plainly until the virtualizer arrives, then asks for an update', async () => {
    const { load, pending } = deferredLoad();
    const loader = new RowsLoader();
    loader.fetch(load);
    const lit = host();

    const before = loader.render(lit, options());
    expect(before).to.be.an('array').with.length(EAGER_ROWS);
    expect(pending).to.have.length(1, 'the fetch started once, at construction');

    const module = fakeModule();
    pending[0]!.resolve(module);
    await Promise.resolve();
    await Promise.resolve();
    expect(lit.updates).to.equal(1);
    expect(loader.render(lit, options())).to.equal('virtualized');
    expect(module.calls).to.have.length(1);
    expect(module.calls[0]!.rows).to.equal(rows);
  });

  it('fetches again on the next render after a failed fetch', async () => {
    const { load, pending } = deferredLoad();
    const loader = new RowsLoader();
    loader.fetch(load);
    pending[0]!.reject(new Error('chunk unreachable'));
    await Promise.resolve();
    await Promise.resolve();

    const lit = host();
    expect(loader.render(lit, options())).to.be.an('array').with.length(EAGER_ROWS);
    expect(pending).to.have.length(2, 'a second fetch');
    pending[1]!.resolve(fakeModule());
    await Promise.resolve();
    await Promise.resolve();
    expect(loader.render(lit, options())).to.equal('virtualized');
  });

  it('renders virtualized at once when the virtualizer is provided', () => {
    const { load } = deferredLoad();
    const loader = new RowsLoader();
    loader.fetch(load);
    loader.provide(fakeModule());
    expect(loader.render(host(), options())).to.equal('virtualized');
  });

  it('finds the virtualizer handle on a scroller only once loaded', async () => {
    const { load, pending } = deferredLoad();
    const loader = new RowsLoader();
    loader.fetch(load);
    const scroller = document.createElement('div');
    expect(loader.handle(scroller)).to.equal(undefined);

    const module = fakeModule();
    const handle = { element: () => undefined };
    (scroller as unknown as Record<symbol, unknown>)[module.virtualizerRef] = handle;
    pending[0]!.resolve(module);
    await Promise.resolve();
    expect(loader.handle(scroller)).to.equal(handle);
    expect(loader.handle(undefined)).to.equal(undefined);
  });
});
