import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { schoolCalendarFor } from '../../rules/calendar/bank-holidays';
import { presetPolicy } from '../../rules/presets';
import type { NFirstSeen, ReportFigureRow, ThresholdSeen } from '../../storage/db';
import { makePolicy } from '../../test/support/rules';
import { countdownText, firstDayCalls, firstDayCallsCsv, londonTime, openNCsv, openNGroups, pageLinkFor, pupilName, thresholdsCrossed, thresholdsCsv } from './follow-up';

// The test policy: the Leeds 2024-25 calendar, 5 school days, a warning with 2 or fewer left
// (shared/reference/calendars.md's worked example).
const policy = makePolicy();
const calendar = schoolCalendarFor(policy.calendar);

function n(name: string, date: string, session: 'AM' | 'PM' = 'AM', extra: Partial<NFirstSeen> = {}): NFirstSeen {
  return {
    key: `https://mis.example|${name}|${date}|${session}`,
    site: 'https://mis.example',
    pupilId: name,
    upn: `U-${name}`,
    name,
    date,
    session,
    firstSeen: `${date}T09:40:00.000Z`,
    lastSeen: `${date}T09:40:00.000Z`,
    pageUrl: 'https://mis.example/register',
    pageTitle: 'Register 4A',
    ...extra,
  };
}

describe('the open N list, grouped by deadline', () => {
  // Today Mon 4 Nov 2024, after half term.
  const today = '2024-11-04';
  const records = [
    n('Ada', '2024-10-23'), // the worked example: due Wed 6 Nov, 2 school days left: due soon
    n('Ben', '2024-10-25'), // Friday before half term: due Fri 8 Nov, 4 left: later
    n('Cal', '2024-10-21', 'PM'), // due Mon 4 Nov: due today
    n('Dee', '2024-10-14'), // due Mon 21 Oct: overdue by 5 school days (half term does not count)
    n('Eve', '2024-10-24'), // due Thu 7 Nov, 3 left: later
  ];
  const groups = openNGroups(records, policy, calendar, today);
  const names = (status: string) => groups.find((g) => g.status === status)!.pupils.map((p) => p.name);

  it('puts each N in its group, with the countdown in school days', () => {
    expect(groups.map((g) => g.status)).toEqual(['overdue', 'due-today', 'due-soon', 'later']);
    expect(names('overdue')).toEqual(['Dee']);
    expect(names('due-today')).toEqual(['Cal']);
    expect(names('due-soon')).toEqual(['Ada']);
    // Sooner deadline first.
    expect(names('later')).toEqual(['Eve', 'Ben']);
    const text = Object.fromEntries(groups.flatMap((g) => g.pupils.flatMap((p) => p.items)).map((i) => [i.record.name, countdownText(i.deadline)]));
    expect(text).toEqual({ Dee: 'overdue by 5 school days', Cal: 'due today', Ada: '2 school days left', Eve: '3 school days left', Ben: '4 school days left' });
  });

  it("says what to do in the policy's terms", () => {
    expect(groups[0]!.advice).toBe('Past the 5 school days the policy allows: record the reason if the family has given one, otherwise change N to O.');
  });

  it('keeps empty groups, so the page can say there are none', () => {
    expect(openNGroups([], policy, calendar, today).map((g) => g.pupils.length)).toEqual([0, 0, 0, 0]);
  });

  it('on the Saturday after a Friday deadline, says the deadline has passed', () => {
    const [overdue] = openNGroups([n('Ben', '2024-10-25')], policy, calendar, '2024-11-09');
    expect(countdownText(overdue!.pupils[0]!.items[0]!.deadline)).toBe('overdue: the deadline was Fri 8 Nov 2024');
  });

  it('downloads as CSV, a row an N, most urgent first', () => {
    const rows = Papa.parse<string[]>(openNCsv(groups).slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Status', 'Pupil', 'UPN', 'Date of the N', 'Day', 'Session', 'Deadline', 'Countdown', 'School days left', 'First seen', 'Seen on']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Dee', 'Cal', 'Ada', 'Eve', 'Ben']);
    expect(rows[1]).toEqual(['Overdue', 'Dee', 'U-Dee', '2024-10-14', 'Mon 14 Oct 2024', 'AM', '2024-10-21', 'overdue by 5 school days', '-5', 'Mon 14 Oct 2024, 10:40', 'Register 4A']);
  });
});

