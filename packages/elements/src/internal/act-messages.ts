/**
 * The words of the list's act UI (E15: selection, the bulk bar, Export, the shortcut help), per
 * language, on top of the list words of `messages.ts`: they load with the act chunk (`act.ts`),
 * so the first chunk of `<session-tab>` carries none of them (X6). Written as in
 * `detail-messages.ts`: each word once, its forms side by side (English, German).
 */
import { languageOf, messagesForLocale, type Language, type Messages } from './messages.js';
import { COLUMNS, column, type InOneLanguage } from './word-columns.js';

type Count = (count: string) => string;

const WORDS = {
  selectSession: [(title: string) => `Select ${title}`, (title: string) => `${title} auswählen`],
  selectAll: [
    ((count) => `Select all ${count} matching`) as Count,
    ((count) => `Alle ${count} auswählen`) as Count,
  ],
  selected: [((count) => `${count} selected`) as Count, ((count) => `${count} ausgewählt`) as Count],
  sessionCount: [
    { one: 'session', other: 'sessions' },
    { one: 'Sitzung', other: 'Sitzungen' },
  ],
  yes: ['Confirm', 'Bestätigen'],
  back: ['Back', 'Zurück'],
  done: ['Done', 'Fertig'],
  handled: [((count) => `${count} handled`) as Count, ((count) => `${count} bearbeitet`) as Count],
  outcome: [
    (done: string, refused: string, unknown: string) =>
      `${done} done · ${refused} refused · ${unknown} not found`,
    (done: string, refused: string, unknown: string) =>
      `${done} erledigt · ${refused} abgelehnt · ${unknown} nicht gefunden`,
  ],
  notFound: ['Not found', 'Nicht gefunden'],
  failed: [(reason: string) => `Failed: ${reason}`, (reason: string) => `Fehlgeschlagen: ${reason}`],
  export: ['Export', 'Exportieren'],
  exporting: [
    ((count) => `Exporting… ${count} rows`) as Count,
    ((count) => `Export läuft… ${count} Zeilen`) as Count,
  ],
  exported: [
    ((count) => `Exported ${count} rows`) as Count,
    ((count) => `${count} Zeilen exportiert`) as Count,
  ],
  shortcuts: ['Keyboard shortcuts', 'Tastenkürzel'],
  open: ['Open', 'Öffnen'],
  close: ['Close', 'Schließen'],
  shortcut: {
    move: ['Next / previous row', 'Nächste / vorige Zeile'],
    select: ['Select the row', 'Zeile auswählen'],
  },
} as const;

/** The act words of one language. */
type ActWords = InOneLanguage<typeof WORDS>;

/** Every word the act UI shows: the list words and the act words. */
export type ActMessages = Messages & ActWords;

const tables = new Map<Language, ActMessages>();

/** The act table for a locale tag ("de-CH" → German); English for an unknown or invalid tag. */
export function actMessagesForLocale(locale: string | undefined): ActMessages {
  const language = languageOf(locale);
  let table = tables.get(language);
  if (!table) {
    const words = column(WORDS, COLUMNS[language]) as ActWords;
    tables.set(language, (table = { ...messagesForLocale(locale), ...words }));
  }
  return table;
}
