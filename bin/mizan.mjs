#!/usr/bin/env node
// `npx mizan report <input> [options]`: runs the TypeScript CLI through tsx's loader (a dev
// dependency: the package is private and runs from a clone after `npm ci`; no build step needed).
import { register } from 'tsx/esm/api';

const [command, ...rest] = process.argv.slice(2);
if (command !== 'report') {
  const help = command === undefined || command === '--help' || command === '-h';
  (help ? process.stdout : process.stderr).write(
    `${help ? '' : `mizan: unknown command "${command}".\n`}Usage: mizan report [input.csv|input.xlsx] [options]   (mizan report --help for the options)\n`,
  );
  process.exit(help ? 0 : 2);
}
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(rest);
