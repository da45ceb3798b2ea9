// The follow-up lists, worked out from what the extension has seen: every N still open across
// the school with its deadline and countdown, and this morning's first-day calls. No DOM, so the
// lists are tested in Node exactly as the dashboard shows them.

import { spreadsheetCsv } from '../../components/csv';
import type { SchoolCalendar } from '../../rules/calendar/school-calendar';
import { nDeadline, type NDeadline, type NStatus } from '../../rules/checks/unexplained-absence';
import { formatSchoolDate, parseClockTime, type IsoDate } from '../../rules/dates';
import type { Policy } from '../../rules/policy/schema';
import { formatAttendance } from '../../components/badge';
import { bandFor, reachesAbsenceThreshold, tierFor } from '../../rules/checks/standing';
import type { NFirstSeen, ReportFigureRow, SiteReportFigureRow, ThresholdSeen } from '../../storage/db';
import { originMatches } from '../../storage/bundle';

/**
 * The address to link to for a page an N was seen on: only an http(s) page of a site Markwise
 * runs on; anything else (javascript:, data:, another site) is null and shown as text.
 */
export function pageLinkFor(url: string, sites: readonly string[]): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  return sites.some((site) => originMatches(site, parsed.origin)) ? parsed.href : null;
}

export interface OpenN {
  readonly record: NFirstSeen;
  readonly deadline: NDeadline;
}

/** One pupil's open N, most urgent first: a row of the list, however many N the pupil has. */
export interface PupilNs {
  /** The pupil as the list knows them: 'upn|A123…', or 'id|site|MIS id' for a pupil no page showed a UPN for. */
  readonly key: string;
  readonly upn: string | null;
  readonly site: string;
  readonly pupilId: string;
  /** As staff read it ('Grace Smith-Jones', whichever order a page printed it in), from the page that showed the pupil last. */
  readonly name: string;
  /** Other names pages gave this pupil (not merely another order of the same one), so a slip is seen. */
  readonly otherNames: readonly string[];
  readonly items: readonly OpenN[];
}

export interface NGroup {
  readonly status: NStatus;
  readonly title: string;
  /** One line on what to do, from the policy. */
  readonly advice: string;
  /** Each pupil whose most urgent N is of this status, once. */
  readonly pupils: readonly PupilNs[];
}

const GROUP_TITLES: readonly [NStatus, string][] = [
  ['overdue', 'Overdue'],
  ['due-today', 'Due today'],
  ['due-soon', 'Due soon'],
  ['later', 'Later'],
];

const days = (n: number) => `${n} school ${n === 1 ? 'day' : 'days'}`;

/** The countdown in words: 'overdue by 2 school days', 'due today', '1 school day left'. */
export function countdownText({ deadline, schoolDaysLeft, status }: NDeadline): string {
  switch (status) {
    case 'overdue':
      // Seen at the weekend after a Friday deadline: overdue, though no school day has passed.
      return schoolDaysLeft < 0 ? `overdue by ${days(-schoolDaysLeft)}` : `overdue: the deadline was ${formatSchoolDate(deadline)}`;
    case 'due-today':
      return 'due today';
    default:
      return `${days(schoolDaysLeft)} left`;
  }
}

/**
 * A pupil's name as staff read it, whatever order the page printed it in: 'Smith-Jones, Grace'
 * is 'Grace Smith-Jones'. A name with more than one comma is left as it was.
 */
export function pupilName(name: string): string {
  const tidy = name.trim().replace(/\s+/g, ' ');
  const parts = tidy.split(/\s*,\s*/);
  return parts.length === 2 && parts[0] !== '' && parts[1] !== '' ? `${parts[1]} ${parts[0]}` : tidy;
}

const upnOf = (record: NFirstSeen) => record.upn?.trim().toUpperCase() || null;
const idOf = (record: NFirstSeen) => `${record.site}|${record.pupilId}`;

/**
 * The open N by pupil. A pupil is known by UPN: two UPNs are two pupils, whatever their names. A
 * pupil no page showed a UPN for is known by the MIS id on its site (a page of that site that
 * showed the id with a UPN gives it); never by name alone, as two pupils may share one.
 */
function byPupil(all: readonly OpenN[]): PupilNs[] {
  const upnOfId = new Map<string, string>();
  for (const { record } of all) {
    const upn = upnOf(record);
    if (upn !== null) upnOfId.set(idOf(record), upn);
  }
  const pupils = new Map<string, OpenN[]>();
  for (const n of all) {
    const upn = upnOf(n.record) ?? upnOfId.get(idOf(n.record));
    const key = upn === undefined ? `id|${idOf(n.record)}` : `upn|${upn}`;
    pupils.set(key, [...(pupils.get(key) ?? []), n]);
  }
  return [...pupils].map(([key, items]) => {
    // The name the page that showed the pupil last gave; a page that gave none is passed over.
    const named = items.filter((i) => i.record.name.trim() !== '').sort((a, b) => b.record.lastSeen.localeCompare(a.record.lastSeen));
    const name = named.length > 0 ? pupilName(named[0]!.record.name) : '';
    const same = (other: string) => other.toLocaleLowerCase('en-GB') === name.toLocaleLowerCase('en-GB');
    const { site, pupilId } = items[0]!.record;
    return {
      key,
      // As a page wrote it (matched whatever its case and spaces).
      upn: key.startsWith('upn|') ? (items.find((i) => upnOf(i.record) !== null) ?? items[0]!).record.upn?.trim() ?? key.slice(4) : null,
      site,
      pupilId,
      name,
      otherNames: [...new Set(named.map((i) => pupilName(i.record.name)).filter((other) => !same(other)))],
      items,
    };
  });
}

