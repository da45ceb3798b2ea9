// The statistics the benchmarks report.

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
