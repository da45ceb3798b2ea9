// Issue 11 on the page, below the browser: rows that cannot be told apart (one UPN on two rows,
// a session shown twice), marks that cannot be read, Undo after staff typed, and checks that
// fail, on the demo MIS's real markup (served over HTTP, parsed by jsdom) and a real RegisterView
// drawing on a surface that records what it is asked to draw.

import { describe, expect, it, vi } from 'vitest';
import { DEMO_CASES } from '../../demo/mis/school';
import { profile, servedDemoMis } from '../support/demo-pages';
import { RegisterView, type Surface } from '../../entrypoints/page/register-view';
import type { PanelState } from '../../components/model';
import { SchoolCalendar } from '../../rules/calendar/school-calendar';
import { listedBankHolidays } from '../../rules/calendar/bank-holiday-source';
import type { Check } from '../../rules/checks/check';
import { CHECKS } from '../../rules/checks';
import { presetPolicy } from '../../rules/presets';
import { demoClassRegister, demoOfficeUnexplained } from '../../sites/builtin/demo';
import type { SiteProfile } from '../../sites/profile';
import { findRegister, markControls, readRegister, unambiguousPart } from '../../sites/read';
import { undoWrite, writeMark } from '../../sites/write';

const mis = servedDemoMis();
const load = mis.load;

function read(doc: Document, p: SiteProfile) {
  return readRegister(doc, findRegister(doc, p)!, p);
}

const policy = presetPolicy('micklefield');

/** A surface that keeps what the view last asked it to draw. */
function recordingSurface() {
  const drawn = { panel: null as PanelState | null, markers: new Map<string, Element>() };
  const surface: Surface = {
    publishPanel: (state) => void (drawn.panel = state),
    markCell: (key, element, severity) => void (severity === null ? drawn.markers.delete(key) : drawn.markers.set(key, element)),
    markAll: (entries) => {
      drawn.markers.clear();
      for (const e of entries) drawn.markers.set(e.key, e.element);
    },
    showTip: () => {},
    hideTip: () => {},
    highlight: () => {},
    showBadges: () => {},
    holdBadges: () => {},
  };
  return { surface, drawn };
}

function viewOf(doc: Document, p: SiteProfile, checks?: readonly Check[], dismissed: Record<string, string> = {}) {
  const register = read(doc, p);
  const { surface, drawn } = recordingSurface();
  const view = new RegisterView({
    register,
    evaluate: { policy, calendar: new SchoolCalendar(policy.calendar, listedBankHolidays({})), today: '2025-11-26', standings: false, ...(checks ? { checks } : {}) },
    policyName: policy.schoolName,
    termNotes: [],
    dismissed,
    surface,
    storedFigures: new Map(),
    nFirstSeen: new Map(),
    loaded: new Map(),
    onDismiss: () => {},
    onRestore: () => {},
    signal: new AbortController().signal,
  });
  view.render();
  return { register, view, drawn };
}

const cellInput = (doc: Document, pupilId: string, date: string, session: string) =>
  doc.querySelector<HTMLInputElement>(`tr[data-pupil-id="${pupilId}"] td.reg-cell[data-date="${date}"][data-session="${session}"] input.reg-code`)!;

