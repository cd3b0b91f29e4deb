import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Me, Session } from '@session-lens/sdk';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import {
  apiError,
  groups,
  identities,
  makeSession,
  members,
  type FakeClientData,
} from './support/fixtures.js';
import { inShadow, lens, shadow } from './support/lens.js';

type Args = { session: Session; me?: Me; data?: Partial<FakeClientData> };

const restricted = makeSession({
  id: 'ses_restr001',
  kind: 'task',
  status: 'running',
  title: 'Rotate the staging keys',
  visibility: { type: 'list', members: ['mem_tom'], groups: ['grp_eng'] },
});

/**
 * Who can see a session, as `<session-detail>` shows it, and the Manage access dialog a caller
 * holding `sessions:admin` opens from it (members and groups from `/v1/members`).
 */
const meta = {
  title: 'Elements/session-access',
  component: 'session-access',
  args: { session: restricted },
  argTypes: { session: { control: false }, me: { control: false }, data: { control: false } },
  render: ({ session, me, data }) =>
    lens(html`<session-access .session=${session}></session-access>`, {
      ...(me ? { me } : {}),
      data: { sessions: [session], members, groups, ...data },
    }),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

const access = (canvas: HTMLElement) => canvas.querySelector('session-access');
const who = (canvas: HTMLElement) => inShadow(access(canvas), '.who').textContent?.trim();

/** For a caller without `sessions:admin`: who can see it, and no Manage access. */
export const ReadOnly: Story = {
  args: { me: identities.member },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(who(canvasElement)).toBe('Tom Asare, Engineering (group)'));
    await expect(shadow(access(canvasElement)).querySelector('[part~=manage-access]')).toBeNull();
  },
};

/** Visible to the whole workspace. */
export const Workspace: Story = {
  args: { session: { ...restricted, visibility: { type: 'workspace' } } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(who(canvasElement)).toBe('Everyone in the workspace'));
  },
};

/** The Manage access dialog, open, a search typed. */
export const Dialog: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(who(canvasElement)).toContain('Tom Asare'));
    await userEvent.click(inShadow(access(canvasElement), '[part~=manage-access]'));
    const dialog = inShadow<HTMLDialogElement>(access(canvasElement), 'dialog');
    await waitFor(() => expect(dialog.open).toBe(true));
    await userEvent.type(inShadow(access(canvasElement), '#search'), 'pri');
    await waitFor(() =>
      expect(inShadow(access(canvasElement), 'ul[aria-label]').textContent).toContain('Priya'),
    );
  },
};

/** Save refused with 409: the conflict is shown in the dialog, which stays open. */
export const Conflict: Story = {
  args: { data: { refuse: { setVisibility: apiError(409, 'The visibility changed meanwhile.') } } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(who(canvasElement)).toContain('Tom Asare'));
    await userEvent.click(inShadow(access(canvasElement), '[part~=manage-access]'));
    const save = [...shadow(access(canvasElement)).querySelectorAll('dialog button')].find(
      (button) => button.textContent?.trim() === 'Save',
    )!;
    await userEvent.click(save);
    await waitFor(() =>
      expect(inShadow(access(canvasElement), '[part~=access-error]').textContent).toContain(
        'changed while you were editing',
      ),
    );
  },
};
