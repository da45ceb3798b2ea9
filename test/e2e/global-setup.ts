// Runs once before the browser tests (playwright.config.ts, globalSetup).
import { chromiumProblem } from './chromium';

export default function globalSetup(): void {
  const problem = chromiumProblem();
  if (problem !== null) throw new Error(problem);
}
