import type { Viewer } from '../sessions/model.js';
import { present } from '../sessions/model.js';
import {
  closeSession,
  reviewSession,
  setVisibility,
  startSession,
  submitSession,
} from '../sessions/actions.js';
import { applyActivity, checkBatch } from '../ingest/activity.js';
import { redactActivity, redactStart, redactSubmit } from '../ingest/redact.js';
import { notFound } from '../http/problem.js';
import type { SessionStore } from '../sessions/store.js';
import { RawJson, type AppDeps, type Handlers } from './context.js';

/** The session the viewer may see, else a 404 (a session outside the view does not exist for it). */
export async function visibleSession(store: SessionStore, viewer: Viewer, id: string) {
  const session = await store.get(viewer, id);
  if (!session) throw notFound();
  return session;
}

/** Listing, reading, starting and acting on sessions (`/v1/sessions`, `/v1/sessions/{id}/…`). */
export function sessionHandlers({
  store,
  cursors,
}: Pick<AppDeps, 'store' | 'cursors'>): Pick<
  Handlers,
  | 'listSessions'
  | 'getSession'
  | 'startSession'
  | 'ingestActivity'
  | 'cancelSession'
  | 'endSession'
  | 'submitSession'
  | 'reviewSession'
  | 'setVisibility'
> {
  return {
    listSessions: async ({ viewer, query }) => {
      const { limit, cursor, ...filters } = query;
      // The documents come back as JSON text shaped for the viewer and are spliced, not parsed
      // and re-serialized: the bulk of a page's cost otherwise.
      const page = await store.listJson(viewer, filters, limit, cursor && cursors.open(cursor));
      const next = page.nextCursor && cursors.seal(page.nextCursor);
      return new RawJson(`{"data":[${page.json.join(',')}],"nextCursor":${JSON.stringify(next)}}`);
    },
    getSession: async ({ viewer, params }) => present(viewer, await visibleSession(store, viewer, params.id)),
    startSession: async ({ principal, viewer, body, now }, tx) =>
      // Redacted before any row is written, like every text an agent writes.
      present(viewer, await startSession(store, tx, principal, viewer, await redactStart(body), now)),
    ingestActivity: async ({ principal, viewer, params, body, now }, tx) => {
      checkBatch(body);
      // Redacted before any row is written: nothing unredacted ever reaches the database.
      const batch = await redactActivity(body);
      return present(
        viewer,
        await applyActivity(store, tx, principal, viewer, params.id, batch, batch.transcript ?? [], now),
      );
    },
    cancelSession: async ({ viewer, params, now }, tx) =>
      present(viewer, await closeSession(store, tx, viewer, params.id, 'cancel', now)),
    endSession: async ({ viewer, params, now }, tx) =>
      present(viewer, await closeSession(store, tx, viewer, params.id, 'end', now)),
    submitSession: async ({ principal, viewer, params, body, now }, tx) => {
      const { summary } = await redactSubmit(body);
      return present(viewer, await submitSession(store, tx, principal, viewer, params.id, summary, now));
    },
    reviewSession: async ({ principal, viewer, params, body, now }, tx) =>
      present(viewer, await reviewSession(store, tx, principal, viewer, params.id, body, now)),
    setVisibility: async ({ viewer, params, body, now }, tx) =>
      present(viewer, await setVisibility(store, tx, viewer, params.id, body, now)),
  };
}
