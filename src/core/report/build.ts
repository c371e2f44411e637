/**
 * From a pasted sheet to the report model: read (detect/analyse), sum (aggregate), compute KPIs
 * sum-then-divide through the registry's expr, judge them, and lay out every cell with its value
 * and, when the sheet allows, the live formula that computes the same value.
 */

import { attributionSection } from '../attribution/report-section';
import { periodText } from '../dates/display';
import { isoOfDay } from '../dates/parse-date';
import { type Calendar, inferPeriod, type Period, type PeriodKind, periodsBetween } from '../dates/periods';
import { type Analysis, analyse, type MeasureColumn } from '../detect/analyse';
import { columnLetter, rowList } from '../detect/letters';
import { isRtl, type Lang } from '../i18n/lang';
import { label } from '../i18n/report-labels';
import { denominatorsOf } from '../kpi/expr';
import { MEASURES, type MeasureId } from '../kpi/measures';
import { isDate } from '../numbers/parse-number';
import { asTable, type Grid, isTable, RowTable, type Table } from '../table/table';
import { aggregate, type Groups, groupRows, periodRows, type Sums } from './aggregate';
import { type AttributionPart, attributionPart } from './attribution-block';
import { isSheetError, plainTextCriterion } from './formulas';
import { formulaNote, judge, type KpiPlan, kpiValue, planKpis } from './kpi-plan';
import { layout } from './layout';
import {
  type DataNote,
  type KpiNotComputed,
  type KpiValue,
  type MetricRow,
  type PeriodRow,
  REPORT_MODEL_VERSION,
  type ReportModel,
} from './model';
import type { InputProblem, ReportOptions, ReportResult } from './options';
import { chooseProfile } from './profile-choice';
import { readingNotes } from './read-notes';

/** Everything the layout needs, decided here. */
export interface Computed {
  readonly options: ReportOptions;
  readonly lang: Lang;
  readonly analysis: Analysis;
  readonly plans: readonly KpiPlan[];
  readonly notComputed: readonly KpiNotComputed[];
  readonly totals: MetricRow;
  readonly groups: readonly MetricRow[];
  readonly groupColumn: number | null;
  readonly groupLive: readonly boolean[];
  readonly periods: readonly PeriodRow[];
  readonly periodKind: PeriodKind | null;
  readonly periodSpans: readonly Period[];
  readonly calendar: Calendar;
  /** First and last date, as epoch days, when there are dates. */
  readonly dateSpan: { readonly first: number; readonly last: number } | null;
  readonly dateLive: boolean;
  /** Per measure (index in analysis.measures): may its aggregates be formulas? */
  readonly measureLive: readonly boolean[];
  readonly live: boolean;
  readonly cuts: readonly number[];
  readonly currency: string | null;
  readonly notes: DataNote[];
  /** Why the profile was chosen, when Mizan chose it. */
  readonly profileWhy?: string;
  /** The Attribution section, when the source or options.paths is a path export. */
  readonly attribution?: AttributionPart | null;
}

/** Where weeks start by default: Saturday in Iran, Sunday in the Gulf, Monday (ISO) otherwise. */
const WEEK_START: Readonly<Record<Lang, 0 | 1 | 6>> = { en: 1, ar: 0, fa: 6 };

/** Source cells that the SUMIFS of one table column may read in total (rows × table rows). */
const SUMIFS_BUDGET = 20_000_000;

/** At most about this many rows in the period table. */
const MAX_PERIODS = 400;
const PERIOD_DAYS: Readonly<Record<PeriodKind, number>> = { day: 1, week: 7, month: 28 };

const bad = (lang: Lang, what: string): InputProblem => ({
  code: 'bad-option',
  message: label('badOptionMsg', lang, { what }),
  hint: label('badOptionHint', lang),
});

