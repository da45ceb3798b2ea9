// Check a register export: for schools whose MIS is a desktop program (SIMS), the export the
// command line takes is dropped here and checked by the same rules, shown in the same panel,
// and the findings can be saved as CSV. The file never leaves the computer: it is read in this
// page's worker and nothing of it is stored; dismissals made here are kept for this page alone.

import { render, type ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { downloadText } from '../../components/download';
import { findingsCsv } from '../../components/findings-csv';
import type { FindingView, PanelActions, PanelState } from '../../components/model';
import { Panel } from '../../components/panel';
import { PupilCard, type YearToDateFigure } from '../../components/pupil-card';
import { academicYearLabel } from '../../rules/calendar/school-calendar';
import { unpackCard } from '../../rules/pupil-card';
import '../../components/pupil-card.css';
import { BASE_CSS, PANEL_CSS } from '../../components/styles';
import { formatSchoolDate, isIsoDate } from '../../rules/dates';
import type { Role } from '../../rules/policy/schema';
import { describePolicyProblem } from '../../rules/policy/labels';
import { groupUnknownCodes, unknownCodeMessage } from '../../rules/exports/unknown-codes';
import { columnProblems, NEEDED_FIELDS, REGISTER_FIELD_LABELS, REGISTER_FIELDS, shapeKey, type ColumnMapping, type ColumnProblem, type RegisterField } from '../../rules/exports/columns';
import { EXPORT_CHECK_SITE, todayOf } from '../../storage/bundle';
import { notifyStorageChanged, openExtensionStore } from '../../storage/extension-store';
import { dismissalKey, storedDismissalKey, type PolicyListing } from '../../storage/store';
import type { ColumnsUsed, ExportCheckOutcome, ExportCheckProgress, ExportChecked } from './check-export';
import type { WorkerReply } from './worker';
import { ErrorSummary, Field, useSentWhenDone, type FieldProblem } from '../options/error-summary';
// Vite bundles the worker into a file of its own in the extension (no network, no blob URL).
import CheckWorker from './worker?worker';

const store = openExtensionStore();

/** The panel drawn in the page rather than floating over an MIS page. */
const IN_PAGE_PANEL_CSS = '.panel{position:static;width:auto;max-height:none;box-shadow:none;z-index:auto}';

const number = (n: number) => n.toLocaleString('en-GB');
const plural = (n: number, one: string, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;

interface Chosen {
  readonly name: string;
  /** Read afresh for each check and handed to the worker: no copy of a 30 MB file on the page's thread. */
  readonly file: Blob;
}

type Run = { readonly state: 'idle' } | { readonly state: 'working'; readonly name: string; readonly progress: ExportCheckProgress | null } | { readonly state: 'done'; readonly outcome: ExportCheckOutcome };

/** How the person said to read the file: its columns and its header's line (none: found by Markwise). */
interface Reading {
  readonly columns?: ColumnMapping;
  readonly headerLine?: number;
}

/** Runs one check in a fresh worker; a new check (other options, another file) ends the one before. */
function useCheck(file: Chosen | null, policyId: string | null, today: string, role: Role, reading: Reading, remembered: Readonly<Record<string, ColumnMapping>> | null): Run {
  const [run, setRun] = useState<Run>({ state: 'idle' });
  useEffect(() => {
    if (file === null || policyId === null || !isIsoDate(today) || remembered === null) return;
    let worker: Worker | null = null;
    let ended = false;
    setRun({ state: 'working', name: file.name, progress: null });
    void (async () => {
      const policy = await store.policyInput(policyId);
      if (ended) return;
      if (policy === null) {
        setRun({ state: 'done', outcome: { ok: false, fileName: file.name, heading: 'The chosen policy is no longer stored, so nothing was checked', problems: ['Choose another policy.'] } });
        return;
      }
      worker = new CheckWorker();
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        if (reply.type === 'progress') setRun({ state: 'working', name: file.name, progress: reply.progress });
        else {
          setRun({ state: 'done', outcome: reply.outcome });
          worker?.terminate();
        }
      };
      worker.onerror = (event) => {
        setRun({ state: 'done', outcome: { ok: false, fileName: file.name, heading: `Markwise hit a problem checking ${file.name}, so nothing was checked`, problems: [event.message] } });
      };
      const bytes = new Uint8Array(await file.file.arrayBuffer());
      if (ended) return;
      worker.postMessage({ bytes, fileName: file.name, policyInput: policy.input, today, role, ...reading, remembered }, [bytes.buffer]);
    })();
    return () => {
      ended = true;
      worker?.terminate();
    };
  }, [file, policyId, today, role, reading, remembered]);
  return run;
}

function ShadowPanel(props: { state: PanelState; actions: PanelActions; collapsed: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    let root = element.shadowRoot;
    if (root === null) {
      root = element.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = BASE_CSS + PANEL_CSS + IN_PAGE_PANEL_CSS;
      root.append(style, document.createElement('div'));
    }
    render(<Panel state={props.state} collapsed={props.collapsed} current={null} actions={props.actions} />, root.lastElementChild!);
  });
  return <div class="findings-host" ref={host} data-testid="findings" />;
}