describe('the open N list, a row per pupil (issue 14, item 9)', () => {
  // Today Mon 4 Nov 2024, as above.
  const today = '2024-11-04';
  const arthur = (date: string, session: 'AM' | 'PM', extra: Partial<NFirstSeen> = {}) =>
    n('Arthur Begum', date, session, { key: `https://mis.example|7|${date}|${session}`, pupilId: '7', upn: 'A123456789012', ...extra });

  it('puts a pupil with four N on one row, in the group of the most urgent, the N inside most urgent first', () => {
    // 23 and 24 Oct are due soon and later; 21 Oct PM is due today; 14 Oct is overdue.
    const records = [arthur('2024-10-24', 'AM'), arthur('2024-10-23', 'PM'), arthur('2024-10-21', 'PM'), arthur('2024-10-14', 'AM'), n('Ada', '2024-10-23')];
    const groups = openNGroups(records, policy, calendar, today);
    const rows = groups.flatMap((g) => g.pupils.map((p) => `${g.status} ${p.name}`));
    expect(rows).toEqual(['overdue Arthur Begum', 'due-soon Ada']);
    const row = groups[0]!.pupils[0]!;
    expect(row.upn).toBe('A123456789012');
    expect(row.items.map((i) => `${i.record.date} ${i.record.session} ${i.deadline.status}`)).toEqual([
      '2024-10-14 AM overdue',
      '2024-10-21 PM due-today',
      '2024-10-23 PM due-soon',
      '2024-10-24 AM later',
    ]);
  });

  it('one pupil whatever order a page printed the name in: matched by UPN, named one way', () => {
    // The class register says "Grace Smith-Jones"; the office's list, with another MIS id, "Smith-Jones, Grace".
    const records = [
      n('Grace Smith-Jones', '2024-10-23', 'AM', { upn: 'G000000000001', pupilId: '12', lastSeen: '2024-10-23T09:00:00.000Z' }),
      n('Smith-Jones, Grace', '2024-10-24', 'AM', { key: 'https://mis.example|S12|2024-10-24|AM', upn: 'G000000000001', pupilId: 'S12', lastSeen: '2024-10-24T09:00:00.000Z' }),
    ];
    const pupils = openNGroups(records, policy, calendar, today).flatMap((g) => g.pupils);
    expect(pupils).toHaveLength(1);
    expect(pupils[0]!.name).toBe('Grace Smith-Jones');
    expect(pupils[0]!.otherNames).toEqual([]);
    expect(pupils[0]!.items).toHaveLength(2);
  });

  it('never merges two UPNs, even of one name: two pupils, two rows', () => {
    const records = [n('Grace Smith-Jones', '2024-10-23', 'AM', { upn: 'G000000000001', pupilId: '12' }), n('Smith-Jones, Grace', '2024-10-23', 'AM', { key: 'k2', upn: 'G000000000002', pupilId: '13' })];
    const pupils = openNGroups(records, policy, calendar, today).flatMap((g) => g.pupils);
    expect(pupils.map((p) => `${p.upn} ${p.name}`)).toEqual(['G000000000001 Grace Smith-Jones', 'G000000000002 Grace Smith-Jones']);
  });

  it('a pupil shown without a UPN is known by the MIS id on its site, and takes the UPN another page of that site showed for that id', () => {
    const records = [
      n('Tom Reed', '2024-10-23', 'AM', { upn: null, pupilId: '40' }),
      n('Reed, Tom', '2024-10-24', 'AM', { key: 'k2', upn: 'T000000000001', pupilId: '40' }),
      // The same name and id on another site is another pupil; so is the same name with another id.
      n('Tom Reed', '2024-10-23', 'AM', { key: 'k3', upn: null, pupilId: '40', site: 'https://other.example' }),
      n('Tom Reed', '2024-10-23', 'AM', { key: 'k4', upn: null, pupilId: '41' }),
    ];
    const pupils = openNGroups(records, policy, calendar, today).flatMap((g) => g.pupils);
    expect(pupils.map((p) => `${p.upn ?? `${p.site} ${p.pupilId}`} ${p.items.length}`).sort()).toEqual(['T000000000001 2', 'https://mis.example 41 1', 'https://other.example 40 1']);
  });

  it('a UPN written in lower case or with spaces is the same UPN', () => {
    const records = [n('Ada', '2024-10-23', 'AM', { upn: 'a123456789012' }), n('Ada', '2024-10-24', 'AM', { key: 'k2', upn: ' A123456789012 ' })];
    expect(openNGroups(records, policy, calendar, today).flatMap((g) => g.pupils)).toHaveLength(1);
  });

  it('the CSV keeps a row an N, each with its own status', () => {
    const records = [arthur('2024-10-14', 'AM'), arthur('2024-10-23', 'PM')];
    const rows = Papa.parse<string[]>(openNCsv(openNGroups(records, policy, calendar, today)).slice(1), { skipEmptyLines: true }).data;
    expect(rows.slice(1).map((r) => `${r[0]} ${r[1]} ${r[3]}`)).toEqual(['Overdue Arthur Begum 2024-10-14', 'Due soon Arthur Begum 2024-10-23']);
  });
});

