/**
 * `@session-lens/elements`: framework-agnostic Lit web components for an embeddable, live
 * Sessions index. This entry exports the classes and registers nothing; import
 * `@session-lens/elements/define.js` to register every tag. The elements speak English; import
 * `@session-lens/elements/locales/de.js` for German, or give {@link registerLanguage} a pack.
 *
 * @packageDocumentation
 */
export { StatusPill } from './status-pill/status-pill.js';
export { SessionRow } from './session-row/session-row.js';
export { CostSummary } from './cost-summary/cost-summary.js';
export { FileDiff, DIFF_LIMITS, type DiffState, type DiffView } from './file-diff/file-diff.js';
export { SessionDetail, type DetailTab } from './session-detail/session-detail.js';
export { SessionList, type KindTab } from './session-list/session-list.js';
export { SessionTab } from './session-tab/session-tab.js';
export {
  CommandCenter,
  CommandCenterCountEvent,
  type CommandCenterMode,
} from './command-center/command-center.js';
export { SessionAccess, SessionVisibilityChangeEvent } from './session-access/session-access.js';
export { SessionOwnerFacet } from './session-list/owner-facet.js';
export { type LiveSessionSource, type LiveSourceFactory } from './data/live-source.js';
export { SessionLensProvider } from './provider/session-lens-provider.js';
export { provideSessionLens, type ProvideOptions, type SessionLensProvision } from './context/provide.js';
export { LensClock, defaultClock, type LensClockOptions, type ClockListener } from './context/clock.js';
export {
  clientContext,
  identityContext,
  clockContext,
  canSeeSpend,
  identityFromMe,
  UNKNOWN_IDENTITY,
  type LensClient,
  type LensIdentity,
} from './context/lens-context.js';
export { LensConsumer, type LensConsumerOptions } from './context/lens-consumer.js';
export {
  SessionOpenEvent,
  SessionResumeEvent,
  SessionOpenEditorEvent,
  SessionActionEvent,
  SessionActionErrorEvent,
  SessionFiltersChangeEvent,
  SessionOwnersChangeEvent,
  type SessionAction,
} from './events/events.js';
export { tokens } from './styles/tokens.js';
export { registerLanguage, type LanguagePack, type Messages } from './internal/messages.js';
export type { DetailWords } from './internal/detail-messages.js';
export type { ActWords } from './internal/act-messages.js';
