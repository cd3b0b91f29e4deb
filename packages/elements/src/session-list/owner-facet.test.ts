/// <reference types="mocha" />
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import type { SessionOwnerFacet } from './owner-facet.js';
import { apiError, fakeClient } from '../test/fake-client.js';
import { hostile, members } from '../test/fixtures.js';
import { mount, textOf } from '../test/mount.js';

const q = <T extends HTMLElement = HTMLElement>(el: SessionOwnerFacet, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const qa = <T extends HTMLElement = HTMLElement>(el: SessionOwnerFacet, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const names = (el: SessionOwnerFacet) => qa(el, '.members label').map((label) => textOf(label));
const button = (el: SessionOwnerFacet, label: string) =>
  qa(el, '.facet-actions button').find((b) => textOf(b) === label)!;

async function open(el: SessionOwnerFacet): Promise<void> {
  q(el, '[part~=filter]')!.click();
  await el.updateComplete;
}

describe('session-owner-facet', () => {
  it('offers a searchable checklist of every member and reports Apply and Clear', async () => {
    const { el } = await mount<SessionOwnerFacet>(
      html`<session-owner-facet .members=${members} .owners=${['mem_tom']}></session-owner-facet>`,
    );
    await open(el);
    expect(q(el, '[part~=filter]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(names(el)).to.deep.equal(['SC Sarah Chen', 'PP Priya Patel', 'TA Tom Asare', 'MW Marcus Webb']);
    expect(qa<HTMLInputElement>(el, '.members input').map((box) => box.checked)).to.deep.equal([
      false,
      false,
      true,
      false,
    ]);
    await expect(el).to.be.accessible();
    const search = q<HTMLInputElement>(el, '.facet input[type=search]')!;
    expect(el.shadowRoot!.activeElement).to.equal(search);
    search.value = 'pri';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['PP Priya Patel']);
    q<HTMLInputElement>(el, '.members input')!.click();
    search.value = 'nobody';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(textOf(q(el, '.members'))).to.equal('No member matches.');

    const applied = oneEvent(el, 'session-owners-change');
    button(el, 'Apply').click();
    expect((await applied).detail.owners).to.deep.equal(['mem_tom', 'mem_priya']);
    await el.updateComplete;
    expect(q(el, '.facet')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '[part~=filter]'));
    // It reports the choice; the selection shown is still the one it was given.
    expect(el.owners).to.deep.equal(['mem_tom']);

    await open(el);
    const cleared = oneEvent(el, 'session-owners-change');
    button(el, 'Clear').click();
    expect((await cleared).detail.owners).to.deep.equal([]);
  });

  it('counts the selected owners on its button', async () => {
    const { el } = await mount<SessionOwnerFacet>(
      html`<session-owner-facet
        .members=${members}
        .owners=${['mem_tom', 'mem_priya']}
      ></session-owner-facet>`,
    );
    expect(textOf(q(el, '[part~=filter]'))).to.equal('Filter , owners selected: 2');
  });

  it('loads the members through the client when not given, and closes on Escape', async () => {
    const client = fakeClient({ members });
    const { el } = await mount<SessionOwnerFacet>(html`<session-owner-facet></session-owner-facet>`, {
      client,
    });
    await open(el);
    await waitUntil(() => names(el).length === 4, 'members listed');
    expect(client.calls.filter((call) => call.method === 'members.list').length).to.equal(1);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(q(el, '.facet')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '[part~=filter]'));
  });

  it('shares one members request per client between facets', async () => {
    const client = fakeClient({ members });
    const { wrapper } = await mount<SessionOwnerFacet>(
      html`<session-owner-facet></session-owner-facet><session-owner-facet></session-owner-facet>`,
      { client },
    );
    const facets = [...wrapper.querySelectorAll('session-owner-facet')];
    for (const facet of facets) await open(facet);
    await waitUntil(() => facets.every((facet) => names(facet).length === 4), 'members listed twice');
    expect(client.calls.filter((call) => call.method === 'members.list').length).to.equal(1);
  });

  it('says why the members could not be loaded, and asks again on the next open', async () => {
    const client = fakeClient({ members });
    const list = client.members.list;
    client.members.list = () => Promise.reject(apiError(503, 'Members are down'));
    const { el } = await mount<SessionOwnerFacet>(html`<session-owner-facet></session-owner-facet>`, {
      client,
    });
    await open(el);
    await waitUntil(() => q(el, '[role=alert]') !== null, 'failure shown');
    expect(textOf(q(el, '[role=alert]'))).to.equal('Members could not be loaded: Members are down');
    client.members.list = list;
    await open(el);
    await open(el);
    await waitUntil(() => names(el).length === 4, 'members listed');
  });

  it('renders hostile member names inert', async () => {
    const { el } = await mount<SessionOwnerFacet>(
      html`<session-owner-facet
        .members=${[{ id: 'm', name: hostile.html, groups: [] }]}
      ></session-owner-facet>`,
    );
    await open(el);
    expect(el.shadowRoot!.querySelectorAll('img, b').length).to.equal(0);
    expect(textOf(q(el, '.members'))).to.include('<img');
  });
});