describe('pupilName', () => {
  it('reads "Surname, Forename" as "Forename Surname", and tidies the spaces', () => {
    expect(pupilName('Smith-Jones, Grace')).toBe('Grace Smith-Jones');
    expect(pupilName('  Grace   Smith-Jones ')).toBe('Grace Smith-Jones');
    expect(pupilName("O'Neill,Mary Ann")).toBe("Mary Ann O'Neill");
    expect(pupilName('SMITH-JONES, Grace')).toBe('Grace SMITH-JONES');
  });

  it('leaves a name it cannot read as an order as it was', () => {
    expect(pupilName('Begum, Arthur, Jr')).toBe('Begum, Arthur, Jr');
    expect(pupilName('Arthur Begum')).toBe('Arthur Begum');
    expect(pupilName('')).toBe('');
  });
});

describe('first-day calls', () => {
  // Milefield's agreement (seed 001): a text at 9.30am, a phone call by 10am.
  const milefield = presetPolicy('milefield');
  const today = '2025-11-26';
  const records = [n('Zoë', today), n('Ada', today), n('Ben', today, 'PM'), n('Cal', '2025-11-25')];

  it("lists this morning's N by name, with the policy's steps in time order", () => {
    const calls = firstDayCalls(records, milefield, today, { date: today, time: '09:45' });
    expect(calls.pupils.map((p) => p.name)).toEqual(['Ada', 'Zoë']);
    expect(calls.steps).toEqual([
      { at: '09:30', step: 'Text the family asking for the reason for absence', due: true },
      { at: '10:00', step: 'Phone the family', due: false },
    ]);
  });

  it('a step falls due at its minute, not before', () => {
    expect(firstDayCalls(records, milefield, today, { date: today, time: '09:29' }).steps.map((s) => s.due)).toEqual([false, false]);
    expect(firstDayCalls(records, milefield, today, { date: today, time: '09:30' }).steps.map((s) => s.due)).toEqual([true, false]);
    expect(firstDayCalls(records, milefield, today, { date: today, time: '10:00' }).steps.map((s) => s.due)).toEqual([true, true]);
  });

  it('on a day gone by every step has fallen due; on a day to come none has', () => {
    expect(firstDayCalls(records, milefield, today, { date: '2025-11-27', time: '08:00' }).steps.map((s) => s.due)).toEqual([true, true]);
    expect(firstDayCalls(records, milefield, today, { date: '2025-11-25', time: '23:00' }).steps.map((s) => s.due)).toEqual([false, false]);
  });

  it('a policy without calling times lists the pupils with no steps', () => {
    expect(firstDayCalls(records, presetPolicy('micklefield'), today, { date: today, time: '09:45' })).toMatchObject({ steps: [], pupils: [{ name: 'Ada' }, { name: 'Zoë' }] });
  });

  it('downloads as CSV', () => {
    const calls = firstDayCalls(records, milefield, today, { date: today, time: '09:45' });
    const rows = Papa.parse<string[]>(firstDayCallsCsv(calls, today).slice(1), { skipEmptyLines: true }).data;
    expect(rows.slice(1)).toEqual([
      ['Ada', 'U-Ada', 'Wed 26 Nov 2025', '09:30 Text the family asking for the reason for absence; 10:00 Phone the family', 'Wed 26 Nov 2025, 09:40', 'Register 4A'],
      ['Zoë', 'U-Zoë', 'Wed 26 Nov 2025', '09:30 Text the family asking for the reason for absence; 10:00 Phone the family', 'Wed 26 Nov 2025, 09:40', 'Register 4A'],
    ]);
  });
});

