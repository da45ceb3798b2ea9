// Marks as real MIS pages hold them (issue 12, items 1-3): radio groups whose code is in the value,
// the label or the column header; controls' live state; text beside inline scripts; cells that
// show text until clicked and a dropdown after.

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { siteProfileSchema, valueSourceSchema, type MarkControl, type SiteProfileInput } from './profile';
import { readMark, readRegister, readValue, resolveMark, textOf } from './read';
import { undoWrite, writeMark } from './write';

function dom(body: string): Document {
  return new JSDOM(`<!doctype html><body>${body}</body>`).window.document;
}

function radios(codeFrom: 'value' | 'label' | 'header', names: Record<string, string> = {}, headers?: string): MarkControl {
  return { kind: 'radios', codeFrom, options: 'code', names, ...(headers === undefined ? {} : { headers }) };
}

// openSIS's Take Attendance: one column per code, headed by its title; each radio in a table of its own.
const HEADER_TABLE = `<table id="reg"><thead><tr><th>Pupil</th><th><div>Present</div></th><th><div>Late</div></th><th><div>Unauthorised late</div></th><th>Comment</th></tr></thead>
<tbody>
<tr id="ada"><td>Ada</td>
 <td><table><tr><td><label><input type="radio" name="a[1]" value="4101" checked><span></span></label></td></tr></table></td>
 <td><table><tr><td><label><input type="radio" name="a[1]" value="4102"><span></span></label></td></tr></table></td>
 <td><table><tr><td><label><input type="radio" name="a[1]" value="4103"><span></span></label></td></tr></table></td>
 <td><input name="c[1]"></td></tr>
<tr id="bo"><td>Bo</td>
 <td><table><tr><td><label><input type="radio" name="a[2]" value="4101"><span></span></label></td></tr></table></td>
 <td><table><tr><td><label><input type="radio" name="a[2]" value="4102"><span></span></label></td></tr></table></td>
 <td><table><tr><td><label><input type="radio" name="a[2]" value="4103"><span></span></label></td></tr></table></td>
 <td><input name="c[2]"></td></tr>
</tbody></table>`;
const HEADER_NAMES = { Present: 'PRESENT', Late: 'L', 'Unauthorised late': 'U' };

