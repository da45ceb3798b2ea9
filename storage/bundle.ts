// What a content script needs to check a page, prepared by the background from
// the database and kept in the extension's own storage.local: one read at page
// start, with no service-worker wake-up and nothing in the MIS page's origin.

import type { BadgeRoomStyle } from '../sites/badge-room';
import type { IsoDate } from '../rules/dates';
import type { Policy, Role } from '../rules/policy/schema';
import type { SiteProfile } from '../sites/profile';

export const BUNDLE_KEY = 'markwise.bundle';

/** The demo MIS runs on localhost on any port; development builds run there. */
export const DEMO_ORIGINS: readonly string[] = ['http://localhost:*', 'http://127.0.0.1:*'];

/** The demo school's day: a Wednesday with cases of every check (demo/mis/). */
export const DEMO_TODAY: IsoDate = '2025-11-26';

/** Whether a site's origin ('https://x.example', or 'http://localhost:*' for any port) is this page's origin. */
export function originMatches(siteOrigin: string, pageOrigin: string): boolean {
  if (siteOrigin.endsWith(':*')) {
    const base = siteOrigin.slice(0, -2);
    return pageOrigin === base || (pageOrigin.startsWith(`${base}:`) && /^\d+$/.test(pageOrigin.slice(base.length + 1)));
  }
  return siteOrigin === pageOrigin;
}

/** Whether a page's origin is one of the school's sites (exact origins, or 'http://localhost:*' in development builds). */
export function isSchoolSite(pageOrigin: string, siteOrigins: readonly string[]): boolean {
  return siteOrigins.some((site) => originMatches(site, pageOrigin));
}

/** Which day to check as of: the real date in Europe/London, or a fixed date (the demo, a reproduction). */
export type TodaySetting = { readonly mode: 'real' } | { readonly mode: 'fixed'; readonly date: IsoDate };

export interface ContentBundle {
  /** Changes whenever anything in the bundle does; content scripts re-check on a new one. */
  readonly revision: number;
  readonly policy: Policy;
  /** England's bank holidays by calendar year, worked out by the background (date-holidays). */
  readonly bankHolidays: Readonly<Record<string, readonly IsoDate[]>>;
  readonly profiles: readonly SiteProfile[];
  /** The origins the school added, each with the profiles that run there. */
  readonly sites: readonly { readonly origin: string; readonly profileIds: readonly string[] }[];
  /**
   * Dismissed findings by the site they were dismissed on (its origin): key rule|upn|date|session
   * to the reason given. A page uses only its own site's: a dismissal never crosses sites.
   */
  readonly dismissed: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly panelCollapsed: boolean;
  readonly today: TodaySetting;
  /** What the policy's term dates leave out, by academic year ('2025-26'): rules/calendar/term-coverage.ts. */
  readonly termNotes?: Readonly<Record<string, readonly string[]>>;
  /** The role a person chose in the popup for a site (its origin), where the profile's guess was wrong. */
  readonly roles?: Readonly<Record<string, Role>>;
  /** The room for each profile's badges, by profile id (sites/badge-room.ts); none in the widget. */
  readonly badgeRooms?: Readonly<Record<string, BadgeRoomStyle>>;
}

/** Today's date in England, whatever the computer's time zone. */
export function todayInEngland(now: Date = new Date()): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function todayOf(setting: TodaySetting, now?: Date): IsoDate {
  return setting.mode === 'fixed' ? setting.date : todayInEngland(now);
}

/**
 * The site of data kept before Markwise recorded sites: version 1's figures, and dismissals from
 * before version 5, which apply on every site until the background gives each site its own copy.
 */
export const UNKNOWN_SITE = 'unknown';

/** A site's dismissals (finding key to reason), with those from before sites were kept, which apply everywhere. */
export function dismissalsOn(site: string, dismissed: ContentBundle['dismissed']): Readonly<Record<string, string>> {
  return { ...dismissed[UNKNOWN_SITE], ...dismissed[site] };
}

/** Where the check-an-export page keeps its dismissals: a site of its own, shared with no MIS page. */
export const EXPORT_CHECK_SITE = 'export-check';

/** The key under which a finding is dismissed (on one site: see storedDismissalKey). */
export function dismissalKey(finding: { rule: string; upn: string; date: IsoDate; session: string }): string {
  return `${finding.rule}|${finding.upn}|${finding.date}|${finding.session}`;
}
