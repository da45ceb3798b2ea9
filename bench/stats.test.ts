import { describe, expect, it } from 'vitest';
import { median, percentile, ratioInterval } from './stats';
import { alternately } from './alternately';

describe('ratioInterval', () => {
  it('is the ratio itself when every round gave the same figures', () => {
    expect(ratioInterval([110, 110, 110], [100, 100, 100])).toEqual([1.1, 1.1]);
  });

  it('holds the ratio of medians and widens with the spread of the rounds', () => {
    const without = [900, 950, 1000, 1050, 1100, 980, 1020, 940, 1060, 990];
    const close = without.map((t, i) => t * (1.08 + (i % 2 ? 0.01 : -0.01)));
    const noisy = without.map((t, i) => t * (1.08 + (i % 2 ? 0.3 : -0.3)));
    const ratio = median(close) / median(without);
    const [low, high] = ratioInterval(close, without);
    expect(low).toBeLessThanOrEqual(ratio);
    expect(high).toBeGreaterThanOrEqual(ratio);
    const [noisyLow, noisyHigh] = ratioInterval(noisy, without);
    expect(noisyHigh - noisyLow).toBeGreaterThan(high - low);
    // A plain 8 % more in every round, give or take 1 %: nowhere near 1.10, nor below 1.
    expect(low).toBeGreaterThan(1.0);
    expect(high).toBeLessThan(1.1);
  });

  it('gives the same interval for the same figures (a fixed seed)', () => {
    const a = [5, 9, 7, 12, 6, 8, 11];
    const b = [6, 7, 8, 9, 7, 6, 10];
    expect(ratioInterval(a, b)).toEqual(ratioInterval(a, b));
  });

  it('refuses rounds that do not pair up', () => {
    expect(() => ratioInterval([1, 2], [1])).toThrow(/as many of each: 2 and 1/);
    expect(() => ratioInterval([], [])).toThrow();
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
  });
});

describe('alternately', () => {
  const order = async (rounds: number, names: string[]) => {
    const seen: string[] = [];
    await alternately(rounds, ...names.map((n) => async () => void seen.push(n)));
    return seen.join('');
  };

  it('turns which of two goes first, round by round', async () => {
    expect(await order(4, ['a', 'b'])).toBe('abbaabba');
  });

  it('turns which of three goes first, so each leads in turn', async () => {
    expect(await order(3, ['a', 'b', 'c'])).toBe('abcbcacab');
  });
});
