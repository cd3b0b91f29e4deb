/**
 * Every word the elements show or announce, per language, in one place (numbers, dates, times
 * and plurals come from `Intl`; cost captions, progress and time labels from the SDK's helpers).
 * An element picks its table from the nearest `lang` (crossing shadow roots); a language with no
 * table reads English. The lookup and the plural forms are the SDK's (`tableLanguage`,
 * `pluralForm`, over its bounded `Intl` cache). To add a language, add a table of type {@link Messages} to `BY_LANGUAGE`
 * and one to `detail-messages.ts`.
 *
 * These are the words of the first chunk (provider, tab, list, row, pill). The detail, the cost
 * card and the command center, which a page loads later, take theirs from `detail-messages.ts`
 * so the first chunk carries none of them (X6).
 */
import { pluralForm, tableLanguage, type KnownStatus } from '@session-lens/sdk';
import { formatCount, localeOf } from './format.js';

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
  resultCount: (count: string) => string;
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
    resultCount: (count) => `${count} sessions found.`,
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

const de: Messages = {
  kind: {
    flow: 'Flow-Lauf',
    task: 'Hintergrundaufgabe',
    chat: 'Chat',
    ask: 'Ask-Anfrage',
    assessment: 'Bewertung',
  },
  status: {
    running: 'Läuft',
    provisioning: 'Wird bereitgestellt',
    streaming: 'Streamt',
    pending: 'Ausstehend',
    queued: 'In Warteschlange',
    paused: 'Pausiert',
    blocked: 'Blockiert',
    waiting: 'Wartet',
    interrupted: 'Unterbrochen',
    pending_review: 'Prüfung ausstehend',
    completed: 'Abgeschlossen',
    merged: 'Zusammengeführt',
    reviewed: 'Geprüft',
    ended: 'Beendet',
    skipped: 'Übersprungen',
    cancelled: 'Abgebrochen',
    failed: 'Fehlgeschlagen',
    rejected: 'Abgelehnt',
    discarded: 'Verworfen',
  },
  tabs: { all: 'Alle', flow: 'Flows', task: 'Aufgaben', chat: 'Chats', assessment: 'Bewertungen' },
  untitled: 'Ohne Titel',
  ask: 'Ask',
  errorPrefix: 'Fehler:',
  ranFor: 'lief',
  notStarted: 'nicht gestartet',
  insights: { one: 'Erkenntnis', other: 'Erkenntnisse' },
  cancel: 'Abbrechen',
  cancelling: 'Wird abgebrochen…',
  end: 'Beenden',
  ending: 'Wird beendet…',
  actionOn: (verb, title) => `${verb}: ${title}`,
  stepLabel: (name, status, time) => `${name}: ${status}, ${time}`,
  statusChanged: (title, status) => `${title}: ${status}.`,
  manyChanged: (count) => `Bei ${count} Sitzungen hat sich der Status geändert.`,
  somethingWrong: 'Etwas ist schiefgelaufen.',
  sessionKinds: 'Sitzungsarten',
  sessions: 'Sitzungen',
  searchSessions: 'Sitzungen durchsuchen',
  search: 'Suchen',
  statusLabel: 'Status',
  allStatuses: 'Alle Status',
  filter: 'Filter',
  ownersSelected: ', ausgewählte Personen: ',
  pauseLive: 'Live pausieren',
  resumeLive: 'Live fortsetzen',
  resume: 'Fortsetzen',
  refresh: 'Aktualisieren',
  retry: 'Erneut versuchen',
  owner: 'Person',
  searchMembers: 'Mitglieder suchen',
  members: 'Mitglieder',
  loadingMembers: 'Mitglieder werden geladen…',
  membersFailed: (reason) => `Mitglieder konnten nicht geladen werden: ${reason}`,
  noMemberMatches: 'Kein Mitglied passt.',
  clear: 'Zurücksetzen',
  apply: 'Anwenden',
  paused: (waiting) => `Live-Updates pausiert${waiting > 0 ? ` · ${waiting} wartend` : ''}.`,
  reconnecting: 'Verbindung wird wiederhergestellt… die Liste ist evtl. nicht aktuell.',
  offlineList: 'Offline: zuletzt bekannte Liste.',
  noProvider: 'Verbinden Sie einen Client mit <session-lens-provider>, um Sitzungen aufzulisten.',
  sessionsFailed: (reason) => `Sitzungen konnten nicht geladen werden: ${reason}`,
  loadingSessions: 'Sitzungen werden geladen…',
  noSessions: 'Keine passenden Sitzungen.',
  clearFilters: 'Filter zurücksetzen',
  find: {
    searchIn: 'Suchen in',
    titles: 'Titeln',
    content: 'Sitzungsinhalten',
    range: 'Zeitraum',
    anyTime: 'Beliebige Zeit',
    presets: {
      PT1H: 'Letzte Stunde',
      P1D: 'Letzte 24 Stunden',
      P7D: 'Letzte 7 Tage',
      P30D: 'Letzte 30 Tage',
    },
    custom: 'Eigener Zeitraum',
    resultCount: (count) => `${count} Sitzungen gefunden.`,
    excludedBy: 'Diese Filter schließen jede Sitzung aus:',
    clearOne: (name) => `${name} zurücksetzen`,
    clearAll: 'Alle zurücksetzen',
    filterNames: {
      kind: 'Art',
      owner: 'Besitzer',
      status: 'Status',
      search: 'Suche',
      range: 'Zeitraum',
      view: 'Ansicht',
    },
  },
  newCount: (count) => `${count} neu`,
  loading: 'Wird geladen…',
  loadMore: 'Mehr laden',
  missingScope:
    'Dieser Tab braucht einen Datensatz: setzen Sie scope auf initiative:<id>, plan:<id> oder agent:<id>.',
};

/** The languages with a table; every other language reads English. */
export type Language = 'en' | 'de';

const BY_LANGUAGE: Readonly<Record<Language, Messages>> = { en, de };

/** The table language of a locale tag ("de-CH" → "de"); "en" for an unset, unknown or invalid tag. */
export function languageOf(locale: string | undefined): Language {
  try {
    return tableLanguage(BY_LANGUAGE, locale || 'en', 'en');
  } catch {
    return 'en'; // an invalid `lang` value reads English
  }
}

/** The table for a locale tag ("de-CH" → German); English for an unknown or invalid tag. */
export function messagesForLocale(locale: string | undefined): Messages {
  return BY_LANGUAGE[languageOf(locale)];
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
