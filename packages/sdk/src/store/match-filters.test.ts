import { describe, expect, it } from 'vitest';
import {
  leavesRangeAt,
  matchesFilters,
  MAX_SINCE_DURATION_MS,
  nextFilterChange,
  parseDuration,
  parseInstant,
  resolveTimeRange,
  searchWords,
  sessionSearchText,
  timeRangeError,
  withinRange,
  withinScope,
} from '../index.js';
import { wireSession } from '../test/fixtures.js';

const NOW = Date.parse('2026-11-21T12:00:00.000Z');

const flow = wireSession({
  title: 'Checkout retries',
  description: 'Retry the PAYMENT call',
  owner: { id: 'mem_sarah', name: 'Sarah Chen' },
  agent: { id: 'ag_web1', hostname: 'web-1.acme.test' },
  playbook: 'cis-benchmark',
  updatedAt: '2026-11-21T11:00:00.000Z',
  links: {
    initiative: { id: 'init_checkout', title: 'Checkout v2' },
    plan: { id: 'plan_pay', title: 'Pay' },
  },
});

describe('matchesFilters', () => {
  it('matches every filter the list and the stream take, each one able to exclude', () => {
    const cases: [Parameters<typeof matchesFilters>[1], boolean][] = [
      [{}, true],
      [{ kind: ['flow', 'chat'] }, true],
      [{ kind: ['chat'] }, false],
      [{ owner: ['mem_sarah'] }, true],
      [{ owner: ['mem_ben'] }, false],
      [{ status: ['running'] }, true],
      [{ status: ['completed'] }, false],
      [{ scope: 'initiative:init_checkout' }, true],
      [{ scope: 'plan:plan_pay' }, true],
      [{ scope: 'initiative:init_search' }, false],
      [{ agent: 'ag_web1' }, true],
      [{ agent: 'ag_db1' }, false],
      [{ hostname: 'web-1.acme.test' }, true],
      [{ hostname: 'web-1' }, false],
      [{ playbook: 'cis-benchmark' }, true],
      [{ playbook: 'cis' }, false],
      [{ q: 'payment  SARAH' }, true],
      [{ q: 'payment refund' }, false],
      [{ active: true }, true],
      [{ active: false }, false],
      [{ since: '2026-11-21T11:00:00.000Z' }, true],
      [{ since: '2026-11-21T11:00:00.001Z' }, false],
      [{ since: '2026-11-21T12:00:00+01:00' }, true],
      [{ until: '2026-11-21T11:00:00.001Z' }, true],
      [{ until: '2026-11-21T11:00:00Z' }, false],
      [{ since: 'PT1H' }, true],
      [{ since: 'PT59M59S' }, false],
    ];
    for (const [filters, expected] of cases) {
      expect(matchesFilters(flow, filters, NOW), JSON.stringify(filters)).toBe(expected);
    }
  });

  it('keeps a session whose metadata holds any of the given models, runtimes and origins', () => {
    const ran = {
      ...flow,
      metadata: { model: 'claude-sonnet-4', runtime: 'node20', origin: 'editor' as const },
    };
    expect(matchesFilters(ran, { model: ['gpt-5', 'claude-sonnet-4'] }, NOW)).toBe(true);
    expect(matchesFilters(ran, { model: ['gpt-5'] }, NOW)).toBe(false);
    expect(matchesFilters(ran, { runtime: ['node20'], origin: ['web', 'editor'] }, NOW)).toBe(true);
    expect(matchesFilters(ran, { runtime: ['node20'], origin: ['scheduled'] }, NOW)).toBe(false);
    expect(matchesFilters(ran, { model: [], runtime: [] }, NOW)).toBe(true);
    // Without metadata no value matches.
    expect(
      matchesFilters({ ...flow, metadata: undefined }, { origin: ['web', 'editor', 'scheduled'] }, NOW),
    ).toBe(false);
  });

  it('reads activeness at the given instant: a chat leaves active=true 30 minutes after its last message', () => {
    const chat = wireSession({
      kind: 'chat',
      status: 'waiting',
      lastMessageAt: '2026-11-21T11:40:00.000Z',
      progress: { messages: 4 },
    });
    expect(matchesFilters(chat, { active: true }, NOW)).toBe(true);
    expect(matchesFilters(chat, { active: true }, NOW + 11 * 60_000)).toBe(false);
  });
});

