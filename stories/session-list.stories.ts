import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { SessionList } from '@session-lens/elements';
import type { Me, Session, SessionFilters } from '@session-lens/sdk';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { FakeLiveStore } from './support/fixtures.js';
import { apiError, identities, makeSession, minutesAgo, sessions } from './support/fixtures.js';
import { allSessions, frames, inShadow, lens, olderSessions, shadow, storeFactory } from './support/lens.js';

type Args = {
  sessions: Session[];
  setup?: (store: FakeLiveStore) => void;
  me?: Me;
  search: boolean;
  statusFilter: boolean;
};

const meta = {
  title: 'Elements/session-list',
  component: 'session-list',
  args: { sessions: allSessions, search: false, statusFilter: false },
  argTypes: { sessions: { control: false }, setup: { control: false }, me: { control: false } },
  render: ({ sessions, setup, me, search, statusFilter }) =>
    lens(
      html`<session-list
        ?search=${search}
        ?status-filter=${statusFilter}
        .storeFactory=${storeFactory(sessions, setup)}
      ></session-list>`,
      me ? { me } : {},
    ),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

const list = (canvas: HTMLElement) => canvas.querySelector('session-list') as SessionList;
const rowsOf = (canvas: HTMLElement) => [...shadow(list(canvas)).querySelectorAll('session-row')];
const rowIds = (canvas: HTMLElement) => rowsOf(canvas).map((row) => row.session?.id);
const store = (canvas: HTMLElement) => list(canvas).store as FakeLiveStore;
const tab = (canvas: HTMLElement, kind: string) => inShadow(list(canvas), `#tab-${kind}`);

/** Records the list's `session-filters-change` events. */
function filterChanges(canvas: HTMLElement): SessionFilters[] {
  const seen: SessionFilters[] = [];
  canvas.addEventListener('session-filters-change', (event) =>
    seen.push((event as CustomEvent).detail.filters),
  );
  return seen;
}

/** Every fixture session, live, in S9 order (active first). */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBe(allSessions.length));
    // Active sessions first (S9): the last row is a settled one.
    await expect(rowsOf(canvasElement)[0]?.session?.status).toBe('running');
  },
};

/** With the search box and the status filter. */
export const WithSearchAndStatusFilter: Story = {
  args: { search: true, statusFilter: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(inShadow(list(canvasElement), '[part~=search]')).toBeTruthy());
    await expect(inShadow(list(canvasElement), '[part~=status-filter]')).toBeTruthy();
  },
};

/** The first page has not answered yet: a skeleton. */
export const Loading: Story = {
  args: { setup: (store) => store.set({ loaded: false, loading: true, state: { status: 'connecting' } }) },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(inShadow(list(canvasElement), '[aria-busy=true]')).toBeTruthy());
    await expect(rowsOf(canvasElement)).toHaveLength(0);
  },
};

/** No session matches. */
export const Empty: Story = {
  args: { sessions: [] },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(inShadow(list(canvasElement), '[part~=empty]').textContent).toBeTruthy());
  },
};

/** The first page failed: the error, with Retry. */
export const LoadError: Story = {
  args: {
    setup: (store) =>
      store.set({
        loaded: false,
        state: { status: 'offline', error: apiError(503, 'The server is restarting.') },
      }),
  },
  play: async ({ canvasElement }) => {
    const error = await waitFor(() => inShadow(list(canvasElement), '[part~=error]'));
    await expect(error.textContent).toContain('The server is restarting.');
    const failed = store(canvasElement);
    await userEvent.click(inShadow(list(canvasElement), '[part~=error] button'));
    // Nothing loaded yet: Retry starts over with a new live source.
    await waitFor(() => expect(store(canvasElement)).not.toBe(failed));
    await expect(failed.disposed).toBe(true);
  },
};

