import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AcademicYear } from '../rules/policy/schema';
import { presetInput } from '../rules/presets/index';
import type { InputProblem } from '../rules/validation';
import { EXPORT_CHECK_SITE } from './bundle';
import { openDb, UNKNOWN_SITE, type MarkwiseDb } from './db';
import { NOT_MANAGED } from './managed';
import { MarkwiseStore, dismissalKey, keptFrom, storedDismissalKey, type SiteProfileParser } from './store';

const opened: MarkwiseDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function makeStore(options: { defaultPolicyId?: string; clock?: { now: Date } } = {}) {
  const db = openDb(`markwise-test-${crypto.randomUUID()}`);
  opened.push(db);
  const clock = options.clock ?? { now: new Date('2025-10-06T08:30:00Z') };
  const store = new MarkwiseStore(db, { defaultPolicyId: options.defaultPolicyId ?? 'dfe', now: () => clock.now });
  return { db, store, clock };
}

async function everything(db: MarkwiseDb) {
  return {
    policies: await db.policies.toArray(),
    settings: await db.settings.toArray(),
    siteProfiles: await db.siteProfiles.toArray(),
    pupilFigures: await db.pupilFigures.toArray(),
    nFirstSeen: await db.nFirstSeen.toArray(),
    dismissals: await db.dismissals.toArray(),
    reportFigures: await db.reportFigures.toArray(),
    thresholds: await db.thresholds.toArray(),
    pupilMarks: await db.pupilMarks.toArray(),
  };
}

function ourSchool(): Record<string, unknown> {
  return { ...presetInput('micklefield'), id: 'our-school', schoolName: 'Our School' };
}

describe('policies', () => {
  it('uses the default preset until the user chooses, without storing it', async () => {
    const { db, store } = makeStore({ defaultPolicyId: 'micklefield' });
    const active = await store.activePolicy();
    expect(active.id).toBe('micklefield');
    expect(active.origin).toBe('preset');
    expect(active.input).toEqual(presetInput('micklefield'));
    expect(await db.policies.count()).toBe(0);
  });

  it('lists every preset and the stored policies', async () => {
    const { store } = makeStore();
    await store.savePolicy(ourSchool(), 'imported');
    const list = await store.listPolicies();
    expect(list.map((p) => p.id)).toEqual(['dfe', 'micklefield', 'valence', 'highfield-farm', 'milefield', 'our-school']);
    expect(list.at(-1)).toMatchObject({ name: 'Our School', origin: 'imported' });
  });

  it('a good import becomes the active policy', async () => {
    const { store } = makeStore();
    const result = await store.importPolicyFile(JSON.stringify(ourSchool()));
    expect(result.ok).toBe(true);
    const active = await store.activePolicy();
    expect(active).toMatchObject({ id: 'our-school', origin: 'imported' });
    expect(active.input).toEqual(ourSchool());
  });

  it('a bad policy import changes nothing and says what and where', async () => {
    const { db, store } = makeStore();
    await store.savePolicy(ourSchool(), 'imported');
    await store.setActivePolicy('valence');
    const before = await everything(db);

    const bad = ourSchool();
    bad.id = 'bad-school';
    bad.sessions = { AM: { registrationStartsAt: '08:55', registerClosesAt: '08:30' }, PM: { registrationStartsAt: '13:15', registerClosesAt: '13:45' } };
    const result = await store.importPolicyFile(JSON.stringify(bad, null, 2));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ path: 'sessions.AM.registerClosesAt', message: 'the register must close after registration starts' });
    expect(await everything(db)).toEqual(before);
    expect((await store.activePolicy()).id).toBe('valence');
  });

  it('a JSON syntax error names the line and column', async () => {
    const { db, store } = makeStore();
    const before = await everything(db);
    const text = '{\n  "schemaVersion": 1,\n  "id": ,\n  "schoolName": "X"\n}';
    const result = await store.importPolicyFile(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.path).toBe('(line 3, column 9)');
    expect(result.problems[0]!.message).toMatch(/not valid JSON/);
    expect(await everything(db)).toEqual(before);
  });

  it('a trailing comma is placed on its line too', async () => {
    const { store } = makeStore();
    const result = await store.importPolicyFile('{\n  "a": 1,\n}');
    expect(result.ok ? null : result.problems[0]!.path).toBe('(line 3, column 1)');
  });

  it('exports a preset or a stored policy as pretty JSON that imports again', async () => {
    const { store } = makeStore();
    const preset = await store.exportPolicy('dfe');
    expect(preset).toBe(`${JSON.stringify(presetInput('dfe'), null, 2)}\n`);
    await store.savePolicy(ourSchool(), 'edited');
    const text = await store.exportPolicy('our-school');
    expect(JSON.parse(text!)).toEqual(ourSchool());
    expect(await store.exportPolicy('nobody')).toBeNull();
  });

  it('an edited preset is stored and replaces the built-in one in the list', async () => {
    const { store } = makeStore();
    const edited = { ...presetInput('dfe'), attendanceTarget: 97 };
    await store.savePolicy(edited, 'edited');
    const list = await store.listPolicies();
    expect(list.find((p) => p.id === 'dfe')).toMatchObject({ origin: 'edited', savedAt: '2025-10-06T08:30:00.000Z' });
    expect((await store.activePolicy()).input).toEqual(edited);
  });

  it('refuses to activate a policy that does not exist', async () => {
    const { store } = makeStore();
    expect((await store.setActivePolicy('nobody')).ok).toBe(false);
    expect((await store.activePolicy()).id).toBe('dfe');
  });
});

