// The queries a register is read with (issue 15): `below(...)` joins selectors plainly, which Chromium
// matches several times faster than `:is()`, only where that finds exactly the elements `:is()` finds.

import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { PROFILE_SELECTORS, randomTree, treeHtml, wrapped } from '../test/support/random-dom';
import { below } from './read';

// Not `:scope`: a cell that is its row is read without a query, and jsdom does not match `:scope`
// inside `:is()` as browsers do (test/e2e/read-query.spec.ts checks it in Chromium).
describe('below: the query for elements inside others', () => {
  it('finds the same elements as :is() for every selector, over the whole page and under one element', () => {
    fc.assert(
      fc.property(randomTree(), fc.array(fc.constantFrom(...PROFILE_SELECTORS), { minLength: 1, maxLength: 3 }), fc.nat(), (root, selectors, at) => {
        const doc = new JSDOM(`<!doctype html><body>${treeHtml(root)}</body>`).window.document;
        const all = [...doc.body.querySelectorAll('*')];
        // Compared as places in the page: a failure then prints numbers, not jsdom's elements.
        const places = (found: NodeListOf<Element>) => [...found].map((e) => all.indexOf(e));
        for (const scope of [doc.body, all[at % all.length]!]) {
          expect(places(scope.querySelectorAll(below(...selectors)))).toEqual(places(scope.querySelectorAll(wrapped(selectors))));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('joins plainly only where nothing after the first selector has a combinator, and nothing has a list', () => {
    expect(below('tbody tr.pupil-row', 'td.reg-cell', 'input.reg-code')).toBe('tbody tr.pupil-row td.reg-cell input.reg-code');
    expect(below('div.row', 'div > select')).toBe(':is(div.row) :is(div > select)');
    expect(below('tr.a, tr.b', 'td')).toBe(':is(tr.a, tr.b) :is(td)');
    expect(below('tr', 'script,style,option')).toBe(':is(tr) :is(script,style,option)');
  });

  it('keeps a cell that is the row itself: a control directly in the row is found below the row', () => {
    // Plainly joined, `div.row div > select` would miss the select whose parent is the row.
    const doc = new JSDOM('<!doctype html><body><div class="row"><select></select></div></body>').window.document;
    expect(doc.body.querySelectorAll(below('div.row', 'div > select'))).toHaveLength(1);
  });
});