/** The stream dropped: the last known list, with a notice. */
export const Reconnecting: Story = {
  args: { setup: (store) => store.set({ state: { status: 'reconnecting' } }) },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(inShadow(list(canvasElement), '[part~=banner]').dataset['tone']).toBe('waiting'),
    );
    await waitFor(() => expect(rowsOf(canvasElement).length).toBe(allSessions.length));
  },
};

/** Offline: the last known list, with Retry. */
export const Offline: Story = {
  args: {
    setup: (store) => store.set({ state: { status: 'offline', error: apiError(503, 'Unavailable') } }),
  },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(inShadow(list(canvasElement), '[part~=banner]').dataset['tone']).toBe('problem'),
    );
  },
};

const newcomer = (index: number): Session =>
  makeSession({
    id: `ses_n3w0000${index}`,
    kind: 'flow',
    title: `Hotfix ${index}`,
    status: 'running',
    createdAt: minutesAgo(0),
    updatedAt: minutesAgo(0),
  });

/** Live updates paused: two changes wait, counted; Resume lets them in. */
export const Paused: Story = {
  args: {
    setup: (store) => {
      store.paused = true;
      store.push(newcomer(1));
      store.push(newcomer(2));
    },
  },
  play: async ({ canvasElement, step }) => {
    const banner = await waitFor(() => inShadow(list(canvasElement), '[part~=banner]'));
    await expect(banner.textContent).toContain('2 waiting');
    await expect(inShadow(list(canvasElement), '[part~=pause]').getAttribute('aria-pressed')).toBe('true');
    await step('Resume lets the waiting sessions in', async () => {
      await userEvent.click(inShadow(list(canvasElement), '[part~=pause]'));
      await waitFor(() => expect(rowIds(canvasElement)).toContain(newcomer(1).id));
      await userEvent.click(inShadow(list(canvasElement), '[part~=pause]'));
    });
  },
};

/** Scrolls the list away from the top, once the list has laid out enough rows to. */
async function scrollAway(scroller: HTMLElement): Promise<void> {
  // The list measures its rows and viewport over a frame or two and may clamp an early scroll
  // position: scroll again until the position holds across frames.
  await waitFor(async () => {
    if (scroller.scrollTop < 100) scroller.scrollTop = 600;
    await frames();
    expect(scroller.scrollTop).toBeGreaterThan(100);
  });
  await frames();
}

/**
 * The reader scrolled away when new sessions arrived: an "N new" control instead of moving the
 * list under them; choosing it scrolls to the top and shows them.
 */
export const NewWhileScrolledAway: Story = {
  args: { sessions: [...allSessions, ...olderSessions(40)] },
  play: async ({ canvasElement, step }) => {
    const root = shadow(list(canvasElement));
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(5));
    const scroller = inShadow(list(canvasElement), '[part~=scroller]');
    await scrollAway(scroller);
    store(canvasElement).push(newcomer(1));
    store(canvasElement).push(newcomer(2));
    store(canvasElement).push(newcomer(3));
    const control = await waitFor(() => {
      const found = root.querySelector<HTMLElement>('[part~=new]');
      expect(found?.textContent).toContain('3 new');
      return found!;
    });
    await step('"3 new" scrolls to the top and shows them', async () => {
      await userEvent.click(control);
      await waitFor(() => expect(rowIds(canvasElement)).toContain(newcomer(3).id));
      await expect(root.querySelector('[part~=new]')).toBeNull();
    });
    // Leave the state the story is named for.
    await scrollAway(scroller);
    store(canvasElement).push(newcomer(4));
    store(canvasElement).push(newcomer(5));
    await waitFor(() => expect(root.querySelector('[part~=new]')?.textContent).toContain('2 new'));
  },
};

