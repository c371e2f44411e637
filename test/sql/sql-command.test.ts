/**
 * `mizan sql` as a user runs it: the printed DuckDB query, run on the file itself, gives the
 * report's numbers; a table's query from its header line parses as BigQuery; bad options exit 2.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { sqlMain } from '../../src/cli/sql-command';
import { sharedDuck } from '../helpers/shared-duck';
import { compareWithModel, type JsRun, jsRun } from './harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mizan-sql-'));

async function sql(argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await sqlMain(argv, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    cwd: ROOT,
  });
  return { status, out, err };
}

const duck = sharedDuck();

describe('mizan sql', () => {
  it('prints a DuckDB query that, run on the example file, gives the report’s totals, groups, periods and KPIs', async () => {
    const run = await sql(['examples/campaigns-en.csv']);
    expect(run.status).toBe(0);
    const rows = await duck.rows(run.out);
    const js = (await jsRun(join(ROOT, 'examples/campaigns-en.csv'))) as JsRun;
    const { specOf } = await import('./harness');
    expect(compareWithModel(js.model, rows, specOf(js, 'unused'))).toEqual([]);
    expect(rows.filter((r) => r.level === 'period').length).toBe(js.model.periods.length);
  });

  it('reads a file whose header tries to inject SQL, and the query still reads that column', async () => {
    const file = join(dir, 'hostile.csv');
    writeFileSync(
      file,
      '"Channel","Date","Cost","Impressions","Clicks; DROP TABLE x","a`b""c\'d"\nSearch,2025-01-01,10,1000,5,1\nSocial,2025-01-02,20,0,0,2\n',
    );
    const run = await sql([file, '--map', 'Clicks; DROP TABLE x=clicks', '--map', 'F=ignore']);
    expect(run.status, run.err).toBe(0);
    const rows = await duck.rows(run.out);
    const total = rows.find((r) => r.level === 'total');
    expect(total).toMatchObject({ cost: 30, impressions: 1000, clicks: 5 });
    expect(total?.ctr).toBeCloseTo(5 / 1000, 15);
    expect(rows.find((r) => r.group_key === 'social')?.ctr).toBeNull();
  });

  it('gives a BigQuery query for a table from its header line, with the periods asked for', async () => {
    const run = await sql([
      '--table',
      'my-project.ads.campaign_stats',
      '--columns',
      'Date,Campaign,Cost,Impressions,Clicks,Conversions',
      '--dialect',
      'bigquery',
      '--from',
      '2025-01-01',
      '--to',
      '2025-03-31',
      '--period',
      'month',
    ]);
    expect(run.status, run.err).toBe(0);
    const ast = new Parser().astify(run.out.replace(/;\s*$/, ''), { database: 'BigQuery' });
    expect(Array.isArray(ast) ? ast.length : 1).toBe(1);
    expect(run.out).toContain('`my-project.ads.campaign_stats`');
    expect(run.out).toContain(
      "STRUCT(2 AS idx, DATE '2025-03-01' AS start_day, DATE '2025-04-01' AS end_day)",
    );
    expect(run.out).toContain('SAFE_DIVIDE(');
  });

  it('refuses a bad command line with exit 2, naming the option', async () => {
    expect((await sql(['--dialect', 'oracle', 'examples/campaigns-en.csv'])).err).toMatch(/--dialect/);
    expect((await sql(['examples/campaigns-en.csv', '--dialect', 'bigquery'])).status).toBe(2);
    expect((await sql(['--table', 't'])).status).toBe(2);
    expect(
      (await sql(['examples/campaigns-en.csv', '--from', '2025-02-01', '--to', '2025-01-01'])).status,
    ).toBe(2);
  });
});
