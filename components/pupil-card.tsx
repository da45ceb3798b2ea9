// A pupil's year in one picture: a bar a week (attendance that week, the persistent-absence line
// drawn across), the sessions by how they count, late marks either side of the register closing,
// and the findings in date order. Colour is never the only signal: bars below the line are
// hatched, every part has its words and numbers, and the chart's weeks are also a table for
// screen readers.

import { formatAttendance } from './badge';
import { spreadsheetCsv } from './csv';
import { downloadText } from './download';
import { RULE_TITLES } from './rule-titles';
import { bandFor, tierFor } from '../rules/checks/standing';
import { formatSchoolDate, type IsoDate } from '../rules/dates';
import type { Finding } from '../rules/findings';
import type { Policy } from '../rules/policy/schema';
import type { PupilCardData } from '../rules/pupil-card';

const BAR = 14;
const GAP = 4;
const HEIGHT = 120;

const CATEGORIES = [
  ['present', 'Present', '#1b7f3b'],
  ['approvedActivity', 'Approved educational activity', '#4c9a64'],
  ['authorised', 'Authorised absence', '#b25e00'],
  ['unauthorised', 'Unauthorised absence', '#b3261e'],
  ['notPossible', 'Not counted (not a possible session)', '#8a8a90'],
] as const;

export const PUPIL_CARD_CSV_HEADER = ['Part', 'Date', 'What', 'Attended', 'Possible'] as const;

/** The card as CSV for a meeting: a row a week, then the sessions by how they count, the late marks, and the findings. */
export function pupilCardCsv(card: PupilCardData, findings: readonly Finding[]): string {
  const rows: (string | number)[][] = card.weeks.map((w) => ['Week', w.monday, `Week of ${formatSchoolDate(w.monday as IsoDate)}: ${formatAttendance((w.attended * 100) / w.possible)}`, w.attended, w.possible]);
  for (const [key, label] of CATEGORIES) rows.push(['Sessions', '', label, card.sessions[key], '']);
  rows.push(['Late', '', 'Late before the register closed (L)', card.late.beforeClose, ''], ['Late', '', 'Arrived after it closed (U)', card.late.afterClose, '']);
  for (const f of findings.filter((x) => x.upn === card.upn)) rows.push(['Finding', f.date, `${f.session} ${RULE_TITLES[f.rule]}: ${f.what}`, '', '']);
  return spreadsheetCsv(PUPIL_CARD_CSV_HEADER, rows);
}

/** A year-to-date figure: the only kind a band or tier may come from (a page's, a report's, or a whole year's export). */
export interface YearToDateFigure {
  /** Percent. */
  readonly attendance: number;
  /** Where it came from, in words: "the register page", "the attendance report week-48.csv". */
  readonly source: string;
  readonly asOf: IsoDate;
}

/**
 * noFindings: what the card says when the pupil has no findings, for where it was drawn from ("None in
 * this export.", or of the marks seen on register pages): never "this export" for a card from pages.
 */