/** Kind tabs follow the WAI-ARIA tabs pattern: arrows move the selection, Home and End jump. */
export const KindTabsKeyboard: Story = {
  play: async ({ canvasElement }) => {
    const changes = filterChanges(canvasElement);
    await waitFor(() => expect(rowsOf(canvasElement).length).toBe(allSessions.length));
    tab(canvasElement, 'all').focus();
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(tab(canvasElement, 'flow').getAttribute('aria-selected')).toBe('true'));
    await expect(shadow(list(canvasElement)).activeElement).toBe(tab(canvasElement, 'flow'));
    await expect(changes.at(-1)).toEqual({ kind: ['flow'] });
    await waitFor(() =>
      expect(rowsOf(canvasElement).every((row) => row.session?.kind === 'flow')).toBe(true),
    );
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(tab(canvasElement, 'assessment').getAttribute('aria-selected')).toBe('true'));
    await userEvent.keyboard('{ArrowRight}');
    // Past the last tab the selection wraps to the first.
    await waitFor(() => expect(tab(canvasElement, 'all').getAttribute('aria-selected')).toBe('true'));
    await expect(changes.map((filters) => filters.kind?.[0] ?? 'all')).toEqual(['flow', 'assessment', 'all']);
  },
};

/** The list's owner facet element (its button and panel live in its own shadow root). */
const ownerFacet = (canvas: HTMLElement) => inShadow(list(canvas), 'session-owner-facet');

async function openFacet(canvas: HTMLElement): Promise<HTMLElement> {
  await userEvent.click(await waitFor(() => inShadow(ownerFacet(canvas), '[part~=filter]')));
  return waitFor(() => {
    const facet = inShadow(ownerFacet(canvas), '[part~=facet]');
    expect(facet.querySelectorAll('input[type=checkbox]').length).toBeGreaterThan(0);
    return facet;
  });
}

const memberBox = (facet: HTMLElement, name: string) =>
  [...facet.querySelectorAll('label')]
    .find((label) => label.textContent?.includes(name))!
    .querySelector('input')!;

/** The owner facet, open, with two members checked (not applied yet). */
export const OwnerFacetOpen: Story = {
  play: async ({ canvasElement }) => {
    const facet = await openFacet(canvasElement);
    await userEvent.click(memberBox(facet, 'Sarah Chen'));
    await userEvent.click(memberBox(facet, 'Priya Patel'));
    await expect(facet.querySelectorAll('input[type=checkbox]:checked')).toHaveLength(2);
  },
};

