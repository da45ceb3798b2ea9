// What Markwise keeps, and the only way in: every write that comes from a file
// is validated first and written in one transaction, so a bad file changes nothing.

import { mergeAcademicYears } from '../rules/calendar/term-changes';
import type { IndexableType, Table } from 'dexie';
import * as z from 'zod/mini';
import { parsePolicy, type AcademicYear, type Policy, type Role } from '../rules/policy/schema';
import { isPresetId, presetInput, PRESET_IDS } from '../rules/presets/index';
import type { InputProblem } from '../rules/validation';
import { seenCell, type MarksSeen } from '../sites/marks-seen';
import { NOT_MANAGED, readManaged, type ManagedSettings } from './managed';
import type { ReportFigure } from '../rules/attendance-report';
import { academicYearStarting } from '../rules/calendar/school-calendar';
import { REGISTER_FIELDS, type ColumnMapping } from '../rules/exports/columns';
import { tabledSchoolCalendarFor } from '../rules/calendar/england-bank-holidays';
import { nDeadline } from '../rules/checks/unexplained-absence';
import { dateOfDayNumber, dayNumber, isIsoDate, type IsoDate } from '../rules/dates';
import type { Finding } from '../rules/findings';
import { EXPORT_CHECK_SITE, todayInEngland } from './bundle';
import { thresholdKey, UNKNOWN_SITE, type SiteReportFigureRow, type Dismissal, type MarkwiseDb, type NFirstSeen, type PupilFigure, type PupilMarks, type ReportFigureRow, type StoredPolicy, type StoredSiteProfile, type ThresholdSeen } from './db';
import { parseJsonText } from './json-text';

export type PolicyOrigin = StoredPolicy['origin'];

export type TodaySetting = { mode: 'real' } | { mode: 'fixed'; date: string };

/** A school site the user granted Markwise, and which site profiles read it. */
export interface SiteGrant {
  /** e.g. https://school.arbor.sc */
  origin: string;
  profileIds: string[];
  addedAt: string;
  /** Set by an administrator: listed, and not removable here. */
  managed?: boolean;
}

/**
 * How much pupil data to keep, counted in school years (from 1 September): figures, N records and
 * dismissed findings dated before the first kept year's start are removed automatically.
 */
export type Retention = 'this-school-year' | 'previous-school-year' | 'two-school-years';

export const RETENTION_YEARS: Readonly<Record<Retention, number>> = { 'this-school-year': 0, 'previous-school-year': 1, 'two-school-years': 2 };

/** The first day kept: 1 September of the school year `years` before today's. */
export function keptFrom(retention: Retention, today: string): string {
  return `${academicYearStarting(today) - RETENTION_YEARS[retention]}-09-01`;
}

export interface SettingValues {
  activePolicyId: string;
  panelCollapsed: boolean;
  today: TodaySetting;
  sites: SiteGrant[];
  retention: Retention;
  /**
   * Column mappings a person chose on the check page, by the file shape they were chosen for
   * (the header's names, rules/exports/columns.ts shapeKey): next month's export of the same
   * shape is read the same way without asking again.
   */
  exportColumns: Record<string, ColumnMapping>;
  /** The role a person chose in the popup, by site (origin): the site profile's guess was wrong for them. */
  roles: Record<string, Role>;
}
export type SettingKey = keyof SettingValues;

// A stored value that no longer matches (an older build, a hand-edited database) reads as the default.
const SETTING_SCHEMAS: { readonly [K in SettingKey]: z.ZodMiniType<SettingValues[K]> } = {
  activePolicyId: z.string().check(z.minLength(1)),
  panelCollapsed: z.boolean(),
  today: z.union([
    z.object({ mode: z.literal('real') }),
    z.object({ mode: z.literal('fixed'), date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)) }),
  ]),
  sites: z.array(z.object({ origin: z.string(), profileIds: z.array(z.string()), addedAt: z.string() })),
  retention: z.enum(['this-school-year', 'previous-school-year', 'two-school-years']),
  exportColumns: z.record(z.string(), z.partialRecord(z.enum(REGISTER_FIELDS), z.string().check(z.minLength(1)))),
  roles: z.record(z.string(), z.enum(['teacher', 'office'])),
};

export interface StoreOptions {
  /** 'micklefield' when built with the demo, else 'dfe'. */
  defaultPolicyId: string;
  now: () => Date;
  /** The raw values an administrator set (storage.managed); none when not given. */
  managed?: () => Promise<unknown>;
}

export interface ActivePolicy {
  id: string;
  input: unknown;
  /** 'managed': set by an administrator, and locked. */
  origin: PolicyOrigin | 'managed';
}

export interface PolicyListing {
  id: string;
  name: string;
  origin: PolicyOrigin;
  /** Null for a preset that has never been edited. */
  savedAt: string | null;
}

export type SavePolicyResult = { ok: true; policy: Policy; stored: StoredPolicy } | { ok: false; problems: InputProblem[] };

export type SiteProfileParser = (
  json: unknown,
) => { ok: true; profiles: { id: string }[] } | { ok: false; problems: InputProblem[] };