describe('since and until', () => {
  it('reads instants with a zone and millisecond precision, refusing what rolls over', () => {
    expect(parseInstant('2026-11-21T12:00:00Z')).toBe(NOW);
    expect(parseInstant('2026-11-21T13:30:00.500+01:30')).toBe(NOW + 500);
    expect(parseInstant('0099-12-31T23:59:59Z')).toBe(-59_011_459_201_000);
    expect(parseInstant('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(parseInstant('2026-11-21T07:00:00-05:00')).toBe(NOW);
    for (const bad of [
      '2026-11-21',
      '2026-11-21T12:00',
      '2026-11-21T12:00:00',
      '2026-11-21T12:00:00.1234Z',
      '2026-11-21T12:00:00.5Z',
      '2024-02-30T12:00:00Z',
      '2026-02-30T12:00:00Z',
      '2026-11-21T24:00:00Z',
      '2026-11-21T12:00:00+24:00',
      'yesterday',
      '1700000000000',
    ]) {
      expect(parseInstant(bad), bad).toBeUndefined();
    }
  });

  it('reads durations of weeks to seconds, up to 3,660 days', () => {
    expect(parseDuration('PT1H')).toBe(3_600_000);
    expect(parseDuration('P1W')).toBe(7 * 86_400_000);
    expect(parseDuration('P1DT12H30M15S')).toBe(((36 * 60 + 30) * 60 + 15) * 1000);
    expect(parseDuration('P3660D')).toBe(MAX_SINCE_DURATION_MS);
    for (const bad of ['P', 'PT', 'P1DT', 'P0D', 'P3661D', 'P1Y', 'P1M', '-PT1H', 'PT1.5H', '1h']) {
      expect(parseDuration(bad), bad).toBeUndefined();
    }
  });

  it('resolves a duration against the given instant; since is inclusive, until exclusive', () => {
    const range = resolveTimeRange({ since: 'PT1H', until: '2026-11-21T12:00:00Z' }, NOW);
    expect(range).toEqual({ since: NOW - 3_600_000, until: NOW });
    expect(withinRange(NOW - 3_600_000, range)).toBe(true);
    expect(withinRange(NOW, range)).toBe(false);
    expect(leavesRangeAt(NOW, 'PT1H')).toBe(NOW + 3_600_001);
    expect(leavesRangeAt(NOW, '2026-11-21T12:00:00Z')).toBeUndefined();
  });

  it('says when the clock alone moves a session next: a chat lapsing or a since running out', () => {
    const chat = wireSession({ kind: 'chat', status: 'waiting', updatedAt: '2026-11-21T11:50:00.000Z' });
    const lastMessageAt = '2026-11-21T11:40:00.000Z';
    const withChat = { ...chat, lastMessageAt, progress: { messages: 1 } };
    expect(nextFilterChange(withChat, {}, NOW)).toBe(Date.parse(lastMessageAt) + 30 * 60_000);
    expect(nextFilterChange(withChat, { since: 'PT15M' }, NOW)).toBe(Date.parse('2026-11-21T12:05:00.001Z'));
    expect(nextFilterChange(flow, { since: 'P1D' }, NOW)).toBe(Date.parse('2026-11-22T11:00:00.001Z'));
    expect(nextFilterChange(flow, {}, NOW)).toBeUndefined();
  });

  it('names an empty range of two instants, and nothing else', () => {
    expect(timeRangeError({ since: '2026-11-21T12:00:00Z', until: '2026-11-21T12:00:00Z' }, 'query')).toEqual(
      {
        path: 'query.until',
        message: 'until must be later than since',
      },
    );
    expect(
      timeRangeError({ since: '2026-11-21T11:00:00Z', until: '2026-11-21T12:00:00Z' }, 'query'),
    ).toBeUndefined();
    expect(timeRangeError({ since: 'P1D', until: '2020-01-01T00:00:00Z' }, 'query')).toBeUndefined();
  });
});

describe('the rules of q and scope', () => {
  it('searches title, description, hostname, playbook and owner name, lower-cased', () => {
    expect(sessionSearchText(flow)).toBe(
      'checkout retries\nretry the payment call\nweb-1.acme.test\ncis-benchmark\nsarah chen',
    );
  });

  it('splits q on whitespace, literally (% and _ are plain characters), at most 16 words', () => {
    expect(searchWords('  50%  off_PEAK ')).toEqual(['50%', 'off_peak']);
    expect(searchWords(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toHaveLength(16);
    expect(searchWords(undefined)).toEqual([]);
  });

  it('knows initiative, plan and agent scopes and nothing else', () => {
    expect(withinScope('agent:ag_web1', flow)).toBe(true);
    expect(withinScope('plan:plan_other', flow)).toBe(false);
    expect(withinScope('host:web-1.acme.test', flow)).toBe(false);
  });
});
