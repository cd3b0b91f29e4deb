import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Me, Session } from '@session-lens/sdk';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import {
  apiError,
  fakeClient,
  fakeFollow,
  identities,
  minutesAgo,
  sessions,
  transcript,
  type FakeClientData,
  type FakeFollow,
} from './support/fixtures.js';
import { defaultData, inShadow, lens, shadow } from './support/lens.js';

type Args = { session?: Session; sessionId: string; me?: Me; data?: Partial<FakeClientData> };

/**
 * The detail loads what was not handed in (transcript, cost, an assessment's executions and
 * insights) through the provider's client, as it does in a host page.
 */
const meta = {
  title: 'Elements/session-detail',
  component: 'session-detail',
  args: { session: sessions.openChat, sessionId: sessions.openChat.id },
  argTypes: { session: { control: false }, me: { control: false }, data: { control: false } },
  render: ({ session, sessionId, me, data }) =>
    lens(html`<session-detail .session=${session} session-id=${sessionId}></session-detail>`, {
      ...(me ? { me } : {}),
      ...(data ? { data } : {}),
    }),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

const detail = (canvas: HTMLElement) => canvas.querySelector('session-detail');
const text = (canvas: HTMLElement) => (shadow(detail(canvas)).textContent ?? '').replace(/\s+/g, ' ');
const hasPart = (canvas: HTMLElement, name: string) =>
  detail(canvas)?.shadowRoot?.querySelector(`[part~=${name}]`) !== null;

/** An open chat: Resume, Open in editor and End; the transcript with every entry type; cost. */
export const Chat: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(shadow(detail(canvasElement)).querySelectorAll('[part~=entry]').length).toBe(7),
    );
    await expect(hasPart(canvasElement, 'resume')).toBe(true);
    await expect(hasPart(canvasElement, 'end')).toBe(true);
    await waitFor(() => expect(text(canvasElement)).toContain('$0.84'));
  },
};

/** An ended chat: the transcript stays readable; no Resume, no End. */
export const EndedChat: Story = {
  args: { session: sessions.endedChat, sessionId: sessions.endedChat.id },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(shadow(detail(canvasElement)).querySelectorAll('[part~=entry]').length).toBe(3),
    );
    await expect(hasPart(canvasElement, 'resume')).toBe(false);
    await expect(hasPart(canvasElement, 'end')).toBe(false);
  },
};

/** A running flow: the run timeline, links, cost. */
export const Flow: Story = {
  args: { session: sessions.runningFlow, sessionId: sessions.runningFlow.id },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(hasPart(canvasElement, 'timeline')).toBe(true));
    await expect(shadow(detail(canvasElement)).querySelectorAll('[part~=timeline] li')).toHaveLength(3);
  },
};

/** A failed flow: its error. */
export const FailedFlow: Story = {
  args: { session: sessions.failedFlow, sessionId: sessions.failedFlow.id },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement)).toContain('relation "invoices" is locked'));
  },
};

/** A running assessment on its host: Executions and Insights tabs; arrow keys move between tabs. */
export const Assessment: Story = {
  args: { session: sessions.runningAssessment, sessionId: sessions.runningAssessment.id },
  play: async ({ canvasElement, step }) => {
    const root = shadow(detail(canvasElement));
    await waitFor(() => expect(text(canvasElement)).toContain('web-01.prod.example.com'));
    await step('ArrowRight selects Executions', async () => {
      inShadow(detail(canvasElement), '#tab-transcript').focus();
      await userEvent.keyboard('{ArrowRight}');
      await waitFor(() =>
        expect(inShadow(detail(canvasElement), '#tab-executions').getAttribute('aria-selected')).toBe('true'),
      );
      await waitFor(() => expect(root.textContent).toContain('df -h /var'));
    });
    await step('ArrowRight again selects Insights', async () => {
      await userEvent.keyboard('{ArrowRight}');
      await waitFor(() => expect(root.textContent).toContain('/var is 97% full'));
    });
  },
};

/** An assessment awaiting review: the review notice, executions and three insights. */
export const PendingReview: Story = {
  args: { session: sessions.reviewAssessment, sessionId: sessions.reviewAssessment.id },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement)).toMatch(/review/i));
    await expect(text(canvasElement)).toContain('db-02.prod.example.com');
  },
};

