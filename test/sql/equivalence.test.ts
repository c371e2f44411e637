/**
 * The compiled query, run by DuckDB, against the JavaScript engine as the CLI runs it: every
 * bundled example, every real export the engine accepts, and generated data with empty groups,
 * empty periods and zero denominators. DuckDB is given the values our readers produced (currency
 * text, Persian digits, decimal commas and Jalali dates read once, by us; the group column's raw
 * text, so the grouping is the SQL's own), and totals, groups, periods and KPIs must agree to
 * 1e-9 relative.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sharedDuck } from '../helpers/shared-duck';
import { equivalence, type JsRun, jsRun, jsRunGrid } from './harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(csv|tsv|txt|xlsx)$/i.test(name) ? [path] : [];
  });
}

const FILES = [
  ...filesUnder(join(ROOT, 'examples')),
  ...filesUnder(join(ROOT, 'test/fixtures/campaigns')),
  ...filesUnder(join(ROOT, 'test/fixtures/real')),
];

const duck = sharedDuck();

describe('compiled query in DuckDB = JavaScript engine, on every fixture', () => {
  it('finds the fixtures', () => {
    expect(FILES.length).toBeGreaterThan(30);
  });

  for (const file of FILES) {
    it(relative(ROOT, file), async () => {
      const run = await jsRun(file);
      if ('refused' in run) {
        // Nothing to compare; only a file the corpus expects to be refused may be.
        const expected = `${file}.expected.json`;
        const outcome = existsSync(expected) ? JSON.parse(readFileSync(expected, 'utf8')).outcome : 'report';
        expect(outcome, run.refused).toBe('refuse');
        return;
      }
      let result: Awaited<ReturnType<typeof equivalence>>;
      try {
        result = await equivalence(duck, run);
      } catch (error) {
        // The one refusal the SQL spec makes: a measure that is not a sum (orders from order ids).
        expect((error as Error).message).toMatch(/counting distinct order ids|both named/);
        return;
      }
      expect(result.mismatches).toEqual([]);
      // The comparison compared something: every KPI of the total, and every group and period.
      expect(run.model.totals.kpis.length).toBe(result.spec.kpis.length);
    });
  }
});

/** Deterministic data (an LCG): groups spelled several ways, a group with no clicks, a gap of weeks. */
function generated(rows: number): unknown[][] {
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const spellings = ['Search', ' search ', 'SEARCH', 'Paid\u00a0Social', 'paid  social', '', 'Zero Clicks'];
  const grid: unknown[][] = [['Channel', 'Date', 'Cost', 'Impressions', 'Clicks', 'Conversions', 'Revenue']];
  for (let i = 0; i < rows; i++) {
    const channel = spellings[rnd(spellings.length)] as string;
    // Days 0–20 and 60–80 of 2025: the weeks between have no rows.
    const d = rnd(2) === 0 ? rnd(21) : 60 + rnd(21);
    const date = new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
    const zero = channel === 'Zero Clicks';
    grid.push([
      channel,
      date,
      (rnd(100_000) / 100).toFixed(2),
      zero ? 0 : 100 + rnd(10_000),
      zero ? 0 : rnd(100),
      zero ? 0 : rnd(5),
      (rnd(1_000_000) / 100).toFixed(2),
    ]);
  }
  return grid;
}

describe('compiled query in DuckDB = JavaScript engine, on generated data', () => {
  for (const period of ['day', 'week', 'month'] as const) {
    it(`empty groups, zero denominators and empty ${period}s`, async () => {
      const run = jsRunGrid(generated(3_000), {
        sourceName: 'generated',
        lang: 'en',
        period,
        formulaSource: 'recreated',
      }) as JsRun;
      expect('refused' in run).toBe(false);
      const { mismatches } = await equivalence(duck, run);
      expect(mismatches).toEqual([]);
      // What the data was made to hold: a group whose rate KPIs have no value, and a blank group.
      const zero = run.model.groups.find((g) => g.label === 'Zero Clicks');
      expect(zero?.kpis.find((k) => k.kpi === 'ctr')?.value).toBeNull();
      expect(run.model.groups.some((g) => g.label === '')).toBe(true);
      if (period !== 'month') expect(run.model.periods.some((p) => p.rows === 0)).toBe(true);
    });
  }
});