function Progress({ name, progress }: { name: string; progress: ExportCheckProgress | null }) {
  const text =
    progress === null
      ? `Opening ${name}…`
      : progress.stage === 'reading'
        ? `Reading ${name}: ${Math.floor(progress.fraction * 100)}%`
        : `Checking ${plural(progress.pupils, 'pupil')} and ${plural(progress.marks, 'mark')}…`;
  return (
    <div class="progress" data-stage={progress?.stage ?? 'opening'}>
      <progress aria-label={`Checking ${name}`} max={1} value={progress?.stage === 'reading' ? progress.fraction : undefined} />
      <p role="status">{text}</p>
    </div>
  );
}

function Refused({ outcome }: { outcome: Extract<ExportCheckOutcome, { ok: false }> }) {
  return (
    <div class="problems" role="alert" data-outcome="refused" data-shape={outcome.shape ?? ''}>
      <p>{outcome.heading}:</p>
      <ul>
        {outcome.problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
      {outcome.shape === 'attendance-summary' ? (
        <p>
          <a href="./options.html#report-h">Import it as attendance figures on the options page</a>
        </p>
      ) : null}
    </div>
  );
}

const FROM: Readonly<Record<ColumnsUsed['from'], string>> = {
  guessed: 'guessed from the header',
  remembered: 'as you chose before for files with this header',
  chosen: 'as you chose',
};

/** Notes about the file shown before "Show the other …". */
const WARNINGS_SHOWN = 20;

/** A week grid's pupil columns: its dates and sessions are read from its headers. */
const GRID_FIELDS: readonly RegisterField[] = ['upn', 'name', 'surname', 'forename', 'dob', 'year'];

/** The command line's --columns for a mapping, to read the same files the same way there. */
function columnsOption(columns: ColumnMapping): string {
  return REGISTER_FIELDS.flatMap((f) => (columns[f] === undefined ? [] : [`${f}=${columns[f]}`])).join(',');
}

/** What to do about one field of a mapping with a mistake, said at its select. */
function columnMessage(problem: ColumnProblem): string {
  switch (problem.kind) {
    case 'needed':
      return 'Choose its column (the check needs it)';
    case 'name-needed':
      return "Choose the column with the pupils' names, or a Surname column (with or without a Forename)";
    case 'column-taken':
      return `Choose another column ('${problem.column}' is already read as the ${REGISTER_FIELD_LABELS[problem.takenBy]})`;
    case 'no-such-column':
      return `Choose one of the file's columns (it has no '${problem.column}')`;
  }
}

/** A mapping's mistakes as the form says them: one a field, in the form's order; none when the check can read the file by it. */
function mappingProblems(used: ColumnsUsed, fields: readonly RegisterField[], columns: ColumnMapping): FieldProblem[] {
  // The same test the reader makes (a week grid needs only its pupils' UPN and names), made before the file is sent.
  const problems = columnProblems(used.header, columns, used.grid ? ['upn'] : NEEDED_FIELDS).filter((p, i, all) => all.findIndex((q) => q.field === p.field) === i);
  return problems
    .sort((a, b) => fields.indexOf(a.field) - fields.indexOf(b.field))
    .map((p) => {
      const message = columnMessage(p);
      return { id: `columns-${p.field}`, summary: `${REGISTER_FIELD_LABELS[p.field]}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`, message };
    });
}

/**
 * Which column is which, and which line is the header: shown after every CSV check (open when
 * the columns could not all be found), for the person to correct. A change checks the file again.
 */
function ColumnsForm({ used, open, onRead, onForget }: { used: ColumnsUsed; open: boolean; onRead: (reading: Reading) => void; onForget: () => void }) {
  const [columns, setColumns] = useState<ColumnMapping>(used.columns);
  const [line, setLine] = useState(String(used.headerLine));
  const [sent, setSent] = useState<string | null>(null);
  useEffect(() => {
    setColumns(used.columns);
    setLine(String(used.headerLine));
    setSent(null);
  }, [used]);
  const lineNumber = /^[1-9]\d*$/.test(line.trim()) ? Number(line.trim()) : null;
  // Said when the line is sent (GOV.UK's pattern), not while it is typed.
  const [attempt, setAttempt] = useState(0);
  const lineProblems: FieldProblem[] = sent !== null && !/^[1-9]\d*$/.test(sent.trim()) ? [{ id: 'header-line', summary: 'The header is on line: enter a line number, such as 5', message: 'Enter a line number, such as 5' }] : [];
  // A mapping with a mistake is said at its fields when sent, and not sent to be checked.
  const fields = used.grid ? GRID_FIELDS : REGISTER_FIELDS;
  const [columnsSent, setColumnsSent] = useState<ColumnMapping | null>(null);
  const [columnsAttempt, setColumnsAttempt] = useState(0);
  useEffect(() => setColumnsSent(null), [used]);
  const columnsProblems = columnsSent === null ? [] : mappingProblems(used, fields, columnsSent);
  return (
    <details class="columns" id="columns" open={open}>
      <summary>
        Columns read ({FROM[used.from]}), header on line {used.headerLine}: change
      </summary>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSent(line);
          setAttempt((n) => n + 1);
          if (lineNumber !== null) onRead({ headerLine: lineNumber });
        }}
      >
        <ErrorSummary id="header-line-errors" problems={lineProblems} attempt={attempt} />
        <div class="row">
          <Field
            id="header-line"
            label="The header is on line"
            problem={lineProblems[0]}
            control={(props) => <input type="text" inputMode="numeric" size={4} value={line} onInput={(e) => setLine((e.currentTarget as HTMLInputElement).value)} {...props} />}
          />
          <button type="submit" id="header-line-read">
            Read the header from this line
          </button>
        </div>
      </form>
      <ErrorSummary id="columns-errors" problems={columnsProblems} attempt={columnsAttempt} intro="The file was not checked again." />
      <fieldset>
        <legend>Which column is which</legend>
        <div class="row">
          {fields.map((field: RegisterField) => (
            <Field
              key={field}
              id={`columns-${field}`}
              label={REGISTER_FIELD_LABELS[field]}
              problem={columnsProblems.find((p) => p.id === `columns-${field}`)}
              control={(props) => (
                <select
                  data-field={field}
                  value={columns[field] ?? ''}
                  onChange={(e) => {
                    const value = (e.currentTarget as HTMLSelectElement).value;
                    const next = { ...columns };
                    if (value === '') delete next[field];
                    else next[field] = value;
                    setColumns(next);
                  }}
                  {...props}
                >
                  <option value="">(none)</option>
                  {used.header.map((h, i) =>
                    h === '' ? null : (
                      <option key={i} value={h}>
                        {h}
                      </option>
                    ),
                  )}
                </select>
              )}
            />
          ))}
        </div>
      </fieldset>
      <div class="row">
        <button
          type="button"
          class="primary"
          id="columns-read"
          onClick={() => {
            setColumnsSent(columns);
            setColumnsAttempt((n) => n + 1);
            if (mappingProblems(used, fields, columns).length === 0) onRead({ columns, headerLine: used.headerLine });
          }}
        >
          Check with these columns
        </button>
        {used.from === 'remembered' ? (
          <button type="button" id="columns-forget" onClick={onForget}>
            Stop using the remembered columns for files like this
          </button>
        ) : null}
      </div>
      <p class="note">
        Columns you choose are remembered for files with the same header. On the command line: <code>--columns "{columnsOption(columns)}"</code>
        {used.headerLine > 1 ? (
          <>
            {' '}
            <code>--header-line {used.headerLine}</code>
          </>
        ) : null}
      </p>
    </details>
  );
}

