/**
 * Where every cell of the report goes: title, totals, a table per group and per period, KPIs
 * not computed, the legend, data notes and the column mapping; with number formats, styles,
 * statuses, notes, live formulas (when the source allows), conditional rules and charts.
 */
import type { Status } from '../benchmarks/types';
import { epochDayToJalali, fromEpochDay } from '../dates/jalali';
import { isoOfDay } from '../dates/parse-date';
import { roleName } from '../detect/analyse';
import { label, localDigits } from '../i18n/report-labels';
import { MEASURES, type MeasureId } from '../kpi/measures';
import { kpiById } from '../kpi/registry';
import type { KpiDef } from '../kpi/types';
import type { Computed } from './build';
import {
  a1,
  a1Range,
  dateBound,
  guardedKpi,
  literalCriterion,
  SourceRefs,
  segmentsOf,
  sheetRef,
} from './formulas';
import { formulaNote, type KpiPlan } from './kpi-plan';
import type { Block, Cell, ChartSpec, ConditionalRule, LegendEntry, MetricRow } from './model';
import { statusFormula, statusRules, thresholdText } from './rules';

export interface Rendering {
  readonly blocks: Block[];
  readonly rules: ConditionalRule[];
  readonly charts: ChartSpec[];
  readonly legend: LegendEntry[];
  readonly frozenRows: number;
  readonly columnWidths: number[];
  readonly liveFormulas: boolean;
}

const NO_DECIMALS = new Set(['تومان', 'تومن', 'ت', 'ریال', 'ريال', 'IRR', 'IRT', '﷼', 'JPY', '¥']);
const PREFIXED = new Set(['$', '€', '£', '¥', '₹', '₺', 'US$', '$US', 'C$', 'A$', 'R$']);

/** A money format carrying the sheet's currency: "$"#,##0.00 or #,##0 "تومان". */
export function moneyFormat(currency: string | null): string {
  const body = currency && NO_DECIMALS.has(currency) ? '#,##0' : '#,##0.00';
  if (!currency) return body;
  const q = `"${currency.replace(/"/g, '')}"`;
  return PREFIXED.has(currency) ? `${q}${body}` : `${body} ${q}`;
}

const text = (v: string, style?: Cell['style'], extra: Partial<Cell> = {}): Cell => ({
  v,
  ...(style ? { style } : {}),
  ...extra,
});

