/**
 * DuckDB on a worker thread (duckdb-thread.ts), as the prebuilt command runs it: the same answers
 * as DuckDB on this thread, DuckDB's own error messages, the same byte scan, a missing DuckDB
 * said as on this thread; and the command, run as a user runs it, gives the JavaScript engine's
 * report and ends.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { campaignCsv } from '../../bench/campaign-data';
import { scanCsvBytes } from '../../src/cli/byte-scan';
import { type DirectDuck, DUCKDB_MISSING, openDuck } from '../../src/cli/duckdb';
import { asksForDuckdb, type DuckSide, openDuckSide } from '../../src/cli/duckdb-thread';
import { setWorkerEntry } from '../../src/cli/worker-entry';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli/mizan.mjs');
let dir = '';
let direct: DirectDuck;

beforeAll(async () => {
  execFileSync(process.execPath, ['build.mjs'], { cwd: ROOT, stdio: 'ignore' });
  setWorkerEntry(pathToFileURL(CLI));
  dir = mkdtempSync(join(tmpdir(), 'mizan-duck-thread-'));
  const opened = await openDuck();
  if (!opened.ok) throw new Error(opened.message);
  direct = opened.duck;
}, 120_000);
afterAll(() => {
  direct.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env.MIZAN_DUCKDB_MODULE;
});

const sides: DuckSide[] = [];
afterAll(() => {
  for (const s of sides) s.close();
});
async function threaded(csv: string | null = null) {
  const side = openDuckSide(csv);
  sides.push(side);
  const opened = await side.opened;
  if (!opened.ok) throw new Error(opened.message);
  return { side, duck: opened.duck };
}

const QUERIES = [
  "SELECT 1 AS one, 'x' AS t, NULL AS nothing, 2.5::DOUBLE AS d",
  'SELECT count(*) AS n, sum(i) AS s FROM range(1000) t(i)',
  "SELECT [1, 2, 3] AS list, DATE '2025-01-06' AS day",
];

describe('DuckDB on its thread', () => {
  it('answers as DuckDB on this thread: rows, arrays, tables and appended rows', async () => {
    const { duck } = await threaded();
    for (const sql of QUERIES) {
      expect(await duck.rows(sql)).toEqual(await direct.rows(sql));
      expect(await duck.arrays(sql)).toEqual(await direct.arrays(sql));
    }
    // BIGINTs come back as BigInts: 0 + 1 + … + 999 = 499500.
    expect((await duck.rows(QUERIES[1] as string))[0]).toEqual({ n: 1000n, s: 499500n });
    await duck.run('CREATE TEMP TABLE t (a DOUBLE, b VARCHAR)');
    await duck.append('t', [
      [1.5, 'x'],
      [null, 'y'],
      [-2, null],
    ]);
    expect(await duck.arrays('SELECT a, b FROM t ORDER BY b NULLS LAST')).toEqual([
      [1.5, 'x'],
      [null, 'y'],
      [-2, null],
    ]);
  });

  it('a failing statement rejects with DuckDB’s own message, and the thread answers on', async () => {
    const { duck } = await threaded();
    const error = await duck.rows('SELECT * FROM no_such_table').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/no_such_table/);
    expect(await duck.rows('SELECT 2 AS two')).toEqual([{ two: 2 }]);
  });

  it('scans the CSV as this thread does', async () => {
    const path = join(dir, 'scan.csv');
    writeFileSync(path, 'Channel,Date,Cost\nSearch,2025-01-06, -5\n"x" ,2025-01-07,1_0\n');
    const { side } = await threaded(path);
    expect(await side.scan()).toEqual(await scanCsvBytes(path));
    expect(await side.scan()).toEqual({ plainNumbers: false, blankQuotes: true, negatives: true });
  });

  it('without DuckDB installed: the same message as on this thread', async () => {
    process.env.MIZAN_DUCKDB_MODULE = '@duckdb/no-such-package';
    const side = openDuckSide(null);
    sides.push(side);
    const opened = await side.opened;
    expect(opened.ok).toBe(false);
    expect(opened.ok ? '' : opened.message).toContain(DUCKDB_MISSING);
  });
});

describe('the thread started before the rest of the command loads', () => {
  it('only for --engine duckdb, in either spelling', () => {
    expect(asksForDuckdb(['in.csv', '--engine', 'duckdb'])).toBe(true);
    expect(asksForDuckdb(['--engine=duckdb', 'in.csv'])).toBe(true);
    expect(asksForDuckdb(['in.csv', '--engine', 'js'])).toBe(false);
    expect(asksForDuckdb(['duckdb.csv', '--json', 'duckdb'])).toBe(false);
    expect(asksForDuckdb(['in.csv', '--engine'])).toBe(false);
  });

  // Runs that never reach DuckDB: the thread started for them must not keep the process alive.
  for (const [what, args, status] of [
    ['a missing input', ['no-such-file.csv'], 3],
    ['a bad option', ['x.csv', '--group-by'], 2],
    ['--help', ['--help'], 0],
  ] as const)
    it(`${what}: the command ends at once with the JavaScript engine’s exit status`, () => {
      const run = spawnSync(process.execPath, [CLI, 'report', ...args, '--engine', 'duckdb'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.error).toBeUndefined();
      expect(run.status, run.stderr).toBe(status);
      // Not an abort in DuckDB's library as the process ends while the thread still loads it.
      expect(run.stderr).not.toMatch(/terminate called|Aborted/);
    });
});

describe('Ctrl-C while DuckDB loads, scans or sums', () => {
  // Ending the process with DuckDB's thread at work aborted in DuckDB's library (exit 134,
  // "terminate called after throwing an instance of 'Napi::Error'"): the thread is stopped first.
  it('ends as SIGINT ends a process (130), says nothing of an abort, and writes no report', async () => {
    const big = join(dir, 'interrupted.csv');
    writeFileSync(big, campaignCsv(1_000_000));
    for (const ms of [150, 350, 550]) {
      const out = join(dir, `interrupted-${ms}.json`);
      const child = spawn(process.execPath, [CLI, 'report', big, '--json', out, '--engine', 'duckdb'], {
        cwd: dir,
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      await new Promise((resolve) => setTimeout(resolve, ms));
      child.kill('SIGINT');
      const [status, signal] = await new Promise<[number | null, string | null]>((resolve) =>
        child.on('exit', (code, by) => resolve([code, by])),
      );
      // 130, or killed by SIGINT itself when it came before the command set its handlers: a
      // shell shows both alike. Never SIGABRT.
      expect(status === 130 || signal === 'SIGINT', `${ms} ms: ${status} ${signal} ${stderr}`).toBe(true);
      expect(stderr).not.toMatch(/terminate called|Aborted|unexpected error/);
      expect(readdirSync(dir).filter((f) => f.startsWith(`interrupted-${ms}`))).toEqual([]);
    }
  }, 60_000);
});

describe('the prebuilt command with --engine duckdb', () => {
  /** 400 rows over 3 channels and 20 days, a refund (negative cost) far below the first rows. */
  const csv = () => {
    const lines = ['Channel,Date,Cost,Impressions,Clicks,Conversions,Revenue'];
    for (let i = 0; i < 400; i++) {
      const day = String(1 + (i % 20)).padStart(2, '0');
      lines.push(
        `${['Search', 'Social', 'Email'][i % 3]},2025-01-${day},${(i % 17) + 0.25},${1000 + i},${i % 40},${i % 5},${(i % 23) * 3.5}`,
      );
    }
    lines.push('Search,2025-01-09,-25.50,100,5,1,20');
    return `${lines.join('\n')}\n`;
  };
  const run = (file: string, out: string, engine: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [CLI, 'report', file, '--json', out, '--quiet', '--engine', engine], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, MIZAN_DUCKDB_HEAD_ROWS: '20', ...env },
    });
  const report = (out: string) => {
    const json = JSON.parse(readFileSync(out, 'utf8')) as { notes: { message: string }[] };
    const note = json.notes.find((n) => n.message.includes('--engine duckdb'))?.message;
    return { note, rest: { ...json, notes: json.notes.filter((n) => n.message !== note) } };
  };

  it('sums on DuckDB’s thread, ends, and gives the JavaScript engine’s report; one thread gives the same', async () => {
    const file = join(dir, 'refund.csv');
    writeFileSync(file, csv());
    const js = run(file, join(dir, 'js.json'), 'js');
    const dk = run(file, join(dir, 'dk.json'), 'duckdb');
    const one = run(file, join(dir, 'one.json'), 'duckdb', { MIZAN_THREADS: '1' });
    for (const r of [js, dk, one]) {
      expect(r.error).toBeUndefined();
      expect(r.status, r.stderr).toBe(0);
    }
    const [j, d, o] = ['js.json', 'dk.json', 'one.json'].map((f) => report(join(dir, f)));
    expect(d?.note).toMatch(/^Summed by DuckDB/);
    expect(o?.note).toBe(d?.note);
    expect(d?.rest).toEqual(j?.rest);
    expect(o?.rest).toEqual(j?.rest);
  });
});