describe('one UPN on two rows', () => {
  it('is a read problem naming both rows; both pupils are checked apart, and neither gets a fix or feeds stored data', async () => {
    const doc = await load('/register/class?class=4A&fault=same-upn');
    const { register, view, drawn } = viewOf(doc, profile(demoClassRegister));
    const rows = [...doc.querySelectorAll('tr.pupil-row')];
    const late = rows.findIndex((r) => r.getAttribute('data-pupil-id') === DEMO_CASES.lateAfterClose.pupilId);
    const upn = rows[late]!.querySelector('td.pupil-upn')!.textContent!.trim();
    const twin = rows.findIndex((r, i) => i !== late && r.querySelector('td.pupil-upn')!.textContent!.trim() === upn);
    expect(register.problems[0]).toMatchObject({ where: `rows ${late + 1} and ${twin + 1}`, ambiguous: true });
    expect(register.problems[0]!.message).toContain(`both show UPN ${upn}`);
    expect([...register.ambiguous].sort()).toEqual([late, twin]);

    const panel = drawn.panel!;
    expect(panel.problems[0]).toMatch(new RegExp(`^Rows ${late + 1} and ${twin + 1} both show UPN ${upn} \\(`));
    const lateName = register.snapshot.pupils[late]!.name;
    const item = panel.items.find((i) => i.finding.rule === 'late-should-be-u')!;
    expect(item.finding.name).toBe(lateName);
    expect(item.canFix).toBe(false);
    // A dismissal is kept by UPN, so it could be the other pupil's: none is offered or applied here.
    expect(item.canDismiss).toBe(false);
    // The panel's keys stay unique although the two pupils' dismissal keys may not be.
    const ids = panel.items.map((i) => i.id ?? i.key);
    expect(new Set(ids).size).toBe(ids.length);
    // The late L's marker is on the late pupil's own cell.
    const { date, session } = DEMO_CASES.lateAfterClose;
    const lateCell = cellInput(doc, DEMO_CASES.lateAfterClose.pupilId, date, session).closest('td');
    expect(drawn.markers.get(`${upn}|${date}|${session}|row ${late + 1}`)).toBe(lateCell);
    // Even asked directly, no mark is written on either row.
    const twinId = rows[twin]!.getAttribute('data-pupil-id')!;
    const twinBefore = cellInput(doc, twinId, date, session).value;
    view.actions.fix(item);
    expect(view.fixCellFromKeyboard(cellInput(doc, DEMO_CASES.lateAfterClose.pupilId, date, session))).toBe(false);
    expect(cellInput(doc, DEMO_CASES.lateAfterClose.pupilId, date, session).value).toBe('L');
    expect(cellInput(doc, twinId, date, session).value).toBe(twinBefore);
    // Nothing of the two rows is stored: figures, N seen, marks for pupil cards, thresholds.
    const kept = unambiguousPart(register);
    expect(kept.pupilIds).not.toContain(DEMO_CASES.lateAfterClose.pupilId);
    expect(kept.pupilIds).not.toContain(twinId);
    expect(kept.snapshot.pupils).toHaveLength(28);
    expect(kept.rows).toHaveLength(28);
    expect(kept.cells).toHaveLength(280);
    expect(kept.cells.every((c) => kept.rows.some((r) => r.pupil === c.pupil))).toBe(true);
    expect(view.thresholds!().every((f) => f.upn !== upn)).toBe(true);
  });

  it('a profile that reads the UPN once for the whole register names every row, and offers no fix anywhere', async () => {
    const doc = await load('/register/class?class=4A');
    const p = profile({ ...demoClassRegister, upn: { scope: 'register', selector: 'td.pupil-upn' } });
    const { register, drawn } = viewOf(doc, p);
    expect(register.problems[0]).toMatchObject({ where: 'rows 1, 2, 3, 4, 5 and 25 more', ambiguous: true });
    expect(register.ambiguous.size).toBe(30);
    expect(drawn.panel!.items.length).toBeGreaterThan(0);
    expect(drawn.panel!.items.some((i) => i.canFix)).toBe(false);
  });
});

describe('dismissals on rows that share a UPN', () => {
  it('a dismissal kept for the UPN hides neither pupil\'s finding there, and still applies on rows of their own', async () => {
    const doc = await load('/register/class?class=4A&fault=same-upn');
    const plain = viewOf(await load('/register/class?class=4A'), profile(demoClassRegister)).drawn.panel!;
    const late = plain.items.find((i) => i.finding.rule === 'late-should-be-u')!;
    const other = plain.items.find((i) => i.finding.rule === 'code-unknown')!;
    const { drawn } = viewOf(doc, profile(demoClassRegister), undefined, { [late.key]: 'Checked: the mark is right', [other.key]: 'Checked: the mark is right' });
    expect(drawn.panel!.items.find((i) => i.key === late.key)!.dismissed).toBeNull();
    expect(drawn.panel!.items.find((i) => i.key === other.key)!.dismissed).toBe('Checked: the mark is right');
  });
});

describe('the same session of one pupil twice', () => {
  it('with different marks: a read problem naming both rows; that session is not checked and nothing is written', async () => {
    const doc = await load('/office/unexplained');
    const rows = doc.querySelectorAll('tr.absence-row');
    // Row 2 shows row 1's pupil and session again, with another code.
    const copy = rows[0]!.cloneNode(true) as Element;
    copy.querySelector('td.absence-code')!.textContent = 'O';
    rows[1]!.replaceWith(copy);
    const register = read(doc, profile(demoOfficeUnexplained));
    const pupilIndex = register.rows[0]!.pupil;
    expect(register.problems[0]).toMatchObject({ where: 'rows 1 and 2', ambiguous: true });
    expect(register.problems[0]!.message).toContain('twice, with different marks: it is not checked');
    const date = register.cells[0]!.date;
    expect(register.snapshot.pupils[pupilIndex]!.marks.some((m) => m.date === date && m.session === register.cells[0]!.session)).toBe(false);
    expect(register.ambiguous.has(pupilIndex)).toBe(true);
    expect(register.unwritable.has(pupilIndex)).toBe(true);
  });

  it('with the same mark: checked once, named, and not written to', async () => {
    const doc = await load('/office/unexplained');
    const rows = doc.querySelectorAll('tr.absence-row');
    rows[1]!.replaceWith(rows[0]!.cloneNode(true));
    const register = read(doc, profile(demoOfficeUnexplained));
    const pupilIndex = register.rows[0]!.pupil;
    expect(register.problems[0]).toMatchObject({ where: 'rows 1 and 2', ambiguous: true });
    expect(register.problems[0]!.message).toContain('with the same mark: it is checked once');
    const { date, session } = register.cells[0]!;
    expect(register.snapshot.pupils[pupilIndex]!.marks.filter((m) => m.date === date && m.session === session)).toHaveLength(1);
    // No fix (it would leave the other copy as it was), but the mark is not in doubt: it may be kept.
    expect(register.unwritable.has(pupilIndex)).toBe(true);
    expect(register.ambiguous.has(pupilIndex)).toBe(false);
    expect(unambiguousPart(register).pupilIds).toContain(register.pupilIds[pupilIndex]);
  });

  it('a register without such rows has no ambiguity', async () => {
    for (const [path, input] of [['/register/class?class=4A', demoClassRegister], ['/office/unexplained', demoOfficeUnexplained]] as const) {
      const register = read(await load(path), profile(input));
      expect(register.ambiguous.size, path).toBe(0);
      expect(register.unwritable.size, path).toBe(0);
      expect(register.problems, path).toEqual([]);
      expect(register.cellsFound, path).toBe(register.cells.length);
    }
  });
});

