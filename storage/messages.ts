// The typed messages content scripts and the popup send to the background,
// which owns the database. Each request names its reply type, and has a schema
// the background checks it against: a message is input from a web page's world.

import * as z from 'zod/mini';
import { RULE_IDS, type Finding } from '../rules/findings';
import { sessionSchema, type Session, type SnapshotPupil } from '../rules/snapshot';
import { isIsoDate } from '../rules/dates';
import { roleSchema, type Role } from '../rules/policy/schema';
import type { MarksSeen } from '../sites/marks-seen';
import { isSchoolSite } from './bundle';
import { readSiteOrigin } from './site-origin';

export interface PageFigure {
  readonly pupilId: string;
  readonly upn: string | null;
  readonly name: string;
  readonly attendance: number;
  readonly possible: number | null;
  readonly attended: number | null;
}

export interface StoredFigure extends PageFigure {
  /** The date the figure describes: the day it was seen on a page, or a report's as-of date. */
  readonly seenOn: string;
  /** Where it came from and how old it is, for the badge: 'from the attendance report week-47.csv, as of ...'. */
  readonly from: string;
}

/** What a tab's content script reports for the popup. */
export interface TabStatus {
  /** The page's origin, where a role chosen in the popup is kept. */
  readonly site: string;
  /** The role the page is checked for, and the profile's guess (null when no profile matched). */
  readonly role: Role | null;
  readonly profileRole: Role | null;
  readonly profileId: string | null;
  readonly profileName: string | null;
  readonly verified: boolean;
  readonly registerFound: boolean;
  readonly pupils: number;
  readonly findings: number;
  readonly errors: number;
  readonly problems: readonly string[];
}

/**
 * What a page or extension page asks. `site` is the page's own claim, used by the widget; the
 * background ignores it and takes the site from the browser (the sender's origin).
 */
export type Request =
  | { type: 'record-figures'; site: string; seenOn: string; figures: readonly PageFigure[] }
  /** Figures for pupils the page shows none for: by MIS id from other pages, and by UPN (where known) from reports. */
  | { type: 'figures-for'; site: string; pupilIds: readonly string[]; upns: readonly (string | null)[] }
  /** What a register page showed: its N are kept for the follow-up list, and former N it shows with a code are removed. */
  | {
      type: 'record-n-seen';
      site: string;
      seen: MarksSeen;
      thresholds: readonly Finding[];
      /** Each pupil's marks, from pages of up to 2,000 cells (a class, a record): for the pupil card. */
      marks: readonly (SnapshotPupil & { pupilId: string })[];
    }
  | { type: 'dismiss'; rule: string; upn: string; date: string; session: Session; reason: string }
  | { type: 'undismiss'; key: string }
  | { type: 'set-panel-collapsed'; collapsed: boolean }
  | { type: 'tab-status'; status: TabStatus }
  | { type: 'get-tab-status'; tabId: number }
  /** The popup: the person's role on a site (its origin), or null to go back to the profile's guess. */
  | { type: 'set-role'; origin: string; role: Role | null }
  /** "Teach Markwise this page": the profile a person taught on the sending page's site, saved only when they press Save (issue 16). */
  | { type: 'save-taught-profile'; profile: unknown }
  /** The options page changed the database: rebuild the bundle. */
  | { type: 'storage-changed' }
  /** The options page deleted everything: forget the tabs' status, and tell open pages to drop what they hold. */
  | { type: 'wiped' };

export interface Replies {
  'record-figures': { ok: true };
  'figures-for': { figures: Record<string, StoredFigure> };
  'record-n-seen': { firstSeen: Record<string, string> };
  dismiss: { ok: true };
  undismiss: { ok: true };
  'set-panel-collapsed': { ok: true };
  'tab-status': { ok: true };
  'get-tab-status': { status: TabStatus | null };
  'set-role': { ok: true };
  'save-taught-profile': { ok: true; id: string } | { ok: false; problems: string[] };
  'storage-changed': { ok: true };
  wiped: { ok: true };
}


export type Reply<T extends Request['type']> = Replies[T];

/** A message that went wrong in the background: said, not swallowed. */
export interface ErrorReply {
  readonly error: string;
}

export type Send = <R extends Request>(request: R) => Promise<Reply<R['type']>>;

// ---- the schemas the background checks every message against ----

const text = (max: number) => z.string().check(z.maxLength(max));
const isoDate = z.string().check(z.refine(isIsoDate, { error: 'must be a real date written as YYYY-MM-DD' }));
const count = z.int().check(z.minimum(0), z.maximum(1_000_000));
const percent = z.number().check(z.minimum(0), z.maximum(100));
// A whole school's page is 15,000 cells; these bounds are far above any real page.
const MAX_PUPILS = 20_000;
const MAX_COLUMNS = 2_000;
const MAX_CELLS = 400_000;
const index = z.int().check(z.minimum(0), z.maximum(MAX_CELLS));
const pupilId = text(200).check(z.minLength(1));

const pageFigureSchema = z.object({ pupilId, upn: z.nullable(text(200)), name: text(500), attendance: percent, possible: z.nullable(count), attended: z.nullable(count) });

