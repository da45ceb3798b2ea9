// Where a band or tier starts and ends, and whether it includes its line: "90% and above" holds
// exactly 90.0%, "above 95%" does not. Every comparison with a band or tier goes through here.

import type { Band, Tier } from './schema';

export interface Line {
  readonly percent: number;
  /** Whether attendance exactly on the line is inside. */
  readonly included: boolean;
}

/** The top of the scale: a band with no upper line holds 100% itself. */
const TOP: Line = { percent: 100, included: true };

export function bandLower(band: Band): Line {
  return band.above !== undefined ? { percent: band.above, included: false } : { percent: band.atLeast ?? 0, included: true };
}

/** The band's upper line; 100% included when it gives none. */
export function bandUpper(band: Band): Line {
  if (band.atMost !== undefined) return { percent: band.atMost, included: true };
  return band.below === undefined || band.below === null ? TOP : { percent: band.below, included: false };
}

/** The line a pupil's attendance must be under (or on, if included) to enter the tier; null for a tier that holds everyone. */
export function tierLine(tier: Tier): Line | null {
  if (tier.appliesAtOrBelow !== undefined) return { percent: tier.appliesAtOrBelow, included: true };
  return tier.appliesBelow === undefined || tier.appliesBelow === null ? null : { percent: tier.appliesBelow, included: false };
}

export function inBand(band: Band, attendance: number): boolean {
  const lower = bandLower(band);
  const upper = bandUpper(band);
  const aboveLower = attendance > lower.percent || (lower.included && attendance === lower.percent);
  const belowUpper = attendance < upper.percent || (upper.included && attendance === upper.percent);
  return aboveLower && belowUpper;
}

export function tierApplies(tier: Tier, attendance: number): boolean {
  const line = tierLine(tier);
  return line === null || attendance < line.percent || (line.included && attendance === line.percent);
}

/**
 * Orders lines by how much attendance they let in below them: below 90% lets in less than
 * 90% and below, which lets in less than below 91%. Negative when a lets in less than b.
 */
export function compareUpperLines(a: Line | null, b: Line | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a.percent - b.percent || Number(a.included) - Number(b.included);
}

/** "90% and above", "above 95%": a lower line in words. */
export function lowerLineText(line: Line): string {
  return line.included ? `${line.percent}% and above` : `above ${line.percent}%`;
}

/** "below 90%", "90% and below": an upper line in words. */
export function upperLineText(line: Line): string {
  return line.included ? `${line.percent}% and below` : `below ${line.percent}%`;
}
