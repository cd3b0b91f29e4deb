/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { announce, announcement } from './announcer.js';

const many = (count: number) => `${count} sessions changed status.`;

describe('announcer', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_000_000 });
  });
  afterEach(() => clock.restore());

  it('reads a few messages of one window together, politely', async () => {
    announce('Deploy: Completed.', many);
    announce('Audit: Failed.', many);
    await clock.tickAsync(2_500);
    expect(announcement()).to.equal('Deploy: Completed. Audit: Failed.');
    const region = document.querySelector('[data-session-lens-announcer]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
  });

  it('sums up a long burst of status changes, and reads other messages beside the sum', async () => {
    await clock.tickAsync(3_000);
    for (const title of ['A', 'B', 'C', 'D']) announce(`${title}: Completed.`, many);
    announce('12 sessions found.');
    await clock.tickAsync(2_500);
    expect(announcement()).to.equal('4 sessions changed status. 12 sessions found.');
  });

  it('never counts other messages as status changes', async () => {
    await clock.tickAsync(3_000);
    for (const count of [1, 2, 3, 4]) announce(`${count} new entries.`);
    await clock.tickAsync(2_500);
    expect(announcement()).to.equal('1 new entries. 2 new entries. 3 new entries. 4 new entries.');
  });
});