const marksSeenSchema = z
  .object({
    page: z.object({ url: text(4000), title: text(1000) }),
    pupils: z.array(z.object({ pupilId, upn: z.nullable(text(200)), name: text(500) })).check(z.maxLength(MAX_PUPILS)),
    columns: z.array(z.object({ date: isoDate, session: sessionSchema })).check(z.maxLength(MAX_COLUMNS)),
    cells: z.nullable(z.array(index).check(z.maxLength(2 * MAX_CELLS))),
    n: z.array(index).check(z.maxLength(MAX_CELLS)),
    blank: z.array(index).check(z.maxLength(MAX_CELLS)),
  })
  .check(
    z.refine((seen) => (seen.cells === null ? true : seen.cells.length % 2 === 0 && seen.cells.every((v, i) => v < (i % 2 === 0 ? seen.pupils.length : seen.columns.length))), {
      error: 'a cell names a pupil or column the page did not list',
      path: ['cells'],
    }),
    z.refine((seen) => seen.n.every((i) => i < (seen.cells === null ? seen.pupils.length * seen.columns.length : seen.cells.length / 2)), {
      error: 'an N names a cell the page did not list',
      path: ['n'],
    }),
    z.refine((seen) => seen.blank.every((i) => i < (seen.cells === null ? seen.pupils.length * seen.columns.length : seen.cells.length / 2)), {
      error: 'a blank names a cell the page did not list',
      path: ['blank'],
    }),
  );

// pupilId: set only for a pupil the page showed without a UPN (upn is then that id).
const thresholdFindingSchema = z.object({ rule: z.enum(RULE_IDS), upn: text(200).check(z.minLength(1)), pupilId: z.optional(pupilId), name: text(500), date: isoDate, what: text(2000), action: text(2000) });

// The marks as the page showed them, for the pupil card: shapes checked, the page's own wording kept.
const pupilMarksSchema = z.object({
  pupilId,
  upn: text(200).check(z.minLength(1)),
  /** False where the page showed no UPN: upn is then the MIS's id, and no report is matched to it by UPN. */
  upnShown: z.optional(z.boolean()),
  name: text(500),
  dob: z.nullable(isoDate),
  year: z.optional(z.nullable(text(100))),
  marks: z.array(z.object({ date: isoDate, session: sessionSchema, mark: text(100), arrival: z.nullable(text(50)), minutesLate: z.optional(z.nullable(z.int().check(z.minimum(0), z.maximum(1440)))) })).check(z.maxLength(MAX_COLUMNS * 2)),
});

const tabStatusSchema = z.object({
  site: text(500),
  role: z.nullable(roleSchema),
  profileRole: z.nullable(roleSchema),
  profileId: z.nullable(text(200)),
  profileName: z.nullable(text(500)),
  verified: z.boolean(),
  registerFound: z.boolean(),
  pupils: count,
  findings: count,
  errors: count,
  problems: z.array(text(2000)).check(z.maxLength(20)),
});

/** Every message the background accepts; anything else is refused with what is wrong and where. */
export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('record-figures'), seenOn: isoDate, figures: z.array(pageFigureSchema).check(z.maxLength(MAX_PUPILS)) }),
  z
    .object({
      type: z.literal('figures-for'),
      pupilIds: z.array(pupilId).check(z.maxLength(MAX_PUPILS)),
      upns: z.array(z.nullable(text(200))).check(z.maxLength(MAX_PUPILS)),
    })
    .check(z.refine((r) => r.upns.length === r.pupilIds.length, { error: 'must give one UPN (or null) for each pupil id', path: ['upns'] })),
  z.object({
    type: z.literal('record-n-seen'),
    seen: marksSeenSchema,
    thresholds: z.array(thresholdFindingSchema).check(z.maxLength(MAX_CELLS)),
    marks: z.array(pupilMarksSchema).check(z.maxLength(MAX_PUPILS)),
  }),
  z.object({ type: z.literal('dismiss'), rule: text(100).check(z.minLength(1)), upn: text(200).check(z.minLength(1)), date: isoDate, session: sessionSchema, reason: text(2000) }),
  z.object({ type: z.literal('undismiss'), key: text(1000) }),
  z.object({ type: z.literal('set-panel-collapsed'), collapsed: z.boolean() }),
  z.object({ type: z.literal('tab-status'), status: tabStatusSchema }),
  z.object({ type: z.literal('get-tab-status'), tabId: z.int().check(z.minimum(0)) }),
  z.object({ type: z.literal('set-role'), origin: text(500).check(z.refine((o) => URL.canParse(o) && new URL(o).origin === o, { error: 'must be a site origin' })), role: z.nullable(roleSchema) }),
  // The profile is checked by the site profile schema itself, in the background, before anything is kept.
  z.object({ type: z.literal('save-taught-profile'), profile: z.unknown() }),
  z.object({ type: z.literal('storage-changed') }),
  z.object({ type: z.literal('wiped') }),
]);

/** A message as the background has checked it (without the page's own claim of its site). */
export type CheckedRequest = z.infer<typeof requestSchema>;

// Every message the pages send must pass the schema: a compile-time check that the two agree.
type ReadonlyDeep<T> = T extends readonly (infer U)[] ? readonly ReadonlyDeep<U>[] : T extends object ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> } : T;
export const sentMessagesParse: (request: Request) => ReadonlyDeep<z.input<typeof requestSchema>> = (request) => request;

/**
 * Whether the background takes a message from an MIS page of this origin: one of the school's sites;
 * or, for a profile taught there (issue 16) and only that, a site the browser has given Markwise
 * access to (`granted`: the popup asked for it inside the person's click) that is one exact site.
 */
export function acceptsFromSite(type: unknown, origin: string, schoolSites: readonly string[], granted: boolean): boolean {
  if (isSchoolSite(origin, schoolSites)) return true;
  return type === 'save-taught-profile' && granted && readSiteOrigin(origin).ok;
}