describe('radio groups', () => {
  it('reads the checked radio by its column header, through a table nested in the cell, and by the live checked property', () => {
    const doc = dom(HEADER_TABLE);
    const control = radios('header', HEADER_NAMES);
    const ada = doc.getElementById('ada')!;
    expect(readMark(control, ada)).toBe('PRESENT');
    // A person's click changes the property, not the attribute: the property is what is read.
    (ada.querySelectorAll('input[type="radio"]')[2] as HTMLInputElement).checked = true;
    expect(ada.querySelector('input[checked]')).not.toBeNull();
    expect(readMark(control, ada)).toBe('U');
  });

  it('has no mark when nothing is checked, or when the checked radio names no code: never a blank', () => {
    const doc = dom(HEADER_TABLE);
    expect(readMark(radios('header', HEADER_NAMES), doc.getElementById('bo')!)).toBeNull();
    // The values are database ids: read as codes they are nothing.
    expect(readMark(radios('value'), doc.getElementById('ada')!)).toBeNull();
    // A header the names table does not know, that is no code either.
    expect(readMark(radios('header', { Late: 'L' }), doc.getElementById('ada')!)).toBeNull();
  });

  it('reads a header chosen by a selector, counting spanned columns', () => {
    const doc = dom(`<table><thead><tr><th colspan="2">Pupil</th><th class="code">/</th><th class="code">N</th></tr></thead>
      <tbody><tr id="r"><td>1</td><td>Ada</td><td><input type="radio" name="x"></td><td><input type="radio" name="x" checked></td></tr></tbody></table>`);
    expect(readMark(radios('header', {}, 'thead th.code'), doc.getElementById('r')!)).toBe('N');
  });

  it('reads by value, and by label: a label for it, a label around it, or aria-label', () => {
    const doc = dom(`<div id="v"><input type="radio" name="v" value="L" checked><input type="radio" name="v" value="U"></div>
      <div id="l1"><input type="radio" name="l1" id="l1a"><label for="l1a">Present</label><input type="radio" name="l1" id="l1b" checked><label for="l1b">Late</label></div>
      <div id="l2"><label><input type="radio" name="l2"> Present</label><label><input type="radio" name="l2" checked> Unauthorised</label></div>
      <div id="l3"><input type="radio" name="l3" aria-label="N" checked></div>`);
    expect(readMark(radios('value'), doc.getElementById('v')!)).toBe('L');
    const names = { Present: 'PRESENT', Late: 'L', Unauthorised: 'U' };
    expect(readMark(radios('label', names), doc.getElementById('l1')!)).toBe('L');
    expect(readMark(radios('label', names), doc.getElementById('l2')!)).toBe('U');
    expect(readMark(radios('label'), doc.getElementById('l3')!)).toBe('N');
  });

  it('writes a fix by clicking the radio, as a person would: the page hears click, input and change', () => {
    const doc = dom(HEADER_TABLE);
    const ada = doc.getElementById('ada')!;
    const heard: string[] = [];
    for (const type of ['click', 'input', 'change']) ada.addEventListener(type, () => heard.push(type));
    const control = radios('header', HEADER_NAMES);
    const result = writeMark(control, ada, 'U');
    expect(result.ok).toBe(true);
    expect(readMark(control, ada)).toBe('U');
    expect(heard).toEqual(['click', 'input', 'change']);
    expect(writeMark(control, ada, 'N')).toEqual({ ok: false, reason: 'this register has no radio button for N' });
    // Undo checks the radio that was checked before.
    if (!result.ok) return;
    expect(undoWrite(control, ada, result.before, 'U', 'AM')).toEqual({ ok: true });
    expect(readMark(control, ada)).toBe('PRESENT');
  });

  it('a fix of / or \\ checks the radio the names table maps to PRESENT', () => {
    const doc = dom(HEADER_TABLE);
    const bo = doc.getElementById('bo')!;
    const control = radios('header', HEADER_NAMES);
    expect(writeMark(control, bo, '\\').ok).toBe(true);
    expect((bo.querySelector('input[value="4101"]') as HTMLInputElement).checked).toBe(true);
  });

  it('undo clears the group when nothing was checked before, and only while it still holds the fix', () => {
    const doc = dom(HEADER_TABLE);
    const bo = doc.getElementById('bo')!;
    const control = radios('header', HEADER_NAMES);
    const first = writeMark(control, bo, 'U');
    if (!first.ok) throw new Error(first.reason);
    expect(undoWrite(control, bo, first.before, 'U', 'AM')).toEqual({ ok: true });
    expect(readMark(control, bo)).toBeNull();
    const second = writeMark(control, bo, 'U');
    if (!second.ok) throw new Error(second.reason);
    // A teacher clicks Late by hand: the group is theirs now.
    (bo.querySelector('input[value="4102"]') as HTMLInputElement).click();
    expect(undoWrite(control, bo, second.before, 'U', 'AM')).toEqual({ ok: false, reason: 'the cell now holds L, not the U Markwise put there, so someone has changed it since' });
    expect(readMark(control, bo)).toBe('L');
  });

  it('does not write to a locked radio', () => {
    const doc = dom(`<div id="g"><input type="radio" name="g" value="L" checked><input type="radio" name="g" value="U" disabled></div>`);
    expect(writeMark(radios('value'), doc.getElementById('g')!, 'U')).toEqual({ ok: false, reason: 'the MIS has locked this cell' });
  });
});