export function layout(c: Computed): Rendering {
  const { lang, analysis, plans } = c;
  const blocks: Block[] = [];
  const rules: ConditionalRule[] = [];
  const charts: ChartSpec[] = [];
  const legend: LegendEntry[] = [];
  // Live unless the source made some aggregates values (numbers or dates written as text, odd group names).
  const allLive =
    c.live &&
    c.measureLive.every(Boolean) &&
    (c.groups.length === 0 || c.groupLive.every(Boolean)) &&
    (c.periods.length === 0 || c.dateLive);
  const src = new SourceRefs(sheetRef(c.options.sourceName), segmentsOf(analysis.dataRows, c.cuts));
  const measures = analysis.measures;
  const measureFormat = (i: number): string => {
    const m = measures[i] as (typeof measures)[number];
    const kind = MEASURES[m.measure].kind;
    if (kind === 'money') return moneyFormat(c.currency);
    return m.integral ? '#,##0' : '#,##0.00';
  };
  const kpiFormat = (def: KpiDef): string => (def.unit === 'money' ? moneyFormat(c.currency) : def.format);
  const mName = (m: MeasureId) => MEASURES[m].names[lang];
  const reachNote = (m: MeasureId) => (m === 'reach' ? { note: label('reachSum', lang) } : {});
  const value = (
    v: number | null,
    f: string | null,
    fmt: string,
    style: Cell['style'],
    status?: Status | null,
  ): Cell => {
    const cell: Cell = { v, fmt, ...(style ? { style } : {}), ...(status ? { status } : {}) };
    if (!c.live) return cell;
    return f === null ? cell : { ...cell, f };
  };
  /** The KPI's formula over measure cells, or null when an input cell has no value. */
  const kpiFormula = (plan: KpiPlan, row: MetricRow, cellOf: (m: MeasureId) => string): string | null => {
    if (plan.inputs.some((u) => row.measures[u.measure] === undefined)) return null;
    const byInput = new Map(plan.inputs.map((u) => [u.input, cellOf(u.measure)]));
    return guardedKpi(plan.expr, (r) => byInput.get(r) ?? r);
  };

  // Title.
  let row = 0;
  const subtitle: string[] = [];
  if (analysis.date && c.periodSpans.length + 1 > 0) {
    const range = dateRangeText(c);
    if (range) subtitle.push(range);
  }
  subtitle.push(label('rowsCount', lang, { n: analysis.dataRows.length }));
  if (c.currency) subtitle.push(label('currency', lang, { c: c.currency }));
  if (c.options.profile) subtitle.push(label('benchmarks', lang, { p: c.options.profile.names[lang] }));
  if (c.options.template) subtitle.push(label('template', lang, { t: c.options.template.name }));
  blocks.push({
    id: 'title',
    kind: 'title',
    row,
    col: 0,
    headerRows: 0,
    cells: [
      [text(label('title', lang, { source: c.options.sourceName }), 'title', { userText: true })],
      [text(subtitle.join(' · '), 'subtitle', { userText: true })],
    ],
  });
  row += 3;

  // Totals: one line per measure, then one per KPI with its status and threshold.
  const totalsRow = row;
  const tCells: Cell[][] = [
    [text(label('totals', lang), 'section')],
    [label('metric', lang), label('value', lang), label('status', lang), label('threshold', lang)].map((t) =>
      text(t, 'header'),
    ),
  ];
  const totalCell = new Map<MeasureId, string>();
  measures.forEach((m, i) => {
    const r = totalsRow + 2 + i;
    totalCell.set(m.measure, a1(r, 1));
    const v = c.totals.measures[m.measure] ?? null;
    tCells.push([
      text(mName(m.measure), 'label', reachNote(m.measure)),
      value(v, v === null || !c.measureLive[i] ? null : src.sum(m.index), measureFormat(i), 'total'),
    ]);
  });
  plans.forEach((plan, j) => {
    const r = totalsRow + 2 + measures.length + j;
    const kv = c.totals.kpis[j];
    const cell = a1(r, 1);
    const f = kpiFormula(plan, c.totals, (m) => totalCell.get(m) as string);
    const row2: Cell[] = [
      text(plan.def.names[lang], 'label', { note: formulaNote(plan, lang) }),
      value(kv?.value ?? null, f, kpiFormat(plan.def), 'total', kv?.status),
    ];
    if (plan.judge) {
      const status = kv?.status ? label(kv.status, lang) : '';
      row2.push(
        c.live
          ? {
              v: status,
              f: statusFormula(cell, plan.judge, lang),
              style: 'value',
              ...(kv?.status ? { status: kv.status } : {}),
            }
          : { v: status, style: 'value', ...(kv?.status ? { status: kv.status } : {}) },
      );
      row2.push(text(thresholdText(plan.judge, plan.def.unit, lang), 'note'));
      pushRules(rules, plan, cell);
      legend.push(legendEntry(plan, lang));
    }
    tCells.push(row2);
  });
  blocks.push({ id: 'totals', kind: 'totals', row: totalsRow, col: 0, headerRows: 2, cells: tCells });
  row = totalsRow + tCells.length + 1;

  // Per group.
  const tableHeader = (first: Cell, extra: Cell[] = []): Cell[] => [
    first,
    text(label('rows', lang), 'header'),
    ...measures.map((m) => text(mName(m.measure), 'header', reachNote(m.measure))),
    ...plans.map((p) => text(p.def.names[lang], 'header', { note: formulaNote(p, lang) })),
    ...extra,
  ];
  const firstKpiCol = 2 + measures.length;
  if (c.groupColumn !== null && c.groups.length > 0) {
    const top = row;
    const header = analysis.headers[c.groupColumn] as string;
    const cells: Cell[][] = [
      [text(label('byGroup', lang, { dim: header }), 'section', { userText: true })],
      tableHeader(text(header, 'header', { userText: true })),
    ];
    c.groups.forEach((g, gi) => {
      const r = top + 2 + gi;
      const labelCell = a1(r, 0);
      const rowLive = c.groupLive[gi] as boolean;
      const criterion = /[*?~]/.test(g.label) ? literalCriterion(labelCell) : labelCell;
      const cellOf = (m: MeasureId) => a1(r, 2 + measures.findIndex((x) => x.measure === m));
      const line: Cell[] = [
        text(g.label === '' ? '—' : g.label, 'label', { userText: true }),
        { v: g.rows, fmt: '#,##0', style: 'value' },
      ];
      measures.forEach((m, i) => {
        const v = g.measures[m.measure] ?? null;
        const f =
          v !== null && rowLive && c.measureLive[i]
            ? src.sumifs(m.index, [[c.groupColumn as number, criterion]])
            : null;
        line.push(value(v, f, measureFormat(i), 'value'));
      });
      plans.forEach((plan, j) => {
        const kv = g.kpis[j];
        line.push(
          value(kv?.value ?? null, kpiFormula(plan, g, cellOf), kpiFormat(plan.def), 'value', kv?.status),
        );
      });
      cells.push(line);
    });
    const last = top + 1 + c.groups.length;
    plans.forEach((plan, j) => {
      if (plan.judge) pushRules(rules, plan, a1Range(top + 2, firstKpiCol + j, last, firstKpiCol + j));
    });
    blocks.push({ id: 'groups', kind: 'groups', row: top, col: 0, headerRows: 2, cells });
    const chartCol = plans.length > 0 ? firstKpiCol : 2;
    const chartName = plans[0]?.def.names[lang] ?? mName((measures[0] as (typeof measures)[number]).measure);
    charts.push({
      type: 'bar',
      title: `${chartName} – ${label('byGroup', lang, { dim: header })}`,
      labels: a1Range(top + 2, 0, last, 0),
      series: [{ name: chartName, range: a1Range(top + 2, chartCol, last, chartCol) }],
      anchor: { row: totalsRow, col: 5 },
    });
    row = last + 2;
  }

  // Per period, with the change of each KPI vs the previous period.
  if (c.periods.length > 0 && c.periodKind && analysis.date) {
    const top = row;
    const dateCol = analysis.date.index;
    const title = label(
      c.periodKind === 'day' ? 'byDay' : c.periodKind === 'week' ? 'byWeek' : 'byMonth',
      lang,
    );
    const changeHeaders = plans.map((p) =>
      text(label('change', lang, { name: p.def.names[lang] }), 'header'),
    );
    const cells: Cell[][] = [
      [text(title, 'section')],
      tableHeader(text(label('period', lang), 'header'), changeHeaders),
    ];
    const changeFmt = kpiById('pct_change')?.format ?? '+0.0%;-0.0%;0.0%';
    c.periods.forEach((p, pi) => {
      const r = top + 2 + pi;
      const span = c.periodSpans[pi] as { start: number; end: number };
      const s = fromEpochDay(span.start);
      const e = fromEpochDay(span.end);
      const bounds: [number, string][] = [
        [dateCol, dateBound('>=', s.y, s.m, s.d)],
        [dateCol, dateBound('<', e.y, e.m, e.d)],
      ];
      const cellOf = (m: MeasureId) => a1(r, 2 + measures.findIndex((x) => x.measure === m));
      const line: Cell[] = [text(p.label, 'label'), { v: p.rows, fmt: '#,##0', style: 'value' }];
      measures.forEach((m, i) => {
        const v = p.measures[m.measure] ?? null;
        line.push(
          value(
            v,
            v !== null && c.dateLive && c.measureLive[i] ? src.sumifs(m.index, bounds) : null,
            measureFormat(i),
            'value',
          ),
        );
      });
      plans.forEach((plan, j) => {
        const kv = p.kpis[j];
        line.push(
          value(kv?.value ?? null, kpiFormula(plan, p, cellOf), kpiFormat(plan.def), 'value', kv?.status),
        );
      });
      plans.forEach((plan, j) => {
        const ch = p.change[plan.def.id] ?? null;
        const col = firstKpiCol + j;
        const prevRow = c.periods[pi - 1];
        let f: string | null = null;
        if (pi > 0 && prevRow) {
          const cur = a1(r, col);
          const prev = a1(r - 1, col);
          f = `IF(OR(${prev}="",${prev}=0,${cur}=""),"",(${cur}-${prev})/${prev})`;
        }
        const dir = plan.def.direction;
        const judged =
          ch === null || ch === 0 || (dir !== 'higher' && dir !== 'lower')
            ? null
            : ch > 0 === (dir === 'higher')
              ? 'good'
              : 'poor';
        const style = ch === null || ch === 0 ? 'value' : ch > 0 ? 'up' : 'down';
        line.push(value(ch, f, changeFmt, style, judged));
      });
      cells.push(line);
    });
    const last = top + 1 + c.periods.length;
    plans.forEach((plan, j) => {
      if (plan.judge) pushRules(rules, plan, a1Range(top + 2, firstKpiCol + j, last, firstKpiCol + j));
    });
    blocks.push({ id: 'periods', kind: 'periods', row: top, col: 0, headerRows: 2, cells });
    const chartCol = plans.length > 0 ? firstKpiCol : 2;
    const chartName = plans[0]?.def.names[lang] ?? mName((measures[0] as (typeof measures)[number]).measure);
    charts.push({
      type: 'line',
      title: `${chartName} – ${title}`,
      labels: a1Range(top + 2, 0, last, 0),
      series: [{ name: chartName, range: a1Range(top + 2, chartCol, last, chartCol) }],
      anchor: { row: totalsRow, col: 12 },
    });
    row = last + 2;
  }

  // KPIs not computed, legend, notes, mapping.
  const listBlock = (
    id: string,
    kind: Block['kind'],
    title: string,
    header: string[] | null,
    lines: Cell[][],
  ) => {
    if (lines.length === 0) return;
    const cells: Cell[][] = [
      [text(title, 'section')],
      ...(header ? [header.map((h) => text(h, 'header'))] : []),
      ...lines,
    ];
    blocks.push({ id, kind, row, col: 0, headerRows: header ? 2 : 1, cells });
    row += cells.length + 1;
  };
  const shownMissing = c.notComputed.filter(
    (nc) =>
      c.options.kpis !== undefined ||
      (kpiById(nc.kpi)?.inputs.some((i) =>
        i.measures?.some((m) => analysis.measures.some((x) => x.measure === m)),
      ) ??
        false),
  );
  listBlock(
    'missing',
    'missing',
    label('notComputed', lang),
    [label('kpi', lang), label('why', lang)],
    shownMissing.map((nc) => [
      text(kpiById(nc.kpi)?.names[lang] ?? nc.kpi, 'label'),
      text(nc.message, 'note'),
    ]),
  );
  listBlock(
    'legend',
    'legend',
    label('legend', lang),
    [label('kpi', lang), label('threshold', lang), label('source', lang)],
    plans
      .filter((p) => p.judge)
      .map((p) => [
        text(p.def.names[lang], 'legend'),
        text(thresholdText(p.judge as NonNullable<KpiPlan['judge']>, p.def.unit, lang), 'legend'),
        text(legendEntry(p, lang).source, 'legend', { userText: true }),
      ]),
  );
  listBlock(
    'notes',
    'notes',
    label('notes', lang),
    null,
    c.notes.map((n) => [text(n.message, 'note', { userText: true })]),
  );
  listBlock(
    'mapping',
    'mapping',
    label('mapping', lang),
    [label('column', lang), label('header', lang), label('readAs', lang), label('confidence', lang)],
    analysis.mapping.map((m) => [
      text(m.letter, 'label'),
      text(m.header, 'value', { userText: true }),
      text(
        m.role.kind === 'precomputed'
          ? label('precomputed', lang, { kpi: kpiById(m.role.kpi)?.names[lang] ?? m.role.kpi })
          : roleName(m.role, lang),
        'value',
      ),
      { v: m.confidence, fmt: '0%', style: 'value' },
    ]),
  );

  const width = Math.max(4, ...blocks.map((b) => Math.max(...b.cells.map((r) => r.length))));
  const columnWidths = Array.from({ length: width }, (_, i) => (i === 0 ? 240 : i === 1 ? 110 : 130));
  return { blocks, rules, charts, legend, frozenRows: 2, columnWidths, liveFormulas: allLive };
}

