// A school's attendance policy as data. This schema is the single source of the
// Policy type: presets, imported JSON and the options page all pass through it.

// zod/mini: the same schemas as zod's chained API, but tree-shakable, so the embeddable widget
// can validate a policy within its size budget (about 6 KB gzipped instead of 90 KB).
import * as z from 'zod/mini';
import { CODES_2006, CODES_2024 } from '../codes';
import { isIsoDate, parseClockTime } from '../dates';
import { describeIssues, type InputProblem } from '../validation';
import { policySchoolCodeProblems, schoolCodePlace } from './school-codes';

const CLOCK_TIME_ERROR = 'must be a time of day written as HH:MM, for example 09:15';
const clockTime = z.string({ error: CLOCK_TIME_ERROR }).check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: CLOCK_TIME_ERROR }));

const isoDate = z
  .string({ error: 'must be a date written as YYYY-MM-DD' })
  .check(z.refine(isIsoDate, { error: 'must be a real date written as YYYY-MM-DD, for example 2024-09-02' }));

const percentage = z
  .number({ error: 'must be a percentage, a number from 0 to 100' })
  .check(z.minimum(0, { error: 'must be a percentage from 0 to 100' }), z.maximum(100, { error: 'must be a percentage from 0 to 100' }));

const wholeNumber = (min: number, max?: number) => z.int().check(z.minimum(min), ...(max === undefined ? [] : [z.maximum(max)]));

const nonEmpty = (error?: string) => z.string().check(z.minLength(1, error === undefined ? undefined : { error }));

const knownCode = z.string().check(
  z.refine((code: string) => CODES_2024.has(code) || CODES_2006.has(code), {
    error: (issue) => `${JSON.stringify(issue.input)} is not a DfE attendance code`,
  }),
);

export const sessionTimesSchema = z
  .object({
    /** When the register is taken (registration starts). */
    registrationStartsAt: clockTime,
    /** The last minute a pupil can arrive and be marked L; after it, U [R]. */
    registerClosesAt: clockTime,
  })
  .check(
    z.refine(
      (s) => {
        const starts = parseClockTime(s.registrationStartsAt);
        const closes = parseClockTime(s.registerClosesAt);
        // A time that is not HH:MM already has its own message.
        return starts === null || closes === null || closes > starts;
      },
      {
        error: 'the register must close after registration starts',
        path: ['registerClosesAt'],
      },
    ),
  );

export const roleSchema = z.enum(['teacher', 'office']);
export type Role = z.infer<typeof roleSchema>;

const allowedCodes = z.union([z.literal('all'), z.array(knownCode).check(z.minLength(1, { error: 'must list at least one code, or be "all"' }))], {
  error: 'must be "all" or a list of codes such as ["/", "L", "N"]',
});

const dateRange = z.object({ start: isoDate, end: isoDate }).check(z.refine((r) => r.end >= r.start, { error: 'ends before it starts', path: ['end'] }));

const termSchema = z
  .object({
    name: nonEmpty(),
    start: isoDate,
    end: isoDate,
    halfTerm: z.optional(dateRange),
  })
  .check(
    z.refine((t) => t.end >= t.start, { error: 'the term ends before it starts', path: ['end'] }),
    z.refine((t) => t.halfTerm === undefined || (t.halfTerm.start >= t.start && t.halfTerm.end <= t.end), {
      error: 'the half term must fall inside its term',
      path: ['halfTerm'],
    }),
  );

const closureSchema = z
  .object({
    start: isoDate,
    /** Last day of the closure, inclusive; the same as start when omitted. */
    end: z.optional(isoDate),
    kind: z.enum(['training-day', 'closure']),
    reason: z._default(z.string(), ''),
  })
  .check(z.refine((c) => c.end === undefined || c.end >= c.start, { error: 'ends before it starts', path: ['end'] }));

