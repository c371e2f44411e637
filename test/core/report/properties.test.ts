/**
 * Properties of the totals, on random campaign sheets: shuffling rows changes nothing; a sheet
 * split in two sums to the whole; a total row (any language, anywhere) is never counted — not by
 * the engine, and not by the live formulas either.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/core/report/index';
import type { ReportModel } from '../../../src/core/report/model';
import { closeTo, formulaMismatches } from './helpers';

const HEADER = ['Channel', 'Campaign', 'Cost', 'Impressions', 'Clicks', 'Conversions', 'Revenue'];
const MEASURES = ['cost', 'impressions', 'clicks', 'conversions', 'revenue'] as const;

interface Row {
  channel: string;
  campaign: string;
  cost: number;
  impressions: number;
  clicks: number;
  conversions: number;
  revenue: number;
  costAsText: boolean;
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  channel: fc.constantFrom('Search', 'Social', 'Email', 'جستجو'),
  campaign: fc.constantFrom('Brand', 'Generic', 'Retargeting', 'کمپین پاییز'),
  cost: fc.integer({ min: 0, max: 500_000 }).map((c) => c / 100),
  impressions: fc.integer({ min: 0, max: 100_000 }),
  clicks: fc.integer({ min: 0, max: 5_000 }),
  conversions: fc.integer({ min: 0, max: 300 }),
  revenue: fc.integer({ min: -10_000, max: 900_000 }).map((c) => c / 100),
  costAsText: fc.boolean(),
});

const line = (r: Row): unknown[] => [
  r.channel,
  r.campaign,
  r.costAsText ? `$${r.cost.toLocaleString('en-US', { minimumFractionDigits: 2 })}` : r.cost,
  r.impressions,
  r.clicks,
  r.conversions,
  r.revenue,
];
const gridOf = (rows: readonly Row[]): unknown[][] => [HEADER, ...rows.map(line)];
const build = (grid: unknown[][], extra: Partial<Parameters<typeof buildReport>[1]> = {}): ReportModel => {
  const r = buildReport(grid, { sourceName: 'Data', lang: 'en', ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.model;
};
const direct = (rows: readonly Row[], m: (typeof MEASURES)[number]) => rows.reduce((s, r) => s + r[m], 0);
const sameTotals = (a: ReportModel, b: ReportModel) => {
  for (const m of MEASURES)
    expect(closeTo(a.totals.measures[m], b.totals.measures[m] ?? null, 1e-12), m).toBe(true);
  for (const [i, k] of a.totals.kpis.entries()) {
    expect(closeTo(k.value, b.totals.kpis[i]?.value ?? null, 1e-12), k.kpi).toBe(true);
  }
};

describe('totals: properties', () => {
  it('equal the direct sums of the generated numbers, and KPIs are sum-then-divide', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 60 }), (rows) => {
        const model = build(gridOf(rows));
        for (const m of MEASURES)
          expect(closeTo(model.totals.measures[m], direct(rows, m), 1e-12), m).toBe(true);
        const ctr = model.totals.kpis.find((k) => k.kpi === 'ctr')?.value ?? null;
        const impressions = direct(rows, 'impressions');
        expect(closeTo(ctr, impressions === 0 ? null : direct(rows, 'clicks') / impressions, 1e-12)).toBe(
          true,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('do not change when the rows are shuffled', () => {
    fc.assert(
      fc.property(
        fc
          .array(rowArb, { minLength: 1, maxLength: 60 })
          .chain((rows) =>
            fc.tuple(
              fc.constant(rows),
              fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
            ),
          ),
        ([rows, shuffled]) => {
          const a = build(gridOf(rows));
          const b = build(gridOf(shuffled));
          sameTotals(a, b);
          const byLabel = (m: ReportModel) => new Map(m.groups.map((g) => [g.label, g]));
          const gb = byLabel(b);
          for (const g of a.groups) {
            for (const m of MEASURES)
              expect(closeTo(g.measures[m], gb.get(g.label)?.measures[m] ?? null, 1e-12)).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('of a sheet split in two add up to the totals of the whole', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 2, maxLength: 60 }), fc.nat(), (rows, k) => {
        const cut = 1 + (k % (rows.length - 1));
        const whole = build(gridOf(rows));
        const a = build(gridOf(rows.slice(0, cut)));
        const b = build(gridOf(rows.slice(cut)));
        for (const m of MEASURES) {
          const merged = (a.totals.measures[m] ?? 0) + (b.totals.measures[m] ?? 0);
          expect(closeTo(whole.totals.measures[m], merged, 1e-12), m).toBe(true);
        }
        expect(whole.totals.rows).toBe(a.totals.rows + b.totals.rows);
      }),
      { numRuns: 100 },
    );
  });

  it('never count a total row, wherever it is and whatever language it is in', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 2, maxLength: 40 }),
        fc.nat(),
        fc.constantFrom('Total', 'TOTAL', 'الإجمالي', 'المجموع', 'جمع', 'مجموع', 'Total: Account', ''), // '': no label at all
        fc.constantFrom(0, 1),
        (rows, at, word, column) => {
          const grid = gridOf(rows);
          const totalRow: unknown[] = ['', '', ...MEASURES.map((m) => direct(rows, m))];
          totalRow[column] = word;
          const position = 1 + (at % (rows.length + 1));
          grid.splice(position, 0, totalRow);
          const model = build(grid, { formulaSource: 'recreated' });
          expect(model.totals.rows).toBe(rows.length);
          for (const m of MEASURES)
            expect(closeTo(model.totals.measures[m], direct(rows, m), 1e-12), m).toBe(true);
          expect(model.dataRows).not.toContain(position);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a numeric total row inside the data is cut out of the live SUM ranges too', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 3, maxLength: 25 }), fc.nat(), (rows, at) => {
        const grid = gridOf(rows);
        const position = 2 + (at % (rows.length - 1));
        grid.splice(position, 0, ['Total', '', ...MEASURES.map((m) => direct(rows, m))]);
        const model = build(grid, { formulaSource: 'recreated' });
        const { checked, mismatches } = formulaMismatches(model, model.cleanSource);
        expect(mismatches).toEqual([]);
        expect(checked).toBeGreaterThan(0);
        const costFormula = model.blocks.find((b) => b.id === 'totals')?.cells[2]?.[1]?.f ?? '';
        expect(costFormula).toContain(`C${position}`); // the range stops just above the total row…
        expect(costFormula).toContain(`C${position + 2}`); // …and starts again just below it
      }),
      { numRuns: 25 },
    );
  });
});
