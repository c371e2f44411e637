/**
 * Where every cell of the report goes: title, totals, a table per group and per period, KPIs
 * not computed, the legend, how each KPI is computed, data notes and the column mapping; with
 * number formats, styles, statuses, notes, live formulas (when the source allows), conditional
 * rules and charts.
 * Blocks are stacked top to bottom in column A, one blank row apart; charts sit right of the totals.
 */

import { TARGET_FAIR_MARGIN } from '../benchmarks/status';
import type { Status, Target } from '../benchmarks/types';
import { daySpanText } from '../dates/display';
import { fromEpochDay } from '../dates/jalali';
import { roleName } from '../detect/analyse';
import { columnLetter } from '../detect/letters';
import type { Lang } from '../i18n/lang';
import { label, localDigits } from '../i18n/report-labels';
import { MEASURES, type MeasureId } from '../kpi/measures';
import { kpiById } from '../kpi/registry';
import type { KpiDef } from '../kpi/types';
import { attributionBlocks } from './attribution-block';
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
import { formulaNote, type Judge, type KpiPlan, planFormula } from './kpi-plan';
import {
  type Block,
  type Cell,
  type ChartSpec,
  type ConditionalRule,
  type KpiValue,
  type LegendEntry,
  type MetricRow,
  widestLine,
} from './model';
import { type PrintPlan, printPlan } from './print-plan';
import { statusFormula, statusRules, thresholdText } from './rules';

export interface Rendering {
  readonly blocks: Block[];
  readonly rules: ConditionalRule[];
  readonly charts: ChartSpec[];
  readonly legend: LegendEntry[];
  readonly frozenRows: number;
  readonly columnWidths: number[];
  readonly liveFormulas: boolean;
  readonly print: PrintPlan;
}

const NO_DECIMALS = new Set(['تومان', 'تومن', 'ت', 'ریال', 'ريال', 'IRR', 'IRT', '﷼', 'JPY', '¥']);
const PREFIXED = new Set(['$', '€', '£', '¥', '₹', '₺', 'US$', '$US', 'C$', 'A$', 'R$']);
const CHANGE_FORMAT = kpiById('pct_change')?.format ?? '+0.0%;-0.0%;0.0%';

/** A money format carrying the sheet's currency: "$"#,##0.00 or #,##0 "تومان". */
export function moneyFormat(currency: string | null): string {
  const body = moneyBody(currency);
  if (!currency) return body;
  const q = `"${currency.replace(/"/g, '')}"`;
  return PREFIXED.has(currency) ? `${q}${body}` : `${body} ${q}`;
}

const moneyBody = (currency: string | null) => (currency && NO_DECIMALS.has(currency) ? '#,##0' : '#,##0.00');

/**
 * A currency written after the number as a word or code ("تومان", "ر.س", "SAR"), as opposed to a
 * symbol before it ("$"). Such a currency is named once in the header of a table's money column
 * ("هزینه (تومان)"), and the column's cells are plain grouped numbers: written in every cell it
 * made each money column wider by the word, and the Persian report printed at 80%. A symbol
 * before the number is narrow and stays in every cell.
 */
export function currencyAfter(currency: string | null): currency is string {
  return currency !== null && currency !== '' && !PREFIXED.has(currency);
}

/** The format of a table's money column: plain when its header names the currency (see currencyAfter). */
export function columnMoneyFormat(currency: string | null): string {
  return currencyAfter(currency) ? moneyBody(currency) : moneyFormat(currency);
}

/** A money column's header, naming a currency written after the number: "Cost per click (CPC) (SAR)". */
export function moneyHeader(name: string, currency: string | null): string {
  return currencyAfter(currency) ? `${name} (${currency})` : name;
}

const text = (v: string, style?: Cell['style'], extra: Partial<Cell> = {}): Cell => ({
  v,
  ...(style ? { style } : {}),
  ...extra,
});

export function layout(c: Computed): Rendering {
  return new ReportLayout(c).render();
}