/** Loaded by id alone, while the reads are held: the loading state. */
export const Loading: Story = {
  args: { session: undefined, sessionId: sessions.openChat.id, data: { hold: true } },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(shadow(detail(canvasElement)).querySelector('[aria-busy=true]')).not.toBeNull(),
    );
  },
};

/** The reads fail: the error, with Retry. */
export const LoadError: Story = {
  args: {
    session: undefined,
    sessionId: sessions.openChat.id,
    data: { failReads: apiError(503, 'The server is restarting.') },
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement)).toContain('The server is restarting.'));
  },
};

/** A reader without `conversations:manage` or spend: no chat actions, no cost card. */
export const ReaderView: Story = {
  args: { me: identities.member },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(shadow(detail(canvasElement)).querySelectorAll('[part~=entry]').length).toBe(7),
    );
    await expect(hasPart(canvasElement, 'end')).toBe(false);
  },
};

/** The light theme. */
export const Light: Story = { globals: { theme: 'light' }, play: Chat.play! };

/** Right to left (Arabic). */
export const RightToLeft: Story = {
  args: { session: sessions.runningFlow, sessionId: sessions.runningFlow.id },
  parameters: { lang: 'ar', dir: 'rtl' },
  play: Flow.play!,
};

/**
 * A detail whose client follows the session live (the stand-in stream of `fakeFollow`); the feed
 * is on the returned wrapper as `lensFeed` for the play function. The transcript is kept short
 * (`--lens-transcript-max-height`) so that it scrolls.
 */
function liveDetail(entries = transcript): HTMLElement {
  const feed = fakeFollow();
  const base = fakeClient({
    ...defaultData,
    transcripts: { ...defaultData.transcripts, [sessions.openChat.id]: entries },
  });
  const client = { ...base, sessions: { ...base.sessions, follow: feed.follow } };
  const wrapper = lens(
    html`<session-detail
      style="--lens-transcript-max-height: 14rem"
      .session=${sessions.openChat}
      session-id=${sessions.openChat.id}
    ></session-detail>`,
    { client },
  );
  return Object.assign(wrapper, { lensFeed: feed });
}

const feedOf = (canvas: HTMLElement) =>
  (canvas.querySelector('[data-lens]') as unknown as { lensFeed: FakeFollow }).lensFeed;

/** Assistant messages after the `after` entries, as the stream would send them. */
function arrive(canvas: HTMLElement, from: number, count: number, after = transcript.length): void {
  const feed = feedOf(canvas);
  const entries = Array.from({ length: count }, (_, i) => ({
    seq: after + from + i,
    at: minutesAgo(1),
    type: 'message' as const,
    role: 'assistant' as const,
    text: `Live entry ${from + i}: the agent keeps working.`,
  }));
  feed.entries(sessions.openChat.id, entries);
  feed.push(sessions.openChat.id, {
    type: 'session',
    id: String(entries.at(-1)!.seq),
    data: {
      ...sessions.openChat,
      version: sessions.openChat.version + from + count,
      progress: { messages: (sessions.openChat.progress.messages ?? 0) + from + count - 1 },
    },
  });
}

/** Waits for the detail to follow, then sends what the stream sends first: the session as it is. */
async function followed(canvas: HTMLElement, count = transcript.length): Promise<void> {
  if (count < 200) await waitFor(() => expect(entryCount(canvas)).toBe(count));
  else await waitFor(() => expect(scroller(canvas)?.classList.contains('windowed')).toBe(true));
  await waitFor(() => expect(feedOf(canvas).open()).toBe(1));
  feedOf(canvas).push(sessions.openChat.id, {
    type: 'session',
    id: String(count),
    data: sessions.openChat,
  });
}

const scroller = (canvas: HTMLElement) => shadow(detail(canvas)).querySelector<HTMLElement>('.entries')!;
const entryTexts = (canvas: HTMLElement) =>
  [...shadow(detail(canvas)).querySelectorAll('[part~=entry]')].map((node) => node.textContent ?? '');
