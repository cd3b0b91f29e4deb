import {
  costCaption,
  elapsedBetween,
  isActive,
  progressLabel,
  relativeTime,
  type Session,
} from '@session-lens/sdk';
import { clampText, formatDateTime, kindLabel, shortId } from '../internal/format.js';
import { statusText, type Messages } from '../internal/messages.js';

/** Every string a row derives from its session, worked out once per session version. */
export type RowText = {
  kind: string;
  title: string;
  owner: string;
  id: string;
  caption: string | undefined;
  progress: string;
  /** When it last moved ("12m ago") and its full date, for the time column. */
  relative: string;
  updated: string;
  elapsed: string;
  /** Each step's tooltip. */
  steps: string[];
};

type Entry = { now: number; locale: string | undefined; words: Messages; text: RowText };

/**
 * Rows are reused by position as the list scrolls, so one session is drawn by one row after
 * another, each frame it stays in view: its strings (Intl formatting, clamping, step labels) are
 * kept per session object, and a new version of the session is a new object (the store never
 * mutates one). Keyed weakly: sessions the store drops take their strings with them.
 */
const cache = new WeakMap<Session, Entry>();

/** Whether rows reuse derived strings (the bench turns it off to measure what it saves). */
export const rowTextCache = { enabled: true };

/** The strings of `session` at clock time `now` in `locale`. */
export function rowText(session: Session, now: number, locale: string | undefined, words: Messages): RowText {
  const hit = rowTextCache.enabled ? cache.get(session) : undefined;
  if (hit && hit.now === now && hit.locale === locale && hit.words === words) return hit.text;
  const text = derive(session, now, locale, words);
  if (rowTextCache.enabled) cache.set(session, { now, locale, words, text });
  return text;
}

function derive(session: Session, now: number, locale: string | undefined, words: Messages): RowText {
  // How long it ran: to its end, to now while active, else to when it last moved.
  const end = session.endedAt ?? (isActive(session, now) ? undefined : session.updatedAt);
  return {
    kind: kindLabel(session, words.kind),
    title: clampText(session.title) || words.untitled,
    owner: clampText(session.owner.name, 200),
    id: shortId(session.id),
    caption: costCaption(session.cost, locale),
    progress: progressLabel(session, locale),
    relative: relativeTime(session.updatedAt, now, locale),
    updated: formatDateTime(session.updatedAt, locale),
    elapsed: elapsedBetween(session.createdAt, end, now, locale),
    steps: (session.kind === 'flow' ? (session.progress.steps ?? []) : []).map((step) => {
      const time = step.startedAt
        ? elapsedBetween(step.startedAt, step.endedAt, now, locale)
        : words.notStarted;
      return clampText(words.stepLabel(step.name, statusText(words, step.status), time), 200);
    }),
  };
}
