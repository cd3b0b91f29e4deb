import { bulkClose } from '../sessions/bulk.js';
import type { AppDeps, Handlers } from './context.js';

/** Acting on many sessions at once (`POST /v1/sessions/bulk`, A15). */
export function bulkHandlers({
  store,
  cursors,
  logger,
}: Pick<AppDeps, 'store' | 'cursors' | 'logger'>): Pick<Handlers, 'bulkSessions'> {
  return {
    bulkSessions: ({ principal, viewer, body, now }) =>
      bulkClose({ store, cursors, logger }, principal, viewer, body, now),
  };
}