const entryCount = (canvas: HTMLElement) => shadow(detail(canvas)).querySelectorAll('[part~=entry]').length;

/** Following live (E13): entries that arrive append, and the newest stays in view. */
export const Following: Story = {
  render: () => liveDetail(),
  play: async ({ canvasElement }) => {
    await followed(canvasElement);
    const list = scroller(canvasElement);
    list.scrollTop = list.scrollHeight;
    arrive(canvasElement, 1, 3);
    await waitFor(() => expect(entryCount(canvasElement)).toBe(10));
    await waitFor(() => expect(list.scrollHeight - list.scrollTop - list.clientHeight).toBeLessThan(40));
    await expect(hasPart(canvasElement, 'new-entries')).toBe(false);
  },
};

/** Paused: the reader scrolled up, so arrivals are counted ("3 new entries") instead of scrolled to. */
export const PausedWithNewEntries: Story = {
  render: () => liveDetail(),
  play: async ({ canvasElement }) => {
    await followed(canvasElement);
    scroller(canvasElement).scrollTop = 0;
    arrive(canvasElement, 1, 3);
    await waitFor(() => expect(text(canvasElement)).toContain('3 new entries'));
    await expect(scroller(canvasElement).scrollTop).toBe(0);
  },
};

/** 2,000 entries of every kind (the fixture transcript over and over), numbered in their messages. */
const longTranscript = Array.from({ length: 2000 }, (_, i) => {
  const entry = transcript[i % transcript.length]!;
  return entry.type === 'message'
    ? { ...entry, seq: i + 1, text: `${entry.text} (entry ${i + 1})` }
    : { ...entry, seq: i + 1 };
});

/**
 * A long transcript, following live: windowed (only the entries near the view are in the DOM, so
 * 10,000 entries scroll at frame rate); at its end, entries that arrive append and the newest
 * stays in view.
 */
export const LongTranscriptFollowing: Story = {
  render: () => liveDetail(longTranscript),
  play: async ({ canvasElement }) => {
    await followed(canvasElement, longTranscript.length);
    const list = scroller(canvasElement);
    await expect(entryCount(canvasElement)).toBeLessThan(100);
    list.scrollTop = list.scrollHeight;
    await waitFor(() => expect(entryTexts(canvasElement).join(' ')).toContain('(entry 1996)'));
    arrive(canvasElement, 1, 3, longTranscript.length);
    await waitFor(() => expect(entryTexts(canvasElement).join(' ')).toContain('Live entry 3:'));
    await waitFor(() => expect(list.scrollHeight - list.scrollTop - list.clientHeight).toBeLessThan(40));
    await expect(hasPart(canvasElement, 'new-entries')).toBe(false);
    await expect(entryCount(canvasElement)).toBeLessThan(100);
  },
};

/**
 * A long transcript, paused: the reader scrolled up into it, so arrivals are counted ("3 new
 * entries") while nothing moves under them; the button jumps to the newest entry.
 */
export const LongTranscriptPaused: Story = {
  render: () => liveDetail(longTranscript),
  play: async ({ canvasElement, step }) => {
    await followed(canvasElement, longTranscript.length);
    const list = scroller(canvasElement);
    list.scrollTop = list.scrollHeight / 2;
    await waitFor(() => expect(entryTexts(canvasElement).join(' ')).not.toContain('(entry 1)'));
    const top = list.scrollTop;
    arrive(canvasElement, 1, 3, longTranscript.length);
    await waitFor(() => expect(text(canvasElement)).toContain('3 new entries'));
    await expect(list.scrollTop).toBe(top);
    await step('"3 new entries" jumps to the newest entry', async () => {
      inShadow(detail(canvasElement), '[part~=new-entries]').click();
      await waitFor(() => expect(entryTexts(canvasElement).join(' ')).toContain('Live entry 3:'));
      await waitFor(() => expect(hasPart(canvasElement, 'new-entries')).toBe(false));
    });
    // Back where the reader was, for the story's picture: paused, with new entries below.
    list.scrollTop = top;
    arrive(canvasElement, 4, 3, longTranscript.length);
    await waitFor(() => expect(text(canvasElement)).toContain('3 new entries'));
  },
};
