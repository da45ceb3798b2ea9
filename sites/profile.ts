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
 * True in the widget's build only. Version 2's reading powers are the extension's (sites/read.ts,
 * READS_ANY_PAGE): their fields are left out of the widget's schema, which keeps it within its 50 KB
 * budget; the widget names any such field before parsing (entrypoints/widget/elements.ts).
 */
const WIDGET = typeof __MARKWISE_WIDGET__ !== 'undefined' && __MARKWISE_WIDGET__;

/** Fields only the extension reads: made everywhere but in the widget, where they are not fields at all. */
function extensionFields<T extends object>(make: () => T): T {
  return WIDGET ? ({} as T) : make();
}

/** A control's current state, as a person sees it now, not as the page was served (schema version 2). */
export const CONTROL_STATES = ['value', 'checked', 'selected-text', 'selected-value'] as const;

/**
 * Where one value is read: an element found from a scope, its attribute, its
 * text or its live state, and optionally the first group of a regular
 * expression over that.
 *
 * Scopes: the mark's cell, the pupil's row, the register, the whole page; and
 * (version 2) the cell after the mark's cell ('next-cell': an "Arrived" column
 * after each session column) or the row's cell under a column header found by
 * its text ('column').
 */
const valueSourceShape = {
  scope: z._default(z.enum(WIDGET ? (['cell', 'row', 'register', 'page'] as unknown as ['cell', 'row', 'register', 'page', 'next-cell', 'column']) : ['cell', 'row', 'register', 'page', 'next-cell', 'column']), 'row'),
  ...extensionFields(() => ({
    /** For scope 'column': the header whose text matches this pattern (case-insensitive), and where headers are. */
    column: z.optional(
      z.strictObject({
        header: pattern,
        /** The header cells, in the register; omitted: the last row of the table's thead. */
        headers: z.optional(selector),
      }),
    ),
    /**
     * Read the control's live state instead (version 2): an input's value, whether a box is
     * checked ('true'/'false'), or the selected option's text or value.
     */
    state: z.optional(z.enum(CONTROL_STATES)),
  })),
  /** Looked for inside the scope; omitted: the scope element itself. */
  selector: z.optional(selector),
  /** Read this attribute; omitted: the element's text (without any script, style or option inside). */
  attribute: z.optional(z.string().check(z.minLength(1))),
  /** A regular expression whose first group is the value. */
  pattern: z.optional(pattern),
};

function oneReading(input: unknown): boolean {
  const source = input as { attribute?: string; state?: string };
  return !(source.attribute !== undefined && source.state !== undefined);
}

function columnNamed(input: unknown): boolean {
  const source = input as { scope: string; column?: unknown };
  return (source.scope === 'column') === (source.column !== undefined);
}

// The widget refuses version 2's reading powers by name (entrypoints/widget/elements.ts): it needs no checks of them.
const sourceChecks =
  WIDGET
    ? []
    : [
        z.refine(oneReading, { error: 'read either an attribute or a state, not both' }),
        z.refine(columnNamed, { error: "scope 'column' needs column: { header: \"…\" }, and column is only for scope 'column'" }),
      ];

export const valueSourceSchema = z.strictObject(valueSourceShape).check(...sourceChecks);

/**
 * A date (version 2 adds format, yearFrom and parts). Without a format, the value is read as
 * YYYY-MM-DD or DD/MM/YYYY. With one, as date-fns tokens in en-GB ("EEEE d MMMM yyyy",
 * "EEE dd/MM", "dd-MMM-yyyy"). A format without a year needs yearFrom: a full date near the
 * register's dates (its heading's "Week commencing 24/11/2025": each date takes the year that
 * puts it nearest), or 'school-year': the one school year of the page's other dates.
 */
const dateFromValueSchema = z
  .strictObject({
    ...valueSourceShape,
    ...extensionFields(() => ({
      format: z.optional(z.string().check(z.minLength(1))),
      yearFrom: z.optional(z.union([z.literal('school-year'), valueSourceSchema])),
    })),
  })
  .check(...sourceChecks);

/** A date assembled from several controls: day, month (number or name) and year dropdowns. */
function dateFromPartsSchema() {
  return z.strictObject({
    parts: z.strictObject({ day: valueSourceSchema, month: valueSourceSchema, year: valueSourceSchema }),
  });
}

/**
 * Version 2: a page that shows no date because it only ever shows today's register ("Take register"
 * for the session now). Read as the day Markwise checks as of (Europe/London), never a guess.
 */
function dateTodaySchema() {
  return z.strictObject({ today: z.literal(true) });
}

export const dateSourceSchema = WIDGET
  ? (dateFromValueSchema as unknown as z.ZodMiniUnion<[ReturnType<typeof dateFromPartsSchema>, ReturnType<typeof dateTodaySchema>, typeof dateFromValueSchema]>)
  : z.union([dateFromPartsSchema(), dateTodaySchema(), dateFromValueSchema]);

/** Version 2: a page that only ever shows one session's register ("always AM"). */
function sessionAlwaysSchema() {
  return z.strictObject({ always: z.enum(['AM', 'PM']) });
}

export const sessionSourceSchema = WIDGET
  ? (valueSourceSchema as unknown as z.ZodMiniUnion<[ReturnType<typeof sessionAlwaysSchema>, typeof valueSourceSchema]>)
  : z.union([sessionAlwaysSchema(), valueSourceSchema]);

