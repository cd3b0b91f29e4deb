import { describe, expect, it } from 'vitest';
import { ConcurrencyLimiter, parseCountSetting, parseRateSetting, RateLimiter } from './limits.js';

describe('RateLimiter (unit, on a hand-moved clock)', () => {
  it('lets a burst through, refuses the next with the wait until one token is back, refills over time', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 }, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBeCloseTo(0.5);
    expect(limiter.take('b')).toBe(0);
    now += 250;
    expect(limiter.take('a')).toBeCloseTo(0.25);
    now += 250;
    expect(limiter.take('a')).toBe(0);
    now += 60_000;
    // Never more than the burst, however long it rested.
    expect([0, 1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0, expect.any(Number)]);
  });

  it('wait() looks without taking', () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 1 }, () => 0);
    expect(limiter.wait('a')).toBe(0);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.wait('a')).toBe(1);
  });
});

describe('ConcurrencyLimiter (unit)', () => {
  it('caps open slots per key; a release is idempotent', () => {
    const limiter = new ConcurrencyLimiter(2);
    const one = limiter.acquire('t')!;
    const two = limiter.acquire('t')!;
    expect(limiter.acquire('t')).toBeUndefined();
    expect(limiter.acquire('u')).toBeDefined();
    one();
    one();
    expect(limiter.open('t')).toBe(1);
    expect(limiter.acquire('t')).toBeDefined();
    two();
  });
});

describe('settings from the CLI and the environment', () => {
  it('reads <perSecond>[:<burst>] and off; refuses anything else', () => {
    expect(parseRateSetting(undefined, 'x')).toBeUndefined();
    expect(parseRateSetting('', 'x')).toBeUndefined();
    expect(parseRateSetting('off', 'x')).toBe(false);
    expect(parseRateSetting('50', 'x')).toEqual({ perSecond: 50, burst: 500 });
    expect(parseRateSetting('0.5:20', 'x')).toEqual({ perSecond: 0.5, burst: 20 });
    for (const bad of ['0', '-1', 'fast', '10:0', '10:', ':10']) {
      expect(() => parseRateSetting(bad, '--rate-limit'), bad).toThrow(/--rate-limit/);
    }
  });

  it('reads whole numbers and off', () => {
    expect(parseCountSetting('12', 'x')).toBe(12);
    expect(parseCountSetting('off', 'x')).toBe(false);
    for (const bad of ['0', '1.5', 'many']) expect(() => parseCountSetting(bad, 'x'), bad).toThrow();
  });
});
