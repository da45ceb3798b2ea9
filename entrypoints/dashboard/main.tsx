// The follow-up page: what is not on the register in front of you. Every N the extension has
// seen on any register page, grouped by deadline with the school-day countdown, and this
// morning's first-day calls. It reads the extension's own database and updates as staff open
// register pages in other tabs (Dexie's liveQuery hears the background's writes).

import { liveQuery } from 'dexie';
import { createContext, render } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { downloadText } from '../../components/download';
import { schoolCalendarFor } from '../../rules/calendar/bank-holidays';
import type { NStatus } from '../../rules/checks/unexplained-absence';
import { dateOfDayNumber, dayNumber, formatSchoolDate, type IsoDate } from '../../rules/dates';
import { parsePolicy, type Policy } from '../../rules/policy/schema';
import { DEMO_ORIGINS, todayInEngland, todayOf, type TodaySetting } from '../../storage/bundle';
import type { NFirstSeen, PupilMarks, ReportFigureRow, SiteReportFigureRow, ThresholdSeen } from '../../storage/db';
import { PupilCard, type YearToDateFigure } from '../../components/pupil-card';
import '../../components/pupil-card.css';
import { academicYearStarting, type SchoolCalendar } from '../../rules/calendar/school-calendar';
import { evaluateRegister } from '../../rules/engine';
import { pupilCard } from '../../rules/pupil-card';
import { openExtensionStore } from '../../storage/extension-store';
import { describePolicyProblem, policyFieldLabel } from '../../rules/policy/labels';
import {
  countdownText,
  firstDayCalls,
  firstDayCallsCsv,
  londonTime,
  openNCsv,
  openNGroups,
  pageLinkFor,
  thresholdsCrossed,
  thresholdsCsv,
  type FirstDayCalls,
  type NGroup,
  type ThresholdEntry,
  type ThresholdKind,
} from './follow-up';

const store = openExtensionStore();

const SEVERITY_OF: Record<NStatus, { glyph: string; word: string; className: string }> = {
  overdue: { glyph: '✕', word: 'Overdue', className: 'sev sev-error' },
  'due-today': { glyph: '!', word: 'Due today', className: 'sev sev-warning' },
  'due-soon': { glyph: '!', word: 'Due soon', className: 'sev sev-warning' },
  later: { glyph: 'i', word: 'Later', className: 'sev sev-info' },
};

const number = (n: number) => n.toLocaleString('en-GB');
const sessionWord = (s: string) => (s === 'AM' ? 'morning' : 'afternoon');

/** The time in England now, as HH:MM. */
function londonClock(now: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
}

/** The sites Markwise runs on: the only places a link on this page may lead. */
const SitesContext = createContext<readonly string[]>([]);

function PageLink({ record }: { record: NFirstSeen }) {
  const sites = useContext(SitesContext);
  if (record.pageUrl === null) return <span class="note">not recorded (seen before this version)</span>;
  const href = pageLinkFor(record.pageUrl, sites);
  // An address that is not an http(s) page of a site Markwise runs on is shown, never linked.
  if (href === null) return <span class="page-unlinked">{record.pageTitle || record.pageUrl} <span class="note">(not a page of a site Markwise runs on)</span></span>;
  return (
    <a href={href} target="_blank" rel="noreferrer">
      {record.pageTitle || record.pageUrl}
    </a>
  );
}

