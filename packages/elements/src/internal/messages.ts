/**
 * Every word the elements show or announce, per language, in one place (numbers, dates, times
 * and plurals come from `Intl`; cost captions, progress and time labels from the SDK's helpers).
 * An element picks its table from the nearest `lang` (crossing shadow roots); a language with no
 * table reads English. To add a language, add a table of type {@link Messages} to `BY_LANGUAGE`.
 */
import type { KnownStatus } from '@session-lens/sdk';
import { formatCount, localeOf } from './format.js';

type Forms = { one: string; other: string };

/** The words of one language. Functions take already formatted values. */
export type Messages = {
  kind: { flow: string; task: string; chat: string; ask: string; assessment: string };
  status: Record<KnownStatus, string>;
  tabs: { all: string; flow: string; task: string; chat: string; assessment: string };
  untitled: string;
  ask: string;
  errorPrefix: string;
  ranFor: string;
  notStarted: string;
  /** A timeline step that has not started, on a line of its own. */
  stepNotStarted: string;
  insights: Forms;
  cancel: string;
  cancelling: string;
  end: string;
  ending: string;
  /** The aria-label of a row action: the verb (or its pending form) and the session title. */
  actionOn: (verb: string, title: string) => string;
  stepLabel: (name: string, status: string, time: string) => string;
  stepOf: (index: number, total: number) => string;
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
  newCount: (count: string) => string;
  loading: string;
  loadMore: string;
  // session-tab
  missingScope: string;
  // command-center
  commandCenter: string;
  activeNow: string;
  recent: string;
  nothingRunning: string;
  nothingRecent: string;
  view: string;
  reconnectingShort: string;
  offlineSessions: string;
  noProviderCenter: string;
  // session-detail
  detailTabs: { transcript: string; metadata: string; executions: string; insights: string };
  sessionDetails: string;
  origin: { web: string; editor: string; scheduled: string };
  role: { user: string; assistant: string; system: string };
  toolStatus: { running: string; succeeded: string; failed: string };
  resumeInChat: string;
  openInEditor: string;
  runTimeline: string;
  field: {
    owner: string;
    started: string;
    duration: string;
    messages: string;
    turns: string;
    host: string;
    playbook: string;
    executions: string;
    insights: string;
    toolCalls: string;
    model: string;
    cost: string;
    initiative: string;
    plan: string;
    repository: string;
    branch: string;
    pullRequest: string;
    id: string;
    kind: string;
    status: string;
    created: string;
    lastMoved: string;
    ended: string;
    runtime: string;
    sandbox: string;
    profile: string;
    origin: string;
    version: string;
  };
  toolCall: string;
  arguments: string;
  result: string;
  fileChange: { created: string; deleted: string; edited: string };
  before: string;
  after: string;
  step: string;
  loadingTranscript: string;
  noTranscript: string;
  noTranscriptEntries: string;
  transcript: string;
  noExecutions: string;
  command: string;
  capability: string;
  exitCode: string;
  running: string;
  output: string;
  noInsights: string;
  insightOpen: string;
  insightResolved: string;
  notFound: string;
  sessionFailed: (reason: string) => string;
  loadingSession: string;
  chatEnded: string;
  awaitingReview: string;
  approve: string;
  approving: string;
  reject: string;
  rejecting: string;
  reviewActions: string;
  // cost-summary
  pricing: { priced: string; estimated: string; unpriced: string };
  loadingCost: string;
  costFailed: (reason: string) => string;
  metric: { turns: string; events: string; tokens: string; credits: string; toolCalls: string };
  aiCost: string;
  unpriced: string;
  costPerTurn: string;
  turn: string;
  model: string;
  pricingColumn: string;
  cost: string;
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
  stepNotStarted: 'Not started',
  insights: { one: 'insight', other: 'insights' },
  cancel: 'Cancel',
  cancelling: 'Cancelling…',
  end: 'End',
  ending: 'Ending…',
  actionOn: (verb, title) => `${verb} ${title}`,
  stepLabel: (name, status, time) => `${name}: ${status}, ${time}`,
  stepOf: (index, total) => `Step ${index} of ${total}`,
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
  newCount: (count) => `${count} new`,
  loading: 'Loading…',
  loadMore: 'Load more',
  missingScope: 'This tab needs a record: set scope to initiative:<id>, plan:<id> or agent:<id>.',
  commandCenter: 'Command Center',
  activeNow: 'Active now',
  recent: 'Recent',
  nothingRunning: 'Nothing is running right now.',
  nothingRecent: 'Nothing finished in the last 24 hours.',
  view: 'View',
  reconnectingShort: 'Reconnecting…',
  offlineSessions: 'Offline: showing the last known sessions.',
  noProviderCenter: 'Connect a client with <session-lens-provider> to see sessions.',
  detailTabs: {
    transcript: 'Transcript',
    metadata: 'Metadata',
    executions: 'Executions',
    insights: 'Insights',
  },
  sessionDetails: 'Session details',
  origin: { web: 'Web app', editor: 'Editor', scheduled: 'Scheduled' },
  role: { user: 'User', assistant: 'Assistant', system: 'System' },
  toolStatus: { running: 'running', succeeded: 'succeeded', failed: 'failed' },
  resumeInChat: 'Resume in chat',
  openInEditor: 'Open in editor',
  runTimeline: 'Run timeline',
  field: {
    owner: 'Owner',
    started: 'Started',
    duration: 'Duration',
    messages: 'Messages',
    turns: 'Turns',
    host: 'Host',
    playbook: 'Playbook',
    executions: 'Executions',
    insights: 'Insights',
    toolCalls: 'Tool calls',
    model: 'Model',
    cost: 'Cost',
    initiative: 'Initiative',
    plan: 'Plan',
    repository: 'Repository',
    branch: 'Branch',
    pullRequest: 'Pull request',
    id: 'Id',
    kind: 'Kind',
    status: 'Status',
    created: 'Created',
    lastMoved: 'Last moved',
    ended: 'Ended',
    runtime: 'Runtime',
    sandbox: 'Sandbox',
    profile: 'Profile',
    origin: 'Origin',
    version: 'Version',
  },
  toolCall: 'Tool call',
  arguments: 'Arguments',
  result: 'Result',
  fileChange: { created: 'File created', deleted: 'File deleted', edited: 'File edited' },
  before: 'Before',
  after: 'After',
  step: 'Step',
  loadingTranscript: 'Loading transcript…',
  noTranscript: 'No transcript.',
  noTranscriptEntries: 'No transcript entries yet.',
  transcript: 'Transcript',
  noExecutions: 'No executions yet.',
  command: 'Command',
  capability: 'Capability',
  exitCode: 'Exit code',
  running: 'Running',
  output: 'Output',
  noInsights: 'No insights.',
  insightOpen: 'Open',
  insightResolved: 'Resolved',
  notFound: 'This session does not exist, or you may not see it.',
  sessionFailed: (reason) => `The session could not be loaded: ${reason}`,
  loadingSession: 'Loading session…',
  chatEnded: 'This conversation has ended. Its transcript stays readable.',
  awaitingReview: 'Awaiting review: these findings are not final until a reviewer confirms them.',
  approve: 'Approve',
  approving: 'Approving…',
  reject: 'Reject',
  rejecting: 'Rejecting…',
  reviewActions: 'Review',
  pricing: { priced: 'Priced', estimated: 'Estimated', unpriced: 'Unpriced' },
  loadingCost: 'Loading cost…',
  costFailed: (reason) => `Cost could not be loaded: ${reason}`,
  metric: {
    turns: 'Turns',
    events: 'Events',
    tokens: 'Tokens',
    credits: 'AI credits',
    toolCalls: 'Tool calls',
  },
  aiCost: 'AI cost',
  unpriced: 'Unpriced',
  costPerTurn: 'Cost per turn',
  turn: 'Turn',
  model: 'Model',
  pricingColumn: 'Pricing',
  cost: 'Cost',
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
  stepNotStarted: 'Nicht gestartet',
  insights: { one: 'Erkenntnis', other: 'Erkenntnisse' },
  cancel: 'Abbrechen',
  cancelling: 'Wird abgebrochen…',
  end: 'Beenden',
  ending: 'Wird beendet…',
  actionOn: (verb, title) => `${verb}: ${title}`,
  stepLabel: (name, status, time) => `${name}: ${status}, ${time}`,
  stepOf: (index, total) => `Schritt ${index} von ${total}`,
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
  newCount: (count) => `${count} neu`,
  loading: 'Wird geladen…',
  loadMore: 'Mehr laden',
  missingScope:
    'Dieser Tab braucht einen Datensatz: setzen Sie scope auf initiative:<id>, plan:<id> oder agent:<id>.',
  commandCenter: 'Kommandozentrale',
  activeNow: 'Gerade aktiv',
  recent: 'Kürzlich',
  nothingRunning: 'Gerade läuft nichts.',
  nothingRecent: 'In den letzten 24 Stunden wurde nichts abgeschlossen.',
  view: 'Ansehen',
  reconnectingShort: 'Verbindung wird wiederhergestellt…',
  offlineSessions: 'Offline: zuletzt bekannte Sitzungen.',
  noProviderCenter: 'Verbinden Sie einen Client mit <session-lens-provider>, um Sitzungen zu sehen.',
  detailTabs: {
    transcript: 'Verlauf',
    metadata: 'Metadaten',
    executions: 'Ausführungen',
    insights: 'Erkenntnisse',
  },
  sessionDetails: 'Sitzungsdetails',
  origin: { web: 'Web-App', editor: 'Editor', scheduled: 'Geplant' },
  role: { user: 'Person', assistant: 'Assistent', system: 'System' },
  toolStatus: { running: 'läuft', succeeded: 'erfolgreich', failed: 'fehlgeschlagen' },
  resumeInChat: 'Im Chat fortsetzen',
  openInEditor: 'Im Editor öffnen',
  runTimeline: 'Ablauf',
  field: {
    owner: 'Person',
    started: 'Gestartet',
    duration: 'Dauer',
    messages: 'Nachrichten',
    turns: 'Durchgänge',
    host: 'Host',
    playbook: 'Playbook',
    executions: 'Ausführungen',
    insights: 'Erkenntnisse',
    toolCalls: 'Tool-Aufrufe',
    model: 'Modell',
    cost: 'Kosten',
    initiative: 'Initiative',
    plan: 'Plan',
    repository: 'Repository',
    branch: 'Branch',
    pullRequest: 'Pull-Request',
    id: 'ID',
    kind: 'Art',
    status: 'Status',
    created: 'Erstellt',
    lastMoved: 'Zuletzt bewegt',
    ended: 'Beendet',
    runtime: 'Laufzeitumgebung',
    sandbox: 'Sandbox',
    profile: 'Profil',
    origin: 'Herkunft',
    version: 'Version',
  },
  toolCall: 'Tool-Aufruf',
  arguments: 'Argumente',
  result: 'Ergebnis',
  fileChange: { created: 'Datei erstellt', deleted: 'Datei gelöscht', edited: 'Datei bearbeitet' },
  before: 'Vorher',
  after: 'Nachher',
  step: 'Schritt',
  loadingTranscript: 'Verlauf wird geladen…',
  noTranscript: 'Kein Verlauf.',
  noTranscriptEntries: 'Noch keine Einträge im Verlauf.',
  transcript: 'Verlauf',
  noExecutions: 'Noch keine Ausführungen.',
  command: 'Befehl',
  capability: 'Fähigkeit',
  exitCode: 'Exit-Code',
  running: 'Läuft',
  output: 'Ausgabe',
  noInsights: 'Keine Erkenntnisse.',
  insightOpen: 'Offen',
  insightResolved: 'Erledigt',
  notFound: 'Diese Sitzung gibt es nicht, oder Sie dürfen sie nicht sehen.',
  sessionFailed: (reason) => `Die Sitzung konnte nicht geladen werden: ${reason}`,
  loadingSession: 'Sitzung wird geladen…',
  chatEnded: 'Diese Unterhaltung ist beendet. Ihr Verlauf bleibt lesbar.',
  awaitingReview: 'Prüfung ausstehend: Diese Ergebnisse gelten erst, wenn jemand sie bestätigt.',
  approve: 'Freigeben',
  approving: 'Wird freigegeben…',
  reject: 'Ablehnen',
  rejecting: 'Wird abgelehnt…',
  reviewActions: 'Prüfung',
  pricing: { priced: 'Bepreist', estimated: 'Geschätzt', unpriced: 'Ohne Preis' },
  loadingCost: 'Kosten werden geladen…',
  costFailed: (reason) => `Kosten konnten nicht geladen werden: ${reason}`,
  metric: {
    turns: 'Durchgänge',
    events: 'Ereignisse',
    tokens: 'Tokens',
    credits: 'KI-Credits',
    toolCalls: 'Tool-Aufrufe',
  },
  aiCost: 'KI-Kosten',
  unpriced: 'Ohne Preis',
  costPerTurn: 'Kosten je Durchgang',
  turn: 'Durchgang',
  model: 'Modell',
  pricingColumn: 'Preisart',
  cost: 'Kosten',
};

const BY_LANGUAGE: Readonly<Record<string, Messages>> = { en, de };

const languageCache = new Map<string, Messages>();

/** The table for a locale tag ("de-CH" → German); English for an unknown or invalid tag. */
export function messagesForLocale(locale: string | undefined): Messages {
  if (!locale) return en;
  let messages = languageCache.get(locale);
  if (!messages) {
    let language = '';
    try {
      language = new Intl.Locale(locale).language;
    } catch {
      // An invalid `lang` value reads English.
    }
    messages = BY_LANGUAGE[language] ?? en;
    languageCache.set(locale, messages);
  }
  return messages;
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
  const rule = pluralRules(locale).select(count);
  return `${formatCount(count, locale)} ${rule === 'one' ? forms.one : forms.other}`;
}

const pluralCache = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string | undefined): Intl.PluralRules {
  const key = locale ?? '';
  let rules = pluralCache.get(key);
  if (!rules) pluralCache.set(key, (rules = new Intl.PluralRules(locale)));
  return rules;
}
