// The program `markwise` (package.json's bin, built to .output/cli/markwise.mjs by cli/vite.config.ts):
// runs the command line with the process's arguments and streams. Everything it does is in main().

import { COLOURED, PLAIN, type Style } from './report';
import { EXIT_OK, main } from './markwise';

/** Colour on a terminal only, and not when the user has asked for none (https://no-color.org). */
function terminalStyle(): Style {
  return process.stdout.isTTY === true && (process.env.NO_COLOR ?? '') === '' ? COLOURED : PLAIN;
}

// The reader closed the pipe (markwise ... | head): stop quietly, with the status already decided.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? EXIT_OK);
});
process.exitCode = main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  style: terminalStyle(),
  now: () => Date.now(),
});
