// The options page: the school's policy (choose, edit, import, export), its
// calendar, the MIS sites Markwise runs on, the date it checks as of,
// dismissed findings, and what is stored, with a button that deletes it all.
// It runs in the extension's own origin and uses the store directly; after
// every change it asks the background to rebuild what pages read.

import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { termCoverageWarnings } from '../../rules/calendar/term-coverage';
import { noTermDatesNotice } from '../../rules/calendar/no-term-dates';
import { profileLabel } from '../../sites/profile-label';
import { describeProfileProblem } from '../../sites/profile-labels';
import { formatSchoolDate, type IsoDate } from '../../rules/dates';
import { parsePolicy, type Policy } from '../../rules/policy/schema';
import { BUILTIN_PROFILES, DEMO_PROFILE_IDS } from '../../sites';
import { parseSiteProfiles } from '../../sites/profile-import';
import { UNKNOWN_SITE, type Dismissal } from '../../storage/db';
import { downloadText } from '../../components/download';
import { SCHEMA_VERSION } from '../../sites/profile';
import { notifyStorageChanged, openExtensionStore } from '../../storage/extension-store';
import { FAR_AHEAD_DAYS, type ActivePolicy, type PolicyListing, type Retention, type RetentionCounts, type RetentionOutcome, type SiteGrant, type StorageSummary } from '../../storage/store';
import { isManaged, type ManagedSettings } from '../../storage/managed';
import type { InputProblem } from '../../rules/validation';
import { EXPORT_CHECK_SITE, todayOf } from '../../storage/bundle';
import { OutcomeView, type Outcome } from './outcome';
import { ReportSection } from './report-import';
import { TermDatesImport } from './terms-import';
import { applyForm, dfeCodeChoices, formFromPolicy, policyFieldId, readClockTime, readSiteOrigin, TIME_EXPECTED, TIME_FIELDS, withClockTimes, type PolicyForm, type SchoolCodeRow } from './policy-form';
import { atField, ErrorSummary, Field, type FieldProblem } from './error-summary';
import { describePolicyProblem, policyFieldLabel } from '../../rules/policy/labels';
import { SCHOOL_CODE_MAX_LENGTH, type SchoolCodeField } from '../../rules/policy/school-codes';
import { isUnencrypted, UNENCRYPTED_WARNING } from '../../storage/site-origin';
import { grantedSiteList, notGranted, type GrantedSite } from './site-access';
import { bandAndTierWarnings } from '../../rules/policy/warnings';

const release = import.meta.env.MARKWISE_RELEASE === 'true';
const store = openExtensionStore();

const changed = notifyStorageChanged;

async function readFile(input: HTMLInputElement): Promise<string | null> {
  const file = input.files?.[0];
  if (file === undefined) return null;
  return file.text();
}

const download = (name: string, text: string) => downloadText(name, text, 'application/json');

const describe = (problems: readonly InputProblem[]) => problems.map((p) => `${p.path}: ${p.message}`);
/** A policy's problems with each field said by its label ("Morning register closes: …"), not its schema path. */
const describePolicy = (problems: readonly InputProblem[]) => problems.map(describePolicyProblem);

interface State {
  policies: PolicyListing[];
  activeId: string;
  activeOrigin: ActivePolicy['origin'];
  activeInput: unknown;
  policy: Policy | null;
  sites: SiteGrant[];
  today: { mode: 'real' } | { mode: 'fixed'; date: string };
  dismissals: Dismissal[];
  summary: StorageSummary | null;
  storedProfiles: { id: string; name: string; verified: boolean }[];
  /** Profiles made with "Teach Markwise this page" (issue 16): where, when, and the profile itself, for export. */
  taughtProfiles: { id: string; name: string; taughtOn: string; savedAt: string; profile: unknown }[];
  /** Stored profiles that today's import checks refuse (saved before them): not used on pages. */
  refusedProfiles: string[];
  retention: Retention;
  /** Retention as applied on opening, by the real date: what went, and what waits for a yes. */
  retained: RetentionOutcome;
  managed: ManagedSettings;
  /** For each site an administrator set: whether this browser has given Markwise access to it. */
  siteAccess: Record<string, boolean>;
  held: { figures: number; reports: number; nRecords: number; oldest: string | null };
  /** Site access the browser gives Markwise now, and whether it can be taken back here (not what this build's manifest needs). */
  granted: GrantedSite[];
}

/** The host access the browser gives Markwise, as match patterns ('https://mis.example/*'). */
async function grantedSites(): Promise<State['granted']> {
  const all = await browser.permissions.getAll();
  return grantedSiteList(all.origins ?? [], browser.runtime.getManifest());
}

async function load(): Promise<State> {
  // What the privacy section shows is what is held after the retention setting has been applied.
  const retained = await store.applyRetention();
  const [policies, active, sites, today, dismissals, summary, stored, retention, held, managed, granted] = await Promise.all([
    store.listPolicies(),
    store.activePolicy(),
    store.sites(),
    store.getSetting('today'),
    store.dismissals(),
    store.summary(),
    store.siteProfiles(),
    store.getSetting('retention'),
    store.heldAbout(),
    store.managed(),
    grantedSites(),
  ]);
  const siteAccess: Record<string, boolean> = {};
  for (const site of sites) {
    if (site.managed) siteAccess[site.origin] = await browser.permissions.contains({ origins: [`${site.origin}/*`] }).catch(() => false);
  }
  const parsed = parsePolicy(active.input);
  return {
    policies,
    activeId: active.id,
    activeOrigin: active.origin,
    activeInput: active.input,
    policy: parsed.ok ? parsed.policy : null,
    sites,
    today,
    dismissals,
    summary,
    retention,
    retained,
    held,
    managed,
    siteAccess,
    granted,
    refusedProfiles: stored.flatMap((s) => {
      const parsed = parseSiteProfiles({ profiles: [s.profile] });
      return parsed.ok ? [] : parsed.problems.map((p) => `${s.id}: ${describeProfileProblem(p).replace(/^Profile 1, /, '')}`);
    }),
    storedProfiles: stored.map((s) => {
      const p = s.profile as { id: string; name: string; verified: boolean };
      return { id: p.id, name: p.name, verified: p.verified };
    }),
    taughtProfiles: stored.flatMap((s) => (s.taughtOn === undefined ? [] : [{ id: s.id, name: (s.profile as { name: string }).name, taughtOn: s.taughtOn, savedAt: s.savedAt, profile: s.profile }])),
  };
}

const DFE_CODE_CHOICES = dfeCodeChoices();

/** When a profile was saved, in en-GB and Europe/London: "4 December 2026 at 17:20". */
function formatSavedAt(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return 'date not known';
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(at);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }).format(at);
  return `${day} at ${time}`;
}

