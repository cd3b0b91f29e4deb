/**
 * Every word the list elements show or announce, in English, and the registry of the other
 * languages (numbers, dates, times and plurals come from `Intl`; cost captions, progress and time
 * labels from the SDK's helpers). An element picks its words from the nearest `lang` (crossing
 * shadow roots); a language with no registered pack reads English. The lookup and the plural forms
 * are the SDK's (`tableLanguage`, `pluralForm`, over its bounded `Intl` cache).
 *
 * English is built in; another language is a pack of its list, detail and act words given to
 * {@link registerLanguage} (German: `locales/de.ts`, which define.js and the package index do not
 * import, so a host bundle carries no German unless it asks for it; X6).
 *
 * These are the words of the first chunk (provider, tab, list, row, pill). The detail, the cost
 * card and the command center, which a page loads later, take theirs from `detail-messages.ts`,
 * the act UI from `act-messages.ts`, so the first chunk carries none of them (X6).
 */
import { pluralForm, tableLanguage, type KnownStatus } from '@session-lens/sdk';
import { formatCount, localeOf } from './format.js';
import { refreshLocales } from '../base/locale-controller.js';
import type { ActWords } from './act-messages.js';
import type { DetailWords } from './detail-messages.js';

type Forms = { one: string; other: string };

/** The filters a list can name in its empty state. */
export type FilterName = 'kind' | 'owner' | 'status' | 'search' | 'range' | 'view';

/** The range presets (`since` durations) the time range control offers. */
export type RangePreset = 'PT1H' | 'P1D' | 'P7D' | 'P30D';

/** The words of the list's find controls (E12): search modes, time range, empty explanation. */
export type FindWords = {
  searchIn: string;
  titles: string;
  content: string;
  range: string;
  anyTime: string;
  presets: Record<RangePreset, string>;
  custom: string;
  /** Read after a find change: how many sessions the first page holds (`one`: exactly one). */
  resultCount: (count: string, one: boolean) => string;
  excludedBy: string;
  clearOne: (name: string) => string;
  clearAll: string;
  filterNames: Record<FilterName, string>;
};

/** The words of one language for the list elements. Functions take already formatted values. */
export type Messages = {
  kind: { flow: string; task: string; chat: string; ask: string; assessment: string };
  status: Record<KnownStatus, string>;
  tabs: { all: string; flow: string; task: string; chat: string; assessment: string };
  untitled: string;
  ask: string;
  errorPrefix: string;
  ranFor: string;
  notStarted: string;
  insights: Forms;
  cancel: string;
  cancelling: string;
  end: string;
  ending: string;
  /** The aria-label of a row action: the verb (or its pending form) and the session title. */
  actionOn: (verb: string, title: string) => string;
  stepLabel: (name: string, status: string, time: string) => string;
  statusChanged: (title: string, status: string) => string;
  manyChanged: (count: number) => string;
  somethingWrong: string;
  // session-list
  sessionKinds: string;
  sessions: string;
  searchSessions: string;
  search: string;
  statusLabel: string;
  allStatuses: string;
  filter: string;
  ownersSelected: string;
  pauseLive: string;
  resumeLive: string;
  resume: string;
  refresh: string;
  retry: string;
  owner: string;
  searchMembers: string;
  members: string;
  loadingMembers: string;
  membersFailed: (reason: string) => string;
  noMemberMatches: string;
  clear: string;
  apply: string;
  paused: (waiting: number) => string;
  reconnecting: string;
  offlineList: string;
  noProvider: string;
  sessionsFailed: (reason: string) => string;
  loadingSessions: string;
  noSessions: string;
  clearFilters: string;
  find: FindWords;
  newCount: (count: string) => string;
  loading: string;
  loadMore: string;
  // session-tab
  missingScope: string;
};

