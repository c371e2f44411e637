// Loaded with `node --import` by the CLI benchmark: the process's peak memory (max RSS, KB) as
// the last line on stderr, so a command measured from outside reports its own.
process.on('exit', () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`));
