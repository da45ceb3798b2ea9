// A register snapshot: what a site adapter reads from an MIS page, what the
// command line reads from an export, and what the rules engine checks.

import { z } from 'zod';
import { isIsoDate } from './dates';
import { roleSchema } from './policy/schema';

export const sessionSchema = z.enum(['AM', 'PM'], { error: 'must be AM or PM' });

export const snapshotMarkSchema = z.object({
  date: z.string().refine(isIsoDate, { error: 'must be a real date written as YYYY-MM-DD' }),
  session: sessionSchema,
  /** The mark as the MIS shows it; '' when the cell is blank. */
  mark: z.string(),
  /** When the pupil arrived (HH:MM, Europe/London), where the register records it. */
  arrival: z
    .string()
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, { error: 'must be a time of day written as HH:MM' })
    .nullable()
    .default(null),
});

export const snapshotPupilSchema = z.object({
  /** Unique pupil number, or the MIS's own pupil id where the page shows no UPN. */
  upn: z.string().min(1, { error: 'must not be empty' }),
  name: z.string(),
  dob: z
    .string()
    .refine(isIsoDate, { error: 'must be a real date written as YYYY-MM-DD' })
    .nullable()
    .default(null),
  year: z.string().nullable().default(null),
  marks: z.array(snapshotMarkSchema),
});

export const registerSnapshotSchema = z.object({
  /** Who is taking or correcting the register: the policy may limit teachers' codes. */
  role: roleSchema.default('office'),
  /** Where the snapshot came from: a file name, a page URL. */
  source: z.string().default(''),
  pupils: z.array(snapshotPupilSchema),
});

export type Session = z.infer<typeof sessionSchema>;
export type SnapshotMark = z.infer<typeof snapshotMarkSchema>;
export type SnapshotPupil = z.infer<typeof snapshotPupilSchema>;
export type RegisterSnapshot = z.infer<typeof registerSnapshotSchema>;
