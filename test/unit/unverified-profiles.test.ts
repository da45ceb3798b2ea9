// The built-in profiles for real products are unverified: what they can be held to here is the
// public shape of the pages they model (shared/reference/mis-pages.md, Gibbon's public markup),
// and that each says what it still assumes (issue 12).

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { profile } from '../support/demo-pages';
import { arborUnverified, bromcomUnverified, gibbonUnverified, scholarpackUnverified } from '../../sites/builtin/unverified';
import { findRegister, profilesForPath, readRegister } from '../../sites/read';

/** Two pupils of a Gibbon form-group register, in the shape of its public markup (attendance_take_byFormGroup.php): a grid cell a pupil, the person id in the links and in a hidden input named by the pupil's place. */
function gibbonPage(): Document {
  const pupil = (n: number, id: string, name: string, type: string) => `
    <div class="text-center py-2 px-1 -mr-px -mb-px flex flex-col justify-between">
      <div class="relative"><a href="./index.php?q=/modules/Students/student_view_details.php&amp;gibbonPersonID=${id}&amp;subpage=Attendance"><img alt=""></a></div>
      <a class="pt-2 font-bold underline" href="index.php?q=/modules/Students/student_view_details.php&amp;gibbonPersonID=${id}&amp;subpage=Attendance">${name}</a>
      <div class="text-xxs italic py-2">1 Day Absent</div>
      <select name="${n}-type">${['Present', 'Present - Late', 'Present - Offsite', 'Absent', 'Left', 'Left - Early'].map((t) => `<option${t === type ? ' selected' : ''}>${t}</option>`).join('')}</select>
      <select name="${n}-reason"><option></option><option>Medical</option></select>
      <input name="${n}-comment">
    </div>`;
  return new JSDOM(`<form id="attendanceByFormGroup" method="post">
    <input type="hidden" name="currentDate" value="2025-11-26"><input type="hidden" name="0-gibbonPersonID" value="0000000412"><input type="hidden" name="1-gibbonPersonID" value="0000000977">
    <h3>Take Attendance: 4A</h3>
    <div id="attendance" class="grid">${pupil(0, '0000000412', 'Amelia Hart', 'Present - Late')}${pupil(1, '0000000977', 'Noah Brook', 'Left')}</div>
  </form>`).window.document;
}

describe('the unverified built-in profiles', () => {
  it('each says what it still assumes, and none claims to be verified', () => {
    for (const p of [arborUnverified, bromcomUnverified, gibbonUnverified, scholarpackUnverified]) {
      expect(p.verified, p.id).toBe(false);
      expect(p.assumptions?.length, p.id).toBeGreaterThanOrEqual(3);
    }
  });

  it("Gibbon: keys each pupil by the gibbonPersonID of their record, never by their place on the page ({n}), which another class reuses", () => {
    const gibbon = profile(gibbonUnverified);
    const doc = gibbonPage();
    const root = findRegister(doc, gibbon);
    expect(root).not.toBeNull();
    const page = readRegister(doc, root!, gibbon);
    expect(page.pupilIds).toEqual(['0000000412', '0000000977']);
    expect(page.snapshot.pupils.map((p) => p.name)).toEqual(['Amelia Hart', 'Noah Brook']);
  });

  it('Gibbon: only the form-group register is a register; attendance by class is a lesson, left alone', () => {
    const ids = (path: string) => profilesForPath([profile(gibbonUnverified)], path).map((p) => p.id);
    expect(ids('/index.php?q=/modules/Attendance/attendance_take_byFormGroup.php&gibbonFormGroupID=001')).toEqual(['gibbon-unverified']);
    expect(ids('/index.php?q=/modules/Attendance/attendance_take_byRollGroup.php')).toEqual(['gibbon-unverified']);
    expect(ids('/index.php?q=/modules/Attendance/attendance_take_byCourseClass.php')).toEqual([]);
  });

  it('Gibbon reads type names, never its short codes: "Present - Late" is L, and its "Left" (short code L) is present at registration', () => {
    const gibbon = profile(gibbonUnverified);
    const doc = gibbonPage();
    const page = readRegister(doc, findRegister(doc, gibbon)!, gibbon);
    expect(page.problems).toEqual([]);
    expect(page.snapshot.pupils.map((p) => p.marks)).toEqual([
      [{ date: '2025-11-26', session: 'AM', mark: 'L', arrival: null }],
      [{ date: '2025-11-26', session: 'AM', mark: '/', arrival: null }],
    ]);
  });
});
