import { describe, expect, it } from 'vitest';
import { BENCH_ACADEMIC_YEAR, benchSchool } from '../bench/school-policy';
import { generateSchool } from '../bench/generate-school';
import { evaluateRegister } from './engine';
import { packCards, pupilCard, pupilCardFromTimeline, unpackCard } from './pupil-card';
import { TimelineBuilder, type PupilTimeline } from './timeline';
import { schoolCalendarFor } from './calendar/bank-holidays';
import { presetPolicy } from './presets';
import { mark, pupil } from '../test/support/rules';

describe('the pupil card', () => {
  it('counts one week Monday to Friday: present, late, approved activity, absences, and what is not possible', () => {
    const card = pupilCard(
      pupil([
        mark('2025-11-24', 'AM', '/'),
        mark('2025-11-24', 'PM', '\\'),
        mark('2025-11-25', 'AM', 'L', '09:10'),
        mark('2025-11-25', 'PM', 'U', '13:50'),
        mark('2025-11-26', 'AM', 'P'),
        mark('2025-11-26', 'PM', 'I'),
        mark('2025-11-27', 'AM', 'O'),
        mark('2025-11-27', 'PM', '#'),
        mark('2025-11-28', 'AM', 'Q1'),
        mark('2025-11-28', 'PM', ''),
      ]),
      '2025-11-28',
    );
    expect(card.sessions).toEqual({ present: 3, approvedActivity: 1, authorised: 1, unauthorised: 2, notPossible: 1 });
    expect(card.late).toEqual({ beforeClose: 1, afterClose: 1 });
    // Seven possible sessions (the closure is not possible; the unknown code and the blank are not counted), four attended.
    expect(card.weeks).toEqual([{ monday: '2025-11-24', possible: 7, attended: 4 }]);
  });

  it('a week runs Monday to Sunday, and a mark after today has not happened yet', () => {
    const card = pupilCard(pupil([mark('2025-11-21', 'AM', '/'), mark('2025-11-24', 'AM', 'N'), mark('2025-12-01', 'AM', 'C')]), '2025-11-24');
    expect(card.weeks.map((w) => w.monday)).toEqual(['2025-11-17', '2025-11-24']);
    expect(card.sessions.authorised).toBe(0);
  });

  it("H before 19 August 2024 was a holiday in force; after, it is not a code, and is not counted", () => {
    const card = pupilCard(pupil([mark('2024-07-15', 'AM', 'H'), mark('2024-09-09', 'AM', 'H')]), '2024-09-10');
    expect(card.sessions.authorised).toBe(1);
    expect(card.weeks).toHaveLength(1);
  });

  it('counted as the standings count: last school year and a Saturday are left out, and the card says which days it read', () => {
    const calendar = schoolCalendarFor(presetPolicy('dfe').calendar);
    const marks = [mark('2025-07-14', 'AM', 'O'), mark('2025-11-08', 'AM', 'O'), mark('2025-11-10', 'AM', '/'), mark('2025-11-12', 'PM', 'I')];
    const card = pupilCard(pupil(marks), '2025-11-26', { calendar });
    expect([card.possible, card.attended, card.from, card.to]).toEqual([2, 1, '2025-11-10', '2025-11-12']);
    expect(pupilCard(pupil(marks), '2025-11-26').possible).toBe(4);
  });

  it("agrees with the engine's standings for every pupil of a generated school", () => {
    const { policy, calendar } = benchSchool();
    const school = generateSchool({ pupils: 60, schoolDays: 120, seed: 7, calendar, sessions: policy.sessions, academicYear: BENCH_ACADEMIC_YEAR });
    const standings = evaluateRegister(school.snapshot, { policy, calendar, today: school.today }).pupils;
    school.snapshot.pupils.forEach((p, i) => {
      const card = pupilCard(p, school.today);
      const s = standings[i]!;
      expect({ ...card.sessions }, p.upn).toEqual({ present: s.present, approvedActivity: s.approvedActivity, authorised: s.authorised, unauthorised: s.unauthorised, notPossible: s.notPossible });
      expect(card.weeks.reduce((n, w) => n + w.possible, 0)).toBe(s.possibleSessions);
      expect(card.weeks.reduce((n, w) => n + w.attended, 0)).toBe(s.attendedSessions);
    });
  });

  it('packed for the page and unpacked, each card is whole again, weeks and all', () => {
    const first = pupilCard(pupil([mark('2025-11-21', 'AM', '/'), mark('2025-11-24', 'AM', 'N'), mark('2025-11-25', 'PM', 'L', '09:10')]), '2025-11-28');
    const none = pupilCard(pupil([]), '2025-11-28');
    const third = pupilCard(pupil([mark('2024-12-30', 'AM', 'I'), mark('2025-01-06', 'PM', '\\')]), '2025-11-28');
    const packed = packCards([first, none, third]);
    expect(packed.weeks).toBeInstanceOf(Int32Array);
    expect([0, 1, 2].map((i) => unpackCard(packed, i))).toEqual([first, none, third]);
    expect(unpackCard(packed, 0).weeks).toEqual([
      { monday: '2025-11-17', possible: 1, attended: 1 },
      { monday: '2025-11-24', possible: 2, attended: 1 },
    ]);
    expect(unpackCard(packed, 2).weeks.map((w) => w.monday)).toEqual(['2024-12-30', '2025-01-06']);
    // What reaches the page is a structured clone: the packed form survives it.
    expect(unpackCard(structuredClone(packed), 2)).toEqual(third);
  });

  it('from the timeline the engine has built: the same week, counts and late marks, worked out by hand', () => {
    const p = pupil([
      mark('2025-11-25', 'PM', 'U', '13:50'),
      mark('2025-11-24', 'AM', '/'),
      mark('2025-11-24', 'PM', 'l', '13:20'),
      mark('2025-11-25', 'AM', 'P'),
      mark('2025-11-26', 'AM', '#'),
      mark('2025-11-26', 'PM', 'Q1'),
      mark('2025-12-01', 'AM', 'N'),
    ]);
    const card = pupilCardFromTimeline(new TimelineBuilder().build(p), '2025-11-28');
    // After today (1 Dec) not counted; the closure not possible; Q1 not a code. Out of order in the file.
    expect(card.sessions).toEqual({ present: 2, approvedActivity: 1, authorised: 0, unauthorised: 1, notPossible: 1 });
    expect(card.late).toEqual({ beforeClose: 1, afterClose: 1 });
    expect(card.weeks).toEqual([{ monday: '2025-11-24', possible: 4, attended: 3 }]);
    expect([card.from, card.to]).toEqual(['2025-11-24', '2025-11-26']);
  });

  it("from the engine's timelines, every pupil's card is the card read from the marks, counted or not", () => {
    const { policy, calendar } = benchSchool();
    const school = generateSchool({ pupils: 80, schoolDays: 150, seed: 11, calendar, sessions: policy.sessions, academicYear: BENCH_ACADEMIC_YEAR });
    const timelines: PupilTimeline[] = [];
    evaluateRegister(school.snapshot, { policy, calendar, today: school.today, eachTimeline: (t) => timelines.push(t) });
    expect(timelines.map((t) => t.pupil.upn)).toEqual(school.snapshot.pupils.map((p) => p.upn));
    // A day part-way through, so that some marks are after it.
    const today = school.snapshot.pupils[0]!.marks[200]!.date;
    school.snapshot.pupils.forEach((p, i) => {
      expect(pupilCardFromTimeline(timelines[i]!, today), p.upn).toEqual(pupilCard(p, today));
      expect(pupilCardFromTimeline(timelines[i]!, today, { calendar }), p.upn).toEqual(pupilCard(p, today, { calendar }));
      expect(pupilCardFromTimeline(timelines[i]!, today, { calendar, schoolYear: 2023 }), p.upn).toEqual(pupilCard(p, today, { calendar, schoolYear: 2023 }));
    });
  });
});