/** A groupBy that is not a text column: which column it names, what it holds, and which would do. */
function badGroupBy(analysis: Analysis, c: number, lang: Lang): InputProblem {
  if (!Number.isInteger(c) || c < 0) return bad(lang, `groupBy = ${c}`);
  const named = (m: { letter: string; header: string }) =>
    m.header === '' ? m.letter : `${m.letter} "${m.header}"`;
  const texts = analysis.mapping.filter((m) => m.role.kind === 'dimension').map(named);
  const hint = label('groupByHint', lang, { cols: texts.join(', ') });
  const column = analysis.mapping[c];
  const last = analysis.mapping[analysis.mapping.length - 1];
  if (!column) {
    const message = label('groupByMissingMsg', lang, { col: columnLetter(c), last: last ? named(last) : '' });
    return { code: 'bad-option', message, hint };
  }
  const role = column.role.kind === 'measure' ? MEASURES[column.role.measure].names[lang] : '';
  return {
    code: 'bad-option',
    message: label('groupByMeasureMsg', lang, { col: column.letter, header: column.header, role }),
    hint,
    column: { letter: column.letter, header: column.header },
  };
}

function checkOptions(grid: unknown, o: ReportOptions): InputProblem[] {
  const lang: Lang = o.lang === 'ar' || o.lang === 'fa' ? o.lang : 'en';
  const out: InputProblem[] = [];
  if (o.lang !== 'en' && o.lang !== 'ar' && o.lang !== 'fa') out.push(bad(lang, `lang = ${String(o.lang)}`));
  if (o.formulas !== undefined && o.formulas !== 'live' && o.formulas !== 'values')
    out.push(bad(lang, `formulas = ${String(o.formulas)}`));
  if (o.formulaSource !== undefined && o.formulaSource !== 'user-sheet' && o.formulaSource !== 'recreated')
    out.push(bad(lang, `formulaSource = ${String(o.formulaSource)}`));
  if (o.period !== undefined && o.period !== null && !['day', 'week', 'month'].includes(o.period))
    out.push(bad(lang, `period = ${String(o.period)}`));
  if (o.grossMargin !== undefined && !(Number.isFinite(o.grossMargin) && o.grossMargin >= 0))
    out.push(bad(lang, `grossMargin = ${String(o.grossMargin)}`));
  if (typeof o.sourceName !== 'string') out.push(bad(lang, 'sourceName'));
  if (!Array.isArray(grid) && !isTable(grid)) out.push(bad(lang, 'grid'));
  return out;
}

export function buildReport(cells: Grid | Table, given: ReportOptions): ReportResult {
  const read = analyseForReport(cells, given);
  return read.ok ? reportFromAnalysis(read.table, given, read.analysis) : read;
}

/** The options checked and the cells analysed: the first half of buildReport. */
export function analyseForReport(
  cells: Grid | Table,
  options: ReportOptions,
):
  | { readonly ok: true; readonly table: Table; readonly analysis: Analysis }
  | { readonly ok: false; readonly problems: readonly InputProblem[] } {
  const optionProblems = checkOptions(cells, options);
  if (optionProblems.length > 0) return { ok: false, problems: optionProblems };
  const table = asTable(cells);
  const read = analyse(table, options);
  return read.ok ? { ok: true, table, analysis: read.analysis } : read;
}

/**
 * The column the report groups by: options.groupBy (null: none), else the channel column, else the
 * campaign column; a problem where options.groupBy names no text column.
 */
export function groupColumnOf(
  analysis: Analysis,
  options: Pick<ReportOptions, 'groupBy' | 'lang'>,
):
  | { readonly ok: true; readonly column: number | null }
  | { readonly ok: false; readonly problem: InputProblem } {
  if (options.groupBy === null) return { ok: true, column: null };
  if (options.groupBy === undefined) {
    const dim = (d: string) =>
      analysis.mapping.find((m) => m.role.kind === 'dimension' && m.role.dimension === d)?.index ?? null;
    return { ok: true, column: dim('channel') ?? dim('campaign') };
  }
  const c = options.groupBy;
  const role = analysis.mapping[c]?.role;
  if (!Number.isInteger(c) || !role || role.kind === 'measure')
    return { ok: false, problem: badGroupBy(analysis, c, options.lang) };
  return { ok: true, column: c };
}

/**
 * The second half of buildReport, for a caller that needs the analysis too (the DuckDB engine),
 * so that the cells are analysed once: `analysis` must be analyse(grid, given)'s.
 */