export const academicYearSchema = z
  .object({
    /** '2024-25': an academic year runs from 1 September to 31 August. */
    label: z.string().check(z.regex(/^\d{4}-\d{2}$/, { error: 'must be an academic year such as 2024-25' })),
    terms: z.array(termSchema).check(z.minLength(1, { error: 'must list at least one term' })),
    closures: z._default(z.array(closureSchema), []),
    source: z.optional(z.string()),
  })
  .check(
    z.superRefine((year, ctx) => {
      const first = Number(year.label.slice(0, 4));
      if ((first + 1) % 100 !== Number(year.label.slice(5))) {
        ctx.addIssue({ code: 'custom', message: `${year.label} is not two consecutive years`, path: ['label'] });
        return;
      }
      const from = `${first}-09-01`;
      const to = `${first + 1}-08-31`;
      const inside = (d: string) => d >= from && d <= to;
      year.terms.forEach((term, i) => {
        if (!inside(term.start) || !inside(term.end)) {
          ctx.addIssue({ code: 'custom', message: `the term must fall between ${from} and ${to}`, path: ['terms', i] });
        }
        const previous = year.terms[i - 1];
        if (previous !== undefined && term.start <= previous.end) {
          ctx.addIssue({ code: 'custom', message: 'the term starts before the previous term ends', path: ['terms', i, 'start'] });
        }
      });
      year.closures.forEach((closure, i) => {
        if (!inside(closure.start) || !inside(closure.end ?? closure.start)) {
          ctx.addIssue({ code: 'custom', message: `the closure must fall between ${from} and ${to}`, path: ['closures', i] });
        }
      });
    }),
  );

export const calendarSchema = z.object({
  /** Bank holidays for England are computed, not typed in; 'none' only for testing a bare calendar. */
  bankHolidays: z._default(z.enum(['england', 'none']), 'england'),
  academicYears: z._default(z.array(academicYearSchema), []),
});

/**
 * Each line of a band or tier says, by its name, whether it includes the line itself: the DfE's
 * "10% or more" missed puts exactly 90.0% attendance in persistent absence, while "below 90%"
 * does not. Files written before these names existed used atLeast and below, which keep their meaning.
 */
const bandSchema = z
  .object({
    name: nonEmpty(),
    /** A CSS hex colour; the band's name is always shown beside it, so colour is never the only signal. */
    colour: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour written as #rrggbb' })),
    /** The lowest attendance the band holds, the line included ("90% and above")... */
    atLeast: z.optional(percentage),
    /** ...or the line it is above, the line not included ("above 95%"). */
    above: z.optional(percentage),
    /** The line the band is below, not included ("below 90%"); null or absent with atMost absent: up to and including 100%. */
    below: z.optional(z.nullable(percentage)),
    /** ...or the highest attendance it holds, the line included ("95% and below"). */
    atMost: z.optional(percentage),
    meaning: z._default(z.string(), ''),
  })
  .check(
    z.superRefine((b, ctx) => {
      if (b.atLeast !== undefined && b.above !== undefined) {
        ctx.addIssue({ code: 'custom', message: 'give atLeast (the line included) or above (the line not included), not both', path: ['above'] });
      } else if (b.atLeast === undefined && b.above === undefined) {
        ctx.addIssue({ code: 'custom', message: "must be given: the band's lowest attendance as atLeast (the line included) or above (the line not included)", path: ['atLeast'] });
      }
      if (b.atMost !== undefined && b.below !== undefined && b.below !== null) {
        ctx.addIssue({ code: 'custom', message: 'give below (the line not included) or atMost (the line included), not both', path: ['atMost'] });
      }
      const lower = b.atLeast ?? b.above;
      const upper = b.atMost ?? b.below;
      if (lower !== undefined && upper !== undefined && upper !== null && upper <= lower) {
        ctx.addIssue({ code: 'custom', message: `must be above the band's lower line (${lower})`, path: [b.atMost !== undefined ? 'atMost' : 'below'] });
      }
    }),
  );

const tierSchema = z
  .object({
    level: wholeNumber(1),
    name: nonEmpty(),
    /** A pupil enters this tier when attendance is below this percentage, the line not included; null (or neither given) for a tier that holds everyone. */
    appliesBelow: z.optional(z.nullable(percentage)),
    /** ...or at or below it, the line included ("90% and below"). */
    appliesAtOrBelow: z.optional(percentage),
    description: z._default(z.string(), ''),
    /** The next steps the policy names for a pupil in this tier. */
    nextSteps: z._default(z.array(nonEmpty()), []),
  })
  .check(
    z.refine((t) => t.appliesAtOrBelow === undefined || t.appliesBelow === undefined || t.appliesBelow === null, {
      error: 'give appliesBelow (the line not included) or appliesAtOrBelow (the line included), not both',
      path: ['appliesAtOrBelow'],
    }),
  );

/**
 * One of the school's own codes (rules/exports/school-codes.ts SchoolCode): what the MIS writes,
 * the DfE code it stands for, its name. The schema reads its shape; parsePolicy checks what it says
 * (rules/policy/school-codes.ts), outside the schema so that the widget, which never reads the
 * table, does not carry those checks within its size budget.
 */
