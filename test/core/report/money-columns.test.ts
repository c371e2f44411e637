/**
 * Where the report names the currency (issue 12, print width): a currency written after the
 * number as a word or code (تومان, ر.س, SAR) is named once in the header of each money column of
 * the group and period tables, whose cells are plain grouped numbers; the totals' value column,
 * which mixes counts, rates and money, keeps it in each money cell (as the terminal prints it);
 * a symbol before the number ($) stays in every cell. The currency is never lost: every money
 * cell of a table has it either in its format or in its column's header.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/core/i18n/lang';
import { MEASURES } from '../../../src/core/kpi/measures';
import { KPIS } from '../../../src/core/kpi/registry';
import { buildReport } from '../../../src/core/report/index';
import type { Block, Cell, ReportModel } from '../../../src/core/report/model';

function build(grid: unknown[][], lang: Lang): ReportModel {
  const r = buildReport(grid, { sourceName: 'Data', lang });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.model;
}

const block = (m: ReportModel, kind: Block['kind']): Block => {
  const b = m.blocks.find((x) => x.kind === kind);
  if (!b) throw new Error(`no ${kind} block`);
  return b;
};

/** The table's column under `header`: its cells below the header row. */
function column(b: Block, header: string): Cell[] {
  const heads = b.cells[1] ?? [];
  const j = heads.findIndex((c) => c.v === header);
  if (j < 0) throw new Error(`no column "${header}" in ${heads.map((c) => c.v).join(', ')}`);
  return b.cells.slice(2).map((l) => l[j] as Cell);
}

/** The totals' value cell of the line labelled `name`. */
function total(m: ReportModel, name: string): Cell {
  const l = block(m, 'totals').cells.find((x) => x[0]?.v === name);
  if (!l) throw new Error(`no totals line ${name}`);
  return l[1] as Cell;
}

// Two channels; costs written with their currency as exports write them.
const TOMAN = [
  ['Channel', 'Impressions', 'Clicks', 'Cost (تومان)', 'Conversions'],
  ['Search', 1000, 50, '1,200,000', 5],
  ['Social', 2000, 40, '800,000', 2],
];
const RIYAL = [
  ['Channel', 'Impressions', 'Clicks', 'Cost (ر.س)', 'Conversions'],
  ['Search', 1000, 50, '1,200.50', 5],
  ['Social', 2000, 40, '800', 2],
];
const DOLLAR = [
  ['Channel', 'Impressions', 'Clicks', 'Cost', 'Conversions'],
  ['Search', 1000, 50, '$1,200.50', 5],
  ['Social', 2000, 40, '$800', 2],
];

describe('a currency written after the number', () => {
  it('fa, toman: the money columns’ headers name it, their cells are whole grouped numbers', () => {
    const m = build(TOMAN, 'fa');
    expect(m.currency).toBe('تومان');
    const groups = block(m, 'groups');
    // CPC per channel: 1,200,000 ÷ 50 = 24,000 and 800,000 ÷ 40 = 20,000 toman.
    const cpc = column(groups, 'هزینه هر کلیک (CPC) (تومان)');
    expect(cpc.map((c) => c.v)).toEqual([24000, 20000]);
    expect(cpc.map((c) => c.fmt)).toEqual(['#,##0', '#,##0']);
    const cost = column(groups, 'هزینه (تومان)');
    expect(cost.map((c) => c.v)).toEqual([1200000, 800000]);
    expect(cost.every((c) => c.fmt === '#,##0')).toBe(true);
    // Not money: no currency in the header.
    expect(column(groups, 'کلیک').map((c) => c.v)).toEqual([50, 40]);
  });

  it('fa: the totals keep the currency in each money cell (the column mixes units)', () => {
    const m = build(TOMAN, 'fa');
    expect(total(m, 'هزینه').fmt).toBe('#,##0 "تومان"');
    // 2,000,000 ÷ 90 clicks.
    expect(total(m, 'هزینه هر کلیک (CPC)').v).toBeCloseTo(2000000 / 90, 6);
    expect(total(m, 'هزینه هر کلیک (CPC)').fmt).toBe('#,##0 "تومان"');
    expect(total(m, 'کلیک').fmt).toBe('#,##0');
  });

  it('ar, riyal: the header names it, the cells keep two decimals', () => {
    const m = build(RIYAL, 'ar');
    const cpa = column(block(m, 'groups'), 'تكلفة الاكتساب (CPA) (ر.س)');
    // 1,200.50 ÷ 5 and 800 ÷ 2.
    expect(cpa.map((c) => c.v)).toEqual([240.1, 400]);
    expect(cpa.map((c) => c.fmt)).toEqual(['#,##0.00', '#,##0.00']);
    expect(total(m, 'التكلفة').fmt).toBe('#,##0.00 "ر.س"');
  });

  it('the period table follows the same rule', () => {
    const grid = [
      ['Date', 'Clicks', 'Cost (تومان)'],
      ['2026-01-05', 10, '100,000'],
      ['2026-02-05', 20, '300,000'],
    ];
    const m = build(grid, 'en');
    const periods = block(m, 'periods');
    // Periods without rows between the two have no value.
    const cpc = column(periods, 'Cost per click (CPC) (تومان)').filter((c) => c.v !== null);
    // 100,000 ÷ 10 and 300,000 ÷ 20.
    expect(cpc.map((c) => c.v)).toEqual([10000, 15000]);
    expect(cpc.every((c) => c.fmt === '#,##0')).toBe(true);
  });
});

describe('a currency symbol before the number', () => {
  it('en, $: in every cell, headers as they were', () => {
    const m = build(DOLLAR, 'en');
    expect(m.currency).toBe('$');
    const cpc = column(block(m, 'groups'), 'Cost per click (CPC)');
    expect(cpc.map((c) => c.fmt)).toEqual(['"$"#,##0.00', '"$"#,##0.00']);
    expect(total(m, 'Cost').fmt).toBe('"$"#,##0.00');
  });
});

describe('the currency is never lost', () => {
  it.each([
    ['fa', TOMAN, 'تومان'],
    ['ar', RIYAL, 'ر.س'],
    ['en', DOLLAR, '$'],
  ] as const)(
    '%s: each money column and money total names it, in the header or the cells',
    (lang, grid, cur) => {
      const m = build(grid as unknown as unknown[][], lang);
      // Money by the registry: the cost measure and the KPIs whose unit is money.
      const names = [
        MEASURES.cost.names[lang],
        ...KPIS.filter((k) => k.unit === 'money').map((k) => k.names[lang]),
      ];
      const isMoney = (text: unknown) => names.some((n) => text === n || text === `${n} (${cur})`);
      const groups = block(m, 'groups');
      const heads = (groups.cells[1] ?? []).filter((c) => isMoney(c.v));
      // Cost, CPC, CPM and CPA, in the table and in the totals.
      expect(heads).toHaveLength(4);
      for (const h of heads) {
        const cells = column(groups, String(h.v));
        const named = String(h.v).endsWith(`(${cur})`) || cells.every((c) => c.fmt?.includes(cur));
        expect(named, String(h.v)).toBe(true);
      }
      const totals = block(m, 'totals').cells.filter((l) => isMoney(l[0]?.v));
      expect(totals).toHaveLength(4);
      for (const l of totals) expect(l[1]?.fmt, String(l[0]?.v)).toContain(cur);
    },
  );
});
