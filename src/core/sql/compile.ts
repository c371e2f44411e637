/**
 * The report plan as one SQL query: every measure summed over all rows, per group and per
 * period, and every KPI computed from those sums through the registry's `expr` (sum, then
 * divide; a zero denominator gives NULL). The engine's group key (trimmed, whitespace collapsed,
 * case-folded text) and its periods (explicit boundaries, so any calendar works) are the query's.
 */
import type { Expr } from '../kpi/expr';
import type { MeasureId } from '../kpi/measures';
import { type DateFormat, type Dialect, type DialectId, dialectById } from './dialect';

export interface SqlMeasure {
  readonly measure: MeasureId;
  /** The source column's name, exactly as the table (or file header) has it. */
  readonly column: string;
}

export interface SqlKpi {
  readonly id: string;
  /** The registry expr, constants (gross margin) substituted: KpiPlan.expr. */
  readonly expr: Expr;
  /** Each ref of `expr` → the measure whose sum feeds it. */
  readonly inputs: Readonly<Record<string, MeasureId>>;
}

export type SqlSource =
  /** A table path as the user gives it (`project.dataset.events_*`). */
  | { readonly table: string }
  /** A relation written by Mizan itself (read_csv(…) with escaped literals): never user text. */
  | { readonly relation: string };

export interface ReportSql {
  readonly source: SqlSource;
  readonly measures: readonly SqlMeasure[];
  readonly group: { readonly column: string } | null;
  readonly date: { readonly column: string; readonly format: DateFormat } | null;
  /** Period boundaries as epoch days [start, end), in order (periodsBetween). */
  readonly periods: readonly { readonly start: number; readonly end: number }[];
  readonly kpis: readonly SqlKpi[];
  /**
   * A column holding how many source rows each row stands for (rows already summed by
   * (group, day), as `--engine duckdb` does): row counts are its sum instead of COUNT(*).
   */
  readonly weight?: string;
}

/** The result's columns besides one per measure and one per KPI. */
export const LEVEL = 'level';
export const GROUP_LABEL = 'group_label';
export const GROUP_KEY = 'group_key';
export const PERIOD_START = 'period_start';
export const PERIOD_END = 'period_end';
export const ROW_COUNT = 'row_count';

/** Output column names: measure ids, KPI ids (a KPI id equal to a measure's gets "_kpi"). */
export function outputNames(spec: Pick<ReportSql, 'measures' | 'kpis'>): {
  measures: string[];
  kpis: string[];
} {
  const measures = spec.measures.map((m) => m.measure as string);
  const taken = new Set<string>([
    ...measures,
    LEVEL,
    GROUP_LABEL,
    GROUP_KEY,
    PERIOD_START,
    PERIOD_END,
    ROW_COUNT,
  ]);
  const kpis = spec.kpis.map((k) => (taken.has(k.id) ? `${k.id}_kpi` : k.id));
  return { measures, kpis };
}

/** A number literal both dialects read as a number (negative ones in brackets). */
function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`A KPI constant is not a finite number: ${n}`);
  const text = String(Math.abs(n));
  return n < 0 ? `(-${text})` : text;
}

/** The expr over summed measures, each ref replaced by its sum's column. */
export function kpiSql(expr: Expr, sumOf: (ref: string) => string, d: Dialect): string {
  if ('ref' in expr) return sumOf(expr.ref);
  if ('num' in expr) return numberLiteral(expr.num);
  const a = kpiSql(expr.a, sumOf, d);
  const b = kpiSql(expr.b, sumOf, d);
  if (expr.op === '/') return d.divide(a, b);
  return `(${a} ${expr.op} ${b})`;
}

function checkSpec(spec: ReportSql): void {
  const measures = new Set(spec.measures.map((m) => m.measure));
  if (measures.size !== spec.measures.length) throw new Error('A measure is given twice');
  for (const k of spec.kpis) {
    for (const [input, measure] of Object.entries(k.inputs)) {
      if (!measures.has(measure))
        throw new Error(`KPI ${k.id}: input ${input} needs ${measure}, not a column here`);
    }
  }
  spec.periods.forEach((p, i) => {
    const prev = spec.periods[i - 1];
    if (
      !(Number.isInteger(p.start) && Number.isInteger(p.end) && p.start < p.end) ||
      (prev && prev.end !== p.start)
    )
      throw new Error('Periods must be contiguous whole-day intervals');
  });
}