describe('site profiles', () => {
  const parse: SiteProfileParser = (json) => {
    const list = (json as { profiles?: unknown }).profiles;
    if (!Array.isArray(list)) return { ok: false, problems: [{ path: 'profiles', message: 'must be a list' }] };
    const problems: InputProblem[] = [];
    list.forEach((p: unknown, i) => {
      if (typeof (p as { id?: unknown }).id !== 'string') problems.push({ path: `profiles[${i}].id`, message: 'is missing' });
    });
    return problems.length > 0 ? { ok: false, problems } : { ok: true, profiles: list as { id: string }[] };
  };

  it('writes all profiles of a good file', async () => {
    const { store } = makeStore();
    const result = await store.importSiteProfiles(JSON.stringify({ profiles: [{ id: 'a' }, { id: 'b' }] }), parse);
    expect(result).toEqual({ ok: true, ids: ['a', 'b'] });
    expect((await store.siteProfiles()).map((p) => p.profile)).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it('one bad profile of three writes none of them', async () => {
    const { db, store } = makeStore();
    const result = await store.importSiteProfiles(JSON.stringify({ profiles: [{ id: 'a' }, { name: 'no id' }, { id: 'c' }] }), parse);
    expect(result).toEqual({ ok: false, problems: [{ path: 'profiles[1].id', message: 'is missing' }] });
    expect(await db.siteProfiles.count()).toBe(0);
  });
});

describe('term dates', () => {
  const leeds2026: AcademicYear = {
    label: '2026-27',
    terms: [{ name: 'Autumn', start: '2026-09-02', end: '2026-12-18' }],
    closures: [{ start: '2026-09-01', kind: 'training-day', reason: 'INSET' }],
  };

  it('adds a new year and replaces a year with the same label, then re-validates', async () => {
    const { store } = makeStore();
    await store.savePolicy(ourSchool(), 'imported');
    const replaced2025: AcademicYear = {
      label: '2025-26',
      terms: [{ name: 'Autumn', start: '2025-09-03', end: '2025-12-19' }],
      closures: [],
    };
    const result = await store.importTermDates('our-school', [leeds2026, replaced2025]);
    expect(result.ok).toBe(true);
    const years = (await store.activePolicy()).input as { calendar: { academicYears: AcademicYear[] } };
    expect(years.calendar.academicYears.map((y) => y.label)).toEqual(['2024-25', '2025-26', '2026-27']);
    expect(years.calendar.academicYears[1]).toEqual(replaced2025);
  });

  it('puts term dates into a preset, which then counts as edited', async () => {
    const { store } = makeStore({ defaultPolicyId: 'micklefield' });
    const result = await store.importTermDates('micklefield', [leeds2026]);
    expect(result.ok && result.stored.origin).toBe('edited');
    expect((await store.activePolicy()).origin).toBe('edited');
  });

  it('a term ending before it starts changes nothing', async () => {
    const { db, store } = makeStore();
    await store.savePolicy(ourSchool(), 'imported');
    const before = await everything(db);
    const backwards: AcademicYear = { label: '2025-26', terms: [{ name: 'Autumn', start: '2025-12-19', end: '2025-09-01' }], closures: [] };
    const result = await store.importTermDates('our-school', [backwards]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ path: 'calendar.academicYears[1].terms[0].end', message: 'the term ends before it starts' });
    expect(await everything(db)).toEqual(before);
  });
});

describe('pupils figures', () => {
  const figure = (pupilId: string, attendance: number, seenOn: string) => ({
    pupilId,
    upn: `A${pupilId}`,
    name: `Pupil ${pupilId}`,
    attendance,
    possible: 100,
    attended: attendance,
    seenOn,
  });

  it('keeps the newest figure: an older reading never overwrites a newer one', async () => {
    const { store, clock } = makeStore();
    await store.recordFigures('https://a.example', [figure('1', 95, '2025-10-06'), figure('2', 88, '2025-10-06')]);
    clock.now = new Date('2025-10-07T09:00:00Z');
    await store.recordFigures('https://a.example', [figure('1', 90, '2025-10-03'), figure('2', 87, '2025-10-07')]);
    const found = await store.figuresFor('https://a.example', ['1', '2', '3']);
    expect(found.get('1')).toMatchObject({ attendance: 95, seenOn: '2025-10-06', seenAt: '2025-10-06T08:30:00.000Z' });
    expect(found.get('2')).toMatchObject({ attendance: 87, seenOn: '2025-10-07', seenAt: '2025-10-07T09:00:00.000Z' });
    expect(found.has('3')).toBe(false);
  });

  it('the same MIS id on two sites is two pupils', async () => {
    const { store } = makeStore();
    await store.recordFigures('https://a.example', [figure('1', 95, '2025-10-06')]);
    await store.recordFigures('https://b.example', [figure('1', 60, '2025-10-06')]);
    expect((await store.figuresFor('https://a.example', ['1'])).get('1')?.attendance).toBe(95);
    expect((await store.figuresFor('https://b.example', ['1'])).get('1')?.attendance).toBe(60);
  });
});

describe('N codes seen on register pages', () => {
  const SITE = 'https://mis.example';
  const page = { url: 'https://mis.example/register?class=4A', title: 'Register 4A' };
  const pupils = [
    { pupilId: '1', upn: 'A1', name: 'Ada Okafor' },
    { pupilId: '2', upn: 'B2', name: 'Ben Carter' },
  ];
  const columns = [
    { date: '2025-10-06', session: 'AM' as const },
    { date: '2025-10-06', session: 'PM' as const },
  ];
  // A full grid, pupil by pupil: cell 0 is Ada AM, 1 Ada PM, 2 Ben AM, 3 Ben PM.
  const grid = (...n: number[]) => ({ page, pupils, columns, cells: null, n, blank: [] as number[] });

  it('keeps who, which session and where; the first sighting stays, and an unchanged N is not written again', async () => {
    const { store, clock } = makeStore();
    const first = await store.recordMarksSeen(SITE, grid(1, 2));
    expect([...first]).toEqual([
      [`${SITE}|1|2025-10-06|PM`, '2025-10-06T08:30:00.000Z'],
      [`${SITE}|2|2025-10-06|AM`, '2025-10-06T08:30:00.000Z'],
    ]);
    clock.now = new Date('2025-10-08T10:00:00Z');
    const office = { url: 'https://mis.example/office/unexplained', title: 'Unexplained absences' };
    const second = await store.recordMarksSeen(SITE, { ...grid(1, 2), page: office });
    expect(second.get(`${SITE}|1|2025-10-06|PM`)).toBe('2025-10-06T08:30:00.000Z');
    expect(await store.openNs()).toEqual([
      { key: `${SITE}|2|2025-10-06|AM`, site: SITE, pupilId: '2', upn: 'B2', name: 'Ben Carter', date: '2025-10-06', session: 'AM', firstSeen: '2025-10-06T08:30:00.000Z', lastSeen: '2025-10-06T08:30:00.000Z', pageUrl: page.url, pageTitle: 'Register 4A' },
      { key: `${SITE}|1|2025-10-06|PM`, site: SITE, pupilId: '1', upn: 'A1', name: 'Ada Okafor', date: '2025-10-06', session: 'PM', firstSeen: '2025-10-06T08:30:00.000Z', lastSeen: '2025-10-06T08:30:00.000Z', pageUrl: page.url, pageTitle: 'Register 4A' },
    ]);
  });

  it('an N the page now shows with another code is removed; one the page does not show stays', async () => {
    const { store } = makeStore();
    await store.recordMarksSeen(SITE, grid(0, 1, 3));
    // Ada's AM is now I (not N): dealt with. Ben's PM is still N.
    await store.recordMarksSeen(SITE, grid(1, 3));
    expect((await store.openNs()).map((r) => `${r.name} ${r.session}`)).toEqual(['Ada Okafor PM', 'Ben Carter PM']);
    // A page of Ben alone, AM only: Ada's and Ben's PM are not on it, so they stay.
    await store.recordMarksSeen(SITE, { page, pupils: [pupils[1]!], columns: [columns[0]!], cells: [0, 0], n: [], blank: [] });
    expect((await store.openNs()).map((r) => `${r.name} ${r.session}`)).toEqual(['Ada Okafor PM', 'Ben Carter PM']);
    // A list of cells (not a grid) that shows Ben's PM with a code: removed.
    await store.recordMarksSeen(SITE, { page, pupils, columns, cells: [0, 0, 1, 1], n: [], blank: [] });
    expect((await store.openNs()).map((r) => `${r.name} ${r.session}`)).toEqual(['Ada Okafor PM']);
  });

  it('a blank cell (or "-", no mark yet) never settles an N: only another code does (issue 11, item 8)', async () => {
    const { store } = makeStore();
    await store.recordMarksSeen(SITE, grid(0, 3));
    // The same grid while its marks have not arrived: every cell blank.
    await store.recordMarksSeen(SITE, { ...grid(), blank: [0, 1, 2, 3] });
    expect((await store.openNs()).map((r) => `${r.name} ${r.session}`)).toEqual(['Ada Okafor AM', 'Ben Carter PM']);
    // Then with Ada's AM blank still and Ben's PM given a code: only Ben's goes.
    await store.recordMarksSeen(SITE, { ...grid(), blank: [0] });
    expect((await store.openNs()).map((r) => `${r.name} ${r.session}`)).toEqual(['Ada Okafor AM']);
  });

  it('the same pupil id on another site is another pupil: its page removes nothing here', async () => {
    const { store } = makeStore();
    await store.recordMarksSeen(SITE, grid(0));
    await store.recordMarksSeen('https://other.example', grid());
    expect((await store.openNs()).map((r) => r.site)).toEqual([SITE]);
  });

  it('a page without names keeps the name an earlier page gave', async () => {
    const { store } = makeStore();
    await store.recordMarksSeen(SITE, grid(0));
    await store.recordMarksSeen(SITE, { ...grid(0), pupils: [{ pupilId: '1', upn: null, name: '' }, pupils[1]!] });
    expect((await store.openNs())[0]).toMatchObject({ upn: 'A1', name: 'Ada Okafor' });
  });
});

describe('figures from attendance reports', () => {
  const fig = (upn: string, attendance: number) => ({ upn, name: `Pupil ${upn}`, attendance, possible: null, attended: null, authorised: null, unauthorised: null });

  it('keeps each pupil by UPN with the as-of date and the file, and the newest report wins per pupil', async () => {
    const { store, clock } = makeStore();
    expect(await store.importReport([fig('A1', 95), fig('B2', 88)], '2025-11-21', 'week-47.csv')).toEqual({ imported: 2, keptNewer: 0 });
    clock.now = new Date('2025-11-26T09:00:00Z');
    // An older report, imported later: it changes nothing for pupils already known, and adds new ones.
    expect(await store.importReport([fig('A1', 80), fig('C3', 70)], '2025-11-14', 'week-46.csv')).toEqual({ imported: 1, keptNewer: 1 });
    const found = await store.reportFiguresFor(['A1', 'C3', 'Z9', 'A1']);
    expect(found.get('A1')).toMatchObject({ attendance: 95, asOf: '2025-11-21', source: 'week-47.csv', importedAt: '2025-10-06T08:30:00.000Z' });
    expect(found.get('C3')).toMatchObject({ attendance: 70, asOf: '2025-11-14', source: 'week-46.csv', importedAt: '2025-11-26T09:00:00.000Z' });
    expect(found.has('Z9')).toBe(false);
    // The same date again replaces: a corrected export of the same day.
    await store.importReport([fig('A1', 96)], '2025-11-21', 'week-47-corrected.csv');
    expect((await store.reportFiguresFor(['A1'])).get('A1')).toMatchObject({ attendance: 96, source: 'week-47-corrected.csv' });
    expect(await store.reportFiguresSummary()).toEqual({ pupils: 3, newestAsOf: '2025-11-21' });
  });
});

describe('thresholds crossed', () => {
  const f = (rule: string, upn: string, date: string) => ({ rule: rule as 'penalty-threshold', upn, name: `Pupil ${upn}`, date, what: `${rule} for ${upn}`, action: 'Next step' });

  it('keeps every crossing of a threshold (a second run of 10 days, the penalty line reached again), each with when it was first seen; other rules are not kept', async () => {
    const { store, clock } = makeStore();
    await store.recordThresholds('s', [f('penalty-threshold', 'A1', '2025-10-06'), f('penalty-threshold', 'A1', '2025-10-03'), f('n-overdue', 'A1', '2025-10-03')]);
    clock.now = new Date('2025-10-08T10:00:00Z');
    await store.recordThresholds('s', [f('penalty-threshold', 'A1', '2025-10-03'), f('penalty-threshold', 'A1', '2025-11-21'), f('la-notify-10-days', 'B2', '2025-10-07')]);
    const seen = await store.thresholdsSeen();
    expect(seen.map((t) => [t.rule, t.upn, t.date, t.firstSeen]).sort()).toEqual([
      ['la-notify-10-days', 'B2', '2025-10-07', '2025-10-08T10:00:00.000Z'],
      ['penalty-threshold', 'A1', '2025-10-03', '2025-10-06T08:30:00.000Z'],
      ['penalty-threshold', 'A1', '2025-10-06', '2025-10-06T08:30:00.000Z'],
      ['penalty-threshold', 'A1', '2025-11-21', '2025-10-08T10:00:00.000Z'],
    ]);
    // Newest first.
    expect(seen[0]!.firstSeen >= seen.at(-1)!.firstSeen).toBe(true);
  });

  it('a report keeps the figure of the report before it, for changes since the last import', async () => {
    const { store } = makeStore();
    const fig = (attendance: number) => ({ upn: 'A1', name: 'Ada', attendance, possible: null, attended: null, authorised: null, unauthorised: null });
    await store.importReport([fig(92)], '2025-11-14', 'w46.csv');
    expect((await store.reportFiguresFor(['A1'])).get('A1')).toMatchObject({ previousAttendance: null, previousAsOf: null });
    await store.importReport([fig(89)], '2025-11-21', 'w47.csv');
    expect((await store.reportFiguresFor(['A1'])).get('A1')).toMatchObject({ attendance: 89, previousAttendance: 92, previousAsOf: '2025-11-14' });
    // A corrected report of the same day keeps the same previous figure.
    await store.importReport([fig(88.5)], '2025-11-21', 'w47-corrected.csv');
    expect((await store.reportFiguresFor(['A1'])).get('A1')).toMatchObject({ attendance: 88.5, previousAttendance: 92, previousAsOf: '2025-11-14' });
  });
});

describe('marks kept for the pupil card', () => {
  const m = (date: string, session: 'AM' | 'PM', mark: string) => ({ date, session, mark, arrival: null });
  it("merges each page's marks into the pupil's, the later page winning for a session, and retention trims them", async () => {
    const { store } = makeStore({ clock: { now: new Date('2025-11-26T12:00:00Z') } });
    await store.recordPupilMarks('s', '2025-11-24', [{ pupilId: '1', upn: 'A1', name: 'Ada', dob: '2016-05-01', marks: [m('2025-11-17', 'AM', '/'), m('2025-11-17', 'PM', 'N')] }]);
    await store.recordPupilMarks('s', '2025-11-26', [{ pupilId: '1', upn: 'A1', name: 'Ada', dob: null, marks: [m('2025-11-17', 'PM', 'I'), m('2024-06-03', 'AM', 'C')] }]);
    const [ada] = await store.pupilsWithMarks();
    expect(ada).toMatchObject({ key: 's|1', upn: 'A1', dob: '2016-05-01', seenOn: '2025-11-26' });
    expect(ada!.marks.map((x) => `${x.date} ${x.session} ${x.mark}`)).toEqual(['2024-06-03 AM C', '2025-11-17 AM /', '2025-11-17 PM I']);
    expect((await store.applyRetention()).removed).toBe(1);
    expect((await store.pupilsWithMarks())[0]!.marks.map((x) => x.date)).toEqual(['2025-11-17', '2025-11-17']);
    await store.setSetting('retention', 'this-school-year');
    await store.recordPupilMarks('s', '2025-11-26', [{ pupilId: '2', upn: 'B2', name: 'Ben', dob: null, marks: [m('2025-06-02', 'AM', '/')] }]);
    // Last school year's marks wait for a yes.
    expect((await store.applyRetention()).waiting?.counts.pupilMarks).toBe(1);
    await store.applyRetention('2025-09-01');
    expect((await store.pupilsWithMarks()).map((p) => p.name)).toEqual(['Ada']);
  });
});

describe('retention: pupil data older than the setting goes', () => {
  it('keeps from 1 September of this school year, the previous one (the default) or the one before', () => {
    expect(keptFrom('previous-school-year', '2025-11-26')).toBe('2024-09-01');
    expect(keptFrom('this-school-year', '2025-11-26')).toBe('2025-09-01');
    expect(keptFrom('two-school-years', '2025-11-26')).toBe('2023-09-01');
    // The school year turns on 1 September.
    expect(keptFrom('this-school-year', '2025-08-31')).toBe('2024-09-01');
    expect(keptFrom('this-school-year', '2025-09-01')).toBe('2025-09-01');
  });

  const SITE = 'https://mis.example';
  const column = (date: string) => ({ page: { url: 'u', title: 't' }, pupils: [{ pupilId: `p-${date}`, upn: 'A1', name: 'Ada' }], columns: [{ date, session: 'AM' as const }], cells: null, n: [0], blank: [] });
  const NONE = { pupilFigures: 0, reportFigures: 0, nFirstSeen: 0, dismissals: 0, thresholds: 0, pupilMarks: 0 };
  const onRealDay = (date: string) => makeStore({ defaultPolicyId: 'micklefield', clock: { now: new Date(`${date}T12:00:00Z`) } });

  it('removes figures, report figures, N records and dismissals dated before the first day kept, and nothing on or after it', async () => {
    const { store, db } = onRealDay('2025-11-26');
    await store.recordFigures(SITE, [
      { pupilId: 'old', upn: null, name: 'Old', attendance: 90, possible: null, attended: null, seenOn: '2024-08-31' },
      { pupilId: 'kept', upn: null, name: 'Kept', attendance: 90, possible: null, attended: null, seenOn: '2024-09-01' },
    ]);
    const fig = (upn: string) => ({ upn, name: upn, attendance: 90, possible: null, attended: null, authorised: null, unauthorised: null });
    await store.importReport([fig('OLD')], '2024-07-19', 'summer.csv');
    await store.importReport([fig('NEW')], '2025-11-21', 'week-47.csv');
    await store.recordMarksSeen(SITE, column('2024-06-18'));
    await store.recordMarksSeen(SITE, column('2025-11-24'));
    await store.dismiss({ site: SITE, rule: 'n-overdue', upn: 'A1', date: '2024-06-03', session: 'AM', reason: '' });
    await store.dismiss({ site: SITE, rule: 'n-overdue', upn: 'A1', date: '2025-10-03', session: 'AM', reason: '' });
    expect(await store.heldAbout()).toEqual({ figures: 2, reports: 2, nRecords: 2, oldest: '2024-06-18' });

    // By default this and the previous school year are kept: older data goes without asking.
    expect(await store.applyRetention()).toEqual({ today: '2025-11-26', keptFrom: '2024-09-01', removed: 4, waiting: null, aheadOfToday: null });
    const all = await everything(db);
    expect(all.pupilFigures.map((f) => f.pupilId)).toEqual(['kept']);
    expect(all.reportFigures.map((f) => f.upn)).toEqual(['NEW']);
    expect(all.nFirstSeen.map((n) => n.date)).toEqual(['2025-11-24']);
    expect(all.dismissals.map((d) => d.date)).toEqual(['2025-10-03']);

    // This school year only: last year's figure waits for a yes, counted, and then goes.
    await store.setSetting('retention', 'this-school-year');
    expect(await store.applyRetention()).toEqual({ today: '2025-11-26', keptFrom: '2025-09-01', removed: 0, waiting: { before: '2025-09-01', counts: { ...NONE, pupilFigures: 1 }, total: 1 }, aheadOfToday: null });
    expect((await everything(db)).pupilFigures).toHaveLength(1);
    expect(await store.applyRetention('2025-09-01')).toEqual({ today: '2025-11-26', keptFrom: '2025-09-01', removed: 1, waiting: null, aheadOfToday: null });
    expect(await store.heldAbout()).toEqual({ figures: 0, reports: 1, nRecords: 1, oldest: '2025-11-21' });
  });

  it('goes by the real date in England, never the fixed checking date', async () => {
    const { store, db } = onRealDay('2025-11-26');
    await store.recordMarksSeen(SITE, column('2024-10-01'));
    await store.recordMarksSeen(SITE, column('2025-11-24'));
    // A checking date two school years on would have made both "old".
    await store.setSetting('today', { mode: 'fixed', date: '2027-11-26' });
    expect(await store.applyRetention()).toMatchObject({ today: '2025-11-26', keptFrom: '2024-09-01', removed: 0, waiting: null });
    expect((await everything(db)).nFirstSeen.map((n) => n.date).sort()).toEqual(['2024-10-01', '2025-11-24']);
  });

  it('at browser start (no yes) never removes data of this or the previous real school year, whatever the setting', async () => {
    const { store, db } = onRealDay('2025-11-26');
    await store.setSetting('retention', 'this-school-year');
    await store.recordMarksSeen(SITE, column('2023-10-02'));
    await store.recordMarksSeen(SITE, column('2024-10-01'));
    await store.recordMarksSeen(SITE, column('2025-11-24'));
    const outcome = await store.applyRetention();
    expect(outcome.removed).toBe(1);
    expect(outcome.waiting).toEqual({ before: '2025-09-01', counts: { ...NONE, nFirstSeen: 1 }, total: 1 });
    expect((await everything(db)).nFirstSeen.map((n) => n.date).sort()).toEqual(['2024-10-01', '2025-11-24']);
    // A yes for an earlier day than the setting's removes no more than was shown.
    expect((await store.applyRetention('2024-09-01')).removed).toBe(0);
  });

  it('while the newest data is far ahead of the real date, nothing is removed without a yes', async () => {
    const { store, db } = onRealDay('2025-11-26');
    await store.recordMarksSeen(SITE, column('2023-10-02'));
    await store.recordMarksSeen(SITE, column('2026-03-02'));
    const outcome = await store.applyRetention();
    expect(outcome).toMatchObject({ removed: 0, aheadOfToday: '2026-03-02', waiting: { before: '2024-09-01', total: 1 } });
    expect((await everything(db)).nFirstSeen).toHaveLength(2);
    expect((await store.applyRetention('2024-09-01')).removed).toBe(1);
  });

  it('"this school year only" keeps an N whose deadline falls after 1 September (an N on 18 July is due in September)', async () => {
    // Micklefield's summer term 2024-25 ends on Tue 22 July 2025: Fri 18 July's N is due on Wed 3 September.
    const { store, db } = onRealDay('2025-11-26');
    await store.setSetting('retention', 'this-school-year');
    await store.recordMarksSeen(SITE, column('2025-07-18'));
    await store.recordMarksSeen(SITE, column('2025-06-10'));
    const { waiting } = await store.applyRetention();
    expect(waiting?.counts.nFirstSeen).toBe(1);
    await store.applyRetention('2025-09-01');
    expect((await everything(db)).nFirstSeen.map((n) => n.date)).toEqual(['2025-07-18']);
  });

  it('an N row with no real date (from an old version) goes by that date, and does not break the deadlines of the others', async () => {
    const { store, db } = onRealDay('2025-11-26');
    await store.setSetting('retention', 'this-school-year');
    await db.nFirstSeen.put({ key: 'legacy', firstSeen: '2025-01-01T00:00:00.000Z', site: SITE, pupilId: 'x', date: '', session: 'AM', upn: null, name: '', lastSeen: '2025-01-01T00:00:00.000Z', pageUrl: null, pageTitle: null });
    await store.recordMarksSeen(SITE, column('2025-07-18'));
    // The dateless row counts as older than any year kept; the July N is kept by its deadline.
    expect(await store.applyRetention()).toMatchObject({ removed: 1, waiting: null });
    expect((await everything(db)).nFirstSeen.map((n) => n.date)).toEqual(['2025-07-18']);
  });

  it("a page's figure stored dated after today (under a fixed checking date) is replaced by today's reading", async () => {
    const { store } = onRealDay('2025-11-26');
    const figure = (attendance: number, seenOn: string) => ({ pupilId: '1', upn: null, name: 'Ada', attendance, possible: null, attended: null, seenOn });
    await store.recordFigures(SITE, [figure(80, '2026-09-10')]);
    await store.recordFigures(SITE, [figure(95, '2025-11-26')]);
    expect((await store.figuresFor(SITE, ['1'])).get('1')).toMatchObject({ attendance: 95, seenOn: '2025-11-26' });
  });
});

describe('what an administrator set (managed storage)', () => {
  function managedStore(raw: unknown) {
    const db = openDb(`markwise-test-${crypto.randomUUID()}`);
    opened.push(db);
    return new MarkwiseStore(db, { defaultPolicyId: 'dfe', now: () => new Date('2025-11-26T08:00:00Z'), managed: async () => raw });
  }
  const valence = JSON.stringify(presetInput('valence'));

  it("the administrator's policy is the active one and cannot be changed, imported over or re-chosen here", async () => {
    const store = managedStore({ managedBy: 'Oak Trust IT', policy: valence });
    expect(await store.activePolicy()).toMatchObject({ id: 'valence', origin: 'managed' });
    const locked = [{ path: '(the policy)', message: 'is set by Oak Trust IT, so it cannot be changed here' }];
    expect(await store.setActivePolicy('micklefield')).toEqual({ ok: false, problems: locked });
    expect(await store.savePolicy(ourSchool(), 'imported')).toEqual({ ok: false, problems: locked });
    expect(await store.importTermDates('valence', [])).toEqual({ ok: false, problems: locked });
    expect(await store.listPolicies()).toHaveLength(5);
    expect((await store.summary()).policies).toBe(0);
  });

  it('a managed policy with a mistake is not used: the local one is, and the problem is said', async () => {
    const bad = { ...presetInput('valence'), attendanceTarget: 140 };
    const store = managedStore({ policy: JSON.stringify(bad) });
    expect((await store.activePolicy()).id).toBe('dfe');
    expect((await store.managed()).problems).toEqual(['In the policy: Attendance target (%): must be a percentage from 0 to 100']);
    expect(await store.setActivePolicy('micklefield')).toEqual({ ok: true });
  });

  it("the administrator's sites come first and stay; the school's own are kept beside them", async () => {
    const store = managedStore({ sites: [{ origin: 'https://mis.oaktrust.example', profiles: ['arbor-unverified'] }] });
    await store.addSite('https://other.example', ['p']);
    await store.addSite('https://mis.oaktrust.example', ['q']);
    expect((await store.sites()).map((s) => [s.origin, s.profileIds, s.managed ?? false])).toEqual([
      ['https://mis.oaktrust.example', ['arbor-unverified'], true],
      ['https://other.example', ['p'], false],
    ]);
    await store.removeSite('https://mis.oaktrust.example');
    expect((await store.sites()).map((s) => s.origin)).toEqual(['https://mis.oaktrust.example', 'https://other.example']);
  });

  it('reads nothing into values that are not there, and names each bad one', async () => {
    expect(await managedStore({}).managed()).toEqual(NOT_MANAGED);
    expect(await managedStore(undefined).managed()).toEqual(NOT_MANAGED);
    const m = await managedStore({ policy: '{ not json', siteProfiles: 7, sites: [{ origin: 'ftp://mis.example' }, { origin: 'https://mis.example/path' }, { origin: 'http://mis.school.local' }] }).managed();
    expect(m.managedBy).toBe('your administrator');
    expect(m.problems).toEqual([
      expect.stringMatching(/^policy: /),
      'siteProfiles: must be the JSON text of the file, as a string',
      "sites[0].origin: must be a site's address such as https://school.example, with nothing after it",
      "sites[1].origin: must be a site's address such as https://school.example, with nothing after it",
    ]);
    // An http site on the school's own network is used (issue 12, item 11); the options page warns that it is not encrypted.
    expect(m.sites).toEqual([{ origin: 'http://mis.school.local', profileIds: [] }]);
  });
});

describe('dismissals', () => {
  it('dismisses, lists newest first, and undismisses', async () => {
    const { store, clock } = makeStore();
    const a = await store.dismiss({ site: 'https://a.example', rule: 'late-n', upn: 'A1', date: '2025-10-06', session: 'AM', reason: 'phoned' });
    clock.now = new Date('2025-10-06T12:00:00Z');
    const b = await store.dismiss({ site: 'https://a.example', rule: 'late-n', upn: 'A2', date: '2025-10-06', session: 'PM', reason: '' });
    expect(a.key).toBe('https://a.example|late-n|A1|2025-10-06|AM');
    expect((await store.dismissals()).map((d) => d.key)).toEqual([b.key, a.key]);
    await store.undismiss(a.key);
    expect((await store.dismissals()).map((d) => d.key)).toEqual([b.key]);
  });

  it('keeps a dismissal for the site it was made on: the same finding elsewhere, and on the check page, is not dismissed', async () => {
    const { store } = makeStore();
    const finding = { rule: 'code-withdrawn', upn: 'A1', date: '2025-11-25', session: 'AM' as const };
    await store.dismiss({ ...finding, site: 'https://a.example', reason: 'phoned' });
    expect(await store.dismissedOn('https://a.example')).toEqual(new Map([['code-withdrawn|A1|2025-11-25|AM', 'phoned']]));
    expect(await store.dismissedOn('https://b.example')).toEqual(new Map());
    expect(await store.dismissedOn(EXPORT_CHECK_SITE)).toEqual(new Map());
    // Dismissed on the check page too: two dismissals, each restored on its own.
    await store.dismiss({ ...finding, site: EXPORT_CHECK_SITE, reason: 'checked' });
    expect(await store.dismissals()).toHaveLength(2);
    await store.undismiss(storedDismissalKey(EXPORT_CHECK_SITE, dismissalKey(finding)));
    expect(await store.dismissedOn(EXPORT_CHECK_SITE)).toEqual(new Map());
    expect((await store.dismissedOn('https://a.example')).size).toBe(1);
  });

  it('refuses a dismissal that names no site', async () => {
    const { store } = makeStore();
    await expect(store.dismiss({ site: '', rule: 'r', upn: 'A1', date: '2025-10-06', session: 'AM', reason: '' })).rejects.toThrow('the site it was made on');
    await expect(store.dismiss({ site: UNKNOWN_SITE, rule: 'r', upn: 'A1', date: '2025-10-06', session: 'AM', reason: '' })).rejects.toThrow('the site it was made on');
    expect(await store.dismissals()).toEqual([]);
  });

  it("gives a dismissal made before Markwise kept the site to each of the school's sites and the check page, keeping one made since", async () => {
    const { db, store } = makeStore();
    const old = { site: UNKNOWN_SITE, rule: 'n-overdue', upn: 'A1', date: '2025-10-06', session: 'AM' as const, reason: 'phoned', dismissedAt: '2025-10-06T09:00:00.000Z' };
    await db.dismissals.put({ ...old, key: `${UNKNOWN_SITE}|n-overdue|A1|2025-10-06|AM` });
    await store.dismiss({ site: 'https://b.example', rule: 'n-overdue', upn: 'A1', date: '2025-10-06', session: 'AM', reason: 'dealt with since' });
    // Until settled it applies everywhere, as it did when it was made (a site's own reason wins).
    expect(await store.dismissedOn('https://a.example')).toEqual(new Map([['n-overdue|A1|2025-10-06|AM', 'phoned']]));
    expect(await store.dismissedOn('https://b.example')).toEqual(new Map([['n-overdue|A1|2025-10-06|AM', 'dealt with since']]));
    // With no site known (the managed ones unreadable for now), it waits rather than go to the check page alone.
    expect(await store.settleUnsitedDismissals([])).toBe(0);
    expect(await db.dismissals.where('site').equals(UNKNOWN_SITE).count()).toBe(1);
    expect(await store.settleUnsitedDismissals(['https://a.example', 'https://b.example'])).toBe(1);
    expect(await store.dismissedOn('https://a.example')).toEqual(new Map([['n-overdue|A1|2025-10-06|AM', 'phoned']]));
    expect(await store.dismissedOn('https://b.example')).toEqual(new Map([['n-overdue|A1|2025-10-06|AM', 'dealt with since']]));
    expect(await store.dismissedOn(EXPORT_CHECK_SITE)).toEqual(new Map([['n-overdue|A1|2025-10-06|AM', 'phoned']]));
    expect(await db.dismissals.where('site').equals(UNKNOWN_SITE).count()).toBe(0);
    expect(await store.dismissedOn('https://c.example')).toEqual(new Map());
    // Once settled, nothing more to do.
    expect(await store.settleUnsitedDismissals(['https://a.example', 'https://c.example'])).toBe(0);
    expect(await store.dismissedOn('https://c.example')).toEqual(new Map());
  });
});

describe('settings and sites', () => {
  it('reads defaults, then what was set', async () => {
    const { store } = makeStore({ defaultPolicyId: 'micklefield' });
    expect(await store.getSetting('activePolicyId')).toBe('micklefield');
    expect(await store.getSetting('panelCollapsed')).toBe(false);
    expect(await store.getSetting('today')).toEqual({ mode: 'real' });
    await store.setSetting('today', { mode: 'fixed', date: '2025-10-06' });
    await store.setSetting('panelCollapsed', true);
    expect(await store.getSetting('today')).toEqual({ mode: 'fixed', date: '2025-10-06' });
    expect(await store.getSetting('panelCollapsed')).toBe(true);
  });

  it('a stored value of the wrong shape reads as the default', async () => {
    const { db, store } = makeStore();
    await db.settings.put({ key: 'today', value: { mode: 'sometimes' } });
    expect(await store.getSetting('today')).toEqual({ mode: 'real' });
  });

  it('adds a site once, updates its profiles, and removes it', async () => {
    const { store, clock } = makeStore();
    await store.addSite('https://school.arbor.sc', ['arbor']);
    clock.now = new Date('2025-10-07T08:00:00Z');
    await store.addSite('https://school.arbor.sc', ['arbor', 'arbor-2']);
    await store.addSite('https://sims.example', ['sims']);
    expect(await store.sites()).toEqual([
      { origin: 'https://school.arbor.sc', profileIds: ['arbor', 'arbor-2'], addedAt: '2025-10-06T08:30:00.000Z' },
      { origin: 'https://sims.example', profileIds: ['sims'], addedAt: '2025-10-07T08:00:00.000Z' },
    ]);
    await store.removeSite('https://school.arbor.sc');
    expect((await store.sites()).map((s) => s.origin)).toEqual(['https://sims.example']);
  });
});

describe('privacy', () => {
  it('summarises what is stored and wipe empties everything, back to defaults', async () => {
    const { db, store } = makeStore();
    await store.savePolicy(ourSchool(), 'imported');
    await store.recordFigures('https://a.example', [
      { pupilId: '1', upn: null, name: 'A', attendance: 90, possible: null, attended: null, seenOn: '2025-10-06' },
    ]);
    await store.recordMarksSeen('https://a.example', { page: { url: 'https://a.example/r', title: 'R' }, pupils: [{ pupilId: '1', upn: null, name: 'A' }], columns: [{ date: '2025-10-06', session: 'AM' }], cells: null, n: [0], blank: [] });
    await store.dismiss({ site: 'https://a.example', rule: 'r', upn: 'A1', date: '2025-10-06', session: 'AM', reason: '' });
    await store.addSite('https://a.example', ['p']);
    await store.importSiteProfiles('[{"id":"p"}]', (json) => ({ ok: true, profiles: json as { id: string }[] }));
    await store.importReport([{ upn: 'A1', name: 'A', attendance: 90, possible: 100, attended: 90, authorised: null, unauthorised: null }], '2025-10-03', 'report.csv');
    await store.recordThresholds('https://a.example', [{ rule: 'penalty-threshold', upn: 'A1', name: 'A', date: '2025-10-03', what: 'w', action: 'a' }]);
    await store.recordPupilMarks('https://a.example', '2025-10-06', [{ pupilId: '1', upn: 'A1', name: 'A', dob: null, marks: [{ date: '2025-10-06', session: 'AM', mark: '/', arrival: null }] }]);
    expect(await store.summary()).toEqual({ policies: 1, settings: 2, siteProfiles: 1, pupilFigures: 1, nFirstSeen: 1, dismissals: 1, reportFigures: 1, thresholds: 1, pupilMarks: 1 });

    await store.wipe();
    expect(await store.summary()).toEqual({ policies: 0, settings: 0, siteProfiles: 0, pupilFigures: 0, nFirstSeen: 0, dismissals: 0, reportFigures: 0, thresholds: 0, pupilMarks: 0 });
    const all = await everything(db);
    expect(Object.values(all).every((rows) => rows.length === 0)).toBe(true);
    expect((await store.activePolicy()).id).toBe('dfe');
  });
});

describe('minutes late kept for the pupil card (issue 12, item 5)', () => {
  it('a mark read with minutes late keeps them, so the card checks its lateness as the page did', async () => {
    const { store } = makeStore({ clock: { now: new Date('2025-11-26T12:00:00Z') } });
    await store.recordPupilMarks('s', '2025-11-26', [{ pupilId: '1', upn: 'A1', name: 'Ada', dob: null, marks: [{ date: '2025-11-26', session: 'AM', mark: 'L', arrival: null, minutesLate: 45 }] }]);
    expect((await store.pupilsWithMarks())[0]!.marks).toEqual([{ date: '2025-11-26', session: 'AM', mark: 'L', arrival: null, minutesLate: 45 }]);
  });
});
