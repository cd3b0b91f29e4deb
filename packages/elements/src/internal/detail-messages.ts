/**
 * The words of the elements a page loads after the first chunk (session-detail, cost-summary,
 * command-center), per language, on top of the list words of `messages.ts`: kept apart so the
 * first chunk of `<session-tab>` does not carry them (X6). A language with no table reads English,
 * as in `messages.ts`.
 */
import { localeOf } from './format.js';
import { languageOf, messagesForLocale, type Language, type Messages } from './messages.js';

/** The detail words of one language. Functions take already formatted values. */
type DetailWords = {
  /** A timeline step that has not started, on a line of its own. */
  stepNotStarted: string;
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

/** Every word a detail, cost card or command center shows: the list words and the detail words. */
export type DetailMessages = Messages & DetailWords;

const en: DetailWords = {
  stepNotStarted: 'Not started',
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

const de: DetailWords = {
  stepNotStarted: 'Nicht gestartet',
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

const BY_LANGUAGE: Readonly<Record<Language, DetailWords>> = { en, de };

const tables = new Map<Language, DetailMessages>();

/** The full table for a locale tag ("de-CH" → German); English for an unknown or invalid tag. */
export function detailMessagesForLocale(locale: string | undefined): DetailMessages {
  const language = languageOf(locale);
  let table = tables.get(language);
  if (!table) tables.set(language, (table = { ...messagesForLocale(locale), ...BY_LANGUAGE[language] }));
  return table;
}

/** The full table for an element, from its nearest `lang` (else English). */
export function detailMessagesFor(element: Element): DetailMessages {
  return detailMessagesForLocale(localeOf(element));
}