export type ImportSiteProfilesResult = { ok: true; ids: string[] } | { ok: false; problems: InputProblem[] };

export interface NMark {
  pupilId: string;
  date: string;
  session: 'AM' | 'PM';
}

export type FigureReading = Omit<PupilFigure, 'site' | 'seenAt'>;

/** What retention removes, by kind: rows of figures, reports, N records, dismissals, thresholds; pupils whose kept marks lose some. */
export type RetentionCounts = Record<'pupilFigures' | 'reportFigures' | 'nFirstSeen' | 'dismissals' | 'thresholds' | 'pupilMarks', number>;

export interface RetentionOutcome {
  /** The real date in England the retention went by (never the fixed checking date). */
  today: string;
  /** The first day the setting keeps. */
  keptFrom: string;
  /** Rows removed now. */
  removed: number;
  /** What the setting would also remove, held until someone says yes: data of this or the previous real school year, or anything while dates run ahead. */
  waiting: { before: string; counts: RetentionCounts; total: number } | null;
  /** The newest date held, when it is far after the real date (a fixed checking date, or a wrong clock). */
  aheadOfToday: string | null;
}

/** An N whose deadline cannot be worked out is kept this many days after its date (a summer holiday and more). */
const NO_DEADLINE_KEEP_DAYS = 70;

/** Data dated more than this many days after the real date means something is wrong: retention asks first. */
export const FAR_AHEAD_DAYS = 14;

export type StorageSummary = Record<'policies' | 'settings' | 'siteProfiles' | 'pupilFigures' | 'nFirstSeen' | 'dismissals' | 'reportFigures' | 'thresholds' | 'pupilMarks', number>;

export function nSeenKey(site: string, mark: NMark): string {
  return `${site}|${mark.pupilId}|${mark.date}|${mark.session}`;
}

export function dismissalKey(d: Pick<Dismissal, 'rule' | 'upn' | 'date' | 'session'>): string {
  return `${d.rule}|${d.upn}|${d.date}|${d.session}`;
}

/** The stored key: the same finding dismissed on two sites is two dismissals. */
export function storedDismissalKey(site: string, findingKey: string): string {
  return `${site}|${findingKey}`;
}

function policyName(input: unknown, id: string): string {
  if (typeof input === 'object' && input !== null && 'schoolName' in input && typeof input.schoolName === 'string') {
    return input.schoolName;
  }
  return id;
}

export class MarkwiseStore {
  private readonly defaults: SettingValues;

  constructor(
    private readonly db: MarkwiseDb,
    private readonly options: StoreOptions,
  ) {
    this.defaults = { activePolicyId: options.defaultPolicyId, panelCollapsed: false, today: { mode: 'real' }, sites: [], retention: 'previous-school-year', exportColumns: {}, roles: {} };
  }

  private stamp(): string {
    return this.options.now().toISOString();
  }

  // ---- settings ----

  async getSetting<K extends SettingKey>(key: K): Promise<SettingValues[K]> {
    const row = await this.db.settings.get(key);
    if (row === undefined) return structuredClone(this.defaults[key]);
    const parsed = SETTING_SCHEMAS[key].safeParse(row.value);
    return parsed.success ? parsed.data : structuredClone(this.defaults[key]);
  }

  async setSetting<K extends SettingKey>(key: K, value: SettingValues[K]): Promise<void> {
    // Validate so a caller's mistake is loud here rather than a silent default on the next read.
    await this.db.settings.put({ key, value: SETTING_SCHEMAS[key].parse(value) });
  }

  // ---- policies ----

  // ---- what an administrator set ----

  /** The managed settings, read and checked afresh each time (an administrator may change them). */
  async managed(): Promise<ManagedSettings> {
    if (this.options.managed === undefined) return NOT_MANAGED;
    try {
      return readManaged(await this.options.managed());
    } catch {
      return NOT_MANAGED;
    }
  }

  /** A problem to return when the policy is locked by an administrator, or null. */
  private async policyLocked(): Promise<InputProblem[] | null> {
    const m = await this.managed();
    return m.policyInput === null ? null : [{ path: '(the policy)', message: `is set by ${m.managedBy}, so it cannot be changed here` }];
  }

  async activePolicy(): Promise<ActivePolicy> {
    const managed = await this.managed();
    if (managed.policyInput !== null) return { id: managed.policyId!, input: managed.policyInput, origin: 'managed' };
    const id = await this.getSetting('activePolicyId');
    const found = await this.policyInput(id);
    if (found !== null) return found;
    // The active policy was removed (or the setting is stale): fall back to the build's default.
    const fallback = await this.policyInput(this.options.defaultPolicyId);
    if (fallback !== null) return fallback;
    return { id: 'dfe', input: presetInput('dfe'), origin: 'preset' };
  }

  /** A policy as stored (or a preset's own), by id; null when there is none. */
  async policyInput(id: string): Promise<ActivePolicy | null> {
    const stored = await this.db.policies.get(id);
    if (stored !== undefined) return { id, input: stored.input, origin: stored.origin };
    if (isPresetId(id)) return { id, input: presetInput(id), origin: 'preset' };
    return null;
  }