/**
 * Tables share their columns: label, each KPI, rows, each measure (then, for periods, each KPI's
 * change). The KPIs come first so a printed page (./print-plan.ts) holds the label and the KPIs
 * at a readable size; the counts behind them and the changes follow on screen.
 */
const FIRST_KPI_COL = 1;
/** Charts start right of the totals (metric, value, status, threshold, of target) and a spare column. */
const CHART_COL = 5;
const MIN_CHART_COLS = 4;
const MIN_CHART_ROWS = 8;
const MAX_CHART_ROWS = 16;

class ReportLayout {
  private readonly lang: Lang;
  private readonly blocks: Block[] = [];
  private readonly rules: ConditionalRule[] = [];
  private readonly charts: ChartSpec[] = [];
  private readonly legend: LegendEntry[] = [];
  private readonly src: SourceRefs;
  private readonly measureCol = new Map<MeasureId, number>();
  private readonly firstKpiCol = FIRST_KPI_COL;
  private readonly firstMeasureCol: number;
  private row = 0;
  private totalsRow = 0;

  constructor(private readonly c: Computed) {
    this.lang = c.lang;
    this.src = new SourceRefs(sheetRef(c.options.sourceName), segmentsOf(c.analysis.dataRows, c.cuts));
    // The rows count sits right after the KPIs, then the measures.
    this.firstMeasureCol = FIRST_KPI_COL + c.plans.length + 1;
    for (const [i, m] of c.analysis.measures.entries())
      this.measureCol.set(m.measure, this.firstMeasureCol + i);
  }

  render(): Rendering {
    this.title();
    this.totals();
    this.groups();
    this.periods();
    this.attribution();
    this.lists();
    const chartRight = this.sizeCharts();
    const c = this.c;
    const width = this.blocks.reduce((w, b) => widestLine(b.cells, w), 4);
    return {
      blocks: this.blocks,
      rules: this.rules,
      charts: this.charts,
      legend: this.legend,
      frozenRows: 2,
      print: printPlan(this.blocks, c.plans.length, chartRight, 2, this.lang),
      columnWidths: Array.from({ length: width }, (_, i) => (i === 0 ? 240 : i === 1 ? 110 : 130)),
      // Live unless the source made some aggregates values (text numbers or dates, odd group names, size).
      liveFormulas:
        c.live &&
        c.measureLive.every(Boolean) &&
        (c.groups.length === 0 || c.groupLive.every(Boolean)) &&
        (c.periods.length === 0 || c.dateLive),
    };
  }

  /**
   * The charts beside the totals, from CHART_COL (the totals' columns and one for their last
   * text to run into) to the last KPI column, so they print on the first page with the totals:
   * stacked, sharing the totals' rows. Where those rows are too few, the charts go below the
   * report instead. Returns the charts' last column, or null without charts.
   */
  private sizeCharts(): number | null {
    const n = this.charts.length;
    if (n === 0) return null;
    const cols = Math.max(MIN_CHART_COLS, FIRST_KPI_COL + this.c.plans.length - CHART_COL);
    const totals = this.blocks.find((b) => b.kind === 'totals');
    const beside = totals ? totals.cells.length : 0;
    const rows = Math.min(MAX_CHART_ROWS, Math.floor(beside / n));
    const besideTotals = rows >= MIN_CHART_ROWS;
    const top = besideTotals ? this.totalsRow : this.row;
    const each = besideTotals ? rows : MAX_CHART_ROWS;
    this.charts.forEach((chart, i) => {
      this.charts[i] = {
        ...chart,
        anchor: { row: top + i * each, col: besideTotals ? CHART_COL : 0 },
        size: { rows: each, cols: besideTotals ? cols : CHART_COL + cols },
      };
    });
    return CHART_COL + cols - 1;
  }

  // Cells.

  private value(
    v: number | null,
    f: string | null,
    fmt: string,
    style: Cell['style'],
    status?: Status | null,
  ): Cell {
    const cell: Cell = { v, fmt, ...(style ? { style } : {}), ...(status ? { status } : {}) };
    return this.c.live && f !== null ? { ...cell, f } : cell;
  }

