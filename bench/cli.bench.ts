/**
 * The offline command at scale: a 100,000-row CSV → .xlsx report and a 1,000,000-row CSV → JSON
 * report, each against the time and memory it takes merely to read and parse the same CSV.
 * Each measurement runs in its own Node process so its peak RSS (process.resourceUsage().maxRSS)
 * is its own. Targets: JSON report under 4× the parse; peak memory not far beyond the parse's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { campaignCsv } from './campaign-data';

interface Measured {
  readonly ms: number;
  readonly peakMb: number;
}

const here = fileURLToPath(import.meta.url);
const root = resolve(here, '../..');

function measure(mode: 'parse' | 'json' | 'xlsx', csv: string, out: string): Measured {
  const child = spawnSync(process.execPath, ['--import', 'tsx', here, mode, csv, out], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`bench child ${mode} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as Measured;
}

/** In the child: do one thing, print its time and the process's peak RSS. */
async function child(mode: string, csv: string, out: string): Promise<void> {
  const started = performance.now();
  if (mode === 'parse') {
    const { readInput } = await import('../src/cli/read-input');
    const read = await readInput(csv);
    if (!read.ok) throw new Error(read.message);
  } else {
    const { main } = await import('../src/cli/main');
    const io = {
      out: () => {},
      err: (t: string) => process.stderr.write(t),
      tty: false,
      color: false,
      cwd: root,
    };
    const status = await main([csv, mode === 'json' ? '--json' : '--out', out, '--quiet'], io);
    if (status !== 0) throw new Error(`mizan report exited with ${status}`);
  }
  const ms = performance.now() - started;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, peakMb })}\n`);
}

function line(label: string, m: Measured, base?: Measured): string {
  const ratio = base
    ? `  (${(m.ms / base.ms).toFixed(2)}× time, ${(m.peakMb / base.peakMb).toFixed(2)}× memory of the parse)`
    : '';
  return `  ${label.padEnd(34)} ${m.ms.toFixed(0).padStart(7)} ms  peak ${m.peakMb.toFixed(0).padStart(5)} MB${ratio}`;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-cli-bench-'));
  try {
    console.log('cli: mizan report (each step in its own process; peak = max RSS)');
    for (const [rows, mode] of [
      [100_000, 'xlsx'],
      [1_000_000, 'json'],
    ] as const) {
      const csv = join(dir, `campaigns-${rows}.csv`);
      writeFileSync(csv, campaignCsv(rows));
      const mb = statSync(csv).size / 1e6;
      const parse = measure('parse', csv, '');
      const report = measure(mode, csv, join(dir, `report-${rows}.${mode}`));
      const outKb = statSync(join(dir, `report-${rows}.${mode}`)).size / 1e3;
      console.log(
        `  ${rows.toLocaleString('en-US')} rows (${mb.toFixed(1)} MB CSV) → ${mode} (${outKb.toFixed(0)} KB)`,
      );
      console.log(line('read + parse CSV only', parse));
      console.log(line(`CSV → ${mode} report`, report, parse));
      if (mode === 'json') {
        const ok = report.ms < 4 * parse.ms;
        console.log(`  target JSON report < 4× parse: ${ok ? 'met' : 'NOT met'}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  const [mode, csv, out] = process.argv.slice(2);
  if (mode) await child(mode, csv as string, out as string);
  else await run();
}
