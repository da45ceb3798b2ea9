// axe-core over a page as it is now (an MIS page with Markwise's panel, an extension page): the
// violations, each with the first places it was seen. Evaluated directly, as extension pages forbid
// inline scripts.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** include: selectors of the parts to check (Markwise's own elements), else the whole page. */
export async function axeViolations(page: Page, include?: readonly string[]): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (parts) => {
    type Axe = { run(context?: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await (parts === null ? axe.run() : axe.run({ include: parts.map((part) => [part]) }));
    return result.violations.map((v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  }, include === undefined ? null : [...include]);
}
