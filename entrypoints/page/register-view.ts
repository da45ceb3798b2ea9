// One page view of one register: read it (sites/), check it (rules/), show
// the findings (components/), and keep them current as staff type. Created
// for each register the page shows; a single-page app's navigation aborts it
// and starts a new one.

import { codeInForce, codeSetOn, normaliseMark } from '../../rules/codes';
import { formatSchoolDate, type IsoDate } from '../../rules/dates';
import { evaluateRegister, type CheckFailure } from '../../rules/engine';
import { SEVERITY_ORDER, type Finding, type Severity } from '../../rules/findings';
import type { EvaluateOptions } from '../../rules/checks/check';
import { bandFor, tierFor } from '../../rules/checks/standing';
import type { Policy, Role } from '../../rules/policy/schema';
import type { Session } from '../../rules/snapshot';
import type { SiteProfile } from '../../sites/profile';
import { cellElement, markControls, markKey, radiosIn, readMark, resolveMark, type PageCell, type PageRegister } from '../../sites/read';
import type { MarkControl } from '../../sites/profile';
import { canWrite, undoWrite, writeMark, type ControlState } from '../../sites/write';
import type { BadgeView } from '../../components/badge';
import type { TipContent } from '../../components/hints';
import type { FindingView, FixRecord, PanelActions, PanelState } from '../../components/model';
import { dismissalKey } from '../../storage/bundle';
import type { StoredFigure } from '../../storage/messages';
import { WIDGET } from './surface';

/** What a register view draws on: supplied by the content script (or a test). */
export interface Surface {
  publishPanel(state: PanelState): void;
  markCell(key: string, element: Element, severity: Severity | null, label: string): void;
  markAll(entries: { key: string; element: Element; severity: Severity; label: string }[]): void;
  showTip(element: Element, content: TipContent): void;
  hideTip(): void;
  highlight(key: string | null): void;
  /** A null view keeps room for a badge whose figure may come later (the stored figures, after the panel). */
  showBadges(badges: { anchor: Element; inside: boolean; view: BadgeView | null }[]): void;
  /** Room for the first of these rows' badges made now, their figures drawn later by showBadges (entrypoints/page/surface.ts). */
  holdBadges(rows: readonly { badgeAnchor: Element | null; badgeInside: boolean }[]): void;
}

export interface RegisterViewOptions {
  readonly register: PageRegister;
  readonly evaluate: EvaluateOptions;
  readonly policyName: string;
  /** What the policy's term dates leave out in today's academic year, said with the read problems. */
  readonly termNotes: readonly string[];
  readonly dismissed: Readonly<Record<string, string>>;
  readonly surface: Surface;
  /** Figures seen on other pages, for pupils this page shows no figure for. */
  readonly storedFigures: ReadonlyMap<string, StoredFigure>;
  /** When Markwise first saw each N mark, by markKey. */
  readonly nFirstSeen: ReadonlyMap<string, string>;
  /** Each mark as the page first showed it; filled here with marks not seen before. */
  readonly loaded: FirstMarks;
  readonly onDismiss: (finding: Finding, reason: string) => void;
  readonly onRestore: (key: string) => void;
  readonly signal: AbortSignal;
}

/**
 * Each mark as the page first showed it, by pupil id, then session and date: no key string is made
 * per mark (15,000 of those took 10-14 ms in the task that completes the panel; these maps take 3-5).
 */
export type FirstMarks = Map<string, Record<Session, Map<IsoDate, string>>>;

const MAX_CODES_OFFERED = 14;

function mostSevere(findings: readonly Finding[]): Severity | null {
  let best: Severity | null = null;
  for (const f of findings) if (best === null || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[best]) best = f.severity;
  return best;
}