export function reportFromAnalysis(grid: Table, given: ReportOptions, analysis: Analysis): ReportResult {
  let options = given;
  const lang = options.lang;
  // Attribution: a path export in options.paths, or the source itself (then no KPI is needed).
  const paths = attributionSection({
    lang,
    main: { table: grid, analysis, sheet: options.sourceName },
    ...(options.paths ? { paths: options.paths } : {}),
  });
  if (paths && !paths.ok) return paths;
  const pathsOnly = paths?.ok === true && paths.section.source.isMain;
  const choice =
    options.profile === undefined && options.chooseProfile ? chooseProfile(analysis, lang) : null;
  if (choice) options = { ...options, profile: choice.profile };
  const measureIndex = new Map<MeasureId, number>(analysis.measures.map((m, i) => [m.measure, i]));

  // Grouping.
  const grouping = groupColumnOf(analysis, options);
  if (!grouping.ok) return { ok: false, problems: [grouping.problem] };
  let groupColumn = grouping.column;
  // A path export read as the report's own data: its path column is the attribution's, not a group.
  if (
    options.groupBy === undefined &&
    paths?.ok &&
    pathsOnly &&
    groupColumn === paths.section.source.path.index
  )
    groupColumn = null;

  // Periods.
  const date = analysis.date;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const distinct = new Set<number>();
  if (date) {
    for (const d of date.days) {
      if (Number.isNaN(d)) continue;
      if (d < first) first = d;
      if (d > last) last = d;
      if (distinct.size < 2) distinct.add(d);
    }
  }
  const hasDates = date !== null && first <= last;
  let periodKind: PeriodKind | null = null;
  if (hasDates && options.period !== null)
    periodKind = options.period ?? (distinct.size >= 2 ? inferPeriod(first, last) : null);
  // A stray date (a typo year) must not make a table of thousands of periods: coarsen, or leave it out.
  while (periodKind && (last - first) / PERIOD_DAYS[periodKind] > MAX_PERIODS) {
    periodKind = periodKind === 'day' ? 'week' : periodKind === 'week' ? 'month' : null;
  }
  const calendar: Calendar = date?.calendar ?? 'gregorian';
  const periodSpans = periodKind
    ? periodsBetween(first, last, periodKind, calendar, options.weekStartsOn ?? WEEK_START[lang])
    : [];

  // Currency: the first money column that names one.
  const currency = analysis.measures.find((m) => m.currency)?.currency ?? null;

  const planning = planKpis(new Set(measureIndex.keys()), {
    lang,
    ...(options.kpis ? { kpis: options.kpis } : {}),
    ...(options.grossMargin !== undefined ? { grossMargin: options.grossMargin } : {}),
    profile: options.profile ?? null,
    targets: options.targets ?? [],
    currency,
  });
  if (planning.unknown.length > 0)
    return { ok: false, problems: [bad(lang, `kpis: ${planning.unknown.join(', ')}`)] };
  const plans = planning.plans;
  // Nothing to compute (only sums of unrelated columns): a KPI report of blanks would look like a
  // result; say what the columns can and cannot give instead. A template's chosen KPIs aside.
  if (plans.length === 0 && options.kpis === undefined && !pathsOnly)
    return { ok: false, problems: [noKpi(analysis, lang)] };

  const groups: Groups | null = groupColumn === null ? null : groupRows(grid, analysis.dataRows, groupColumn);
  const periodIndex = date && periodSpans.length > 0 ? periodRows(date.days, periodSpans) : null;
  const agg = aggregate(analysis, groups, periodIndex, periodSpans.length);

  const M = analysis.measures.length;
  const sumsAt =
    (s: Sums, slot: number) =>
    (m: MeasureId): number | null => {
      const i = measureIndex.get(m);
      if (i === undefined) return null;
      const k = slot * M + i;
      return (s.count[k] as number) > 0 ? (s.sum[k] as number) : null;
    };
  const metricRow = (rowLabel: string, s: Sums, slot: number): MetricRow => {
    const get = sumsAt(s, slot);
    const measures: Partial<Record<MeasureId, number>> = {};
    for (const m of analysis.measures) {
      const v = get(m.measure);
      if (v !== null) measures[m.measure] = v;
    }
    const kpis: KpiValue[] = plans.map((plan) => {
      const value = kpiValue(plan, get);
      return { kpi: plan.def.id, value, ...judge(plan, value) };
    });
    return { label: rowLabel, measures, kpis, rows: s.rows[slot] as number };
  };

  const totals = metricRow(label('total', lang), agg.total, 0);
  const groupRowsOut =
    groups && agg.groups ? groups.labels.map((l, g) => metricRow(l, agg.groups as Sums, g)) : [];
  const periods: PeriodRow[] = [];
  if (agg.periods) {
    periodSpans.forEach((span, i) => {
      const row = metricRow(
        periodText(span.start, periodKind as PeriodKind, calendar, lang),
        agg.periods as Sums,
        i,
      );
      const prev = periods[i - 1];
      const change: Record<string, number | null> = {};
      for (const m of analysis.measures)
        change[m.measure] = pctChange(row.measures[m.measure], prev?.measures[m.measure]);
      row.kpis.forEach((k, j) => {
        change[k.kpi] = pctChange(k.value, prev?.kpis[j]?.value);
      });
      periods.push({ ...row, start: isoOfDay(span.start), end: isoOfDay(span.end), change });
    });
  }

  // Zero denominators: a warning per KPI; no KPI at all is a problem.
  const warnings: InputProblem[] = [];
  for (const [j, plan] of plans.entries()) {
    if (totals.kpis[j]?.value !== null) continue;
    const get = sumsAt(agg.total, 0);
    if (plan.inputs.some((u) => get(u.measure) === null)) continue;
    const den = denominatorsOf(plan.expr)[0];
    const use = den && 'ref' in den ? plan.inputs.find((u) => u.input === den.ref) : undefined;
    const col = use ? analysis.measures.find((m) => m.measure === use.measure) : undefined;
    const letter = col ? columnLetter(col.index) : '';
    const header = col ? (analysis.headers[col.index] as string) : '';
    warnings.push({
      code: 'all-zero-denominators',
      message: label('zeroDenMsg', lang, {
        kpi: plan.def.names[lang],
        den: use ? MEASURES[use.measure].names[lang] : '',
        col: letter,
        header,
      }),
      hint: label('zeroDenHint', lang, { col: letter }),
      ...(col ? { column: { letter, header } } : {}),
    });
  }
  if (plans.length > 0 && warnings.length === plans.length) {
    return {
      ok: false,
      problems: [
        {
          code: 'all-zero-denominators',
          message: label('allZeroMsg', lang),
          hint: allZeroHint(plans, warnings, lang),
        },
        ...warnings,
      ],
    };
  }

  // Where formulas can be live.
  const live = options.formulas !== 'values';
  const recreated = options.formulaSource === 'recreated';
  const notes: DataNote[] = [];
  if (choice)
    notes.push({ message: label('profileChosen', lang, { p: choice.profile.names[lang], why: choice.why }) });
  // An error cell (#N/A, #REF!…) makes SUM and SUMIFS give the error: such a column gets values.
  const errorRows = analysis.measures.map((m) =>
    m.notNumberRows.filter((r) => isSheetError(grid.cell(r, m.index))),
  );
  const measureLive = analysis.measures.map(
    (m, i) =>
      live && !m.derived && (recreated || (!m.textNumbers && (errorRows[i] as number[]).length === 0)),
  );
  if (live && !recreated) {
    analysis.measures.forEach((m, i) => {
      const rows = (errorRows[i] as number[]).map((r) => r + 1);
      if (rows.length === 0) return;
      const codes = [...new Set(rows.map((r) => String(grid.cell(r - 1, m.index)).trim()))];
      notes.push({
        message: label('errorCells', lang, {
          col: columnLetter(m.index),
          header: analysis.headers[m.index] as string,
          errors: codes.join(', '),
          rows: rowList(rows),
        }),
        rows,
        column: columnLetter(m.index),
      });
    });
  }
  // Each SUMIFS reads every data row: past a budget, a table of them would make the sheet crawl.
  const rowsRead = analysis.dataRows.length;
  const groupsAffordable = groups === null || groups.labels.length * rowsRead <= SUMIFS_BUDGET;
  const periodsAffordable = periodSpans.length * rowsRead <= SUMIFS_BUDGET;
  const groupLive = groups
    ? groups.labels.map(
        (l, g) =>
          live &&
          groupsAffordable &&
          l !== '' &&
          !/^[=<>]/.test(l) &&
          plainTextCriterion(l) &&
          (recreated || (groups.exact[g] as boolean)),
      )
    : [];
  const dateLive = live && periodsAffordable && date !== null && (recreated || date.allDateObjects);
  if (live && (!groupsAffordable || (!periodsAffordable && periods.length > 0))) {
    notes.push({
      message: label('tooManyFormulas', lang, {
        n: !groupsAffordable ? (groups?.labels.length ?? 0) : periods.length,
      }),
    });
  }
  const cuts = cutRows(grid, analysis);

  addDataNotes(notes, analysis, plans, lang, {
    live,
    recreated,
    periods: periods.length > 0,
    groupColumn,
    groupLive: groupsAffordable ? groupLive : [],
  });

  const computed: Computed = {
    options,
    lang,
    analysis,
    plans,
    notComputed: planning.notComputed.map((nc) => withRateNote(nc, analysis, lang)),
    totals,
    groups: groupRowsOut,
    groupColumn,
    groupLive,
    periods,
    periodKind,
    periodSpans,
    calendar,
    dateSpan: hasDates ? { first, last } : null,
    dateLive,
    measureLive,
    live,
    cuts,
    currency,
    notes,
    ...(choice ? { profileWhy: choice.why } : {}),
    attribution: paths?.ok
      ? attributionPart(paths.section, { lang, live, excel: recreated, sourceName: options.sourceName })
      : null,
  };
  const rendering = layout(computed);

  const sourceName = options.sourceName;
  const prefix = label('sheetPrefix', lang);
  const sheetName = options.sheetName ?? sheetNameFor(prefix, sourceName);
  let source: ReportModel['cleanSource'] | undefined;
  const model: ReportModel = {
    version: REPORT_MODEL_VERSION,
    lang,
    rtl: isRtl(lang),
    sheetName,
    title: label('title', lang, { source: sourceName }),
    sourceName,
    headerRow: analysis.headerRow,
    dataRows: analysis.dataRows,
    dateRange: hasDates ? { from: isoOfDay(first), to: isoOfDay(last) } : null,
    currency,
    platform: analysis.platform,
    decimalMark: analysis.numberStyle.mattered ? analysis.numberStyle.mark : null,
    mapping: analysis.mapping,
    groupBy:
      groupColumn === null ? null : { column: groupColumn, header: analysis.headers[groupColumn] as string },
    period: periods.length > 0 ? periodKind : null,
    profile: options.profile
      ? {
          id: options.profile.id,
          name: options.profile.names[lang],
          ...(choice ? { chosenBecause: choice.why } : {}),
        }
      : null,
    template: options.template ?? null,
    ...(options.brand ? { brand: options.brand } : {}),
    kpis: plans.map((p) => p.def.id),
    kpiInputs: Object.fromEntries(
      plans.map((p) => [p.def.id, Object.fromEntries(p.inputs.map((u) => [u.input, u.measure]))]),
    ),
    totals,
    groups: groupRowsOut,
    periods,
    notComputed: computed.notComputed,
    legend: rendering.legend,
    notes,
    blocks: rendering.blocks,
    rules: rendering.rules,
    charts: rendering.charts,
    frozenRows: rendering.frozenRows,
    columnWidths: rendering.columnWidths,
    print: rendering.print,
    liveFormulas: rendering.liveFormulas,
    ...(computed.attribution ? { attribution: computed.attribution } : {}),
    // Only a writer that recreates the source reads it: a JSON-only run never builds it.
    get cleanSource() {
      source ??= cleanSource(grid, analysis, groups, groupColumn);
      return source;
    },
  };
  return { ok: true, model, warnings };
}