/** An arrival: a time of day (09:12), or minutes late counted from the session's registration start in the policy. */
const arrivalSchema = z
  .strictObject({
    ...valueSourceShape,
    ...extensionFields(() => ({ means: z._default(z.enum(['time', 'minutes-late']), 'time') })),
  })
  .check(...sourceChecks);

const markSchema = z
  .strictObject({
    /**
     * text-input: staff type the code; select: a dropdown; buttons: one button
     * per code, the chosen one aria-pressed="true"; text: read-only; radios
     * (version 2): one radio group per pupil and session, the checked radio is the mark.
     */
    kind: z.enum(WIDGET ? (['text-input', 'select', 'buttons', 'text'] as unknown as ['text-input', 'select', 'buttons', 'text', 'radios']) : ['text-input', 'select', 'buttons', 'text', 'radios']),
    /** The control inside the cell; omitted: the cell itself. For radios: the element holding the group. */
    selector: z.optional(selector),
    /** For select and buttons: whether the option shows the code or the code's name. */
    options: z._default(z.enum(['code', 'name']), 'code'),
    /** Option, button, radio or header names as the MIS shows them, to the DfE code each means (PRESENT: / or \\). */
    names: z._default(z.record(z.string(), z.string()), {}),
    /** For buttons: the attribute holding the code or name; omitted: the button's text. */
    buttonAttribute: z.optional(z.string()),
    ...extensionFields(() => ({
      /**
       * For radios: where a radio's code is read. value: its value attribute; label: its label's
       * text (a <label for>, a label around it, or aria-label); header: the text of its column's header.
       * Values are often database ids renumbered each school year: prefer label or header.
       */
      codeFrom: z.optional(z.enum(['value', 'label', 'header'])),
      /** For radios with codeFrom header: the header cells; omitted: the last row of the table's thead. */
      headers: z.optional(selector),
    })),
  })
  .check(
    z.refine((m) => m.options === 'code' || Object.keys(m.names).length > 0, {
      error: 'a profile whose options show names must list the names (names: { "Illness": "I", ... })',
      path: ['names'],
    }),
    ...(WIDGET
      ? []
      : [
          z.refine((input: unknown) => {
            const m = input as { kind: string; codeFrom?: string };
            return (m.kind === 'radios') === (m.codeFrom !== undefined);
          }, {
            error: "radios need codeFrom ('value', 'label' or 'header'), and only radios have it",
            path: ['codeFrom'],
          }),
        ]),
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
  /**
   * Regular expressions over the page's path and query ('/register/class?class=4A'); a page also
   * matches when a pattern matches its path, query and fragment ('/app#/attendance/take', version 2).
   */
  paths: z.array(pattern).check(z.minLength(1, { error: 'must list at least one path pattern' })),
  /** Who usually works on this page: teachers take registers, the office corrects them. */
  role: z.enum(['teacher', 'office']),
  /** The element holding the register; a single-page app replaces it on navigation. */
  register: selector,
  /** One element per pupil (or per mark, on reports), inside the register; omitted: the register is one pupil. */
  rows: z.optional(selector),
  /** The MIS's own id for the pupil. Where the page shows no UPN, Markwise keys the pupil by this site and this id. */
  pupilId: valueSourceSchema,
  upn: z.optional(valueSourceSchema),
  pupilName: valueSourceSchema,
  /** The element after which a pupil's badge is shown (scope row); a cell of a table row gets it inside, at its end. */
  badgeAfter: z.optional(selector),
  /** Version 2: the element (scope row) at the end of which the badge goes, such as the name cell. */
  badgeIn: z.optional(selector),
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
      date: dateSourceSchema,
      session: sessionSourceSchema,
      ...extensionFields(() => ({
        /**
         * Version 2: the MIS's names for its registers ("Registration 1", "AM reg", "Period 1") to
         * the session each stands for. A register whose name is not listed (a lesson) is left alone.
         */
        periods: z.optional(z.record(z.string(), z.enum(['AM', 'PM']))),
      })),
      /** The mark's control; version 2: a list, tried in order (a dropdown once clicked, text before). */
      mark: z.union([markSchema, z.array(markSchema).check(z.minLength(1))]),
      arrival: z.optional(arrivalSchema),
    }),
  ),
});

/** The profile format's versions: 1 (no schemaVersion) and 2. A file of version 1 reads as it always did. */
export const SCHEMA_VERSION = 2;

export const siteProfilesFileSchema = z.strictObject({
  schemaVersion: z.optional(
    z.number().check(
      z.refine((v) => v === 1 || v === 2, {
        error: (issue) => `this file is for site profile format ${JSON.stringify(issue.input)}; this Markwise reads versions 1 and ${SCHEMA_VERSION}`,
      }),
    ),
  ),
  profiles: z.array(siteProfileSchema).check(z.minLength(1)),
});

export type ValueSource = z.infer<typeof valueSourceSchema>;
export type DateSource = z.infer<typeof dateSourceSchema>;
export type SessionSource = z.infer<typeof sessionSourceSchema>;
export type ArrivalSource = z.infer<typeof arrivalSchema>;
export type MarkControl = z.infer<typeof markSchema>;
export type SiteProfile = z.infer<typeof siteProfileSchema>;
export type SiteProfileInput = z.input<typeof siteProfileSchema>;

export type ProfilesResult = { ok: true; profiles: SiteProfile[] } | { ok: false; problems: InputProblem[] };