function pushRules(rules: ConditionalRule[], plan: KpiPlan, range: string): void {
  if (!plan.judge) return;
  for (const r of statusRules(plan.judge))
    rules.push({ range, status: r.status, when: r.when, kpi: plan.def.id });
}

function legendEntry(plan: KpiPlan, lang: 'en' | 'ar' | 'fa'): LegendEntry {
  const j = plan.judge as NonNullable<KpiPlan['judge']>;
  if (j.kind === 'target') {
    return {
      kpi: plan.def.id,
      thresholds: { direction: 'target', op: j.target.op, value: j.target.value },
      source: label('targetSource', lang),
    };
  }
  return { kpi: plan.def.id, thresholds: j.thresholds, source: j.source };
}

function dateRangeText(c: Computed): string | null {
  const model = c.analysis.date;
  if (!model) return null;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const d of model.days) {
    if (d < first) first = d;
    if (d > last) last = d;
  }
  if (!(first <= last)) return null;
  const fmt = (d: number) => {
    if (c.calendar !== 'jalali') return isoOfDay(d);
    const j = epochDayToJalali(d);
    return `${j.jy}/${String(j.jm).padStart(2, '0')}/${String(j.jd).padStart(2, '0')}`;
  };
  return localDigits(`${fmt(first)} – ${fmt(last)}`, c.lang);
}
