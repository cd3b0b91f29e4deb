import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { SessionList } from '@session-lens/elements';
import type { Session, SessionFilters } from '@session-lens/sdk';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { allSessions, inShadow, lens, storeFactory } from './support/lens.js';

type Args = {
  sessions: Session[];
  since: string;
  until: string;
  query: string;
  status: string;
  kind: string;
};

/** The list's find controls (E12): search modes, the time range select, the explained empty state. */
const meta = {
  title: 'Elements/session-list/Find',
  component: 'session-list',
  args: { sessions: allSessions, since: '', until: '', query: '', status: '', kind: 'all' },
  argTypes: { sessions: { control: false } },
  render: ({ sessions, since, until, query, status, kind }) =>
    lens(
      html`<session-list
        search
        status-filter
        time-range
        since=${since}
        until=${until}
        query=${query}
        status=${status}
        kind=${kind}
        .storeFactory=${storeFactory(sessions)}
      ></session-list>`,
    ),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

const list = (canvas: HTMLElement) => canvas.querySelector('session-list') as SessionList;

/** The time range select on a preset; choosing another asks for its `since`. */
export const RangePicker: Story = {
  args: { since: 'P7D' },
  play: async ({ canvasElement }) => {
    const range = () => inShadow(list(canvasElement), '[part~=range]') as HTMLSelectElement;
    await waitFor(() => expect(range().value).toBe('P7D'));
    const seen: SessionFilters[] = [];
    canvasElement.addEventListener('session-filters-change', (event) =>
      seen.push((event as CustomEvent).detail.filters),
    );
    await userEvent.selectOptions(range(), 'P30D');
    await waitFor(() => expect(seen.at(-1)?.since).toBe('P30D'));
  },
};

/** A range with instants (from a link or a view) reads "Custom range". */
export const CustomRange: Story = {
  args: { since: '2026-11-01T00:00:00Z', until: '2026-11-08T00:00:00Z' },
  play: async ({ canvasElement }) => {
    const range = () => inShadow(list(canvasElement), '[part~=range]') as HTMLSelectElement;
    await waitFor(() => expect(range().selectedOptions[0]?.textContent?.trim()).toBe('Custom range'));
  },
};

/** Search inside sessions: the mode select beside the search box. */
export const SearchInsideSessions: Story = {
  args: { query: 'migration' },
  play: async ({ canvasElement }) => {
    const mode = () => inShadow(list(canvasElement), '[part~=search-mode]') as HTMLSelectElement;
    await waitFor(() => expect(mode()).toBeTruthy());
    await userEvent.selectOptions(mode(), 'content');
    await waitFor(() => expect(list(canvasElement).searchMode).toBe('content'));
  },
};

/** Nothing matches: the empty state names the narrowing filters, with a Clear for each and Clear all. */
export const EmptyExplained: Story = {
  args: { sessions: [], kind: 'task', status: 'failed', since: 'P1D' },
  play: async ({ canvasElement }) => {
    const empty = () => inShadow(list(canvasElement), '[part~=empty]');
    await waitFor(() =>
      expect(empty().textContent).toContain('These filters exclude every session: kind, status, time range'),
    );
    const buttons = [...empty().querySelectorAll('button')].map((button) => button.textContent?.trim());
    await expect(buttons).toEqual(['Clear kind', 'Clear status', 'Clear time range', 'Clear all']);
  },
};