  /** The presets (an edited preset shows its stored version) then the imported policies. */
  async listPolicies(): Promise<PolicyListing[]> {
    const stored = await this.db.policies.toArray();
    const byId = new Map(stored.map((p) => [p.id, p]));
    const listing: PolicyListing[] = PRESET_IDS.map((id) => {
      const row = byId.get(id);
      return row === undefined
        ? { id, name: policyName(presetInput(id), id), origin: 'preset' as const, savedAt: null }
        : { id, name: row.name, origin: row.origin, savedAt: row.savedAt };
    });
    for (const row of stored) {
      if (!isPresetId(row.id)) listing.push({ id: row.id, name: row.name, origin: row.origin, savedAt: row.savedAt });
    }
    return listing;
  }

  async setActivePolicy(id: string): Promise<{ ok: true } | { ok: false; problems: InputProblem[] }> {
    const locked = await this.policyLocked();
    if (locked !== null) return { ok: false, problems: locked };
    if ((await this.policyInput(id)) === null) {
      return { ok: false, problems: [{ path: 'id', message: `there is no policy called ${JSON.stringify(id)}` }] };
    }
    await this.setSetting('activePolicyId', id);
    return { ok: true };
  }

  /** Validates, then writes the policy and makes it active in one transaction; on any problem writes nothing. */
  async savePolicy(input: unknown, origin: PolicyOrigin): Promise<SavePolicyResult> {
    const locked = await this.policyLocked();
    if (locked !== null) return { ok: false, problems: locked };
    const result = parsePolicy(input);
    if (!result.ok) return result;
    const stored: StoredPolicy = {
      id: result.policy.id,
      name: result.policy.schoolName,
      origin,
      input: structuredClone(input),
      savedAt: this.stamp(),
    };
    await this.db.transaction('rw', this.db.policies, this.db.settings, async () => {
      await this.db.policies.put(stored);
      await this.db.settings.put({ key: 'activePolicyId', value: stored.id });
    });
    return { ok: true, policy: result.policy, stored };
  }

  async importPolicyFile(text: string): Promise<SavePolicyResult> {
    const json = parseJsonText(text);
    if (!json.ok) return json;
    return this.savePolicy(json.value, 'imported');
  }

  /** Pretty JSON of the policy as written, or null when there is no such policy. */
  async exportPolicy(id: string): Promise<string | null> {
    const found = await this.policyInput(id);
    return found === null ? null : `${JSON.stringify(found.input, null, 2)}\n`;
  }

  /** Removes a stored policy; a removed preset goes back to its built-in version. */
  async deletePolicy(id: string): Promise<void> {
    await this.db.policies.delete(id);
  }

  /**
   * Puts term dates into a policy: a year with the same label is replaced, others added.
   * The whole policy is validated again; on any problem nothing changes.
   */
  async importTermDates(policyId: string, years: readonly AcademicYear[]): Promise<SavePolicyResult> {
    const locked = await this.policyLocked();
    if (locked !== null) return { ok: false, problems: locked };
    return this.db.transaction('rw', this.db.policies, async () => {
      const found = await this.policyInput(policyId);
      if (found === null) {
        return { ok: false, problems: [{ path: 'id', message: `there is no policy called ${JSON.stringify(policyId)}` }] };
      }
      const input = structuredClone(found.input);
      if (typeof input !== 'object' || input === null || !('calendar' in input)) {
        return { ok: false, problems: [{ path: 'calendar', message: 'the stored policy has no calendar' }] };
      }
      const calendar = input.calendar as { academicYears?: AcademicYear[] };
      // The same merge the options page showed before asking (rules/calendar/term-changes.ts).
      calendar.academicYears = mergeAcademicYears(calendar.academicYears ?? [], years);

      const result = parsePolicy(input);
      if (!result.ok) return result;
      const stored: StoredPolicy = {
        id: policyId,
        name: result.policy.schoolName,
        origin: found.origin === 'imported' ? 'imported' : 'edited',
        input,
        savedAt: this.stamp(),
      };
      await this.db.policies.put(stored);
      return { ok: true as const, policy: result.policy, stored };
    });
  }

  // ---- site profiles ----

  async importSiteProfiles(text: string, parse: SiteProfileParser): Promise<ImportSiteProfilesResult> {
    const json = parseJsonText(text);
    if (!json.ok) return json;
    const result = parse(json.value);
    if (!result.ok) return result;
    const savedAt = this.stamp();
    const rows: StoredSiteProfile[] = result.profiles.map((profile) => ({ id: profile.id, profile, savedAt }));
    await this.db.transaction('rw', this.db.siteProfiles, async () => {
      await this.db.siteProfiles.bulkPut(rows);
    });
    return { ok: true, ids: rows.map((r) => r.id) };
  }

  /**
   * A profile taught on a site (issue 16), already checked: kept as made there, and the site given
   * it beside the profiles it had, in one transaction. Taught again, it replaces the one before.
   */
  async saveTaughtProfile(origin: string, profile: { id: string }): Promise<void> {
    await this.db.transaction('rw', this.db.siteProfiles, this.db.settings, async () => {
      await this.db.siteProfiles.put({ id: profile.id, profile, savedAt: this.stamp(), taughtOn: origin });
      const existing = (await this.getSetting('sites')).find((s) => s.origin === origin);
      await this.addSite(origin, [...new Set([profile.id, ...(existing?.profileIds ?? [])])]);
    });
  }

