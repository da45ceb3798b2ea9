// Room for the pupils' badges while the MIS page is still being parsed (issue 15, item 1). The content
// script starts before the page is parsed; the register is read at DOMContentLoaded. Room made only
// then (1,500 empty badge hosts on a large register) had the browser lay the whole register out again
// before the page's load event, and over a slow line, where the browser shows rows as they arrive,
// widened the name column under rows already shown, moving every cell right of it.
//
// So in each frame while the page arrives, just before the browser lays out what came since the
// last, each row the parser has closed gets its room. The surface made at DOMContentLoaded takes
// them (SurfaceOptions.rooms); its first view keeps the rooms of the rows it reads as a pupil's and
// removes the others. Not the widget's: its script runs once the page is parsed.

import { badgeHosts, makeRoom, type BadgeRooms } from '../page/surface';
import { findRegister } from '../../sites/read';
import type { SiteProfile } from '../../sites/profile';

/** Rooms made while `document` is parsed (none when its profile puts no badge in rows), stopped with `signal`. */
export function roomsWhileParsing(document: Document, profile: SiteProfile, mode: ShadowRootMode, signal: AbortSignal): BadgeRooms | undefined {
  const rows = profile.rows;
  const badge = profile.badgeIn ?? profile.badgeAfter;
  if (document.readyState !== 'loading' || rows === undefined || badge === undefined) return undefined;
  const hostFor = badgeHosts(document, mode);
  const rooms: BadgeRooms = new Map();
  const win = document.defaultView!;
  let root: Element | null = null;
  let done: Element | null = null;
  const frame = () => {
    if (signal.aborted) return removeRooms(rooms);
    if (document.readyState !== 'loading') return;
    try {
      root ??= findRegister(document, profile);
      let row = done === null ? (root?.querySelector(rows) ?? null) : done.nextElementSibling;
      // Only rows the parser has closed (another element follows): one still arriving could take more after its room.
      for (let next = row?.nextElementSibling; row && next; done = row, row = next, next = next.nextElementSibling) {
        const anchor = row.matches(rows) ? row.querySelector(badge) : null;
        if (anchor !== null) makeRoom(hostFor, rooms, anchor, profile.badgeIn !== undefined);
      }
    } catch {
      return; // DOMContentLoaded then makes the rest, as it does on a page parsed before Markwise starts.
    }
    win.requestAnimationFrame(frame);
  };
  win.requestAnimationFrame(frame);
  return rooms;
}

/** Rooms no surface took (no register read at DOMContentLoaded, or Markwise stopped): taken out of the page. */
export function removeRooms(rooms: BadgeRooms): void {
  for (const { host } of rooms.values()) host.remove();
  rooms.clear();
}
