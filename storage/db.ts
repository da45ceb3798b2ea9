// The one IndexedDB database, opened only in the extension's own origin
// (background service worker and options page), never in the MIS page.

import { Dexie, type EntityTable, type Table } from 'dexie';

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

export interface NFirstSeen {
  /** `${site}|${pupilId}|${date}|${session}` */
  key: string;
  /** ISO datetime. */
  firstSeen: string;
}

export interface Dismissal {
  /** `${rule}|${upn}|${date}|${session}` */
  key: string;
  rule: string;
  upn: string;
  date: string;
  session: 'AM' | 'PM';
  reason: string;
  dismissedAt: string;
}

/** Version 1's figures row: keyed by pupilId alone, with no site. */
export type PupilFigureV1 = Omit<PupilFigure, 'site'>;

export const DB_NAME = 'markwise';
/**
 * Version 2 moves figures to the [site+pupilId] key through a staging table,
 * version 3 moves them back to pupilFigures: IndexedDB (and so Dexie) cannot change
 * a table's primary key in place.
 */
export const DB_VERSION = 3;

/** Where v1 figures go: they were read before Markwise recorded the site. */
export const UNKNOWN_SITE = 'unknown';

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
  }

  /** Every table that holds the user's data, for wipe() and the privacy summary. */
  get dataTables(): Table[] {
    return [this.policies, this.settings, this.siteProfiles, this.pupilFigures, this.nFirstSeen, this.dismissals];
  }
}

export function openDb(name: string = DB_NAME): MarkwiseDb {
  return new MarkwiseDb(name);
}
