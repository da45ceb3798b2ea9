// @vitest-environment jsdom
// The cells a profile's badges go in, as the style that makes their room selects them (issue 15,
// item 1): exactly the cells the page surface puts a badge's host in (sites/read.ts takes the first
// match of badgeIn or badgeAfter in each row; entrypoints/page/surface.ts puts the host at the end of
// that element when it is a cell, or of the cell it is a child of).

import { describe, expect, it } from 'vitest';
import { badgeCellSelector, badgeRoomCss, badgeRooms, parentOf } from './badge-room';

const REGISTER = `<table id="register"><thead><tr><th class="name">Pupil</th><th>Mon AM</th></tr></thead><tbody>
  <tr class="pupil-row"><td class="name"><a href="/p/1">Adeyemi, Jean-Luc</a> <span class="upn">A1</span></td><td class="mark">/</td></tr>
  <tr class="pupil-row"><td class="name"><a href="/p/2">Brown, Amy</a></td><td class="mark"><a href="/m">N</a></td></tr>
</tbody></table>
<table id="other"><tbody><tr class="pupil-row"><td class="name"><a href="/p/9">Not a register</a></td></tr></tbody></table>
<ul id="list"><li class="pupil-row"><a class="name" href="/p/3">Cole, Sam</a></li></ul>`;

function cellsFor(profile: Parameters<typeof badgeCellSelector>[0]): string[] {
  document.body.innerHTML = REGISTER;
  const selector = badgeCellSelector(profile);
  return selector === null ? [] : [...document.querySelectorAll(selector)].map((c) => `${c.nodeName} ${c.textContent!.trim()}`);
}

describe('badgeCellSelector', () => {
  it('badgeIn a name cell: that cell in each row of the register, and no other table', () => {
    expect(cellsFor({ register: 'table#register', rows: 'tbody tr.pupil-row', badgeIn: 'td.name' })).toEqual(['TD Adeyemi, Jean-Luc A1', 'TD Brown, Amy']);
  });

  it('badgeAfter a cell: the cell itself', () => {
    expect(cellsFor({ register: '#register', rows: 'tr.pupil-row', badgeAfter: 'td.name' })).toEqual(['TD Adeyemi, Jean-Luc A1', 'TD Brown, Amy']);
  });

  it('badgeAfter the name link in a cell: the cell the link is a child of, not a mark cell holding a link', () => {
    expect(cellsFor({ register: '#register', rows: 'tr.pupil-row', badgeAfter: 'td.name > a' })).toEqual(['TD Adeyemi, Jean-Luc A1', 'TD Brown, Amy']);
  });

  it('badgeAfter a child of a cell, written `cell > child`: the cell selected by its own selector, with no :has()', () => {
    // In a stylesheet, a :has() that every cell of a large table is tested against (and tested again as
    // each child arrives) made the 15,000-cell bench page's load event later and its style work longer
    // than the same room without it (BENCHMARKS.md, "the room's selector").
    const selector = badgeCellSelector({ register: '#register', rows: 'tr.pupil-row', badgeAfter: 'td.name > a' })!;
    expect(selector).not.toContain(':has(');
    // An `a` is never a cell: nor is the anchor itself tried as one (each alternative costs a test of every element).
    expect(selector).not.toContain('td.name > a');
    expect(cellsFor({ register: '#register', rows: 'tr.pupil-row', badgeAfter: 'td.name>a' })).toEqual(['TD Adeyemi, Jean-Luc A1', 'TD Brown, Amy']);
    // The cell is its own selector's, whether or not it holds the child: a row with no link has room it does not use.
    document.body.innerHTML = '<table id="r"><tbody><tr class="p"><td class="name">No link</td></tr></tbody></table>';
    expect(document.querySelectorAll(badgeCellSelector({ register: '#r', rows: 'tr.p', badgeAfter: 'td.name > a' })!)).toHaveLength(1);
  });

  it('badgeAfter a cell written `row > cell`: that cell, with no :has()', () => {
    const selector = badgeCellSelector({ register: '#register', rows: 'tr.pupil-row', badgeAfter: 'tr.pupil-row > td.name' })!;
    expect(selector).not.toContain(':has(');
    expect(cellsFor({ register: '#register', rows: 'tr.pupil-row', badgeAfter: 'tr.pupil-row > td.name' })).toEqual(['TD Adeyemi, Jean-Luc A1', 'TD Brown, Amy']);
    expect(cellsFor({ register: '#register', rows: 'tr.pupil-row', badgeAfter: 'tr > .name' })).toEqual(['TD Adeyemi, Jean-Luc A1', 'TD Brown, Amy']);
  });

  it('badgeAfter written any other way (one compound, a descendant, a sibling, a list): the cell the anchor is a child of, by :has()', () => {
    for (const badgeAfter of ['a', 'td.name a', 'span + a', 'td.name > a, td.other > a']) {
      expect(badgeCellSelector({ register: '#register', rows: 'tr.pupil-row', badgeAfter })).toContain(':has(');
    }
    expect(cellsFor({ register: '#register', rows: 'tr.pupil-row', badgeAfter: 'td.name a' })).toEqual(['TD Adeyemi, Jean-Luc A1', 'TD Brown, Amy']);
  });

  it('rows that are not table rows: no cell, so no room (those badges are placed when drawn)', () => {
    expect(cellsFor({ register: '#list', rows: 'li.pupil-row', badgeAfter: 'a.name' })).toEqual([]);
  });

  it('no badge, or a register that is one pupil: nothing', () => {
    expect(badgeCellSelector({ register: '#register', rows: 'tr.pupil-row' })).toBeNull();
    expect(badgeCellSelector({ register: 'section.pupil-record', badgeAfter: 'h1' })).toBeNull();
  });

  it('a selector list in the profile stays whole inside its :is()', () => {
    expect(cellsFor({ register: '#nothing, #register', rows: 'tr.pupil-row', badgeIn: 'td.name, th.name' })).toEqual(['TD Adeyemi, Jean-Luc A1', 'TD Brown, Amy']);
  });
});

