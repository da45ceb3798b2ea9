// Preloaded (node --require) into both programs bench/cli-program.ts compares, so that each reports
// its own peak memory (resident set, KB) the same way at exit, on standard error's last line.
process.on('exit', () => {
  process.stderr.write(`\nbench-max-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