  async siteProfiles(): Promise<StoredSiteProfile[]> {
    return this.db.siteProfiles.toArray();
  }

  // ---- pupils' figures ----

  /** Records figures read from a page; a figure from an earlier day never replaces a later one. */
  async recordFigures(site: string, figures: readonly FigureReading[]): Promise<void> {
    const seenAt = this.stamp();
    const today = this.realToday();
    await this.db.transaction('rw', this.db.pupilFigures, async () => {
      // Within one call the last reading of a pupil wins, unless it is older.
      const newest = new Map<string, PupilFigure>();
      for (const f of figures) {
        const previous = newest.get(f.pupilId);
        if (previous === undefined || f.seenOn >= previous.seenOn) newest.set(f.pupilId, { ...f, site, seenAt });
      }
      const incoming = [...newest.values()];
      const existing = await this.db.pupilFigures.bulkGet(incoming.map((f) => [site, f.pupilId] as [string, string]));
      const toWrite = incoming.filter((f, i) => {
        const old = existing[i];
        // A figure dated after today (stored under a fixed checking date) never outlives a real reading.
        return old === undefined || f.seenOn >= old.seenOn || old.seenOn > today;
      });
      await this.db.pupilFigures.bulkPut(toWrite);
    });
  }

  async figuresFor(site: string, pupilIds: readonly string[]): Promise<Map<string, PupilFigure>> {
    const rows = await this.db.pupilFigures.bulkGet(pupilIds.map((id) => [site, id] as [string, string]));
    const out = new Map<string, PupilFigure>();
    for (const row of rows) if (row !== undefined) out.set(row.pupilId, row);
    return out;
  }

  // ---- figures from attendance reports ----

  /**
   * Keeps a report's figures, all in one transaction: for each pupil the newest figures win, so a
   * report older than one already imported leaves that pupil's figures as they were.
   */
  async importReport(figures: readonly ReportFigure[], asOf: string, source: string, site: string | null = null): Promise<{ imported: number; keptNewer: number }> {
    const importedAt = this.stamp();
    // Matched by the MIS's own id: kept for that one site, where the id means one pupil.
    type Row = ReportFigureRow | SiteReportFigureRow;
    const table = (site === null ? this.db.reportFigures : this.db.siteReportFigures) as unknown as Table<Row, IndexableType>;
    if (figures.some((f) => (site === null ? f.upn === null : f.pupilId === undefined))) throw new Error('a report figure has no key to match it by');
    return this.db.transaction('rw', table, async () => {
      const existing = await table.bulkGet(figures.map((f) => (site === null ? f.upn! : [site, f.pupilId!])));
      const rows: Row[] = [];
      figures.forEach((f, i) => {
        const before = existing[i];
        if (before !== undefined && before.asOf > asOf) return;
        // A report of a later day keeps the figure before it; a corrected report of the same day keeps what that one kept.
        const previous = before === undefined ? null : before.asOf < asOf ? { attendance: before.attendance, asOf: before.asOf } : { attendance: before.previousAttendance ?? null, asOf: before.previousAsOf ?? null };
        const row = { ...f, asOf, source, importedAt, previousAttendance: previous?.attendance ?? null, previousAsOf: previous?.asOf ?? null };
        rows.push(site === null ? { ...row, upn: f.upn! } : { ...row, site, pupilId: f.pupilId! });
      });
      await table.bulkPut(rows);
      return { imported: rows.length, keptNewer: figures.length - rows.length };
    });
  }

  /** Every pupil's figures from reports. */
  async reportFigures(): Promise<ReportFigureRow[]> {
    return this.db.reportFigures.toArray();
  }

  // ---- marks seen, for the pupil card ----

  /**
   * Keeps the marks a page showed for each of its pupils, merged with those kept before (the
   * page's mark wins for a session it shows). Pages send them only up to 2,000 cells: a whole
   * school at once would make writes that compete with staff's typing, and class registers and
   * records give the same marks a class at a time.
   */
  async recordPupilMarks(site: string, seenOn: string, pupils: readonly { pupilId: string; upn: string; upnShown?: boolean; name: string; dob: string | null; marks: readonly PupilMarks['marks'][number][] }[]): Promise<void> {
    if (pupils.length === 0) return;
    await this.db.transaction('rw', this.db.pupilMarks, async () => {
      const keys = pupils.map((p) => `${site}|${p.pupilId}`);
      const existing = await this.db.pupilMarks.bulkGet(keys);
      const rows = pupils.map((p, i) => {
        const merged = new Map((existing[i]?.marks ?? []).map((m) => [`${m.date}|${m.session}`, m]));
        for (const m of p.marks) merged.set(`${m.date}|${m.session}`, { date: m.date, session: m.session, mark: m.mark, arrival: m.arrival, ...(m.minutesLate != null ? { minutesLate: m.minutesLate } : {}) });
        const marks = [...merged.values()].sort((a, b) => a.date.localeCompare(b.date) || a.session.localeCompare(b.session));
        return { key: keys[i]!, site, pupilId: p.pupilId, upn: p.upn, ...(p.upnShown === false ? { upnShown: false } : {}), name: p.name, dob: p.dob ?? existing[i]?.dob ?? null, marks, seenOn };
      });
      await this.db.pupilMarks.bulkPut(rows);
    });
  }

