// The check-an-export page's worker: reading and checking a year's export (570,000 rows) takes
// seconds, and the page must stay responsive and show progress meanwhile.

import { checkExport, type ExportCheckOutcome, type ExportCheckProgress, type ExportCheckRequest } from './check-export';

export type WorkerReply = { readonly type: 'progress'; readonly progress: ExportCheckProgress } | { readonly type: 'done'; readonly outcome: ExportCheckOutcome };

const scope = self as unknown as { onmessage: ((event: MessageEvent<ExportCheckRequest>) => void) | null; postMessage(message: WorkerReply, transfer?: Transferable[]): void };

scope.onmessage = (event) => {
  const request = event.data;
  let outcome: ExportCheckOutcome;
  try {
    outcome = checkExport(request, (progress) => scope.postMessage({ type: 'progress', progress }));
  } catch (error) {
    outcome = {
      ok: false,
      fileName: request.fileName,
      heading: `Markwise hit a problem checking ${request.fileName}, so nothing was checked`,
      problems: [error instanceof Error ? error.message : String(error)],
    };
  }
  // The cards' packed weeks are handed over, not copied (the worker ends here).
  scope.postMessage({ type: 'done', outcome }, outcome.ok ? [outcome.cards.starts.buffer, outcome.cards.weeks.buffer] : []);
};
