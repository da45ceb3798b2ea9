// The options page's attendance report import: a CSV summary from the MIS (one row a pupil),
// title rows above its header skipped (and the header's line shown for staff to correct), its
// columns guessed from the headers and shown for staff to correct, every bad row named by
// line, a preview, and an import that is all or nothing. A register export, a week grid or an
// XML file dropped here is sent to the check-an-export page, which reads those. The figures then drive the badges
// wherever the pupil appears, with the date they were as of.

import { useEffect, useState } from 'preact/hooks';
import { formatAttendance } from '../../components/badge';
import {
  REPORT_FIELD_LABELS,
  REPORT_FIELDS,
  describeReportProblem,
  describeSessions,
  guessMapping,
  readReport,
  readReportTable,
  type NotASummary,
  type ReportField,
  type ReportMapping,
  type ReportProblem,
  type ReportTable,
} from '../../rules/attendance-report';
import { formatSchoolDate, isIsoDate, type IsoDate } from '../../rules/dates';
import { decodeFileText, type FileEncoding } from '../../rules/file-text';
import type { MarkwiseStore } from '../../storage/store';
import { ErrorSummary, Field, useSentWhenDone, type FieldProblem } from './error-summary';
import { OutcomeView, type Outcome } from './outcome';

/** A whole school's report is well under 1 MB; a file this size is the wrong file. */
export const MAX_REPORT_BYTES = 10 * 1024 * 1024;
const PREVIEW_ROWS = 5;
const PROBLEMS_SHOWN = 20;

interface Loaded {
  readonly fileName: string;
  readonly encoding: FileEncoding;
  readonly text: string;
  /** The table as read with the header found, or on the line a person gave; or why that line cannot be the header (none when what was typed is no line number: said at the field). */
  readonly table: { ok: true; table: ReportTable } | { ok: false; problems: ReportProblem[] };
  /** The header's line as shown in the control (what the person typed, or where it was found). */
  readonly headerLine: string;
  /** Why the line a person gave cannot be the header (blank, past the file's end), said at the field; null when it can, or nothing was given. */
  readonly lineProblem: string | null;
}


/** A line number as a person types it: 1, 2, 3... */
const isLineNumber = (typed: string) => /^[1-9]\d*$/.test(typed.trim());

const LINE_PROBLEM: FieldProblem = {
  id: 'report-header-line',
  summary: 'Header is on line: enter the number of the line the column names are on, such as 4',
  message: 'Enter the number of the line the column names are on, such as 4',
};
const AS_OF_PROBLEM: FieldProblem = {
  id: 'report-as-of',
  summary: 'Figures as of: enter the date the figures are as of, such as 26/11/2025',
  message: 'Enter the date the figures are as of, such as 26/11/2025',
};

const number = (n: number) => n.toLocaleString('en-GB');
const pupils = (n: number) => `${number(n)} ${n === 1 ? 'pupil' : 'pupils'}`;

