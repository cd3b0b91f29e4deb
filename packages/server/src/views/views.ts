import { randomBytes } from 'node:crypto';
import {
  MAX_VIEWS_PER_OWNER,
  type CreateView,
  type UpdateView,
  type View,
  type ViewFilters,
} from '@session-lens/sdk/contract';
import type { Queryable } from '../db/index.js';
import type { Principal } from '../auth/principal.js';
import { conflict, forbidden, invalid, notFound } from '../http/problem.js';

/**
 * Saved views (A13). Who may do what:
 * - read (list, get, apply with `view=`): the owner, and every principal of the workspace when
 *   the view is shared; anyone else gets a 404 (a private view does not exist for them);
 * - save, change and delete: a member's own token only (not an embed or agent token), and only
 *   the owner's views — a shared view of someone else is a 403 — or any view with
 *   `sessions:admin`.
 * A view only holds filters: applying one never changes whose sessions a reader may see.
 */

type ViewRow = {
  id: string;
  owner_id: string;
  name: string;
  filters: ViewFilters;
  shared: boolean;
  created_at: Date | string;
  updated_at: Date | string;
};

const COLUMNS = 'id, owner_id, name, filters, shared, created_at, updated_at';
const iso = (value: Date | string) => new Date(value).toISOString();

function viewOf(row: ViewRow): View {
  return {
    id: row.id,
    name: row.name,
    filters: row.filters,
    shared: row.shared,
    ownerId: row.owner_id,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

const noSuchView = () => notFound('No such view.');

/** The caller's own views and the shared ones, newest first. */
export async function listViews(db: Queryable, principal: Principal): Promise<View[]> {
  const rows = await db.query<ViewRow>(
    `select ${COLUMNS} from views where owner_id = $1 or shared order by created_at desc, id desc limit $2`,
    [principal.member.id, 10 * MAX_VIEWS_PER_OWNER],
  );
  return rows.map(viewOf);
}

/** A view the caller may read, or undefined. */
export async function readableView(
  db: Queryable,
  principal: Principal,
  id: string,
): Promise<View | undefined> {
  const [row] = await db.query<ViewRow>(
    `select ${COLUMNS} from views where id = $1 and (owner_id = $2 or shared)`,
    [id, principal.member.id],
  );
  return row && viewOf(row);
}

/** A view the caller may read, else a 404. */
export async function getView(db: Queryable, principal: Principal, id: string): Promise<View> {
  const view = await readableView(db, principal, id);
  if (!view) throw noSuchView();
  return view;
}

function assertMayWrite(principal: Principal): void {
  if (principal.kind !== 'member') {
    throw forbidden('Views are saved by members; an embed or agent token cannot save, change or delete one.');
  }
}

/** Saves a view for the caller; at most {@link MAX_VIEWS_PER_OWNER} per member. */
export async function createView(
  db: Queryable,
  principal: Principal,
  body: CreateView,
  now: number,
): Promise<View> {
  assertMayWrite(principal);
  const [count] = await db.query<{ n: number }>('select count(*)::int as n from views where owner_id = $1', [
    principal.member.id,
  ]);
  if ((count?.n ?? 0) >= MAX_VIEWS_PER_OWNER) {
    throw conflict(`A member may keep at most ${MAX_VIEWS_PER_OWNER} views; delete one first.`);
  }
  const at = new Date(now).toISOString();
  const [row] = await db.query<ViewRow>(
    `insert into views (id, owner_id, name, filters, shared, created_at, updated_at)
     values ($1, $2, $3, $4::text::jsonb, $5, $6, $6) returning ${COLUMNS}`,
    [
      `view_${randomBytes(9).toString('base64url')}`,
      principal.member.id,
      body.name,
      JSON.stringify(body.filters ?? {}),
      body.shared ?? false,
      at,
    ],
  );
  return viewOf(row!);
}

/** The view the caller may change: a 404 when it may not read it, a 403 when it is not theirs. */
async function ownView(db: Queryable, principal: Principal, id: string): Promise<View> {
  assertMayWrite(principal);
  const view = await getView(db, principal, id);
  if (view.ownerId !== principal.member.id && !principal.scopes.has('sessions:admin')) {
    throw forbidden('Only the member who saved a view may change or delete it.');
  }
  return view;
}

/** Renames, refilters (filters replaced whole) or shares a view. */
export async function updateView(
  db: Queryable,
  principal: Principal,
  id: string,
  body: UpdateView,
  now: number,
): Promise<View> {
  const view = await ownView(db, principal, id);
  const [row] = await db.query<ViewRow>(
    `update views set name = $2, filters = $3::text::jsonb, shared = $4, updated_at = $5 where id = $1
     returning ${COLUMNS}`,
    [
      id,
      body.name ?? view.name,
      JSON.stringify(body.filters ?? view.filters),
      body.shared ?? view.shared,
      new Date(now).toISOString(),
    ],
  );
  if (!row) throw noSuchView();
  return viewOf(row);
}

/** Deletes a view; resolves with what it was. */
export async function deleteView(db: Queryable, principal: Principal, id: string): Promise<View> {
  const view = await ownView(db, principal, id);
  const rows = await db.query('delete from views where id = $1 returning id', [id]);
  if (rows.length === 0) throw noSuchView();
  return view;
}

/**
 * The filters of a request that names `view=<id>`: the view's, with every filter the request
 * gives itself in their place (the contract's `applyView`). A view the caller may not read, or
 * that no longer exists, is a 400 at `<prefix>.view`.
 */
export async function viewFiltersFor(
  db: Queryable,
  principal: Principal,
  id: string,
  prefix: string,
): Promise<View> {
  const view = await readableView(db, principal, id);
  if (!view) throw invalid([{ path: `${prefix}.view`, message: 'No view with this id that you may see' }]);
  return view;
}
