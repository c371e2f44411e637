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

/**
 * The fastest wall time of `runs` runs, and the highest peak of them: one run's time on a shared
 * 2-core machine varies by ±15%, more than the differences the targets are about, while memory is
 * judged by its worst run. Every command compared in a bench is measured the same way.
 */
export function bestOf(runs: number, measure: () => Measured): Measured {
  let ms = Number.POSITIVE_INFINITY;
  let peakMb = 0;
  for (let i = 0; i < runs; i++) {
    const m = measure();
    ms = Math.min(ms, m.ms);
    peakMb = Math.max(peakMb, m.peakMb);
  }
  return { ms, peakMb };
}

/**
 * bestOf for several commands compared with each other, their runs taken in turn (A, B, C, A, B,
 * C…): this machine's speed drifts within a minute, and runs in turn share the drift, where a
 * block of each would not.
 */
export function bestOfEach(
  runs: number,
  commands: Readonly<Record<string, () => Measured>>,
): Record<string, Measured> {
  const best: Record<string, Measured> = {};
  for (let i = 0; i < runs; i++)
    for (const [name, measure] of Object.entries(commands)) {
      const m = measure();
      const was = best[name];
      best[name] = was ? { ms: Math.min(was.ms, m.ms), peakMb: Math.max(was.peakMb, m.peakMb) } : m;
    }
  return best;
}

/** Runs per figure in the benchmarks that compare commands (BENCH_RUNS overrides). */
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 3);

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
