import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { TranscriptEntry, type Session } from '@session-lens/sdk';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { NOW, hostile, sessions } from './support/fixtures.js';
import { lens, shadow } from './support/lens.js';

type Args = { before: string | null; after: string | null; path: string; view?: 'unified' | 'split' };

const lines = (count: number, label = 'line') =>
  Array.from({ length: count }, (_, index) => `${label} ${index + 1}`).join('\n') + '\n';

const before = [
  "import { createClient } from './payments/v1.js';",
  '',
  'const retries = 3;',
  'const timeoutMs = 10_000;',
  '',
  'export async function capture(orderId: string, amount: number) {',
  '  const client = createClient({ retries, timeoutMs });',
  '  return client.capture({ orderId, amount });',
  '}',
  '',
].join('\n');
const after = before
  .replace('v1.js', 'v2.js')
  .replace('const retries = 3;', 'const retries = Number(process.env.RETRIES ?? 5);')
  .replace('amount: number', 'amountMinor: number')
  .replace('{ orderId, amount }', "{ orderId, amount: amountMinor, currency: 'EUR' }");

const session: Session = { ...sessions.runningFlow, cost: undefined } as Session;

/**
 * A file edit of a transcript as `<session-detail>` shows it: a line diff computed with the `diff`
 * package (`<session-file-diff>`), unified or split, with line numbers, word-level highlights and
 * unchanged runs collapsed. Parts `diff`, `diff-line-added` and `diff-line-removed` are styled
 * through the detail.
 */
const meta = {
  title: 'Elements/session-file-diff',
  component: 'session-file-diff',
  args: { before, after, path: 'src/checkout/api.ts' },
  argTypes: { view: { control: 'inline-radio', options: ['unified', 'split'] } },
  render: ({ before, after, path }) => {
    const entry = TranscriptEntry.parse({
      seq: 1,
      at: new Date(NOW - 60_000).toISOString(),
      type: 'file_edit',
      path,
      before,
      after,
    });
    return lens(html`<session-detail .session=${session} .transcript=${[entry]}></session-detail>`);
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** The diff element inside the detail, once it rendered its lines. */
async function diffOf(canvas: HTMLElement): Promise<HTMLElement & { view: string }> {
  let found: (HTMLElement & { view: string }) | null = null;
  await waitFor(() => {
    found = shadow(canvas.querySelector('session-detail')).querySelector('session-file-diff');
    expect(found?.shadowRoot?.querySelector('[part~=diff]')).toBeTruthy();
  });
  return found as unknown as HTMLElement & { view: string };
}
const partsIn = (diff: HTMLElement, part: string) => [...shadow(diff).querySelectorAll(`[part~=${part}]`)];

/** An edit, unified: both line numbers, the changed words marked. */
export const Unified: Story = {
  play: async ({ canvasElement }) => {
    const diff = await diffOf(canvasElement);
    await expect(partsIn(diff, 'diff-line-added')).toHaveLength(4);
    await expect(partsIn(diff, 'diff-line-removed')).toHaveLength(4);
    await expect(shadow(diff).querySelectorAll('ins').length).toBeGreaterThan(0);
  },
};

/** The same edit, split: before on the left, after on the right. */
export const Split: Story = {
  play: async ({ canvasElement }) => {
    const diff = await diffOf(canvasElement);
    const split = [...shadow(diff).querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Split',
    )!;
    await userEvent.click(split);
    await waitFor(() => expect(diff.view).toBe('split'));
    await expect(shadow(diff).querySelectorAll('.row').length).toBeGreaterThan(0);
  },
};

/** A long file with one change: the unchanged runs are collapsed, and one is expanded. */
export const Collapsed: Story = {
  args: { before: lines(60), after: lines(60).replace('line 30\n', 'line thirty\n'), path: 'notes.txt' },
  play: async ({ canvasElement }) => {
    const diff = await diffOf(canvasElement);
    const expand = partsIn(diff, 'diff-expand') as HTMLButtonElement[];
    await expect(expand).toHaveLength(2);
    await userEvent.click(expand[0]!);
    await waitFor(() => expect(partsIn(diff, 'diff-expand')).toHaveLength(1));
  },
};

/** A created file: every line added. */
export const Created: Story = {
  args: {
    before: null,
    after: 'create table orders (\n  id text primary key\n);\n',
    path: 'migrations/0042.sql',
  },
  play: async ({ canvasElement }) => {
    const diff = await diffOf(canvasElement);
    await expect(partsIn(diff, 'diff-line-added')).toHaveLength(3);
  },
};

/** A deleted file: every line removed. */
export const Deleted: Story = {
  args: { before: "export const legacy = ['/step-1', '/step-2'];\n", after: null, path: 'src/routes.ts' },
  play: async ({ canvasElement }) => {
    const diff = await diffOf(canvasElement);
    await expect(partsIn(diff, 'diff-line-removed')).toHaveLength(1);
  },
};

/** A huge file is summarized until the reader asks for the diff. */
export const Huge: Story = {
  args: { before: lines(2500), after: lines(2500).replace('line 7\n', 'line seven\n'), path: 'data.csv' },
  play: async ({ canvasElement }) => {
    const diff = await diffOf(canvasElement);
    await expect(shadow(diff).textContent).toContain('Large file: 2500 lines before, 2500 after.');
    await userEvent.click(shadow(diff).querySelector<HTMLButtonElement>('.note button')!);
    await waitFor(() => expect(partsIn(diff, 'diff-line-added')).toHaveLength(1));
  },
};

/** Hostile file contents render as inert text. */
export const Hostile: Story = {
  args: { before: `${hostile.html}\n`, after: `${hostile.script}\n${hostile.rtl}\n`, path: hostile.rtl },
  play: async ({ canvasElement }) => {
    const diff = await diffOf(canvasElement);
    await expect(shadow(diff).querySelectorAll('img, script, b')).toHaveLength(0);
    await expect(partsIn(diff, 'diff-line-added')).toHaveLength(2);
  },
};

/** The light theme. */
export const Light: Story = {
  globals: { theme: 'light' },
  play: async ({ canvasElement }) => {
    await diffOf(canvasElement);
  },
};