export class RegisterView {
  readonly #register: PageRegister;
  readonly #profile: SiteProfile;
  readonly #options: RegisterViewOptions;
  /** Findings for each snapshot pupil. */
  readonly #byPupil: Finding[][];
  /** Built on the first edit or focus: the first paint of a 15,000-cell page need not pay for it. */
  #controlIndex: Map<Element, number> | null = null;
  /** Each pupil's cells, so a finding finds its cell among a handful rather than in a map of every cell. */
  readonly #pupilCells: number[][];
  /** Pupils whose UPN another pupil on this page shows too: each is checked on its own, so findings stay with their row. */
  readonly #sharedUpn: ReadonlySet<number>;
  /** The pupil each finding on the panel belongs to: findings carry a UPN, which two rows may share. */
  readonly #pupilOfFinding = new WeakMap<Finding, number>();
  /** Each fix with the control and kind it was written to: the cell may have swapped its control since. */
  readonly #fixes: (FixRecord & { before: ControlState; cell: number; mark: MarkControl; control: Element })[] = [];
  #dismissed: Record<string, string>;
  /** What could not be read, said once. */
  readonly #readLines: string[];
  /** What a fix or an undo could not do, newest last. */
  #notes: string[] = [];
  /** Checks that failed, by pupil. */
  readonly #failures = new Map<number, CheckFailure[]>();
  #publishTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #validCodes: CodesMemo = new Map();
  #storedFigures: ReadonlyMap<string, StoredFigure>;
  #nFirstSeen: ReadonlyMap<string, string>;
  /** Cells whose hint the person dismissed, with the mark then: the hint stays away until the mark changes. */
  readonly #quiet = new Map<number, string>();

