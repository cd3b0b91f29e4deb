import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { KNOWN_STATUSES, toneOf, type Tone } from '@session-lens/sdk';
import { html, nothing } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { inShadow } from './support/lens.js';

type Args = { status: string; label?: string };

const meta = {
  title: 'Elements/status-pill',
  component: 'status-pill',
  args: { status: 'running' },
  argTypes: { status: { control: 'text' }, label: { control: 'text' } },
  render: ({ status, label }) => html`<status-pill status=${status} label=${label ?? nothing}></status-pill>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** A story for one status, whose play function checks the tone it maps to (S2). */
function toneStory(status: string, tone: Tone): Story {
  return {
    args: { status },
    play: async ({ canvasElement }) => {
      const pill = canvasElement.querySelector('status-pill');
      await waitFor(() => expect(inShadow(pill, '[part=base]').dataset['tone']).toBe(tone));
      await expect(inShadow(pill, '[part=label]').textContent?.trim()).not.toBe('');
    },
  };
}

/** A live status: a spinner instead of a pill. */
export const Live = toneStory('running', 'live');
export const Queued = toneStory('queued', 'queued');
/** Waiting on someone: an assessment awaiting review. */
export const Waiting = toneStory('pending_review', 'waiting');
export const Settled = toneStory('completed', 'settled');
export const Problem = toneStory('failed', 'problem');

/** A status this version does not know: its raw label, the neutral tone (S2). */
export const UnknownStatus: Story = {
  ...toneStory('hibernating', 'neutral'),
  play: async ({ canvasElement }) => {
    const pill = canvasElement.querySelector('status-pill');
    await waitFor(() => expect(inShadow(pill, '[part=base]').dataset['tone']).toBe('neutral'));
    await expect(inShadow(pill, '[part=label]').textContent).toContain('hibernating');
  },
};

/** A translated label given by the host. */
export const CustomLabel: Story = {
  args: { status: 'running', label: 'Läuft' },
  play: async ({ canvasElement }) => {
    const pill = canvasElement.querySelector('status-pill');
    await waitFor(() => expect(inShadow(pill, '[part=label]').textContent?.trim()).toBe('Läuft'));
  },
};

const everyStatus = [...KNOWN_STATUSES, 'hibernating'];

/** Every known status, and one unknown, grouped by tone. */
export const EveryStatus: Story = {
  render: () =>
    html`<ul style="display:flex;flex-wrap:wrap;gap:12px;list-style:none;margin:0;padding:0">
      ${everyStatus.map((status) => html`<li><status-pill status=${status}></status-pill></li>`)}
    </ul>`,
  play: async ({ canvasElement }) => {
    const pills = [...canvasElement.querySelectorAll('status-pill')];
    await expect(pills).toHaveLength(everyStatus.length);
    await waitFor(() => {
      for (const pill of pills) {
        expect(inShadow(pill, '[part=base]').dataset['tone']).toBe(toneOf(pill.status));
      }
    });
  },
};

/** The same, in the light theme. */
export const EveryStatusLight: Story = { ...EveryStatus, globals: { theme: 'light' } };