/**
 * Which part of a big outcome to draw: 1 when it is first drawn, then 2, 3... up to `last`, a task
 * each after the page has painted. A whole export's outcome (1,500 pupils) is drawn a part at a time
 * (the summary and findings, the card chooser, the file's notes) so that no one task holds the
 * page's thread long (issue 13: no timer 100 ms late).
 */
function useStep(key: unknown, last: number): number {
  const [at, setAt] = useState<{ key: unknown; step: number }>({ key, step: 1 });
  const step = at.key === key ? at.step : 1;
  useEffect(() => {
    if (step >= last) return;
    const timer = setTimeout(() => setAt({ key, step: step + 1 }), 0);
    return () => clearTimeout(timer);
  }, [key, step, last]);
  return step;
}

function Checked({
  outcome,
  dismissed,
  onDismiss,
  onRestore,
  columns,
}: {
  outcome: ExportChecked;
  dismissed: ReadonlyMap<string, string>;
  onDismiss: (view: FindingView, reason: string) => void;
  onRestore: (view: FindingView) => void;
  columns: ComponentChildren;
}) {
  const [collapsed, setCollapsed] = useState(false);
  // A year's export can carry a note a pupil (1,500 UPNs failing the check letter): the first few, and the rest on request.
  const [allWarnings, setAllWarnings] = useState(false);
  const step = useStep(outcome, 3);
  // A school's own code is on hundreds of marks: said once a code, above the panel, not once a mark in it.
  const unknown = useMemo(() => groupUnknownCodes(outcome.findings), [outcome]);
  const items = useMemo<FindingView[]>(
    () =>
      outcome.findings.flatMap((finding) => {
        if (finding.rule === 'code-unknown') return [];
        const key = dismissalKey(finding);
        return [{ finding, key, onPage: false, canFix: false, dismissed: dismissed.get(key) ?? null }];
      }),
    [outcome, dismissed],
  );
  const open = items.filter((i) => i.dismissed === null);
  const errors = open.filter((i) => i.finding.severity === 'error').length;
  const persistent = outcome.pupils.filter((p) => p.persistentAbsence).length;
  const severe = outcome.pupils.filter((p) => p.severeAbsence).length;
  const state: PanelState = {
    status: 'ready',
    message: '',
    profileName: outcome.fileName,
    verified: true,
    policyName: outcome.policyName,
    today: outcome.today,
    role: outcome.role,
    pupils: outcome.pupils.length,
    items,
    problems: outcome.failures.map(
      (f) => `Could not check pupil ${f.upn}${f.date === undefined ? '' : `, ${formatSchoolDate(f.date)}${f.session === undefined ? '' : ` ${f.session}`}`}: the ${f.check} check failed (${f.message}); the other marks were checked.`,
    ),
    unchecked: [...new Set(outcome.failures.map((f) => f.upn))].map((upn) => outcome.pupils.find((p) => p.upn === upn)?.name || upn),
    fixes: [],
  };
  const actions: PanelActions = {
    show: () => {},
    fix: () => {},
    undo: () => {},
    dismiss: onDismiss,
    restore: onRestore,
    setCollapsed,
  };
  const save = () => {
    const stem = outcome.fileName.replace(/\.[^.]+$/, '');
    // The unknown codes' marks are listed one a row in the file: a list to work through in the MIS.
    const unknownMarks = outcome.findings.filter((f) => f.rule === 'code-unknown');
    downloadText(`markwise-findings-${stem}-${outcome.today}.csv`, findingsCsv([...open.map((i) => i.finding), ...unknownMarks]), 'text/csv;charset=utf-8');
  };
  return (
    <section aria-labelledby="result-h" class="summary" data-outcome="checked" data-findings={open.length}>
      <h2 id="result-h">
        {outcome.fileName}: {plural(errors, 'error')}, {plural(open.length - errors, 'warning')}
        {unknown.length > 0 ? `, ${plural(unknown.reduce((n, u) => n + u.marks, 0), 'mark')} in codes Markwise does not know` : ''}
      </h2>
      <p>
        {plural(outcome.pupils.length, 'pupil')} and {plural(outcome.marks, 'mark')}, checked against {outcome.policyName} as of {formatSchoolDate(outcome.today)}, with the codes{' '}
        {outcome.role === 'teacher' ? 'teachers' : 'office staff'} may enter.
      </p>
      <p>
        {plural(persistent, 'pupil')} persistently absent (missing {outcome.policy.thresholds.persistentAbsence}% or more), {severe} of them severely ({outcome.policy.thresholds.severeAbsence}% or more), by the sessions in this file.
      </p>
      {unknown.length > 0 ? (
        <div class="problems" id="unknown-codes">
          <p>Codes Markwise does not know (their marks could not be checked):</p>
          <ul>
            {unknown.map((u) => (
              <li key={u.code} data-code={u.code} data-marks={u.marks}>
                {unknownCodeMessage(u)}
              </li>
            ))}
          </ul>
          <p>
            <a href="./options.html#school-codes">Add the school's own codes on the options page</a>
          </p>
        </div>
      ) : null}
      <div class="notice" id="read-notes" data-shape={outcome.details.shape}>
        <p>How the file was read:</p>
        <ul>
          {outcome.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
        {columns}
      </div>
      {outcome.encoding === 'windows-1252' ? (
        <p class="notice" data-encoding="windows-1252">
          The file is not UTF-8, so it was read as Windows-1252 (how Excel and SIMS on Windows often save CSV). If names look wrong, save the export as “CSV UTF-8” and check it again.
        </p>
      ) : null}
      {step >= 3 && outcome.fileWarnings.length > 0 ? (
        <div class="notice" id="file-warnings">
          <p>About the file (these did not stop the check): {plural(outcome.fileWarnings.length, 'note')}</p>
          <ul>
            {outcome.fileWarnings.slice(0, allWarnings ? undefined : WARNINGS_SHOWN).map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          {!allWarnings && outcome.fileWarnings.length > WARNINGS_SHOWN ? (
            <button type="button" id="file-warnings-all" onClick={() => setAllWarnings(true)}>
              Show the other {number(outcome.fileWarnings.length - WARNINGS_SHOWN)}
            </button>
          ) : null}
        </div>
      ) : null}
      {outcome.warnings.length > 0 ? (
        <div class="notice">
          <p>About the policy:</p>
          <ul>
            {outcome.warnings.map((w) => (
              <li key={w.path + w.message}>
                {describePolicyProblem(w)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        <button type="button" class="primary" onClick={save} id="download-findings" disabled={open.length + unknown.length === 0}>
          Download the {plural(open.length + unknown.reduce((n, u) => n + u.marks, 0), 'finding')} (CSV)
        </button>{' '}
        <span class="note">Dismissed findings are left out of the file.</span>
      </p>
      <ShadowPanel state={state} actions={actions} collapsed={collapsed} />
      {step >= 2 ? <CardChooser outcome={outcome} /> : null}
    </section>
  );
}

/** The export's own figure for the school year to today: a whole year's export is a year-to-date figure. */
function exportYearToDate(outcome: ExportChecked, upn: string): YearToDateFigure | null {
  const attendance = outcome.pupils.find((p) => p.upn === upn)?.attendance ?? null;
  return attendance === null ? null : { attendance, source: `${outcome.fileName}, school year ${academicYearLabel(outcome.today)} to date`, asOf: outcome.today };
}

function CardChooser({ outcome }: { outcome: ExportChecked }) {
  const [upn, setUpn] = useState('');
  const heads = outcome.cards.cards;
  const order = useMemo(() => {
    // One collator for the 1,500 names' comparisons (the order of localeCompare(…, 'en-GB')).
    const compare = new Intl.Collator('en-GB').compare;
    return heads.map((c, i) => [c, i] as const).sort(([a], [b]) => compare(a.name, b.name));
  }, [heads]);
  // Only the chosen pupil's card is unpacked (the worker sends them packed: check-export.ts).
  const card = useMemo(() => {
    const index = heads.findIndex((c) => c.upn === upn);
    return index < 0 ? undefined : unpackCard(outcome.cards, index);
  }, [outcome, upn]);
  return (
    <section aria-labelledby="card-chooser-h" class="cards">
      <h2 id="card-chooser-h">Pupil card</h2>
      <label>
        Pupil
        <select id="card-pupil" value={upn} onChange={(e) => setUpn((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">Choose a pupil…</option>
          {order.map(([c]) => (
            <option key={c.upn} value={c.upn}>
              {c.name} ({c.upn})
            </option>
          ))}
        </select>
      </label>
      {card ? <PupilCard card={card} findings={outcome.findings} policy={outcome.policy} yearToDate={exportYearToDate(outcome, card.upn)} noFindings="None in this export." /> : null}
    </section>
  );
}

function DropZone({ onFile, children }: { onFile: (file: File) => void; children: ComponentChildren }) {
  const [over, setOver] = useState(false);
  return (
    <div
      class={`drop${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer?.files[0];
        if (file !== undefined) onFile(file);
      }}
    >
      {children}
    </div>
  );
}

function CheckPage() {
  const [policies, setPolicies] = useState<PolicyListing[]>([]);
  const [policyId, setPolicyId] = useState<string | null>(null);
  const [today, setToday] = useState<string>('');
  const [role, setRole] = useState<Role>('office');
  const [file, setFile] = useState<Chosen | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlyMap<string, string>>(new Map());
  const [reading, setReading] = useState<Reading>({});
  const [remembered, setRemembered] = useState<Readonly<Record<string, ColumnMapping>> | null>(null);
  const run = useCheck(file, policyId, today, role, reading, remembered);
  // The date is said at its field once the page has its settings (the policy comes with them); the summary focused when it is sent.
  const todayProblems: FieldProblem[] =
    policyId !== null && !isIsoDate(today)
      ? [{ id: 'check-today', summary: 'As of: enter the date to check the register as of, such as 26/11/2025', message: 'Enter the date to check the register as of, such as 26/11/2025' }]
      : [];
  const [todayAttempt, setTodayAttempt] = useState(0);
  const todaySent = useSentWhenDone(() => setTodayAttempt((n) => n + 1));

  // Columns the person chose, once a check by them has worked, are remembered for files with this header.
  useEffect(() => {
    if (run.state !== 'done' || !run.outcome.ok || run.outcome.columnsUsed?.from !== 'chosen' || remembered === null) return;
    const used = run.outcome.columnsUsed;
    const key = shapeKey(used.header);
    if (JSON.stringify(remembered[key]) === JSON.stringify(used.columns)) return;
    const next = { ...remembered, [key]: used.columns };
    void store.setSetting('exportColumns', next);
  }, [run]);
  const forget = (used: ColumnsUsed) => {
    if (remembered === null) return;
    const next = { ...remembered };
    delete next[shapeKey(used.header)];
    void store.setSetting('exportColumns', next).then(() => {
      setRemembered(next);
      setReading({});
    });
  };
  const columnsFor = (used: ColumnsUsed | null | undefined, open: boolean) => (used === null || used === undefined ? null : <ColumnsForm used={used} open={open} onRead={setReading} onForget={() => forget(used)} />);

  useEffect(() => {
    void (async () => {
      // The check page keeps its own dismissals: none made on an MIS site applies here, nor the other way.
      const [listed, active, todaySetting, dismissals, columns] = await Promise.all([
        store.listPolicies(),
        store.activePolicy(),
        store.getSetting('today'),
        store.dismissedOn(EXPORT_CHECK_SITE),
        store.getSetting('exportColumns'),
      ]);
      setRemembered(columns);
      setPolicies(listed);
      setPolicyId(active.id);
      setToday(todayOf(todaySetting));
      setDismissed(dismissals);
    })();
  }, []);

  const choose = (chosen: File) => {
    setReading({});
    setFile({ name: chosen.name, file: chosen });
  };
  const onDismiss = async (view: FindingView, reason: string) => {
    const { rule, upn, date, session } = view.finding;
    await store.dismiss({ site: EXPORT_CHECK_SITE, rule, upn, date, session, reason });
    setDismissed((before) => new Map(before).set(view.key, reason));
    await notifyStorageChanged();
  };
  const onRestore = async (view: FindingView) => {
    await store.undismiss(storedDismissalKey(EXPORT_CHECK_SITE, view.key));
    setDismissed((before) => {
      const after = new Map(before);
      after.delete(view.key);
      return after;
    });
    await notifyStorageChanged();
  };

  return (
    <>
      <header>
        <h1>Markwise: check a register export</h1>
        <nav aria-label="Markwise pages">
          <a href="./dashboard.html">Follow-up list</a> <a href="./options.html">Options</a>
        </nav>
      </header>
      <main>
        <section aria-labelledby="file-h">
          <h2 id="file-h">The export</h2>
          <ErrorSummary id="check-errors" problems={todayProblems} attempt={todayAttempt} intro="Nothing can be checked until it is put right." />
          <p class="note">
            For an MIS on the desktop (such as SIMS), or a whole year at once: the register as your MIS exports it. Markwise reads a CSV with a row a pupil and session (its columns are
            found from their headings, such as UPN, Student, Attendance Date, Session, Mark, Minutes Late, and you can correct them), a week grid with a column a session, or a Common
            Transfer File (CTF, XML). The file is read on this computer and is not stored or sent anywhere.
          </p>
          <DropZone onFile={choose}>
            <label>
              Choose a register export (CSV or CTF), or drop it here
              <input
                type="file"
                id="export-file"
                accept=".csv,.txt,.json,.xml,text/csv,application/json,application/xml,text/xml"
                onChange={(e) => {
                  const chosen = (e.currentTarget as HTMLInputElement).files?.[0];
                  if (chosen !== undefined) choose(chosen);
                }}
              />
            </label>
          </DropZone>
          <div class="row">
            <label>
              Policy
              <select id="check-policy" value={policyId ?? ''} onChange={(e) => setPolicyId((e.currentTarget as HTMLSelectElement).value)}>
                {policies.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <Field
              id="check-today"
              label="As of"
              problem={todayProblems[0]}
              control={(props) => (
                <input
                  type="date"
                  value={today}
                  required
                  onInput={(e) => {
                    todaySent.changed();
                    setToday((e.currentTarget as HTMLInputElement).value);
                  }}
                  onChange={(e) => setToday((e.currentTarget as HTMLInputElement).value)}
                  {...todaySent.done}
                  {...props}
                />
              )}
            />
            <label>
              Codes entered by
              <select id="check-role" value={role} onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value as Role)}>
                <option value="office">office staff</option>
                <option value="teacher">teachers</option>
              </select>
            </label>
          </div>
        </section>
        <div aria-live="polite">
          {run.state === 'working' ? <Progress name={run.name} progress={run.progress} /> : null}
          {run.state === 'done' && !run.outcome.ok ? <Refused outcome={run.outcome} /> : null}
        </div>
        {run.state === 'done' && !run.outcome.ok ? columnsFor(run.outcome.columnsUsed, true) : null}
        {run.state === 'done' && run.outcome.ok ? (
          <Checked outcome={run.outcome} dismissed={dismissed} onDismiss={(v, r) => void onDismiss(v, r)} onRestore={(v) => void onRestore(v)} columns={columnsFor(run.outcome.columnsUsed, false)} />
        ) : null}
      </main>
    </>
  );
}

render(<CheckPage />, document.getElementById('app')!);

