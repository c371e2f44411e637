/**
 * Measuring whole commands for the benchmarks (cli.bench.ts, duckdb.bench.ts): each run its own
 * process, wall time from outside (start-up included) and the process's own peak memory (max RSS).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Measured {
  readonly ms: number;
  readonly peakMb: number;
}

export const root = resolve(fileURLToPath(import.meta.url), '../..');
const PEAK = /peak-rss-kb (\d+)\s*$/;

/** Runs a command, wall time from here; its peak is the last number it prints (KB) on `stream`. */
export function timed(command: string, args: readonly string[], stream: 'stdout' | 'stderr'): Measured {
  const started = performance.now();
  const child = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${child.stderr}`);
  const kb = Number((PEAK.exec(child[stream]) ?? /(\d+)\s*$/.exec(child[stream]) ?? [])[1]);
  return { ms, peakMb: kb / 1024 };
}

/** `node bin/mizan.mjs report …`, its peak reported by bench/peak-rss.mjs. */
export const mizan = (args: readonly string[]): Measured =>
  timed(process.execPath, ['--import', './bench/peak-rss.mjs', 'bin/mizan.mjs', 'report', ...args], 'stderr');

export const hasPandas = (): boolean =>
  spawnSync('python3', ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;

/** The same report in pandas (bench/pandas_report.py), which prints its own peak. */
export const pandas = (csv: string, out: string): Measured =>
  timed('python3', ['bench/pandas_report.py', csv, out], 'stdout');

export const line = (label: string, m: Measured): string =>
  `  ${label.padEnd(36)} ${m.ms.toFixed(0).padStart(7)} ms  peak ${m.peakMb.toFixed(0).padStart(5)} MB`;
