/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { DIFF_LIMITS, diffFile, isHugeEdit, splitRows } from './diff-model.js';
import '../define.js';
import type { FileDiff } from './file-diff.js';
import { hostile } from '../test/fixtures.js';

const lines = (count: number, label = 'line') =>
  Array.from({ length: count }, (_, index) => `${label} ${index + 1}`).join('\n') + '\n';

async function diff(oldText: string | null, newText: string | null): Promise<FileDiff> {
  const el = await fixture<FileDiff>(
    html`<session-file-diff path="src/a.ts" .oldText=${oldText} .newText=${newText}></session-file-diff>`,
  );
  await el.updateComplete;
  return el;
}

const parts = (el: FileDiff, part: string) => [...el.shadowRoot!.querySelectorAll(`[part~=${part}]`)];
const codeOf = (line: Element) => line.querySelector('.code')!.textContent;

describe('diff model', () => {
  it('numbers the lines of both sides and marks the words that changed', () => {
    const model = diffFile('a\nconst retries = 3;\nb\n', 'a\nconst retries = 5;\nb\nc\n')!;
    expect([model.added, model.removed]).to.deep.equal([2, 1]);
    const all = model.blocks.flatMap((block) => block.lines);
    expect(all.map((line) => [line.kind, line.old, line.new])).to.deep.equal([
      [' ', 1, 1],
      ['-', 2, undefined],
      ['+', undefined, 2],
      [' ', 3, 3],
      ['+', undefined, 4],
    ]);
    expect(all[1]!.words!.filter(([changed]) => changed).map(([, text]) => text)).to.deep.equal(['3']);
    expect(all[2]!.words!.filter(([changed]) => changed).map(([, text]) => text)).to.deep.equal(['5']);
    // A line with no counterpart gets no word marks.
    expect(all[4]!.words).to.equal(undefined);
  });

  it('collapses unchanged runs beyond the context, and pairs changed runs side by side', () => {
    const before = lines(40);
    const after = before.replace('line 20\n', 'line twenty\n');
    const model = diffFile(before, after)!;
    expect(model.blocks.map((block) => [block.collapsed, block.lines.length])).to.deep.equal([
      [true, 16],
      [false, 3 + 2 + 3],
      [true, 17],
    ]);
    const rows = splitRows(model.blocks[1]!.lines);
    expect(rows.map(([left, right]) => [left?.kind, right?.kind])).to.deep.equal([
      [' ', ' '],
      [' ', ' '],
      [' ', ' '],
      ['-', '+'],
      [' ', ' '],
      [' ', ' '],
      [' ', ' '],
    ]);
  });

  it('treats a created file as all added and a deleted one as all removed', () => {
    expect(diffFile(null, 'a\nb\n')).to.include({ added: 2, removed: 0 });
    expect(diffFile('a\nb\n', null)).to.include({ added: 0, removed: 2 });
    // Whatever its length: a created file is no search for differences.
    expect(diffFile(null, lines(DIFF_LIMITS.maxEdit * 2))).to.include({ added: DIFF_LIMITS.maxEdit * 2 });
  });

  it('summarizes an edit past the line or character guard, and gives up on files too far apart', () => {
    const half = DIFF_LIMITS.summaryLines / 2;
    expect(isHugeEdit(lines(half), lines(half))).to.equal(false);
    expect(isHugeEdit(lines(half), lines(half + 1))).to.equal(true);
    expect(isHugeEdit('x'.repeat(DIFF_LIMITS.summaryChars), '')).to.equal(false);
    expect(isHugeEdit('x'.repeat(DIFF_LIMITS.summaryChars + 1), '')).to.equal(true);
    const apart = DIFF_LIMITS.maxEdit / 2 + 1;
    expect(diffFile(lines(apart, 'old'), lines(apart, 'new'))).to.equal(undefined);
    expect(diffFile(lines(apart - 1, 'old'), lines(apart - 1, 'new'))).not.to.equal(undefined);
  });
});

