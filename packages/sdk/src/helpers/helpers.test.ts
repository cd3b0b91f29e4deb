import { describe, expect, it } from 'vitest';
import {
  CHAT_ACTIVE_WINDOW_MS,
  KNOWN_STATUSES,
  activeUntil,
  compareSessions,
  costCaption,
  currentStepIndex,
  elapsed,
  elapsedBetween,
  formatMoney,
  fromMicros,
  isActive,
  isKnownStatus,
  progressLabel,
  relativeTime,
  toMicros,
  toneOf,
  type Session,
} from '../index.js';
import { wireSession } from '../test/fixtures.js';

const NOW = Date.parse('2026-11-21T12:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

describe('toneOf', () => {
  it('maps every known status to its tone (S2)', () => {
    const expected: Record<string, string> = {
      running: 'live',
      provisioning: 'live',
      streaming: 'live',
      pending: 'queued',
      queued: 'queued',
      paused: 'waiting',
      blocked: 'waiting',
      waiting: 'waiting',
      interrupted: 'waiting',
      pending_review: 'waiting',
      completed: 'settled',
      merged: 'settled',
      reviewed: 'settled',
      ended: 'settled',
      skipped: 'settled',
      cancelled: 'settled',
      failed: 'problem',
      rejected: 'problem',
      discarded: 'problem',
    };
    expect(Object.fromEntries(KNOWN_STATUSES.map((status) => [status, toneOf(status)]))).toEqual(expected);
  });

  it('maps an unknown status to neutral', () => {
    expect(toneOf('hibernating')).toBe('neutral');
    expect(isKnownStatus('hibernating')).toBe(false);
    expect(toneOf('constructor')).toBe('neutral');
  });
});

describe('isActive (S8)', () => {
  const at = (kind: Session['kind'], status: string) => isActive(wireSession({ kind, status }), NOW);

  it('follows each kind’s active statuses', () => {
    expect(['running', 'paused', 'pending'].every((s) => at('flow', s))).toBe(true);
    expect(['completed', 'failed', 'queued', 'waiting'].some((s) => at('flow', s))).toBe(false);
    expect(['running', 'queued', 'provisioning', 'waiting'].every((s) => at('task', s))).toBe(true);
    expect(['paused', 'pending', 'completed'].some((s) => at('task', s))).toBe(false);
    expect(at('assessment', 'running')).toBe(true);
    expect(['pending_review', 'pending', 'completed'].some((s) => at('assessment', s))).toBe(false);
    expect(at('flow', 'hibernating')).toBe(false);
  });

  it('keeps a chat active for 30 minutes after its last message, on both sides of the line', () => {
    const chat = (lastMessageAt: string, status = 'running') =>
      wireSession({ kind: 'chat', status, lastMessageAt, progress: { messages: 8 } });
    const justInside = chat(new Date(NOW - CHAT_ACTIVE_WINDOW_MS + 1).toISOString());
    const onTheLine = chat(new Date(NOW - CHAT_ACTIVE_WINDOW_MS).toISOString());
    expect(isActive(justInside, NOW)).toBe(true);
    expect(isActive(onTheLine, NOW)).toBe(false);
    expect(isActive(chat(minutesAgo(29)), NOW)).toBe(true);
    expect(isActive(chat(minutesAgo(31)), NOW)).toBe(false);
    expect(isActive(chat(minutesAgo(1), 'ended'), NOW)).toBe(false);
    expect(activeUntil(justInside)).toBe(NOW + 1);
    expect(activeUntil(chat(minutesAgo(1), 'ended'))).toBeUndefined();
  });

  it('counts a chat with no message yet from its creation', () => {
    const fresh = wireSession({ kind: 'chat', status: 'running', createdAt: minutesAgo(5), progress: {} });
    expect(isActive(fresh, NOW)).toBe(true);
    expect(isActive(fresh, NOW + 26 * 60_000)).toBe(false);
  });
});

describe('compareSessions (S9)', () => {
  it('orders a mixed list: active first, then updatedAt descending, then id descending', () => {
    const sessions = [
      wireSession({ id: 'a', kind: 'flow', status: 'completed', updatedAt: minutesAgo(1) }),
      wireSession({ id: 'b', kind: 'task', status: 'queued', updatedAt: minutesAgo(50) }),
      wireSession({
        id: 'c',
        kind: 'chat',
        status: 'running',
        updatedAt: minutesAgo(2),
        lastMessageAt: minutesAgo(2),
      }),
      wireSession({
        id: 'd',
        kind: 'chat',
        status: 'running',
        updatedAt: minutesAgo(40),
        lastMessageAt: minutesAgo(40),
      }),
      wireSession({ id: 'e', kind: 'flow', status: 'completed', updatedAt: minutesAgo(1) }),
      wireSession({ id: 'f', kind: 'assessment', status: 'pending_review', updatedAt: minutesAgo(0) }),
      wireSession({ id: 'g', kind: 'assessment', status: 'running', updatedAt: minutesAgo(90) }),
    ];
    expect(sessions.sort(compareSessions(NOW)).map((s) => s.id)).toEqual(['c', 'b', 'g', 'f', 'e', 'a', 'd']);
  });

  it('moves a chat out of the active group as the clock passes its 30-minute line', () => {
    const chat = wireSession({
      id: 'c',
      kind: 'chat',
      status: 'running',
      updatedAt: minutesAgo(20),
      lastMessageAt: minutesAgo(20),
    });
    const done = wireSession({ id: 'z', kind: 'flow', status: 'completed', updatedAt: minutesAgo(5) });
    expect([done, chat].sort(compareSessions(NOW)).map((s) => s.id)).toEqual(['c', 'z']);
    expect([done, chat].sort(compareSessions(NOW + 11 * 60_000)).map((s) => s.id)).toEqual(['z', 'c']);
  });
});

describe('money', () => {
  it('converts decimal strings to micro-dollars and back exactly', () => {
    expect(toMicros('0.84')).toBe(840_000n);
    expect(toMicros('12.000125')).toBe(12_000_125n);
    expect(toMicros('-0.5')).toBe(-500_000n);
    expect(fromMicros(toMicros('0.1') + toMicros('0.2'))).toBe('0.3');
    expect(fromMicros(1_230_000n)).toBe('1.23');
    expect(fromMicros(0n)).toBe('0');
  });

  it('formats without binary-float artefacts, in two locales', () => {
    expect(formatMoney(fromMicros(toMicros('0.1') + toMicros('0.2')))).toBe('$0.30');
    expect(formatMoney('1234.845', { locale: 'en-US' })).toBe('$1,234.85');
    expect(formatMoney('1234.845', { locale: 'de-DE' })).toBe('1.234,85\u00a0$');
    expect(formatMoney('0.031', { locale: 'en-US', fractionDigits: 3 })).toBe('$0.031');
    expect(formatMoney('0.004', { locale: 'en-US' })).toBe('<$0.01');
    expect(formatMoney('0', { locale: 'en-US' })).toBe('$0.00');
  });
});

describe('costCaption (S4)', () => {
  const turns = (priced: number, estimated: number, unpriced: number) => ({ priced, estimated, unpriced });

  it('renders every caption variant', () => {
    expect(costCaption(undefined)).toBeUndefined();
    expect(costCaption({ amountUsd: '0', turns: turns(0, 0, 5) }, 'en-US')).toBe('Unpriced');
    expect(costCaption({ amountUsd: '0.84', turns: turns(3, 1, 2) }, 'en-US')).toBe('$0.84 + unpriced');
    expect(costCaption({ amountUsd: '0.84', credits: 84, turns: turns(3, 0, 0) }, 'en-US')).toBe(
      '$0.84 · 84 credits',
    );
    expect(costCaption({ amountUsd: '0.01', credits: 1, turns: turns(1, 0, 0) }, 'en-US')).toBe(
      '$0.01 · 1 credit',
    );
    expect(costCaption({ amountUsd: '0.84', credits: 0, turns: turns(3, 0, 0) }, 'en-US')).toBe('$0.84');
    expect(costCaption({ amountUsd: '0.84', turns: turns(0, 4, 0) }, 'en-US')).toBe('$0.84');
  });

  it('speaks German', () => {
    expect(costCaption({ amountUsd: '0', turns: turns(0, 0, 1) }, 'de-DE')).toBe('Ohne Preis');
    expect(costCaption({ amountUsd: '1234.5', credits: 1200, turns: turns(1, 0, 0) }, 'de-DE')).toBe(
      '1.234,50\u00a0$ · 1.200 Credits',
    );
  });
});

describe('progressLabel (S3)', () => {
  const steps = (...statuses: string[]) => statuses.map((status, i) => ({ name: `S${i + 1}`, status }));

  it('labels every kind', () => {
    expect(
      progressLabel(
        { kind: 'flow', progress: { steps: steps('completed', 'running', 'pending', 'pending', 'pending') } },
        'en',
      ),
    ).toBe('Step 2 of 5');
    expect(
      progressLabel({ kind: 'flow', progress: { steps: steps('completed', 'skipped', 'completed') } }, 'en'),
    ).toBe('Step 3 of 3');
    expect(progressLabel({ kind: 'flow', progress: { steps: steps('pending', 'pending') } }, 'en')).toBe(
      'Step 1 of 2',
    );
    expect(
      progressLabel({ kind: 'flow', progress: { steps: steps('completed', 'failed', 'pending') } }, 'en'),
    ).toBe('Step 2 of 3');
    expect(progressLabel({ kind: 'flow', progress: {} }, 'en')).toBe('No steps yet');
    expect(progressLabel({ kind: 'task', progress: { turns: 12 } }, 'en')).toBe('12 turns');
    expect(progressLabel({ kind: 'task', progress: { turns: 1 } }, 'en')).toBe('1 turn');
    expect(progressLabel({ kind: 'chat', progress: { messages: 8 } }, 'en')).toBe('8 messages');
    expect(progressLabel({ kind: 'chat', progress: {} }, 'en')).toBe('0 messages');
    expect(progressLabel({ kind: 'assessment', progress: { executions: 14 } }, 'en')).toBe('14 executions');
    expect(progressLabel({ kind: 'assessment', progress: { executions: 1234 } }, 'en')).toBe(
      '1,234 executions',
    );
  });

  it('labels in German with German digit grouping', () => {
    expect(progressLabel({ kind: 'flow', progress: { steps: steps('completed', 'running') } }, 'de')).toBe(
      'Schritt 2 von 2',
    );
    expect(progressLabel({ kind: 'assessment', progress: { executions: 1234 } }, 'de')).toBe(
      '1.234 Ausführungen',
    );
    expect(progressLabel({ kind: 'chat', progress: { messages: 1 } }, 'de')).toBe('1 Nachricht');
  });

  it('finds the current step', () => {
    expect(currentStepIndex([])).toBe(-1);
    expect(currentStepIndex(steps('completed', 'waiting'))).toBe(1);
  });
});

describe('relative and elapsed time', () => {
  it('says how long ago, in the largest whole unit', () => {
    expect(relativeTime(minutesAgo(12), NOW, 'en')).toBe('12m ago');
    expect(relativeTime(minutesAgo(180), NOW, 'en')).toBe('3h ago');
    expect(relativeTime(minutesAgo(60 * 24 * 2), NOW, 'en')).toBe('2d ago');
    expect(relativeTime(new Date(NOW - 20_000).toISOString(), NOW, 'en')).toBe('20s ago');
    expect(relativeTime(new Date(NOW).toISOString(), NOW, 'en')).toBe('now');
    expect(relativeTime(minutesAgo(-5), NOW, 'en')).toBe('in 5m');
    // CLDR versions differ on the German narrow minute ("m" or "Min."); the wording is theirs.
    expect(relativeTime(minutesAgo(12), NOW, 'de')).toMatch(/^vor 12 m/i);
  });

  it('formats elapsed durations in their two largest units', () => {
    expect(elapsed((11 * 60 + 42) * 1000, 'en')).toBe('11m 42s');
    expect(elapsed(42_000, 'en')).toBe('42s');
    expect(elapsed((2 * 3600 + 5 * 60 + 9) * 1000, 'en')).toBe('2h 5m');
    expect(elapsed(2 * 3600 * 1000, 'en')).toBe('2h');
    expect(elapsed((3 * 86_400 + 4 * 3600) * 1000, 'en')).toBe('3d 4h');
    expect(elapsed(0, 'en')).toBe('0s');
    expect(elapsed(-5000, 'en')).toBe('0s');
    expect(elapsed((11 * 60 + 42) * 1000, 'de')).toBe('11 Min. 42 Sek.');
  });

  it('measures between two instants, or to now', () => {
    expect(elapsedBetween(minutesAgo(11), undefined, NOW, 'en')).toBe('11m');
    expect(elapsedBetween(minutesAgo(11), minutesAgo(10), NOW, 'en')).toBe('1m');
  });
});
