// The site adapters against the demo MIS's real markup (served over HTTP,
// parsed by jsdom): every built-in profile is valid, each demo profile reads
// its page into the snapshot the demo holds, and a fix is written so the
// page's own listeners notice, and can be undone.

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { DEMO_CASES } from '../../demo/mis/school';
import { profile, servedDemoMis } from '../support/demo-pages';
import { SPA_OPTION_NAMES } from '../../demo/mis/spa-options';
import { BUILTIN_PROFILES } from '../../sites';
import { demoClassRegister, demoOfficeUnexplained, demoPupilList, demoPupilRecord, demoSpaRegister } from '../../sites/builtin/demo';
import { siteProfileSchema, type MarkControl, type SiteProfile } from '../../sites/profile';
import { parseSiteProfiles } from '../../sites/profile-import';
import { findRegister, markControls, profilesForPath, readPercentage, readRegister, readSession, readSessions } from '../../sites/read';
import { undoWrite, writeMark } from '../../sites/write';

const mis = servedDemoMis();
const load = mis.load;

function read(doc: Document, p: SiteProfile) {
  const root = findRegister(doc, p);
  expect(root, `${p.id} finds its register`).not.toBeNull();
  return readRegister(doc, root!, p);
}

describe('site profiles', () => {
  it('every built-in profile is valid, and the real products are marked unverified with their assumptions', () => {
    const parsed = parseSiteProfiles({ profiles: BUILTIN_PROFILES });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    for (const p of parsed.profiles.filter((p) => p.product !== 'Markwise demo MIS')) {
      expect(p.verified, p.id).toBe(false);
      expect(p.assumptions.length, p.id).toBeGreaterThan(0);
    }
  });

  it('a malformed profile file says what is wrong and where', () => {
    const bad = { profiles: [{ ...demoClassRegister, paths: ['('] }, { ...demoClassRegister, id: 'Bad Id' }, demoPupilList, demoPupilList] };
    const result = parseSiteProfiles(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['profiles[0].paths[0]', 'profiles[1].id']));
    expect(result.problems.find((p) => p.path === 'profiles[0].paths[0]')!.message).toBe('must be a regular expression (profile demo-class-register)');
  });

  it('a profile whose dropdowns show names must list the names', () => {
    const result = siteProfileSchema.safeParse({ ...demoSpaRegister({}) });
    expect(result.success).toBe(false);
  });

  it('matches pages by path and query', () => {
    const all = parseSiteProfiles({ profiles: BUILTIN_PROFILES });
    if (!all.ok) throw new Error('built-ins invalid');
    const ids = (path: string) => profilesForPath(all.profiles, path).map((p) => p.id);
    expect(ids('/register/class?class=4A')).toEqual(['demo-class-register']);
    expect(ids('/app/?/register/4A/2025-11-26/AM')).toEqual(['demo-spa-register']);
    expect(ids('/pupils')).toEqual(['demo-pupil-list']);
    expect(ids('/pupils/P1001')).toEqual(['demo-pupil-record']);
    expect(ids('/office/unexplained?from=2025-11-10')).toEqual(['demo-office-unexplained']);
    expect(ids('/')).toEqual([]);
  });

  it('reads percentages, session figures and session words as MIS pages write them', () => {
    expect(readPercentage('87.5%')).toBe(87.5);
    expect(readPercentage('100 %')).toBe(100);
    expect(readPercentage('87,5')).toBe(87.5);
    expect(readPercentage('101%')).toBeNull();
    expect(readPercentage('n/a')).toBeNull();
    expect(readSessions('245/280')).toEqual({ attended: 245, possible: 280 });
    expect(readSessions('245 of 280')).toEqual({ attended: 245, possible: 280 });
    expect(readSessions('281/280')).toBeNull();
    expect(readSession('Morning')).toBe('AM');
    expect(readSession(' pm ')).toBe('PM');
    expect(readSession('Evening')).toBeNull();
  });
});

