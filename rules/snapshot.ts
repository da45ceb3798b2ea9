// A register snapshot: what a site adapter reads from an MIS page, what the
// command line reads from an export, and what the rules engine checks.

import * as z from 'zod/mini';
import { isIsoDate } from './dates';
import { roleSchema } from './policy/schema';

export const sessionSchema = z.enum(['AM', 'PM'], { error: 'must be AM or PM' });

const realDate = z.string().check(z.refine(isIsoDate, { error: 'must be a real date written as YYYY-MM-DD' }));

export const snapshotMarkSchema = z.object({
  date: realDate,
  session: sessionSchema,
  /** The mark as the MIS shows it; '' when the cell is blank. */
  mark: z.string(),
  /** When the pupil arrived (HH:MM, Europe/London), where the register records it. */
  arrival: z._default(z.nullable(z.string().check(z.regex(/^([01]?\d|2[0-3]):[0-5]\d$/, { error: 'must be a time of day written as HH:MM' }))), null),
  /**
   * Minutes late, where the register records that instead of a time (Arbor, SIMS): the rules count
   * it from the session's registration start in the policy. Absent means null (none recorded); optional
   * rather than defaulted so that every mark written before it keeps its type.
   */
  minutesLate: z.optional(z.nullable(z.int().check(z.minimum(0, { error: 'must be a whole number of minutes, 0 or more' })))),
});

export const snapshotPupilSchema = z.object({
  /** Unique pupil number, or the MIS's own pupil id where the page shows no UPN. */
  upn: z.string().check(z.minLength(1, { error: 'must not be empty' })),
  name: z.string(),
  dob: z._default(z.nullable(realDate), null),
  year: z._default(z.nullable(z.string()), null),
  marks: z.array(snapshotMarkSchema),
});

export const registerSnapshotSchema = z.object({
  /** Who is taking or correcting the register: the policy may limit teachers' codes. */
  role: z._default(roleSchema, 'office'),
  /** Where the snapshot came from: a file name, a page URL. */
  source: z._default(z.string(), ''),
  pupils: z.array(snapshotPupilSchema),
});

export type Session = z.infer<typeof sessionSchema>;
export type SnapshotMark = z.infer<typeof snapshotMarkSchema>;
export type SnapshotPupil = z.infer<typeof snapshotPupilSchema>;
export type RegisterSnapshot = z.infer<typeof registerSnapshotSchema>;