  private measureName(m: MeasureId): Cell['v'] {
    return MEASURES[m].names[this.lang];
  }

  /**
   * A measure's number format: in the totals (a column of mixed units) money carries its
   * currency in the cell; in a table column (`inColumn`) the header may name it instead.
   */
  private measureFormat(i: number, inColumn = false): string {
    const m = this.c.analysis.measures[i] as Computed['analysis']['measures'][number];
    if (MEASURES[m.measure].kind === 'money') return this.money(inColumn);
    return m.integral ? '#,##0' : '#,##0.00';
  }

  private kpiFormat(def: KpiDef, inColumn = false): string {
    return def.unit === 'money' ? this.money(inColumn) : def.format;
  }

  private money(inColumn: boolean): string {
    return inColumn ? columnMoneyFormat(this.c.currency) : moneyFormat(this.c.currency);
  }

  /** A table column's header: money columns name a currency their cells leave out. */
  private columnHeader(name: string, money: boolean, extra: Partial<Cell> = {}): Cell {
    return text(money ? moneyHeader(name, this.c.currency) : name, 'header', extra);
  }

  private reachNote(m: MeasureId): Partial<Cell> {
    return m === 'reach' ? { note: label('reachSum', this.lang) } : {};
  }

  /** The KPI over the row's measure cells, or null when an input has no value. */
  private kpiFormula(plan: KpiPlan, row: MetricRow, cellOf: (m: MeasureId) => string): string | null {
    if (plan.inputs.some((u) => row.measures[u.measure] === undefined)) return null;
    const byInput = new Map(plan.inputs.map((u) => [u.input, cellOf(u.measure)]));
    return guardedKpi(plan.expr, (r) => byInput.get(r) ?? r);
  }

  private place(block: Omit<Block, 'row' | 'col'>, gap = 1): void {
    this.blocks.push({ ...block, row: this.row, col: 0 });
    this.row += block.cells.length + gap;
  }

  // Blocks.

  private title(): void {
    const { c, lang } = this;
    const parts: string[] = [];
    const range = dateRangeText(c);
    if (range) parts.push(range);
    const rows = c.analysis.dataRows.length;
    parts.push(label(rows === 1 ? 'rowsCountOne' : 'rowsCount', lang, { n: rows }));
    if (c.currency) parts.push(label('currency', lang, { c: c.currency }));
    if (c.options.profile) parts.push(label('benchmarks', lang, { p: profileText(c) }));
    if (c.options.template) parts.push(label('template', lang, { t: c.options.template.name }));
    this.place({
      id: 'title',
      kind: 'title',
      headerRows: 0,
      cells: [
        [text(label('title', lang, { source: c.options.sourceName }), 'title', { userText: true })],
        [text(parts.join(label('separator', lang)), 'subtitle', { userText: true })],
      ],
    });
  }

  /** One line per measure, then one per KPI with its status and threshold. */
  private totals(): void {
    const { c, lang } = this;
    const top = this.row;
    this.totalsRow = top;
    const measures = c.analysis.measures;
    // With a target anywhere, a fifth column says how much of each target the total reaches.
    const targets = c.plans.some((p) => p.judge?.kind === 'target');
    const headers = ['metric', 'value', 'status', 'threshold', ...(targets ? ['ofTarget'] : [])];
    const cells: Cell[][] = [
      [text(label('totals', lang), 'section')],
      headers.map((k) => text(label(k as 'metric', lang), 'header')),
    ];
    const totalCell = new Map<MeasureId, string>();
    measures.forEach((m, i) => {
      totalCell.set(m.measure, a1(top + 2 + i, 1));
      const v = c.totals.measures[m.measure] ?? null;
      const f = v === null || !c.measureLive[i] ? null : this.src.sum(m.index);
      cells.push([
        text(MEASURES[m.measure].names[lang], 'label', this.reachNote(m.measure)),
        this.value(v, f, this.measureFormat(i), 'total'),
      ]);
    });
    c.plans.forEach((plan, j) => {
      const kv = c.totals.kpis[j];
      const cell = a1(top + 2 + measures.length + j, 1);
      const f = this.kpiFormula(plan, c.totals, (m) => totalCell.get(m) as string);
      const line: Cell[] = [
        text(plan.def.names[lang], 'label', { note: formulaNote(plan, lang) }),
        this.value(kv?.value ?? null, f, this.kpiFormat(plan.def), 'total', kv?.status),
      ];
      if (plan.judge) {
        const status = kv?.status ?? null;
        const word: Cell = {
          v: status ? label(status, lang) : '',
          style: 'value',
          ...(status ? { status } : {}),
        };
        line.push(c.live ? { ...word, f: statusFormula(cell, plan.judge, lang) } : word);
        line.push(text(thresholdText(plan.judge, plan.def.unit, lang), 'note'));
        if (plan.judge.kind === 'target')
          line.push(this.ofTarget(plan, plan.judge.target, top + 2 + measures.length + j, kv));
        this.pushRules(plan, cell);
        this.legend.push(legendEntry(plan.def.id, plan.judge, lang));
      }
      cells.push(line);
    });
    this.place({ id: 'totals', kind: 'totals', headerRows: 2, cells });
  }

