/**
 * `@session-lens/sdk`: the typed contract of the Sessions API, pure helpers for any UI, the
 * client, its live stream and live store. It runs in browsers and Node alike and reaches only
 * `zod/mini` (K11); the session tools for agents, built on classic zod, are the subpath
 * `@session-lens/sdk/tools`.
 *
 * @packageDocumentation
 */
export * from './contract/index.js';
export * from './helpers/index.js';
export * from './errors/index.js';
export {
  createClient,
  SessionLensClient,
  type ClientOptions,
  type TokenRequest,
  type RetryOptions,
  type RequestOptions,
  type RequestInput,
} from './client/client.js';
export { PagePromise, type PageFetcher } from './client/page-promise.js';
export { Sessions, type SessionListParams } from './client/sessions.js';
export type { ExportOptions, ExportRow } from './client/session-export.js';
export { Members } from './client/members.js';
export { MeResource } from './client/me.js';
export { EmbedTokens } from './client/embed-tokens.js';
export { Views } from './client/views.js';
export {
  SessionStream,
  type WatchOptions,
  type StreamState,
  type StreamSource,
} from './stream/session-stream.js';
export {
  createEventDecoder,
  type EventDecoder,
  type EventDecoderCallbacks,
  type EventTable,
} from './stream/event-decoder.js';
export {
  createLiveSessions,
  LiveSessions,
  type LiveSessionsClient,
  type LiveSessionsOptions,
  type LiveSessionsListener,
  type LiveState,
  type LiveStatus,
  type LiveStats,
} from './store/live-sessions.js';
export {
  matchesFilters,
  nextFilterChange,
  searchWords,
  sessionSearchText,
  withinScope,
} from './store/match-filters.js';