const schoolCodeSchema = z.object({ code: z.string(), dfe: z.string(), name: z.string() });

const firstDayContactSchema = z.object({
  at: clockTime,
  step: nonEmpty(),
});

export const policySchema = z.strictObject({
  schemaVersion: z.literal(1, { error: 'must be 1 (this version of Markwise reads policy files of version 1)' }),
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be lower-case letters, digits and hyphens' })),
  schoolName: nonEmpty('must not be empty'),
  /** Where the policy's figures come from: a seed file, a URL, a date. */
  source: z._default(z.string(), ''),
  /** Which codes each role may enter; the DfE code set in force on each date always applies. */
  codes: z.object({
    teacher: allowedCodes,
    office: z._default(allowedCodes, 'all'),
  }),
  sessions: z.object({ AM: sessionTimesSchema, PM: sessionTimesSchema }),
  unexplainedAbsence: z
    .object({
      /** The correct code replaces N within this many school days after the session. */
      limitSchoolDays: z._default(wholeNumber(1, 30), 5),
      /** Warn when this many school days or fewer remain. */
      warnWhenSchoolDaysLeft: z._default(wholeNumber(0, 30), 2),
      /** With no reason found, the absence becomes unauthorised: O [R]. */
      fallbackCode: z._default(z.literal('O'), 'O'),
      /** First-day contact steps, in order, for example a text at 09:30 and a call at 10:00. */
      firstDayContact: z._default(z.array(firstDayContactSchema), []),
    })
    .check(
      z.refine((u) => u.warnWhenSchoolDaysLeft < u.limitSchoolDays, {
        error: 'must be fewer than limitSchoolDays',
        path: ['warnWhenSchoolDaysLeft'],
      }),
    ),
  calendar: calendarSchema,
  attendanceTarget: percentage,
  bands: z.array(bandSchema).check(z.minLength(1, { error: 'must list at least one band' })),
  tiers: z.array(tierSchema).check(
    z.minLength(1, { error: 'must list at least one tier' }),
    z.refine((tiers) => tiers.every((t, i) => i === 0 || t.level > tiers[i - 1]!.level), {
      error: 'tiers must be listed in rising order of level, each level once',
    }),
  ),
  thresholds: z._default(
    z.object({
      /** Missing this share of possible sessions or more is persistent absence [E][S]. */
      persistentAbsence: z._default(percentage, 10),
      /** Missing this share or more is severe absence [E][S]. */
      severeAbsence: z._default(percentage, 50),
    }),
    { persistentAbsence: 10, severeAbsence: 50 },
  ),
  /** The school's own codes and sub-codes (SIMS: 7, =, I01), each read as the DfE code it stands for. */
  schoolCodes: z._default(z.array(schoolCodeSchema), []),
  /** What the preset had to assume where its source was silent or contradicted itself. */
  notes: z._default(z.array(z.string()), []),
});

export type Policy = z.infer<typeof policySchema>;
/** A policy as written in a file: defaults not yet filled in. */
export type PolicyInput = z.input<typeof policySchema>;
export type SessionTimes = z.infer<typeof sessionTimesSchema>;
export type PolicyCalendar = z.infer<typeof calendarSchema>;
export type AcademicYear = PolicyCalendar['academicYears'][number];
export type Band = Policy['bands'][number];
export type Tier = Policy['tiers'][number];

export type PolicyProblem = InputProblem;

export type PolicyResult = { ok: true; policy: Policy } | { ok: false; problems: PolicyProblem[] };

/**
 * The policy as its schema reads it, without checking what its school code table says: only for
 * the widget, which never reads the table. Everything that stores, imports or checks by a policy
 * uses parsePolicy.
 */
export function parsePolicyShape(input: unknown): PolicyResult {
  const result = policySchema.safeParse(input);
  if (result.success) return { ok: true, policy: result.data };
  return { ok: false, problems: describeIssues(result.error, input, '(the policy itself)') };
}

/** Validates anything claiming to be a policy, its school code table included; every problem names its field. */
export function parsePolicy(input: unknown): PolicyResult {
  const shape = parsePolicyShape(input);
  const table = policySchoolCodeProblems(input);
  if (shape.ok && table.length === 0) return shape;
  // The table's places in words ("school code 3, the name"), not as a path.
  const problems = shape.ok ? [] : shape.problems.map((p) => ({ ...p, path: schoolCodePlace(p.path) }));
  return { ok: false, problems: [...problems, ...table] };
}
