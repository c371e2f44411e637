/**
 * The process entry point of `mizan`, built into dist/cli/mizan.mjs (see build/cli-bundle.mjs):
 * picks the command, removes temporary files on Ctrl-C, and exits with main's status.
 */
import { cleanUpOnSignals } from './cleanup';
import { main } from './main';

const [command, ...rest] = process.argv.slice(2);
if (command === 'report') {
  cleanUpOnSignals();
  process.exitCode = await main(rest);
} else {
  const help = command === undefined || command === '--help' || command === '-h';
  (help ? process.stdout : process.stderr).write(
    `${help ? '' : `mizan: unknown command "${command}".\n`}Usage: mizan report [input.csv|input.xlsx] [options]   (mizan report --help for the options)\n`,
  );
  process.exitCode = help ? 0 : 2;
}
