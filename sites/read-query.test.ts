// The queries a register is read with (issue 15): `below(...)` joins selectors plainly, which Chromium
// matches several times faster than `:is()`, only where that finds exactly the elements `:is()` finds.

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { below } from './read';

// Whether the plain join finds the same elements as `:is()` is checked over random pages in Chromium
// itself (test/e2e/read-query.spec.ts): jsdom's selector engine is not the browser's, and over many
// documents in one run it answered some queries wrongly (':scope' inside ':is()', and once
// 'div p:not(.x)' found nothing that it finds alone), so it cannot be the judge of that property.
describe('below: the query for elements inside others', () => {
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