function GroupTable({ group }: { group: NGroup }) {
  const sev = SEVERITY_OF[group.status];
  return (
    <section class="n-group" data-status={group.status} aria-labelledby={`group-${group.status}`}>
      <h3 id={`group-${group.status}`}>
        <span class={sev.className}>
          <span class="glyph" aria-hidden="true">
            {sev.glyph}
          </span>{' '}
          {group.title}
        </span>{' '}
        <span class="count">{group.pupils.length}</span>
        <span class="visually-hidden">{group.pupils.length === 1 ? 'pupil' : 'pupils'}</span>
      </h3>
      {group.pupils.length === 0 ? (
        <p class="note">None.</p>
      ) : (
        <>
          <p class="note">{group.advice}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">Pupil</th>
                <th scope="col">Open N, most urgent first</th>
              </tr>
            </thead>
            <tbody>
              {group.pupils.map((pupil) => (
                <tr key={pupil.key} class="pupil" data-upn={pupil.upn ?? ''} data-pupil-id={pupil.upn === null ? pupil.pupilId : undefined}>
                  <th scope="row">
                    {pupil.name || `Pupil ${pupil.pupilId}`}
                    <span class="note"> {pupil.upn ?? `MIS id ${pupil.pupilId} on ${pupil.site}, no UPN shown`}</span>
                    {pupil.otherNames.length > 0 ? <span class="note"> (also shown as {pupil.otherNames.join(', ')})</span> : null}
                  </th>
                  <td>
                    <ul class="n-items">
                      {pupil.items.map(({ record, deadline }) => (
                        <li key={record.key} class="open-n" data-upn={pupil.upn ?? ''} data-date={record.date} data-session={record.session} data-status={deadline.status} data-days-left={deadline.schoolDaysLeft}>
                          <strong>
                            {formatSchoolDate(record.date as IsoDate)} {sessionWord(record.session)}
                          </strong>
                          : <span class="countdown">{countdownText(deadline)}</span> (deadline {formatSchoolDate(deadline.deadline)}). First seen <span class="first-seen">{londonTime(record.firstSeen)}</span> on{' '}
                          <PageLink record={record} />
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function CallsSection({ calls, today }: { calls: FirstDayCalls; today: IsoDate }) {
  return (
    <section aria-labelledby="calls-h" id="first-day-calls">
      <h2 id="calls-h">First-day calls: {formatSchoolDate(today)}</h2>
      {calls.steps.length === 0 ? (
        <p class="note">The policy sets no calling times ({policyFieldLabel('unexplainedAbsence.firstDayContact')}, on the options page), so the pupils are listed without steps.</p>
      ) : (
        <ol class="steps">
          {calls.steps.map((s) => (
            <li key={s.at + s.step} data-due={s.due}>
              <strong>{s.at}</strong> {s.step} {s.due ? <span class="due">(due now)</span> : <span class="note">(not yet)</span>}
            </li>
          ))}
        </ol>
      )}
      {calls.pupils.length === 0 ? (
        <p class="note">No pupil has N in this morning's register on the pages seen so far.</p>
      ) : (
        <>
          <ul class="call-list">
            {calls.pupils.map((p) => (
              <li key={p.key} data-upn={p.upn ?? ''}>
                {p.name || `Pupil ${p.pupilId}`} {p.upn !== null ? <span class="note">{p.upn}</span> : null} · first seen {londonTime(p.firstSeen)} on <PageLink record={p} />
              </li>
            ))}
          </ul>
          <button type="button" id="download-calls" onClick={() => downloadText(`markwise-first-day-calls-${today}.csv`, firstDayCallsCsv(calls, today), 'text/csv;charset=utf-8')}>
            Download the calls (CSV)
          </button>
        </>
      )}
    </section>
  );
}

const KIND_WORDS: Record<ThresholdKind, string> = {
  'severe-absence': 'Severe absence',
  'persistent-absence': 'Persistent absence',
  tier: 'Tier',
  band: 'Band',
  'la-notify-10-days': '10 school days',
  'penalty-threshold': 'Penalty notice',
};

function ThresholdsSection({ entries, today, sinceDays, setSinceDays }: { entries: ThresholdEntry[]; today: IsoDate; sinceDays: number; setSinceDays: (n: number) => void }) {
  return (
    <section aria-labelledby="thresholds-h" id="thresholds">
      <h2 id="thresholds-h">Thresholds crossed</h2>
      <p class="note">
        From the last two attendance reports imported for each pupil (persistent or severe absence newly reached, another tier or band), and from register pages (10 continuous school
        days of unauthorised absence, the penalty-notice threshold).
      </p>
      <label>
        Reached in the last
        <select id="thresholds-since" value={String(sinceDays)} onChange={(e) => setSinceDays(Number((e.currentTarget as HTMLSelectElement).value))}>
          <option value="7">7 days</option>
          <option value="14">14 days</option>
          <option value="30">30 days</option>
          <option value="365">year</option>
        </select>
      </label>
      {entries.length === 0 ? (
        <p class="note">None.</p>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">Reached</th>
                <th scope="col">Pupil</th>
                <th scope="col">What happened</th>
                <th scope="col">What the policy says next</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={`${e.kind}|${e.upn}|${e.date}|${e.source}`} class="threshold" data-kind={e.kind} data-upn={e.upn} data-date={e.date}>
                  <td>{formatSchoolDate(e.date)}</td>
                  <th scope="row">
                    {e.name} <span class="note">{e.upn}</span>
                  </th>
                  <td>
                    <strong>{KIND_WORDS[e.kind]}:</strong> {e.what} <span class="note">From {e.source}.</span>
                  </td>
                  <td>
                    {e.next.length === 0 ? (
                      <span class="note">The policy names no step.</span>
                    ) : (
                      <ul class="next-steps">
                        {e.next.map((step) => (
                          <li key={step}>{step}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" id="download-thresholds" onClick={() => downloadText(`markwise-thresholds-${today}.csv`, thresholdsCsv(entries), 'text/csv;charset=utf-8')}>
            Download the thresholds (CSV)
          </button>
        </>
      )}
    </section>
  );
}

/**
 * The newest year-to-date figure known for the pupil this school year: the one a register page or
 * record showed, or an imported report's. The marks seen are never one (issue 11, item 15).
 * "This school year" is the real one in England: figures are stored dated by the real day (a fixed
 * checking date is for checking only), and the card says how old the figure is.
 */
async function yearToDateOf(pupil: PupilMarks): Promise<YearToDateFigure | null> {
  // A pupil shown without a UPN is matched to reports by this site's MIS id only: the id is no UPN.
  const [pages, reports, byMisId] = await Promise.all([store.figuresFor(pupil.site, [pupil.pupilId]), store.reportFiguresFor(pupil.upnShown === false ? [] : [pupil.upn]), store.siteReportFiguresFor(pupil.site, [pupil.pupilId])]);
  const page = pages.get(pupil.pupilId);
  const fromId = byMisId.get(pupil.pupilId);
  const byUpn = reports.get(pupil.upn);
  const report = fromId !== undefined && (fromId.upn === null || pupil.upnShown === false || fromId.upn === pupil.upn) && (byUpn === undefined || fromId.asOf > byUpn.asOf) ? fromId : byUpn;
  const today = store.realToday();
  const year = academicYearStarting(today);
  const candidates: YearToDateFigure[] = [
    ...(page === undefined ? [] : [{ attendance: page.attendance, source: `a register page or record on ${page.site}`, asOf: page.seenOn }]),
    ...(report === undefined ? [] : [{ attendance: report.attendance, source: `the attendance report ${report.source}`, asOf: report.asOf }]),
  ].filter((f) => f.asOf <= today && academicYearStarting(f.asOf) === year);
  return candidates.sort((a, b) => b.asOf.localeCompare(a.asOf))[0] ?? null;
}

/** A pupil's card from the marks class registers and records showed, checked by the policy. */
function CardSection({ pupils, policy, calendar, today }: { pupils: PupilMarks[]; policy: Policy; calendar: SchoolCalendar; today: IsoDate }) {
  const [key, setKey] = useState('');
  const [yearToDate, setYearToDate] = useState<YearToDateFigure | null>(null);
  const chosen = pupils.find((p) => p.key === key);
  const card = useMemo(() => {
    if (chosen === undefined) return null;
    const pupil = { upn: chosen.upn, name: chosen.name, dob: chosen.dob, year: null, marks: chosen.marks };
    const findings = evaluateRegister({ role: 'office', source: chosen.site, pupils: [pupil] }, { policy, calendar, today, standings: false }).findings;
    return { data: pupilCard(pupil, today, { calendar }), findings };
  }, [chosen, policy, calendar, today]);
  useEffect(() => {
    setYearToDate(null);
    if (chosen === undefined) return;
    let current = true;
    void yearToDateOf(chosen).then((figure) => current && setYearToDate(figure));
    return () => {
      current = false;
    };
  }, [chosen?.key]);
  return (
    <section aria-labelledby="cards-h" id="pupil-cards" class="cards">
      <h2 id="cards-h">Pupil card</h2>
      <p class="note">
        From the marks of the class registers and pupil records opened with Markwise running ({pupils.length} {pupils.length === 1 ? 'pupil' : 'pupils'} so far), checked by the school's policy as of{' '}
        {formatSchoolDate(today)}. A whole year at once: check an export on the check-an-export page.
      </p>
      {pupils.length === 0 ? null : (
        <label>
          Pupil
          <select id="card-pupil" value={key} onChange={(e) => setKey((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">Choose a pupil…</option>
            {pupils.map((p) => (
              <option key={p.key} value={p.key}>
                {p.name} ({p.upnShown === false ? `MIS id ${p.pupilId}, no UPN shown` : p.upn}), marks from {formatSchoolDate(p.marks[0]!.date as IsoDate)} to {formatSchoolDate(p.marks.at(-1)!.date as IsoDate)}
              </option>
            ))}
          </select>
        </label>
      )}
      {card !== null ? <PupilCard card={card.data} findings={card.findings} policy={policy} yearToDate={yearToDate} noFindings="None in the marks Markwise has seen on register pages." /> : null}
    </section>
  );
}

interface Loaded {
  readonly policy: Policy | null;
  readonly policyProblem: string | null;
  /** Today in England, or the fixed checking date: worked out at each tick of the clock, never once for good. */
  readonly today: TodaySetting;
  readonly sites: readonly string[];
}

function Dashboard() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [records, setRecords] = useState<NFirstSeen[] | null>(null);
  const [crossed, setCrossed] = useState<{ reports: (ReportFigureRow | SiteReportFigureRow)[]; seen: ThresholdSeen[] }>({ reports: [], seen: [] });
  const [sinceDays, setSinceDays] = useState(14);
  const [withMarks, setWithMarks] = useState<PupilMarks[]>([]);
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    void (async () => {
      const [active, todaySetting, sites] = await Promise.all([store.activePolicy(), store.getSetting('today'), store.sites()]);
      const parsed = parsePolicy(active.input);
      setLoaded({
        sites: [...sites.map((s) => s.origin), ...(import.meta.env.MARKWISE_RELEASE === 'true' ? [] : DEMO_ORIGINS)],
        policy: parsed.ok ? parsed.policy : null,
        policyProblem: parsed.ok ? null : parsed.problems.map(describePolicyProblem).join('; '),
        today: todaySetting,
      });
    })();
    // Live: the background writes as register pages are opened in other tabs.
    const subscription = liveQuery(() => store.openNs()).subscribe({ next: setRecords, error: () => setRecords([]) });
    const thresholds = liveQuery(async () => ({ reports: [...(await store.reportFigures()), ...(await store.siteReportFigures())], seen: await store.thresholdsSeen() })).subscribe({ next: setCrossed, error: () => {} });
    const marks = liveQuery(() => store.pupilsWithMarks()).subscribe({ next: setWithMarks, error: () => {} });
    // The first-day steps fall due by the clock.
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => {
      subscription.unsubscribe();
      thresholds.unsubscribe();
      marks.unsubscribe();
      clearInterval(timer);
    };
  }, []);

  const calendar = useMemo(() => (loaded?.policy ? schoolCalendarFor(loaded.policy.calendar) : null), [loaded]);
  if (loaded === null || records === null) return <p role="status">Loading…</p>;
  // A list left open overnight is as of the new day once the clock passes midnight: a date taken once
  // at opening stayed yesterday's, and an N first seen this morning looked later than the list's date.
  const today = todayOf(loaded.today, now);
  if (loaded.policy === null || calendar === null) {
    return (
      <p class="problems" role="alert">
        The school's policy could not be read ({loaded.policyProblem}). Put it right on the options page.
      </p>
    );
  }
  const groups = openNGroups(records, loaded.policy, calendar, today);
  const calls = firstDayCalls(records, loaded.policy, today, { date: todayInEngland(now), time: londonClock(now) });
  const urgent = groups[0]!.pupils.length + groups[1]!.pupils.length;
  return (
    <SitesContext.Provider value={loaded.sites}>
      <section aria-labelledby="open-n-h" id="open-n">
        <h2 id="open-n-h">Open N codes: reason for absence not yet established</h2>
        <p>
          {number(records.length)} {records.length === 1 ? 'N' : 'Ns'} seen on register pages and not yet replaced, as of <span id="open-n-as-of">{formatSchoolDate(today)}</span>
          {loaded.today.mode === 'fixed' ? ' (a fixed checking date, set on the options page: the times first seen are the real ones, and may be later)' : ''}, under {loaded.policy.schoolName}'s
          limit of {loaded.policy.unexplainedAbsence.limitSchoolDays} school days. {urgent > 0 ? `${number(urgent)} ${urgent === 1 ? 'pupil needs' : 'pupils need'} action today.` : ''}
        </p>
        <p class="note">An N leaves this list when a register page shows that session with another code. Only pages opened with Markwise running are seen.</p>
        {records.length > 0 ? (
          <p>
            <button type="button" class="primary" id="download-open-n" onClick={() => downloadText(`markwise-open-n-${today}.csv`, openNCsv(groups), 'text/csv;charset=utf-8')}>
              Download the list (CSV)
            </button>
          </p>
        ) : null}
        {groups.map((g) => (
          <GroupTable key={g.status} group={g} />
        ))}
      </section>
      <CallsSection calls={calls} today={today} />
      <ThresholdsSection
        entries={thresholdsCrossed(crossed.reports, crossed.seen, loaded.policy, dateOfDayNumber(dayNumber(today) - sinceDays))}
        today={today}
        sinceDays={sinceDays}
        setSinceDays={setSinceDays}
      />
      <CardSection pupils={withMarks} policy={loaded.policy} calendar={calendar} today={today} />
    </SitesContext.Provider>
  );
}

function Page() {
  return (
    <>
      <header>
        <h1>Markwise: follow-up</h1>
        <nav aria-label="Markwise pages">
          <a href="./check.html">Check a register export</a> <a href="./options.html">Options</a>
        </nav>
      </header>
      <main>
        <Dashboard />
      </main>
    </>
  );
}

render(<Page />, document.getElementById('app')!);