  /** Every pupil whose marks are kept, by name. */
  async pupilsWithMarks(): Promise<PupilMarks[]> {
    return (await this.db.pupilMarks.toArray()).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }

  // ---- thresholds seen on pages ----

  /**
   * Keeps each threshold crossing a page showed (the rules report one finding a crossing: each run
   * of 10 days, each time the penalty line is reached again), with when it was first seen.
   */
  async recordThresholds(site: string, findings: readonly (Pick<Finding, 'rule' | 'upn' | 'name' | 'date' | 'what' | 'action'> & { pupilId?: string })[]): Promise<void> {
    const rows = new Map<string, ThresholdSeen>();
    const now = this.stamp();
    for (const f of findings) {
      if (f.rule !== 'la-notify-10-days' && f.rule !== 'penalty-threshold') continue;
      // A pupil the page showed without a UPN is this site's: the same id elsewhere is someone else.
      const key = thresholdKey(f.rule, f.upn, f.date, f.pupilId === undefined ? undefined : { site, pupilId: f.pupilId });
      rows.set(key, { key, rule: f.rule, upn: f.upn, ...(f.pupilId === undefined ? {} : { pupilId: f.pupilId }), name: f.name, date: f.date, what: f.what, action: f.action, site, firstSeen: now });
    }
    if (rows.size === 0) return;
    await this.db.transaction('rw', this.db.thresholds, async () => {
      const existing = await this.db.thresholds.bulkGet([...rows.keys()]);
      const fresh = [...rows.values()].filter((_, i) => existing[i] === undefined);
      await this.db.thresholds.bulkAdd(fresh);
    });
  }

  /** Newest first. */
  async thresholdsSeen(): Promise<ThresholdSeen[]> {
    return this.db.thresholds.orderBy('firstSeen').reverse().toArray();
  }

  /** Every pupil's figures from reports matched by MIS id, for each site. */
  async siteReportFigures(): Promise<SiteReportFigureRow[]> {
    return this.db.siteReportFigures.toArray();
  }

  /** Figures from reports matched by the MIS's own id on this site, by that id. */
  async siteReportFiguresFor(site: string, pupilIds: readonly string[]): Promise<Map<string, SiteReportFigureRow>> {
    const rows = await this.db.siteReportFigures.bulkGet(pupilIds.map((id) => [site, id] as [string, string]));
    return new Map(rows.flatMap((r) => (r === undefined ? [] : [[r.pupilId, r] as const])));
  }

  /**
   * The sites a report may be matched to by the MIS's own id: those the school added or an
   * administrator set, and any Markwise has kept pupils for (the demo's, in development builds).
   */
  async pupilSites(): Promise<string[]> {
    const [granted, figures, ns] = await Promise.all([this.sites(), this.db.pupilFigures.orderBy('[site+pupilId]').keys(), this.db.nFirstSeen.orderBy('site').uniqueKeys()]);
    const seen = [...figures.map((k) => (k as unknown as [string, string])[0]), ...(ns as string[])];
    return [...new Set([...granted.map((s) => s.origin), ...seen])].filter((s) => s !== UNKNOWN_SITE && !s.endsWith(':*')).sort();
  }

  async reportFiguresFor(upns: readonly string[]): Promise<Map<string, ReportFigureRow>> {
    const rows = await this.db.reportFigures.bulkGet([...new Set(upns)]);
    return new Map(rows.flatMap((r) => (r === undefined ? [] : [[r.upn, r] as const])));
  }

  /** What the imports hold: how many pupils, and the newest as-of date. */
  async reportFiguresSummary(): Promise<{ pupils: number; newestAsOf: string | null }> {
    const [byUpn, byId, newest, newestById] = await Promise.all([this.db.reportFigures.count(), this.db.siteReportFigures.count(), this.db.reportFigures.orderBy('asOf').last(), this.db.siteReportFigures.orderBy('asOf').last()]);
    const dates = [newest?.asOf, newestById?.asOf].filter((d): d is string => d !== undefined).sort();
    return { pupils: byUpn + byId, newestAsOf: dates.at(-1) ?? null };
  }

  // ---- N first seen ----