export function PupilCard({ card, findings, policy, yearToDate, noFindings }: { card: PupilCardData; findings: readonly Finding[]; policy: Policy; yearToDate: YearToDateFigure | null; noFindings: string }) {
  const { possible, attended } = card;
  const overall = possible === 0 ? null : (attended * 100) / possible;
  const line = 100 - policy.thresholds.persistentAbsence;
  // Never from the marks seen: a fortnight at 40% is not tier 5 when the year is at 87.8%.
  const band = yearToDate === null ? null : bandFor(policy, yearToDate.attendance);
  const tier = yearToDate === null ? null : tierFor(policy, yearToDate.attendance);
  const span = card.from === null || card.to === null ? '' : ` (${formatSchoolDate(card.from)} to ${formatSchoolDate(card.to)})`;
  const width = Math.max(card.weeks.length * (BAR + GAP), 200) + 40;
  const y = (percent: number) => 10 + ((100 - percent) / 100) * HEIGHT;
  const total = CATEGORIES.reduce((n, [key]) => n + card.sessions[key], 0);
  const own = findings.filter((f) => f.upn === card.upn).sort((a, b) => a.date.localeCompare(b.date) || a.session.localeCompare(b.session));
  return (
    <article class="pupil-card" aria-labelledby="card-h" data-upn={card.upn}>
      <h3 id="card-h">
        {card.name} <span class="note">{card.upn}</span>
      </h3>
      <p class="card-summary card-seen">
        {overall === null
          ? `No possible sessions in the marks read${span}.`
          : `Attendance ${formatAttendance(overall)} from ${possible} ${possible === 1 ? 'session' : 'sessions'} seen${span}: ${attended} of ${possible} possible sessions attended.`}
      </p>
      <p class="card-year-to-date" data-tier={tier === null ? '' : String(tier.level)} data-band={band?.name ?? ''}>
        {yearToDate === null
          ? 'No year-to-date figure is known for this pupil, so no band or tier is given: open a page that shows their attendance this year, or import an attendance report.'
          : `Year to date: ${formatAttendance(yearToDate.attendance)} (from ${yearToDate.source}, as of ${formatSchoolDate(yearToDate.asOf)})${band ? `; band ${band.name}` : ''}${tier ? `; tier ${tier.level}, ${tier.name}` : ''}.`}
      </p>

      <figure>
        <figcaption>Attendance week by week; the dashed line is {line}%, below which a pupil is persistently absent. Hatched bars are below it.</figcaption>
        <svg class="week-chart" width={width} height={HEIGHT + 30} viewBox={`0 0 ${width} ${HEIGHT + 30}`} role="img" aria-label={`Weekly attendance over ${card.weeks.length} weeks`}>
          <defs>
            <pattern id="below-line" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#b3261e" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="3" />
            </pattern>
          </defs>
          <text x="0" y={y(100) + 4} class="axis">
            100%
          </text>
          <text x="0" y={y(line) + 4} class="axis">
            {line}%
          </text>
          {card.weeks.map((w, i) => {
            const percent = (w.attended * 100) / w.possible;
            const below = percent < line;
            return (
              <rect
                key={w.monday}
                class="week-bar"
                data-monday={w.monday}
                data-below={below}
                x={40 + i * (BAR + GAP)}
                y={y(percent)}
                width={BAR}
                height={Math.max(1, (percent / 100) * HEIGHT)}
                fill={below ? 'url(#below-line)' : '#1b7f3b'}
              >
                <title>{`Week of ${formatSchoolDate(w.monday as IsoDate)}: ${w.attended} of ${w.possible} (${formatAttendance(percent)})`}</title>
              </rect>
            );
          })}
          {/* Over the bars, so it shows across a full week too. */}
          <line x1="34" x2={width} y1={y(line)} y2={y(line)} stroke="#1d1d1f" stroke-width="1.5" stroke-dasharray="4 3" />
          {card.weeks.length > 0 ? (
            <>
              <text x="40" y={HEIGHT + 26} class="axis">
                {formatSchoolDate(card.weeks[0]!.monday as IsoDate)}
              </text>
              <text x={width - 4} y={HEIGHT + 26} class="axis" text-anchor="end">
                {formatSchoolDate(card.weeks.at(-1)!.monday as IsoDate)}
              </text>
            </>
          ) : null}
        </svg>
        <table class="visually-hidden">
          <caption>Attendance by week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Attended</th>
              <th scope="col">Possible</th>
            </tr>
          </thead>
          <tbody>
            {card.weeks.map((w) => (
              <tr key={w.monday}>
                <td>{formatSchoolDate(w.monday as IsoDate)}</td>
                <td>{w.attended}</td>
                <td>{w.possible}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>

      <h4>Sessions by how they count</h4>
      <div class="stack" aria-hidden="true">
        {CATEGORIES.map(([key, , colour]) => (card.sessions[key] > 0 ? <span key={key} style={{ flexGrow: card.sessions[key], background: colour }} /> : null))}
      </div>
      <ul class="legend">
        {CATEGORIES.map(([key, label, colour]) => (
          <li key={key} data-category={key}>
            <span class="swatch" style={{ background: colour }} aria-hidden="true" /> {label}: <strong>{card.sessions[key]}</strong>
            {total > 0 ? ` (${Math.round((card.sessions[key] * 100) / total)}%)` : ''}
          </li>
        ))}
      </ul>

      <h4>Late</h4>
      <p class="late">
        Late before the register closed (L, counted as present): <strong>{card.late.beforeClose}</strong>. Arrived after it closed (U, an unauthorised absence):{' '}
        <strong>{card.late.afterClose}</strong>.
      </p>

      <p>
        <button type="button" class="download-card" onClick={() => downloadText(`markwise-pupil-card-${card.upn}.csv`, pupilCardCsv(card, findings), 'text/csv;charset=utf-8')}>
          Download this card (CSV)
        </button>
      </p>

      <h4>Findings</h4>
      {own.length === 0 ? (
        <p class="note">{noFindings}</p>
      ) : (
        <ol class="history">
          {own.map((f) => (
            <li key={`${f.rule}|${f.date}|${f.session}`} data-rule={f.rule}>
              <strong>
                {formatSchoolDate(f.date)} {f.session}
              </strong>{' '}
              {RULE_TITLES[f.rule]}: {f.what}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
