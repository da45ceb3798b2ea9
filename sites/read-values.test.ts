// @vitest-environment node
// Reading dates, arrivals and periods as real MIS pages show them (issue 12, items 4-6), on small
// hand-written pages parsed by jsdom: each test says the page shape it stands for.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { siteProfileSchema, type SiteProfile, type SiteProfileInput } from './profile';
import { readRegister } from './read';

type Cells = NonNullable<SiteProfileInput['cells']>;

function profileWith(cells: Partial<Cells>, rest: Partial<SiteProfileInput> = {}): SiteProfile {
  return siteProfileSchema.parse({
    id: 'test',
    name: 'test',
    product: 'test',
    verified: false,
    paths: ['^/'],
    role: 'teacher',
    register: '#register',
    rows: 'tbody tr',
    pupilId: { scope: 'row', attribute: 'data-id' },
    pupilName: { scope: 'row', selector: 'td.name' },
    ...rest,
    cells: { selector: 'td.mark', date: { scope: 'cell', attribute: 'data-date' }, session: { scope: 'cell', attribute: 'data-session' }, mark: { kind: 'text' }, ...cells },
  });
}

function readPage(html: string, profile: SiteProfile) {
  const doc = new JSDOM(html).window.document;
  return readRegister(doc, doc.querySelector(profile.register)!, profile);
}

const marksOf = (r: ReturnType<typeof readPage>) => r.snapshot.pupils.flatMap((p) => p.marks.map((m) => `${m.date} ${m.session} ${m.mark}${m.arrival ? ` @${m.arrival}` : ''}${m.minutesLate != null ? ` +${m.minutesLate}` : ''}`));

