import { createView, deleteView, getView, listViews, updateView } from '../views/views.js';
import type { AppDeps, Handlers } from './context.js';

/** Saved views (`/v1/views`, `/v1/views/{id}`); who may do what is in views/views.ts. */
export function viewHandlers({
  db,
}: Pick<AppDeps, 'db'>): Pick<
  Handlers,
  'listViews' | 'createView' | 'getView' | 'updateView' | 'deleteView'
> {
  return {
    listViews: async ({ principal }) => ({ data: await listViews(db, principal) }),
    createView: async ({ principal, body, now }) => createView(db, principal, body, now),
    getView: async ({ principal, params }) => getView(db, principal, params.id),
    updateView: async ({ principal, params, body, now }) => updateView(db, principal, params.id, body, now),
    deleteView: async ({ principal, params }) => deleteView(db, principal, params.id),
  };
}
