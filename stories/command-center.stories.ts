import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { isActive, type Session } from '@session-lens/sdk';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { NOW, apiError, makeSession, minutesAgo, sessions, type FakeLiveStore } from './support/fixtures.js';
import { allSessions, inShadow, lens, shadow, storeFactory } from './support/lens.js';

type Args = {
  sessions: Session[];
  setup?: (store: FakeLiveStore) => void;
  heading?: string;
  mode?: 'mine' | 'team';
};

const meta = {
  title: 'Elements/command-center',
  component: 'command-center',
  args: { sessions: allSessions, mode: 'team' },
  argTypes: {
    sessions: { control: false },
    setup: { control: false },
    heading: { control: 'text' },
    mode: { control: 'inline-radio', options: ['mine', 'team'] },
  },
  render: ({ sessions, setup, heading, mode }) =>
    lens(
      html`<command-center
        heading=${heading ?? ''}
        mode=${mode ?? 'mine'}
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

/** The team's work: Needs you, Active Now and Recent; each row resumable, an ended chat viewable. */
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

/** Nothing needs you, nothing running, nothing recent. */
export const Empty: Story = {
  args: { sessions: [] },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(shadow(center(canvasElement)).querySelectorAll('[part~=empty]')).toHaveLength(3),
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

/** Mine (the default): only the caller's own work — Sarah's, as the admin of the fixtures. */
export const Mine: Story = {
  args: { mode: 'mine' },
  play: async ({ canvasElement, step }) => {
    await waitFor(() => expect(rowsIn(section(canvasElement, 'active-now')).length).toBeGreaterThan(0));
    const owners = new Set(rowsIn(section(canvasElement, 'active-now')).map((row) => row.session?.owner.id));
    await expect([...owners]).toEqual(['mem_sarah']);
    await step('Team shows everyone the caller may see', async () => {
      const team = inShadow(center(canvasElement), '[part~=mode] button:last-child');
      await userEvent.click(team);
      await waitFor(() => expect(team.getAttribute('aria-pressed')).toBe('true'));
      await waitFor(() =>
        expect(
          rowsIn(section(canvasElement, 'active-now')).some((row) => row.session?.owner.id !== 'mem_sarah'),
        ).toBe(true),
      );
    });
  },
};

const pausedFlow = makeSession({
  id: 'ses_paused01',
  kind: 'flow',
  title: 'Release train: approve the rollout',
  status: 'paused',
  createdAt: minutesAgo(40),
  updatedAt: minutesAgo(6),
  progress: {
    steps: [
      { name: 'Build', status: 'completed' },
      { name: 'Approve', status: 'paused' },
    ],
  },
});
const waitingTask = makeSession({
  id: 'ses_waiting1',
  kind: 'task',
  title: 'Rotate the staging keys',
  status: 'waiting',
  createdAt: minutesAgo(20),
  updatedAt: minutesAgo(3),
  progress: { turns: 4 },
});

/**
 * Needs you first: an assessment awaiting the caller's review, a flow paused at a checkpoint and
 * a task waiting for them; the count a host shows on its button is `count`.
 */
export const NeedsYou: Story = {
  args: { mode: 'mine', sessions: [pausedFlow, waitingTask, ...allSessions] },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsIn(section(canvasElement, 'needs-you'))).toHaveLength(3));
    const ids = rowsIn(section(canvasElement, 'needs-you')).map((row) => row.session?.id);
    await expect(ids).toEqual([sessions.reviewAssessment.id, waitingTask.id, pausedFlow.id]);
    await expect((center(canvasElement) as HTMLElement & { count: number }).count).toBe(3);
  },
};
