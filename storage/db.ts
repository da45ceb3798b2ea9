// The one IndexedDB database, opened only in the extension's own origin
// (background service worker and options page), never in the MIS page.

import { Dexie, type EntityTable, type Table } from 'dexie';
import { UNKNOWN_SITE } from './bundle';

export interface StoredPolicy {
  id: string;
  name: string;
  origin: 'preset' | 'imported' | 'edited';
  /** The PolicyInput JSON as written: defaults not filled in, so an export round-trips. */
  input: unknown;
  /** ISO datetime. */
  savedAt: string;
}

export interface Setting {
  key: string;
  value: unknown;
}

export interface StoredSiteProfile {
  id: string;
  /** Validated by sites/ before it is written. */
  profile: unknown;
  savedAt: string;
  /** Made with "Teach Markwise this page" on this site (its origin); absent: imported. */
  taughtOn?: string;
}

export interface PupilFigure {
  /** The school site's origin: the same MIS id on two sites is two different pupils. */
  site: string;
  pupilId: string;
  upn: string | null;
  name: string;
  /** Percent. */
  attendance: number;
  possible: number | null;
  attended: number | null;
  /** YYYY-MM-DD: the school day the figure was read. */
  seenOn: string;
  /** ISO datetime. */
  seenAt: string;
}

/** An N seen on a register page, kept until a page shows that session with another code. */
export interface NFirstSeen {
  /** `${site}|${pupilId}|${date}|${session}` */
  key: string;
  /** ISO datetime. */
  firstSeen: string;
  // From version 4; rows from before it have these filled from the key (upn null, names empty).
  site: string;
  pupilId: string;
  /** The N's session. */
  date: string;
  session: 'AM' | 'PM';
  upn: string | null;
  name: string;
  /** ISO datetime: when the row was last written (first seen, or a page gave a new name or UPN). */
  lastSeen: string;
  /** The page it was first seen on (address and title), for staff to go back to. */
  pageUrl: string | null;
  pageTitle: string | null;
}

/** A pupil's figures from an imported attendance report, matched to MIS pages by UPN. */
export interface ReportFigureRow {
  upn: string;
  name: string;
  /** Percent. */
  attendance: number;
  possible: number | null;
  attended: number | null;
  authorised: number | null;
  unauthorised: number | null;
  /** YYYY-MM-DD: the day the report's figures describe. */
  asOf: string;
  /** The file's name. */
  source: string;
  /** ISO datetime. */
  importedAt: string;
  /** The pupil's figure from the report before this one, for thresholds crossed since the last import. */
  previousAttendance?: number | null;
  previousAsOf?: string | null;
}

/**
 * A pupil's figures from a report matched by the MIS's own id, for the one site the school said it
 * came from (version 6): the same id on another site is another pupil, and never a UPN.
 */
export interface SiteReportFigureRow extends Omit<ReportFigureRow, 'upn'> {
  site: string;
  pupilId: string;
  /** The report's UPN for the pupil, when it has one: a page showing another UPN is not matched. */
  upn: string | null;
}

/** A threshold a register page showed a pupil had reached: kept with when Markwise first saw it, each crossing on its own. */
export interface ThresholdSeen {
  /**
   * `${rule}|${upn}|${date}` (from version 5; before it `${rule}|${upn}`, one a pupil); for a pupil
   * whose page shows no UPN, `${rule}|${site}|${pupilId}|${date}` (from version 6).
   */
  key: string;
  rule: 'la-notify-10-days' | 'penalty-threshold';
  /** The UPN, or the MIS's id where the page showed no UPN (then pupilId is set). */
  upn: string;
  /** From version 6: the MIS's own id, set only where the page showed no UPN. */
  pupilId?: string;
  name: string;
  /** The session of the finding (the day the threshold was reached). */
  date: string;
  what: string;
  action: string;
  site: string;
  /** ISO datetime. */
  firstSeen: string;
}

/** The marks class registers and pupil records showed for a pupil, for the pupil card. */
export interface PupilMarks {
  /** `${site}|${pupilId}` */
  key: string;
  site: string;
  pupilId: string;
  upn: string;
  /** From version 6: false where the page showed no UPN (upn is then the MIS's id); older rows leave it out. */
  upnShown?: boolean;
  name: string;
  dob: string | null;
  /** By date and session; a later page's mark for the same session replaces an earlier one. */
  marks: { date: string; session: 'AM' | 'PM'; mark: string; arrival: string | null; minutesLate?: number | null }[];
  /** YYYY-MM-DD: the last day a page showed this pupil's marks. */
  seenOn: string;
}

/** The first version's N row: when, and a key that says where. */
export type NFirstSeenV1 = Pick<NFirstSeen, 'key' | 'firstSeen'>;

export interface Dismissal {
  /** `${site}|${rule}|${upn}|${date}|${session}` */
  key: string;
  /**
   * The site it was dismissed on (the MIS page's origin, or EXPORT_CHECK_SITE for the check page):
   * it applies there only. UNKNOWN_SITE for one made before version 5, until the background gives
   * it to each of the school's sites (MarkwiseStore.settleUnsitedDismissals).
   */
  site: string;
  rule: string;
  upn: string;
  date: string;
  session: 'AM' | 'PM';
  reason: string;
  dismissedAt: string;
}

/** A dismissal of versions 1 to 4: for every site at once. */
export type DismissalV4 = Omit<Dismissal, 'site'>;

/** Version 1's figures row: keyed by pupilId alone, with no site. */
export type PupilFigureV1 = Omit<PupilFigure, 'site'>;

