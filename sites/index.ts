// The built-in site profiles. A new MIS is one file in sites/builtin/ and one line here.

import type { SiteProfileInput } from './profile';
import { demoClassRegister, demoOfficeUnexplained, demoPupilList, demoPupilRecord, demoSpaRegister } from './builtin/demo';
import { demoRadioRegister } from './builtin/demo-radios';
import { demoTextCellRegister } from './builtin/demo-text-cells';
import { demoHashAppRegister, demoHashAppStudent } from './builtin/demo-hashapp';
import { demoWeekGrid } from './builtin/demo-week-grid';
import { demoPeriodRegister } from './builtin/demo-period-register';
import { demoAbsenceReport } from './builtin/demo-absence-report';
import { arborUnverified, bromcomUnverified, gibbonUnverified, scholarpackUnverified } from './builtin/unverified';

export const BUILTIN_PROFILES: readonly SiteProfileInput[] = [
  demoClassRegister,
  demoSpaRegister(),
  demoOfficeUnexplained,
  demoPupilList,
  demoPupilRecord,
  demoRadioRegister,
  demoTextCellRegister,
  demoHashAppRegister,
  demoHashAppStudent,
  demoWeekGrid,
  demoPeriodRegister,
  demoAbsenceReport,
  arborUnverified,
  bromcomUnverified,
  scholarpackUnverified,
  gibbonUnverified,
];

/** The demo MIS's profiles: switched on for the demo's own localhost origin in development builds. */
export const DEMO_PROFILE_IDS: readonly string[] = BUILTIN_PROFILES.filter((p) => p.product === 'Markwise demo MIS').map((p) => p.id);
