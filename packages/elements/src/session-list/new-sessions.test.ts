/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { Session } from '@session-lens/sdk';
import { makeSession } from '../test/fixtures.js';
import { SeenSessions, withholdNew } from './new-sessions.js';

const session = (id: string): Session => makeSession({ id, kind: 'flow', status: 'completed' });
const ids = (rows: readonly Session[]) => rows.map((row) => row.id);

describe('withholdNew', () => {
  it('withholds unseen sessions above the last seen one, and lets the tail join', () => {
    const all = ['n1', 'a', 'n2', 'b', 't1', 't2'].map(session);
    const seen = new Set(['a', 'b']);
    const result = withholdNew(all, seen);
    expect(ids(result.rows)).to.deep.equal(['a', 'b', 't1', 't2']);
    expect(result.withheld).to.equal(2);
    expect(result.joined).to.deep.equal(['t1', 't2']);
    // Pure: the seen set is the caller's to change.
    expect([...seen]).to.deep.equal(['a', 'b']);
  });

  it('shows everything when every session is seen, and nothing is new', () => {
    const all = ['a', 'b'].map(session);
    expect(withholdNew(all, new Set(['a', 'b']))).to.deep.equal({ rows: all, withheld: 0, joined: [] });
  });

  it('lets every session join when none is seen', () => {
    const all = ['a', 'b'].map(session);
    expect(withholdNew(all, new Set())).to.deep.equal({ rows: all, withheld: 0, joined: ['a', 'b'] });
  });
});

describe('SeenSessions', () => {
  it('shows everything at the top, then withholds what arrived above once scrolled away', () => {
    const seen = new SeenSessions();
    const first = ['a', 'b'].map(session);
    expect(seen.visible(first, true)).to.deep.equal({ rows: first, withheld: 0 });
    expect(seen.visible(first, false).rows).to.equal(first);
    const next = [session('new'), ...first, session('tail')];
    const away = seen.visible(next, false);
    expect(ids(away.rows)).to.deep.equal(['a', 'b', 'tail']);
    expect(away.withheld).to.equal(1);
    // The same snapshot again: the same answer, not worked out anew.
    expect(seen.visible(next, false)).to.equal(away);
    expect(seen.visible(next, true)).to.deep.equal({ rows: next, withheld: 0 });
  });

  it('forgets what was seen on reset', () => {
    const seen = new SeenSessions();
    seen.visible(['a'].map(session), true);
    seen.reset();
    const other = ['x', 'a'].map(session);
    expect(seen.visible(other, false)).to.deep.equal({ rows: other, withheld: 0 });
  });
});