function pctChange(cur: number | null | undefined, prev: number | null | undefined): number | null {
  if (cur === null || cur === undefined || prev === null || prev === undefined || prev === 0) return null;
  return (cur - prev) / prev;
}

/** Sheet names: at most 31 characters, none of []*?/\: (xlsx rules, which Sheets accepts too). */
function sheetNameFor(prefix: string, source: string): string {
  const clean = source.replace(/[[\]*?/\\:]/g, ' ').trim();
  const room = 31 - prefix.length - 3;
  return `${prefix} – ${clean.length > room ? clean.slice(0, Math.max(0, room)) : clean}`.trim();
}

/** Excluded rows that hold a number in a measure column: SUM must skip them. */
function cutRows(grid: Table, analysis: Analysis): number[] {
  const out: number[] = [];
  for (const { row } of analysis.excluded) {
    const cells = grid.row(row);
    if (analysis.measures.some((m) => typeof cells[m.index] === 'number' || isDate(cells[m.index])))
      out.push(row);
  }
  return out;
}

function withRateNote(nc: KpiNotComputed, analysis: Analysis, lang: Lang): KpiNotComputed {
  const rate = analysis.mapping.find((m) => m.role.kind === 'precomputed' && m.role.kpi === nc.kpi);
  if (!rate) return nc;
  return {
    ...nc,
    message: nc.message + label('kpiOnlyRate', lang, { col: `${rate.letter} "${rate.header}"` }),
  };
}

