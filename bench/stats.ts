// The statistics the benchmarks report.

import { mulberry32 } from './generate-school';

/** The middle value (the mean of the middle two for an even count). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/** A median with the range of the samples, for a report: `median 208 ms (147 to 522)`. */
export function medianAndRange(samples: readonly number[]): string {
  return `median ${median(samples).toFixed(0)} ms (${Math.min(...samples)} to ${Math.max(...samples)})`;
}

/** The value at or below which p per cent of the samples lie (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * How far a ratio of medians (of `a` by `b`, taken in the same rounds: a[i] and b[i] in round i) could
 * move on another run of as many rounds: the middle `level` of the ratios of medians of rounds drawn
 * again with replacement (a percentile bootstrap, pairs kept together), from a fixed seed.
 */
export function ratioInterval(a: readonly number[], b: readonly number[], { level = 0.9, resamples = 2000, seed = 1 } = {}): [low: number, high: number] {
  if (a.length !== b.length || a.length === 0) throw new Error(`ratioInterval needs rounds of both, as many of each: ${a.length} and ${b.length}`);
  const random = mulberry32(seed);
  const n = a.length;
  const ratios: number[] = [];
  const ra = new Array<number>(n);
  const rb = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const k = Math.floor(random() * n);
      ra[i] = a[k]!;
      rb[i] = b[k]!;
    }
    ratios.push(median(ra) / median(rb));
  }
  const tail = ((1 - level) / 2) * 100;
  return [percentile(ratios, tail), percentile(ratios, 100 - tail)];
}
