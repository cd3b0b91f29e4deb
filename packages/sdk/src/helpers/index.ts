export { toneOf, isKnownStatus } from './tone.js';
export { isActive, activeUntil, CHAT_ACTIVE_WINDOW_MS, type ActivenessInput } from './active.js';
export { compareSessions, type OrderInput } from './order.js';
export { formatMoney, toMicros, fromMicros, type FormatMoneyOptions } from './money.js';
export { costCaption } from './cost-caption.js';
export { progressLabel, currentStepIndex } from './progress.js';
export { relativeTime, elapsed, elapsedBetween } from './time.js';
export {
  numberFormat,
  dateTimeFormat,
  relativeTimeFormat,
  pluralRules,
  localeLanguage,
  MAX_FORMATTERS,
} from './intl-cache.js';
export {
  columnTables,
  messageLookup,
  tableLanguage,
  pluralForm,
  type InOneLanguage,
  type MessageTables,
  type WordColumns,
  type PluralForms,
} from './message-tables.js';