const en: Messages = {
  kind: {
    flow: 'Flow run',
    task: 'Background task',
    chat: 'Chat',
    ask: 'Ask inquiry',
    assessment: 'Assessment',
  },
  status: {
    running: 'Running',
    provisioning: 'Provisioning',
    streaming: 'Streaming',
    pending: 'Pending',
    queued: 'Queued',
    paused: 'Paused',
    blocked: 'Blocked',
    waiting: 'Waiting',
    interrupted: 'Interrupted',
    pending_review: 'Pending review',
    completed: 'Completed',
    merged: 'Merged',
    reviewed: 'Reviewed',
    ended: 'Ended',
    skipped: 'Skipped',
    cancelled: 'Cancelled',
    failed: 'Failed',
    rejected: 'Rejected',
    discarded: 'Discarded',
  },
  tabs: { all: 'All', flow: 'Flows', task: 'Tasks', chat: 'Chats', assessment: 'Assessments' },
  untitled: 'Untitled',
  ask: 'Ask',
  errorPrefix: 'Error:',
  ranFor: 'ran for',
  notStarted: 'not started',
  insights: { one: 'insight', other: 'insights' },
  cancel: 'Cancel',
  cancelling: 'Cancelling…',
  end: 'End',
  ending: 'Ending…',
  actionOn: (verb, title) => `${verb} ${title}`,
  stepLabel: (name, status, time) => `${name}: ${status}, ${time}`,
  statusChanged: (title, status) => `${title}: ${status}.`,
  manyChanged: (count) => `${count} sessions changed status.`,
  somethingWrong: 'Something went wrong.',
  sessionKinds: 'Session kinds',
  sessions: 'Sessions',
  searchSessions: 'Search sessions',
  search: 'Search',
  statusLabel: 'Status',
  allStatuses: 'All statuses',
  filter: 'Filter',
  ownersSelected: ', owners selected: ',
  pauseLive: 'Pause live',
  resumeLive: 'Resume live',
  resume: 'Resume',
  refresh: 'Refresh',
  retry: 'Retry',
  owner: 'Owner',
  searchMembers: 'Search members',
  members: 'Members',
  loadingMembers: 'Loading members…',
  membersFailed: (reason) => `Members could not be loaded: ${reason}`,
  noMemberMatches: 'No member matches.',
  clear: 'Clear',
  apply: 'Apply',
  paused: (waiting) => `Live updates paused${waiting > 0 ? ` · ${waiting} waiting` : ''}.`,
  reconnecting: 'Reconnecting… the list may be behind.',
  offlineList: 'Offline: showing the last known list.',
  noProvider: 'Connect a client with <session-lens-provider> to list sessions.',
  sessionsFailed: (reason) => `Sessions could not be loaded: ${reason}`,
  loadingSessions: 'Loading sessions…',
  noSessions: 'No sessions match.',
  clearFilters: 'Clear filters',
  find: {
    searchIn: 'Search in',
    titles: 'Titles',
    content: 'Inside sessions',
    range: 'Time range',
    anyTime: 'Any time',
    presets: { PT1H: 'Last hour', P1D: 'Last 24 hours', P7D: 'Last 7 days', P30D: 'Last 30 days' },
    custom: 'Custom range',
    resultCount: (count, one) => `${count} ${one ? 'session' : 'sessions'} found.`,
    excludedBy: 'These filters exclude every session:',
    clearOne: (name) => `Clear ${name}`,
    clearAll: 'Clear all',
    filterNames: {
      kind: 'kind',
      owner: 'owner',
      status: 'status',
      search: 'search',
      range: 'time range',
      view: 'view',
    },
  },
  newCount: (count) => `${count} new`,
  loading: 'Loading…',
  loadMore: 'Load more',
  missingScope: 'This tab needs a record: set scope to initiative:<id>, plan:<id> or agent:<id>.',
};

/**
 * The words of one language other than English: its list words, detail words and act words,
 * every key of the English tables (the types refuse a pack that misses one).
 */
export type LanguagePack = {
  readonly messages: Messages;
  readonly detail: DetailWords;
  readonly act: ActWords;
};

/** The registered languages by lowercase language subtag; English is built in (no pack). */
const packs: Record<string, LanguagePack | undefined> = { en: undefined };

/**
 * Registers the words of a language ("de"): an element whose nearest `lang` has that language
 * ("de", "de-CH") reads them from now on, and connected elements re-render in them. German is
 * `import '@session-lens/elements/locales/de.js'` (the browser embed includes it).
 */
export function registerLanguage(language: string, pack: LanguagePack): void {
  packs[language.toLowerCase()] = pack;
  refreshLocales();
}

/** The registered pack of a locale tag ("de-CH" → German); undefined for English, an unregistered or invalid tag. */
export function languagePackFor(locale: string | undefined): LanguagePack | undefined {
  return packs[languageOf(locale)];
}

/** The registered language of a locale tag ("de-CH" → "de"); "en" for an unset, unregistered or invalid tag. */
export function languageOf(locale: string | undefined): string {
  try {
    return tableLanguage(packs, locale || 'en', 'en');
  } catch {
    return 'en'; // an invalid `lang` value reads English
  }
}

/** The list words for a locale tag ("de-CH" → German once registered); English for any other tag. */
export function messagesForLocale(locale: string | undefined): Messages {
  return languagePackFor(locale)?.messages ?? en;
}

/**
 * The lookup of a later chunk's words (`detail`, `act`): its part of the locale's pack, else its
 * English, over the list words of the same locale; each merged table made once.
 */
export function layeredWords<Part extends 'detail' | 'act'>(
  part: Part,
  english: LanguagePack[Part],
): (locale: string | undefined) => Messages & LanguagePack[Part] {
  const tables = new WeakMap<LanguagePack[Part], Messages & LanguagePack[Part]>();
  return (locale) => {
    const words = languagePackFor(locale)?.[part] ?? english;
    let table = tables.get(words);
    if (!table) tables.set(words, (table = { ...messagesForLocale(locale), ...words }));
    return table;
  };
}

/** The table for an element, from its nearest `lang` (else English). */
export function messagesFor(element: Element): Messages {
  return messagesForLocale(localeOf(element));
}

/** A known status in the table's words; an unknown one keeps its raw label (S2). */
export function statusText(messages: Messages, status: string): string {
  return (messages.status as Record<string, string>)[status] ?? status;
}

/** A count with its noun ("3 insights"), the number formatted in `locale`. */
export function countText(forms: Forms, count: number, locale: string | undefined): string {
  return `${formatCount(count, locale)} ${pluralForm(forms, count, locale)}`;
}