describe('live form values and text as a person reads it', () => {
  const scopes = (doc: Document) => ({ cell: null, row: doc.body, register: doc.body, page: doc });

  it('reads an input value, a box checked, and the selected option, as they are now', () => {
    const doc = dom(`<input type="date" id="d" value="2025-11-20"><input type="checkbox" id="c"><select id="s"><option value="7">Mon 24 Nov</option><option value="8">Tue 25 Nov</option></select>`);
    (doc.getElementById('d') as HTMLInputElement).value = '2025-11-24';
    (doc.getElementById('c') as HTMLInputElement).checked = true;
    (doc.getElementById('s') as HTMLSelectElement).value = '8';
    const read = (selector: string, state: string) => readValue(valueSourceSchema.parse({ scope: 'page', selector, state }), scopes(doc));
    expect(read('#d', 'value')).toBe('2025-11-24');
    expect(read('#c', 'checked')).toBe('true');
    expect(read('#s', 'selected-text')).toBe('Tue 25 Nov');
    expect(read('#s', 'selected-value')).toBe('8');
    // A state the element does not have is nothing, not a guess.
    expect(read('#d', 'selected-text')).toBeNull();
  });

  it('reads text without inline script, style or option text', () => {
    const doc = dom(`<div id="t">Smith, Jo<script>window.cell = "U";</script><style>.x{}</style><select><option>Late</option></select></div>`);
    expect(textOf(doc.getElementById('t')!)).toBe('Smith, Jo');
    expect(readValue(valueSourceSchema.parse({ scope: 'page', selector: '#t' }), scopes(doc))).toBe('Smith, Jo');
    const cell = dom(`<table><tr><td id="c"><span>N</span><script>register.bind("c")</script></td></tr></table>`).getElementById('c')!;
    expect(readMark({ kind: 'text', options: 'code', names: {} }, cell)).toBe('N');
  });
});

describe('names read once for all rows', () => {
  it('leaves out a script inside a name cell, where the register is read by one query for every row', () => {
    const doc = dom(`<table><tbody>
      <tr data-id="1"><td class="name"><a>Ada</a><script>track(1)</script></td><td class="m" data-date="2025-11-24" data-session="AM">/</td></tr>
      <tr data-id="2"><td class="name"><a>Bo</a></td><td class="m" data-date="2025-11-24" data-session="AM">L</td></tr></tbody></table>`);
    const p = siteProfileSchema.parse({
      id: 'names', name: 'Names', product: 'Test', verified: true, paths: ['.*'], role: 'office', register: 'table', rows: 'tbody tr',
      pupilId: { scope: 'row', attribute: 'data-id' }, pupilName: { scope: 'row', selector: 'td.name' },
      cells: { selector: 'td.m', date: { scope: 'cell', attribute: 'data-date' }, session: { scope: 'cell', attribute: 'data-session' }, mark: { kind: 'text' } },
    });
    expect(readRegister(doc, doc.querySelector('table')!, p).snapshot.pupils.map((x) => x.name)).toEqual(['Ada', 'Bo']);
  });
});

describe('several kinds of control in a cell', () => {
  const profile: SiteProfileInput = {
    id: 'swap',
    name: 'Swap',
    product: 'Test',
    verified: true,
    paths: ['.*'],
    role: 'teacher',
    register: 'table',
    rows: 'tbody tr',
    pupilId: { scope: 'row', attribute: 'data-id' },
    pupilName: { scope: 'row', selector: 'th' },
    cells: {
      selector: 'td.mark',
      columns: { headers: 'thead th[data-date]' },
      date: { scope: 'cell', attribute: 'data-date' },
      session: { scope: 'cell', attribute: 'data-session' },
      mark: [{ kind: 'select', selector: 'select' }, { kind: 'text' }],
    },
  };

  it('reads each cell by the first control it has: a dropdown once clicked, text before', () => {
    const doc = dom(`<table><thead><tr><th>Pupil</th><th data-date="2025-11-24" data-session="AM">AM</th><th data-date="2025-11-24" data-session="PM">PM</th></tr></thead>
      <tbody><tr data-id="1"><th>Ada</th><td class="mark">L<script>bind(1)</script></td><td class="mark"><select><option value="">-</option><option selected>N</option></select></td></tr></tbody></table>`);
    const p = siteProfileSchema.parse(profile);
    const page = readRegister(doc, doc.querySelector('table')!, p);
    expect(page.problems).toEqual([]);
    expect(page.snapshot.pupils[0]!.marks.map((m) => m.mark)).toEqual(['L', 'N']);
    expect(page.cells.map((c) => c.mark.kind)).toEqual(['text', 'select']);
    // The MIS swaps the text for a dropdown on a click: the cell now has the dropdown.
    const td = doc.querySelector('td.mark')!;
    td.innerHTML = '<select><option value="">-</option><option selected>L</option><option>U</option></select>';
    const found = resolveMark(p.cells!, td)!;
    expect(found.mark.kind).toBe('select');
    expect(readMark(found.mark, found.control)).toBe('L');
  });
});