/** A week grid: "Mon 24/11" headers, the year in the heading, an "Arrived" column after each session. */
function weekGrid(heading: string, days: string[], marks: string[][], arrivals: string[][] = []): string {
  const head = days.flatMap((d) => [`<th class="session-head" data-session="AM">${d} AM</th><th>Arrived</th>`, `<th class="session-head" data-session="PM">${d} PM</th><th>Arrived</th>`]).join('');
  const rows = marks
    .map((row, r) => `<tr data-id="P${r}"><td class="name">Pupil ${r}</td>${row.map((m, c) => `<td class="mark">${m}</td><td class="arrived">${arrivals[r]?.[c] ?? ''}</td>`).join('')}</tr>`)
    .join('');
  return `<h1 id="heading">${heading}</h1><table id="register"><thead><tr><th>Name</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

const gridCells = (yearFrom: object | 'school-year'): Partial<Cells> => ({
  columns: { headers: 'thead th.session-head' },
  date: { scope: 'cell', pattern: '^(\\w+ \\d+/\\d+)', format: 'EEE dd/MM', yearFrom } as Cells['date'],
  session: { scope: 'cell', attribute: 'data-session' },
  arrival: { scope: 'next-cell' },
});

describe('a header with day and month only, and the year from the heading (item 4)', () => {
  const heading = { scope: 'page', selector: '#heading' };

  it('takes each day the year nearest the "Week commencing" date, and reads the Arrived cell after each mark', () => {
    const r = readPage(weekGrid('Week commencing 24/11/2025', ['Mon 24/11', 'Tue 25/11'], [['/', '\\', 'L', '\\']], [['', '', '09:42', '']]), profileWith(gridCells(heading)));
    expect(r.problems).toEqual([]);
    expect(marksOf(r)).toEqual(['2025-11-24 AM /', '2025-11-24 PM \\', '2025-11-25 AM L @09:42', '2025-11-25 PM \\']);
  });

  it('a week across New Year: 29/12 in the old year, 02/01 in the new, whichever side the anchor is', () => {
    for (const anchor of ['Week commencing 29/12/2025', 'Week ending 02/01/2026']) {
      const r = readPage(weekGrid(anchor, ['Mon 29/12', 'Fri 02/01'], [['/', '\\', '/', '\\']]), profileWith(gridCells(heading)));
      expect(r.problems, anchor).toEqual([]);
      expect(r.snapshot.pupils[0]!.marks.map((m) => m.date)).toEqual(['2025-12-29', '2025-12-29', '2026-01-02', '2026-01-02']);
    }
  });

  it('a bare four-digit year is taken as it is', () => {
    const r = readPage(weekGrid('2025', ['Mon 24/11'], [['/', '\\']]), profileWith(gridCells(heading)));
    expect(r.snapshot.pupils[0]!.marks.map((m) => m.date)).toEqual(['2025-11-24', '2025-11-24']);
  });

  it('no year where yearFrom points is a read problem, not a guess', () => {
    const r = readPage(weekGrid('This week', ['Mon 24/11'], [['/', '\\']]), profileWith(gridCells(heading)));
    expect(r.snapshot.pupils[0]!.marks).toEqual([]);
    expect(r.problems).toEqual([
      { where: 'column 1', message: 'no date (read "Mon 24/11": it has no year, and yearFrom found none (read "This week"))' },
      { where: 'column 2', message: 'no date (read "Mon 24/11": it has no year, and yearFrom found none (read "This week"))' },
    ]);
  });

  it('a weekday that is not the date’s is a read problem', () => {
    const r = readPage(weekGrid('Week commencing 24/11/2025', ['Tue 24/11'], [['/', '\\']]), profileWith(gridCells(heading)));
    expect(r.snapshot.pupils[0]!.marks).toEqual([]);
    expect(r.problems[0]).toEqual({ where: 'column 1', message: 'no date (read "Tue 24/11": its weekday is not that of Mon 24 Nov 2025)' });
  });
});

describe("the year from the register's school year (item 4)", () => {
  const page = (other: string, header: string) =>
    `<table id="register"><caption>${other}</caption><thead><tr><th>Name</th><th class="session-head" data-session="AM">${header}</th></tr></thead><tbody><tr data-id="P1"><td class="name">A</td><td class="mark">N</td></tr></tbody></table>`;
  const cells: Partial<Cells> = { columns: { headers: 'th.session-head' }, date: { scope: 'cell', format: 'dd/MM', yearFrom: 'school-year' } as Cells['date'] };

  it('September to December take the school year’s first year, January to August its second', () => {
    expect(readPage(page('Term from 01/09/2025 to 19/12/2025', '24/11'), profileWith(cells)).snapshot.pupils[0]!.marks[0]!.date).toBe('2025-11-24');
    expect(readPage(page('Spring term 05/01/2026 to 27/03/2026', '02/09'), profileWith(cells)).snapshot.pupils[0]!.marks[0]!.date).toBe('2025-09-02');
    expect(readPage(page('Term from 2025-09-01', '14/07'), profileWith(cells)).snapshot.pupils[0]!.marks[0]!.date).toBe('2026-07-14');
  });

  it('dates of two school years, or none, are ambiguous: a read problem', () => {
    const two = readPage(page('From 24/07/2025 to 03/09/2025', '01/09'), profileWith(cells));
    expect(two.snapshot.pupils[0]!.marks).toEqual([]);
    expect(two.problems[0]!.message).toBe('no date (read "01/09": it has no year, and the register\'s dates with a year span school years 2024/25 and 2025/26, so which is meant is ambiguous)');
    const none = readPage(page('Autumn term', '01/09'), profileWith(cells));
    expect(none.problems[0]!.message).toContain('the register shows no date with a year');
  });
});

describe('dates written out, read by a format (item 4)', () => {
  const report = (dates: string[]) =>
    `<table id="register"><tbody>${dates.map((d, i) => `<tr data-id="P${i}"><td class="name">P</td><td class="date">${d}</td><td class="session">AM</td><td class="mark">N</td></tr>`).join('')}</tbody></table>`;
  const cells: Partial<Cells> = { date: { scope: 'row', selector: 'td.date', format: 'EEEE d MMMM yyyy' }, session: { scope: 'row', selector: 'td.session' } };

  it('"Tuesday 18 November 2025" is 18/11/2025; a wrong weekday or an impossible day is said, per cell', () => {
    const r = readPage(report(['Tuesday 18 November 2025', 'monday 18 NOVEMBER 2025', 'Saturday 31 November 2025', '18/11/2025']), profileWith(cells));
    expect(marksOf(r)).toEqual(['2025-11-18 AM N']);
    expect(r.problems).toEqual([
      { where: 'row 2, cell 1', message: 'no date (read "monday 18 NOVEMBER 2025": its weekday is not that of Tue 18 Nov 2025)' },
      { where: 'row 3, cell 1', message: 'no date (read "Saturday 31 November 2025": there is no such day)' },
      { where: 'row 4, cell 1', message: 'no date (read "18/11/2025": not written as EEEE d MMMM yyyy)' },
    ]);
  });
});

describe('a date from three dropdowns (item 4)', () => {
  const page = (day: string, month: string, year: string) => `
    <form><select id="d"><option value="1">1</option><option value="26" ${day === '26' ? 'selected' : ''}>26</option></select>
    <select id="m"><option value="10">Oct</option><option value="11" selected>${month}</option></select>
    <select id="y"><option value="${year}" selected>${year}</option></select></form>
    <table id="register"><tbody><tr data-id="P1"><td class="name">A</td><td class="mark">/</td></tr></tbody></table>`;
  const parts = (month: 'selected-text' | 'selected-value') => ({
    date: { parts: { day: { scope: 'page', selector: '#d', state: 'selected-value' }, month: { scope: 'page', selector: '#m', state: month }, year: { scope: 'page', selector: '#y', state: 'selected-text' } } },
    session: { scope: 'page', selector: '#none' },
  });

  it('the month as a number, "Nov" or "November"', () => {
    for (const [month, state] of [['Nov', 'selected-value'], ['Nov', 'selected-text'], ['November', 'selected-text']] as const) {
      const p = profileWith({ ...parts(state), session: { scope: 'register', attribute: 'data-session' } } as Partial<Cells>);
      const html = page('26', month, '2025').replace('<table id="register"', '<table id="register" data-session="AM"');
      expect(marksOf(readPage(html, p)), `${month} ${state}`).toEqual(['2025-11-26 AM /']);
    }
  });

  it('a day the month does not have is a read problem', () => {
    const p = profileWith({ ...parts('selected-text'), session: { scope: 'register', attribute: 'data-session' } } as Partial<Cells>);
    const r = readPage(page('26', 'Nov', '2025').replace('value="26"', 'value="31"').replace('<table id="register"', '<table id="register" data-session="AM"'), p);
    expect(r.problems).toEqual([{ where: 'row 1, cell 1', message: 'no date (read "31/Nov/2025": there is no such day)' }]);
  });
});

describe('arrival or minutes late in a column found by its header (item 5)', () => {
  // A one-day register: the header row spans "Pupil" over two columns, so the index must count colspans.
  const page = `<table id="register" data-date="2025-11-26" data-session="AM"><thead><tr><th colspan="2">Pupil</th><th>Mark</th><th>Notes</th><th>MINS LATE</th></tr></thead><tbody>
    <tr data-id="P1"><td class="name">A</td><td>4A</td><td class="mark">L</td><td>bus</td><td>Mins late: 45</td></tr>
    <tr data-id="P2"><td class="name">B</td><td>4A</td><td class="mark">L</td><td></td><td>15</td></tr>
    <tr data-id="P3"><td class="name">C</td><td>4A</td><td class="mark">/</td><td></td><td></td></tr></tbody></table>`;
  const cells: Partial<Cells> = {
    date: { scope: 'register', attribute: 'data-date' },
    session: { scope: 'register', attribute: 'data-session' },
    arrival: { scope: 'column', column: { header: 'mins\\s*late' }, means: 'minutes-late' } as Cells['arrival'],
  };

  it('reads minutes late from the row’s cell under the header, counting colspans', () => {
    expect(marksOf(readPage(page, profileWith(cells)))).toEqual(['2025-11-26 AM L +45', '2025-11-26 AM L +15', '2025-11-26 AM /']);
  });

  it('no such header is a read problem: lateness unchecked is said', () => {
    const r = readPage(page.replace('MINS LATE', 'Minutes'), profileWith(cells));
    expect(marksOf(r)).toEqual(['2025-11-26 AM L', '2025-11-26 AM L', '2025-11-26 AM /']);
    expect(r.problems).toEqual([{ where: 'the register', message: 'no column headed like /mins\\s*late/, where the profile says arrivals are, so lateness is not checked' }]);
  });

  it('a time under a header named by the profile’s headers selector', () => {
    const timePage = page.replace('Mins late: 45', '09:45').replace('>15<', '>9:05<').replace('<th>MINS LATE</th>', '<th class="h">Arrived</th>');
    const p = profileWith({ ...cells, arrival: { scope: 'column', column: { header: '^arrived$', headers: 'thead th' } } as Cells['arrival'] });
    expect(marksOf(readPage(timePage, p))).toEqual(['2025-11-26 AM L @09:45', '2025-11-26 AM L @9:05', '2025-11-26 AM /']);
  });
});

describe('periods mapped to AM and PM; the rest left alone (item 6)', () => {
  const page = `<table id="register"><thead><tr><th>Name</th>${['AM  registration', 'Period 1', 'Period 2', 'pm REG'].map((p) => `<th class="session-head" data-date="2025-11-26">${p}</th>`).join('')}</tr></thead>
    <tbody><tr data-id="P1"><td class="name">A</td><td class="mark">/</td><td class="mark">N</td><td class="mark">?</td><td class="mark">\\</td></tr></tbody></table>`;
  const periods = { 'AM Registration': 'AM', 'PM reg': 'PM' } as const;

  it('in a grid: mapped columns are read, lesson columns neither read nor counted as missed', () => {
    const p = profileWith({ columns: { headers: 'th.session-head' }, session: { scope: 'cell' }, periods });
    const r = readPage(page, p);
    expect(r.problems).toEqual([]);
    expect(marksOf(r)).toEqual(['2025-11-26 AM /', '2025-11-26 PM \\']);
    expect([r.cellsFound, r.leftAlone]).toEqual([2, 2]);
  });

  it('cell by cell: the same', () => {
    const rows = `<table id="register"><tbody><tr data-id="P1"><td class="name">A</td>${['AM  registration', 'Period 1', 'pm REG'].map((p, i) => `<td class="mark" data-date="2025-11-26" data-period="${p}">${['/', 'N', '\\'][i]}</td>`).join('')}</tr></tbody></table>`;
    const r = readPage(rows, profileWith({ session: { scope: 'cell', attribute: 'data-period' }, periods }));
    expect(r.problems).toEqual([]);
    expect(marksOf(r)).toEqual(['2025-11-26 AM /', '2025-11-26 PM \\']);
    expect([r.cellsFound, r.leftAlone]).toEqual([2, 1]);
  });
});