describe('reading the demo MIS', () => {
  it('the class register: 30 pupils, 10 sessions each, marks, arrival times and year-to-date figures', async () => {
    const doc = await load('/register/class?class=4A');
    const page = read(doc, profile(demoClassRegister));
    expect(page.problems).toEqual([]);
    expect(page.snapshot.pupils).toHaveLength(30);
    expect(page.cells).toHaveLength(300);
    expect(page.snapshot.role).toBe('teacher');
    const late = DEMO_CASES.lateAfterClose;
    const i = page.pupilIds.indexOf(late.pupilId);
    const pupil = page.snapshot.pupils[i]!;
    expect(pupil.upn).toMatch(/^[A-Z]\d{12}$/);
    expect(pupil.marks.find((m) => m.date === late.date && m.session === late.session)).toEqual({ date: late.date, session: 'AM', mark: 'L', arrival: '09:40' });
    expect(page.rows[i]!.attendance).toBeGreaterThan(0);
    expect(page.rows[i]!.badgeAnchor?.tagName).toBe('A');
  });

  it('the app register: marks read from option names, the date and session from the title', async () => {
    const api = await (await fetch(`${mis.url()}/api/register?class=4A&date=2025-11-24&session=AM`)).json();
    // Render the register as the app does, from its own JSON, into a document.
    const doc = new JSDOM('<section class="mis-register"><h2 class="mis-register-title">Register 4A: <span class="mis-register-date">24/11/2025</span> <span class="mis-register-session">AM</span></h2></section>').window.document;
    const section = doc.querySelector('section')!;
    for (const pupil of api.pupils as { id: string; name: string; mark: { code: string } | null }[]) {
      const row = doc.createElement('div');
      row.className = 'mis-row';
      const a = doc.createElement('a');
      a.className = 'mis-pupil-link';
      a.href = `/app/?/students/${pupil.id}`;
      a.textContent = pupil.name;
      const select = doc.createElement('select');
      select.className = 'mis-mark';
      select.append(new doc.defaultView!.Option('—', ''));
      Object.entries(SPA_OPTION_NAMES).forEach(([name, code], n) => select.append(new doc.defaultView!.Option(name, String(100 + n), false, code === pupil.mark?.code)));
      row.append(a, select);
      section.append(row);
    }
    const page = read(doc, profile(demoSpaRegister(SPA_OPTION_NAMES)));
    expect(page.problems).toEqual([]);
    const withdrawn = page.snapshot.pupils[page.pupilIds.indexOf(DEMO_CASES.nNotYetDue.pupilId)]!;
    expect(withdrawn.marks).toEqual([{ date: '2025-11-24', session: 'AM', mark: 'N', arrival: null }]);
  });

  it('the office list: one read-only row per absence, grouped into pupils', async () => {
    const doc = await load('/office/unexplained');
    const page = read(doc, profile(demoOfficeUnexplained));
    expect(page.problems).toEqual([]);
    expect(page.cells.length).toBe(doc.querySelectorAll('tr.absence-row').length);
    expect(page.snapshot.pupils.length).toBeLessThan(page.cells.length);
    const overdue = page.snapshot.pupils[page.pupilIds.indexOf(DEMO_CASES.nOverdue13Nov.pupilId)]!;
    expect(overdue.marks).toContainEqual({ date: '2025-11-13', session: 'PM', mark: 'N', arrival: null });
  });

  it('a pupil record: the figure, the date of birth and this term\'s marks, with arrival times kept out of the mark', async () => {
    const c = DEMO_CASES.lateAfterClose;
    const doc = await load(`/pupils/${c.pupilId}`);
    const page = read(doc, profile(demoPupilRecord));
    expect(page.problems).toEqual([]);
    expect(page.snapshot.pupils).toHaveLength(1);
    const pupil = page.snapshot.pupils[0]!;
    expect(pupil.dob).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(pupil.marks.find((m) => m.date === c.date && m.session === c.session)).toEqual({ date: c.date, session: 'AM', mark: 'L', arrival: '09:40' });
    expect(page.rows[0]!.sessions).not.toBeNull();
  });

  it('rows the profile cannot read are reported by place, and the rest are still read', async () => {
    const doc = await load('/register/class?class=4A');
    doc.querySelector('tr.pupil-row')!.removeAttribute('data-pupil-id');
    doc.querySelectorAll('td.reg-cell')[40]!.querySelector('input')!.remove();
    doc.querySelectorAll('th.session-head')[2]!.setAttribute('data-date', '31/02/2025');
    const page = read(doc, profile(demoClassRegister));
    expect(page.problems).toEqual([
      { where: 'column 3', message: 'no date (read "31/02/2025")' },
      { where: 'row 1', message: 'no pupil id where the profile says it is' },
      { where: 'row 5', message: '9 cells where the register has 10 session columns' },
    ]);
    expect(page.snapshot.pupils).toHaveLength(29);
    // Row 5 lost its marks, the third column is left out everywhere, the rest are read.
    expect(page.snapshot.pupils[3]!.marks).toEqual([]);
    expect(page.snapshot.pupils[0]!.marks).toHaveLength(9);
    expect(page.snapshot.pupils[0]!.marks.some((m) => m.date === '2025-11-25' && m.session === 'AM')).toBe(false);
  });

  it('a grid whose cell count adds up but whose rows do not line up is read row by row, not misassigned', async () => {
    const doc = await load('/register/class?class=4A');
    const rows = doc.querySelectorAll('tr.pupil-row');
    // Row 2 gains a cell and row 3 loses one: the register still has 30 x 10 inputs in all.
    const extra = rows[1]!.querySelector('td.reg-cell')!.cloneNode(true);
    rows[1]!.append(extra);
    rows[2]!.querySelector('td.reg-cell')!.remove();
    const page = read(doc, profile(demoClassRegister));
    expect(page.problems).toEqual([
      { where: 'row 2', message: '11 cells where the register has 10 session columns' },
      { where: 'row 3', message: '9 cells where the register has 10 session columns' },
    ]);
    expect(page.snapshot.pupils[0]!.marks).toHaveLength(10);
    expect(page.snapshot.pupils[1]!.marks).toEqual([]);
    expect(page.snapshot.pupils[3]!.marks).toHaveLength(10);
  });

  it("a row's name is taken from that row even when another row has two and one has none", async () => {
    const doc = await load('/register/class?class=4A');
    const rows = doc.querySelectorAll('tr.pupil-row');
    const names = [...rows].map((r) => r.querySelector('td.pupil-name')!.textContent!.trim());
    rows[0]!.querySelector('td.pupil-name')!.after(rows[1]!.querySelector('td.pupil-name')!.cloneNode(true));
    rows[1]!.querySelector('td.pupil-name')!.remove();
    const page = read(doc, profile(demoClassRegister));
    expect(page.snapshot.pupils[0]!.name).toBe(names[0]);
    expect(page.snapshot.pupils[1]!.name).toBe('');
    expect(page.snapshot.pupils[2]!.name).toBe(names[2]);
  });

  it('a report read cell by cell names the cell it could not read', async () => {
    const doc = await load('/office/unexplained');
    doc.querySelectorAll('td.absence-date')[1]!.textContent = 'yesterday';
    const page = read(doc, profile(demoOfficeUnexplained));
    expect(page.problems).toEqual([{ where: 'row 2, cell 1', message: 'no date (read "yesterday")' }]);
  });
});