  private tableHeader(first: Cell, extra: Cell[] = []): Cell[] {
    const { lang } = this;
    return [
      first,
      ...this.c.plans.map((p) =>
        this.columnHeader(p.def.names[lang], p.def.unit === 'money', { note: formulaNote(p, lang) }),
      ),
      text(label('rows', lang), 'header'),
      ...this.c.analysis.measures.map((m) =>
        this.columnHeader(
          MEASURES[m.measure].names[lang],
          MEASURES[m.measure].kind === 'money',
          this.reachNote(m.measure),
        ),
      ),
      ...extra,
    ];
  }

  /** Label, KPIs over the row's own measure cells, rows, measures (SUMIFS when `criteria` is given). */
  private tableLine(
    r: number,
    first: Cell,
    row: MetricRow,
    criteria: readonly (readonly [number, string])[] | null,
  ): Cell[] {
    const { c } = this;
    const cellOf = (m: MeasureId) => a1(r, this.measureCol.get(m) as number);
    const line: Cell[] = [first];
    c.plans.forEach((plan, j) => {
      const kv = row.kpis[j];
      line.push(
        this.value(
          kv?.value ?? null,
          this.kpiFormula(plan, row, cellOf),
          this.kpiFormat(plan.def, true),
          'value',
          kv?.status,
        ),
      );
    });
    line.push({ v: row.rows, fmt: '#,##0', style: 'value' });
    c.analysis.measures.forEach((m, i) => {
      const v = row.measures[m.measure] ?? null;
      const f = v !== null && criteria && c.measureLive[i] ? this.src.sumifs(m.index, criteria) : null;
      line.push(this.value(v, f, this.measureFormat(i, true), 'value'));
    });
    return line;
  }

  /** Rules on each KPI column, and a chart of the first KPI (or measure) down the table. */
  private tableExtras(
    top: number,
    count: number,
    chart: Pick<ChartSpec, 'type' | 'title'>,
    anchorCol: number,
  ): void {
    const last = top + 1 + count;
    this.c.plans.forEach((plan, j) => {
      this.pushRules(plan, a1Range(top + 2, this.firstKpiCol + j, last, this.firstKpiCol + j));
    });
    const col = this.c.plans.length > 0 ? this.firstKpiCol : this.firstMeasureCol;
    this.charts.push({
      ...chart,
      labels: a1Range(top + 2, 0, last, 0),
      series: [{ name: this.chartSubject(), range: a1Range(top + 2, col, last, col) }],
      anchor: { row: this.totalsRow, col: anchorCol },
    });
  }

  private chartSubject(): string {
    const first = this.c.plans[0];
    if (first) return first.def.names[this.lang];
    return String(
      this.measureName((this.c.analysis.measures[0] as Computed['analysis']['measures'][number]).measure),
    );
  }

