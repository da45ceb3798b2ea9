// The queries a register is read with (issue 15), in the browser that runs them: `below(...)` joins
// selectors plainly, which Chromium matches several times faster than `:is()`, only where Chromium
// then finds exactly the elements `:is()` finds. Checked in the engine the product runs on, not jsdom,
// whose selector engine answered some of these queries wrongly (sites/read-query.test.ts says which).

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

interface RandomNode {
  tag: (typeof TAGS)[number];
  cls: '' | 'x' | 'y';
  data: boolean;
  children: RandomNode[];
}

/** A tree of elements up to `depth` levels below its root, with classes and a data attribute to select by. */
const randomTree = (depth = 4): fc.Arbitrary<RandomNode> =>
  fc.record({
    tag: fc.constantFrom(...TAGS),
    cls: fc.constantFrom('' as const, 'x' as const, 'y' as const),
    data: fc.boolean(),
    children: depth === 0 ? fc.constant([]) : fc.array(randomTree(depth - 1), { maxLength: 3 }),
  });

function treeHtml(node: RandomNode): string {
  return `<${node.tag}${node.cls ? ` class="${node.cls}"` : ''}${node.data ? ' data-k="1"' : ''}>${node.children.map(treeHtml).join('')}</${node.tag}>`;
}

/**
 * Compound selectors, and ones with combinators, lists, functional pseudo-classes and :scope: the
 * kinds a site profile's rows, cells and controls are written with.
 */
const SELECTORS = ['div', 'p', '.x', 'span.y', '[data-k]', 'i[data-k="1"]', 'p:not(.x)', ':scope', 'div > p', 'div .x', 'p + span', 'span ~ i', 'p, .y', 'div:not(.x, .y)', 'div>span'];

/** The `:is()` form `below()` stands for. */
const wrapped = (selectors: readonly string[]): string => selectors.map((s) => `:is(${s})`).join(' ');

test('below finds the same elements as :is() in Chromium, over the page and under one element', async () => {
  await fc.assert(
    fc.asyncProperty(randomTree(), fc.array(fc.constantFrom(...SELECTORS), { minLength: 1, maxLength: 3 }), fc.nat(), async (root, selectors, at) => {
      const [plain, wrappedPlaces] = await page.evaluate(
        ({ markup, joined, isJoined, at }) => {
          document.body.innerHTML = markup;
          const all = [...document.body.querySelectorAll('*')];
          const scopes = [document.body, all[at % all.length]!];
          // Places in the page, under the page's body and under one of its elements.
          const places = (selector: string) => scopes.map((scope) => [...scope.querySelectorAll(selector)].map((e) => all.indexOf(e)));
          return [places(joined), places(isJoined)];
        },
        { markup: treeHtml(root), joined: below(...selectors), isJoined: wrapped(selectors), at },
      );
      expect(plain, `${below(...selectors)} against ${wrapped(selectors)}`).toEqual(wrappedPlaces);
    }),
    { numRuns: 200 },
  );
});
