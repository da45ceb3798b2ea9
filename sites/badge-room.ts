// Where a profile's badges go in a table, as CSS: the cells that will hold one (issue 15, item 1).
//
// A badge in a table's cell needs room beside the name from the browser's first layout of the page:
// made later, the name column widens and every column to its right moves under the person's pointer
// (issue 14), and on a large register the browser lays the whole table out again (about 200 ms on a
// 15,000-cell page, in the task that fires the page's load event). A style that is in the page before
// its rows arrive makes the room as they are laid out, at no cost to the load event; each badge's host
// takes that room's place when it is drawn, moving nothing.

import type { SiteProfile } from './profile';

/** The element that holds a badge in the page (not <markwise-badge>: that is the widget's element, which a page may define, and which draws from its own attributes). */
export const BADGE_HOST = 'markwise-pupil-badge';

/** A profile's room: the cells, as one selector, and the style that makes it. */
export interface BadgeRoomStyle {
  readonly cells: string;
  readonly css: string;
}

/** Where a profile says its badges go. */
type BadgePlaces = Pick<SiteProfile, 'register' | 'rows' | 'badgeIn' | 'badgeAfter'>;

/**
 * The cells where the profile's badges go, as one selector list, or null where no badge goes in a
 * table's cell (no badge, or a register that is one pupil). It matches what the reader takes as the
 * badge's place (sites/read.ts; entrypoints/page/surface.ts): the `badgeIn` element when it is a cell;
 * for `badgeAfter`, the element when it is a cell, or the cell it is a child of.
 *
 * Selectors are matched against the whole document (as `row.querySelector` matches them), so each
 * profile selector is wrapped in `:is()` whole. A selector the stylesheet cannot take makes no room;
 * the page surface then finds `matches()` false, and makes the room with an empty host, as before.
 */
export function badgeCellSelector(profile: BadgePlaces): string | null {
  const badge = profile.badgeIn ?? profile.badgeAfter;
  if (badge === undefined || profile.rows === undefined) return null;
  const row = `:is(${profile.register}) :is(${profile.rows})`;
  const cell = `${row} :is(td, th):is(${badge})`;
  if (profile.badgeIn !== undefined) return cell;
  // `cell > child` names the cell itself: no :has(). A :has() in the page's style is tested against
  // every cell of the table, and again as each cell's children arrive: on the 15,000-cell bench page it
  // made the load event later (BENCHMARKS.md, "the room's selector"). The cell is then given
  // room whether or not it holds the child, which only leaves room unused.
  const split = parentOf(badge);
  if (split === null) return `${cell}, ${row} :is(td, th):has(> :is(${badge}))`;
  const parent = `${row} :is(td, th):is(${split.parent})`;
  // A child named as another element than a cell ('a' of 'td.name > a') is never the cell itself:
  // the selector is only the parent's (each alternative is matched against every element of the page).
  return /^(?!t[dh]\b)[a-z]/i.test(split.child) ? parent : `${cell}, ${parent}`;
}

/**
 * `td.name` and `a` of `td.name > a`: a selector split at its last combinator, when that is `>` and
 * the selector is only element names, classes, ids and the descendant and child combinators. Null
 * for anything else (a list, one compound, brackets, pseudo-classes, a sibling combinator): those
 * keep :has().
 */
export function parentOf(selector: string): { parent: string; child: string } | null {
  const match = /^([\w.#\s>-]*[\w.#-])\s*>\s*([\w.#-]+)$/.exec(selector);
  return match === null ? null : { parent: match[1]!, child: match[2]! };
}

/**
 * The room itself, until the badge's host comes: a word joiner (so that it stays on the name's last
 * line) with end padding the width of a badge's host (components/badge.css: a box of 3.7em of 11px).
 * A cell that has the host (a child of the cell) has no room of its own: the host takes the same room
 * in the line, so drawing a badge moves nothing, at any width or zoom (test/e2e/badges.spec.ts).
 */
export function badgeRoomCss(cells: string): string {
  return `:is(${cells}):not(:has(> ${BADGE_HOST}))::after{content:"\\2060";font-size:0;padding-inline-end:40.7px}`;
}

/**
 * Each profile's room, by profile id (those whose badges go in a table's cell), worked out once by the
 * background for the content bundle (the content script only adopts it), and by the widget for its
 * element's profile.
 */
export function badgeRooms(profiles: readonly (BadgePlaces & Pick<SiteProfile, 'id'>)[]): Record<string, BadgeRoomStyle> {
  const rooms: Record<string, BadgeRoomStyle> = {};
  for (const profile of profiles) {
    const cells = badgeCellSelector(profile);
    if (cells !== null) rooms[profile.id] = { cells, css: badgeRoomCss(cells) };
  }
  return rooms;
}
