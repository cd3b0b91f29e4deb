import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CostDetail, Me } from '@session-lens/sdk';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { costDetail, costDetailPlain, identities, sessions } from './support/fixtures.js';
import { lens, shadow } from './support/lens.js';

type Args = { cost?: CostDetail; sessionId?: string; me?: Me };

const meta = {
  title: 'Elements/cost-summary',
  component: 'cost-summary',
  args: { cost: costDetail },
  argTypes: { me: { control: false } },
  render: ({ cost, sessionId, me }) =>
    lens(html`<cost-summary .cost=${cost} session-id=${sessionId ?? ''}></cost-summary>`, me ? { me } : {}),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

const summary = (canvas: HTMLElement) => canvas.querySelector('cost-summary');
const text = (canvas: HTMLElement) => (shadow(summary(canvas)).textContent ?? '').replace(/\s+/g, ' ');

/** Priced, estimated and unpriced turns, each badged; credits and tool calls shown. */
export const PricedEstimatedUnpriced: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement)).toContain('$0.84'));
    for (const badge of ['Priced', 'Estimated', 'Unpriced'])
      await expect(text(canvasElement)).toContain(badge);
  },
};

/** Only priced turns, no credits and no tool calls: their tiles stay hidden. */
export const PricedOnly: Story = {
  args: { cost: costDetailPlain },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement)).toContain('$0.31'));
    await expect(text(canvasElement)).not.toContain('Estimated');
  },
};

/** Loaded through the provider's client from a `session-id`. */
export const LoadedBySessionId: Story = {
  args: { cost: undefined, sessionId: sessions.openChat.id },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement)).toContain('$0.84'));
  },
};

/** A caller who may not see spend: nothing renders at all. */
export const HiddenWithoutSpend: Story = {
  args: { cost: undefined, sessionId: sessions.openChat.id, me: identities.member },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(summary(canvasElement)).toBeTruthy());
    await expect(text(canvasElement).trim()).toBe('');
  },
};

/** The light theme. */
export const Light: Story = {
  globals: { theme: 'light' },
  play: PricedEstimatedUnpriced.play!,
};

/** German: money and counts formatted for `de`. */
export const German: Story = {
  parameters: { lang: 'de' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement)).toMatch(/0,84\s*\$/));
  },
};
