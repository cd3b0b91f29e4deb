/**
 * How a story feeds the elements: a wrapper element that provides a client (the in-memory fake),
 * an identity and a clock pinned at the fixtures' instant, so relative times ("12m ago") never
 * change between runs, and live sources that answer filters the way the server would.
 */
import {
  LensClock,
  identityFromMe,
  provideSessionLens,
  type LensClient,
  type LensIdentity,
  type LiveSourceFactory,
} from '@session-lens/elements';
import { matchesFilters, type Me, type Session, type SessionFilters } from '@session-lens/sdk';
import { render, type TemplateResult } from 'lit';
import {
  FakeLiveStore,
  NOW,
  costDetail,
  executions,
  fakeClient,
  identities,
  insights,
  makeSession,
  members,
  minutesAgo,
  sessions,
  transcript,
  type FakeClientData,
} from './fixtures.js';

/** Every fixture session, newest kinds first as the server would order them. */
export const allSessions: Session[] = Object.values(sessions);

/** The client data every story starts from: transcripts, cost, findings and members. */
export const defaultData: FakeClientData = {
  sessions: allSessions,
  transcripts: {
    [sessions.openChat.id]: transcript,
    [sessions.endedChat.id]: transcript.slice(0, 3),
    [sessions.runningFlow.id]: transcript.slice(1, 5),
  },
  costs: {
    [sessions.openChat.id]: costDetail,
    [sessions.runningFlow.id]: costDetail,
    [sessions.queuedTask.id]: costDetail,
  },
  executions: {
    [sessions.runningAssessment.id]: executions,
    [sessions.reviewAssessment.id]: executions,
  },
  insights: {
    [sessions.runningAssessment.id]: insights.slice(0, 1),
    [sessions.reviewAssessment.id]: insights,
  },
  members,
  me: identities.admin,
};

export type LensOptions = {
  /** Overrides of {@link defaultData} for the fake client. */
  data?: Partial<FakeClientData>;
  /** A ready client instead of the fake. */
  client?: LensClient;
  /** Who the elements act for; the admin (every scope, spend visible) by default. */
  me?: Me;
};

/** The pinned clock: it moves only when a story calls `tick()`. */
export function pinnedClock(): LensClock {
  return new LensClock({ now: () => NOW, autoTick: false });
}

/**
 * Renders `template` inside a `<div>` that provides the Session Lens context, and returns the div.
 * The client is on the div as `lensClient` so a play function can release held calls.
 */
export function lens(template: TemplateResult, options: LensOptions = {}): HTMLElement {
  const wrapper = document.createElement('div');
  const client = options.client ?? fakeClient({ ...defaultData, ...options.data });
  const identity: LensIdentity = identityFromMe(options.me ?? identities.admin);
  provideSessionLens(wrapper, client, { clock: pinnedClock(), identity });
  wrapper.dataset['lens'] = '';
  Object.assign(wrapper, { lensClient: client });
  render(template, wrapper);
  return wrapper;
}

/** The fake client of the (first) {@link lens} wrapper inside `canvas`. */
export function clientOf(canvas: Element): ReturnType<typeof fakeClient> {
  const wrapper = canvas.querySelector('[data-lens]') as {
    lensClient?: ReturnType<typeof fakeClient>;
  } | null;
  if (!wrapper?.lensClient) throw new Error('No lens() wrapper in the story');
  return wrapper.lensClient;
}

/**
 * Whether `session` passes `filters` as the server's list would decide: the SDK's own matching
 * (kind, owner, status, active), plus the record scope and the words of `q`.
 */
export function matches(session: Session, filters: SessionFilters): boolean {
  if (!matchesFilters(session, filters, NOW)) return false;
  if (filters.scope) {
    const [type, id] = filters.scope.split(/:(.*)/s) as [string, string];
    const linked =
      type === 'agent'
        ? session.agent?.id
        : (session.links as Record<string, { id?: string }> | undefined)?.[type]?.id;
    if (linked !== id) return false;
  }
  if (filters.q) {
    const haystack = [
      session.title,
      session.description,
      session.agent?.hostname,
      session.playbook,
      session.owner.name,
    ]
      .filter(Boolean)
      .join(' ')
      .toLocaleLowerCase();
    if (
      !filters.q
        .toLocaleLowerCase()
        .split(/\s+/)
        .every((word) => haystack.includes(word))
    )
      return false;
  }
  return true;
}

/**
 * A live-source factory over `source`, answering each set of filters with the matching sessions,
 * and letting a story put each new store into a state (loading, offline, paused…).
 */
export function storeFactory(
  source: readonly Session[] = allSessions,
  setup?: (store: FakeLiveStore) => void,
): LiveSourceFactory {
  return (filters) => {
    const store = new FakeLiveStore(
      filters,
      source.filter((session) => matches(session, filters)),
    );
    setup?.(store);
    return store;
  };
}

/** Resolves after the next two animation frames (the list lays out its rows in one). */
export function frames(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** The open shadow root of `element`, failing loudly when there is none. */
export function shadow(element: Element | null | undefined): ShadowRoot {
  const root = element?.shadowRoot;
  if (!root) throw new Error(`<${element?.localName ?? 'nothing'}> has no open shadow root`);
  return root;
}

/** The first element matching `selector` inside `root`'s shadow root, or an error. */
export function inShadow<T extends Element = HTMLElement>(
  root: Element | null | undefined,
  selector: string,
): T {
  const found = shadow(root).querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} inside <${root?.localName}>`);
  return found;
}

/**
 * `count` older, settled sessions (completed tasks, one a minute further back), so a list has
 * enough rows to scroll.
 */
export function olderSessions(count: number): Session[] {
  return Array.from({ length: count }, (_, index) =>
    makeSession({
      id: `ses_old${String(index).padStart(5, '0')}`,
      kind: 'task',
      title: `Nightly report ${index + 1}`,
      status: 'completed',
      createdAt: minutesAgo(300 + index),
      updatedAt: minutesAgo(290 + index),
      endedAt: minutesAgo(290 + index),
      progress: { turns: 3 },
    }),
  );
}