  /**
   * What a page showed of N codes: each N is kept with when and where it was first seen (the
   * first sighting stays; later ones update the name and lastSeen), and an N this site had on
   * record for a cell the page now shows with another code is removed: it has been dealt with.
   * Returns when each of the page's N was first seen, by key.
   */
  async recordMarksSeen(site: string, seen: MarksSeen): Promise<Map<string, string>> {
    const now = this.stamp();
    const columnCount = seen.columns.length;
    const keyOf = (pupil: number, column: number) => nSeenKey(site, { pupilId: seen.pupils[pupil]!.pupilId, ...seen.columns[column]! });
    const nKeys = new Map<string, [number, number]>();
    for (const i of seen.n) {
      const [pupil, column] = seenCell(seen, i);
      if (seen.pupils[pupil] !== undefined && seen.columns[column] !== undefined) nKeys.set(keyOf(pupil, column), [pupil, column]);
    }
    return this.db.transaction('rw', this.db.nFirstSeen, async () => {
      // Dealt with: on record for this site, shown on this page, and not N there now.
      const pupilIndex = new Map(seen.pupils.map((p, i) => [p.pupilId, i]));
      const columnIndex = new Map(seen.columns.map((c, i) => [`${c.date}|${c.session}`, i]));
      const shown = seen.cells === null ? null : new Set(Array.from({ length: seen.cells.length / 2 }, (_, i) => seen.cells![2 * i]! * columnCount + seen.cells![2 * i + 1]!));
      // A blank cell says nothing yet (the page may fill its marks in later): only another code deals with an N.
      const blank = new Set(seen.blank.map((i) => {
        const [pupil, column] = seenCell(seen, i);
        return pupil * columnCount + column;
      }));
      const onRecord = await this.db.nFirstSeen.where('site').equals(site).toArray();
      const dealtWith = onRecord.filter((row) => {
        const pupil = pupilIndex.get(row.pupilId);
        const column = columnIndex.get(`${row.date}|${row.session}`);
        if (pupil === undefined || column === undefined || nKeys.has(row.key) || blank.has(pupil * columnCount + column)) return false;
        return shown === null || shown.has(pupil * columnCount + column);
      });
      await this.db.nFirstSeen.bulkDelete(dealtWith.map((row) => row.key));

      const keys = [...nKeys.keys()];
      const existing = await this.db.nFirstSeen.bulkGet(keys);
      const out = new Map<string, string>();
      const rows: NFirstSeen[] = [];
      keys.forEach((key, i) => {
        const [pupil, column] = nKeys.get(key)!;
        const { pupilId, upn, name } = seen.pupils[pupil]!;
        const { date, session } = seen.columns[column]!;
        const before = existing[i];
        out.set(key, before?.firstSeen ?? now);
        // A page that shows no UPN or name keeps what an earlier page showed.
        const row: NFirstSeen = {
          key,
          firstSeen: before?.firstSeen ?? now,
          site,
          pupilId,
          date,
          session,
          upn: upn ?? before?.upn ?? null,
          name: name || before?.name || '',
          lastSeen: now,
          pageUrl: before?.pageUrl ?? seen.page.url,
          pageTitle: before?.pageTitle ?? seen.page.title,
        };
        // Written only when new or changed: a whole school's page is opened many times a day, and
        // rewriting its hundreds of N each time would keep the database busy while staff type.
        if (before === undefined || before.upn !== row.upn || before.name !== row.name) rows.push(row);
      });
      await this.db.nFirstSeen.bulkPut(rows);
      return out;
    });
  }

  /** Every N on record, oldest session first. */
  async openNs(): Promise<NFirstSeen[]> {
    const rows = await this.db.nFirstSeen.toArray();
    return rows.sort((a, b) => a.date.localeCompare(b.date) || a.session.localeCompare(b.session) || a.name.localeCompare(b.name, 'en-GB'));
  }

  // ---- dismissals ----

  /** Dismisses a finding on one site (a page's origin, or EXPORT_CHECK_SITE): nowhere else. */
  async dismiss(d: Omit<Dismissal, 'key' | 'dismissedAt'>): Promise<Dismissal> {
    if (d.site === '' || d.site === UNKNOWN_SITE) throw new Error('A dismissal needs the site it was made on.');
    const row: Dismissal = { ...d, key: storedDismissalKey(d.site, dismissalKey(d)), dismissedAt: this.stamp() };
    await this.db.dismissals.put(row);
    return row;
  }

  /** Removes a dismissal by its stored key (site|rule|upn|date|session). */
  async undismiss(key: string): Promise<void> {
    await this.db.dismissals.delete(key);
  }

  /**
   * One site's dismissals, by finding key (rule|upn|date|session), to the reason given; with those
   * from before Markwise kept the site (which applied everywhere) until they are settled.
   */
  async dismissedOn(site: string): Promise<Map<string, string>> {
    const rows = await this.db.dismissals.where('site').anyOf([UNKNOWN_SITE, site]).toArray();
    // The site's own reason wins over an unsettled one for the same finding.
    rows.sort((a, b) => Number(a.site === site) - Number(b.site === site));
    return new Map(rows.map((d) => [dismissalKey(d), d.reason]));
  }

