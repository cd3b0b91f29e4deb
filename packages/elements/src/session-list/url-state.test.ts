/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { emptyUrlState, readUrlState, writeUrlState } from './url-state.js';
import { activeFilters, clearFilters, findFilters } from './find-filters.js';

describe('url-state', () => {
  it('round-trips every key under the lens- prefix and keeps the host parameters', () => {
    const state = {
      ...emptyUrlState(),
      kind: 'task' as const,
      owners: ['mem_a', 'mem_b'],
      status: 'running',
      query: 'deploy script',
      searchMode: 'content' as const,
      since: 'P7D',
      until: '2026-12-01T00:00:00Z',
      view: 'view_1',
      open: 'ses_1',
    };
    const search = writeUrlState('?page=2&lens-q=old', state);
    expect(search).to.equal(
      '?page=2&lens-kind=task&lens-owner=mem_a&lens-owner=mem_b&lens-status=running' +
        '&lens-content=deploy+script&lens-since=P7D&lens-until=2026-12-01T00%3A00%3A00Z&lens-view=view_1&lens-open=ses_1',
    );
    expect(readUrlState(search)).to.deep.equal(state);
  });

  it('reads an empty or foreign query as the empty state, and writes it as nothing', () => {
    expect(readUrlState('?lens-kind=nonsense&other=1')).to.deep.equal(emptyUrlState());
    expect(writeUrlState('?lens-kind=task', emptyUrlState())).to.equal('');
    expect(readUrlState('?lens-q=title')).to.include({ query: 'title', searchMode: 'titles' });
  });
});

describe('find-filters', () => {
  const base = emptyUrlState();

  it('sends the search text as content only once the server takes it', () => {
    expect(findFilters({ ...base, query: 'ab', searchMode: 'content' }, { q: 'ab' })).to.deep.equal({});
    expect(findFilters({ ...base, query: 'deploy', searchMode: 'content' }, { q: 'deploy' })).to.deep.equal({
      content: 'deploy',
    });
    expect(findFilters({ ...base, since: 'P1D', view: 'v1' }, {})).to.deep.equal({
      since: 'P1D',
      view: 'v1',
    });
  });

  it('names the active filters and clears them one by one', () => {
    const state = { ...base, kind: 'task' as const, status: 'failed', since: 'P7D', view: 'v1' };
    expect(activeFilters(state)).to.deep.equal(['kind', 'status', 'range', 'view']);
    clearFilters(state, ['range', 'kind']);
    expect(state).to.include({ kind: 'all', since: '', until: '', status: 'failed' });
  });
});
