import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { LensClient, SessionList } from '@session-lens/elements';
import type { BulkRequest, BulkResult } from '@session-lens/sdk';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { fakeClient, sessions } from './support/fixtures.js';
import { allSessions, defaultData, inShadow, lens, shadow, storeFactory } from './support/lens.js';

/** What a story's bulk call answers: a result, or never (the progress). */
type Args = { bulk: 'refuse-chat' | 'hold' };

/** The fake client with `sessions.bulk`: cancels what is active, refuses the rest (or never answers). */
function clientWith(bulk: Args['bulk']): LensClient {
  const client = fakeClient(defaultData);
  const answer = async ({ action, ids = [] }: BulkRequest): Promise<BulkResult> => {
    if (bulk === 'hold') return new Promise<never>(() => undefined);
    const results = ids.map((id) => {
      const session = allSessions.find((each) => each.id === id);
      const refused = !session || session.kind === 'chat' || session.kind === 'assessment';
      return refused
        ? {
            id,
            status: 'refused' as const,
            problem: {
              type: 'about:blank',
              title: 'Conflict',
              status: 409,
              detail: `A ${session?.kind ?? 'session'} cannot be ${action === 'cancel' ? 'cancelled' : 'ended'}.`,
            },
          }
        : { id, status: 'done' as const };
    });
    const done = results.filter((result) => result.status === 'done').length;
    return { results, done, refused: results.length - done, unknown: 0, nextCursor: null };
  };
  return { ...client, sessions: { ...client.sessions, bulk: answer } };
}

const meta = {
  title: 'Elements/session-list/Act',
  component: 'session-list',
  args: { bulk: 'refuse-chat' },
  argTypes: { bulk: { control: false } },
  render: ({ bulk }) =>
    lens(
      html`<session-list
        selectable
        exportable
        search
        .storeFactory=${storeFactory(allSessions)}
      ></session-list>`,
      {
        client: clientWith(bulk),
      },
    ),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

const list = (canvas: HTMLElement) => canvas.querySelector('session-list') as SessionList;
const checkboxes = (canvas: HTMLElement) => [
  ...shadow(list(canvas)).querySelectorAll<HTMLInputElement>('[part~=select] input'),
];
const checkboxFor = (canvas: HTMLElement, id: string) =>
  [...shadow(list(canvas)).querySelectorAll('session-row')]
    .find((row) => row.session?.id === id)!
    .closest('[role=listitem]')!
    .querySelector('input')!;
const part = (canvas: HTMLElement, name: string) => inShadow(list(canvas), `[part~=${name}]`);

/** Clicks the first checkbox, then Shift+clicks the third: three rows selected. */
async function selectThree(canvas: HTMLElement): Promise<void> {
  await waitFor(() => expect(checkboxes(canvas).length).toBeGreaterThan(3));
  await userEvent.click(checkboxes(canvas)[0]!);
  // Shift+click: a click carrying the Shift key.
  checkboxes(canvas)[2]!.dispatchEvent(new MouseEvent('click', { bubbles: true, shiftKey: true }));
  await waitFor(() => expect(list(canvas).selectedIds).toHaveLength(3));
}

/** A checkbox per row, Shift+click for a range, "Select all N matching" and the bulk bar. */
export const Selection: Story = {
  play: async ({ canvasElement }) => {
    await selectThree(canvasElement);
    await expect(part(canvasElement, 'bulk-count')?.textContent).toContain('3 sessions selected');
    await expect(part(canvasElement, 'bulk-action')).toBeTruthy();
  },
};

/** Cancel asked for: the confirmation step. */
export const BulkConfirm: Story = {
  play: async ({ canvasElement }) => {
    await selectThree(canvasElement);
    await userEvent.click(part(canvasElement, 'bulk-action')!);
    await waitFor(() => expect(part(canvasElement, 'bulk-confirm')?.textContent).toContain('3 sessions?'));
  },
};

/** Confirmed: the calls run (this one never answers), with progress. */
export const BulkProgress: Story = {
  args: { bulk: 'hold' },
  play: async ({ canvasElement }) => {
    await selectThree(canvasElement);
    await userEvent.click(part(canvasElement, 'bulk-action')!);
    await userEvent.click(inShadow(list(canvasElement), '[part~=bulk-confirm] button')!);
    await waitFor(() => expect(part(canvasElement, 'bulk-progress')).toBeTruthy());
  },
};

/** Done: how many were done and refused, each refused session listed with why. */
export const BulkOutcomeWithRefusals: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(checkboxes(canvasElement).length).toBeGreaterThan(3));
    for (const id of [sessions.openChat.id, sessions.runningFlow.id]) {
      await userEvent.click(checkboxFor(canvasElement, id));
    }
    await userEvent.click(part(canvasElement, 'bulk-action')!);
    await userEvent.click(inShadow(list(canvasElement), '[part~=bulk-confirm] button')!);
    await waitFor(() => expect(part(canvasElement, 'bulk-outcome')?.textContent).toContain('1 refused'));
    await expect(part(canvasElement, 'bulk-refusals')?.textContent).toContain('cannot be cancelled');
  },
};

/** `?` inside the list: the shortcut help. */
export const ShortcutHelp: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(list(canvasElement)).querySelector('session-row')).toBeTruthy());
    shadow(list(canvasElement)).querySelector<HTMLElement>('session-row')!.focus();
    await userEvent.keyboard('?');
    await waitFor(() => expect(inShadow<HTMLDialogElement>(list(canvasElement), 'dialog')?.open).toBe(true));
    await expect(inShadow(list(canvasElement), 'dialog')?.textContent).toContain('Keyboard shortcuts');
  },
};