  /**
   * Dismissals made before Markwise recorded the site applied on every site: each is given to every
   * site of the school (`origins`) and the check page, so that none comes back where it was
   * dismissed, and from then on each copy is kept, restored or removed on its own site.
   */
  async settleUnsitedDismissals(origins: readonly string[]): Promise<number> {
    // With no site known (none added yet, or the managed ones unreadable for now), they wait: settled
    // onto the check page alone, they would come back on every MIS page.
    if (origins.length === 0) return 0;
    return this.db.transaction('rw', this.db.dismissals, async () => {
      const unsited = await this.db.dismissals.where('site').equals(UNKNOWN_SITE).toArray();
      if (unsited.length === 0) return 0;
      const sites = [...new Set([...origins, EXPORT_CHECK_SITE])];
      const copies = unsited.flatMap((d) => sites.map((site) => ({ ...d, site, key: storedDismissalKey(site, dismissalKey(d)) })));
      // One dismissed since on the same site wins: it says the reason given there.
      const existing = new Set((await this.db.dismissals.bulkGet(copies.map((c) => c.key))).flatMap((d) => (d === undefined ? [] : [d.key])));
      await this.db.dismissals.bulkAdd(copies.filter((c) => !existing.has(c.key)));
      await this.db.dismissals.bulkDelete(unsited.map((d) => d.key));
      return unsited.length;
    });
  }

  /** Newest first. */
  async dismissals(): Promise<Dismissal[]> {
    return this.db.dismissals.orderBy('dismissedAt').reverse().toArray();
  }

  // ---- sites ----

  async addSite(origin: string, profileIds: readonly string[]): Promise<SiteGrant[]> {
    return this.db.transaction('rw', this.db.settings, async () => {
      const sites = await this.getSetting('sites');
      const existing = sites.find((s) => s.origin === origin);
      const grant: SiteGrant = { origin, profileIds: [...profileIds], addedAt: existing?.addedAt ?? this.stamp() };
      const next = [...sites.filter((s) => s.origin !== origin), grant];
      await this.setSetting('sites', next);
      return next;
    });
  }

  /** Removes a site the school added; one an administrator set stays (it is listed again by sites()). */
  async removeSite(origin: string): Promise<SiteGrant[]> {
    return this.db.transaction('rw', this.db.settings, async () => {
      const next = (await this.getSetting('sites')).filter((s) => s.origin !== origin);
      await this.setSetting('sites', next);
      return next;
    });
  }

  /** The sites the school added, and those an administrator set (which win for the same site). */
  async sites(): Promise<SiteGrant[]> {
    const [local, managed] = await Promise.all([this.getSetting('sites'), this.managed()]);
    const fromAdmin: SiteGrant[] = managed.sites.map((s) => ({ origin: s.origin, profileIds: [...s.profileIds], addedAt: '', managed: true }));
    const admin = new Set(fromAdmin.map((s) => s.origin));
    return [...fromAdmin, ...local.filter((s) => !admin.has(s.origin))];
  }

  // ---- privacy ----

  /** How many rows each table holds, for "what is stored" on the options page. */
  async summary(): Promise<StorageSummary> {
    const db = this.db;
    const [policies, settings, siteProfiles, pupilFigures, nFirstSeen, dismissals, reportFigures, thresholds, pupilMarks] = await Promise.all([
      db.policies.count(),
      db.settings.count(),
      db.siteProfiles.count(),
      db.pupilFigures.count(),
      db.nFirstSeen.count(),
      db.dismissals.count(),
      db.reportFigures.count().then(async (n) => n + (await db.siteReportFigures.count())),
      db.thresholds.count(),
      db.pupilMarks.count(),
    ]);
    return { policies, settings, siteProfiles, pupilFigures, nFirstSeen, dismissals, reportFigures, thresholds, pupilMarks };
  }

  /** Today in England by the store's clock: retention and stored dates go by it, never by a fixed checking date. */
  realToday(): string {
    return todayInEngland(this.options.now());
  }

  /** When each N stops being needed: the later of its date and its deadline under the active policy (an N on 18 July is due in September). */
  private async nKeptUntil(): Promise<(date: string) => string> {
    const parsed = parsePolicy((await this.activePolicy()).input);
    if (!parsed.ok) return (date) => date;
    const { policy } = parsed;
    // The bank-holiday table (2000 to 2045), not date-holidays: the service worker, which runs this, must stay small.
    const calendar = tabledSchoolCalendarFor(policy.calendar);
    return (date) => {
      // A row from before dates were checked, or before 2000: by its own date (and never into the calendar, which it would break).
      if (!isIsoDate(date) || date < '2000-01-03') return date;
      try {
        const { deadline } = nDeadline(calendar, policy, date as IsoDate, date as IsoDate);
        return deadline > date ? deadline : date;
      } catch {
        // No school days ahead in the calendar: keep it through the longest summer holiday.
        return dateOfDayNumber(dayNumber(date as IsoDate) + NO_DEADLINE_KEEP_DAYS);
      }
    };
  }

  /** The newest date any pupil data is dated. */
  private async newestDate(): Promise<string | null> {
    const db = this.db;
    const [figure, report, ns, dismissals, thresholds, marks, siteReport] = await Promise.all([
      db.pupilFigures.orderBy('seenOn').last(),
      db.reportFigures.orderBy('asOf').last(),
      db.nFirstSeen.toArray(),
      db.dismissals.toArray(),
      db.thresholds.toArray(),
      db.pupilMarks.orderBy('seenOn').last(),
      db.siteReportFigures.orderBy('asOf').last(),
    ]);
    const dates = [figure?.seenOn, report?.asOf, marks?.seenOn, siteReport?.asOf, ...ns.map((n) => n.date), ...dismissals.map((d) => d.date), ...thresholds.map((t) => t.date)];
    return dates.reduce<string | null>((max, d) => (typeof d === 'string' && (max === null || d > max) ? d : max), null);
  }

