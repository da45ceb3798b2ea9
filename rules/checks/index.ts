// Every check the engine runs, in the order their findings are produced.
// A new rule is one file in this folder and one line here.

import type { Check } from './check';

export const CHECKS: readonly Check[] = [];