describe('londonTime', () => {
  it('is the wall clock in England: GMT in winter, BST in summer', () => {
    expect(londonTime('2025-11-26T08:55:00.000Z')).toBe('Wed 26 Nov 2025, 08:55');
    expect(londonTime('2025-06-26T23:30:00.000Z')).toBe('Fri 27 Jun 2025, 00:30');
  });
});

describe('thresholds crossed', () => {
  // Micklefield (seed 002): tier 2 below 90%, tier 5 below 80%; bands at 90% and 80%; DfE lines of 10% and 50% missed.
  const micklefield = presetPolicy('micklefield');
  const report = (upn: string, previous: number | null, attendance: number, asOf = '2025-11-21'): ReportFigureRow => ({
    upn,
    name: `Pupil ${upn}`,
    attendance,
    possible: null,
    attended: null,
    authorised: null,
    unauthorised: null,
    asOf,
    source: 'w47.csv',
    importedAt: `${asOf}T16:00:00.000Z`,
    previousAttendance: previous,
    previousAsOf: previous === null ? null : '2025-11-14',
  });
  const seen = (rule: 'la-notify-10-days' | 'penalty-threshold', upn: string, date: string): ThresholdSeen => ({
    key: `${rule}|${upn}`,
    rule,
    upn,
    name: `Pupil ${upn}`,
    date,
    what: `${rule} reached`,
    action: rule === 'la-notify-10-days' ? 'Tell the local authority.' : 'Consider a penalty notice.',
    site: 's',
    firstSeen: `${date}T10:00:00.000Z`,
  });
  const kinds = (entries: ReturnType<typeof thresholdsCrossed>) => entries.map((e) => `${e.upn} ${e.kind}`);

  it('exactly 90% is persistent absence (missing 10%), but still the top band and tier 1', () => {
    const entries = thresholdsCrossed([report('A', 90.5, 90)], [], micklefield, '2025-11-01');
    expect(kinds(entries)).toEqual(['A persistent-absence']);
    expect(entries[0]!.what).toBe('Newly persistently absent (missing 10% or more): 90.5% to 90.0%.');
    expect(entries[0]!.source).toBe('reports as of Fri 14 Nov 2025 and Fri 21 Nov 2025 (w47.csv)');
  });

  it('below 90%: tier 2 and the 80-90% band too, each with what the policy says next', () => {
    const entries = thresholdsCrossed([report('B', 92, 89.5)], [], micklefield, '2025-11-01');
    expect(kinds(entries)).toEqual(['B persistent-absence', 'B tier', 'B band']);
    expect(entries[1]!.what).toBe('Moved up to tier 2, Monitor (from tier 1, Expect): 92.0% to 89.5%.');
    expect(entries[1]!.next).toEqual(['Add to the attendance tracker (PA and Fast Track)', 'HT/OM review attendance every two weeks; send the attendance letter']);
    expect(entries[2]!.next).toEqual(['Tiers 2-4: monitor, listen, facilitate support']);
  });

  it('severe absence replaces persistent; getting better is a move down, and no one is newly absent', () => {
    expect(kinds(thresholdsCrossed([report('C', 60, 49)], [], micklefield, '2025-11-01'))).toEqual(['C severe-absence']);
    const better = thresholdsCrossed([report('D', 79, 81)], [], micklefield, '2025-11-01');
    expect(kinds(better)).toEqual(['D tier', 'D band']);
    expect(better[0]!.what).toMatch(/^Moved down to tier 2, Monitor \(from tier 5, Formalise support\)/);
  });

  it('nothing for a first report, an unchanged pupil, or one reached before the date asked', () => {
    expect(thresholdsCrossed([report('E', null, 70), report('F', 95, 96), report('G', 95, 85, '2025-10-31')], [], micklefield, '2025-11-01')).toEqual([]);
  });

  it("register pages' thresholds, with their next step, newest first", () => {
    const entries = thresholdsCrossed([report('B', 92, 89.5)], [seen('la-notify-10-days', 'H', '2025-11-25'), seen('penalty-threshold', 'J', '2025-11-24'), seen('penalty-threshold', 'K', '2025-10-01')], micklefield, '2025-11-01');
    expect(kinds(entries)).toEqual(['H la-notify-10-days', 'J penalty-threshold', 'B persistent-absence', 'B tier', 'B band']);
    expect(entries[0]!.next).toEqual(['Tell the local authority.']);
    expect(entries[0]!.source).toBe('a register page, first seen Tue 25 Nov 2025, 10:00');
  });

  it('a pupil shown without a UPN: the MIS id is named with its site, never put in the UPN column, from pages and from reports matched by id', () => {
    const page = { ...seen('penalty-threshold', '1093', '2025-11-24'), pupilId: '1093', site: 'https://a.example' };
    const byId = { ...report('x', 92, 89.5), upn: null, site: 'https://b.example', pupilId: '1093' };
    const entries = thresholdsCrossed([byId], [page], micklefield, '2025-11-01');
    expect(kinds(entries)).toEqual([' penalty-threshold', ' persistent-absence', ' tier', ' band']);
    expect(entries[0]!.source).toBe('a register page on https://a.example (MIS id 1093, no UPN shown), first seen Mon 24 Nov 2025, 10:00');
    expect(entries[1]!.source).toBe('reports as of Fri 14 Nov 2025 and Fri 21 Nov 2025 (w47.csv, MIS id 1093 on https://b.example)');
    const rows = Papa.parse<string[]>(thresholdsCsv(entries).slice(1), { skipEmptyLines: true }).data;
    expect(rows[1]!.slice(2, 4)).toEqual(['Pupil 1093', '']);
  });

  it('downloads as CSV', () => {
    const rows = Papa.parse<string[]>(thresholdsCsv(thresholdsCrossed([report('B', 92, 89.5)], [], micklefield, '2025-11-01')).slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Date', 'Day', 'Pupil', 'UPN', 'What happened', 'What happens next', 'From']);
    expect(rows[1]!.slice(0, 4)).toEqual(['2025-11-21', 'Fri 21 Nov 2025', 'Pupil B', 'B']);
  });
});

describe('links to the pages an N was seen on', () => {
  const sites = ['https://school.arbor.sc', 'http://localhost:*'];
  it('links only http(s) pages of the sites Markwise runs on', () => {
    expect(pageLinkFor('https://school.arbor.sc/registers/4A?week=2025-11-17', sites)).toBe('https://school.arbor.sc/registers/4A?week=2025-11-17');
    expect(pageLinkFor('http://localhost:5178/register/class?class=4A', sites)).toBe('http://localhost:5178/register/class?class=4A');
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'https://phish.example/school.arbor.sc', 'http://school.arbor.sc/registers', 'https://school.arbor.sc.evil.example/', 'not a url', 'file:///etc/passwd']) {
      expect(pageLinkFor(url, sites), url).toBeNull();
    }
  });
});