  private groups(): void {
    const { c, lang } = this;
    if (c.groupColumn === null || c.groups.length === 0) return;
    const column = c.groupColumn;
    const top = this.row;
    const header = c.analysis.headers[column] as string;
    const title = label('byGroup', lang, { dim: header });
    const cells: Cell[][] = [
      [text(title, 'section', { userText: true })],
      this.tableHeader(text(header, 'header', { userText: true })),
    ];
    c.groups.forEach((g, gi) => {
      const r = top + 2 + gi;
      // The criterion is the report's own label cell: no user text inside a formula.
      const labelCell = a1(r, 0);
      const criterion = /[*?~]/.test(g.label) ? literalCriterion(labelCell) : labelCell;
      const first = text(g.label === '' ? '—' : g.label, 'label', { userText: true });
      cells.push(this.tableLine(r, first, g, c.groupLive[gi] ? [[column, criterion]] : null));
    });
    this.place({ id: 'groups', kind: 'groups', headerRows: 2, cells });
    this.tableExtras(top, c.groups.length, { type: 'bar', title: `${this.chartSubject()} – ${title}` }, 5);
  }

  /** Per period, with each KPI's change vs the previous period. */
  private periods(): void {
    const { c, lang } = this;
    const date = c.analysis.date;
    if (c.periods.length === 0 || !c.periodKind || !date) return;
    const top = this.row;
    const title = label(
      c.periodKind === 'day' ? 'byDay' : c.periodKind === 'week' ? 'byWeek' : 'byMonth',
      lang,
    );
    const changeHeaders = c.plans.map((p) =>
      text(label('change', lang, { name: p.def.names[lang] }), 'header'),
    );
    const cells: Cell[][] = [
      [text(title, 'section')],
      this.tableHeader(text(label('period', lang), 'header'), changeHeaders),
    ];
    c.periods.forEach((p, pi) => {
      const r = top + 2 + pi;
      const span = c.periodSpans[pi] as { start: number; end: number };
      const s = fromEpochDay(span.start);
      const e = fromEpochDay(span.end);
      const bounds: [number, string][] = [
        [date.index, dateBound('>=', s.y, s.m, s.d)],
        [date.index, dateBound('<', e.y, e.m, e.d)],
      ];
      const line = this.tableLine(r, text(p.label, 'label'), p, c.dateLive ? bounds : null);
      for (const plan of c.plans) line.push(this.changeCell(plan, p.change[plan.def.id] ?? null, r, pi > 0));
      cells.push(line);
    });
    this.place({ id: 'periods', kind: 'periods', headerRows: 2, cells });
    this.tableExtras(top, c.periods.length, { type: 'line', title: `${this.chartSubject()} – ${title}` }, 12);
  }

  /** (current − previous) ÷ previous of the KPI column; up/down, good/poor by the KPI's direction. */
  private changeCell(plan: KpiPlan, change: number | null, r: number, hasPrevious: boolean): Cell {
    const col = this.firstKpiCol + this.c.plans.indexOf(plan);
    const cur = a1(r, col);
    const prev = a1(r - 1, col);
    const f = hasPrevious ? `IF(OR(${prev}="",${prev}=0,${cur}=""),"",(${cur}-${prev})/${prev})` : null;
    const dir = plan.def.direction;
    const judged: Status | null =
      change === null || change === 0 || (dir !== 'higher' && dir !== 'lower')
        ? null
        : change > 0 === (dir === 'higher')
          ? 'good'
          : 'poor';
    const style = change === null || change === 0 ? 'value' : change > 0 ? 'up' : 'down';
    return this.value(change, f, CHANGE_FORMAT, style, judged);
  }

