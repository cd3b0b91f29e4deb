/// <reference types="mocha" />
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import type { Session } from '@session-lens/sdk';
import type { SessionAccess } from './session-access.js';
import { identityFromMe } from '../context/lens-context.js';
import { apiError, fakeClient } from '../test/fake-client.js';
import { groups, identities, makeSession, members } from '../test/fixtures.js';
import { mount, textOf } from '../test/mount.js';

const restricted: Session = makeSession({
  id: 'ses_restr001',
  kind: 'task',
  status: 'running',
  title: 'Rotate the keys',
  visibility: { type: 'list', members: ['mem_tom'], groups: ['grp_eng'] },
});

async function access(options: { admin?: boolean; refuse?: unknown; session?: Session } = {}) {
  const session = options.session ?? restricted;
  const client = fakeClient({
    sessions: [session],
    members,
    groups,
    ...(options.refuse ? { refuse: { setVisibility: options.refuse } } : {}),
  });
  const mounted = await mount<SessionAccess>(html`<session-access .session=${session}></session-access>`, {
    client,
    identity: identityFromMe(options.admin === false ? identities.member : identities.admin),
  });
  const { el } = mounted;
  const $ = <T extends HTMLElement = HTMLElement>(selector: string) =>
    el.shadowRoot!.querySelector<T>(selector);
  const button = (text: string) =>
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => textOf(candidate) === text,
    );
  await waitUntil(() => textOf($('.who')).includes('Tom Asare'), 'names resolved');
  /** Opens the dialog from Manage access, as a user does (focus, then click). */
  const openDialog = async () => {
    const manage = $<HTMLButtonElement>('[part~=manage-access]')!;
    manage.focus();
    manage.click();
    await mounted.el.updateComplete;
    const dialog = $<HTMLDialogElement>('dialog')!;
    expect(dialog.open).to.equal(true);
    return { manage, dialog };
  };
  return { ...mounted, client, $, button, openDialog };
}

/** The element focus is in, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('session-access', () => {
  it('says who can see the session, and offers no Manage access without sessions:admin', async () => {
    const { el, $ } = await access({ admin: false });
    expect(textOf($('.who'))).to.equal('Tom Asare, Engineering (group)');
    expect($('[part~=manage-access]')).to.equal(null);
    expect($('dialog')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('lets an admin add a member, remove a group and save, as a modal dialog', async () => {
    const { el, $, button, client, openDialog } = await access();
    const { manage, dialog } = await openDialog();
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.contains(deepActive())).to.equal(true);
    await expect(el).to.be.accessible();

    const search = $<HTMLInputElement>('#search')!;
    search.value = 'pri';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(textOf($('ul[aria-label]'))).to.include('Priya Patel');
    expect(textOf($('ul[aria-label]'))).not.to.include('Marcus');
    button('Add')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>('[aria-label="Remove Engineering (group)"]')!.click();
    await el.updateComplete;
    expect(textOf($('ul[aria-labelledby=granted]'))).to.equal('Tom Asare Remove Priya Patel Remove');

    setTimeout(() => button('Save')!.click());
    const changed = await oneEvent(el, 'session-visibility-change');
    expect(changed.detail.visibility).to.deep.equal({
      type: 'list',
      members: ['mem_tom', 'mem_priya'],
      groups: [],
    });
    expect(client.calls.at(-1)).to.deep.equal({ method: 'sessions.setVisibility', id: restricted.id });
    await el.updateComplete;
    await waitUntil(() => !dialog.open, 'dialog closed');
    expect(deepActive()).to.equal(manage);
    // No live store around it here: it shows the server's answer.
    expect(textOf($('.who'))).to.equal('Tom Asare, Priya Patel');
  });

  it('turns workspace-wide visibility on and saves it', async () => {
    const { el, $, button, client } = await access();
    $<HTMLButtonElement>('[part~=manage-access]')!.click();
    await el.updateComplete;
    const everyone = $<HTMLInputElement>('input[type=checkbox]')!;
    expect(everyone.checked).to.equal(false);
    everyone.click();
    await el.updateComplete;
    expect($('#search')).to.equal(null);
    setTimeout(() => button('Save')!.click());
    const changed = await oneEvent(el, 'session-visibility-change');
    expect(changed.detail.visibility).to.deep.equal({ type: 'workspace' });
    expect(client.calls.some((call) => call.method === 'sessions.setVisibility')).to.equal(true);
    await el.updateComplete;
    expect(textOf($('.who'))).to.equal('Everyone in the workspace');
  });

  it('shows a refusal, a 409 as a conflict, and keeps the dialog open', async () => {
    const { el, $, button } = await access({ refuse: apiError(409, 'The visibility changed meanwhile.') });
    $<HTMLButtonElement>('[part~=manage-access]')!.click();
    await el.updateComplete;
    button('Save')!.click();
    await waitUntil(() => $('[part~=access-error]'), 'refusal shown');
    const error = $('[part~=access-error]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(textOf(error)).to.include('Access to this session changed while you were editing.');
    expect(textOf(error)).to.include('The visibility changed meanwhile.');
    expect($<HTMLDialogElement>('dialog')!.open).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('closes on Escape and returns focus to Manage access', async () => {
    const { el, $, openDialog } = await access();
    const { manage, dialog } = await openDialog();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'closed');
    await el.updateComplete;
    expect(deepActive()).to.equal(manage);
    expect($('#search')).to.equal(null);
  });
});