describe('marks that cannot be read', () => {
  it('are counted against the cells the profile found, and the panel says so instead of "Nothing to correct"', async () => {
    const doc = await load('/register/class?class=4A&fault=marks-unreadable');
    const { register, drawn } = viewOf(doc, profile(demoClassRegister));
    expect(register.cellsFound).toBe(300);
    expect(register.cells).toHaveLength(0);
    expect(drawn.panel!.marks).toEqual({ read: 0, cells: 300 });
  });

  it('a cell selector that finds nothing in any row is a problem of the register', async () => {
    const doc = await load('/office/unexplained');
    const register = read(doc, profile({ ...demoOfficeUnexplained, cells: { ...demoOfficeUnexplained.cells!, selector: 'td.absence-mark' } }));
    expect(register.cellsFound).toBe(0);
    expect(register.problems).toContainEqual({ where: 'the register', message: expect.stringMatching(/^no cells \(td\.absence-mark\) in any of its \d+ rows$/) });
  });
});

describe('undo', () => {
  it('puts the old mark back while the cell holds the fix, and refuses, saying what the cell holds, once staff have changed it', async () => {
    const doc = await load('/register/class?class=4A');
    const p = profile(demoClassRegister);
    const c = DEMO_CASES.lateAfterClose;
    const input = cellInput(doc, c.pupilId, c.date, c.session);
    const first = writeMark(markControls(p.cells!)[0]!, input, 'U');
    if (!first.ok) throw new Error(first.reason);
    input.value = 'u'; // the same code, typed in lower case: still the fix
    expect(undoWrite(markControls(p.cells!)[0]!, input, first.before, 'U', 'AM')).toEqual({ ok: true });
    expect(input.value).toBe('L');
    const second = writeMark(markControls(p.cells!)[0]!, input, 'U');
    if (!second.ok) throw new Error(second.reason);
    input.value = 'N';
    expect(undoWrite(markControls(p.cells!)[0]!, input, second.before, 'U', 'AM')).toEqual({ ok: false, reason: 'the cell now holds N, not the U Markwise put there, so someone has changed it since' });
    expect(input.value).toBe('N');
    input.value = '';
    expect(undoWrite(markControls(p.cells!)[0]!, input, second.before, 'U', 'AM')).toMatchObject({ ok: false, reason: expect.stringContaining('now holds nothing') });
    expect(input.value).toBe('');
  });
});

describe('a check that fails', () => {
  const throwing: Check = {
    id: 'throws-for-one',
    rules: [],
    run(timeline) {
      if (timeline.pupil.upn.endsWith('5')) throw new Error('no calendar for 1925');
    },
  };

  it('names the pupils it failed for, once each however often they are re-checked', async () => {
    const doc = await load('/register/class?class=4A');
    const { register, view, drawn } = viewOf(doc, profile(demoClassRegister), [...CHECKS, throwing]);
    const names = register.snapshot.pupils.filter((p) => p.upn.endsWith('5')).map((p) => p.name);
    expect(names.length).toBeGreaterThan(0);
    expect([...drawn.panel!.unchecked!].sort()).toEqual([...names].sort());
    const failedLines = () => drawn.panel!.problems.filter((l) => l.startsWith('Could not check'));
    const before = failedLines().length;
    // Typing in a failing pupil's cell re-checks that pupil: the failure is not reported twice.
    const index = register.snapshot.pupils.findIndex((p) => p.upn.endsWith('5'));
    const control = register.cells.find((c) => c.pupil === index)!.control as HTMLInputElement;
    control.value = 'N';
    const shown = drawn.panel;
    view.cellChanged(control);
    // The panel is drawn again a moment after typing: wait for that drawing, then look.
    await vi.waitFor(() => expect(drawn.panel).not.toBe(shown));
    expect(failedLines()).toHaveLength(before);
    expect(drawn.panel!.unchecked).toHaveLength(names.length);
  });
});
