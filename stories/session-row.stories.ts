import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Me, Session } from '@session-lens/sdk';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { apiError, hostileSession, identities, sessions, type FakeClientData } from './support/fixtures.js';
import { clientOf, inShadow, lens } from './support/lens.js';

type Args = { session: Session; me?: Me; data?: Partial<FakeClientData> };

const meta = {
  title: 'Elements/session-row',
  component: 'session-row',
  args: { session: sessions.runningFlow },
  argTypes: { me: { control: false }, data: { control: false } },
  render: ({ session, me, data }) =>
    lens(html`<session-row .session=${session}></session-row>`, {
      ...(me ? { me } : {}),
      ...(data ? { data } : {}),
    }),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

const row = (canvas: HTMLElement) => canvas.querySelector('session-row');
const part = (canvas: HTMLElement, name: string) => inShadow(row(canvas), `[part~=${name}]`);
const hasPart = (canvas: HTMLElement, name: string) =>
  row(canvas)?.shadowRoot?.querySelector(`[part~=${name}]`) !== null;

/** A story whose play function checks the row's cost caption, or that there is none. */
function captionStory(session: Session, caption: string | undefined): Story {
  return {
    args: { session },
    play: async ({ canvasElement }) => {
      await waitFor(() => expect(hasPart(canvasElement, 'base')).toBe(true));
      if (caption === undefined) await expect(hasPart(canvasElement, 'cost')).toBe(false);
      else await expect(part(canvasElement, 'cost').textContent?.trim()).toBe(caption);
    },
  };
}

/** A running flow: the step strip with a tooltip per step, cost "$0.84", Cancel. */
export const FlowRunning = captionStory(sessions.runningFlow, '$0.84');
/** A completed flow without cost in the payload: no caption. */
export const FlowCompletedWithoutCost = captionStory(sessions.completedFlow, undefined);
/** A failed flow: its error on the row. */
export const FlowFailed: Story = {
  args: { session: sessions.failedFlow },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(part(canvasElement, 'error').textContent).toContain('relation "invoices" is locked'),
    );
  },
};
/** A queued task with some turns unpriced: "$0.84 + unpriced". */
export const TaskQueuedSomeUnpriced = captionStory(sessions.queuedTask, '$0.84 + unpriced');
/** An open chat with credits: "$0.84 · 84 credits", End. */
export const ChatOpenWithCredits = captionStory(sessions.openChat, '$0.84 · 84 credits');
/** An ended chat whose every turn is unpriced: "Unpriced", no action. */
export const ChatEndedUnpriced = captionStory(sessions.endedChat, 'Unpriced');
/** An Ask inquiry, badged, without cost. */
export const ChatAsk = captionStory(sessions.askChat, undefined);
/** A running assessment: host, executions and insights. */
export const AssessmentRunning: Story = {
  args: { session: sessions.runningAssessment },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(part(canvasElement, 'progress').textContent).toContain('web-01.prod.example.com'),
    );
  },
};
/** An assessment awaiting review. */
export const AssessmentPendingReview = captionStory(sessions.reviewAssessment, undefined);
/** A status this client does not know: the raw label in the neutral tone. */
export const UnknownStatus = captionStory(sessions.unknownStatus, undefined);

/** Cancel shows for a caller holding `sessions:cancel-any`. */
export const ActionVisible: Story = {
  args: { session: sessions.runningFlow },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(part(canvasElement, 'action').textContent?.trim()).toBe('Cancel'));
  },
};

/** A reader without `sessions:cancel-any` (nor spend) sees no action. */
export const ActionHiddenByScope: Story = {
  args: { session: sessions.runningFlow, me: identities.member },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(hasPart(canvasElement, 'base')).toBe(true));
    await expect(hasPart(canvasElement, 'action')).toBe(false);
  },
};

/**
 * Cancel: the row fires `session-action`, says "Cancelling…" while the request is in flight,
 * then shows the server's answer (cancelled).
 */
