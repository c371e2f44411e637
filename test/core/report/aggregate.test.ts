/**
 * The sums behind every total, group and period, against sums worked out independently: the
 * exact sum of the doubles (as BigInt), rounded once. Both of aggregate's ways are reached: few (group, period) pairs (each row added once, into its pair) and many (each
 * row added into its group and its period).
 */
import { describe, expect, it } from 'vitest';
import type { Period } from '../../../src/core/dates/periods';
import type { Analysis } from '../../../src/core/detect/analyse';
import { aggregate, type Groups, periodRows } from '../../../src/core/report/aggregate';
import { seededRandom } from '../../helpers/seeded-random';

interface Case {
  readonly cents: (number | null)[][]; // [measure][row], null: no number
  readonly group: Int32Array;
  readonly period: Int32Array;
  readonly groups: number;
  readonly periods: number;
}

function makeCase(rows: number, groups: number, periods: number, seed: number): Case {
  const next = seededRandom(seed);
  const cents = [0, 1, 2].map((m) =>
    Array.from({ length: rows }, () =>
      next() < 0.05 ? null : Math.round((next() - (m === 2 ? 0.5 : 0)) * 10 ** (m + 4)),
    ),
  );
  const group = Int32Array.from({ length: rows }, () => Math.floor(next() * groups));
  // Some rows have no period (no date, or a date outside the periods).
  const period = Int32Array.from({ length: rows }, () => (next() < 0.03 ? -1 : Math.floor(next() * periods)));
  return { cents, group, period, groups, periods };
}

function run(c: Case) {
  const n = c.group.length;
  const analysis = {
    dataRows: Array.from({ length: n }, (_, i) => i + 1),
    measures: c.cents.map((col) => ({
      values: Float64Array.from(col, (x) => (x === null ? Number.NaN : x / 100)),
    })),
  } as unknown as Analysis;
  const groups: Groups = {
    index: c.group,
    labels: Array.from({ length: c.groups }, (_, k) => `g${k}`),
    exact: Array.from({ length: c.groups }, () => true),
  };
  return aggregate(analysis, groups, c.period, c.periods);
}

/**
 * The exact sum of the doubles (cents ÷ 100, each rounded) of the rows `where` picks, rounded
 * once: each double times 2^64 is an exact integer here (|x| ≥ 0.01), summed as a BigInt.
 */
function expected(c: Case, m: number, where: (i: number) => boolean): { sum: number; count: number } {
  const SCALE = 2 ** 64;
  let sum = 0n;
  let count = 0;
  c.cents[m]?.forEach((x, i) => {
    if (x === null || !where(i)) return;
    sum += BigInt((x / 100) * SCALE);
    count++;
  });
  return { sum: Number(sum) / SCALE, count };
}

/** Within two units in the last place of the exact sum: a compensated sum lands there; a plain one drifts. */
function near(got: number | undefined, want: number, where: string): void {
  expect(got, where).toBeDefined();
  expect(Math.abs((got as number) - want), `${where}: ${got} vs ${want}`).toBeLessThanOrEqual(
    Math.abs(want) * 4.5e-16,
  );
}

function check(c: Case): void {
  const a = run(c);
  const M = 3;
  for (let m = 0; m < M; m++) {
    const t = expected(c, m, () => true);
    near(a.total.sum[m], t.sum, 'total');
    expect(a.total.count[m]).toBe(t.count);
    for (let g = 0; g < c.groups; g++) {
      const e = expected(c, m, (i) => c.group[i] === g);
      near(a.groups?.sum[g * M + m], e.sum, `group ${g}, measure ${m}`);
      expect(a.groups?.count[g * M + m]).toBe(e.count);
    }
    for (let p = 0; p < c.periods; p++) {
      const e = expected(c, m, (i) => c.period[i] === p);
      near(a.periods?.sum[p * M + m], e.sum, `period ${p}, measure ${m}`);
      expect(a.periods?.count[p * M + m]).toBe(e.count);
    }
  }
  expect(a.total.rows[0]).toBe(c.group.length);
  for (let g = 0; g < c.groups; g++) expect(a.groups?.rows[g]).toBe(c.group.filter((x) => x === g).length);
  for (let p = 0; p < c.periods; p++) expect(a.periods?.rows[p]).toBe(c.period.filter((x) => x === p).length);
}

describe('aggregate: totals, groups and periods equal exact sums', () => {
  it('few pairs (5 groups × 12 periods over 20,000 rows)', () => check(makeCase(20_000, 5, 12, 1)));
  it('many pairs (400 groups × 60 periods over 3,000 rows)', () => check(makeCase(3_000, 400, 60, 2)));
  it('a handful of rows', () => check(makeCase(7, 3, 2, 3)));
  it('one group and one period', () => check(makeCase(1_000, 1, 1, 4)));
});

describe('periodRows: each day finds the period that holds it', () => {
  const slotOf = (periods: readonly Period[], d: number): number =>
    periods.findIndex((p) => d >= p.start && d < p.end);

  it('weeks of a year, with days before, after, between and missing', () => {
    const periods: Period[] = Array.from({ length: 52 }, (_, k) => ({
      start: 20000 + 7 * k,
      end: 20007 + 7 * k,
    }));
    const days = Float64Array.from([
      19999,
      20000,
      20006,
      20007,
      20363,
      20364,
      25000,
      Number.NaN,
      20100.5,
      -3,
    ]);
    expect([...periodRows(days, periods)]).toEqual([...days].map((d) => slotOf(periods, d)));
  });

  it('periods spanning millions of days (no lookup table)', () => {
    const periods: Period[] = [
      { start: -1_000_000, end: 0 },
      { start: 0, end: 10 },
      { start: 10, end: 3_000_000 },
    ];
    const days = Float64Array.from([-1_000_001, -1_000_000, -1, 0, 9, 10, 2_999_999, 3_000_000, Number.NaN]);
    expect([...periodRows(days, periods)]).toEqual([...days].map((d) => slotOf(periods, d)));
  });
});
