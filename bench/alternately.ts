/**
 * Runs measurements `rounds` times each, in turn, and which goes first turns too (round i starts at
 * the (i mod n)-th), so that on a noisy machine all are measured under the same conditions and none
 * always follows another's garbage or the server's cache. With two: a then b, then b then a, and so on.
 */
export async function alternately(rounds: number, ...measurements: (() => Promise<void>)[]): Promise<void> {
  const n = measurements.length;
  for (let i = 0; i < rounds; i++) {
    for (let j = 0; j < n; j++) await measurements[(i + j) % n]!();
  }
}