export const Cancel: Story = {
  args: { session: sessions.runningFlow, data: { hold: true } },
  play: async ({ canvasElement, step }) => {
    const actions: Event[] = [];
    canvasElement.addEventListener('session-action', (event) => actions.push(event));
    const button = await waitFor(() => part(canvasElement, 'action') as HTMLButtonElement);
    await step('Cancel fires session-action and shows the pending state', async () => {
      await userEvent.click(button);
      await expect(actions).toHaveLength(1);
      await expect((actions[0] as CustomEvent).detail).toMatchObject({ action: 'cancel' });
      await waitFor(() => expect(button.textContent?.trim()).toBe('Cancelling…'));
      await expect(button.disabled).toBe(true);
      await expect(button.getAttribute('aria-busy')).toBe('true');
    });
    await step('The server answers: the row shows cancelled', async () => {
      clientOf(canvasElement).release();
      await waitFor(() => expect(part(canvasElement, 'pill-label').textContent?.trim()).toBe('Cancelled'));
      await expect(hasPart(canvasElement, 'action')).toBe(false);
    });
  },
};

/** The server refuses Cancel: the refusal shows on the row and `session-action-error` fires. */
export const CancelRefused: Story = {
  args: {
    session: sessions.runningFlow,
    data: { refuse: { cancel: apiError(409, 'The flow already finished.') } },
  },
  play: async ({ canvasElement }) => {
    const errors: Event[] = [];
    canvasElement.addEventListener('session-action-error', (event) => errors.push(event));
    await userEvent.click(await waitFor(() => part(canvasElement, 'action')));
    await waitFor(() =>
      expect(part(canvasElement, 'action-error').textContent).toContain('already finished'),
    );
    await expect(part(canvasElement, 'action-error').getAttribute('role')).toBe('alert');
    await expect(errors).toHaveLength(1);
  },
};

/** Clicking the row opens it: `session-open` with the session. */
export const Open: Story = {
  args: { session: sessions.openChat },
  play: async ({ canvasElement }) => {
    const opened: Event[] = [];
    canvasElement.addEventListener('session-open', (event) => opened.push(event));
    await userEvent.click(await waitFor(() => part(canvasElement, 'open')));
    await expect(opened).toHaveLength(1);
    await expect((opened[0] as CustomEvent).detail.session.id).toBe(sessions.openChat.id);
  },
};

/** Every string hostile (markup, script, a right-to-left override): all of it shows as text. */
export const HostileText: Story = {
  args: { session: hostileSession },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(part(canvasElement, 'open').textContent).toContain('<img'));
    await expect(row(canvasElement)?.shadowRoot?.querySelector('img[src=x], script, b')).toBeNull();
    await expect((window as { __lensPwned?: unknown }).__lensPwned).toBeUndefined();
  },
};

/** Every kind, on the light theme. */
export const EveryKindLight: Story = {
  globals: { theme: 'light' },
  render: () =>
    lens(
      html`${[
        sessions.runningFlow,
        sessions.queuedTask,
        sessions.openChat,
        sessions.runningAssessment,
        sessions.failedFlow,
      ].map((session) => html`<session-row .session=${session}></session-row>`)}`,
    ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('session-row')).toHaveLength(5);
  },
};

/** German: words and numbers from the closest `lang`. */
export const German: Story = {
  args: { session: sessions.queuedTask },
  parameters: { lang: 'de' },
  play: async ({ canvasElement }) => {
    // Money in German: a comma decimal and the sign after the amount.
    await waitFor(() => expect(part(canvasElement, 'cost').textContent).toMatch(/0,84\s*\$/));
  },
};

/** Right to left (Arabic): the row mirrors and stays readable. */
export const RightToLeft: Story = {
  args: { session: sessions.runningFlow },
  parameters: { lang: 'ar', dir: 'rtl' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(getComputedStyle(part(canvasElement, 'base')).direction).toBe('rtl'));
  },
};