  constructor(options: RegisterViewOptions) {
    this.#options = options;
    this.#register = options.register;
    this.#profile = options.register.profile;
    this.#dismissed = { ...options.dismissed };
    this.#storedFigures = options.storedFigures;
    this.#nFirstSeen = options.nFirstSeen;
    const problems = options.register.problems;
    this.#readLines = problems.slice(0, 5).map((p) => (p.ambiguous ? `${p.where[0]!.toUpperCase()}${p.where.slice(1)} ${p.message}.` : `Could not read ${p.where}: ${p.message}.`));
    if (problems.length > 5) this.#readLines.push(`…and ${problems.length - 5} more cells or rows that could not be read.`);
    this.#readLines.push(...options.termNotes);
    const byUpn = new Map<string, number>();
    const shared = new Set<number>();
    this.#register.snapshot.pupils.forEach((p, i) => {
      const first = byUpn.get(p.upn);
      if (first === undefined) byUpn.set(p.upn, i);
      else shared.add(first).add(i);
    });
    this.#sharedUpn = shared;
    this.#pupilCells = this.#register.snapshot.pupils.map(() => []);
    const cells = this.#register.cells;
    for (let i = 0; i < cells.length; i++) this.#pupilCells[cells[i]!.pupil]!.push(i);
    this.#byPupil = this.#register.snapshot.pupils.map(() => []);
    this.#register.snapshot.pupils.forEach((p, i) => {
      const id = this.#register.pupilIds[i]!;
      let first = options.loaded.get(id);
      if (first === undefined) options.loaded.set(id, (first = { AM: new Map(), PM: new Map() }));
      for (const m of p.marks) if (!first[m.session].has(m.date)) first[m.session].set(m.date, m.mark);
    });
    this.#evaluateAll();
  }

  get #cellByControl(): Map<Element, number> {
    if (this.#controlIndex === null) {
      this.#controlIndex = new Map();
      this.#register.cells.forEach((cell, i) => this.#controlIndex!.set(cell.control, i));
    }
    return this.#controlIndex;
  }

  /** Built only when an event lands in a cell whose control is not the one read (swapped since). */
  #elementIndex: Map<Element, number> | null = null;

  /** The cell element an event target is in: a cell of the profile, or the row where the row is the cell. */
  #cellElementAt(target: Element): Element | null {
    const spec = this.#profile.cells!;
    const selector = spec.selector !== ':scope' ? spec.selector : this.#profile.rows;
    const element = selector === undefined ? this.#register.root : target.closest(selector);
    return element !== null && this.#register.root.contains(element) ? element : null;
  }

  /**
   * The cell a click, focus, key or change belongs to: any control inside a cell is that cell's (a
   * radio of a group, a label, the dropdown a cell of text became). The cell's control is looked
   * for again when cells may hold several kinds.
   */
  #cellAt(target: Element): number | undefined {
    const spec = this.#profile.cells;
    if (spec === undefined) return undefined;
    let index = this.#cellByControl.get(target);
    if (index === undefined) {
      const element = this.#cellElementAt(target);
      if (element === null) return undefined;
      for (const mark of markControls(spec)) {
        const control = mark.selector === undefined ? element : element.querySelector(mark.selector);
        index = control === null ? undefined : this.#cellByControl.get(control);
        if (index !== undefined) break;
      }
      if (index === undefined) {
        this.#elementIndex ??= new Map(this.#register.cells.map((cell, i) => [cellElement(cell, this.#profile), i]));
        index = this.#elementIndex.get(element);
      }
    }
    if (index !== undefined && markControls(spec).length > 1) this.#resolve(index);
    return index;
  }

  /** A cell of several kinds: which control it has now (text until clicked, a dropdown after). */
  #resolve(index: number): void {
    const cell = this.#register.cells[index]!;
    const found = resolveMark(this.#profile.cells!, cellElement(cell, this.#profile));
    if (found === null || found.control === cell.control) return;
    this.#cellByControl.delete(cell.control);
    cell.control = found.control;
    cell.mark = found.mark;
    this.#cellByControl.set(found.control, index);
  }

  /** Whether a change at target needs the page read again: a cell Markwise could not read, or one it can no longer read. */
  unreadAt(target: Element): boolean {
    if (this.#profile.cells === undefined || this.#register.unread.size === 0) return false;
    const element = this.#cellElementAt(target);
    return element !== null && this.#register.unread.has(element);
  }

  /** The cell of a pupil's mark on this page: the pupil by its place in the snapshot, never by UPN. */
  #cellOf(pupil: number, date: IsoDate, session: Session): number | undefined {
    for (const i of this.#pupilCells[pupil]!) {
      const cell = this.#register.cells[i]!;
      if (cell.date === date && cell.session === session) return i;
    }
    return undefined;
  }

  /** Whether a fix may be written to this cell: by its control now, and not when its row cannot be told from another's. */
  #writable(index: number): boolean {
    const cell = this.#register.cells[index]!;
    return canWrite(cell.mark) && !this.#register.unwritable.has(cell.pupil);
  }

  /** A cell's marker key: upn|date|session, with the row where two rows show one UPN. */
  #keyOfCell(index: number): string {
    const cell = this.#register.cells[index]!;
    const key = markKey(this.#register.snapshot.pupils[cell.pupil]!.upn, cell.date, cell.session);
    return this.#register.ambiguous.has(cell.pupil) ? `${key}|row ${this.#register.rows[cell.row]!.number}` : key;
  }

  /** Whether a finding is dismissed: never on rows that share a UPN, whose dismissals could be the other pupil's. */
  #isDismissed(finding: Finding, pupil: number): boolean {
    return !this.#register.ambiguous.has(pupil) && this.#dismissed[dismissalKey(finding)] !== undefined;
  }

  /** The cell a finding on the panel was found in. */
  #cellOfFinding(finding: Finding): number | undefined {
    const pupil = this.#pupilOfFinding.get(finding);
    return pupil === undefined ? undefined : this.#cellOf(pupil, finding.date, finding.session);
  }

  #noteFindings(pupil: number, findings: readonly Finding[]): void {
    for (const f of findings) this.#pupilOfFinding.set(f, pupil);
  }

  /**
   * A code the role may not enter is the person's to act on only where the mark changed on this page
   * since it loaded (typed, or changed by the MIS's script): the office's earlier marks are not (issue 14, item 2).
   */
  #actionable(pupil: number, f: Finding): boolean {
    return f.rule !== 'code-not-allowed' || this.#options.loaded.get(this.#register.pupilIds[pupil]!)?.[f.session].get(f.date) !== f.mark;
  }

  /** Every pupil at once: the page has just been read. Check failures are reported, never thrown. */
  #evaluateAll(): void {
    const pupils = this.#register.snapshot.pupils;
    const together = this.#sharedUpn.size === 0 ? pupils : pupils.filter((_p, i) => !this.#sharedUpn.has(i));
    const evaluation = evaluateRegister({ ...this.#register.snapshot, pupils: together }, this.#options.evaluate);
    const indexOf = new Map<string, number>();
    pupils.forEach((p, i) => {
      if (!this.#sharedUpn.has(i)) indexOf.set(p.upn, i);
    });
    for (const list of this.#byPupil) list.length = 0;
    this.#failures.clear();
    for (const finding of evaluation.findings) {
      const index = indexOf.get(finding.upn)!;
      if (!this.#actionable(index, finding)) continue;
      this.#byPupil[index]!.push(finding);
      this.#pupilOfFinding.set(finding, index);
    }
    for (const failure of evaluation.failures) {
      // -1: a failure of no one pupil on the page; still said, never dropped.
      const index = indexOf.get(failure.upn) ?? -1;
      this.#failures.set(index, [...(this.#failures.get(index) ?? []), failure]);
    }
    for (const index of this.#sharedUpn) this.#evaluatePupil(index);
  }

  /** One pupil again, after a cell changed: only what changed is re-checked. */
  #evaluatePupil(index: number): void {
    const pupil = this.#register.snapshot.pupils[index]!;
    const evaluation = evaluateRegister({ role: this.#register.snapshot.role, source: this.#register.snapshot.source, pupils: [pupil] }, this.#options.evaluate);
    this.#byPupil[index] = evaluation.findings.filter((f) => this.#actionable(index, f));
    this.#noteFindings(index, this.#byPupil[index]!);
    if (evaluation.failures.length > 0) this.#failures.set(index, evaluation.failures);
    else this.#failures.delete(index);
  }

  /** The pupils some check could not run for, by name, in page order. */
  #unchecked(): string[] {
    return [...this.#failures].sort(([a], [b]) => a - b).map(([i, failures]) => {
      const pupil = this.#register.snapshot.pupils[i];
      return pupil === undefined ? failures[0]!.upn || 'a pupil' : pupil.name || pupil.upn;
    });
  }

  /** Every problem the panel lists: what a fix or undo could not do, what could not be read, what could not be checked. */
  #problemLines(): string[] {
    const lines = [...this.#notes, ...this.#readLines];
    const failed = [...this.#failures].sort(([a], [b]) => a - b);
    for (const [i, failures] of failed.slice(0, 5)) {
      const pupil = this.#register.snapshot.pupils[i];
      for (const f of failures.slice(0, 2)) lines.push(`Could not check ${pupil?.name || f.upn} (UPN ${f.upn}) for ${f.check}: ${f.message}`);
    }
    if (failed.length > 5) lines.push(`…and ${failed.length - 5} more pupils whose marks could not all be checked.`);
    return lines;
  }

  /**
   * Draws everything: markers, badges and the panel. Without `badges`, the badges are left to the
   * caller, which draws them after the panel (renderBadges), out of the page's load event (issue 15, item 1);
   * only the first rows' empty hosts are put in now (PageSurface.holdBadges).
   */
  render(badges = true): void {
    if (badges) this.renderBadges();
    else this.#options.surface.holdBadges(this.#register.rows);
    // The widget draws no cell markers (entrypoints/page/surface.ts): nothing to work out for them.
    if (!WIDGET) {
      const entries: { key: string; element: Element; severity: Severity; label: string }[] = [];
      for (const [index, findings] of this.#findingsByCell()) {
        const active = findings.filter((f) => !this.#isDismissed(f, this.#register.cells[index]!.pupil));
        const severity = mostSevere(active);
        if (severity === null) continue;
        entries.push({ key: this.#keyOfCell(index), element: cellElement(this.#register.cells[index]!, this.#profile), severity, label: active.map((f) => f.what).join(' ') });
      }
      this.#options.surface.markAll(entries);
    }
    this.#publishNow();
  }

  /** Findings by the index of the cell they were found in. */
  #findingsByCell(): Map<number, Finding[]> {
    const map = new Map<number, Finding[]>();
    this.#byPupil.forEach((list, pupil) => {
      for (const f of list) {
        const index = this.#cellOf(pupil, f.date, f.session);
        if (index === undefined) continue;
        const existing = map.get(index);
        if (existing === undefined) map.set(index, [f]);
        else existing.push(f);
      }
    });
    return map;
  }

  renderBadges(): void {
    const policy = this.#options.evaluate.policy;
    const badges: { anchor: Element; inside: boolean; view: BadgeView | null }[] = [];
    for (const row of this.#register.rows) {
      if (row.badgeAnchor === null) continue;
      const pupil = this.#register.snapshot.pupils[row.pupil]!;
      const pupilId = this.#register.pupilIds[row.pupil]!;
      const stored = this.#storedFigures.get(pupilId);
      const attendance = row.attendance ?? (row.sessions !== null ? (row.sessions.attended * 100) / row.sessions.possible : (stored?.attendance ?? null));
      if (attendance === null) {
        // Figures seen on other pages come after the panel, often after the page is first shown: room
        // for the badge is kept now, so that it moves nothing when it comes (the widget has no stored figures).
        if (!WIDGET) badges.push({ anchor: row.badgeAnchor, inside: row.badgeInside, view: null });
        continue;
      }
      badges.push({
        anchor: row.badgeAnchor,
        inside: row.badgeInside,
        view: {
          upn: pupil.upn,
          name: pupil.name,
          attendance,
          band: bandFor(policy, attendance),
          tier: tierFor(policy, attendance),
          from: row.attendance !== null ? null : row.sessions !== null ? 'from the sessions this page shows' : (stored?.from ?? ''),
          focusable: this.#register.snapshot.role === 'office',
        },
      });
    }
    this.#options.surface.showBadges(badges);
  }

  #items(): FindingView[] {
    const all: { finding: Finding; pupil: number }[] = [];
    this.#byPupil.forEach((list, pupil) => {
      for (const finding of list) all.push({ finding, pupil });
    });
    all.sort(({ finding: a, pupil: p }, { finding: b, pupil: q }) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.upn < b.upn ? -1 : a.upn > b.upn ? 1 : 0) || p - q);
    return all.map(({ finding, pupil }) => {
      const key = dismissalKey(finding);
      const cell = this.#cellOf(pupil, finding.date, finding.session);
      const onPage = cell !== undefined;
      return {
        finding,
        key,
        // Two rows with one UPN give findings with one dismissal key: the cell keeps them apart.
        ...(this.#sharedUpn.has(pupil) ? { id: `${key}|${cell === undefined ? `pupil ${pupil}` : this.#keyOfCell(cell)}` } : {}),
        onPage,
        canFix: onPage && finding.suggestion !== null && this.#writable(cell),
        dismissed: this.#isDismissed(finding, pupil) ? this.#dismissed[key]! : null,
        // Dismissals are kept by UPN: one made on a row that shares its UPN would hide the other pupil's finding.
        ...(this.#register.ambiguous.has(pupil) ? { canDismiss: false } : {}),
      };
    });
  }

  /** How many marks were read of the cells the profile found; null for a page without marks (a pupil list). */
  #marksRead(): { read: number; cells: number } | null {
    // A page of registers the profile's periods leave alone (a lesson) has no marks to read, and misses none.
    const alone = this.#register.cellsFound === 0 && (this.#register.leftAlone ?? 0) > 0;
    return this.#profile.cells === undefined || alone ? null : { read: this.#register.cells.length, cells: this.#register.cellsFound };
  }

  #publishNow(): void {
    clearTimeout(this.#publishTimer);
    this.#publishTimer = undefined;
    const { evaluate } = this.#options;
    this.#options.surface.publishPanel({
      status: 'ready',
      message: '',
      profileName: this.#profile.name,
      verified: this.#profile.verified,
      policyName: this.#options.policyName,
      today: evaluate.today,
      role: this.#register.snapshot.role,
      pupils: this.#register.snapshot.pupils.length,
      items: this.#items(),
      problems: this.#problemLines(),
      unchecked: this.#unchecked(),
      marks: this.#marksRead(),
      fixes: this.#fixes.map(({ before: _before, cell: _cell, mark: _mark, control: _control, ...fix }) => fix),
    });
  }

  /** The panel follows typing a moment later, so a keystroke only pays for its own cell. */
  #publishSoon(): void {
    if (this.#publishTimer !== undefined) return;
    this.#publishTimer = setTimeout(() => {
      if (!this.#options.signal.aborted) this.#publishNow();
    }, 120);
  }

  /**
   * Something in a cell changed (typing, a dropdown, a radio clicked, a fix): re-read that mark and
   * re-check its pupil. 'reread' when the cell no longer holds a mark Markwise can read: the page is
   * read again, so that it is said as a read problem and never checked as blank.
   */
  cellChanged(target: Element): 'read' | 'reread' | 'none' {
    const index = this.#cellAt(target);
    if (index === undefined) return this.unreadAt(target) ? 'reread' : 'none';
    const cell = this.#register.cells[index]!;
    const pupil = this.#register.snapshot.pupils[cell.pupil]!;
    const raw = readMark(cell.mark, cell.control);
    if (raw === null) return 'reread';
    const mark = pupil.marks.find((m) => m.date === cell.date && m.session === cell.session);
    if (mark !== undefined) mark.mark = raw;
    const before = this.#byPupil[cell.pupil]!;
    this.#evaluatePupil(cell.pupil);
    this.#remark(cell.pupil, before);
    this.showTipFor(target, true);
    this.#publishSoon();
    return 'read';
  }

  /** A person typed in the cell: a hint dismissed for its mark comes back, even when the same mark is typed again. */
  typedIn(target: Element): void {
    const index = this.#cellAt(target);
    if (index !== undefined) this.#quiet.delete(index);
  }

  /** Updates the markers of one pupil's cells: those that had or have findings. */
  #remark(pupilIndex: number, before: readonly Finding[]): void {
    if (WIDGET) return;
    const cells = new Set<number>();
    for (const f of before) {
      const index = this.#cellOf(pupilIndex, f.date, f.session);
      if (index !== undefined) cells.add(index);
    }
    const now = new Map<number, Finding[]>();
    for (const f of this.#byPupil[pupilIndex]!) {
      if (this.#isDismissed(f, pupilIndex)) continue;
      const index = this.#cellOf(pupilIndex, f.date, f.session);
      if (index === undefined) continue;
      cells.add(index);
      const list = now.get(index);
      if (list === undefined) now.set(index, [f]);
      else list.push(f);
    }
    for (const index of cells) {
      const findings = now.get(index) ?? [];
      this.#options.surface.markCell(this.#keyOfCell(index), cellElement(this.#register.cells[index]!, this.#profile), mostSevere(findings), findings.map((f) => f.what).join(' '));
    }
  }

  /** Every pupil a dismissal touches: dismissals are kept by UPN, which two rows may share. */
  #remarkUpn(upn: string): void {
    this.#register.snapshot.pupils.forEach((p, i) => {
      if (p.upn === upn) this.#remark(i, this.#byPupil[i]!);
    });
  }

  #findingsForCell(cell: PageCell): Finding[] {
    const list = this.#byPupil[cell.pupil]!;
    return list.filter((f) => f.date === cell.date && f.session === cell.session && !this.#isDismissed(f, cell.pupil));
  }

  /** The tip for a cell: the code's meaning, its problems and fix, and while typing the codes that fit. */
  showTipFor(target: Element, typing: boolean): void {
    const index = this.#cellAt(target);
    // The widget has no hints (entrypoints/page/surface.ts): nothing to build them for.
    if (index === undefined || WIDGET) return;
    const cell = this.#register.cells[index]!;
    const raw = readMark(cell.mark, cell.control) ?? '';
    const normalised = normaliseMark(raw, cell.session);
    const code = normalised === '' ? undefined : codeInForce(normalised, cell.date);
    const findings = this.#findingsForCell(cell);
    const fix = findings.find((f) => f.suggestion !== null);
    const problems = findings.map((f) => ({ severity: f.severity, text: `${f.what} ${f.action}` }));
    if (fix !== undefined && this.#writable(index)) problems.push({ severity: 'info', text: `Alt+Enter changes it to ${fix.suggestion}.` });
    else if (fix !== undefined && canWrite(cell.mark)) problems.push({ severity: 'info', text: 'Markwise changes no mark on this row: another row shows the same pupil or session (see the panel).' });
    const nSeen = normalised === 'N' ? this.#nFirstSeen.get(this.#keyOfCell(index)) : undefined;
    if (nSeen !== undefined) problems.push({ severity: 'info', text: `Markwise first saw this N on ${formatSchoolDate(nSeen.slice(0, 10))}.` });
    const isTextInput = cell.mark.kind === 'text-input';
    const prefix = normalised;
    const when = `${formatSchoolDate(cell.date)} ${cell.session === 'AM' ? 'morning' : 'afternoon'}`;
    let codesHeading = `Codes you can enter for ${when}:`;
    let offered: { code: string; meaning: string }[] = [];
    if (typing && isTextInput) {
      const codes = codesFor(this.#validCodes, this.#options.evaluate.policy.codes[this.#register.snapshot.role], cell.date, cell.session);
      offered = codes.filter((c) => c.code.startsWith(prefix));
      // A letter that starts no code this person may enter: every code they may, never an empty list.
      if (offered.length === 0) {
        offered = codes;
        codesHeading = `${raw.trim()} is not a code you can enter. ${codesHeading}`;
      }
      offered = offered.slice(0, MAX_CODES_OFFERED);
    }
    // Dismissed here until the mark changes: the cell still has focus, and the panel still keeps clear of it.
    const quiet = this.#quiet.get(index) === raw;
    if (!quiet) this.#quiet.delete(index);
    this.#options.surface.showTip(
      cellElement(cell, this.#profile),
      quiet
        ? { meaning: null, problems: [], codes: [], codesHeading }
        : {
            meaning: code !== undefined ? `${code.code}: ${code.meaning}` : normalised === '' ? null : `${raw.trim()}: not a code in use on ${formatSchoolDate(cell.date)}`,
            problems,
            codes: offered,
            codesHeading,
            act: {
              fix: fix !== undefined && this.#writable(index) ? fix.suggestion : null,
              // The hint's Apply is Alt+Enter: the same fix, written only to this cell.
              apply: () => {
                if (!this.#options.signal.aborted) this.fixCellFromKeyboard(cell.control);
                this.#focusCell(index);
              },
              dismiss: () => {
                this.#quiet.set(index, raw);
                this.showTipFor(cell.control, false);
                this.#focusCell(index);
              },
            },
          },
    );
  }

  /** Focus back in a cell's own control, after a button of its hint was pressed: a radio group at its checked radio. */
  #focusCell(index: number): void {
    const cell = this.#register.cells[index]!;
    const control = cell.mark.kind === 'radios' ? (radiosIn(cell.control).find((r) => r.checked) ?? radiosIn(cell.control)[0]) : cell.control;
    if (control instanceof HTMLElement && control.tabIndex >= 0 && control !== cellElement(cell, this.#profile)) control.focus({ preventScroll: true });
  }

  /** Whether the element is in a cell of this register (the cell's control, or anything else inside the cell). */
  owns(target: Element): boolean {
    return this.#cellAt(target) !== undefined;
  }

  /** Hovering a cell shows its tip, unless focus is in that cell (its tip is already shown, maybe with codes offered). */
  hover(target: Element): void {
    const index = this.#cellAt(target);
    if (index === undefined) return;
    const active = target.ownerDocument.activeElement;
    if (active !== null && active !== target.ownerDocument.body && this.#cellAt(active) === index) return;
    this.showTipFor(target, false);
  }

  /** Alt+Enter in a cell: the first finding's fix, in that cell. */
  fixCellFromKeyboard(target: Element): boolean {
    const index = this.#cellAt(target);
    if (index === undefined) return false;
    const cell = this.#register.cells[index]!;
    if (!this.#writable(index)) return false;
    const finding = this.#findingsForCell(cell).find((f) => f.suggestion !== null);
    if (finding === undefined) return false;
    this.#fix(finding, index);
    return true;
  }

  /** Writes a finding's fix into the cell it was found in, and only when that cell's row can be told apart from every other. */
  #fix(finding: Finding, index: number | undefined): void {
    if (index === undefined || finding.suggestion === null || this.#profile.cells === undefined) return;
    if (markControls(this.#profile.cells).length > 1) this.#resolve(index);
    const cell = this.#register.cells[index]!;
    if (!this.#writable(index)) return;
    const { mark, control } = cell;
    const from = readMark(mark, control) ?? '';
    const result = writeMark(mark, control, finding.suggestion);
    if (!result.ok) {
      this.#notes = [...this.#notes, `Could not change ${finding.name}'s mark: ${result.reason}.`];
      this.#publishNow();
      return;
    }
    this.#fixes.unshift({ key: this.#keyOfCell(index), upn: finding.upn, name: finding.name, date: finding.date, session: finding.session, from, to: finding.suggestion, before: result.before, cell: index, mark, control });
    // writeMark's input event has already re-read the cell through cellChanged; if the MIS
    // stopped the event, read it here.
    this.cellChanged(control);
    this.#publishNow();
  }

  readonly actions: PanelActions = {
    show: (view) => {
      const index = this.#cellOfFinding(view.finding);
      if (index === undefined) return;
      const cell = this.#register.cells[index]!;
      const element = cellElement(cell, this.#profile);
      element.scrollIntoView({ block: 'center', inline: 'nearest' });
      this.#options.surface.highlight(this.#keyOfCell(index));
      // A radio group takes focus at its checked radio, as the keyboard reaches it.
      this.#focusCell(index);
    },
    fix: (view) => this.#fix(view.finding, this.#cellOfFinding(view.finding)),
    undo: (record) => {
      const i = this.#fixes.findIndex((f) => f.key === record.key && f.to === record.to);
      const fix = this.#fixes[i];
      if (fix === undefined || this.#profile.cells === undefined) return;
      const cell = this.#register.cells[fix.cell]!;
      const undone = undoWrite(fix.mark, fix.control, fix.before, fix.to, cell.session);
      // Either way the change can no longer be undone: it is undone, or staff have overtaken it.
      this.#fixes.splice(i, 1);
      if (undone.ok) this.cellChanged(fix.control);
      else {
        const when = `${formatSchoolDate(fix.date)} ${fix.session === 'AM' ? 'morning' : 'afternoon'}`;
        this.#notes = [...this.#notes, `Markwise has not undone the change to ${fix.name}'s mark for ${when}: ${undone.reason}. The mark has been left as it is.`];
      }
      this.#publishNow();
    },
    dismiss: (view, reason) => {
      const pupil = this.#pupilOfFinding.get(view.finding);
      if (pupil === undefined || this.#register.ambiguous.has(pupil)) return;
      this.#dismissed[view.key] = reason;
      this.#options.onDismiss(view.finding, reason);
      this.#remarkUpn(view.finding.upn);
      this.#publishNow();
    },
    restore: (view) => {
      delete this.#dismissed[view.key];
      this.#options.onRestore(view.key);
      this.#remarkUpn(view.finding.upn);
      this.#publishNow();
    },
    setCollapsed: () => {},
  };

  /** Figures and N first-seen dates the background knew, arriving after the first render. */
  learned(storedFigures: ReadonlyMap<string, StoredFigure>, nFirstSeen: ReadonlyMap<string, string>): void {
    this.#storedFigures = storedFigures;
    this.#nFirstSeen = nFirstSeen;
    if (storedFigures.size > 0) this.renderBadges();
  }

  /** Dismissals changed elsewhere (another tab, the options page). */
  setDismissed(dismissed: Readonly<Record<string, string>>): void {
    this.#dismissed = { ...dismissed };
    this.render();
  }

  /**
   * Findings that mark a threshold crossed, for the follow-up list: 10 days' unauthorised absence, the
   * penalty-notice line. Not of rows that cannot be told apart. The list is the extension's: not in the widget's build.
   */
  readonly thresholds = WIDGET
    ? null
    : (): Finding[] => {
        const out: Finding[] = [];
        this.#byPupil.forEach((list, pupil) => {
          if (this.#register.ambiguous.has(pupil)) return;
          for (const f of list) if (f.rule === 'la-notify-10-days' || f.rule === 'penalty-threshold') out.push(f);
        });
        return out;
      };

  /**
   * What the popup says of this page (entrypoints/page/tab-status.ts): the findings not dismissed, how
   * many of them are errors, and what was not read or not checked, first. The widget has no popup: its
   * build leaves this out.
   */
  tabFigures(): { findings: number; errors: number; problems: readonly string[] } {
    if (WIDGET) return { findings: 0, errors: 0, problems: [] };
    let findings = 0;
    let errors = 0;
    this.#byPupil.forEach((list, pupil) => {
      for (const f of list) {
        if (this.#isDismissed(f, pupil)) continue;
        findings++;
        if (f.severity === 'error') errors++;
      }
    });
    const marks = this.#marksRead();
    const gaps: string[] = [];
    if (marks !== null && marks.read < marks.cells) gaps.push(`Read ${marks.read} marks of the ${marks.cells} cells on this page.`);
    if (this.#failures.size > 0) gaps.push(`Could not check every mark of ${this.#failures.size} ${this.#failures.size === 1 ? 'pupil' : 'pupils'}.`);
    return { findings, errors, problems: [...gaps, ...this.#problemLines()] };
  }

  dispose(): void {
    clearTimeout(this.#publishTimer);
  }
}

type CodesMemo = Map<string, { code: string; meaning: string }[]>;

/**
 * The valid codes on this date, for this session and role (`allowed`, the policy's codes for it), with
 * their meanings: what a cell's hint offers while typing. Kept in `memo` by date and session.
 */
function codesFor(memo: CodesMemo, allowed: Policy['codes'][Role], date: IsoDate, session: Session): { code: string; meaning: string }[] {
  const key = `${date}|${session}`;
  let codes = memo.get(key);
  if (codes === undefined) {
    codes = [];
    for (const code of codeSetOn(date).values()) {
      if ((code.code === '/' && session === 'PM') || (code.code === '\\' && session === 'AM')) continue;
      if (allowed !== 'all' && !allowed.includes(code.code)) continue;
      codes.push({ code: code.code, meaning: code.meaning });
    }
    memo.set(key, codes);
  }
  return codes;
}