export const DB_NAME = 'markwise';
/**
 * Version 2 moves figures to the [site+pupilId] key through a staging table,
 * version 3 moves them back to pupilFigures: IndexedDB (and so Dexie) cannot change
 * a table's primary key in place.
 */
export const DB_VERSION = 6;

/** Where v1 figures and v4 dismissals go: they were made before Markwise recorded the site. */
export { UNKNOWN_SITE };

/** The first shape, kept for the migration tests. */
export const SCHEMA_V1 = {
  policies: 'id',
  settings: 'key',
  siteProfiles: 'id',
  pupilFigures: 'pupilId',
  nFirstSeen: 'key',
  dismissals: 'key',
} as const;

export class MarkwiseDb extends Dexie {
  policies!: EntityTable<StoredPolicy, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  siteProfiles!: EntityTable<StoredSiteProfile, 'id'>;
  pupilFigures!: Table<PupilFigure, [string, string]>;
  nFirstSeen!: EntityTable<NFirstSeen, 'key'>;
  dismissals!: EntityTable<Dismissal, 'key'>;
  reportFigures!: EntityTable<ReportFigureRow, 'upn'>;
  thresholds!: EntityTable<ThresholdSeen, 'key'>;
  pupilMarks!: EntityTable<PupilMarks, 'key'>;
  siteReportFigures!: Table<SiteReportFigureRow, [string, string]>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);

    this.version(2)
      .stores({
        pupilFigures: null,
        pupilFiguresBySite: '[site+pupilId], seenOn',
        dismissals: 'key, dismissedAt',
      })
      .upgrade(async (tx) => {
        const old = (await tx.table('pupilFigures').toArray()) as PupilFigureV1[];
        await tx.table('pupilFiguresBySite').bulkPut(old.map((row) => ({ ...row, site: UNKNOWN_SITE })));
      });

    this.version(3)
      .stores({
        pupilFiguresBySite: null,
        pupilFigures: '[site+pupilId], seenOn',
      })
      .upgrade(async (tx) => {
        const staged = (await tx.table('pupilFiguresBySite').toArray()) as PupilFigure[];
        await tx.table('pupilFigures').bulkPut(staged);
      });

    // Version 4: N rows say who, which session and where, for the follow-up list; the key already
    // said which site, pupil and session, so older rows keep their place in the list. Figures from
    // imported attendance reports get a table of their own, by UPN, and thresholds seen on pages another.
    this.version(4)
      .stores({ nFirstSeen: 'key, site', reportFigures: 'upn, asOf', thresholds: 'key, firstSeen', pupilMarks: 'key, seenOn' })
      .upgrade(async (tx) => {
        await tx
          .table('nFirstSeen')
          .toCollection()
          .modify((row: NFirstSeenV1 & Partial<NFirstSeen>) => Object.assign(row, nRecordFromKey(row.key, row.firstSeen)));
      });

    // Version 5, two changes made together:
    // - a dismissal applies only on the site it was made on. Older ones were made before
    //   Markwise recorded the site: they wait under UNKNOWN_SITE, nothing lost, until the background,
    //   which knows every site (the managed ones too), gives each to all of the school's sites;
    // - every crossing of a threshold is kept (a second run of 10 days, the penalty line reached
    //   again), so a crossing's key names its date. The key is the primary key: rows are re-keyed.
    this.version(5)
      .stores({ dismissals: 'key, dismissedAt, site', thresholds: 'key, firstSeen' })
      .upgrade(async (tx) => {
        const dismissals = tx.table('dismissals');
        const old = (await dismissals.toArray()) as (DismissalV4 & { site?: string })[];
        const unsited = old.filter((d) => d.site === undefined);
        await dismissals.bulkDelete(unsited.map((d) => d.key));
        await dismissals.bulkPut(unsited.map((d) => ({ ...d, site: UNKNOWN_SITE, key: `${UNKNOWN_SITE}|${d.key}` })));
        const thresholds = tx.table('thresholds');
        const rows = (await thresholds.toArray()) as ThresholdSeen[];
        await thresholds.clear();
        await thresholds.bulkPut(rows.map((row) => ({ ...row, key: thresholdKey(row.rule, row.upn, row.date) })));
      });

    // Version 6: reports matched by the MIS's own id for one site get their own table, keyed by
    // site and id. Nothing older moves: every report so far was matched by UPN.
    this.version(6).stores({ siteReportFigures: '[site+pupilId], asOf' });
  }

  /** Every table that holds the user's data, for wipe() and the privacy summary. */
  get dataTables(): Table[] {
    return [this.policies, this.settings, this.siteProfiles, this.pupilFigures, this.nFirstSeen, this.dismissals, this.reportFigures, this.thresholds, this.pupilMarks, this.siteReportFigures];
  }
}

export function openDb(name: string = DB_NAME): MarkwiseDb {
  return new MarkwiseDb(name);
}

/** The key of one threshold crossing. */
export function thresholdKey(rule: ThresholdSeen['rule'], upn: string, date: string, mis?: { site: string; pupilId: string }): string {
  return mis === undefined ? `${rule}|${upn}|${date}` : `${rule}|${mis.site}|${mis.pupilId}|${date}`;
}

/** What a version 1-3 N row's key says: the site, pupil and session (the site may hold colons, not bars). */
export function nRecordFromKey(key: string, firstSeen: string): NFirstSeen {
  const parts = key.split('|');
  const [pupilId = '', date = '', session = 'AM'] = parts.slice(-3);
  return {
    key,
    firstSeen,
    site: parts.slice(0, -3).join('|'),
    pupilId,
    date,
    session: session === 'PM' ? 'PM' : 'AM',
    upn: null,
    name: '',
    lastSeen: firstSeen,
    pageUrl: null,
    pageTitle: null,
  };
}
