// Writes demo/register.csv: a fictional Year 3 class at a Leeds primary school,
// autumn term 2025 up to the demo's fixed today, with a case of every rule.
// Deterministic (seeded), so the file only changes when this script does.
//   npx tsx demo/make-demo-register.ts

import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { addDays } from '../rules/dates';
import { presetPolicy } from '../rules/presets';
import { schoolCalendarFor } from '../rules/calendar/bank-holidays';

/**
 * The demo's fixed today, Wed 26 Nov 2025 in the Leeds autumn term: its N countdowns (due soon,
 * due today, overdue) are true on this date only, so the demo never checks as of the real today.
 * One date for the demo, the extension's development build and the command line's demo command.
 */
export { DEMO_TODAY } from '../storage/bundle';
import { DEMO_TODAY } from '../storage/bundle';

/** mulberry32: a small seeded PRNG, so the demo is the same on every machine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  'Amelia Hughes', 'Mohammed Khan', "Olivia O'Connor", 'Jones, Ffion', 'Kwame Mensah', 'Zofia Nowak', 'Ravi Patel',
  'Grace Okafor', 'Harry Wilson', 'Aisha Begum', 'Leo Thompson', 'Ella Robinson', 'Jacob Evans', 'Sophie Clarke',
  'Noah Ahmed', 'Maya Kowalski', 'Oscar Shaw', 'Isla MacLeod', 'Yusuf Ali', 'Freya Dunn', 'Tomasz Wiśniewski',
  'Chloe Adeyemi', 'Arjun Sharma', 'Evie Walsh', 'Daniel Osei', 'Poppy Turner', 'Hamza Hussain', 'Lily Barnes',
];

interface Row {
  upn: string;
  name: string;
  date: string;
  session: 'AM' | 'PM';
  mark: string;
  arrival: string;
  dob: string;
  year: string;
}

export function demoRows(): Row[] {
  const policy = presetPolicy('micklefield');
  const calendar = schoolCalendarFor(policy.calendar);
  const days: string[] = [];
  for (let d = '2025-09-01'; d <= DEMO_TODAY; d = addDays(d, 1)) if (calendar.isSchoolDay(d)) days.push(d);
  const rnd = random(20251126);
  const rows: Row[] = [];

  NAMES.forEach((name, p) => {
    const upn = `A${String(820130000000 + p * 7919).padStart(12, '0')}`;
    // Year 3 in 2025-26: born between September 2017 and August 2018.
    const dob = addDays('2017-09-01', Math.floor(rnd() * 364));
    const marks = new Map<string, { mark: string; arrival: string }>();
    const key = (date: string, session: 'AM' | 'PM') => `${date} ${session}`;
    const set = (date: string, session: 'AM' | 'PM', mark: string, arrival = '') => marks.set(key(date, session), { mark, arrival });
    for (const d of days) {
      set(d, 'AM', '/');
      set(d, 'PM', '\\');
    }
    const sessions = days.flatMap((d) => [[d, 'AM'], [d, 'PM']] as const);
    const absent = (count: number, codes: readonly string[]) => {
      for (let i = 0; i < count; i++) {
        const [d, s] = sessions[Math.floor(rnd() * sessions.length)]!;
        set(d, s, codes[Math.floor(rnd() * codes.length)]!);
      }
    };

    switch (p) {
      case 0: set('2025-11-05', 'AM', 'L', '09:40'); break; // arrived after the 09:25 close, marked L
      case 1: set('2025-11-06', 'AM', 'U', '09:20'); break; // arrived before the close, marked U
      case 2: set('2025-11-07', 'AM', 'N', '09:50'); break; // N, then arrived after the close
      case 3: set('2025-10-08', 'PM', 'Q1'); break; // not a code
      case 4: set('2025-10-13', 'AM', 'H'); set('2025-10-13', 'PM', 'H'); break; // withdrawn in 2024
      case 5: set('2025-09-17', 'PM', '/'); break; // morning mark in the afternoon
      case 6: set('2025-09-15', 'AM', 'X'); break; // X for a pupil of compulsory school age
      case 7: set('2025-11-12', 'AM', 'N'); set('2025-11-12', 'PM', 'N'); break; // overdue on 26 Nov
      case 8: set('2025-11-19', 'AM', 'N'); break; // due on 26 Nov
      case 9: set('2025-11-21', 'PM', 'N'); break; // due 28 Nov: due soon
      case 10: // 10 continuous school days of O: Mon 10 to Fri 21 Nov
        for (const d of days.filter((d) => d >= '2025-11-10' && d <= '2025-11-21')) { set(d, 'AM', 'O'); set(d, 'PM', 'O'); }
        break;
      case 11: // a week of term-time holiday: 10 unauthorised sessions
        for (const d of days.filter((d) => d >= '2025-10-13' && d <= '2025-10-17')) { set(d, 'AM', 'G'); set(d, 'PM', 'G'); }
        break;
      case 12: { // exactly 90%: joined on the fourth day (Z before), so the sessions since are a multiple of 10; misses a tenth
        const extra = sessions.length % 10;
        sessions.slice(0, extra).forEach(([d, s]) => set(d, s, 'Z'));
        sessions.slice(extra, extra + (sessions.length - extra) / 10).forEach(([d, s]) => set(d, s, 'I'));
        break;
      }
      case 13: absent(34, ['I', 'M', 'O', 'I']); break; // below 80%
      case 14: sessions.slice(20, 90).forEach(([d, s]) => set(d, s, 'I')); break; // severe absence (illness)
      case 15: break; // has marks from the summer before the 2024 codes (below)
      case 16: set('2025-09-23', 'AM', 'Y'); break; // the single Y, withdrawn in 2024 (now Y1 to Y7)
      case 17: sessions.slice(40, 54).forEach(([d, s]) => set(d, s, s === 'AM' ? 'I' : 'M')); break; // 80% to 90%: a fortnight ill
      default:
        absent(Math.floor(rnd() * 9), ['I', 'I', 'M', 'C', 'R']);
        if (rnd() < 0.4) {
          const [d] = sessions[Math.floor(rnd() * sessions.length)]!;
          set(d, 'AM', 'L', `09:${String(5 + Math.floor(rnd() * 20)).padStart(2, '0')}`);
        }
    }
    // A mark typed on Saturday 15 Nov: not a school day, so a finding and not counted (after the random draws, which stay as they were).
    if (p === 18) set('2025-11-15', 'AM', 'O');
    const pupilRows: Row[] = [...marks.entries()].map(([k, v]) => {
      const [date, session] = k.split(' ') as [string, 'AM' | 'PM'];
      return { upn, name, date, session, mark: v.mark, arrival: v.arrival, dob: p === 6 ? '2018-03-01' : dob, year: 'Year 3' };
    });
    if (p === 15) {
      // Rows from an older register (summer term 2023-24, written DD/MM/YYYY as some exports do),
      // with J1 on a date before 19 August 2024, when it was not yet a code.
      const old: [string, 'AM' | 'PM', string][] = [
        ['09/07/2024', 'AM', '/'], ['09/07/2024', 'PM', '\\'],
        ['10/07/2024', 'AM', 'J1'], ['10/07/2024', 'PM', '\\'],
        ['11/07/2024', 'AM', '/'], ['11/07/2024', 'PM', '\\'],
      ];
      pupilRows.unshift(...old.map(([date, session, mark]) => ({ upn, name, date, session, mark, arrival: '', dob, year: 'Year 3' })));
    }
    rows.push(...pupilRows);
  });
  return rows;
}

/** The demo register as the CSV file holds it. */
export function demoCsv(): string {
  return `${Papa.unparse(demoRows(), { columns: ['upn', 'name', 'date', 'session', 'mark', 'arrival', 'dob', 'year'], newline: '\n' })}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(new URL('./register.csv', import.meta.url), demoCsv());
  console.log('Wrote demo/register.csv');
}
