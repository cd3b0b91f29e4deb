import { describe, expect, it } from 'vitest';
import { matchesFilters, searchWords, sessionSearchText, withinScope } from '../index.js';
import { wireSession } from '../test/fixtures.js';

const NOW = Date.parse('2026-11-21T12:00:00.000Z');

const flow = wireSession({
  title: 'Checkout retries',
  description: 'Retry the PAYMENT call',
  owner: { id: 'mem_sarah', name: 'Sarah Chen' },
  agent: { id: 'ag_web1', hostname: 'web-1.acme.test' },
  playbook: 'cis-benchmark',
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
    ];
    for (const [filters, expected] of cases) {
      expect(matchesFilters(flow, filters, NOW), JSON.stringify(filters)).toBe(expected);
    }
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