export function ReportSection({ store, today, onImported }: { store: MarkwiseStore; today: IsoDate; onImported: () => Promise<void> }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // A file that is not a summary: the page that reads it.
  const [elsewhere, setElsewhere] = useState<{ fileName: string; shape: NotASummary } | null>(null);
  const [mapping, setMapping] = useState<ReportMapping>({});
  const [asOf, setAsOf] = useState<string>(today);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [held, setHeld] = useState<{ pupils: number; newestAsOf: string | null } | null>(null);
  // 'upn', or the site whose MIS ids the report's id column holds: the same id on two sites is two pupils.
  const [matchBy, setMatchBy] = useState<string>('upn');
  const [sites, setSites] = useState<string[]>([]);

  const refreshHeld = async () => setHeld(await store.reportFiguresSummary());
  useEffect(() => {
    void refreshHeld();
  }, []);

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    setLoaded(null);
    setElsewhere(null);
    if (file.size > MAX_REPORT_BYTES) {
      setOutcome({
        kind: 'problems',
        message: `${file.name} was not read: nothing has changed.`,
        problems: [`${file.name}: the file is ${(file.size / 1024 / 1024).toFixed(1)} MB, and an attendance report of a whole school is well under 1 MB. Is it the right file? (Register exports are checked on the check-an-export page.)`],
      });
      return;
    }
    const { text, encoding } = decodeFileText(new Uint8Array(await file.arrayBuffer()));
    const read = readReportTable(text);
    if (!read.ok) {
      const message = read.shape === undefined ? `${file.name} could not be read: nothing has changed.` : `${file.name} is not an attendance summary: nothing has changed.`;
      setOutcome({ kind: 'problems', message, problems: read.problems.map((p) => describeReportProblem(file.name, p)) });
      if (read.shape !== undefined) setElsewhere({ fileName: file.name, shape: read.shape });
      return;
    }
    setOutcome(null);
    setLoaded({ fileName: file.name, encoding, text, table: read, headerLine: String(read.table.headerLine), lineProblem: null });
    setMapping(guessMapping(read.table.header));
    setAsOf(today);
    setMatchBy('upn');
    setSites(await store.pupilSites());
  };

  /** The person says which line the header is on: the table is read again from there, and its columns guessed again. */
  const headerOn = (typed: string) => {
    if (loaded === null) return;
    const table: Loaded['table'] = isLineNumber(typed) ? readReportTable(loaded.text, { headerLine: Number(typed.trim()) }) : { ok: false, problems: [] };
    // A file whose header is found by itself, refused on the line given: the line is the mistake, said at its field.
    const wrong = isLineNumber(typed) && !table.ok && table.problems[0] !== undefined && readReportTable(loaded.text).ok ? table.problems[0] : null;
    const lineProblem = wrong === null ? null : wrong.line !== null ? `Line ${wrong.line} ${wrong.message}` : wrong.message.charAt(0).toUpperCase() + wrong.message.slice(1);
    setLoaded({ ...loaded, table: lineProblem === null ? table : { ok: false, problems: [] }, headerLine: typed, lineProblem });
    if (table.ok) setMapping(guessMapping(table.table.header));
  };

  const table = loaded !== null && loaded.table.ok ? loaded.table.table : null;
  // Mistakes in the section's own fields, said at each (GOV.UK's pattern); the file's, in the list below.
  const asOfProblem: FieldProblem | null = !isIsoDate(asOf)
    ? AS_OF_PROBLEM
    : asOf > today
      ? {
          id: 'report-as-of',
          summary: `Figures as of: the date must be today or in the past, not ${formatSchoolDate(asOf)}`,
          message: `The figures cannot be as of ${formatSchoolDate(asOf)}, after today (${formatSchoolDate(today)}): enter today's date or an earlier one`,
        }
      : null;
  const lineProblem: FieldProblem | null =
    loaded === null ? null : !isLineNumber(loaded.headerLine) ? LINE_PROBLEM : loaded.lineProblem === null ? null : { id: 'report-header-line', summary: `Header is on line: ${loaded.lineProblem}`, message: loaded.lineProblem };
  const fieldProblems: FieldProblem[] = [...(lineProblem === null ? [] : [lineProblem]), ...(loaded === null || asOfProblem === null ? [] : [asOfProblem])];
  // Without a date it can use (none, or one after today) the file is still read as of today, so that its own problems are said at once.
  const read =
    loaded === null ? null : !loaded.table.ok ? ({ ok: false, problems: loaded.table.problems } as const) : readReport(loaded.table.table, mapping, asOfProblem === null ? asOf : today, today, matchBy === 'upn' ? 'upn' : 'pupilId');
  const result = read === null ? null : read.ok && fieldProblems.length > 0 ? ({ ok: false, problems: [] } as const) : read;
  // Each time a field is sent (Enter in it, or left after a change) its problems' summary is focused.
  const [attempt, setAttempt] = useState(0);
  const lineSent = useSentWhenDone(() => setAttempt((n) => n + 1));
  const asOfSent = useSentWhenDone(() => setAttempt((n) => n + 1));

  const [importing, setImporting] = useState(false);
  const importNow = async () => {
    if (loaded === null || result === null || !result.ok || importing) return;
    // A whole school's figures are written in one transaction: say so while it runs.
    setImporting(true);
    const site = matchBy === 'upn' ? null : matchBy;
    const { imported, keptNewer } = await store.importReport(result.report.figures, asOf, loaded.fileName, site).finally(() => setImporting(false));
    const kept = keptNewer > 0 ? ` ${pupils(keptNewer)} already had figures from a newer report and kept them.` : '';
    const matched = site === null ? '' : `, matched by the MIS's pupil id for ${site} only`;
    setOutcome({ kind: 'ok', message: `Imported figures for ${pupils(imported)} as of ${formatSchoolDate(asOf)} from ${loaded.fileName}${matched}.${kept}` });
    setLoaded(null);
    await refreshHeld();
    await onImported();
  };

  return (
    <section data-section="report" aria-labelledby="report-h">
      <h2 id="report-h">Attendance figures from a report</h2>
      <p class="note">
        The attendance summary your MIS exports as CSV, one row a pupil: UPN, name, and sessions possible and attended (or the absences, or a percentage). The figures give badges to pupils on
        pages that show none, matched by UPN; a report without UPNs is matched by the MIS's own pupil id, for the one site it came from. Where a page has shown a newer figure, that one is used. Nothing is saved until you press Import.
      </p>
      <p id="report-held">
        {held === null || held.pupils === 0
          ? 'No figures from reports are held.'
          : `Figures from reports are held for ${pupils(held.pupils)}, the newest as of ${formatSchoolDate(held.newestAsOf as IsoDate)}.`}
      </p>
      <div class="row">
        <label>
          Import an attendance report (CSV)
          <input type="file" id="report-import" accept=".csv,text/csv" onChange={(e) => void choose(e.currentTarget as HTMLInputElement)} />
        </label>
      </div>
      {outcome !== null ? <OutcomeView outcome={outcome} id="report-result" /> : null}
      {elsewhere !== null ? (
        <p id="report-elsewhere">
          {elsewhere.shape === 'xml' ? 'A Common Transfer File' : elsewhere.shape === 'register-wide' ? 'A week grid of marks' : 'A register export'} is checked on the{' '}
          <a href="./check.html">check-an-export page</a>: open it and choose {elsewhere.fileName} there.
        </p>
      ) : null}
      {loaded !== null && result !== null ? (
        <div id="report-preview">
          <ErrorSummary id="report-errors" problems={fieldProblems} attempt={attempt} intro="This cannot be imported yet. Nothing has been saved." />
          <h3>
            {loaded.fileName}
            {table !== null ? `: ${pupils(table.rows.length)}` : ''}
          </h3>
          <div class="row">
            <Field
              id="report-header-line"
              label="Header is on line"
              problem={lineProblem ?? undefined}
              control={(props) => (
                <input
                  type="text"
                  inputMode="numeric"
                  size={4}
                  value={loaded.headerLine}
                  onInput={(e) => {
                    lineSent.changed();
                    headerOn((e.currentTarget as HTMLInputElement).value);
                  }}
                  {...lineSent.done}
                  {...props}
                />
              )}
            />
          </div>
          {table !== null && table.titleLines > 0 ? (
            <p class="note" id="report-title-lines">
              {table.titleLines === 1 ? "Line 1 above the header was skipped as the report's title." : `Lines 1–${table.titleLines} above the header were skipped as the report's title.`} If the header is
              on another line, say which.
            </p>
          ) : null}
          {loaded.encoding === 'windows-1252' ? <p class="note">The file is not UTF-8, so it was read as Windows-1252: check that the names below look right.</p> : null}
          <label>
            Match pupils by
            <select id="report-match" value={matchBy} onChange={(e) => setMatchBy((e.currentTarget as HTMLSelectElement).value)}>
              <option value="upn">UPN (on every site of the school)</option>
              {sites.map((site) => (
                <option key={site} value={site}>
                  the MIS's pupil id, on {site} only
                </option>
              ))}
            </select>
          </label>
          {sites.length === 0 ? <p class="note">To match a report by the MIS's own pupil id, add the MIS site first: its pupils are then known by that site and id.</p> : null}
          <fieldset>
            <legend>Which column is which (guessed from the headers: change any that are wrong)</legend>
            <div class="row">
              {REPORT_FIELDS.map((field: ReportField) => (
                <label key={field}>
                  {REPORT_FIELD_LABELS[field]}
                  <select
                    data-field={field}
                    value={mapping[field] === undefined ? '' : String(mapping[field])}
                    onChange={(e) => {
                      const value = (e.currentTarget as HTMLSelectElement).value;
                      const next = { ...mapping };
                      if (value === '') delete next[field];
                      else next[field] = Number(value);
                      setMapping(next);
                    }}
                  >
                    <option value="">(none)</option>
                    {(table?.header ?? []).map((h, i) => (
                      <option key={i} value={String(i)}>
                        {h || `column ${i + 1}`}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </fieldset>
          <Field
            id="report-as-of"
            label="Figures as of"
            problem={asOfProblem ?? undefined}
            control={(props) => (
              <input
                type="date"
                value={asOf}
                max={today}
                onInput={(e) => {
                  asOfSent.changed();
                  setAsOf((e.currentTarget as HTMLInputElement).value);
                }}
                onChange={(e) => setAsOf((e.currentTarget as HTMLInputElement).value)}
                {...asOfSent.done}
                {...props}
              />
            )}
          />
          {result.ok ? (
            <>
              <table id="report-rows">
                <caption>
                  The first {Math.min(PREVIEW_ROWS, result.report.figures.length)} of {pupils(result.report.figures.length)}, as they will be imported
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{matchBy === 'upn' ? 'UPN' : "MIS's pupil id"}</th>
                    <th scope="col">Name</th>
                    <th scope="col">Sessions</th>
                    <th scope="col">Attendance</th>
                  </tr>
                </thead>
                <tbody>
                  {result.report.figures.slice(0, PREVIEW_ROWS).map((f) => (
                    <tr key={f.pupilId ?? f.upn}>
                      <td>{f.pupilId ?? f.upn}</td>
                      <td>{f.name}</td>
                      <td>{describeSessions(f)}</td>
                      <td>{formatAttendance(f.attendance)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {result.report.noFigureYet.length > 0 ? (
                <p class="note" id="report-no-figure">
                  No figure yet for {pupils(result.report.noFigureYet.length)} (no sessions possible): {result.report.noFigureYet.map((p) => `${p.name || p.id} (line ${p.line})`).join(', ')}.
                </p>
              ) : null}
              {result.report.warnings.length > 0 ? (
                // Before the Import button, framed so it is not passed over: a figure the report's own % disagrees with, say.
                <div id="report-warnings" style={{ border: '1px solid #8a5a00', background: '#fff4e0', padding: '8px 12px', borderRadius: '6px' }}>
                  <p>
                    <strong>Please look again at {result.report.warnings.length === 1 ? 'this' : `these ${number(result.report.warnings.length)}`} before importing</strong> (they do not stop the import):
                  </p>
                  <ul>
                    {result.report.warnings.map((w, i) => (
                      <li key={i}>{describeReportProblem(loaded.fileName, w)}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <div class="row">
                <button type="button" class="primary" id="report-confirm" disabled={importing} onClick={() => void importNow()}>
                  Import figures for {pupils(result.report.figures.length)}
                </button>
                {importing ? <span role="status">Importing figures for {pupils(result.report.figures.length)}…</span> : null}
                <button type="button" onClick={() => setLoaded(null)}>
                  Cancel
                </button>
              </div>
            </>
          ) : (
            <>
              {result.problems.length > 0 ? (
                <div class="problems" role="alert" id="report-problems">
                  <p>
                    {fieldProblems.length > 0 ? 'In the file' : 'This cannot be imported yet'}: {result.problems.length === 1 ? 'one problem' : `${number(result.problems.length)} problems`}. Nothing has been saved.
                  </p>
                  <ul>
                    {result.problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
                      <li key={i}>{describeReportProblem(loaded.fileName, p)}</li>
                    ))}
                    {result.problems.length > PROBLEMS_SHOWN ? <li>and {number(result.problems.length - PROBLEMS_SHOWN)} more</li> : null}
                  </ul>
                </div>
              ) : null}
              <div class="row">
                <button type="button" onClick={() => setLoaded(null)}>
                  Cancel
                </button>
              </div>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
