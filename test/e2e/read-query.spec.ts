// The queries a register is read with (issue 15), in the browser that runs them: `below(...)` joins
// selectors plainly, which Chromium matches several times faster than `:is()`, only where Chromium
// then finds exactly the elements `:is()` finds. sites/read-query.test.ts checks the same in jsdom;
// this checks the engine the product runs on, `:scope` included.

import fc from 'fast-check';
import { chromium, type Browser, type Page } from '@playwright/test';
import { below } from '../../sites/read';
import { CHROMIUM, expect, QUIET_FLAGS, test } from './fixtures';

let browser: Browser;
let page: Page;
test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS });
  page = await browser.newPage();
  await page.setContent('<!doctype html><title>Queries</title><body></body>');
});
test.afterAll(async () => {
  await browser.close();
});

const TAGS = ['div', 'p', 'span', 'i'] as const;

interface Node {
  tag: (typeof TAGS)[number];
  cls: '' | 'x' | 'y';
  data: boolean;
  children: Node[];
}

const node = (depth: number): fc.Arbitrary<Node> =>
  fc.record({
    tag: fc.constantFrom(...TAGS),
    cls: fc.constantFrom('' as const, 'x' as const, 'y' as const),
    data: fc.boolean(),
    children: depth === 0 ? fc.constant([]) : fc.array(node(depth - 1), { maxLength: 3 }),
  });

function html(n: Node): string {
  return `<${n.tag}${n.cls ? ` class="${n.cls}"` : ''}${n.data ? ' data-k="1"' : ''}>${n.children.map(html).join('')}</${n.tag}>`;
}

const SELECTORS = ['div', 'p', '.x', 'span.y', '[data-k]', 'i[data-k="1"]', 'p:not(.x)', ':scope', 'div > p', 'div .x', 'p + span', 'span ~ i', 'p, .y', 'div:not(.x, .y)', 'div>span'];

test('below finds the same elements as :is() in Chromium, over the page and under one element', async () => {
  await fc.assert(
    fc.asyncProperty(node(4), fc.array(fc.constantFrom(...SELECTORS), { minLength: 1, maxLength: 3 }), fc.nat(), async (root, selectors, at) => {
      const [plain, wrapped] = await page.evaluate(
        ({ markup, joined, isJoined, at }) => {
          document.body.innerHTML = markup;
          const all = [...document.body.querySelectorAll('*')];
          const scopes = [document.body, all[at % all.length]!];
          // Places in the page, under the page's body and under one of its elements.
          const places = (selector: string) => scopes.map((scope) => [...scope.querySelectorAll(selector)].map((e) => all.indexOf(e)));
          return [places(joined), places(isJoined)];
        },
        { markup: html(root), joined: below(...selectors), isJoined: selectors.map((s) => `:is(${s})`).join(' '), at },
      );
      expect(plain, `${below(...selectors)} against ${selectors.map((s) => `:is(${s})`).join(' ')}`).toEqual(wrapped);
    }),
    { numRuns: 200 },
  );
});
