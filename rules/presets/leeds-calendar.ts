// Leeds City Council term dates (shared/reference/calendars.md: Leeds school
// websites that follow the council's calendar, and the Yorkshire Evening Post).
// Bank holidays are computed, not listed. No training days: each school sets its own.

import type { PolicyInput } from '../policy/schema';

export const LEEDS_ACADEMIC_YEARS: PolicyInput['calendar']['academicYears'] = [
  {
    label: '2024-25',
    source: 'Leeds City Council term dates 2024-25',
    terms: [
      { name: 'Autumn', start: '2024-09-02', end: '2024-12-20', halfTerm: { start: '2024-10-28', end: '2024-11-01' } },
      { name: 'Spring', start: '2025-01-06', end: '2025-04-04', halfTerm: { start: '2025-02-17', end: '2025-02-21' } },
      { name: 'Summer', start: '2025-04-22', end: '2025-07-22', halfTerm: { start: '2025-05-26', end: '2025-05-30' } },
    ],
  },
  {
    label: '2025-26',
    source: 'Leeds City Council term dates 2025-26',
    terms: [
      { name: 'Autumn', start: '2025-09-01', end: '2025-12-19', halfTerm: { start: '2025-10-27', end: '2025-10-31' } },
      { name: 'Spring', start: '2026-01-05', end: '2026-04-02', halfTerm: { start: '2026-02-16', end: '2026-02-20' } },
      { name: 'Summer', start: '2026-04-20', end: '2026-07-21', halfTerm: { start: '2026-05-25', end: '2026-05-29' } },
    ],
  },
];
