// The room for a register's badges, made by a style adopted by the page as Markwise starts, before
// the register's rows arrive (sites/badge-room.ts says why). The widget adopts it as soon as its
// element has been parsed: with its tag in the head, that is before a register after the element
// arrives. With its tag deferred at the end of the body, it is once the page is parsed, and the
// browser then lays the table out again once, in the task that fires the load event, as it did for
// the empty hosts the widget put in before, but with no 1,500 shadow roots to make, style and paint
// (issue 15, item 2). Where the browser will not take the style (a sheet made in the content script's
// world, refused), or the page later replaces the document's sheets, holds() is false and the page
// surface makes each badge's room with an empty host, as before.

import type { BadgeRoomStyle } from '../../sites/badge-room';

export class BadgeRoom {
  readonly #document: Document;
  #sheet: CSSStyleSheet | null = null;
  /** The cells given room, as one selector (in :is(), as matches() takes it); null: none. */
  #cells: string | null = null;

  constructor(document: Document) {
    this.#document = document;
  }

  /** Makes this room (the profile's the page matches: ContentBundle.badgeRooms), in place of any made before; undefined: none. */
  set(room: BadgeRoomStyle | undefined): void {
    const cells = room ? `:is(${room.cells})` : null;
    if (cells === this.#cells) return;
    const doc = this.#document;
    const old = this.#sheet;
    this.#sheet = this.#cells = null;
    try {
      const sheets = doc.adoptedStyleSheets.filter((s) => s !== old);
      if (room) {
        const sheet = new doc.defaultView!.CSSStyleSheet();
        sheet.replaceSync(room.css);
        doc.adoptedStyleSheets = [...sheets, sheet];
        this.#sheet = sheet;
        this.#cells = cells;
      } else doc.adoptedStyleSheets = sheets;
    } catch {
      // Refused: no room is made, and Markwise goes on.
    }
  }

  /** Whether the style is in place (some cells may have the room). */
  made(): boolean {
    return this.#sheet !== null && this.#document.adoptedStyleSheets.includes(this.#sheet);
  }

  /** Whether this cell has the room now. */
  holds(cell: Element): boolean {
    return this.made() && cell.matches(this.#cells!);
  }
}
