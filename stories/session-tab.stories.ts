import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Session } from '@session-lens/sdk';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { apiError, sessions, type FakeLiveStore } from './support/fixtures.js';
import { allSessions, inShadow, lens, shadow, storeFactory } from './support/lens.js';

type Args = { scope: string; sessions: Session[]; setup?: (store: FakeLiveStore) => void };

const initiative = { id: 'ini_csv', title: 'CSV Export on the Reporting Page' };

/** The fixture sessions, most of them linked to one initiative (the record page's). */
const recordSessions: Session[] = allSessions.map((session, index) =>
  index % 4 === 3 ? session : { ...session, links: { ...session.links, initiative } },
);

const meta = {
  title: 'Elements/session-tab',
  component: 'session-tab',
  args: { scope: `initiative:${initiative.id}`, sessions: recordSessions },
  argTypes: { sessions: { control: false }, setup: { control: false } },
  // The tab as a product embeds it: on a record page, under the record's own navigation.
  render: ({ scope, sessions, setup }) =>
    lens(
      html`<article style="display:grid;gap:12px">
        <header>
          <p style="margin:0;font-size:0.8rem;opacity:0.8">Initiative</p>
          <h1 style="margin:0;font-size:1.4rem">${initiative.title}</h1>
        </header>
        <nav aria-label="Initiative" style="display:flex;gap:16px">
          <a href="#overview" style="color:inherit">Overview</a>
          <a href="#plans" style="color:inherit">Plans</a>
          <a href="#sessions" aria-current="page" style="color:inherit;font-weight:600">Sessions</a>
        </nav>
        <session-tab scope=${scope} .storeFactory=${storeFactory(sessions, setup)}></session-tab>
      </article>`,
    ),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

const tab = (canvas: HTMLElement) => canvas.querySelector('session-tab');
const list = (canvas: HTMLElement) => inShadow(tab(canvas), 'session-list');
const rowsOf = (canvas: HTMLElement) => [...shadow(list(canvas)).querySelectorAll('session-row')];
const inRecord = recordSessions.filter((session) => session.links?.initiative?.id === initiative.id);

/** The record's sessions only (the scope is never widened). */
export const RecordPage: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement)).toHaveLength(inRecord.length));
    await expect(
      list(canvasElement).getAttribute('scope') ?? (list(canvasElement) as { scope?: string }).scope,
    ).toBe(`initiative:${initiative.id}`);
  },
};

/** A row opened inline: its detail under the row; Escape closes it and returns focus to the row. */
export const RowOpenInline: Story = {
  play: async ({ canvasElement, step }) => {
    const opened: string[] = [];
    canvasElement.addEventListener('session-open', (event) =>
      opened.push((event as CustomEvent).detail.session.id),
    );
    // The row's item is rendered anew as it expands and collapses: find it by its session.
    const row = () =>
      rowsOf(canvasElement).find((candidate) => candidate.session?.id === sessions.openChat.id);
    await waitFor(() => expect(row()).toBeTruthy());
    const detail = () => shadow(list(canvasElement)).querySelector('session-detail');
    await step('Escape closes an open detail and returns focus to its row', async () => {
      await userEvent.click(inShadow(row()!, '[part~=open]'));
      await waitFor(() => expect(detail()).not.toBeNull());
      await waitFor(() => expect(detail()!.shadowRoot?.querySelectorAll('[part~=entry]').length).toBe(7));
      await userEvent.keyboard('{Escape}');
      await waitFor(() => expect(detail()).toBeNull());
      await waitFor(() => expect(shadow(list(canvasElement)).activeElement).toBe(row()));
    });
    await step('Open it again: the story rests with the detail open', async () => {
      await userEvent.click(inShadow(row()!, '[part~=open]'));
      await waitFor(() => expect(detail()?.shadowRoot?.querySelectorAll('[part~=entry]').length).toBe(7));
      await expect(opened).toEqual([sessions.openChat.id, sessions.openChat.id]);
      await expect(row()!.expanded).toBe(true);
    });
  },
};

/** Without a valid record scope the tab asks the server nothing and says what is missing. */
export const MissingScope: Story = {
  args: { scope: '' },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(inShadow(tab(canvasElement), '[part~=missing-scope]').textContent).toContain('scope'),
    );
  },
};

/** A token for another record: the server refuses the filter (403) and the list says so. */
export const RefusedScope: Story = {
  args: {
    setup: (store) =>
      store.set({
        loaded: false,
        state: { status: 'offline', error: apiError(403, 'This token is for another record.') },
      }),
  },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(inShadow(list(canvasElement), '[part~=error]').textContent).toContain('another record'),
    );
  },
};

/** The light theme. */
export const Light: Story = { globals: { theme: 'light' }, play: RecordPage.play! };
