import { forbidden } from '../http/problem.js';
import { decodeTranscriptCursor, encodeTranscriptCursor } from '../http/cursors.js';
import { costDetailOf, executionsOf, insightsOf, transcriptAfter } from '../sessions/details.js';
import type { AppDeps, Handlers } from './context.js';
import { visibleSession } from './sessions.js';

/** What is stored beside a session: transcript pages, executions, insights and cost detail. */
export function sessionDetailHandlers({
  db,
  store,
  cursors,
  settings,
}: Pick<AppDeps, 'db' | 'store' | 'cursors' | 'settings'>): Pick<
  Handlers,
  'getTranscript' | 'listExecutions' | 'listInsights' | 'getCost'
> {
  return {
    getTranscript: async ({ viewer, params, query }) => {
      await visibleSession(store, viewer, params.id);
      const after = decodeTranscriptCursor(query.cursor && cursors.open(query.cursor));
      const rows = await transcriptAfter(db, params.id, after, query.limit);
      const data = rows.slice(0, query.limit);
      const last = data[data.length - 1];
      const more = rows.length > query.limit && last;
      return { data, nextCursor: more ? cursors.seal(encodeTranscriptCursor(last.seq)) : null };
    },
    listExecutions: async ({ viewer, params }) => {
      await visibleSession(store, viewer, params.id);
      return { data: await executionsOf(db, params.id) };
    },
    listInsights: async ({ viewer, params }) => {
      await visibleSession(store, viewer, params.id);
      return { data: await insightsOf(db, params.id) };
    },
    getCost: async ({ viewer, params }) => {
      if (!settings.spendTracking) throw forbidden('This workspace does not track spend.');
      return costDetailOf(db, await visibleSession(store, viewer, params.id));
    },
  };
}
