import { contentQueryError, type SessionFilters, type SessionKind } from '@session-lens/sdk';
import type { FilterName } from '../internal/messages.js';

/** Where the search box looks: titles (and the other `q` fields) or inside the transcripts. */
export type SearchMode = 'titles' | 'content';

/**
 * The find state of a list (E12): what {@link findFilters} and {@link clearFilters} read and set,
 * and (with the open session) what `sync-url` keeps in the URL (`url-state.ts`).
 */
export type FindState = {
  kind: 'all' | SessionKind;
  owners: string[];
  status: string;
  query: string;
  searchMode: SearchMode;
  since: string;
  until: string;
  view: string;
};

/**
 * Adds the find controls' filters to `filters`: the kind tab, owners and status, the search text
 * as `q` (titles) or `content`
 * (inside sessions — only once it is a query the server takes: 1–8 words with three letters or
 * digits in a row, so typing "ab" keeps the last list instead of asking for an error), the range
 * and the view.
 */
export function findFilters(state: FindState, filters: SessionFilters): SessionFilters {
  const text = state.query.trim();
  if (state.kind !== 'all') filters.kind = [state.kind];
  if (state.owners.length > 0) filters.owner = [...state.owners];
  if (state.status) filters.status = [state.status];
  if (state.searchMode === 'content') {
    delete filters.q;
    if (text && !contentQueryError(text)) filters.content = text;
  } else if (text) filters.q = text;
  if (state.since) filters.since = state.since;
  if (state.until) filters.until = state.until;
  if (state.view) filters.view = state.view;
  return filters;
}

/** The controls' filters that narrow the list now, in the order the toolbar shows them. */
export function activeFilters(state: FindState): FilterName[] {
  const active: FilterName[] = [];
  if (state.kind !== 'all') active.push('kind');
  if (state.owners.length > 0) active.push('owner');
  if (state.status) active.push('status');
  if (state.query.trim()) active.push('search');
  if (state.since || state.until) active.push('range');
  if (state.view) active.push('view');
  return active;
}

/** Clears the named filters of `state`. */
export function clearFilters(state: FindState, names: readonly FilterName[]): void {
  for (const name of names) {
    if (name === 'kind') state.kind = 'all';
    else if (name === 'owner') state.owners = [];
    else if (name === 'status') state.status = '';
    else if (name === 'search') state.query = '';
    else if (name === 'range') state.since = state.until = '';
    else state.view = '';
  }
}
