import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { isActive, type Session } from '@session-lens/sdk';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { NOW, apiError, sessions, type FakeLiveStore } from './support/fixtures.js';
import { allSessions, inShadow, lens, shadow, storeFactory } from './support/lens.js';

type Args = { sessions: Session[]; setup?: (store: FakeLiveStore) => void; heading?: string };

const meta = {
  title: 'Elements/command-center',
  component: 'command-center',
  args: { sessions: allSessions },
  argTypes: { sessions: { control: false }, setup: { control: false }, heading: { control: 'text' } },
  render: ({ sessions, setup, heading }) =>
    lens(
      html`<command-center
        heading=${heading ?? ''}
        .storeFactory=${storeFactory(sessions, setup)}
      ></command-center>`,
    ),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

const center = (canvas: HTMLElement) => canvas.querySelector('command-center');
const section = (canvas: HTMLElement, id: string) =>
  inShadow(center(canvas), `section[aria-labelledby=${id}]`);
const rowsIn = (element: HTMLElement) => [...element.querySelectorAll('session-row')];

/** Active Now and Recent; each row resumable, an ended chat viewable. */
export const Default: Story = {
  play: async ({ canvasElement, step }) => {
    const active = allSessions.filter((session) => isActive(session, NOW));
    await waitFor(() => expect(rowsIn(section(canvasElement, 'active-now'))).toHaveLength(active.length));
    await expect(rowsIn(section(canvasElement, 'recent')).length).toBeGreaterThan(0);
    await step('Resume fires session-resume', async () => {
      const resumed: string[] = [];
      canvasElement.addEventListener('session-resume', (event) =>
        resumed.push((event as CustomEvent).detail.session.id),
      );
      const first = section(canvasElement, 'active-now').querySelector<HTMLElement>('[part~=resume]')!;
      await userEvent.click(first);
      await expect(resumed).toHaveLength(1);
    });
    await step('View on an ended chat fires session-open', async () => {
      const opened: string[] = [];
      canvasElement.addEventListener('session-open', (event) =>
        opened.push((event as CustomEvent).detail.session.id),
      );
      const item = [...shadow(center(canvasElement)).querySelectorAll('[part~=item]')].find(
        (li) => li.querySelector('session-row')?.session?.id === sessions.endedChat.id,
      );
      await userEvent.click(item!.querySelector<HTMLElement>('[part~=resume]')!);
      await expect(opened).toEqual([sessions.endedChat.id]);
    });
  },
};

/** Nothing running, nothing recent. */
export const Empty: Story = {
  args: { sessions: [] },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(shadow(center(canvasElement)).querySelectorAll('[part~=empty]')).toHaveLength(2),
    );
  },
};

/** The first page has not answered yet. */
export const Loading: Story = {
  args: { setup: (store) => store.set({ loaded: false, state: { status: 'connecting' } }) },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(shadow(center(canvasElement)).querySelector('[aria-busy=true]')).not.toBeNull(),
    );
  },
};

/** The first page failed: the error, with Retry. */
export const LoadError: Story = {
  args: {
    setup: (store) =>
      store.set({ loaded: false, state: { status: 'offline', error: apiError(503, 'Unavailable') } }),
  },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(inShadow(center(canvasElement), '[part~=error]').textContent).toContain('Unavailable'),
    );
  },
};

/** The stream dropped: the last known sessions, with a notice. */
export const Reconnecting: Story = {
  args: { setup: (store) => store.set({ state: { status: 'reconnecting' } }) },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(inShadow(center(canvasElement), '[part~=banner]')).toBeTruthy());
  },
};

/** The light theme. */
export const Light: Story = {
  globals: { theme: 'light' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsIn(section(canvasElement, 'active-now')).length).toBeGreaterThan(0));
  },
};

/** German. */
export const German: Story = {
  parameters: { lang: 'de' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsIn(section(canvasElement, 'active-now')).length).toBeGreaterThan(0));
    await expect(inShadow(center(canvasElement), '[part~=resume]').textContent?.trim()).not.toBe('Resume');
  },
};
