// "Papaparse alone" as a program (bench/cli-program.ts builds it as the command line is built:
// bundled, minified, run by node): read the file named, tally its marks (bench/papaparse-tally.ts),
// print the tally.

import { readFileSync } from 'node:fs';
import { papaparseTally } from './papaparse-tally';

process.stdout.write(`${JSON.stringify(papaparseTally(readFileSync(process.argv[2]!)))}\n`);
