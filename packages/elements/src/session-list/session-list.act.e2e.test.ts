/// <reference types="mocha" />
/**
 * E15 against the REAL reference server (test/real-server-plugin.js): select a range with Shift,
 * bulk Cancel with the outcome and the rows updated live; Export of what the list shows; the
 * keyboard shortcuts, none of which fires while typing in the search box; the act bar within a
 * 375 px wide screen (E16).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../define.js';
import type { SessionList } from './session-list.js';
import type { SessionRow } from '../session-row/session-row.js';
import { api, realServer, startSession } from '../test/real-server.js';
import { textOf } from '../test/mount.js';

window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
});

const q = <T extends Element = HTMLElement>(root: Element, selector: string) =>
  root.shadowRoot!.querySelector<T>(selector);
const rowsOf = (list: SessionList) => [...list.shadowRoot!.querySelectorAll<SessionRow>('session-row')];
const checkboxOf = (list: SessionList, id: string) =>
  rowsOf(list)
    .find((row) => row.session?.id === id)!
    .closest('[role=listitem]')!
    .querySelector<HTMLInputElement>('input[type=checkbox]')!;

async function click(element: Element, shift = false): Promise<void> {
  const box = element.getBoundingClientRect();
  if (shift) await sendKeys({ down: 'Shift' });
  await sendMouse({
    type: 'click',
    position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
  });
  if (shift) await sendKeys({ up: 'Shift' });
}

/** A list narrowed by search to the sessions titled with `word`, once it shows `count` rows. */
async function listOf(word: string, count: number, attributes = { selectable: true, exportable: true }) {
  const { baseUrl, tokens } = await realServer();
  const provider = await fixture<HTMLElement>(
    html`<session-lens-provider base-url=${baseUrl} token=${tokens.admin}>
      <session-list
        search
        ?selectable=${attributes.selectable}
        ?exportable=${attributes.exportable}
        .query=${word}
      ></session-list>
    </session-lens-provider>`,
  );
  const list = provider.querySelector('session-list')!;
  await waitUntil(
    () => list.store?.state.status === 'live' && rowsOf(list).length === count,
    `${count} rows`,
    {
      timeout: 15_000,
    },
  );
  return list;
}

/** Sessions a test started: settled after it, so later suites see the server as they expect. */
const started: { chats: string[]; tasks: string[] } = { chats: [], tasks: [] };

async function sessionsTitled(word: string) {
  const chat = await startSession({ kind: 'chat', title: `${word} chat` });
  const tasks = [];
  for (const n of [1, 2, 3]) tasks.push(await startSession({ kind: 'task', title: `${word} task ${n}` }));
  started.chats.push(chat.id);
  started.tasks.push(...tasks.map((task) => task.id));
  return { chat, tasks };
}

