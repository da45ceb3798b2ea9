// The queries a register is read with (issue 15), in the browser that runs them: `below(...)` joins
// selectors plainly, which Chromium matches several times faster than `:is()`, only where Chromium
// then finds exactly the elements `:is()` finds. Checked in the engine the product runs on, not jsdom,
// whose selector engine answered some of these queries wrongly (sites/read-query.test.ts says which).

import fc from 'fast-check';
import { chromium, type Browser, type Page } from '@playwright/test';
import { below } from '../../sites/read';
import { PROFILE_SELECTORS, randomTree, treeHtml, wrapped } from '../support/random-dom';
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

const SELECTORS = [...PROFILE_SELECTORS, ':scope'];

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