describe('parentOf (a selector split at its last combinator, when that is `>`)', () => {
  it('splits `a > b` at its last `>`', () => {
    expect(parentOf('td.name > a')).toEqual({ parent: 'td.name', child: 'a' });
    expect(parentOf('tr.pupil  >  td.name>a.link')?.parent).toBe('tr.pupil  >  td.name');
    expect(parentOf('td#name-1 > a.pupil-link')?.parent).toBe('td#name-1');
    expect(parentOf('table td.name > a')?.parent).toBe('table td.name');
  });

  it('null for a selector with brackets, pseudo-classes, quotes, escapes or a sibling combinator (where a `>` may be no combinator): those keep :has()', () => {
    for (const selector of ['td[title="a > b"] > a', "td[title='x'] > a", 'td:is(.a > .b) > a', 'td:nth-child(2n+1) > a', 'td:not(:has(> b))', 'td.a\\>b > a', 'td + td > a', 'td ~ td > a', '* > a']) {
      expect(parentOf(selector)).toBeNull();
    }
  });

  it('null for anything else: one compound, a last combinator that is not `>`, a list, nothing before the `>`', () => {
    for (const selector of ['a.name', 'td.name a', 'td.name > span a', 'span + a', 'span ~ a', 'td > a, th > a', '> a', '']) {
      expect(parentOf(selector)).toBeNull();
    }
  });
});

describe('badgeRoomCss', () => {
  it('gives each cell room after everything in it, until the badge host is a child of the cell', () => {
    expect(badgeRoomCss('td.name')).toBe(':is(td.name):not(:has(> markwise-pupil-badge))::after{content:"\\2060";font-size:0;padding-inline-end:40.7px}');
  });
});

describe('badgeRooms (the background works them out for the content bundle)', () => {
  it('one for each profile whose badges go in a table cell, by id; none for the others', () => {
    const rooms = badgeRooms([
      { id: 'grid', register: '#register', rows: 'tr.pupil-row', badgeIn: 'td.name' },
      { id: 'record', register: 'section.pupil-record', badgeAfter: 'h1' },
      { id: 'no-badge', register: '#register', rows: 'tr.pupil-row' },
    ]);
    expect(Object.keys(rooms)).toEqual(['grid']);
    expect(rooms['grid']).toEqual({ cells: badgeCellSelector({ register: '#register', rows: 'tr.pupil-row', badgeIn: 'td.name' }), css: badgeRoomCss(badgeCellSelector({ register: '#register', rows: 'tr.pupil-row', badgeIn: 'td.name' })!) });
  });
});
