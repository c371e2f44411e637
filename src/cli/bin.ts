/**
 * The process entry point of `mizan`, built into dist/cli/mizan.mjs (see build/cli-bundle.mjs):
 * picks the command, removes temporary files on Ctrl-C, and exits with main's status.
 */
import { isMainThread } from 'node:worker_threads';
import { dropBundledBufferWarning } from './buffer-warning';
import { cleanUpOnSignals } from './cleanup';
import { setWorkerEntry } from './worker-entry';

const [command, ...rest] = process.argv.slice(2);
// This file is also what a worker thread runs: half a CSV (csv-parallel.ts), or DuckDB
// (duckdb-thread.ts). Each module is imported when used, so a worker loads only its own code.
if (!isMainThread)
  (await (await import('./csv-parallel')).runCsvPart()) ||
    (await (await import('./duckdb-thread')).runDuckThread());
else if (command === 'report') {
  setWorkerEntry(new URL(import.meta.url));
  cleanUpOnSignals();
  dropBundledBufferWarning();
  // DuckDB's thread starts loading while the rest of the command does.
  const duckThread = await import('./duckdb-thread');
  if (duckThread.asksForDuckdb(rest)) duckThread.warmDuckThread();
  const { main } = await import('./main');
  process.exitCode = await main(rest);
  duckThread.releaseWarmDuckThread();
} else if (command === 'sql') {
  const { sqlMain } = await import('./sql-command');
  const io = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t) };
  process.exitCode = await sqlMain(rest, { ...io, cwd: process.cwd() });
} else {
  const help = command === undefined || command === '--help' || command === '-h';
  (help ? process.stdout : process.stderr).write(
    `${help ? '' : `mizan: unknown command "${command}".\n`}Usage: mizan report [input.csv|input.xlsx] [options]   (mizan report --help for the options)\n       mizan sql [input] [--dialect duckdb|bigquery] [--table …]   (mizan sql --help)\n`,
  );
  process.exitCode = help ? 0 : 2;
}