/** Apply narrows the rows to the checked owners and fires the filters; Clear widens them again. */
export const OwnerFacetApplyAndClear: Story = {
  play: async ({ canvasElement, step }) => {
    const changes = filterChanges(canvasElement);
    await waitFor(() => expect(rowsOf(canvasElement).length).toBe(allSessions.length));
    await step('Apply Priya and Tom', async () => {
      const facet = await openFacet(canvasElement);
      await userEvent.click(memberBox(facet, 'Priya Patel'));
      await userEvent.click(memberBox(facet, 'Tom Asare'));
      await userEvent.click(
        [...facet.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Apply')!,
      );
      await expect(changes.at(-1)?.owner?.sort()).toEqual(['mem_priya', 'mem_tom']);
      const owners = new Set(['mem_priya', 'mem_tom']);
      await waitFor(() => {
        const rows = rowsOf(canvasElement);
        expect(rows.length).toBe(allSessions.filter((session) => owners.has(session.owner.id)).length);
        expect(rows.every((row) => owners.has(row.session!.owner.id))).toBe(true);
      });
      await expect(inShadow(ownerFacet(canvasElement), '[part~=filter]').textContent).toContain('2');
    });
    await step('Clear', async () => {
      const facet = await openFacet(canvasElement);
      await userEvent.click(
        [...facet.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Clear')!,
      );
      await expect(changes.at(-1)?.owner).toBeUndefined();
      await waitFor(() => expect(rowsOf(canvasElement).length).toBe(allSessions.length));
    });
  },
};

/** Clicking a row fires `session-open`; arrow keys move between rows. */
export const RowOpenAndKeys: Story = {
  play: async ({ canvasElement }) => {
    const opened: string[] = [];
    canvasElement.addEventListener('session-open', (event) =>
      opened.push((event as CustomEvent).detail.session.id),
    );
    await waitFor(() => expect(rowsOf(canvasElement).length).toBe(allSessions.length));
    const [first, second] = rowsOf(canvasElement);
    await userEvent.click(inShadow(first, '[part~=open]'));
    await expect(opened).toEqual([first!.session!.id]);
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(shadow(list(canvasElement)).activeElement).toBe(second));
  },
};

/** A refused Cancel inside the list: the error shows on that row. */
export const CancelRefusedInList: Story = {
  render: (args) =>
    lens(html`<session-list .storeFactory=${storeFactory(args.sessions)}></session-list>`, {
      data: { refuse: { cancel: apiError(403, 'Only the owner may cancel this flow.') } },
    }),
  play: async ({ canvasElement }) => {
    const actions: string[] = [];
    canvasElement.addEventListener('session-action', (event) =>
      actions.push((event as CustomEvent).detail.action),
    );
    const flowRow = await waitFor(() => {
      const found = rowsOf(canvasElement).find((row) => row.session?.id === sessions.runningFlow.id);
      expect(found).toBeTruthy();
      return found!;
    });
    await userEvent.click(inShadow(flowRow, '[part~=action]'));
    await expect(actions).toEqual(['cancel']);
    await waitFor(() =>
      expect(inShadow(flowRow, '[part~=action-error]').textContent).toContain('Only the owner'),
    );
  },
};

/** A reader without elevated scopes or spend: no Cancel, no End. */
export const ReaderWithoutActions: Story = {
  args: { me: identities.member },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBe(allSessions.length));
    await expect(rowsOf(canvasElement).some((row) => row.shadowRoot?.querySelector('[part~=action]'))).toBe(
      false,
    );
  },
};

/** The light theme. */
export const Light: Story = {
  globals: { theme: 'light' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBe(allSessions.length));
  },
};

/** German, with the search box and status filter (long words must fit). */
export const German: Story = {
  args: { search: true, statusFilter: true },
  parameters: { lang: 'de' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(tab(canvasElement, 'all').textContent?.trim()).toBe('Alle'));
  },
};

/** Right to left (Arabic): the toolbar and rows mirror; ArrowLeft moves to the next tab. */
export const RightToLeft: Story = {
  parameters: { lang: 'ar', dir: 'rtl' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBe(allSessions.length));
    tab(canvasElement, 'all').focus();
    await userEvent.keyboard('{ArrowLeft}');
    await waitFor(() => expect(tab(canvasElement, 'flow').getAttribute('aria-selected')).toBe('true'));
  },
};

/**
 * A phone, 375 px wide: each row keeps its title, status and time, the steps column folds onto a
 * line of its own and the short id and elapsed time are left out; the kind tabs scroll sideways.
 */
export const Phone: Story = {
  render: (args) => html`<div style="width: 375px; max-width: 100%">${meta.render(args)}</div>`,
  play: async ({ canvasElement }) => {
    // Taller rows: fewer of them fit the rendered window.
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(3));
    const row = rowsOf(canvasElement)[0]!;
    const box = row.getBoundingClientRect();
    for (const name of ['open', 'pill', 'time']) {
      const rect = inShadow(row, `[part~=${name}]`).getBoundingClientRect();
      await expect(rect.width).toBeGreaterThan(10);
      await expect(rect.right).toBeLessThanOrEqual(box.right + 0.5);
    }
    await expect(inShadow(row, '.elapsed').checkVisibility()).toBe(false);
    await expect(inShadow(row, '[part~=progress]').getBoundingClientRect().top).toBeGreaterThanOrEqual(
      inShadow(row, '[part~=open]').getBoundingClientRect().bottom,
    );
  },
};
