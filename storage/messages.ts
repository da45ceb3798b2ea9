// The typed messages content scripts and the popup send to the background,
// which owns the database. Each request names its reply type.

import type { Finding } from '../rules/findings';
import type { Session, SnapshotPupil } from '../rules/snapshot';
import type { MarksSeen } from '../sites/marks-seen';

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
  readonly profileId: string | null;
  readonly profileName: string | null;
  readonly verified: boolean;
  readonly registerFound: boolean;
  readonly pupils: number;
  readonly findings: number;
  readonly errors: number;
  readonly problems: readonly string[];
}

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
  /** The options page changed the database: rebuild the bundle. */
  | { type: 'storage-changed' };

export interface Replies {
  'record-figures': { ok: true };
  'figures-for': { figures: Record<string, StoredFigure> };
  'record-n-seen': { firstSeen: Record<string, string> };
  dismiss: { ok: true };
  undismiss: { ok: true };
  'set-panel-collapsed': { ok: true };
  'tab-status': { ok: true };
  'get-tab-status': { status: TabStatus | null };
  'storage-changed': { ok: true };
}

export type Reply<T extends Request['type']> = Replies[T];

/** A message that went wrong in the background: said, not swallowed. */
export interface ErrorReply {
  readonly error: string;
}

export type Send = <R extends Request>(request: R) => Promise<Reply<R['type']>>;
