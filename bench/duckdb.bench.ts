/**
 * The compiled report query run by DuckDB (@duckdb/node-api) on big campaign CSVs, each run its
 * own process (wall from outside, start-up included; peak = max RSS): `mizan sql` prints the
 * query, a small Node script runs it. 1,000,000 rows against pandas (bench/pandas_report.py),
 * target ≤ 0.5× pandas time; 10,000,000 rows generated here: the time, and that it finishes.
 * `mizan report --engine duckdb` is not built yet; `mizan sql <file>` reads the whole file with the
 * JavaScript engine to decide the columns, so these figures include that read (the cost to remove).
 * Benchmarks print; they never assert.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { campaignCsv } from './campaign-data';

const root = resolve(fileURLToPath(import.meta.url), '../..');

interface Measured {
  readonly ms: number;
  readonly peakMb: number;
}

function timed(command: string, args: readonly string[]): Measured {
  const started = performance.now();
  const child = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${child.stderr}`);
  return { ms, peakMb: Number(/(\d+)\s*$/.exec(child.stdout)?.[1]) / 1024 };
}

/** Prints the query for the file, then runs it in DuckDB; prints the peak RSS (KB) last. */
const RUN = `const { spawnSync } = require('node:child_process');
const sql = spawnSync(process.execPath, ['bin/mizan.mjs', 'sql', process.argv[1]], { encoding: 'utf8', maxBuffer: 1 << 26 });
if (sql.status !== 0) { console.error(sql.stderr); process.exit(1); }
import('@duckdb/node-api').then(async ({ DuckDBInstance }) => {
  const db = await DuckDBInstance.create(':memory:');
  const rows = (await (await db.connect()).runAndReadAll(sql.stdout)).getRowObjectsJS();
  if (rows.length < 1) process.exit(1);
  console.log(Math.max(process.resourceUsage().maxRSS, 0));
});`;

const duck = (csv: string): Measured => timed(process.execPath, ['-e', RUN, csv]);
const pandas = (csv: string, out: string): Measured => timed('python3', ['bench/pandas_report.py', csv, out]);
const hasPandas = () => spawnSync('python3', ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
const line = (label: string, m: Measured) =>
  `  ${label.padEnd(36)} ${m.ms.toFixed(0).padStart(7)} ms  peak ${m.peakMb.toFixed(0).padStart(5)} MB`;

/** 10,000,000 rows: the 1,000,000-row body written ten times (same columns, same dates). */
async function tenMillion(path: string, body: string): Promise<void> {
  const [header, ...rest] = body.split('\n');
  const rows = `${rest.join('\n').trimEnd()}\n`;
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  for (let i = 0; i < 10; i++)
    if (!out.write(rows)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(() => r()));
}

export async function run(): Promise<void> {
  if (
    spawnSync(process.execPath, ['-e', "require.resolve('@duckdb/node-api')"], { cwd: root }).status !== 0
  ) {
    console.log('  @duckdb/node-api is not installed here (an optional dependency): no DuckDB figures');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'mizan-duckdb-bench-'));
  try {
    const big = join(dir, 'campaigns-1000000.csv');
    const body = campaignCsv(1_000_000);
    writeFileSync(big, body);
    console.log(
      `duckdb: mizan sql + DuckDB, 1,000,000 rows (${(statSync(big).size / 1e6).toFixed(1)} MB CSV)`,
    );
    const d = duck(big);
    console.log(line('mizan sql → DuckDB query', d));
    if (hasPandas()) {
      const p = pandas(big, join(dir, 'pandas.json'));
      console.log(line('pandas read_csv + groupby + KPIs', p));
      console.log(
        `  ratio ${(d.ms / p.ms).toFixed(2)}× pandas time (target ≤ 0.5: ${d.ms <= 0.5 * p.ms ? 'met' : 'NOT met'})`,
      );
    } else console.log('  (python3 has no pandas here: no pandas figure)');
    const huge = join(dir, 'campaigns-10000000.csv');
    await tenMillion(huge, body);
    console.log(`  10,000,000 rows (${(statSync(huge).size / 1e6).toFixed(0)} MB CSV)`);
    console.log(line('mizan sql → DuckDB query', duck(huge)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