/**
 * The policy's table of the school's own codes: a row each (the code, the DfE code it stands for
 * from a list with each code's meaning, its name), added and removed here and saved with the
 * policy. A row with a mistake is marked at its field (GOV.UK's error message pattern).
 */
function SchoolCodesFieldset({ rows, problems, onChange }: { rows: SchoolCodeRow[]; problems: readonly FieldProblem[]; onChange: (rows: SchoolCodeRow[], clearErrors?: boolean) => void }) {
  const field = (i: number, key: SchoolCodeField, label: string, control: Parameters<typeof Field>[0]['control']) => {
    const id = `school-code-${i + 1}-${key}`;
    return <Field id={id} label={label} problem={problems.find((p) => p.id === id)} control={control} />;
  };
  const edit = (i: number, patch: Partial<SchoolCodeRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset id="school-codes" aria-describedby="school-codes-note">
      <legend>The school's own codes</legend>
      <p class="note" id="school-codes-note">
        Codes and sub-codes your MIS uses that are not DfE codes (such as I01, or SIMS's 7, = and [), each read as the DfE code it stands for when an export is checked. A mark
        that is neither a DfE code nor listed here is reported as not a DfE code, once for each code.
      </p>
      {rows.length === 0 ? <p id="school-codes-none">None: every mark is read as written.</p> : null}
      {rows.map((row, i) => (
        <div class="row school-code" key={i} role="group" aria-label={`School code ${i + 1}`}>
          {field(i, 'code', `Code (as the MIS writes it, up to ${SCHOOL_CODE_MAX_LENGTH} characters)`, (props) => (
            <input type="text" size={6} autoComplete="off" spellcheck={false} value={row.code} onInput={(e) => edit(i, { code: (e.currentTarget as HTMLInputElement).value })} {...props} />
          ))}
          {field(i, 'dfe', 'DfE code it stands for', (props) => (
            <select value={row.dfe} onChange={(e) => edit(i, { dfe: (e.currentTarget as HTMLSelectElement).value })} {...props}>
              <option value="">Choose a DfE code</option>
              {DFE_CODE_CHOICES.map((c) => (
                <option value={c.code} key={c.code}>
                  {c.label}
                </option>
              ))}
            </select>
          ))}
          {field(i, 'name', "Name (what the school calls it)", (props) => (
            <input type="text" value={row.name} onInput={(e) => edit(i, { name: (e.currentTarget as HTMLInputElement).value })} {...props} />
          ))}
          <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i), true)}>
            Remove school code {i + 1}
          </button>
        </div>
      ))}
      <button type="button" id="add-school-code" onClick={() => onChange([...rows, { code: '', dfe: '', name: '' }])}>
        Add a school code
      </button>
    </fieldset>
  );
}

/** A policy's problems as the form shows them: at the field each is about (a time that is not one says what a time looks like), and in the summary with its label. */
function policyProblems(problems: readonly InputProblem[], typed: PolicyForm): FieldProblem[] {
  return problems.map((p) => {
    const id = policyFieldId(p.path);
    const time = (Object.keys(TIME_FIELDS) as (keyof typeof TIME_FIELDS)[]).find((k) => TIME_FIELDS[k] === p.path);
    const unreadable = time !== undefined && readClockTime(typed[time]) === null;
    const message = unreadable ? TIME_EXPECTED : atField(p.message);
    return { id, summary: unreadable ? `${policyFieldLabel(p.path)}: ${TIME_EXPECTED.charAt(0).toLowerCase()}${TIME_EXPECTED.slice(1)}` : describePolicyProblem(p), message };
  });
}

/** Where two forms differ, setting by setting, with each side in the form's words. */
function formChanges(a: PolicyForm, b: PolicyForm): { label: string; now: string; after: string }[] {
  const out: { label: string; now: string; after: string }[] = [];
  const simple: [keyof PolicyForm, string][] = [
    ['schoolName', 'schoolName'],
    ...(Object.entries(TIME_FIELDS) as [keyof PolicyForm, string][]),
    ['limitSchoolDays', 'unexplainedAbsence.limitSchoolDays'],
    ['warnWhenSchoolDaysLeft', 'unexplainedAbsence.warnWhenSchoolDaysLeft'],
    ['teacherCodes', 'codes.teacher'],
    ['attendanceTarget', 'attendanceTarget'],
  ];
  for (const [key, path] of simple) if (a[key] !== b[key]) out.push({ label: policyFieldLabel(path), now: String(a[key]) || 'none', after: String(b[key]) || 'none' });
  const list = <T,>(path: string, x: T[], y: T[], names: (v: T) => string) => {
    const [now, after] = [x.map(names).join(', '), y.map(names).join(', ')];
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ label: policyFieldLabel(path), now: now || 'none', after: after || 'none' });
  };
  list('bands', a.bands, b.bands, (band: PolicyForm['bands'][number]) => band.name);
  list('tiers', a.tiers, b.tiers, (tier: PolicyForm['tiers'][number]) => `${tier.level} ${tier.name}`);
  list('schoolCodes', a.schoolCodes, b.schoolCodes, (code: SchoolCodeRow) => code.code);
  return out;
}

/** What choosing another policy changes, setting by setting, in the form's words: 'Morning register closes: 08:55 now, 09:00 after'. */
function policyChanges(from: unknown, to: unknown): string[] {
  return formChanges(formFromPolicy(from), formFromPolicy(to)).map((c) => `${c.label}: ${c.now} now, ${c.after} after`);
}

/** The settings typed in the form and not saved, by label (a time typed as 9.15 where 09:15 is saved is no edit). */
function unsavedEdits(activeInput: unknown, form: PolicyForm): string[] {
  return formChanges(formFromPolicy(activeInput), withClockTimes(form)).map((c) => c.label);
}

