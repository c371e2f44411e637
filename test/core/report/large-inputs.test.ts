/**
 * Sizes past what a function call's arguments can hold (about 120,000 in V8): a long export with
 * its platform's summary row, and a table of as many groups. Both crashed with "Maximum call stack
 * size exceeded" (found by the independent checks of the DuckDB engine). Expectations are summed
 * here, in integer cents.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/core/report/index';

const ROWS = 150_000;

/** Cost in cents and clicks of row i: small integers, so sums are exact. */
const cents = (i: number) => 1_000 + ((i * 37) % 9_000);
const clicks = (i: number) => 1 + ((i * 53) % 200);

describe(`${ROWS.toLocaleString('en')} rows`, () => {
  it('a summary row at the end (no label) is left out, and the totals are the rows’ own', () => {
    const grid: unknown[][] = [['Channel', 'Date', 'Cost', 'Clicks']];
    let costCents = 0;
    let clickSum = 0;
    for (let i = 0; i < ROWS; i++) {
      grid.push([
        `G${i % 20}`,
        `2025-01-${String(6 + (i % 14)).padStart(2, '0')}`,
        cents(i) / 100,
        clicks(i),
      ]);
      costCents += cents(i);
      clickSum += clicks(i);
    }
    grid.push(['', '', costCents / 100, clickSum]);
    const r = buildReport(grid, { sourceName: 'Data', lang: 'en' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.model.totals.rows).toBe(ROWS);
    const cost = r.model.totals.measures.cost as number;
    expect(Math.round(cost * 100)).toBe(costCents);
    expect(r.model.totals.measures.clicks).toBe(clickSum);
  });

  it('grouped by a column of as many distinct values: one group each, summed', () => {
    const grid: unknown[][] = [['Campaign', 'Cost', 'Clicks']];
    for (let i = 0; i < ROWS; i++) grid.push([`Campaign ${i}`, cents(i) / 100, clicks(i)]);
    const r = buildReport(grid, { sourceName: 'Data', lang: 'en', groupBy: 0 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.model.groups).toHaveLength(ROWS);
    expect(r.model.groups[ROWS - 1]?.measures.clicks).toBe(clicks(ROWS - 1));
  });
});
