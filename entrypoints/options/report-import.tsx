// The options page's attendance report import: a CSV summary from the MIS (one row a pupil),
// its columns guessed from the headers and shown for staff to correct, every bad row named by
// line, a preview, and an import that is all or nothing. The figures then drive the badges
// wherever the pupil appears, with the date they were as of.

import { useEffect, useState } from 'preact/hooks';
import { formatAttendance } from '../../components/badge';
import {
  REPORT_FIELD_LABELS,
  REPORT_FIELDS,
  describeReportProblem,
  guessMapping,
  readReport,
  readReportTable,
  type ReportField,
  type ReportMapping,
  type ReportTable,
} from '../../rules/attendance-report';
import { formatSchoolDate, isIsoDate, type IsoDate } from '../../rules/dates';
import { decodeFileText, type FileEncoding } from '../../rules/file-text';
import type { MarkwiseStore } from '../../storage/store';
import { OutcomeView, type Outcome } from './outcome';

/** A whole school's report is well under 1 MB; a file this size is the wrong file. */
export const MAX_REPORT_BYTES = 10 * 1024 * 1024;
const PREVIEW_ROWS = 5;
const PROBLEMS_SHOWN = 20;

interface Loaded {
  readonly fileName: string;
  readonly encoding: FileEncoding;
  readonly table: ReportTable;
}


const number = (n: number) => n.toLocaleString('en-GB');
const pupils = (n: number) => `${number(n)} ${n === 1 ? 'pupil' : 'pupils'}`;

export function ReportSection({ store, today, onImported }: { store: MarkwiseStore; today: IsoDate; onImported: () => Promise<void> }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
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
      setOutcome({ kind: 'problems', message: `${file.name} could not be read: nothing has changed.`, problems: read.problems.map((p) => describeReportProblem(file.name, p)) });
      return;
    }
    setOutcome(null);
    setLoaded({ fileName: file.name, encoding, table: read.table });
    setMapping(guessMapping(read.table.header));
    setAsOf(today);
    setMatchBy('upn');
    setSites(await store.pupilSites());
  };

  const result = loaded === null ? null : isIsoDate(asOf) ? readReport(loaded.table, mapping, asOf, today, matchBy === 'upn' ? 'upn' : 'pupilId') : ({ ok: false, problems: [{ line: null, column: null, message: 'the figures need the date they are as of' }] } as const);

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
      {loaded !== null && result !== null ? (
        <div id="report-preview">
          <h3>
            {loaded.fileName}: {pupils(loaded.table.rows.length)}
          </h3>
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
                    {loaded.table.header.map((h, i) => (
                      <option key={i} value={String(i)}>
                        {h || `column ${i + 1}`}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </fieldset>
          <label>
            Figures as of
            <input type="date" id="report-as-of" value={asOf} max={today} onChange={(e) => setAsOf((e.currentTarget as HTMLInputElement).value)} />
          </label>
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
                      <td>{f.possible !== null && f.attended !== null ? `${number(f.attended)} of ${number(f.possible)}` : f.possible !== null ? `${number(f.possible)} possible` : ''}</td>
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
                <div id="report-warnings">
                  <p>Please look again at these before importing (they do not stop the import):</p>
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
            <div class="problems" role="alert" id="report-problems">
              <p>This cannot be imported yet: {result.problems.length === 1 ? 'one problem' : `${number(result.problems.length)} problems`}. Nothing has been saved.</p>
              <ul>
                {result.problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
                  <li key={i}>{describeReportProblem(loaded.fileName, p)}</li>
                ))}
                {result.problems.length > PROBLEMS_SHOWN ? <li>and {number(result.problems.length - PROBLEMS_SHOWN)} more</li> : null}
              </ul>
              <button type="button" onClick={() => setLoaded(null)}>
                Cancel
              </button>
            </div>
          )}
        </div>
      ) : null}
    </section>
  );
}