function addDataNotes(
  notes: DataNote[],
  analysis: Analysis,
  plans: readonly KpiPlan[],
  lang: Lang,
  ctx: {
    live: boolean;
    recreated: boolean;
    periods: boolean;
    groupColumn: number | null;
    groupLive: readonly boolean[];
  },
): void {
  notes.push(...readingNotes(analysis, lang));
  const col = (m: { index: number }) => ({
    col: columnLetter(m.index),
    header: analysis.headers[m.index] as string,
  });
  for (const m of analysis.measures) {
    if (m.notNumberRows.length > 0) {
      const rows = m.notNumberRows.map((r) => r + 1);
      notes.push({
        message: label('notNumbers', lang, { ...col(m), n: rows.length, rows: rowList(rows) }),
        rows,
        column: columnLetter(m.index),
      });
    }
    if (ctx.live && !ctx.recreated && m.textNumbers) {
      notes.push({ message: label('textNumbers', lang, col(m)), column: columnLetter(m.index) });
    }
  }
  for (const m of analysis.mapping) {
    if (m.role.kind === 'precomputed')
      notes.push({ message: label('rateColumn', lang, col(m)), column: m.letter });
  }
  if (analysis.measures.some((m: MeasureColumn) => m.measure === 'reach'))
    notes.push({ message: label('reachSum', lang) });
  const date = analysis.date;
  if (date) {
    if (date.badRows.length > 0) {
      const rows = date.badRows.map((r) => r + 1);
      notes.push({
        message: label('badDates', lang, { ...col(date), n: rows.length, rows: rowList(rows) }),
        rows,
        column: columnLetter(date.index),
      });
    }
    if (date.order?.assumed) {
      notes.push({
        message: label('dayOrderAssumed', lang, {
          ...col(date),
          order: date.order.order === 'dmy' ? 'dd/mm/yyyy' : 'mm/dd/yyyy',
        }),
        column: columnLetter(date.index),
      });
    }
    if (ctx.live && !ctx.recreated && ctx.periods && !date.allDateObjects) {
      notes.push({ message: label('textDates', lang, col(date)), column: columnLetter(date.index) });
    }
  }
  if (ctx.live && ctx.groupColumn !== null && ctx.groupLive.some((x) => !x)) {
    notes.push({
      message: label('groupValues', lang, col({ index: ctx.groupColumn })),
      column: columnLetter(ctx.groupColumn),
    });
  }
  for (const plan of plans) {
    // Say which measure fed an input when it is not the registry's first choice (conversion rate per clicks).
    const fallback = plan.inputs.filter((u) => !u.preferred);
    if (fallback.length === 0) continue;
    const preferred = fallback
      .map((u) => plan.def.inputs.find((i) => i.name === u.input)?.measures?.[0])
      .filter((m): m is MeasureId => m !== undefined)
      .map((m) => MEASURES[m].names[lang])
      .join(label('or', lang));
    notes.push({ message: label('denominatorUsed', lang, { preferred, formula: formulaNote(plan, lang) }) });
  }
}

