// A site profile: how one MIS page shows a register, said as data so that a
// school or a trust's IT can add its MIS without a new release of Markwise.
// Validated with zod/mini on import (options page, background, the widget); the content script
// receives profiles already validated and never imports this file's schemas.

import * as z from 'zod/mini';
import type { InputProblem } from '../rules/validation';

/** Where a DOM exists (extension pages, the widget) the browser says whether a selector is CSS; sites/profile-import.ts checks it elsewhere. */
function browserRefuses(text: string): boolean {
  const doc = (globalThis as { document?: Document }).document;
  if (doc === undefined) return false;
  try {
    doc.createDocumentFragment().querySelector(text);
    return false;
  } catch {
    return true;
  }
}

const selector = z.string().check(
  z.minLength(1, { error: 'must be a CSS selector' }),
  z.refine((text: string) => !browserRefuses(text), { error: (issue) => `${JSON.stringify(issue.input)} is not a CSS selector the browser can read` }),
);

const pattern = z.string().check(
  z.refine(
    (text: string) => {
      try {
        new RegExp(text);
        return true;
      } catch {
        return false;
      }
    },
    { error: 'must be a regular expression' },
  ),
);

/**
 * Where one value is read: an element found from a scope (the mark's cell, the
 * pupil's row, the register, the whole page), its attribute or its text, and
 * optionally the first group of a regular expression over that.
 */
export const valueSourceSchema = z.strictObject({
  scope: z._default(z.enum(['cell', 'row', 'register', 'page']), 'row'),
  /** Looked for inside the scope; omitted: the scope element itself. */
  selector: z.optional(selector),
  /** Read this attribute; omitted: the element's text. */
  attribute: z.optional(z.string().check(z.minLength(1))),
  /** A regular expression whose first group is the value. */
  pattern: z.optional(pattern),
});

const markSchema = z
  .strictObject({
    /**
     * text-input: staff type the code; select: a dropdown; buttons: one button
     * per code, the chosen one aria-pressed="true"; text: read-only.
     */
    kind: z.enum(['text-input', 'select', 'buttons', 'text']),
    /** The control inside the cell; omitted: the cell itself. */
    selector: z.optional(selector),
    /** For select and buttons: whether the option shows the code or the code's name. */
    options: z._default(z.enum(['code', 'name']), 'code'),
    /** Option or button names as the MIS shows them, to the DfE code each means. */
    names: z._default(z.record(z.string(), z.string()), {}),
    /** For buttons: the attribute holding the code or name; omitted: the button's text. */
    buttonAttribute: z.optional(z.string()),
  })
  .check(
    z.refine((m) => m.options === 'code' || Object.keys(m.names).length > 0, {
      error: 'a profile whose options show names must list the names (names: { "Illness": "I", ... })',
      path: ['names'],
    }),
  );

export const siteProfileSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be lower-case letters, digits and hyphens' })),
  name: z.string().check(z.minLength(1)),
  /** The MIS product, for people: 'Arbor', 'Bromcom'. */
  product: z.string().check(z.minLength(1)),
  /** False until the profile has been checked against the live product. */
  verified: z.boolean(),
  /** What the profile takes for granted about the page, so that a school can correct it. */
  assumptions: z._default(z.array(z.string()), []),
  /** Regular expressions over the page's path and query ('/register/class?class=4A'). */
  paths: z.array(pattern).check(z.minLength(1, { error: 'must list at least one path pattern' })),
  /** Who usually works on this page: teachers take registers, the office corrects them. */
  role: z.enum(['teacher', 'office']),
  /** The element holding the register; a single-page app replaces it on navigation. */
  register: selector,
  /** One element per pupil (or per mark, on reports), inside the register; omitted: the register is one pupil. */
  rows: z.optional(selector),
  pupilId: valueSourceSchema,
  upn: z.optional(valueSourceSchema),
  pupilName: valueSourceSchema,
  /** The element beside which a pupil's badge is shown (scope row). */
  badgeAfter: z.optional(selector),
  /** The year-to-date attendance percentage the page shows. */
  attendance: z.optional(valueSourceSchema),
  /** Sessions attended over possible, as the page shows them ('245/280'). */
  sessions: z.optional(valueSourceSchema),
  dob: z.optional(valueSourceSchema),
  /** The register's cells: one mark each. Omitted on pages that only list pupils. */
  cells: z.optional(
    z.strictObject({
      selector,
      /**
       * A grid whose columns are sessions: each row's cells line up, in order, with these
       * headers (found in the register), and date and session are read from the header
       * (scope 'cell' means the header). Much faster on large registers: nothing is read per cell
       * but its mark.
       */
      columns: z.optional(z.strictObject({ headers: selector })),
      date: valueSourceSchema,
      session: valueSourceSchema,
      mark: markSchema,
      arrival: z.optional(valueSourceSchema),
    }),
  ),
});

export const siteProfilesFileSchema = z.strictObject({ profiles: z.array(siteProfileSchema).check(z.minLength(1)) });

export type ValueSource = z.infer<typeof valueSourceSchema>;
export type MarkControl = z.infer<typeof markSchema>;
export type SiteProfile = z.infer<typeof siteProfileSchema>;
export type SiteProfileInput = z.input<typeof siteProfileSchema>;

export type ProfilesResult = { ok: true; profiles: SiteProfile[] } | { ok: false; problems: InputProblem[] };
