/**
 * Runs two measurements `pairs` times each, alternating, and which goes first alternates too, so
 * that on a noisy machine both are measured under the same conditions and neither always follows
 * the other's garbage or the server's cache.
 */
export async function alternately(pairs: number, a: () => Promise<void>, b: () => Promise<void>): Promise<void> {
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      await a();
      await b();
    } else {
      await b();
      await a();
    }
  }
}