  /** Removes (or, with dryRun, counts) pupil data dated before `before`; an N goes by the later of its date and deadline. */
  private async removeBefore(before: string, dryRun: boolean): Promise<RetentionCounts> {
    const db = this.db;
    const keptUntil = await this.nKeptUntil();
    return db.transaction(dryRun ? 'r' : 'rw', [db.pupilFigures, db.reportFigures, db.siteReportFigures, db.nFirstSeen, db.dismissals, db.thresholds, db.pupilMarks], async () => {
      const go = (collection: { count(): Promise<number>; delete(): Promise<number> }) => (dryRun ? collection.count() : collection.delete());
      const [pupilFigures, reportFigures, nFirstSeen, dismissals, thresholds, pupilMarks] = await Promise.all([
        go(db.pupilFigures.where('seenOn').below(before)),
        Promise.all([go(db.reportFigures.where('asOf').below(before)), go(db.siteReportFigures.where('asOf').below(before))]).then(([a, b]) => a + b),
        go(db.nFirstSeen.filter((n) => keptUntil(n.date) < before)),
        go(db.dismissals.filter((d) => d.date < before)),
        go(db.thresholds.filter((t) => t.date < before)),
        // A pupil's marks before the first day kept go; a pupil with none left goes.
        (async () => {
          let n = 0;
          for (const row of await db.pupilMarks.toArray()) {
            const kept = row.marks.filter((m) => m.date >= before);
            if (kept.length === row.marks.length) continue;
            n++;
            if (dryRun) continue;
            if (kept.length === 0) await db.pupilMarks.delete(row.key);
            else await db.pupilMarks.put({ ...row, marks: kept });
          }
          return n;
        })(),
      ]);
      return { pupilFigures, reportFigures, nFirstSeen, dismissals, thresholds, pupilMarks };
    });
  }

  /**
   * Applies the retention setting on the real date in England. Without a yes it removes only data
   * dated before the previous real school year, and nothing at all while the newest data is far
   * ahead of the real date; what the setting would remove beyond that waits, counted by kind, for
   * `confirmedBefore` (the first day kept, as shown to the person who said yes).
   */
  async applyRetention(confirmedBefore?: string): Promise<RetentionOutcome> {
    const today = this.realToday();
    const from = keptFrom(await this.getSetting('retention'), today);
    const newest = await this.newestDate();
    const aheadOfToday = newest !== null && dayNumber(newest as never) - dayNumber(today as never) > FAR_AHEAD_DAYS ? newest : null;
    // Never without asking: this or the previous real school year.
    const safeFrom = keptFrom('previous-school-year', today);
    const automatic = aheadOfToday !== null ? null : from < safeFrom ? from : safeFrom;
    const cut = confirmedBefore !== undefined ? (confirmedBefore < from ? confirmedBefore : from) : automatic;
    const removedCounts = cut === null ? null : await this.removeBefore(cut, false);
    const removed = removedCounts === null ? 0 : Object.values(removedCounts).reduce((a, b) => a + b, 0);
    const counts = await this.removeBefore(from, true);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    return { today, keptFrom: from, removed, waiting: total > 0 ? { before: from, counts, total } : null, aheadOfToday };
  }

  /** For the privacy section: how many pupils each kind of data is about, and the oldest date held. */
  async heldAbout(): Promise<{ figures: number; reports: number; nRecords: number; oldest: string | null }> {
    const db = this.db;
    const [figures, reports, ns, oldestFigure, oldestReport, oldestSiteReport] = await Promise.all([
      db.pupilFigures.toArray(),
      db.reportFigures.count().then(async (n) => n + (await db.siteReportFigures.count())),
      db.nFirstSeen.toArray(),
      db.pupilFigures.orderBy('seenOn').first(),
      db.reportFigures.orderBy('asOf').first(),
      db.siteReportFigures.orderBy('asOf').first(),
    ]);
    const oldestN = ns.reduce<string | null>((o, n) => (o === null || n.date < o ? n.date : o), null);
    const dates = [oldestFigure?.seenOn, oldestReport?.asOf, oldestSiteReport?.asOf, oldestN].filter((d): d is string => typeof d === 'string').sort();
    return {
      figures: new Set(figures.map((f) => `${f.site}|${f.pupilId}`)).size,
      reports,
      nRecords: new Set(ns.map((n) => `${n.site}|${n.pupilId}`)).size,
      oldest: dates[0] ?? null,
    };
  }

  /** Deletes everything Markwise stored, in one transaction: back to the defaults. */
  async wipe(): Promise<void> {
    const tables = this.db.dataTables;
    await this.db.transaction('rw', tables, async () => {
      await Promise.all(tables.map((t) => t.clear()));
    });
  }
}