/** One query returning the total row, one row per group and one per period. */
export function compileReportSql(spec: ReportSql, dialectId: DialectId): string {
  checkSpec(spec);
  const d = dialectById(dialectId);
  const q = d.ident;
  const names = outputNames(spec);
  const sumCol = (i: number) => `s${i}`;
  const src = 'table' in spec.source ? d.table(spec.source.table) : `${spec.source.relation}`;

  // Source rows: each measure as a double, the group key and its label, the day.
  const cols: string[] = [spec.weight === undefined ? '1 AS one' : `${q(spec.weight)} AS one`];
  spec.measures.forEach((m, i) => {
    cols.push(`${d.toDouble(q(m.column))} AS m${i}`);
  });
  if (spec.group) {
    const label = `TRIM(${d.collapseSpace(`COALESCE(${d.toText(q(spec.group.column))}, '')`)}, ' ')`;
    cols.push(`${label} AS g_label`, `LOWER(${label}) AS g_key`);
  }
  if (spec.date) cols.push(`${d.toDate(q(spec.date.column), spec.date.format)} AS day`);

  // Each row counts as `one` rows (1 without a weight column).
  const count = (prefix: string) => (spec.weight === undefined ? 'COUNT(*)' : `SUM(${prefix}one)`);
  const sums = (prefix: string) =>
    spec.measures.map((_, i) => `SUM(${prefix}m${i}) AS ${sumCol(i)}`).join(', ');
  const nullText = `CAST(NULL AS ${d.textType})`;
  const nullDate = 'CAST(NULL AS DATE)';
  const level = (name: string) => d.text(name);
  const parts: string[] = [
    `SELECT ${level('total')} AS ${LEVEL}, 0 AS ord, ${nullText} AS g_key, ${nullText} AS g_label, ` +
      `${nullDate} AS p_start, ${nullDate} AS p_end, ${count('')} AS n${spec.measures.length ? `, ${sums('')}` : ''} FROM mizan_rows`,
  ];
  if (spec.group) {
    parts.push(
      `SELECT ${level('group')}, 1, g_key, MIN(g_label), ${nullDate}, ${nullDate}, ${count('')}` +
        `${spec.measures.length ? `, ${sums('')}` : ''} FROM mizan_rows GROUP BY g_key`,
    );
  }
  const withPeriods = spec.date !== null && spec.periods.length > 0;
  if (withPeriods) {
    // Every period appears, an empty one with 0 rows and NULL sums. Rows find their period by an
    // inner range join; the boundaries then meet the sums by an outer join on an equality only,
    // which every engine accepts (an outer join on a range alone is refused by some).
    parts.push(
      `SELECT ${level('period')}, 2, ${nullText}, ${nullText}, b.start_day, b.end_day, COALESCE(mizan_per.n, 0)` +
        `${spec.measures.map((_, i) => `, mizan_per.${sumCol(i)}`).join('')} FROM mizan_bounds AS b LEFT JOIN mizan_per ON mizan_per.idx = b.idx`,
    );
  }
  const refSum = (k: SqlKpi) => (ref: string) => {
    const measure = k.inputs[ref];
    const i = spec.measures.findIndex((m) => m.measure === measure);
    if (i < 0) throw new Error(`KPI ${k.id}: no measure for ${ref}`);
    return sumCol(i);
  };
  const outputs = [
    LEVEL,
    `g_key AS ${q(GROUP_KEY)}`,
    `g_label AS ${q(GROUP_LABEL)}`,
    `p_start AS ${q(PERIOD_START)}`,
    `p_end AS ${q(PERIOD_END)}`,
    `n AS ${q(ROW_COUNT)}`,
    ...spec.measures.map((_, i) => `${sumCol(i)} AS ${q(names.measures[i] as string)}`),
    ...spec.kpis.map((k, j) => `${kpiSql(k.expr, refSum(k), d)} AS ${q(names.kpis[j] as string)}`),
  ];
  const periodCtes = withPeriods
    ? [
        `), mizan_bounds AS (`,
        `  SELECT idx, start_day, end_day FROM ${d.periods(spec.periods, 'p')}`,
        '), mizan_per AS (',
        `  SELECT b.idx AS idx, ${count('mizan_rows.')} AS n${spec.measures.length ? `, ${sums('mizan_rows.')}` : ''}`,
        '  FROM mizan_rows JOIN mizan_bounds AS b ON mizan_rows.day >= b.start_day AND mizan_rows.day < b.end_day',
        '  GROUP BY b.idx',
      ]
    : [];
  return [
    'WITH mizan_rows AS (',
    `  SELECT ${cols.join(', ')}`,
    `  FROM ${src}`,
    ...periodCtes,
    '), mizan_sums AS (',
    `  ${parts.join('\n  UNION ALL\n  ')}`,
    ')',
    `SELECT ${outputs.join(',\n  ')}`,
    'FROM mizan_sums',
    'ORDER BY ord, g_key, p_start',
  ].join('\n');
}
