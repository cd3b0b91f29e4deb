/**
 * The English words of the list's act UI (E15: selection, the bulk bar, Export, the shortcut
 * help), on top of the list words of `messages.ts`: they load with the act chunk (`act.ts`), so
 * the first chunk of `<session-tab>` carries none of them (X6). Other languages come from a
 * registered language pack, as in `detail-messages.ts`.
 */
import { layeredWords, type Messages } from './messages.js';

const en = {
  selectSession: (title: string) => `Select ${title}`,
  selectAll: (count: string) => `Select all ${count} matching`,
  selected: (count: string) => `${count} selected`,
  sessionCount: { one: 'session', other: 'sessions' },
  yes: 'Confirm',
  back: 'Back',
  done: 'Done',
  handled: (count: string) => `${count} handled`,
  outcome: (done: string, refused: string, unknown: string) =>
    `${done} done · ${refused} refused · ${unknown} not found`,
  notFound: 'Not found',
  failed: (reason: string) => `Failed: ${reason}`,
  export: 'Export',
  exporting: (count: string) => `Exporting… ${count} rows`,
  exported: (count: string) => `Exported ${count} rows`,
  shortcuts: 'Keyboard shortcuts',
  open: 'Open',
  close: 'Close',
  shortcut: {
    move: 'Next / previous row',
    select: 'Select the row',
  },
};

/** The act words of one language: a language pack's `act` (every key of English). */
export type ActWords = typeof en;

/** Every word the act UI shows: the list words and the act words. */
export type ActMessages = Messages & ActWords;

/** The act table for a locale tag ("de-CH" → German once registered); English for any other tag. */
export const actMessagesForLocale: (locale: string | undefined) => ActMessages = layeredWords('act', en);