  /** KPIs not computed, the legend, the definitions, notes on the data, and how each column was read. */
  private lists(): void {
    const { c, lang } = this;
    const present = new Set(c.analysis.measures.map((m) => m.measure));
    const relevant = c.notComputed.filter(
      (nc) =>
        c.options.kpis !== undefined ||
        (kpiById(nc.kpi)?.inputs.some((i) => i.measures?.some((m) => present.has(m))) ?? false),
    );
    this.list(
      'missing',
      'missing',
      label('notComputed', lang),
      ['kpi', 'why'],
      relevant.map((nc) => [text(kpiById(nc.kpi)?.names[lang] ?? nc.kpi, 'label'), text(nc.message, 'note')]),
    );
    const judged = c.plans.flatMap((p) => (p.judge ? [{ p, judge: p.judge }] : []));
    this.list(
      'legend',
      'legend',
      label('legend', lang),
      ['kpi', 'threshold', 'source'],
      judged.map(({ p, judge }) => [
        text(p.def.names[lang], 'legend'),
        text(thresholdText(judge, p.def.unit, lang), 'legend'),
        text(legendEntry(p.def.id, judge, lang).source, 'legend', { userText: true }),
      ]),
    );
    this.definitions();
    this.list(
      'notes',
      'notes',
      label('notes', lang),
      null,
      c.notes.map((n) => [text(n.message, 'note', { userText: true })]),
    );
    this.list(
      'mapping',
      'mapping',
      label('mapping', lang),
      ['column', 'header', 'readAs', 'confidence'],
      c.analysis.mapping.map((m) => [
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
  }

  /**
   * How each KPI in the report is computed: its formula in words (the same text as the KPI's
   * note) and the columns of this file that fed it, so every number can be checked by hand.
   */
  private definitions(): void {
    const { c, lang } = this;
    this.list(
      'definitions',
      'definitions',
      label('definitions', lang),
      ['kpi', 'formula', 'fedBy'],
      c.plans.map((p) => [
        text(p.def.names[lang], 'label'),
        text(formulaNote(p, lang), 'value'),
        // Headers come from the user's sheet: literal text.
        text(
          localFormula(p, lang, (m) => this.sourceColumn(m)),
          'value',
          { userText: true },
        ),
      ]),
    );
  }

  /** "Link clicks (column F)": the sheet's header of the measure's column, and its letter. */
  private sourceColumn(m: MeasureId): string {
    const { c, lang } = this;
    const column = c.analysis.measures.find((x) => x.measure === m);
    if (!column) return MEASURES[m].names[lang];
    const header = String(c.analysis.headers[column.index] ?? '').trim();
    return label('fedByColumn', lang, {
      header: header === '' ? MEASURES[m].names[lang] : header,
      col: columnLetter(column.index),
    });
  }

  private list(
    id: string,
    kind: Block['kind'],
    title: string,
    header: readonly string[] | null,
    lines: Cell[][],
  ): void {
    if (lines.length === 0) return;
    const head = header ? [header.map((h) => text(label(h as 'kpi', this.lang), 'header'))] : [];
    const spans = listSpans([...head, ...lines]);
    this.place({
      id,
      kind,
      headerRows: header ? 2 : 1,
      cells: [
        [text(title, 'section')],
        ...head.map((l) => spread(l, spans, true)),
        ...lines.map((l) => spread(l, spans, false)),
      ],
    });
  }

  /**
   * Share of the target reached (value ÷ target for "≥" goals, target ÷ value for "≤"), coloured
   * by the same rule as the status: 100% or more good, within the fair margin fair, else poor.
   */
  private ofTarget(plan: KpiPlan, target: Target, row: number, kv: KpiValue | undefined): Cell {
    const valueCell = a1(row, 1);
    const at = a1(row, 4);
    // Both measured from the KPI's origin (percentOfTarget): ROI's (1 + value) ÷ (1 + target).
    const origin = plan.judge?.kind === 'target' ? plan.judge.origin : 0;
    const v = origin === 0 ? valueCell : `(${valueCell}-(${origin}))`;
    const t = target.value - origin;
    const f =
      target.op === '>=' ? `IF(${valueCell}="","",${v}/${t})` : `IF(OR(${valueCell}="",${v}=0),"",${t}/${v})`;
    const fair = target.op === '>=' ? 1 - TARGET_FAIR_MARGIN : 1 / (1 + TARGET_FAIR_MARGIN);
    const kpi = plan.def.id;
    this.rules.push(
      { range: at, status: 'good', when: ['>=', 1], kpi },
      { range: at, status: 'fair', when: ['>=', fair], kpi },
      { range: at, status: 'poor', when: ['<', fair], kpi },
    );
    return this.value(kv?.ofTarget ?? null, t === 0 ? null : f, '0%', 'value', kv?.status);
  }

  private pushRules(plan: KpiPlan, range: string): void {
    if (!plan.judge) return;
    // In priority order: the first rule a value meets gives its colour.
    for (const r of statusRules(plan.judge))
      this.rules.push({ range, status: r.status, when: r.when, kpi: plan.def.id });
  }

  /** The Attribution section (./attribution-block.ts), when there are paths. */
  private attribution(): void {
    const { c } = this;
    if (!c.attribution) return;
    const cost = c.analysis.measures.findIndex((m) => m.measure === 'cost');
    const ctx = {
      lang: c.lang,
      live: c.live,
      sourceName: c.options.sourceName,
      dataRows: c.analysis.dataRows,
      cuts: c.cuts,
      costLive: c.measureLive[cost] === true,
      currency: c.currency,
      moneyFormat,
    };
    for (const block of attributionBlocks(c.attribution, ctx, this.row)) this.place(block);
  }
}

/**
 * The plan's formula with `name` for each input, its constants (× 1000) in the language's digits
 * and the names as given: a sheet's header keeps its own digits ("Clicks 2025").
 */
function localFormula(plan: KpiPlan, lang: Lang, name: (m: MeasureId) => string): string {
  const names: string[] = [];
  // Each name stands in as a private-use character (no digit) while the digits are changed.
  const marked = planFormula(plan, (m) => String.fromCharCode(0xe000 + names.push(name(m)) - 1));
  return localDigits(marked, lang).replace(
    /[\ue000-\uf8ff]/g,
    (ch) => names[ch.charCodeAt(0) - 0xe000] ?? ch,
  );
}

/**
 * Columns each column of a list takes: a long text (a formula in words, a threshold) gets the
 * empty cells after it to run into, as the table columns it shares are narrow (a KPI's). The
 * first column (the label column, wide) and the last (nothing after it) take one.
 */
const LIST_CHARS_PER_COL = 11;
const LIST_MAX_SPAN = 4;

function listSpans(lines: readonly (readonly Cell[])[]): number[] {
  const n = widestLine(lines);
  return Array.from({ length: n }, (_, j) => {
    if (j === 0 || j === n - 1) return 1;
    const chars = lines.reduce((most, l) => Math.max(most, String(l[j]?.v ?? '').length), 0);
    return Math.min(LIST_MAX_SPAN, Math.max(1, Math.ceil(chars / LIST_CHARS_PER_COL)));
  });
}

/** A list line at its spread columns; a header's gaps are header cells, so its band is unbroken. */
function spread(line: readonly Cell[], spans: readonly number[], header: boolean): Cell[] {
  const out: Cell[] = [];
  line.forEach((cell, j) => {
    out.push(cell);
    for (let k = 1; k < (spans[j] ?? 1) && j < line.length - 1; k++)
      out.push(header ? text('', 'header') : { v: '' });
  });
  return out;
}

function legendEntry(kpi: string, judge: Judge, lang: Lang): LegendEntry {
  if (judge.kind === 'target') {
    return {
      kpi,
      thresholds: { direction: 'target', op: judge.target.op, value: judge.target.value },
      source: label('targetSource', lang),
    };
  }
  return { kpi, thresholds: judge.thresholds, source: judge.source };
}

function dateRangeText(c: Computed): string | null {
  if (!c.dateSpan) return null;
  // As the period rows write their dates (src/core/dates/display.ts: one bidi run in RTL cells).
  return daySpanText(c.dateSpan.first, c.dateSpan.last, c.calendar, c.lang);
}

/** The profile's name, and why Mizan chose it when the user did not ("Search ads, a Google Ads export"). */
function profileText(c: Computed): string {
  const profile = c.options.profile;
  if (!profile) return '';
  return c.profileWhy ? `${profile.names[c.lang]} (${c.profileWhy})` : profile.names[c.lang];
}
