// The size budgets (issue 14, "Budgets, decided"; issue 15, item 5): the content script at most 40 KB
// gzipped, each widget build at most 50 KB gzipped, the service worker (parsed at every wake-up) at
// most 100 KB gzipped, measured as `npm run bench` measures them (gzip -9 of the
// built files, KB = 1,024 bytes). A build over budget fails here, not only in a benchmark report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { SHIPPED_EXTENSION_DIR } from './fixtures';

const WIDGET_DIR = join(SHIPPED_EXTENSION_DIR, '..', 'widget');
const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

test('the content script is within its 40 KB gzipped budget', () => {
  const size = gzipped(join(SHIPPED_EXTENSION_DIR, 'content-scripts/content.js'));
  expect(size, `content script: ${size} bytes gzipped`).toBeLessThanOrEqual(40 * 1024);
});

for (const file of ['markwise-widget.js', 'markwise-widget.iife.js']) {
  test(`the widget's ${file} is within its 50 KB gzipped budget`, () => {
    const size = gzipped(join(WIDGET_DIR, file));
    expect(size, `${file}: ${size} bytes gzipped`).toBeLessThanOrEqual(50 * 1024);
  });
}

test('the service worker is within its 100 KB gzipped budget', () => {
  const size = gzipped(join(SHIPPED_EXTENSION_DIR, 'background.js'));
  expect(size, `service worker: ${size} bytes gzipped`).toBeLessThanOrEqual(100 * 1024);
});
