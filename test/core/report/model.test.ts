/** The model's decisions: statuses and rules, live formulas or values, labels, notes, options. */
import { describe, expect, it } from 'vitest';
import { statusAgainst } from '../../../src/core/benchmarks/status';
import type { BenchmarkProfile } from '../../../src/core/benchmarks/types';
import { buildReport, detectColumns } from '../../../src/core/report/index';
import type { Cell, ReportModel } from '../../../src/core/report/model';
import type { ReportOptions } from '../../../src/core/report/options';
import { closeTo, formulaMismatches } from './helpers';

const build = (grid: unknown[][], extra: Partial<ReportOptions> = {}): ReportModel => {
  const r = buildReport(grid, { sourceName: 'Data', lang: 'en', ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.model;
};
const cells = (m: ReportModel, id: string): Cell[] => m.blocks.find((b) => b.id === id)?.cells.flat() ?? [];
const kpi = (m: ReportModel, id: string) => m.totals.kpis.find((k) => k.kpi === id);

const PROFILE: BenchmarkProfile = {
  id: 'test',
  names: { en: 'Test profile', ar: 'ملف اختبار', fa: 'نمایه آزمایشی' },
  benchmarks: [
    {
      kpi: 'ctr',
      thresholds: { direction: 'higher', good: 0.05, fair: 0.02 },
      citation: {
        publisher: 'Source A',
        title: 'T',
        year: 2024,
        period: 'P',
        scope: 'S',
        link: 'https://example.org',
        secondary: false,
      },
    },
    {
      kpi: 'cpc',
      thresholds: { direction: 'lower', good: 1, fair: 2 },
      citation: {
        publisher: 'Source B',
        title: 'T',
        year: 2025,
        period: 'P',
        scope: 'S',
        link: 'https://example.org',
        secondary: false,
      },
      currency: 'USD',
    },
    {
      kpi: 'bounce_rate',
      thresholds: { direction: 'band', goodMin: 0.25, goodMax: 0.4, fairMin: 0.2, fairMax: 0.55 },
      citation: { template: 'Source C' },
    },
  ],
};

// Three channels with CTR 8% (good), 3% (fair), 1% (poor); CPC 0.5, 1.5, 3.
const ADS: unknown[][] = [
  ['Channel', 'Date', 'Impressions', 'Clicks', 'Cost ($)', 'Sessions', 'Bounces'],
  ['Search', new Date(2026, 8, 1), 1000, 80, 40, 100, 30],
  ['Social', new Date(2026, 8, 1), 1000, 30, 45, 100, 50],
  ['Display', new Date(2026, 8, 2), 1000, 10, 30, 100, 70],
];

describe('statuses', () => {
  const m = build(ADS, { profile: PROFILE });

  it('judge each group direction-aware, from the profile, and cite the source', () => {
    const ctr = m.groups.map((g) => g.kpis.find((k) => k.kpi === 'ctr')?.status);
    expect(ctr).toEqual(['good', 'fair', 'poor']);
    const cpc = m.groups.map((g) => g.kpis.find((k) => k.kpi === 'cpc')?.status);
    expect(cpc).toEqual(['good', 'fair', 'poor']);
    const bounce = m.groups.map((g) => g.kpis.find((k) => k.kpi === 'bounce_rate')?.status);
    expect(bounce).toEqual(['good', 'fair', 'poor']); // 30% in band, 50% in the fair band, 70% outside
    expect(m.legend.map((l) => [l.kpi, l.source])).toEqual([
      ['ctr', 'Source A, "T", 2024 (S)'],
      ['cpc', 'Source B, "T", 2025 (S)'],
      ['bounce_rate', 'Template "Source C": set by the team'],
    ]);
    expect(m.profile).toEqual({ id: 'test', name: 'Test profile' });
  });

  it('conditional rules agree with statusAgainst on both sides of every threshold', () => {
    for (const b of PROFILE.benchmarks) {
      const rules = m.rules.filter((r) => r.kpi === b.kpi);
      expect(rules.length).toBeGreaterThan(0);
      const ranges = [...new Set(rules.map((r) => r.range))];
      expect(ranges.length).toBe(3); // the totals cell, the groups column, the periods column
      for (const range of ranges) {
        const set = rules.filter((r) => r.range === range);
        for (const v of [0, 0.01, 0.02, 0.025, 0.05, 0.2, 0.25, 0.3, 0.4, 0.5, 0.55, 0.6, 1, 1.5, 2, 3]) {
          const first = set.find((r) => {
            const w = r.when;
            return w[0] === 'between'
              ? v >= w[1] && v <= w[2]
              : w[0] === '>='
                ? v >= w[1]
                : w[0] === '<='
                  ? v <= w[1]
                  : w[0] === '<'
                    ? v < w[1]
                    : v > w[1];
          });
          expect(first?.status, `${b.kpi} ${v}`).toBe(statusAgainst(v, b.thresholds));
        }
      }
    }
  });

  it('status cells are formulas that give the same words', () => {
    const r = build(ADS, { profile: PROFILE, formulaSource: 'recreated' });
    const { checked, mismatches } = formulaMismatches(r, r.cleanSource);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(10);
    expect(cells(r, 'totals').some((c) => c.v === 'good' || c.v === 'fair' || c.v === 'poor')).toBe(true);
  });

  it('a target wins over the profile, with percent of target', () => {
    const t = build(ADS, { profile: PROFILE, targets: [{ kpi: 'ctr', op: '>=', value: 0.05 }] });
    const ctr = kpi(t, 'ctr');
    expect(closeTo(ctr?.value, 120 / 3000)).toBe(true);
    expect(ctr?.status).toBe('poor'); // 4% is below 5% × 0.9 = 4.5%
    expect(closeTo(ctr?.ofTarget ?? null, 0.8)).toBe(true);
    const near = kpi(build(ADS, { targets: [{ kpi: 'ctr', op: '>=', value: 0.042 }] }), 'ctr');
    expect(near?.status).toBe('fair'); // 4% ≥ 4.2% × 0.9 = 3.78%
    const met = kpi(build(ADS, { targets: [{ kpi: 'cpc', op: '<=', value: 1.0 }] }), 'cpc');
    expect(met?.status).toBe('good'); // CPC = 115 / 120 ≈ 0.958
    expect(t.legend.find((l) => l.kpi === 'ctr')?.thresholds).toEqual({
      direction: 'target',
      op: '>=',
      value: 0.05,
    });
  });

  it('money thresholds in another currency colour nothing', () => {
    const grid = ADS.map((r, i) =>
      i === 0 ? [...(r as string[]).slice(0, 4), 'هزینه (تومان)', 'Sessions', 'Bounces'] : r,
    );
    const t = build(grid, { profile: PROFILE });
    expect(kpi(t, 'cpc')?.status).toBeNull();
    expect(kpi(t, 'ctr')?.status).not.toBeNull();
  });
});

describe('sum-then-divide', () => {
  it('a total ratio is the ratio of the sums, never the mean of the rows’ ratios', () => {
    const m = build([
      ['Campaign', 'Impressions', 'Clicks'],
      ['A', 10, 1],
      ['B', 1000, 99],
    ]);
    expect(kpi(m, 'ctr')?.value).toBeCloseTo(100 / 1010, 15); // the mean of 10% and 9.9% would be 9.95%
  });

  it('conversion rate per sessions when there are sessions, per clicks otherwise, and says which', () => {
    const withSessions = build([
      ['Campaign', 'Clicks', 'Sessions', 'Conversions'],
      ['A', 200, 100, 5],
    ]);
    expect(kpi(withSessions, 'conversion_rate')?.value).toBe(0.05);
    const perClicks = build([
      ['Campaign', 'Clicks', 'Conversions'],
      ['A', 200, 5],
    ]);
    expect(kpi(perClicks, 'conversion_rate')?.value).toBe(0.025);
    expect(perClicks.kpiInputs?.conversion_rate).toEqual({ conversions: 'conversions', visitors: 'clicks' });
    expect(withSessions.kpiInputs?.conversion_rate).toEqual({
      conversions: 'conversions',
      visitors: 'sessions',
    });
    expect(perClicks.notes.some((n) => n.message.includes('Conversions ÷ Clicks'))).toBe(true);
  });

  it('gross margin goes into ROI as a constant of the formula', () => {
    const m = build(
      [
        ['Campaign', 'Cost', 'Revenue'],
        ['A', 20000, 60000],
      ],
      { grossMargin: 0.6, formulaSource: 'recreated' },
    );
    expect(kpi(m, 'roi')?.value).toBeCloseTo(0.8, 12); // ROMI calculators: $60k revenue, $20k spend, 60% margin → 80%
    const f = cells(m, 'totals').find((c) => c.f?.includes('*0.6'))?.f;
    expect(f).toBe('IF(B6=0,"",(B7*0.6 - B6)/B6)'); // cost in B6, revenue in B7
  });
});

describe('live formulas or values', () => {
  const grid: unknown[][] = [
    ['Report'],
    ['Campaign', 'Date', 'Clicks', 'Impressions'],
    ['Brand', new Date(2026, 8, 1), 10, 100],
    ['Brand ', new Date(2026, 8, 2), 20, 100],
    ['Generic', new Date(2026, 9, 5), 30, 300],
    ['Total', '', 60, 500],
    ['Generic', new Date(2026, 9, 6), 5, 50],
  ];

  it('on the user sheet: SUM/SUMIFS over real numbers and dates, cut around the total row', () => {
    const m = build(grid, { sourceName: "Bob's data" });
    const f = cells(m, 'totals').find((c) => c.v === 65)?.f;
    expect(f).toBe("SUM('Bob''s data'!C3:C5,'Bob''s data'!C7:C7)");
    const { checked, mismatches } = formulaMismatches(m, grid);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(10);
    // "Brand " is written with a trailing space in one row: SUMIFS could not match it, so that group is values.
    const brand = m.blocks.find((b) => b.id === 'groups')?.cells[2];
    expect(brand?.[0]).toMatchObject({ v: 'Brand', userText: true });
    expect(brand?.[3]?.f).toBeUndefined();
    expect(m.blocks.find((b) => b.id === 'groups')?.cells[3]?.[3]?.f).toContain('SUMIFS(');
    expect(m.notes.some((n) => n.column === 'A' && n.message.includes('values'))).toBe(true);
    expect(m.liveFormulas).toBe(false);
    // Periods: months here, with DATE bounds (no user text in any formula).
    expect(m.period).toBe('week');
    const periodF = m.blocks.find((b) => b.id === 'periods')?.cells[2]?.[3]?.f ?? '';
    expect(periodF).toMatch(/">="&DATE\(2026,8,31\)/);
  });

  it('text numbers and text dates on the user sheet become values, with a note', () => {
    const text: unknown[][] = [
      ['کمپین', 'تاریخ', 'کلیک', 'نمایش'],
      ['الف', '۱۴۰۵/۰۷/۱۳', '۱۰', 100],
      ['ب', '۱۴۰۵/۰۷/۱۴', '۲۰', 200],
    ];
    const m = build(text, { lang: 'fa' });
    const totals = cells(m, 'totals');
    expect(totals.find((c) => c.v === 30)?.f).toBeUndefined(); // clicks are text: value
    expect(totals.find((c) => c.v === 300)?.f).toBe("SUM('Data'!D2:D3)"); // impressions are numbers: formula
    const periods = m.blocks.find((b) => b.id === 'periods');
    expect(periods?.cells[2]?.[0]?.v).toBe('۱۴۰۵/۰۷/۱۳');
    expect(periods?.cells[2]?.[4]?.f).toBeUndefined(); // text dates: no SUMIFS
    expect(m.notes.filter((n) => n.column === 'C' || n.column === 'B').length).toBe(2);
    expect(m.rtl).toBe(true);
    expect(m.dateRange).toEqual({ from: '2026-10-05', to: '2026-10-06' });
    const { mismatches } = formulaMismatches(m, text);
    expect(mismatches).toEqual([]);
  });

  it("formulas 'values': no formula anywhere, values unchanged", () => {
    const live = build(grid);
    const values = build(grid, { formulas: 'values' });
    expect(values.blocks.flatMap((b) => b.cells.flat()).some((c) => c.f !== undefined)).toBe(false);
    expect(values.totals).toEqual(live.totals);
    expect(values.liveFormulas).toBe(false);
  });

  it('group labels with wildcards are matched literally', () => {
    const m = build(
      [
        ['Campaign', 'Clicks', 'Impressions'],
        ['Why?', 1, 10],
        ['Whyx', 2, 10],
        ['a*b', 4, 10],
        ['axxb', 8, 10],
      ],
      { formulaSource: 'recreated' },
    );
    const { mismatches } = formulaMismatches(m, m.cleanSource);
    expect(mismatches).toEqual([]);
    expect(m.liveFormulas).toBe(true);
  });

  it('changes between periods are computed and styled up/down, direction-aware', () => {
    const m = build(
      [
        ['Date', 'Clicks', 'Impressions'],
        ['2026-01-10', 10, 1000],
        ['2026-03-10', 30, 1000],
        ['2026-06-10', 15, 1000],
        ['2026-08-10', 15, 1000],
      ],
      { period: 'month', formulaSource: 'recreated' },
    );
    expect(m.periods.map((p) => p.label)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
    ]);
    expect(m.periods[2]?.change.clicks).toBeNull(); // February had nothing: no change from nothing
    expect(m.periods[0]?.change.ctr).toBeNull();
    const periods = m.blocks.find((b) => b.id === 'periods');
    const header = periods?.cells[1]?.map((c) => c.v) ?? [];
    const col = header.indexOf('Change: Click-through rate (CTR)');
    expect(col).toBeGreaterThan(0);
    const { mismatches } = formulaMismatches(m, m.cleanSource);
    expect(mismatches).toEqual([]);
    const monthly = build(
      [
        ['Date', 'Clicks', 'Impressions'],
        ['2026-01-10', 10, 1000],
        ['2026-02-10', 30, 1000],
        ['2026-03-10', 15, 1000],
      ],
      { period: 'month' },
    );
    expect(monthly.periods[1]?.change.ctr).toBeCloseTo(2, 12); // 1% → 3%
    expect(monthly.periods[2]?.change.ctr).toBeCloseTo(-0.5, 12); // 3% → 1.5%
    const rows = monthly.blocks.find((b) => b.id === 'periods')?.cells ?? [];
    const c = rows[1]?.findIndex((x) => x.v === 'Change: Click-through rate (CTR)') ?? -1;
    expect(rows[3]?.[c]).toMatchObject({ style: 'up', status: 'good' });
    expect(rows[4]?.[c]).toMatchObject({ style: 'down', status: 'poor' });
  });
});

describe('labels and layout', () => {
  it('speaks Arabic, with RTL, localized names and the source name in the title', () => {
    const m = build(
      [
        ['الحملة', 'النقرات', 'مرات الظهور'],
        ['أ', 5, 100],
      ],
      { lang: 'ar', sourceName: 'بيانات' },
    );
    expect(m.rtl).toBe(true);
    expect(m.title).toBe('تقرير مؤشرات الأداء – بيانات');
    expect(m.sheetName.length).toBeLessThanOrEqual(31);
    expect(cells(m, 'totals').some((c) => c.v === 'نسبة النقر (CTR)')).toBe(true);
    expect(m.totals.label).toBe('الإجمالي');
  });

  it('marks every text from the sheet as user text', () => {
    const m = build([
      ['Campaign', 'Clicks', 'Impressions'],
      ['=HYPERLINK("x")', 5, 100],
      ['+1', 5, 100],
    ]);
    const groupCells = m.blocks.find((b) => b.id === 'groups')?.cells ?? [];
    expect(groupCells[2]?.[0]).toMatchObject({ v: '=HYPERLINK("x")', userText: true });
    expect(groupCells[1]?.[0]).toMatchObject({ v: 'Campaign', userText: true });
    for (const c of m.blocks.flatMap((b) => b.cells.flat())) {
      if (c.f) expect(c.f).not.toContain('HYPERLINK');
    }
    // A name starting with "=" cannot be a SUMIFS criterion: its row holds values.
    expect(groupCells[2]?.[2]?.f).toBeUndefined();
  });

  it('gives widths, frozen rows, charts that point at the tables', () => {
    const m = build(ADS, { profile: PROFILE });
    expect(m.frozenRows).toBe(2);
    expect(m.columnWidths.length).toBeGreaterThanOrEqual(4);
    expect(m.charts.map((c) => c.type)).toEqual(['bar', 'line']);
    const groups = m.blocks.find((b) => b.id === 'groups');
    expect(m.charts[0]?.labels).toBe(`A${(groups?.row ?? 0) + 3}:A${(groups?.row ?? 0) + 5}`);
  });
});

describe('detectColumns (the sidebar preview)', () => {
  it('reports mapping, confidences, unrecognised columns and KPIs with reasons', () => {
    const p = detectColumns(
      [
        ['Campaign', 'Clicks', 'Impressions', 'Mystery', 'Region'],
        ['A', 5, 100, 7, 'North'],
      ],
      { lang: 'en' },
    );
    expect(p.ok).toBe(true);
    expect(p.headerRow).toBe(0);
    expect(p.unrecognised.map((m) => m.header)).toEqual(['Mystery', 'Region']);
    expect(p.mapping.find((m) => m.header === 'Region')?.role).toEqual({
      kind: 'dimension',
      dimension: 'text',
    });
    expect(p.computable.map((k) => k.kpi)).toContain('ctr');
    expect(p.notComputable.find((k) => k.kpi === 'cpc')?.message).toBe(
      'Cost per click (CPC) needs these columns: Cost.',
    );
    const overridden = detectColumns(
      [
        ['Campaign', 'Clicks', 'Impressions', 'Mystery'],
        ['A', 5, 100, 7],
      ],
      { lang: 'en', overrides: { 3: { kind: 'measure', measure: 'cost' } } },
    );
    expect(overridden.mapping[3]).toMatchObject({ overridden: true, confidence: 1 });
    expect(overridden.computable.map((k) => k.kpi)).toContain('cpc');
  });
});

describe('stray dates', () => {
  it('a typo year does not make thousands of periods: the table coarsens', () => {
    const m = build([
      ['Date', 'Clicks', 'Impressions'],
      ['2026-09-01', 1, 10],
      ['2026-09-02', 1, 10],
      ['2206-09-03', 1, 10], // out of range: not a date
      [new Date(2096, 8, 3), 1, 10], // 70 years later: months would be 840 rows
    ]);
    expect(m.periods.length).toBe(0);
    expect(m.period).toBeNull();
    expect(m.notes.some((n) => n.rows?.includes(4))).toBe(true);
    const weekly = build(
      [
        ['Date', 'Clicks', 'Impressions'],
        ['2026-09-01', 1, 10],
        ['2028-09-01', 1, 10],
      ],
      { period: 'day' },
    );
    expect(weekly.period).toBe('week'); // 731 days would be too many rows
  });
});

describe('calendars and rates the platform computed', () => {
  it('Persian sheets get Jalali months and Saturday weeks', () => {
    const grid: unknown[][] = [['تاریخ', 'کلیک', 'نمایش']];
    // 1405/06/25 … 1405/08/05: Shahrivar, Mehr and Aban.
    for (const d of ['۱۴۰۵/۰۶/۲۵', '۱۴۰۵/۰۷/۰۱', '۱۴۰۵/۰۷/۳۰', '۱۴۰۵/۰۸/۰۱', '۱۴۰۵/۰۸/۰۵'])
      grid.push([d, 1, 10]);
    const months = build(grid, { lang: 'fa', period: 'month' });
    expect(months.periods.map((p) => [p.label, p.rows, p.start])).toEqual([
      ['۱۴۰۵/۰۶', 1, '2026-08-23'], // 1405/01/01 = 2026-03-21, plus 5 × 31 days
      ['۱۴۰۵/۰۷', 2, '2026-09-23'],
      ['۱۴۰۵/۰۸', 2, '2026-10-23'],
    ]);
    const weeks = build(grid, { lang: 'fa', period: 'week' });
    // 2026-09-16 (1405/06/25) is a Wednesday: its week starts on Saturday 2026-09-12.
    expect(weeks.periods[0]?.start).toBe('2026-09-12');
  });

  it('GA4: a bounce-rate column alone is named, not summed, and bounce rate is not computed', () => {
    const m = build([
      ['Date', 'Sessions', 'Bounce rate', 'Conversions'],
      ['20260901', 100, 0.4, 3],
      ['20260902', 300, 0.2, 5],
    ]);
    expect(m.kpis).not.toContain('bounce_rate');
    const why = m.notComputed.find((k) => k.kpi === 'bounce_rate');
    expect(why?.missing).toEqual([['bounces']]);
    expect(why?.message).toContain('C "Bounce rate"');
    expect(m.mapping[2]?.role).toEqual({ kind: 'precomputed', kpi: 'bounce_rate' });
    expect(m.notes.some((n) => n.column === 'C')).toBe(true);
    expect(kpi(m, 'conversion_rate')?.value).toBe(8 / 400);
  });
});

describe('total rows without a label', () => {
  it('a row with no name whose numbers are the sums of the others is a total (Meta puts one on top)', () => {
    const m = build([
      ['Campaign name', 'Amount spent (USD)', 'Impressions', 'Reach', 'Link clicks'],
      ['', 30, 3000, 1500, 60],
      ['A', 10, 1000, 800, 20],
      ['B', 20, 2000, 900, 40],
    ]);
    // Reach is not summed: people reached on two rows would be counted twice.
    expect(m.totals.measures).toEqual({ cost: 30, impressions: 3000, clicks: 60 });
    expect(m.dataRows).toEqual([2, 3]);
    expect(m.notes.some((n) => n.rows?.includes(2) && n.message.includes('Summary row left out'))).toBe(true);
  });

  it('a row that equals the others in one column only stays data', () => {
    const m = build([
      ['Campaign', 'Clicks', 'Impressions'],
      ['', 3, 500],
      ['A', 1, 100],
      ['B', 2, 100],
    ]);
    expect(m.totals.rows).toBe(3);
    expect(m.totals.measures.clicks).toBe(6);
  });
});

describe('formula budget', () => {
  it('a groups table too big for SUMIFS holds values, with a note', () => {
    const grid: unknown[][] = [['Campaign', 'Clicks', 'Impressions']];
    for (let i = 0; i < 5000; i++) grid.push([`C${i}`, 1, 10]);
    const m = build(grid); // 5,000 groups × 5,000 rows = 25M reads per column: over budget
    const groups = m.blocks.find((b) => b.id === 'groups');
    expect(groups?.cells[2]?.[2]?.f).toBeUndefined();
    expect(cells(m, 'totals').find((c) => c.v === 5000)?.f).toBe("SUM('Data'!B2:B5001)");
    expect(m.notes.some((n) => n.message.includes('5000 rows'))).toBe(true);
    expect(m.notes.some((n) => n.message.includes('written differently'))).toBe(false);
  });
});