describe('writing a fix', () => {
  it('a text input takes the code through its value setter, with input and change events, and undo restores it', async () => {
    const doc = await load('/register/class?class=4A');
    const p = profile(demoClassRegister);
    const c = DEMO_CASES.lateAfterClose;
    const input = doc.querySelector<HTMLInputElement>(`tr[data-pupil-id="${c.pupilId}"] td.reg-cell[data-date="${c.date}"][data-session="AM"] input.reg-code`)!;
    const events: string[] = [];
    input.addEventListener('input', () => events.push('input'));
    input.addEventListener('change', () => events.push('change'));
    const result = writeMark(markControls(p.cells!)[0]!, input, 'U');
    expect(result.ok).toBe(true);
    expect(input.value).toBe('U');
    expect(events).toEqual(['input', 'change']);
    if (!result.ok) return;
    expect(undoWrite(markControls(p.cells!)[0]!, input, result.before, 'U', 'AM')).toEqual({ ok: true });
    expect(input.value).toBe('L');
  });

  it('a dropdown of names is set to the option whose name means the code', () => {
    const doc = new JSDOM('<select><option value="">—</option><option value="7">Illness</option><option value="9">Late (after registers closed)</option><option value="3">Present (AM)</option></select>').window.document;
    const select = doc.querySelector('select')!;
    select.value = '3';
    const control = profile(demoSpaRegister(SPA_OPTION_NAMES)).cells!.mark as MarkControl;
    const result = writeMark(control, select, 'U');
    expect(result.ok).toBe(true);
    expect(select.value).toBe('9');
    expect(writeMark(control, select, 'Y7')).toEqual({ ok: false, reason: 'this register offers no option for Y7' });
  });

  it('a read-only page is never written to', async () => {
    const doc = await load('/office/unexplained');
    const cell = doc.querySelector('td.absence-code')!;
    expect(writeMark(profile(demoOfficeUnexplained).cells!.mark as MarkControl, cell, 'O')).toEqual({ ok: false, reason: 'this page shows marks read-only; change it in the register itself' });
    expect(cell.textContent).toBe('N');
  });
});
