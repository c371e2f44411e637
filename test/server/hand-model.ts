/**
 * A report model built by hand (not by the engine) over a small campaign grid, so the Sheets
 * writer can be tested on its own: totals and a group table with live SUM/SUMIFS formulas and
 * guarded divisions, status rules, a legend, a chart. Values are computed here independently.
 */
import type { Cell, ReportModel } from '../../src/core/report/model';

export type Row = [
  channel: string,
  campaign: string,
  date: Date,
  cost: number,
  clicks: number,
  conversions: number,
];

export const HEADER = ['Channel', 'Campaign', 'Date', 'Cost', 'Clicks', 'Conversions'];

/** `n` rows cycling through the given channels (so 10 and 10,000 rows have the same groups). */
export function campaignRows(n: number, channels = ['Search', 'Social', 'Email']): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const channel = channels[i % channels.length] as string;
    rows.push([
      channel,
      `Campaign ${i % 7}`,
      new Date(Date.UTC(2026, 7, 1 + (i % 28))),
      10 + (i % 13),
      20 + (i % 17),
      i % 5,
    ]);
  }
  return rows;
}

export function sourceGrid(rows: readonly Row[]): (string | number | Date)[][] {
  return [HEADER, ...rows.map((r) => [...r])];
}

const q = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** A model like the engine's: live formulas over `sourceName`, values computed here. */
export function handModel(
  rows: readonly Row[],
  options: { sourceName?: string; lang?: 'en' | 'ar' | 'fa'; live?: boolean; sheetName?: string } = {},
): ReportModel {
  const src = options.sourceName ?? 'Campaigns';
  const lang = options.lang ?? 'en';
  const live = options.live ?? true;
  const last = rows.length + 1;
  const col = (letter: string) => `${q(src)}!$${letter}$2:$${letter}$${last}`;
  const sum = (pick: (r: Row) => number, keep: (r: Row) => boolean = () => true) =>
    rows.filter(keep).reduce((s, r) => s + pick(r), 0);

  const cost = sum((r) => r[3]);
  const conv = sum((r) => r[5]);
  const clicks = sum((r) => r[4]);
  const cpa = conv === 0 ? null : cost / conv;
  const cr = clicks === 0 ? null : conv / clicks;

  const title: Cell[][] = [
    [{ v: `KPI report – ${src}`, style: 'title', userText: true }],
    [{ v: `Source: ${src}`, style: 'subtitle', userText: true }],
  ];
  const header: Cell[] = [
    { v: 'Group', style: 'header' },
    { v: 'Cost', style: 'header' },
    { v: 'Conversions', style: 'header' },
    { v: 'CPA', style: 'header', note: 'Cost ÷ conversions' },
    { v: 'Conversion rate', style: 'header' },
  ];
  // Totals at row 3 (0-based) → sheet row 4 for the header, 5 for the values.
  const totals: Cell[][] = [
    header,
    [
      { v: 'Total', style: 'total' },
      { v: cost, f: `SUM(${col('D')})`, fmt: '#,##0.00', style: 'total' },
      { v: conv, f: `SUM(${col('F')})`, fmt: '#,##0', style: 'total' },
      { v: cpa, f: 'IF(C5=0,"",B5/C5)', fmt: '#,##0.00', style: 'total' },
      { v: cr, f: `IF(SUM(${col('E')})=0,"",C5/SUM(${col('E')}))`, fmt: '0.00%', style: 'total' },
    ],
  ];
  const channels = [...new Set(rows.map((r) => r[0]))];
  const groupStart = 6; // header at sheet row 7, groups from row 8
  const groups: Cell[][] = [
    header,
    ...channels.map((ch, i): Cell[] => {
      const r = groupStart + 2 + i; // 1-based sheet row of this line
      const gCost = sum(
        (x) => x[3],
        (x) => x[0] === ch,
      );
      const gConv = sum(
        (x) => x[5],
        (x) => x[0] === ch,
      );
      const gClicks = sum(
        (x) => x[4],
        (x) => x[0] === ch,
      );
      const crit = `"="&A${r}`; // exact match, even for labels starting with = < > or holding * ?
      return [
        { v: ch, userText: true, style: 'label' },
        { v: gCost, f: `SUMIFS(${col('D')},${col('A')},${crit})`, fmt: '#,##0.00' },
        { v: gConv, f: `SUMIFS(${col('F')},${col('A')},${crit})`, fmt: '#,##0' },
        {
          v: gConv === 0 ? null : gCost / gConv,
          f: `IF(C${r}=0,"",B${r}/C${r})`,
          fmt: '#,##0.00',
          status: gConv === 0 ? undefined : gCost / gConv <= 20 ? 'good' : 'poor',
        },
        {
          v: gClicks === 0 ? null : gConv / gClicks,
          f: `IF(SUMIFS(${col('E')},${col('A')},${crit})=0,"",C${r}/SUMIFS(${col('E')},${col('A')},${crit}))`,
          fmt: '0.00%',
        },
      ];
    }),
  ];
  const legendRow = groupStart + groups.length + 1;
  const legend: Cell[][] = [
    [{ v: 'Legend', style: 'section' }],
    [{ v: 'CPA ≤ 20: good (example threshold)', style: 'legend', note: 'Source: hand-made for tests' }],
    [{ v: '-5% means down five percent', style: 'note' }],
  ];
  // Values-only models carry no formulas (as the engine's).
  const strip = (cells: Cell[][]): Cell[][] =>
    live ? cells : cells.map((line) => line.map(({ f: _f, ...rest }) => rest));
  const firstGroup = groupStart + 2;
  const lastGroup = groupStart + 1 + channels.length;
  return {
    version: 1,
    lang,
    rtl: lang !== 'en',
    sheetName: options.sheetName ?? `KPI report – ${src}`,
    title: `KPI report – ${src}`,
    sourceName: src,
    headerRow: 0,
    dataRows: rows.map((_, i) => i + 1),
    dateRange: null,
    currency: null,
    platform: null,
    decimalMark: null,
    mapping: [],
    groupBy: { column: 0, header: 'Channel' },
    period: null,
    profile: null,
    template: null,
    kpis: ['cpa', 'conversion_rate'],
    totals: { label: 'Total', measures: { cost, conversions: conv }, kpis: [], rows: rows.length },
    groups: [],
    periods: [],
    notComputed: [],
    legend: [],
    notes: [],
    blocks: [
      { id: 'title', kind: 'title', row: 0, col: 0, cells: title, headerRows: 0 },
      { id: 'totals', kind: 'totals', row: 3, col: 0, cells: strip(totals), headerRows: 1 },
      { id: 'groups', kind: 'groups', row: groupStart, col: 0, cells: strip(groups), headerRows: 1 },
      { id: 'legend', kind: 'legend', row: legendRow, col: 0, cells: legend, headerRows: 0 },
    ],
    rules: [
      { range: `D${firstGroup}:D${lastGroup}`, status: 'good', when: ['<=', 20], kpi: 'cpa' },
      { range: `D${firstGroup}:D${lastGroup}`, status: 'poor', when: ['>', 20], kpi: 'cpa' },
      { range: 'D5', status: 'good', when: ['<=', 20], kpi: 'cpa' },
    ],
    charts: [
      {
        type: 'bar',
        title: 'CPA by channel',
        labels: `A${firstGroup}:A${lastGroup}`,
        series: [{ name: 'CPA', range: `D${firstGroup}:D${lastGroup}` }],
        anchor: { row: 0, col: 7 },
      },
    ],
    frozenRows: 2,
    columnWidths: [180, 110, 110, 110, 110],
    liveFormulas: live,
    cleanSource: [],
  };
}
