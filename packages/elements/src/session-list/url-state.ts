/**
 * The list's state in the page URL (E12 `sync-url`): every key under a `lens-` prefix, so the
 * host's own query parameters are left alone and two lists' keys never look like the host's.
 *
 * - `lens-kind` — the kind tab (absent for All).
 * - `lens-owner` — repeated, one member id each.
 * - `lens-status` — the status facet.
 * - `lens-q` — title search text; `lens-content` — search inside sessions (one or the other).
 * - `lens-since` / `lens-until` — the time range, as the API takes it (`P7D`, an instant).
 * - `lens-view` — a saved view's id.
 * - `lens-open` — the open session's id.
 *
 * Reading never throws: an unknown kind or an empty value reads as absent, and the server judges
 * the rest (a malformed instant shows the list's error state, as any bad filter would).
 */
import type { SessionKind } from '@session-lens/sdk';
import type { FindState } from './find-filters.js';

/** What `sync-url` keeps in the URL: the find state and the open session. Empty strings and arrays mean "not set". */
export type ListUrlState = FindState & { open: string };

export const URL_PREFIX = 'lens-';
const KINDS: readonly string[] = ['flow', 'task', 'chat', 'assessment'];
const SINGLE_KEYS = ['status', 'since', 'until', 'view', 'open'] as const;

/** The empty state: what a list shows with nothing in the URL. */
export function emptyUrlState(): ListUrlState {
  return {
    kind: 'all',
    owners: [],
    status: '',
    query: '',
    searchMode: 'titles',
    since: '',
    until: '',
    view: '',
    open: '',
  };
}

/** Reads the list's state from a query string (`location.search`). */
export function readUrlState(search: string): ListUrlState {
  const params = new URLSearchParams(search);
  const get = (key: string) => params.get(URL_PREFIX + key)?.trim() ?? '';
  const state = emptyUrlState();
  const kind = get('kind');
  if (KINDS.includes(kind)) state.kind = kind as SessionKind;
  state.owners = params.getAll(`${URL_PREFIX}owner`).filter(Boolean);
  for (const key of SINGLE_KEYS) state[key] = get(key);
  const content = get('content');
  if (content) {
    state.query = content;
    state.searchMode = 'content';
  } else state.query = get('q');
  return state;
}

/**
 * The query string with the list's state written in under the prefix: every `lens-` key is
 * replaced, every other parameter kept in its place. Returns it with a leading `?` (or '').
 */
export function writeUrlState(search: string, state: ListUrlState): string {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.startsWith(URL_PREFIX)) params.delete(key);
  const set = (key: string, value: string) => {
    if (value) params.append(URL_PREFIX + key, value);
  };
  if (state.kind !== 'all') set('kind', state.kind);
  for (const owner of state.owners) set('owner', owner);
  set('status', state.status);
  set(state.searchMode === 'content' ? 'content' : 'q', state.query.trim());
  set('since', state.since);
  set('until', state.until);
  set('view', state.view);
  set('open', state.open);
  const text = params.toString();
  return text ? `?${text}` : '';
}