describe('session-list act (E15) on the real server', function () {
  this.timeout(60_000);

  before(async () => {
    await realServer();
  });
  afterEach(async () => {
    await resetMouse();
  });
  after(async () => {
    const { tokens } = await realServer();
    for (const [action, ids] of [
      ['cancel', started.tasks],
      ['end', started.chats],
    ] as const) {
      if (ids.length > 0) await api(tokens.admin, 'POST', '/v1/sessions/bulk', { action, ids });
    }
  });

  it('selects a range with Shift, cancels it in bulk, lists the refusal, and the rows update live', async () => {
    const word = `bulk${Date.now()}`;
    const { chat, tasks } = await sessionsTitled(word);
    const list = await listOf(word, 4);
    await waitUntil(() => checkboxOf(list, chat.id), 'checkboxes');
    const order = rowsOf(list).map((row) => row.session!.id);
    await click(checkboxOf(list, order[0]!));
    await click(checkboxOf(list, order[3]!), true);
    await list.updateComplete;
    expect([...list.selectedIds].sort()).to.deep.equal([...order].sort());
    expect(
      rowsOf(list).every((row) => row.closest('[role=listitem]')!.querySelector('input')!.checked),
    ).to.equal(true);
    expect(textOf(q(list, '[part~=bulk-count]'))).to.equal('4 sessions selected');
    await expect(list).to.be.accessible();

    const cancel = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=bulk-action]')].find(
      (button) => textOf(button) === 'Cancel',
    )!;
    cancel.click();
    await list.updateComplete;
    expect(textOf(q(list, '[part~=bulk-confirm]'))).to.include('Cancel: 4 sessions?');
    // The person acted: focus moves to Confirm.
    expect(list.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Confirm');
    await expect(list).to.be.accessible();
    q<HTMLButtonElement>(list, '[part~=bulk-confirm] button')!.click();

    await waitUntil(() => q(list, '[part~=bulk-outcome]'), 'the outcome', { timeout: 10_000 });
    expect(textOf(q(list, '[part~=bulk-outcome]'))).to.equal('3 done · 1 refused · 0 not found');
    const refusals = [...list.shadowRoot!.querySelectorAll('[part~=bulk-refusals] li')].map((li) =>
      textOf(li),
    );
    expect(refusals).to.have.length(1);
    expect(refusals[0]).to.include(`${word} chat`);
    await expect(list).to.be.accessible();
    // The rows change through the live store, as the server reports each cancel.
    await waitUntil(
      () =>
        tasks.every(
          (task) => rowsOf(list).find((row) => row.session?.id === task.id)?.session?.status === 'cancelled',
        ),
      'cancelled rows',
      { timeout: 5_000 },
    );
    expect(rowsOf(list).find((row) => row.session?.id === chat.id)!.session!.status).to.equal(chat.status);
    // The selection is held by id through the live updates.
    expect(list.selectedIds).to.have.length(4);
  });

  it('exports what the list shows as a downloaded CSV and JSON Lines file', async () => {
    const word = `export${Date.now()}`;
    await sessionsTitled(word);
    const list = await listOf(word, 4, { selectable: false, exportable: true });
    const files: Blob[] = [];
    const names: string[] = [];
    const create = URL.createObjectURL;
    const clickLink = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => (files.push(blob), create.call(URL, blob));
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      await waitUntil(() => q(list, '[part~=export]'), 'Export');
      q<HTMLButtonElement>(list, '[part~=export]')!.click();
      await waitUntil(() => names.length === 1, 'a download', { timeout: 10_000 });
      const shown = rowsOf(list).map((row) => row.session!.id);
      const [header, ...records] = (await files[0]!.text()).trimEnd().split('\r\n');
      expect(header!.startsWith('id,kind,title,status')).to.equal(true);
      expect(records.map((record) => record.slice(0, record.indexOf(',')))).to.deep.equal(shown);
      expect(names[0]).to.match(/^sessions-\d{4}-\d{2}-\d{2}\.csv$/);
      await list.updateComplete;
      expect(textOf(q(list, '[part~=export-progress]'))).to.equal('Exported 4 rows');

      const format = q<HTMLSelectElement>(list, '[part~=export-format]')!;
      format.value = 'jsonl';
      format.dispatchEvent(new Event('change'));
      q<HTMLButtonElement>(list, '[part~=export]')!.click();
      await waitUntil(() => names.length === 2, 'a second download', { timeout: 10_000 });
      const lines = (await files[1]!.text()).trimEnd().split('\n');
      expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).to.deep.equal(shown);
      expect(names[1]).to.match(/\.jsonl$/);
      await expect(list).to.be.accessible();
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = clickLink;
    }
  });

  it('answers each shortcut inside the list, and none while typing in the search box', async () => {
    const word = `keys${Date.now()}`;
    await sessionsTitled(word);
    const list = await listOf(word, 4);
    const opened: string[] = [];
    list.addEventListener('session-open', (event) => opened.push(event.detail.session.id));
    const rows = () => rowsOf(list);
    const focusedIndex = () => rows().findIndex((row) => list.shadowRoot!.activeElement === row);
    rows()[0]!.focus();

    await sendKeys({ press: 'j' });
    await waitUntil(() => focusedIndex() === 1, 'j moves down');
    await sendKeys({ press: 'j' });
    await waitUntil(() => focusedIndex() === 2, 'j again');
    await sendKeys({ press: 'k' });
    await waitUntil(() => focusedIndex() === 1, 'k moves up');

    await sendKeys({ press: 'x' });
    await list.updateComplete;
    expect(list.selectedIds).to.deep.equal([rows()[1]!.session!.id]);
    await sendKeys({ press: 'j' });
    await waitUntil(() => focusedIndex() === 2, 'j');
    await sendKeys({ press: 'j' });
    await waitUntil(() => focusedIndex() === 3, 'j');
    await sendKeys({ press: 'x' });
    await list.updateComplete;
    expect(list.selectedIds).to.deep.equal([1, 3].map((i) => rows()[i]!.session!.id));

    await sendKeys({ press: 'o' });
    expect(opened).to.deep.equal([rows()[3]!.session!.id]);
    await sendKeys({ press: 'Enter' });
    expect(opened).to.have.length(2);

    await sendKeys({ press: '?' });
    await waitUntil(() => q<HTMLDialogElement>(list, 'dialog')?.open, 'help');
    const help = q(list, 'dialog');
    expect(textOf(help)).to.include('Keyboard shortcuts');
    expect(textOf(help)).to.include('j / k');
    await expect(list).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !q<HTMLDialogElement>(list, 'dialog')!.open, 'help closed');

    await sendKeys({ press: 'f' });
    const facet = q(list, 'session-owner-facet')!;
    await waitUntil(
      () => q(facet, '[part~=filter]')?.getAttribute('aria-expanded') === 'true',
      'f opens the facet',
    );
    await sendKeys({ press: 'Escape' });

    rows()[0]!.focus();
    await sendKeys({ press: '/' });
    const search = q<HTMLInputElement>(list, '[part~=search]')!;
    expect(list.shadowRoot!.activeElement).to.equal(search);
    // Typed into the search box, every shortcut key is text.
    const before = [...list.selectedIds];
    await sendKeys({ type: ' jkxo?/f' });
    expect(search.value).to.equal(`${word} jkxo?/f`);
    expect(list.shadowRoot!.activeElement).to.equal(search);
    expect(list.selectedIds).to.deep.equal(before);
    expect(q<HTMLDialogElement>(list, 'dialog')!.open).to.equal(false);
    expect(opened).to.have.length(2);
  });

  it('keeps the act bar inside a 375 px wide screen, through the bulk steps', async () => {
    await setViewport({ width: 375, height: 800 });
    try {
      const word = `narrow${Date.now()}`;
      await sessionsTitled(word);
      const list = await listOf(word, 4);
      list.toggleAttribute('time-range', true);
      list.toggleAttribute('status-filter', true);
      await waitUntil(() => q(list, '[part~=select-all]') && q(list, '[part~=export]'), 'the act bar');
      const base = q(list, '[part~=base]')!;
      /** Every box of the toolbar and the act bar ends inside the list, and nothing scrolls sideways. */
      const overflow = () => {
        const right = base.getBoundingClientRect().right + 0.5;
        // The kind tabs scroll inside their own tab list (by design); every other box must fit.
        const boxes = [
          ...list.shadowRoot!.querySelectorAll(
            '[part~=toolbar] > *, .controls *, [part~=act-bar], [part~=act-bar] *',
          ),
        ];
        return {
          page: document.documentElement.scrollWidth > 375,
          list: base.scrollWidth > base.clientWidth,
          bar: q(list, '[part~=act-bar]')!.scrollWidth > q(list, '[part~=act-bar]')!.clientWidth,
          outside: boxes
            .filter((box) => box.getBoundingClientRect().right > right)
            .map((box) => `${box.localName}[part=${box.getAttribute('part') ?? ''}]`),
        };
      };
      const none = { page: false, list: false, bar: false, outside: [] };
      expect(list.getBoundingClientRect().width).to.be.at.most(375);
      expect(overflow()).to.deep.equal(none);
      // Everything selected: the count, Cancel and End join the bar.
      q<HTMLInputElement>(list, '[part~=select-all]')!.click();
      await waitUntil(
        () => list.shadowRoot!.querySelectorAll('[part~=bulk-action]').length === 2,
        'Cancel and End',
      );
      expect(overflow()).to.deep.equal(none);
      q<HTMLButtonElement>(list, '[part~=bulk-action]')!.click();
      await waitUntil(() => q(list, '[part~=bulk-confirm]'), 'the confirmation');
      expect(overflow()).to.deep.equal(none);
      list.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=bulk-confirm] button')[1]!.click();
      await list.updateComplete;
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('never answers a key pressed outside the list', async () => {
    const word = `outside${Date.now()}`;
    await sessionsTitled(word);
    const list = await listOf(word, 4);
    const button = document.createElement('button');
    button.textContent = 'outside';
    document.body.append(button);
    button.focus();
    await sendKeys({ press: 'x' });
    await sendKeys({ press: '?' });
    await sendKeys({ press: '/' });
    expect(list.selectedIds).to.deep.equal([]);
    expect(q(list, 'dialog')).to.equal(null);
    expect(document.activeElement).to.equal(button);
    button.remove();
  });
});
