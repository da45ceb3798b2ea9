// The worker bench/export-check.ts runs on the check page for "papaparse alone": built by the bench
// into a copy of the built extension (so it runs in the extension's origin, as the check's worker
// does), never into the product.

import { papaparseTally, type PapaparseTally } from './papaparse-tally';

export interface PapaparseReply extends PapaparseTally {
  /** Time inside the worker, from the bytes to the tally. */
  readonly ms: number;
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<{ bytes: Uint8Array }>) => void) | null; postMessage(message: PapaparseReply): void };

scope.onmessage = (event) => {
  const started = performance.now();
  const tally = papaparseTally(event.data.bytes);
  scope.postMessage({ ...tally, ms: performance.now() - started });
};