/**
 * Every open N in the four groups, a row per pupil in the group of their most urgent N, most
 * urgent first: by deadline, then by session, then by name; each pupil's N in that order too.
 * Empty groups are kept, so the page can say there are none.
 */
export function openNGroups(records: readonly NFirstSeen[], policy: Policy, calendar: SchoolCalendar, today: IsoDate): NGroup[] {
  const { fallbackCode, limitSchoolDays } = policy.unexplainedAbsence;
  const advice: Record<NStatus, string> = {
    overdue: `Past the ${days(limitSchoolDays)} the policy allows: record the reason if the family has given one, otherwise change N to ${fallbackCode}.`,
    'due-today': `Today is the last day to record the reason; with none given, N becomes ${fallbackCode} tomorrow.`,
    'due-soon': 'Contact the family and record the reason before the deadline.',
    later: 'Within the time the policy allows: follow up as usual.',
  };
  const all = records
    .map((record) => ({ record, deadline: nDeadline(calendar, policy, record.date as IsoDate, today) }))
    .sort(
      (a, b) =>
        a.deadline.deadline.localeCompare(b.deadline.deadline) ||
        a.record.date.localeCompare(b.record.date) ||
        a.record.session.localeCompare(b.record.session) ||
        pupilName(a.record.name).localeCompare(pupilName(b.record.name), 'en-GB'),
    );
  // In the order of each pupil's most urgent N, as the list was sorted.
  const pupils = byPupil(all);
  return GROUP_TITLES.map(([status, title]) => ({ status, title, advice: advice[status], pupils: pupils.filter((p) => p.items[0]!.deadline.status === status) }));
}

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** An ISO instant as staff in England read it: 'Wed 26 Nov 2025, 08:55'. */
export function londonTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // From the parts, as browsers differ in the commas between them; the date as formatSchoolDate writes it.
  const part = Object.fromEntries(LONDON_TIME.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.weekday} ${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute}`;
}

export const OPEN_N_CSV_HEADER = ['Status', 'Pupil', 'UPN', 'Date of the N', 'Day', 'Session', 'Deadline', 'Countdown', 'School days left', 'First seen', 'Seen on'] as const;

export function openNCsv(groups: readonly NGroup[]): string {
  return spreadsheetCsv(
    OPEN_N_CSV_HEADER,
    groups.flatMap((group) =>
      group.pupils.flatMap((pupil) => pupil.items.map(({ record, deadline }) => [
        GROUP_TITLES.find(([status]) => status === deadline.status)![1],
        pupil.name,
        pupil.upn ?? '',
        record.date,
        formatSchoolDate(record.date as IsoDate),
        record.session,
        deadline.deadline,
        countdownText(deadline),
        deadline.schoolDaysLeft,
        londonTime(record.firstSeen),
        record.pageTitle ?? '',
      ])),
    ),
  );
}

export interface CallStep {
  /** HH:MM in England. */
  readonly at: string;
  readonly step: string;
  /** Whether the time has come: always on a day gone by, never on a day to come. */
  readonly due: boolean;
}

export interface FirstDayCalls {
  /** The policy's steps, earliest first. */
  readonly steps: readonly CallStep[];
  /** Pupils with N in today's morning session, by name. */
  readonly pupils: readonly NFirstSeen[];
}

/**
 * This morning's first-day calls: each pupil with N in today's AM session, and the policy's
 * calling steps (a text at 09:30, a call at 10:00) with whether each has fallen due. `now` is
 * the date and time in England; `today` may be a fixed date (a demo, a reproduction).
 */
export function firstDayCalls(records: readonly NFirstSeen[], policy: Policy, today: IsoDate, now: { readonly date: IsoDate; readonly time: string }): FirstDayCalls {
  const clock = parseClockTime(now.time) ?? 0;
  const steps = [...policy.unexplainedAbsence.firstDayContact]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map(({ at, step }) => ({ at, step, due: today < now.date || (today === now.date && clock >= (parseClockTime(at) ?? 0)) }));
  const pupils = records.filter((r) => r.date === today && r.session === 'AM').sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { steps, pupils };
}

export const FIRST_DAY_CSV_HEADER = ['Pupil', 'UPN', 'Date', 'Steps', 'First seen', 'Seen on'] as const;

export function firstDayCallsCsv(calls: FirstDayCalls, today: IsoDate): string {
  const steps = calls.steps.map((s) => `${s.at} ${s.step}`).join('; ');
  return spreadsheetCsv(
    FIRST_DAY_CSV_HEADER,
    calls.pupils.map((p) => [p.name, p.upn ?? '', formatSchoolDate(today), steps, londonTime(p.firstSeen), p.pageTitle ?? '']),
  );
}

export type ThresholdKind = 'severe-absence' | 'persistent-absence' | 'tier' | 'band' | 'la-notify-10-days' | 'penalty-threshold';

export interface ThresholdEntry {
  readonly kind: ThresholdKind;
  /** Empty for a pupil known only by an MIS id (the source names the site and id). */
  readonly upn: string;
  readonly name: string;
  /** The day it was reached: a report's as-of date, or the session a page's finding was about. */
  readonly date: IsoDate;
  readonly what: string;
  /** What the policy (or the law) says happens next. */
  readonly next: readonly string[];
  readonly source: string;
}

const KIND_ORDER: readonly ThresholdKind[] = ['severe-absence', 'la-notify-10-days', 'penalty-threshold', 'persistent-absence', 'tier', 'band'];

/**
 * Pupils who crossed a line: from the last two reports of each pupil, newly persistently or
 * severely absent, or in another tier or band; from register pages, 10 continuous school days of
 * unauthorised absence or the penalty-notice threshold. Reached on or after `since`, newest first.
 */
export function thresholdsCrossed(reports: readonly (ReportFigureRow | SiteReportFigureRow)[], seen: readonly ThresholdSeen[], policy: Policy, since: IsoDate): ThresholdEntry[] {
  const entries: ThresholdEntry[] = [];
  const tierSteps = (attendance: number) => tierFor(policy, attendance)?.nextSteps ?? [];
  for (const r of reports) {
    const before = r.previousAttendance;
    if (before == null || r.previousAsOf == null || r.asOf < since) continue;
    const byId = 'site' in r ? `, MIS id ${r.pupilId} on ${r.site}` : '';
    const base = { upn: r.upn ?? '', name: r.name, date: r.asOf as IsoDate, source: `reports as of ${formatSchoolDate(r.previousAsOf as IsoDate)} and ${formatSchoolDate(r.asOf as IsoDate)} (${r.source}${byId})` };
    const change = `${formatAttendance(before)} to ${formatAttendance(r.attendance)}`;
    const absent = (attendance: number, percent: number) => reachesAbsenceThreshold(100 - attendance, 100, percent);
    const { persistentAbsence, severeAbsence } = policy.thresholds;
    if (absent(r.attendance, severeAbsence) && !absent(before, severeAbsence)) {
      entries.push({ ...base, kind: 'severe-absence', what: `Newly severely absent (missing ${severeAbsence}% or more): ${change}.`, next: tierSteps(r.attendance) });
    } else if (absent(r.attendance, persistentAbsence) && !absent(before, persistentAbsence)) {
      entries.push({ ...base, kind: 'persistent-absence', what: `Newly persistently absent (missing ${persistentAbsence}% or more): ${change}.`, next: tierSteps(r.attendance) });
    }
    const [tierThen, tierNow] = [tierFor(policy, before), tierFor(policy, r.attendance)];
    if (tierThen?.level !== tierNow?.level && tierNow !== null) {
      const direction = tierThen !== null && tierNow.level < tierThen.level ? 'down' : 'up';
      entries.push({ ...base, kind: 'tier', what: `Moved ${direction} to tier ${tierNow.level}, ${tierNow.name}${tierThen ? ` (from tier ${tierThen.level}, ${tierThen.name})` : ''}: ${change}.`, next: tierNow.nextSteps });
    }
    const [bandThen, bandNow] = [bandFor(policy, before), bandFor(policy, r.attendance)];
    if (bandThen?.name !== bandNow?.name && bandNow !== null) {
      entries.push({ ...base, kind: 'band', what: `Now in the band ${bandNow.name}${bandThen ? ` (was ${bandThen.name})` : ''}: ${change}.`, next: bandNow.meaning ? [bandNow.meaning] : [] });
    }
  }
  for (const t of seen) {
    if (t.date < since) continue;
    // A pupil the page showed without a UPN: its MIS id is named with its site, never as a UPN.
    const page = t.pupilId === undefined ? 'a register page' : `a register page on ${t.site} (MIS id ${t.pupilId}, no UPN shown)`;
    entries.push({ kind: t.rule, upn: t.pupilId === undefined ? t.upn : '', name: t.name, date: t.date as IsoDate, what: t.what, next: [t.action], source: `${page}, first seen ${londonTime(t.firstSeen)}` });
  }
  return entries.sort((a, b) => b.date.localeCompare(a.date) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name, 'en-GB'));
}

export const THRESHOLDS_CSV_HEADER = ['Date', 'Day', 'Pupil', 'UPN', 'What happened', 'What happens next', 'From'] as const;

export function thresholdsCsv(entries: readonly ThresholdEntry[]): string {
  return spreadsheetCsv(
    THRESHOLDS_CSV_HEADER,
    entries.map((e) => [e.date, formatSchoolDate(e.date), e.name, e.upn, e.what, e.next.join('; '), e.source]),
  );
}
