/// <reference types="mocha" />
import { expect, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import type { CommandCenter } from './command-center.js';
import type { SessionRow } from '../session-row/session-row.js';
import { fakeClient } from '../test/fake-client.js';
import { fakeStoreFactory } from '../test/fake-store.js';
import { identities, makeSession, minutesAgo, sessions } from '../test/fixtures.js';
import { identityFromMe, type LensIdentity } from '../context/lens-context.js';
import { mount, textOf } from '../test/mount.js';

const q = <T extends HTMLElement = HTMLElement>(el: CommandCenter, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const titlesIn = (el: CommandCenter, section: string) =>
  [...el.shadowRoot!.querySelectorAll<SessionRow>(`[aria-labelledby=${section}] session-row`)].map(
    (row) => row.session!.title,
  );

async function center(
  initial = Object.values(sessions),
  options: { mode?: 'mine' | 'team'; identity?: LensIdentity | null } = {},
) {
  const factory = fakeStoreFactory(initial, { match: true });
  const mounted = await mount<CommandCenter>(
    html`<command-center mode=${options.mode ?? 'team'} .storeFactory=${factory}></command-center>`,
    { client: fakeClient(), ...(options.identity !== undefined ? { identity: options.identity } : {}) },
  );
  // The panel's own store (the other one lists assessments awaiting review).
  const main = () => factory.stores.filter((store) => !store.filters.status).at(-1)!;
  return { ...mounted, factory, main };
}

describe('command-center', () => {
  it('splits live work into Active now and the last 24 hours into Recent', async () => {
    const { el } = await center();
    const active = titlesIn(el, 'active-now');
    expect(active).to.include.members(['Full SDLC', 'Backfill search index', 'Draft three plans']);
    expect(active).not.to.include('Why is the export slow?');
    const recent = titlesIn(el, 'recent');
    expect(recent).to.include('Why is the export slow?');
    // Finished 25 hours ago: neither active nor recent.
    expect([...active, ...recent]).not.to.include('CSV format verification');
    await expect(el).to.be.accessible();
  });

  it('emits session-resume from a row, and View on an ended chat', async () => {
    const { el } = await center();
    const first = q(el, '[aria-labelledby=active-now] li')!;
    const resume = first.querySelector<HTMLButtonElement>('[part~=resume]')!;
    expect(textOf(resume)).to.equal('Resume');
    setTimeout(() => resume.click());
    const event = await oneEvent(el, 'session-resume');
    expect(event.detail.session.id).to.equal(first.querySelector('session-row')!.session!.id);
    expect(event.bubbles && event.composed).to.equal(true);

    const ended = [...el.shadowRoot!.querySelectorAll('[aria-labelledby=recent] li')].find(
      (item) => item.querySelector('session-row')!.session!.id === sessions.endedChat.id,
    )!;
    const view = ended.querySelector<HTMLButtonElement>('[part~=resume]')!;
    expect(textOf(view)).to.equal('View');
    setTimeout(() => view.click());
    const opened = await oneEvent(el, 'session-open');
    expect(opened.detail.session.id).to.equal(sessions.endedChat.id);
  });

  it('moves a session between sections live', async () => {
    const { el, main } = await center();
    main().push({
      ...sessions.runningFlow,
      status: 'completed',
      updatedAt: minutesAgo(0),
      version: 99,
    });
    await el.updateComplete;
    expect(titlesIn(el, 'active-now')).not.to.include('Full SDLC');
    expect(titlesIn(el, 'recent')[0]).to.equal('Full SDLC');
    main().push(
      makeSession({
        id: 'ses_new00001',
        kind: 'task',
        status: 'running',
        title: 'Fresh task',
        updatedAt: minutesAgo(0),
      }),
    );
    await el.updateComplete;
    expect(titlesIn(el, 'active-now')).to.include('Fresh task');
  });

  it('shows loading, empty and error-with-retry states', async () => {
    const { el, factory, main } = await center([]);
    expect(textOf(q(el, '[aria-labelledby=needs-you]'))).to.include('Nothing needs you right now.');
    expect(textOf(q(el, '[aria-labelledby=active-now]'))).to.include('Nothing is running right now.');
    expect(textOf(q(el, '[aria-labelledby=recent]'))).to.include('Nothing finished in the last 24 hours.');
    await expect(el).to.be.accessible();
    main().set({ loaded: false, state: { status: 'connecting' } });
    await el.updateComplete;
    expect(q(el, '.skeleton')).not.to.equal(null);
    main().set({ state: { status: 'offline', error: new Error('503 Service Unavailable') } });
    await el.updateComplete;
    const error = q(el, '[part~=error]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(textOf(error)).to.include('503 Service Unavailable');
    await expect(el).to.be.accessible();
    const before = factory.stores.length;
    error.querySelector<HTMLButtonElement>('button')!.click();
    // The panel's store starts over; the reviews store, loaded, refetches.
    expect(factory.stores.length).to.equal(before + 1);
  });

  it("lists the caller's own work by default, and the team's after the switch", async () => {
    const { el, factory } = await center(Object.values(sessions), { mode: 'mine' });
    expect(el.mode).to.equal('mine');
    // The admin of the fixtures is Sarah: Tom's queued task is not hers.
    expect(titlesIn(el, 'active-now')).to.include('Full SDLC');
    expect(titlesIn(el, 'active-now')).not.to.include('Backfill search index');
    expect(factory.stores.some((store) => store.filters.owner?.[0] === 'mem_sarah')).to.equal(true);
    const [mine, team] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=mode] button')];
    expect(mine!.getAttribute('aria-pressed')).to.equal('true');
    team!.click();
    await el.updateComplete;
    expect(el.mode).to.equal('team');
    expect(team!.getAttribute('aria-pressed')).to.equal('true');
    expect(titlesIn(el, 'active-now')).to.include('Backfill search index');
    await expect(el).to.be.accessible();
  });

  it('waits for the identity before listing Mine', async () => {
    const { el, factory } = await center(Object.values(sessions), {
      mode: 'mine',
      identity: { status: 'loading', me: undefined, scopes: new Set() },
    });
    expect(factory.stores).to.have.length(0);
    expect(q(el, '[aria-busy=true]')).not.to.equal(null);
  });

  it('puts reviews, paused flows and waiting tasks in Needs you first, and reports the count', async () => {
    const paused = makeSession({
      id: 'ses_paused001',
      kind: 'flow',
      status: 'paused',
      title: 'Paused at checkpoint',
    });
    const waiting = makeSession({
      id: 'ses_waiting01',
      kind: 'task',
      status: 'waiting',
      title: 'Waiting for input',
    });
    const othersPaused = makeSession({
      id: 'ses_paused002',
      kind: 'flow',
      status: 'paused',
      title: 'Someone else paused',
      owner: { id: 'mem_tom', name: 'Tom Asare' },
    });
    const counts: number[] = [];
    const listen = (event: Event) => counts.push((event as CustomEvent<{ count: number }>).detail.count);
    document.addEventListener('command-center-count', listen);
    try {
      const { el, main } = await center([...Object.values(sessions), paused, waiting, othersPaused]);
      await el.updateComplete;
      const needs = titlesIn(el, 'needs-you');
      expect(needs).to.have.members([
        sessions.reviewAssessment.title,
        'Paused at checkpoint',
        'Waiting for input',
      ]);
      expect(titlesIn(el, 'active-now')).not.to.include('Paused at checkpoint');
      expect(titlesIn(el, 'active-now')).to.include('Someone else paused');
      expect(el.count).to.equal(3);
      expect(counts.at(-1)).to.equal(3);
      const sectionsInOrder = [...el.shadowRoot!.querySelectorAll('section')].map((section) =>
        section.getAttribute('aria-labelledby'),
      );
      expect(sectionsInOrder).to.deep.equal(['needs-you', 'active-now', 'recent']);
      const review = [...el.shadowRoot!.querySelectorAll('[aria-labelledby=needs-you] li')]
        .find((li) => li.querySelector('session-row')!.session!.id === sessions.reviewAssessment.id)!
        .querySelector<HTMLButtonElement>('[part~=resume]')!;
      expect(textOf(review)).to.equal('Review');
      setTimeout(() => review.click());
      expect((await oneEvent(el, 'session-open')).detail.session.id).to.equal(sessions.reviewAssessment.id);
      main().push({ ...waiting, status: 'running', version: waiting.version + 1 });
      await el.updateComplete;
      expect(el.count).to.equal(2);
      expect(counts.at(-1)).to.equal(2);
      await expect(el).to.be.accessible();
    } finally {
      document.removeEventListener('command-center-count', listen);
    }
  });

  it('shows no reviews to a caller who may not review', async () => {
    const { el, factory } = await center(Object.values(sessions), {
      identity: identityFromMe(identities.member),
    });
    expect(factory.stores.every((store) => !store.filters.status)).to.equal(true);
    expect(titlesIn(el, 'needs-you')).not.to.include(sessions.reviewAssessment.title);
  });
});
