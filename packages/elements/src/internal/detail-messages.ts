/**
 * The words of the elements a page loads after the first chunk (session-detail, cost-summary,
 * command-center), per language, on top of the list words of `messages.ts`: kept apart so the
 * first chunk of `<session-tab>` does not carry them (X6). A language with no table reads English,
 * as in `messages.ts`.
 *
 * Each word is written once, with its forms side by side in the order of {@link COLUMNS}
 * (English, German; see `word-columns.ts`): a language is added by adding a column, and the types refuse a word left
 * untranslated. Functions take already formatted values.
 */
import { localeOf } from './format.js';
import { languageOf, messagesForLocale, type Language, type Messages } from './messages.js';
import { COLUMNS, column, type InOneLanguage } from './word-columns.js';

const WORDS = {
  /** A timeline step that has not started, on a line of its own. */
  stepNotStarted: ['Not started', 'Nicht gestartet'],
  // command-center
  commandCenter: ['Command Center', 'Kommandozentrale'],
  activeNow: ['Active now', 'Gerade aktiv'],
  needsYou: ['Needs you', 'Wartet auf Sie'],
  nothingNeedsYou: ['Nothing needs you right now.', 'Gerade wartet nichts auf Sie.'],
  whose: ['Whose work', 'Wessen Arbeit'],
  mine: ['Mine', 'Meine'],
  team: ['Team', 'Team'],
  review: ['Review', 'Prüfen'],
  recent: ['Recent', 'Kürzlich'],
  nothingRunning: ['Nothing is running right now.', 'Gerade läuft nichts.'],
  nothingRecent: [
    'Nothing finished in the last 24 hours.',
    'In den letzten 24 Stunden wurde nichts abgeschlossen.',
  ],
  view: ['View', 'Ansehen'],
  reconnectingShort: ['Reconnecting…', 'Verbindung wird wiederhergestellt…'],
  offlineSessions: ['Offline: showing the last known sessions.', 'Offline: zuletzt bekannte Sitzungen.'],
  noProviderCenter: [
    'Connect a client with <session-lens-provider> to see sessions.',
    'Verbinden Sie einen Client mit <session-lens-provider>, um Sitzungen zu sehen.',
  ],
  // session-access
  access: {
    heading: ['Who can see this', 'Wer das sehen kann'],
    workspace: ['Everyone in the workspace', 'Alle im Workspace'],
    nobody: ['Only workspace admins', 'Nur Workspace-Admins'],
    manage: ['Manage access', 'Zugriff verwalten'],
    everyone: ['Everyone in the workspace can see this session', 'Alle im Workspace sehen diese Sitzung'],
    search: ['Add people or groups', 'Personen oder Gruppen hinzufügen'],
    add: ['Add', 'Hinzufügen'],
    remove: ['Remove', 'Entfernen'],
    group: ['group', 'Gruppe'],
    granted: ['Can see this session', 'Sehen diese Sitzung'],
    noMatch: ['No one matches.', 'Niemand passt.'],
    save: ['Save', 'Speichern'],
    cancel: ['Cancel', 'Abbrechen'],
    saving: ['Saving…', 'Wird gespeichert…'],
    conflict: [
      'Access to this session changed while you were editing. Close and open again to see it.',
      'Der Zugriff auf diese Sitzung hat sich beim Bearbeiten geändert. Schließen und neu öffnen.',
    ],
    loadingMembers: ['Loading members…', 'Mitglieder werden geladen…'],
  },
  // session-detail
  detailTabs: {
    transcript: ['Transcript', 'Verlauf'],
    metadata: ['Metadata', 'Metadaten'],
    executions: ['Executions', 'Ausführungen'],
    insights: ['Insights', 'Erkenntnisse'],
  },
  sessionDetails: ['Session details', 'Sitzungsdetails'],
  /** "3 new entries": entries that arrived live, below what the reader looks at. */
  newEntries: { one: ['new entry', 'neuer Eintrag'], other: ['new entries', 'neue Einträge'] },
  origin: {
    web: ['Web app', 'Web-App'],
    editor: ['Editor', 'Editor'],
    scheduled: ['Scheduled', 'Geplant'],
  },
  role: {
    user: ['User', 'Person'],
    assistant: ['Assistant', 'Assistent'],
    system: ['System', 'System'],
  },
  toolStatus: {
    running: ['running', 'läuft'],
    succeeded: ['succeeded', 'erfolgreich'],
    failed: ['failed', 'fehlgeschlagen'],
  },
  resumeInChat: ['Resume in chat', 'Im Chat fortsetzen'],
  openInEditor: ['Open in editor', 'Im Editor öffnen'],
  runTimeline: ['Run timeline', 'Ablauf'],
  field: {
    owner: ['Owner', 'Person'],
    started: ['Started', 'Gestartet'],
    duration: ['Duration', 'Dauer'],
    messages: ['Messages', 'Nachrichten'],
    turns: ['Turns', 'Durchgänge'],
    host: ['Host', 'Host'],
    playbook: ['Playbook', 'Playbook'],
    executions: ['Executions', 'Ausführungen'],
    insights: ['Insights', 'Erkenntnisse'],
    toolCalls: ['Tool calls', 'Tool-Aufrufe'],
    model: ['Model', 'Modell'],
    cost: ['Cost', 'Kosten'],
    initiative: ['Initiative', 'Initiative'],
    plan: ['Plan', 'Plan'],
    repository: ['Repository', 'Repository'],
    branch: ['Branch', 'Branch'],
    pullRequest: ['Pull request', 'Pull-Request'],
    id: ['Id', 'ID'],
    kind: ['Kind', 'Art'],
    status: ['Status', 'Status'],
    created: ['Created', 'Erstellt'],
    lastMoved: ['Last moved', 'Zuletzt bewegt'],
    ended: ['Ended', 'Beendet'],
    runtime: ['Runtime', 'Laufzeitumgebung'],
    sandbox: ['Sandbox', 'Sandbox'],
    profile: ['Profile', 'Profil'],
    origin: ['Origin', 'Herkunft'],
    version: ['Version', 'Version'],
  },
  toolCall: ['Tool call', 'Tool-Aufruf'],
  arguments: ['Arguments', 'Argumente'],
  result: ['Result', 'Ergebnis'],
  fileChange: {
    created: ['File created', 'Datei erstellt'],
    deleted: ['File deleted', 'Datei gelöscht'],
    edited: ['File edited', 'Datei bearbeitet'],
  },
  step: ['Step', 'Schritt'],
  loadingTranscript: ['Loading transcript…', 'Verlauf wird geladen…'],
  noTranscript: ['No transcript.', 'Kein Verlauf.'],
  noTranscriptEntries: ['No transcript entries yet.', 'Noch keine Einträge im Verlauf.'],
  transcript: ['Transcript', 'Verlauf'],
  noExecutions: ['No executions yet.', 'Noch keine Ausführungen.'],
  command: ['Command', 'Befehl'],
  capability: ['Capability', 'Fähigkeit'],
  exitCode: ['Exit code', 'Exit-Code'],
  running: ['Running', 'Läuft'],
  output: ['Output', 'Ausgabe'],
  noInsights: ['No insights.', 'Keine Erkenntnisse.'],
  insightOpen: ['Open', 'Offen'],
  insightResolved: ['Resolved', 'Erledigt'],
  notFound: [
    'This session does not exist, or you may not see it.',
    'Diese Sitzung gibt es nicht, oder Sie dürfen sie nicht sehen.',
  ],
  sessionFailed: [
    (reason: string) => `The session could not be loaded: ${reason}`,
    (reason: string) => `Die Sitzung konnte nicht geladen werden: ${reason}`,
  ],
  loadingSession: ['Loading session…', 'Sitzung wird geladen…'],
  chatEnded: [
    'This conversation has ended. Its transcript stays readable.',
    'Diese Unterhaltung ist beendet. Ihr Verlauf bleibt lesbar.',
  ],
  awaitingReview: [
    'Awaiting review: these findings are not final until a reviewer confirms them.',
    'Prüfung ausstehend: Diese Ergebnisse gelten erst, wenn jemand sie bestätigt.',
  ],
  approve: ['Approve', 'Freigeben'],
  approving: ['Approving…', 'Wird freigegeben…'],
  reject: ['Reject', 'Ablehnen'],
  rejecting: ['Rejecting…', 'Wird abgelehnt…'],
  reviewActions: ['Review', 'Prüfung'],
  // cost-summary
  pricing: {
    priced: ['Priced', 'Bepreist'],
    estimated: ['Estimated', 'Geschätzt'],
    unpriced: ['Unpriced', 'Ohne Preis'],
  },
  loadingCost: ['Loading cost…', 'Kosten werden geladen…'],
  costFailed: [
    (reason: string) => `Cost could not be loaded: ${reason}`,
    (reason: string) => `Kosten konnten nicht geladen werden: ${reason}`,
  ],
  metric: {
    turns: ['Turns', 'Durchgänge'],
    events: ['Events', 'Ereignisse'],
    tokens: ['Tokens', 'Tokens'],
    credits: ['AI credits', 'KI-Credits'],
    toolCalls: ['Tool calls', 'Tool-Aufrufe'],
  },
  aiCost: ['AI cost', 'KI-Kosten'],
  unpriced: ['Unpriced', 'Ohne Preis'],
  costPerTurn: ['Cost per turn', 'Kosten je Durchgang'],
  turn: ['Turn', 'Durchgang'],
  model: ['Model', 'Modell'],
  pricingColumn: ['Pricing', 'Preisart'],
  cost: ['Cost', 'Kosten'],
} as const;

/** The detail words of one language. */
type DetailWords = InOneLanguage<typeof WORDS>;

/** Every word a detail, cost card or command center shows: the list words and the detail words. */
export type DetailMessages = Messages & DetailWords;

const tables = new Map<Language, DetailMessages>();

/** The full table for a locale tag ("de-CH" → German); English for an unknown or invalid tag. */
export function detailMessagesForLocale(locale: string | undefined): DetailMessages {
  const language = languageOf(locale);
  let table = tables.get(language);
  if (!table) {
    const words = column(WORDS, COLUMNS[language]) as DetailWords;
    tables.set(language, (table = { ...messagesForLocale(locale), ...words }));
  }
  return table;
}

/** The full table for an element, from its nearest `lang` (else English). */
export function detailMessagesFor(element: Element): DetailMessages {
  return detailMessagesForLocale(localeOf(element));
}
