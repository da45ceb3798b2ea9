// Term dates from an iCalendar file, into the active policy. An imported academic year replaces the
// year of the same label whole: when that would remove or move terms or closures already in the
// policy, the page shows each change, with school days per term before and after, and asks first.

import { useState } from 'preact/hooks';
import { parseTermDatesIcs } from '../../rules/calendar/ical';
import { describeClosure, describeTerm, termDatesChanges, type TermDatesChanges } from '../../rules/calendar/term-changes';
import { termCoverageWarnings } from '../../rules/calendar/term-coverage';
import type { AcademicYear, Policy } from '../../rules/policy/schema';
import type { InputProblem } from '../../rules/validation';
import type { MarkwiseStore } from '../../storage/store';
import { OutcomeView, type Outcome } from './outcome';

interface Pending {
  file: string;
  years: AcademicYear[];
  warnings: string[];
  changes: TermDatesChanges;
}

const CHANGE_WORDS = { added: 'added', removed: 'removed', changed: 'changed', unchanged: 'no change' } as const;

const describe = (problems: readonly InputProblem[]) => problems.map((p) => `${p.path}: ${p.message}`);

/** The changes for the outcome after an import: one line per term or closure that is not the same. */
function changeLines(changes: TermDatesChanges): string[] {
  return [
    ...changes.terms
      .filter((t) => t.change !== 'unchanged')
      .map((t) => `${t.year} ${t.term} term ${CHANGE_WORDS[t.change]}: ${t.schoolDaysBefore} school days before, ${t.schoolDaysAfter} after.`),
    ...changes.closures.map((c) => `${c.year} ${CHANGE_WORDS[c.change]}: ${describeClosure((c.after ?? c.before)!)}.`),
  ];
}

export function TermDatesImport(props: { store: MarkwiseStore; policyId: string; policy: Policy | null; locked: boolean; onImported: () => Promise<void>; changed: () => Promise<void> }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const save = async (p: Pending) => {
    setPending(null);
    const result = await props.store.importTermDates(props.policyId, p.years);
    if (!result.ok) {
      setOutcome({ kind: 'problems', message: 'The term dates were not imported: nothing has changed.', problems: describe(result.problems) });
      return;
    }
    await props.changed();
    const labels = new Set(p.years.map((y) => y.label));
    const coverage = termCoverageWarnings(result.policy.calendar.academicYears.filter((y) => labels.has(y.label))).map((w) => w.message);
    setOutcome({ kind: 'ok', message: `Imported term dates for ${p.years.map((y) => y.label).join(', ')}.`, details: [...changeLines(p.changes), ...coverage, ...p.warnings] });
    await props.onImported();
  };

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    const parsed = parseTermDatesIcs(await file.text());
    if (!parsed.ok) {
      setPending(null);
      setOutcome({ kind: 'problems', message: 'The term dates were not imported: nothing has changed.', problems: parsed.problems.map((p) => (p.line === null ? p.message : `line ${p.line}: ${p.message}`)) });
      return;
    }
    if (props.policy === null) {
      setOutcome({ kind: 'problems', message: 'The term dates were not imported: nothing has changed.', problems: ['the policy Markwise checks by could not be read'] });
      return;
    }
    const next: Pending = { file: file.name, years: parsed.years, warnings: parsed.warnings, changes: termDatesChanges(props.policy.calendar, parsed.years) };
    setOutcome(null);
    // Adding years or terms is saved at once; removing or moving anything already there is asked about.
    if (next.changes.removesOrChanges) setPending(next);
    else await save(next);
  };

  const cancel = () => {
    setPending(null);
    setOutcome({ kind: 'ok', message: 'The term dates were not imported: nothing has changed.' });
  };

  return (
    <>
      <div class="row">
        <label>
          Import term dates (iCalendar .ics) into this policy
          <input type="file" id="terms-import" accept=".ics,text/calendar" disabled={props.locked} onChange={(e) => void choose(e.currentTarget as HTMLInputElement)} />
        </label>
      </div>
      {pending !== null ? <TermsPreview pending={pending} onConfirm={() => void save(pending)} onCancel={cancel} /> : null}
      <OutcomeView outcome={outcome} id="terms-import-result" />
    </>
  );
}

function TermsPreview({ pending, onConfirm, onCancel }: { pending: Pending; onConfirm: () => void; onCancel: () => void }) {
  const { changes } = pending;
  const labels = [...new Set(changes.terms.map((t) => t.year))];
  const removed = changes.terms.filter((t) => t.change === 'removed');
  const coverage = termCoverageWarnings(changes.academicYears.filter((y) => labels.includes(y.label)));
  return (
    <div id="terms-import-preview" class="problems" role="group" aria-labelledby="terms-preview-h">
      <h3 id="terms-preview-h">Check before importing {pending.file}</h3>
      <p>
        Importing replaces each school year in the file whole. This file would remove or change term dates already in the policy. Nothing has changed yet.
      </p>
      {labels.map((label) => (
        <table key={label}>
          <caption>{label}</caption>
          <thead>
            <tr>
              <th scope="col">Term</th>
              <th scope="col">Change</th>
              <th scope="col">Now</th>
              <th scope="col">After the import</th>
              <th scope="col">School days now</th>
              <th scope="col">School days after</th>
            </tr>
          </thead>
          <tbody>
            {changes.terms
              .filter((t) => t.year === label)
              .map((t) => (
                <tr key={t.term} data-term={t.term} data-change={t.change}>
                  <th scope="row">{t.term} term</th>
                  <td>{t.change === 'removed' ? <strong>removed</strong> : CHANGE_WORDS[t.change]}</td>
                  <td>{t.before === null ? 'not in the policy' : describeTerm(t.before)}</td>
                  <td>{t.after === null ? 'not in the file' : describeTerm(t.after)}</td>
                  <td data-days="before">{t.schoolDaysBefore}</td>
                  <td data-days="after">{t.schoolDaysAfter}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
      {changes.closures.length > 0 ? (
        <ul aria-label="Training days and closures">
          {changes.closures.map((c) => (
            <li key={`${c.year}${c.change}${(c.after ?? c.before)!.start}`} data-closure-change={c.change}>
              {c.year}, {CHANGE_WORDS[c.change]}: {describeClosure((c.after ?? c.before)!)}
              {c.change === 'changed' ? ` (was ${describeClosure(c.before!)})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {coverage.length > 0 ? (
        <ul aria-label="After the import">
          {coverage.map((w) => (
            <li key={w.message}>{w.message}</li>
          ))}
        </ul>
      ) : null}
      <div class="row">
        <button type="button" class="danger" id="terms-import-confirm" onClick={onConfirm}>
          {removed.length > 0 ? `Import, removing the ${removed.map((t) => `${t.year} ${t.term}`).join(', ')} ${removed.length === 1 ? 'term' : 'terms'}` : 'Import these changes'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