describe('session-file-diff', () => {
  it('renders an edit as a unified diff with its parts, and as a split one', async () => {
    const el = await diff('a\nconst retries = 3;\nb\n', 'a\nconst retries = 5;\nb\n');
    expect(parts(el, 'diff')).to.have.length(1);
    expect(parts(el, 'diff-line-removed').map(codeOf)).to.deep.equal(['const retries = 3;']);
    expect(parts(el, 'diff-line-added').map(codeOf)).to.deep.equal(['const retries = 5;']);
    expect(el.shadowRoot!.querySelector('ins')!.textContent).to.equal('5');
    expect(el.shadowRoot!.querySelector('del')!.textContent).to.equal('3');
    await expect(el).to.be.accessible();

    const split = [...el.shadowRoot!.querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Split',
    )!;
    split.click();
    await el.updateComplete;
    expect(el.view).to.equal('split');
    expect(split.getAttribute('aria-pressed')).to.equal('true');
    const row = parts(el, 'diff-line-removed')[0]!.parentElement!;
    expect(row.classList.contains('row')).to.equal(true);
    expect(row.querySelector('[part~=diff-line-added]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('expands a collapsed run of unchanged lines', async () => {
    const before = lines(40);
    const el = await diff(before, before.replace('line 20\n', 'line twenty\n'));
    expect(parts(el, 'diff-line')).to.have.length(6);
    const expand = parts(el, 'diff-expand') as HTMLButtonElement[];
    expect(expand.map((button) => button.textContent!.trim())).to.deep.equal([
      'Show 16 unchanged lines',
      'Show 17 unchanged lines',
    ]);
    expand[0]!.click();
    await el.updateComplete;
    expect(parts(el, 'diff-line')).to.have.length(22);
    expect(parts(el, 'diff-expand')).to.have.length(1);
  });

  it("keeps the reader's choices in the state it is handed, one state per file", async () => {
    const before = lines(40);
    const el = await diff(before, before.replace('line 20\n', 'line twenty\n'));
    const first = {};
    el.state = first;
    await el.updateComplete;
    el.view = 'split';
    (parts(el, 'diff-expand')[0] as HTMLButtonElement).click();
    await el.updateComplete;
    expect(first).to.deep.include({ view: 'split', forced: false });
    // Another file's state on the same element (a reused row): none of the first one's choices.
    el.state = {};
    await el.updateComplete;
    expect(el.view).to.equal('unified');
    expect(parts(el, 'diff-expand')).to.have.length(2);
    el.state = first;
    await el.updateComplete;
    expect(el.view).to.equal('split');
    expect(parts(el, 'diff-expand')).to.have.length(1);
  });

  it('shows a created and a deleted file without the view switch', async () => {
    const created = await diff(null, 'new\nfile\n');
    expect(parts(created, 'diff-line-added')).to.have.length(2);
    expect(created.shadowRoot!.querySelector('[aria-pressed]')).to.equal(null);
    const deleted = await diff('old\n', null);
    expect(parts(deleted, 'diff-line-removed')).to.have.length(1);
    await expect(deleted).to.be.accessible();
  });

  it('summarizes a huge edit until asked', async () => {
    const half = DIFF_LIMITS.summaryLines / 2 + 1;
    const el = await diff(lines(half), lines(half).replace('line 7\n', 'line seven\n'));
    expect(parts(el, 'diff-line-removed')).to.have.length(0);
    expect(el.shadowRoot!.textContent).to.include(`Large file: ${half} lines before, ${half} after.`);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.note button')!.click();
    await el.updateComplete;
    expect(parts(el, 'diff-line-added')).to.have.length(1);
  });

  it('renders hostile file contents as inert text', async () => {
    const el = await diff(`${hostile.html}\n`, `${hostile.script}\n${hostile.rtl}\n`);
    const root = el.shadowRoot!;
    expect(root.querySelector('img, script, b')).to.equal(null);
    expect(parts(el, 'diff-line-removed').map(codeOf)).to.deep.equal([hostile.html]);
    expect(parts(el, 'diff-line-added').map(codeOf)).to.deep.equal([hostile.script, hostile.rtl]);
  });
});
