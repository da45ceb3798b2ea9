// Every check the engine runs. A new rule is one file in this folder and one line here.

import type { Check } from './check';
import { codeValidity } from './code-validity';
import { continuousAbsence } from './continuous-absence';
import { lateness } from './lateness';
import { penaltyThreshold } from './penalty-threshold';
import { schoolDay } from './school-day';
import { unexplainedAbsence } from './unexplained-absence';

export const CHECKS: readonly Check[] = [codeValidity, lateness, unexplainedAbsence, continuousAbsence, penaltyThreshold, schoolDay];