function PolicySection({ state, reload }: { state: State; reload: () => Promise<void> }) {
  const [form, setForm] = useState<PolicyForm>(() => formFromPolicy(state.activeInput));
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [chooseOutcome, setChooseOutcome] = useState<Outcome>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  // Another policy chosen and not yet confirmed: what it would change.
  const [asking, setAsking] = useState<{ id: string; name: string; changes: string[]; edits: string[] } | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  // Edits lost when the policy changed under them (an import, another window): said, never dropped silently.
  const [lostEdits, setLostEdits] = useState<Outcome>(null);
  const typed = useRef(form);
  typed.current = form;
  const shown = useRef(state.activeInput);
  /** The question before choosing another policy already named the edits: not said twice. */
  const editsNamed = useRef(false);
  useEffect(() => {
    const before = shown.current;
    shown.current = state.activeInput;
    if (before !== state.activeInput && !editsNamed.current) {
      // Typed against the policy before, and not what the policy now says (a save leaves nothing lost).
      const now = new Set(unsavedEdits(state.activeInput, typed.current));
      const lost = unsavedEdits(before, typed.current).filter((label) => now.has(label));
      setLostEdits(lost.length > 0 ? { kind: 'problems', message: 'The policy changed before your edits were saved (an import, or Markwise\'s options in another window), so these edits are gone:', problems: lost } : null);
    } else setLostEdits(null);
    editsNamed.current = false;
    setForm(formFromPolicy(state.activeInput));
    setProblems([]);
  }, [state.activeInput]);
  useEffect(() => {
    if (asking !== null) confirmRef.current?.focus();
  }, [asking?.id]);
  const set = (patch: Partial<PolicyForm>) => setForm({ ...form, ...patch });
  const problemAt = (id: string) => problems.find((p) => p.id === id);
  const field = (label: string, key: keyof PolicyForm, numeric = false) => {
    const time = key in TIME_FIELDS;
    return (
      <Field
        id={`policy-${key}`}
        label={label}
        problem={problemAt(`policy-${key}`)}
        control={(props) => (
          <input
            type="text"
            inputMode={numeric ? 'decimal' : 'text'}
            autoComplete="off"
            value={form[key] as string}
            onInput={(e) => set({ [key]: (e.currentTarget as HTMLInputElement).value } as Partial<PolicyForm>)}
            // A time typed as staff write it ('9.30', '9:30am') is written back as the policy keeps it: 09:30.
            onBlur={time ? (e) => set({ [key]: readClockTime((e.currentTarget as HTMLInputElement).value) ?? (e.currentTarget as HTMLInputElement).value } as Partial<PolicyForm>) : undefined}
            {...props}
          />
        )}
      />
    );
  };
  const save = async () => {
    const typed = withClockTimes(form);
    setForm(typed);
    const edited = applyForm(state.activeInput, typed);
    const result = await store.savePolicy(edited, 'edited');
    if (!result.ok) {
      setProblems(policyProblems(result.problems, typed));
      setAttempt((n) => n + 1);
      setOutcome(null);
      return;
    }
    setProblems([]);
    await changed();
    // A line on neither side of two bands, or on both, is legal but almost always a slip: say so at once.
    const lines = bandAndTierWarnings(result.policy).map(describePolicyProblem);
    setOutcome({ kind: 'ok', message: `Saved. Markwise now checks by ${result.policy.schoolName}'s policy.${lines.length > 0 ? ' Please look again at:' : ''}`, details: lines });
    await reload();
  };
  // Choosing a policy replaces every setting Markwise checks by: asked first, with what changes.
  const ask = async (id: string) => {
    setChooseOutcome(null);
    if (id === state.activeId) return setAsking(null);
    const next = await store.policyInput(id);
    const listing = state.policies.find((p) => p.id === id);
    if (next === null || listing === undefined) return;
    setChosen(id);
    // Edits typed here and not saved are lost when another policy is chosen: named in the question, never dropped silently.
    setAsking({ id, name: listing.name, changes: policyChanges(state.activeInput, next.input), edits: unsavedEdits(state.activeInput, form) });
  };
  const cancel = () => {
    const name = state.policies.find((p) => p.id === state.activeId)?.name ?? state.activeId;
    setAsking(null);
    setChosen(null);
    setChooseOutcome({ kind: 'ok', message: `Nothing has changed: Markwise still checks by ${name}.` });
    document.getElementById('active-policy')?.focus();
  };
  const choose = async (id: string, changes: string[], edits: readonly string[]) => {
    editsNamed.current = edits.length > 0;
    setAsking(null);
    setChosen(null);
    const result = await store.setActivePolicy(id);
    if (!result.ok) {
      // Nothing changed, so nothing was lost: a later change under the edits is still said.
      editsNamed.current = false;
      setChooseOutcome({ kind: 'problems', message: 'That policy could not be chosen:', problems: describePolicy(result.problems) });
    } else {
      await changed();
      const name = state.policies.find((p) => p.id === id)?.name ?? id;
      const dropped = edits.length > 0 ? ' Your edits to the policy it checked by before were not saved, and are gone.' : '';
      setChooseOutcome({ kind: 'ok', message: `Markwise now checks by ${name}.${dropped}${changes.length > 0 ? ' What changed:' : ' Its settings are the same as before.'}`, details: changes });
    }
    await reload();
    // The question is gone: focus goes back to the choice, not to the page's top.
    document.getElementById('active-policy')?.focus();
  };
  const locked = state.activeOrigin === 'managed';
  return (
    <section data-section="policy" aria-labelledby="policy-h">
      <h2 id="policy-h">Policy</h2>
      {locked ? (
        <p id="policy-locked" class="locked">
          <span aria-hidden="true">🔒 </span>Locked: Markwise checks by <strong>{state.policy?.schoolName}</strong>'s policy, set for every browser by {state.managed.managedBy}. It cannot be
          chosen, edited or imported over here.
        </p>
      ) : null}
      <label>
        The policy Markwise checks by
        <select id="active-policy" value={chosen ?? state.activeId} disabled={locked} onChange={(e) => void ask((e.currentTarget as HTMLSelectElement).value)}>
          {locked ? (
            <option value={state.activeId}>
              {state.policy?.schoolName} (set by {state.managed.managedBy})
            </option>
          ) : null}
          {state.policies.map((p) => (
            <option value={p.id} key={p.id}>
              {p.name} ({p.origin === 'preset' ? 'preset' : p.origin === 'edited' ? 'edited' : 'imported'})
            </option>
          ))}
        </select>
      </label>
      {asking !== null ? (
        <div id="policy-choose-confirm" class="problems" role="group" aria-labelledby="policy-choose-h" tabIndex={-1} ref={confirmRef}>
          <h3 id="policy-choose-h">Check by {asking.name} instead?</h3>
          <p>
            Markwise would check every register by {asking.name}, replacing the settings it checks by now.{' '}
            {asking.changes.length > 0 ? 'These would change:' : 'Its settings are the same as those it checks by now.'} Nothing has changed yet.
          </p>
          {asking.changes.length > 0 ? (
            <ul>
              {asking.changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          ) : null}
          <p class="note">The policy it checks by now stays in the list, and can be chosen again.</p>
          {asking.edits.length > 0 ? (
            <p id="policy-choose-edits">
              <strong>Your edits to this policy are not saved: {asking.edits.join(', ')}.</strong> Checking by {asking.name} discards them. To keep them, choose Cancel, then Save.
            </p>
          ) : null}
          <div class="row">
            <button type="button" class="primary" id="policy-choose-yes" onClick={() => void choose(asking.id, asking.changes, asking.edits)}>
              {asking.edits.length > 0 ? `Discard my edits and check by ${asking.name}` : `Yes, check by ${asking.name}`}
            </button>
            <button type="button" id="policy-choose-cancel" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <OutcomeView outcome={chooseOutcome} id="policy-choose-result" />
      {state.policy?.notes.length ? (
        <details>
          <summary>What this policy had to assume ({state.policy.notes.length})</summary>
          <ul>
            {state.policy.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <h3>Edit this policy</h3>
      <OutcomeView outcome={lostEdits} id="policy-edits-lost" />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ErrorSummary id="policy-errors" problems={problems} attempt={attempt} intro="The policy was not saved: nothing has changed. Please correct:" />
        <fieldset disabled={locked} class="plain">
        <legend class="visually-hidden">The policy's settings{locked ? ' (locked)' : ''}</legend>
        <div class="row">{field('School name', 'schoolName')}</div>
        <fieldset>
          <legend>Session times (24-hour, such as 08:40; 8.40 and 8:40am are read too)</legend>
          <div class="row">
            {field('Morning registration starts', 'amStarts')}
            {field('Morning register closes', 'amCloses')}
            {field('Afternoon registration starts', 'pmStarts')}
            {field('Afternoon register closes', 'pmCloses')}
          </div>
        </fieldset>
        <fieldset>
          <legend>N (reason for absence not yet established)</legend>
          <div class="row">
            {field('Replace N within (school days)', 'limitSchoolDays', true)}
            {field('Warn when this many school days are left', 'warnWhenSchoolDaysLeft', true)}
          </div>
        </fieldset>
        <div class="row">
          {field('Codes teachers may enter ("all", or the codes separated by spaces)', 'teacherCodes')}
          {field('Attendance target (%)', 'attendanceTarget', true)}
        </div>
        <fieldset>
          <legend>Colour bands</legend>
          {form.bands.map((band, i) => (
            <div class="row" key={i} role="group" aria-label={`Band ${i + 1}`}>
              {(['name', 'atLeast', 'below', 'meaning'] as const).map((k) => (
                <Field
                  key={k}
                  id={`band-${i + 1}-${k}`}
                  label={{ name: 'Name', atLeast: 'From (%)', below: 'To (%; empty: up to 100%)', meaning: 'Meaning' }[k]}
                  problem={problemAt(`band-${i + 1}-${k}`)}
                  control={(props) => (
                    <input
                      type="text"
                      value={band[k]}
                      onInput={(e) => set({ bands: form.bands.map((b, j) => (j === i ? { ...b, [k]: (e.currentTarget as HTMLInputElement).value } : b)) })}
                      {...props}
                    />
                  )}
                />
              ))}
              {/* Whether a pupil exactly on each line is in this band: "90% and above" holds 90.0%, "above 90%" does not. */}
              <label>
                At the From line
                <select value={band.includesFrom ? 'in' : 'out'} onChange={(e) => set({ bands: form.bands.map((b, j) => (j === i ? { ...b, includesFrom: (e.currentTarget as HTMLSelectElement).value === 'in' } : b)) })}>
                  <option value="in">included ({band.atLeast || 'x'}% and above)</option>
                  <option value="out">not included (above {band.atLeast || 'x'}%)</option>
                </select>
              </label>
              <label>
                At the To line
                <select value={band.includesTo ? 'in' : 'out'} onChange={(e) => set({ bands: form.bands.map((b, j) => (j === i ? { ...b, includesTo: (e.currentTarget as HTMLSelectElement).value === 'in' } : b)) })}>
                  <option value="out">not included (below {band.below || 'x'}%)</option>
                  <option value="in">included ({band.below || 'x'}% and below)</option>
                </select>
              </label>
              <Field
                id={`band-${i + 1}-colour`}
                label="Colour"
                problem={problemAt(`band-${i + 1}-colour`)}
                control={(props) => (
                  <input type="color" value={/^#[0-9a-f]{6}$/i.test(band.colour) ? band.colour : '#000000'} onInput={(e) => set({ bands: form.bands.map((b, j) => (j === i ? { ...b, colour: (e.currentTarget as HTMLInputElement).value } : b)) })} {...props} />
                )}
              />
              <button type="button" onClick={() => set({ bands: form.bands.filter((_, j) => j !== i) })}>
                Remove band {i + 1}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set({ bands: [...form.bands, { name: '', colour: '#5a5a5e', atLeast: '', includesFrom: true, below: '', includesTo: false, meaning: '' }] })}>
            Add a band
          </button>
        </fieldset>
        <fieldset>
          <legend>Tiers</legend>
          {form.tiers.map((tier, i) => (
            <div class="row" key={i} role="group" aria-label={`Tier ${i + 1}`}>
              {(['level', 'name', 'appliesBelow', 'description'] as const).map((k) => (
                <Field
                  key={k}
                  id={`tier-${i + 1}-${k}`}
                  label={{ level: 'Level', name: 'Name', appliesBelow: 'Applies from the line (%; empty: everyone)', description: 'Description' }[k]}
                  problem={problemAt(`tier-${i + 1}-${k}`)}
                  control={(props) => (
                    <input
                      type="text"
                      value={tier[k]}
                      onInput={(e) => set({ tiers: form.tiers.map((t, j) => (j === i ? { ...t, [k]: (e.currentTarget as HTMLInputElement).value } : t)) })}
                      {...props}
                    />
                  )}
                />
              ))}
              <label>
                At the line
                <select value={tier.includesLine ? 'in' : 'out'} onChange={(e) => set({ tiers: form.tiers.map((t, j) => (j === i ? { ...t, includesLine: (e.currentTarget as HTMLSelectElement).value === 'in' } : t)) })}>
                  <option value="out">not included (below {tier.appliesBelow || 'x'}%)</option>
                  <option value="in">included ({tier.appliesBelow || 'x'}% and below)</option>
                </select>
              </label>
              <Field
                id={`tier-${i + 1}-nextSteps`}
                label="Next steps (one per line)"
                problem={problemAt(`tier-${i + 1}-nextSteps`)}
                control={(props) => (
                  <textarea rows={2} value={tier.nextSteps} onInput={(e) => set({ tiers: form.tiers.map((t, j) => (j === i ? { ...t, nextSteps: (e.currentTarget as HTMLTextAreaElement).value } : t)) })} {...props} />
                )}
              />
              <button type="button" onClick={() => set({ tiers: form.tiers.filter((_, j) => j !== i) })}>
                Remove tier {i + 1}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set({ tiers: [...form.tiers, { level: String(form.tiers.length + 1), name: '', appliesBelow: '', includesLine: false, description: '', nextSteps: '' }] })}>
            Add a tier
          </button>
        </fieldset>
        <SchoolCodesFieldset
          rows={form.schoolCodes}
          problems={problems}
          onChange={(schoolCodes, clearErrors) => {
            set({ schoolCodes });
            // A removed row moves the rows after it up: their marks would be at the wrong rows.
            if (clearErrors === true) setProblems(problems.filter((p) => !p.id?.startsWith('school-code-')));
          }}
        />
        <button type="submit" class="primary" id="save-policy">
          Save the policy
        </button>
        </fieldset>
      </form>
      <OutcomeView outcome={outcome} id="policy-save-result" />
    </section>
  );
}

function ImportSection({ state, reload }: { state: State; reload: () => Promise<void> }) {
  const [policyOutcome, setPolicyOutcome] = useState<Outcome>(null);
  const [profileOutcome, setProfileOutcome] = useState<Outcome>(null);
  const importPolicy = async (input: HTMLInputElement) => {
    const text = await readFile(input);
    if (text === null) return;
    const result = await store.importPolicyFile(text);
    input.value = '';
    if (!result.ok) {
      setPolicyOutcome({ kind: 'problems', message: 'The file was not imported: nothing has changed. What is wrong, and where:', problems: describePolicy(result.problems) });
      return;
    }
    await changed();
    setPolicyOutcome({ kind: 'ok', message: `Imported. Markwise now checks by ${result.policy.schoolName}'s policy (${result.policy.id}).` });
    await reload();
  };
  const importProfiles = async (input: HTMLInputElement) => {
    const text = await readFile(input);
    input.value = '';
    if (text === null) return;
    const result = await store.importSiteProfiles(text, parseSiteProfiles);
    if (!result.ok) {
      setProfileOutcome({ kind: 'problems', message: 'The site profiles were not imported: nothing has changed. What is wrong, and where:', problems: result.problems.map(describeProfileProblem) });
      return;
    }
    await changed();
    setProfileOutcome({ kind: 'ok', message: `Imported ${result.ids.length} site ${result.ids.length === 1 ? 'profile' : 'profiles'}: ${result.ids.join(', ')}.` });
    await reload();
  };
  const exportPolicy = async () => {
    const text = await store.exportPolicy(state.activeId);
    if (text !== null) download(`markwise-policy-${state.activeId}.json`, text);
  };
  return (
    <section data-section="import" aria-labelledby="import-h">
      <h2 id="import-h">Import and export</h2>
      <p class="note">Every file is checked whole before anything is saved: a file with a mistake changes nothing, and Markwise says what is wrong and where.</p>
      <div class="row">
        <label>
          Import a policy (JSON)
          <input type="file" id="policy-import" accept=".json,application/json" disabled={state.activeOrigin === 'managed'} onChange={(e) => void importPolicy(e.currentTarget as HTMLInputElement)} />
        </label>
        <button type="button" onClick={() => void exportPolicy()} id="policy-export">
          Export this policy
        </button>
      </div>
      <OutcomeView outcome={policyOutcome} id="policy-import-result" />
      <TermDatesImport store={store} policyId={state.activeId} policy={state.policy} locked={state.activeOrigin === 'managed'} onImported={reload} changed={changed} />
      <div class="row">
        <label>
          Import site profiles (JSON)
          <input type="file" id="profiles-import" accept=".json,application/json" onChange={(e) => void importProfiles(e.currentTarget as HTMLInputElement)} />
        </label>
      </div>
      <OutcomeView outcome={profileOutcome} id="profiles-import-result" />
      {state.taughtProfiles.length > 0 ? (
        <>
          <h3 id="taught-h">Site profiles taught on your sites</h3>
          <ul aria-labelledby="taught-h" id="taught-profiles">
            {state.taughtProfiles.map((t) => (
              <li key={t.id} data-profile={t.id}>
                {t.name}: taught on {t.taughtOn}, {formatSavedAt(t.savedAt)}.{' '}
                <button type="button" onClick={() => downloadText(`${t.id}.json`, `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, profiles: [t.profile] }, null, 2)}\n`, 'application/json')}>
                  Export {t.name} as JSON
                </button>
              </li>
            ))}
          </ul>
          <p class="note">
            A trust's administrator can give a taught profile to every school's browsers (managed policy, README). To teach one again, open the register page and choose "Adjust how Markwise reads this page" in Markwise's
            menu on the browser's toolbar.
          </p>
        </>
      ) : null}
      {state.refusedProfiles.length > 0 ? (
        <OutcomeView
          id="profiles-refused"
          outcome={{ kind: 'problems', message: 'Site profiles saved by an earlier version that Markwise no longer uses (the pages they cover are not checked). Import them again, corrected:', problems: state.refusedProfiles }}
        />
      ) : null}
    </section>
  );
}

function CalendarSection({ state }: { state: State }) {
  const years = state.policy?.calendar.academicYears ?? [];
  const coverage = termCoverageWarnings(years);
  return (
    <section data-section="calendar" aria-labelledby="calendar-h">
      <h2 id="calendar-h">Calendar</h2>
      <p class="note">Bank holidays in England are worked out by Markwise. {noTermDatesNotice(years) ?? ''}</p>
      {coverage.length > 0 ? (
        <div id="calendar-warnings" class="problems" role="alert">
          <p>The term dates do not cover the whole school year:</p>
          <ul>
            {coverage.map((w) => (
              <li key={w.message}>{w.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {years.map((year) => (
        <div key={year.label}>
          <h3>{year.label}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">Term</th>
                <th scope="col">Starts</th>
                <th scope="col">Half term</th>
                <th scope="col">Ends</th>
              </tr>
            </thead>
            <tbody>
              {year.terms.map((term) => (
                <tr key={term.name}>
                  <td>{term.name}</td>
                  <td>{formatSchoolDate(term.start)}</td>
                  <td>{term.halfTerm ? `${formatSchoolDate(term.halfTerm.start)} to ${formatSchoolDate(term.halfTerm.end)}` : 'none'}</td>
                  <td>{formatSchoolDate(term.end)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {year.closures.length > 0 ? (
            <ul>
              {year.closures.map((c) => (
                <li key={c.start}>
                  {formatSchoolDate(c.start)}
                  {c.end && c.end !== c.start ? ` to ${formatSchoolDate(c.end)}` : ''}: {c.kind === 'training-day' ? 'training day' : 'closure'} {c.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
    </section>
  );
}

/** Beside each http:// site: said in words, not by colour alone. */
function Unencrypted({ origin }: { origin: string }) {
  return isUnencrypted(origin) ? <strong class="unencrypted" data-unencrypted="true">({UNENCRYPTED_WARNING})</strong> : null;
}

function SitesSection({ state, reload }: { state: State; reload: () => Promise<void> }) {
  const [origin, setOrigin] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const profiles = [
    ...BUILTIN_PROFILES.filter((p) => !DEMO_PROFILE_IDS.includes(p.id)).map((p) => ({ id: p.id, name: p.name, verified: p.verified })),
    ...state.storedProfiles,
  ];
  const typed = readSiteOrigin(origin);
  const typedUnencrypted = typed.ok && typed.unencrypted;
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const add = async () => {
    const read = readSiteOrigin(origin);
    // Each mistake at its field, and all of them at once in the summary at the top of the form.
    const found: FieldProblem[] = [
      ...(read.ok ? [] : [{ id: 'site-origin', summary: `Site address: ${read.message}`, message: atField(read.message) }]),
      ...(chosen.length === 0 && profiles.length > 0 ? [{ id: `site-profile-${profiles[0]!.id}`, summary: 'Its pages are read by: choose at least one profile for its pages', message: 'Choose at least one profile for its pages' }] : []),
    ];
    setProblems(found);
    setAttempt((n) => n + 1);
    if (!read.ok || found.length > 0) {
      setOutcome(null);
      return;
    }
    // Asked for here, inside the click: the browser shows its own prompt for this one site.
    const asking = browser.permissions.request({ origins: [`${read.origin}/*`] });
    setOutcome({ kind: 'ok', message: `Asking the browser for access to ${read.origin} only: choose Allow in its prompt to add the site.` });
    const granted = await asking.catch((error: unknown) => String(error instanceof Error ? error.message : error));
    if (granted !== true) {
      setOutcome({ kind: 'problems', message: 'The site was not added:', problems: [notGranted(granted)] });
      return;
    }
    await store.addSite(read.origin, chosen);
    await changed();
    setOutcome({ kind: 'ok', message: `Markwise now runs on ${read.origin}. Reload its pages to see it.${read.unencrypted ? ` ${UNENCRYPTED_WARNING}` : ''}` });
    setOrigin('');
    await reload();
  };
  // A site an administrator set still needs this browser's access, asked for inside a click.
  const allow = async (site: SiteGrant) => {
    const granted = await browser.permissions.request({ origins: [`${site.origin}/*`] }).catch((error: unknown) => String(error instanceof Error ? error.message : error));
    setOutcome(granted === true ? { kind: 'ok', message: `Markwise now runs on ${site.origin}. Reload its pages to see it.` } : { kind: 'problems', message: 'Not turned on:', problems: [notGranted(granted)] });
    await changed();
    await reload();
  };
  const remove = async (site: SiteGrant) => {
    await store.removeSite(site.origin);
    await browser.permissions.remove({ origins: [`${site.origin}/*`] }).catch(() => false);
    await changed();
    await reload();
  };
  return (
    <section data-section="sites" aria-labelledby="sites-h">
      <h2 id="sites-h">MIS sites</h2>
      <p class="note">Markwise runs only on the sites listed here, and asks the browser for access to each when you add it.{release ? '' : ' This development build also runs on the demo MIS at localhost.'}</p>
      {state.sites.length === 0 ? (
        <p>No sites yet.</p>
      ) : (
        <ul>
          {state.sites.map((site) =>
            site.managed ? (
              <li key={site.origin} data-managed="true">
                {site.origin}: {site.profileIds.join(', ')} <span class="locked">(set by {state.managed.managedBy})</span> <Unencrypted origin={site.origin} />{' '}
                {state.siteAccess[site.origin] ? (
                  <span>on in this browser</span>
                ) : (
                  <button type="button" onClick={() => void allow(site)}>
                    Turn on {site.origin} in this browser
                  </button>
                )}
              </li>
            ) : (
              <li key={site.origin}>
                {site.origin}: {site.profileIds.join(', ')}{' '}
                {readSiteOrigin(site.origin).ok ? null : <strong class="locked">(not used: not one exact site; remove it and add each site in full) </strong>}
                <Unencrypted origin={site.origin} />
                <button type="button" onClick={() => void remove(site)}>
                  Remove {site.origin}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <ErrorSummary id="site-errors" problems={problems} attempt={attempt} intro="The site was not added:" />
        <Field
          id="site-origin"
          label="Site address"
          problem={problems.find((p) => p.id === 'site-origin')}
          control={(props) => (
            <input
              type="text"
              placeholder="https://your-school.mis.example"
              value={origin}
              onInput={(e) => setOrigin((e.currentTarget as HTMLInputElement).value)}
              {...props}
              aria-describedby={[props['aria-describedby'], 'site-origin-warning'].filter(Boolean).join(' ')}
            />
          )}
        />
        <p id="site-origin-warning" class="unencrypted" hidden={!typedUnencrypted}>
          {UNENCRYPTED_WARNING}
        </p>
        <fieldset class={problems.some((p) => p.id?.startsWith('site-profile-')) ? 'field-error' : undefined} aria-describedby={problems.some((p) => p.id?.startsWith('site-profile-')) ? 'site-profiles-error' : undefined}>
          <legend>Its pages are read by</legend>
          {problems.some((p) => p.id?.startsWith('site-profile-')) ? (
            <span class="error-message" id="site-profiles-error">
              <span class="visually-hidden">Error: </span>Choose at least one profile for its pages
            </span>
          ) : null}
          {profiles.map((p) => (
            <label key={p.id} style={{ flexDirection: 'row', fontWeight: 400 }}>
              <input
                type="checkbox"
                id={`site-profile-${p.id}`}
                checked={chosen.includes(p.id)}
                onChange={(e) => setChosen((e.currentTarget as HTMLInputElement).checked ? [...chosen, p.id] : chosen.filter((c) => c !== p.id))}
              />{' '}
              {profileLabel(p)}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="primary">
          Add the site
        </button>
      </form>
      <OutcomeView outcome={outcome} id="sites-result" />
    </section>
  );
}

function TodaySection({ state, reload }: { state: State; reload: () => Promise<void> }) {
  const [date, setDate] = useState(state.today.mode === 'fixed' ? state.today.date : '');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const setToday = async (value: State['today']) => {
    await store.setSetting('today', value);
    await changed();
    await reload();
  };
  const fixed = () => {
    // A date input gives '' for a date not whole (a day without its month): said at the field, never a button that does nothing.
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(date);
    setProblems(ok ? [] : [{ id: 'today-date', summary: 'A fixed date: enter the whole date Markwise checks as of, such as 26/11/2025', message: 'Enter the whole date Markwise checks as of, such as 26/11/2025' }]);
    setAttempt((n) => n + 1);
    if (ok) void setToday({ mode: 'fixed', date });
  };
  return (
    <section data-section="today" aria-labelledby="today-h">
      <h2 id="today-h">Checking date</h2>
      <p>
        Markwise checks as of{' '}
        <strong>{state.today.mode === 'fixed' ? `${formatSchoolDate(state.today.date)} (a fixed date)` : 'today, in England'}</strong>. Countdowns for N codes depend on it.
        A fixed date is for checking only: what is stored, and how long it is kept, go by today in England.
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          fixed();
        }}
      >
        <ErrorSummary id="today-errors" problems={problems} attempt={attempt} />
        <div class="row">
          <button type="button" onClick={() => void setToday({ mode: 'real' })}>
            Check as of today
          </button>
          <Field
            id="today-date"
            label="A fixed date"
            problem={problems[0]}
            control={(props) => <input type="date" value={date} onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} {...props} />}
          />
          <button type="submit">Check as of this date</button>
        </div>
      </form>
    </section>
  );
}

/** Where a dismissal applies: a dismissal is kept for the site it was made on. */
function siteName(site: string): string {
  if (site === EXPORT_CHECK_SITE) return 'Check a register export';
  if (site === UNKNOWN_SITE) return 'Every site (dismissed before Markwise kept the site)';
  return site;
}

function DismissedSection({ state, reload }: { state: State; reload: () => Promise<void> }) {
  return (
    <section data-section="dismissed" aria-labelledby="dismissed-h">
      <h2 id="dismissed-h">Dismissed findings</h2>
      {state.dismissals.length === 0 ? (
        <p>None.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Rule</th>
              <th scope="col">Pupil</th>
              <th scope="col">Session</th>
              <th scope="col">Reason</th>
              <th scope="col">Dismissed</th>
              <th scope="col">
                <span class="visually-hidden">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.dismissals.map((d) => (
              <tr key={d.key}>
                <td>{siteName(d.site)}</td>
                <td>{d.rule}</td>
                <td>{d.upn}</td>
                <td>
                  {formatSchoolDate(d.date)} {d.session}
                </td>
                <td>{d.reason}</td>
                <td>{formatSchoolDate(d.dismissedAt.slice(0, 10))}</td>
                <td>
                  <button
                    type="button"
                    onClick={async () => {
                      await store.undismiss(d.key);
                      await changed();
                      await reload();
                    }}
                  >
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const SUMMARY_NAMES: Record<keyof StorageSummary, string> = {
  policies: 'Policies (edited or imported)',
  settings: 'Settings',
  siteProfiles: 'Site profiles (imported)',
  pupilFigures: "Pupils' attendance figures seen on pages",
  nFirstSeen: 'N marks, with when Markwise first saw each',
  dismissals: 'Dismissed findings',
  reportFigures: "Pupils' attendance figures imported from reports",
  thresholds: 'Thresholds pupils were seen to reach (10 days, penalty notice)',
  pupilMarks: 'Pupils whose marks were seen on class registers and records (for pupil cards)',
};

const pupils = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'pupil' : 'pupils'}`;

const RETENTION_KINDS: Record<keyof RetentionCounts, [string, string]> = {
  pupilFigures: ['attendance figure seen on pages', 'attendance figures seen on pages'],
  reportFigures: ['figure from reports', 'figures from reports'],
  nFirstSeen: ['N record', 'N records'],
  dismissals: ['dismissed finding', 'dismissed findings'],
  thresholds: ['threshold reached', 'thresholds reached'],
  pupilMarks: ["pupil's kept marks (for pupil cards)", "pupils' kept marks (for pupil cards)"],
};

/** '3 attendance figures seen on pages, 1 N record': the kinds there are any of. */
function countsInWords(counts: RetentionCounts): string {
  return (Object.keys(RETENTION_KINDS) as (keyof RetentionCounts)[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k].toLocaleString('en-GB')} ${RETENTION_KINDS[k][counts[k] === 1 ? 0 : 1]}`)
    .join(', ');
}

/** Retention that would remove data of this or the previous real school year, or runs while dates are ahead of today: asked, never done without a yes. */
function RetentionQuestion({ state, reload }: { state: State; reload: () => Promise<void> }) {
  const { waiting, aheadOfToday, today } = state.retained;
  const [done, setDone] = useState<string | null>(null);
  const confirm = async (before: string) => {
    const outcome = await store.applyRetention(before);
    await changed();
    setDone(`Deleted ${outcome.removed.toLocaleString('en-GB')} ${outcome.removed === 1 ? 'record' : 'records'} dated before ${formatSchoolDate(before as IsoDate)}.`);
    await reload();
  };
  return (
    <>
      {aheadOfToday !== null ? (
        <p class="warn" id="retention-ahead">
          The newest pupil data held is dated {formatSchoolDate(aheadOfToday as IsoDate)}, more than {FAR_AHEAD_DAYS} days after today in England ({formatSchoolDate(today as IsoDate)}): it may have been
          stored under a fixed checking date, or this computer's clock may be wrong. Nothing is deleted automatically until you say so here.
        </p>
      ) : null}
      {waiting !== null ? (
        <div role="group" aria-labelledby="retention-confirm-text" id="retention-confirm">
          <p id="retention-confirm-text">
            Keeping pupil data from {formatSchoolDate(waiting.before as IsoDate)} would delete {countsInWords(waiting.counts)}. Nothing is deleted until you say yes.
          </p>
          <button type="button" class="danger" id="retention-confirm-yes" onClick={() => void confirm(waiting.before)}>
            Yes, delete them
          </button>
        </div>
      ) : null}
      {done !== null ? (
        <p class="ok" role="status" id="retention-result">
          {done}
        </p>
      ) : null}
    </>
  );
}

function PrivacySection({ state, reload }: { state: State; reload: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const setRetention = async (value: Retention) => {
    await store.setSetting('retention', value);
    await reload();
  };
  const [done, setDone] = useState(false);
  const wipe = async () => {
    await store.wipe();
    // The background forgets each tab's status (it can hold UPNs) and tells open MIS pages to drop what they show.
    await browser.runtime.sendMessage({ type: 'wiped' }).catch(() => changed());
    setConfirming(false);
    setDone(true);
    await reload();
  };
  return (
    <section data-section="privacy" aria-labelledby="privacy-h">
      <h2 id="privacy-h">Privacy</h2>
      <p>
        Everything Markwise keeps stays in this browser, in the extension's own storage, never in the MIS's website storage, and is never sent anywhere: Markwise makes no network requests.
        Pupils' names and attendance figures are kept only as they were seen on MIS pages you opened or in reports you imported, so that badges can show them on other pages.
      </p>
      <p id="held-about">
        Held now: attendance figures seen on pages for {pupils(state.held.figures)}, figures from reports for {pupils(state.held.reports)}, N records for {pupils(state.held.nRecords)}
        {state.held.oldest !== null ? `; the oldest is dated ${formatSchoolDate(state.held.oldest as IsoDate)}` : ''}.
      </p>
      <div class="row">
        <label>
          Keep pupil data for
          <select id="retention" value={state.retention} onChange={(e) => void setRetention((e.currentTarget as HTMLSelectElement).value as Retention)}>
            <option value="this-school-year">this school year only</option>
            <option value="previous-school-year">this and the previous school year</option>
            <option value="two-school-years">this and the two previous school years</option>
          </select>
        </label>
      </div>
      <p class="note" id="retention-note">
        Figures, N records (by the later of the N's date and its deadline), thresholds, marks kept for pupil cards and dismissed findings dated before{' '}
        {formatSchoolDate(state.retained.keptFrom as IsoDate)} are removed, going by today in England ({formatSchoolDate(state.retained.today as IsoDate)}), whatever date Markwise checks as of.
        Older data goes automatically, each time the browser starts and whenever this page opens; data of this and the previous school year goes only when you say yes here.
      </p>
      <RetentionQuestion state={state} reload={reload} />
      {state.summary ? (
        <table id="storage-summary">
          <caption class="visually-hidden">What Markwise has stored</caption>
          <tbody>
            {(Object.keys(SUMMARY_NAMES) as (keyof StorageSummary)[]).map((k) => (
              <tr key={k} data-table={k}>
                <th scope="row">{SUMMARY_NAMES[k]}</th>
                <td>{state.summary![k]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {confirming ? (
        <div class="row" role="group" aria-label="Confirm deleting everything">
          <p>
            This deletes every policy you edited or imported, the sites, the figures seen and imported, the N marks, thresholds, kept marks and dismissed findings, and what Markwise keeps about each open tab;
            open MIS pages drop what Markwise shows on them. It cannot be undone.
          </p>
          <button type="button" class="danger" id="wipe-confirm" onClick={() => void wipe()}>
            Yes, delete everything
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" class="danger" id="wipe" onClick={() => setConfirming(true)}>
          Delete everything Markwise has stored
        </button>
      )}
      {done ? (
        <p class="ok" role="status" id="wipe-result">
          Everything Markwise had stored has been deleted, and open MIS pages have dropped what Markwise showed on them (reload a page to check it again).
        </p>
      ) : null}
      <SiteAccess state={state} reload={reload} />
    </section>
  );
}

/** Which sites the browser still lets Markwise run on, with a way to take that back: deleting the data does not. */
function SiteAccess({ state, reload }: { state: State; reload: () => Promise<void> }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const removable = state.granted.filter((g) => g.removable).map((g) => g.pattern);
  const remove = async (patterns: string[]) => {
    const removed = await browser.permissions.remove({ origins: patterns }).catch(() => false);
    setOutcome(removed ? { kind: 'ok', message: `Markwise no longer has access to ${patterns.join(', ')}.` } : { kind: 'problems', message: 'Access was not removed:', problems: ['the browser refused'] });
    await changed();
    await reload();
  };
  const site = (pattern: string) => pattern.replace(/\/\*$/, '');
  return (
    <div id="site-access">
      <h3>Site access</h3>
      {state.granted.length === 0 ? (
        <p id="granted-sites">The browser gives Markwise access to no sites.</p>
      ) : (
        <>
          <p>The browser still gives Markwise access to these sites (removing a site or deleting the data above does not take it back):</p>
          <ul id="granted-sites">
            {state.granted.map((g) => (
              <li key={g.pattern} data-pattern={g.pattern}>
                {site(g.pattern)} {g.removable ? <Unencrypted origin={site(g.pattern)} /> : null}{' '}
                {g.removable ? (
                  <button type="button" onClick={() => void remove([g.pattern])}>
                    Remove access to {site(g.pattern)}
                  </button>
                ) : (
                  <span class="note">(needed by this build: it cannot be removed here)</span>
                )}
              </li>
            ))}
          </ul>
          {removable.length > 1 ? (
            <button type="button" id="remove-all-access" onClick={() => void remove(removable)}>
              Remove access to all {removable.length} sites
            </button>
          ) : null}
        </>
      )}
      <OutcomeView outcome={outcome} id="site-access-result" />
    </div>
  );
}

/** What an administrator set, and anything of it that could not be used. */
function ManagedBanner({ managed }: { managed: ManagedSettings }) {
  if (!isManaged(managed)) return null;
  const parts = [
    managed.policyInput !== null ? 'the policy' : null,
    managed.sites.length > 0 ? `${managed.sites.length} ${managed.sites.length === 1 ? 'site' : 'sites'}` : null,
    managed.profiles.length > 0 ? `${managed.profiles.length} site ${managed.profiles.length === 1 ? 'profile' : 'profiles'}` : null,
  ].filter((p): p is string => p !== null);
  return (
    <section id="managed" aria-labelledby="managed-h" class="managed">
      <h2 id="managed-h">Managed by {managed.managedBy}</h2>
      {parts.length > 0 ? (
        <p>
          {parts.join(', ').replace(/, ([^,]*)$/, ' and $1')} {parts.length === 1 && parts[0] === 'the policy' ? 'is' : 'are'} set for every browser by {managed.managedBy}, and cannot be changed
          here.
        </p>
      ) : null}
      {managed.problems.length > 0 ? (
        <OutcomeView
          id="managed-problems"
          outcome={{
            kind: 'problems',
            message: `Some of what ${managed.managedBy} set could not be used${managed.policyInput === null ? ", so the school's own policy on this page is used" : ''}. Please tell them:`,
            problems: [...managed.problems],
          }}
        />
      ) : null}
    </section>
  );
}

/** Where a section's control is named in the address (#terms-import, from the popup): shown and focused once the page has loaded. */
function focusFromHash(): void {
  const target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  target?.scrollIntoView({ block: 'center' });
  target?.focus();
}

/** First on the page for a school whose policy has no term dates (a release starts with the statutory rules, which have none). */
function NoTermDatesBanner({ state }: { state: State }) {
  const notice = state.policy === null ? null : noTermDatesNotice(state.policy.calendar.academicYears);
  if (notice === null) return null;
  return (
    <div id="no-term-dates" class="notice" role="note">
      <p>
        <strong>No term dates yet.</strong> {notice}
      </p>
      {state.activeOrigin === 'managed' ? null : (
        <p>
          <a
            href="#terms-import"
            id="go-terms-import"
            onClick={(e) => {
              e.preventDefault();
              history.replaceState(null, '', '#terms-import');
              focusFromHash();
            }}
          >
            Import your term dates (an iCalendar file)
          </a>
        </p>
      )}
    </div>
  );
}

function App() {
  const [state, setState] = useState<State | null>(null);
  const reload = async () => setState(await load());
  useEffect(() => {
    void reload();
  }, []);
  const loaded = state !== null;
  useEffect(() => {
    if (loaded) focusFromHash();
  }, [loaded]);
  return (
    <>
      <header>
        <h1>Markwise options</h1>
        <nav aria-label="Markwise pages">
          <a href="./dashboard.html" id="open-dashboard">Follow-up list</a> <a href="./check.html" id="open-check">Check a register export</a>
        </nav>
      </header>
      <main>
        {state === null ? (
          <p role="status">Loading…</p>
        ) : (
          <>
            <ManagedBanner managed={state.managed} />
            <NoTermDatesBanner state={state} />
            {/* First: nothing works on an MIS page until its site is added (issue 14, item 10). */}
            <SitesSection state={state} reload={reload} />
            <PolicySection state={state} reload={reload} />
            <ImportSection state={state} reload={reload} />
            <ReportSection store={store} today={todayOf(state.today)} onImported={reload} />
            <CalendarSection state={state} />
            <TodaySection state={state} reload={reload} />
            <DismissedSection state={state} reload={reload} />
            <PrivacySection state={state} reload={reload} />
          </>
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