/**
 * The source as a writer that recreates it needs: numbers written as text read, text dates as
 * UTC-midnight Dates, group names trimmed. Rows that need no change are shared, not copied, so a
 * clean 1,000,000-row grid costs no allocation here.
 */
function cleanSource(
  grid: Table,
  analysis: Analysis,
  groups: Groups | null,
  groupColumn: number | null,
): (readonly (string | number | Date | null)[])[] {
  const width = analysis.width;
  const out: (readonly (string | number | Date | null)[])[] = new Array(grid.length);
  // A RowTable's rows are the caller's arrays, shared until a cell changes; other tables make
  // each row anew, so it is ours to change.
  const shared = grid instanceof RowTable;
  const plain = (v: unknown): string | number | Date | null =>
    v === null || v === undefined
      ? null
      : typeof v === 'number' || typeof v === 'string' || isDate(v)
        ? v
        : String(v);
  /** Row r's cells as plain values, `length` of them (the full width for a row that gets values). */
  const copy = (r: number, length = width): (string | number | Date | null)[] => {
    const row: (string | number | Date | null)[] = new Array(length);
    for (let c = 0; c < length; c++) row[c] = plain(grid.cell(r, c));
    return row;
  };
  // A row may be shorter than the widest one (an .xlsx row ends at its last value): it stays as
  // short, so a lone cell at XFD1048576 costs one long row, not a million.
  const clean = (src: readonly unknown[]): src is readonly (string | number | Date)[] => {
    if (src.length > width) return false;
    for (const v of src) if (typeof v !== 'string' && typeof v !== 'number' && !isDate(v)) return false;
    return true;
  };
  for (let r = 0; r < grid.length; r++) {
    const src = grid.row(r);
    out[r] = clean(src) ? src : copy(r, Math.min(src.length, width));
  }
  /** Row r, to be changed: copied first when it is still the caller's row or too short. */
  const writable = (r: number): (string | number | Date | null)[] => {
    const current = out[r] as (string | number | Date | null)[];
    return (shared && current === grid.row(r)) || current.length < width ? copy(r) : current;
  };
  const date = analysis.date;
  const writeGroups = groups !== null && groupColumn !== null && groupColumn !== date?.index;
  const rows = analysis.dataRows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const src = out[r] as readonly (string | number | Date | null)[];
    let row: (string | number | Date | null)[] | null = null;
    for (const m of analysis.measures) {
      const x = m.values[i] as number;
      // A derived measure (orders from order ids) is not what its source column holds.
      if (m.derived || Number.isNaN(x) || src[m.index] === x) continue;
      row ??= writable(r);
      row[m.index] = x;
    }
    if (date) {
      const d = date.days[i] as number;
      if (!Number.isNaN(d) && !isDate(src[date.index])) {
        row ??= writable(r);
        row[date.index] = new Date(d * 86_400_000);
      }
    }
    if (writeGroups) {
      const text = groups.labels[groups.index[i] as number] as string;
      const want = text === '' ? null : text;
      if ((src[groupColumn] ?? null) !== want) {
        row ??= writable(r);
        row[groupColumn] = want;
      }
    }
    if (row) out[r] = row;
  }
  return out;
}

/** No KPI at all: the measures that were read, and what the commonest KPIs would need. */
function noKpi(analysis: Analysis, lang: Lang): InputProblem {
  const read = analysis.measures
    .map(
      (m) => `${columnLetter(m.index)} ("${analysis.headers[m.index]}") ${MEASURES[m.measure].names[lang]}`,
    )
    .join(', ');
  return {
    code: 'no-kpi',
    message: label('noKpiMsg', lang, { cols: read }),
    hint: label('noKpiHint', lang),
    cliHint: label('noKpiHintCli', lang),
  };
}

/** Every zero column (letter and header) and every KPI it leaves without a value. */
function allZeroHint(plans: readonly KpiPlan[], warnings: readonly InputProblem[], lang: Lang): string {
  const cols = new Set<string>();
  for (const w of warnings) if (w.column) cols.add(`${w.column.letter} ("${w.column.header}")`);
  const kpis = plans.map((p) => p.def.names[lang]);
  return label('allZeroHint', lang, { cols: [...cols].join(', '), kpis: kpis.join(', ') });
}
