/**
 * The JavaScript engine as the CLI runs it, and the compiled query run by DuckDB over the values
 * the engine's readers produced (so currency text, Persian digits and Jalali dates are read once,
 * by us), compared at 1e-9 relative.
 */

import { parseReportArgs } from '../../src/cli/args';
import type { Duck, DuckRow } from '../../src/cli/duckdb';
import { reportOptions } from '../../src/cli/main';
import { readInput } from '../../src/cli/read-input';
import { isoOfDay } from '../../src/core/dates/parse-date';
import { type Analysis, analyse } from '../../src/core/detect/analyse';
import { buildReport } from '../../src/core/report';
import type { MetricRow, ReportModel } from '../../src/core/report/model';
import type { ReportOptions } from '../../src/core/report/options';
import {
  compileReportSql,
  GROUP_KEY,
  outputNames,
  PERIOD_START,
  type ReportSql,
  ROW_COUNT,
  reportSqlFromModel,
} from '../../src/core/sql';
import { asTable, type Grid, type Table } from '../../src/core/table/table';

export interface JsRun {
  readonly table: Table;
  readonly options: ReportOptions;
  readonly model: ReportModel;
  readonly analysis: Analysis;
}

/** `mizan report <file>` without options: the CLI's reader and option code, then the engine. */
export async function jsRun(file: string): Promise<JsRun | { refused: string }> {
  const read = await readInput(file);
  if (!read.ok) return { refused: read.message };
  const parsed = parseReportArgs([file]);
  if (!parsed.ok) throw new Error(parsed.message);
  const { options } = reportOptions(parsed.args, read.data, undefined, undefined);
  return jsRunGrid(read.data.table, options);
}

export function jsRunGrid(cells: Grid | Table, options: ReportOptions): JsRun | { refused: string } {
  const table = asTable(cells);
  const result = buildReport(table, options);
  if (!result.ok) return { refused: result.problems.map((p) => p.message).join('; ') };
  const read = analyse(table, options);
  if (!read.ok) throw new Error('analyse refused what buildReport accepted');
  return { table, options, model: result.model, analysis: read.analysis };
}

/**
 * A table named `name` holding the engine's readings of the columns the SQL reads, under the
 * file's own headers: measures as DOUBLE (NULL where no number), the group column's raw text, the
 * date column as ISO text of the day the engine read.
 */
export async function loadEngineValues(duck: Duck, name: string, run: JsRun, spec: ReportSql): Promise<void> {
  const { analysis, table } = run;
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const cols: string[] = [];
  const cell: ((i: number) => number | string | null)[] = [];
  analysis.measures.forEach((m) => {
    cols.push(`${q(analysis.headers[m.index] as string)} DOUBLE`);
    cell.push((i) => (Number.isNaN(m.values[i] as number) ? null : (m.values[i] as number)));
  });
  if (spec.group) {
    const c = run.model.groupBy?.column as number;
    cols.push(`${q(spec.group.column)} VARCHAR`);
    cell.push((i) => {
      const v = table.cell(analysis.dataRows[i] as number, c);
      return v === null || v === undefined ? null : String(v);
    });
  }
  const date = analysis.date;
  if (spec.date && date) {
    cols.push(`${q(spec.date.column)} VARCHAR`);
    cell.push((i) => (Number.isNaN(date.days[i] as number) ? null : isoOfDay(date.days[i] as number)));
  }
  await duck.run(`CREATE OR REPLACE TABLE ${q(name)} (${cols.join(', ')})`);
  const rows = function* () {
    for (let i = 0; i < analysis.dataRows.length; i++) yield cell.map((f) => f(i));
  };
  await duck.append(name, rows());
}

export function specOf(run: JsRun, table: string): ReportSql {
  return reportSqlFromModel(
    run.model,
    { table },
    { measures: run.analysis.measures, dateFormat: 'date' },
    run.options.grossMargin !== undefined ? { grossMargin: run.options.grossMargin } : {},
  );
}

/** Relative difference within 1e-9 (absolute near zero), nulls equal only to nulls. */
export function close(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export interface Mismatch {
  readonly where: string;
  readonly js: unknown;
  readonly sql: unknown;
}

function compareRow(where: string, js: MetricRow, sql: DuckRow, spec: ReportSql, out: Mismatch[]): void {
  const names = outputNames(spec);
  if (Number(sql[ROW_COUNT]) !== js.rows)
    out.push({ where: `${where} rows`, js: js.rows, sql: sql[ROW_COUNT] });
  spec.measures.forEach((m, i) => {
    const v = sql[names.measures[i] as string] as number | null;
    if (!close(js.measures[m.measure] ?? null, v))
      out.push({ where: `${where} ${m.measure}`, js: js.measures[m.measure], sql: v });
  });
  spec.kpis.forEach((k, j) => {
    const v = sql[names.kpis[j] as string] as number | null;
    const want = js.kpis.find((x) => x.kpi === k.id)?.value ?? null;
    if (!close(want, v)) out.push({ where: `${where} ${k.id}`, js: want, sql: v });
  });
}

/** Every total, group and period of the model against the query's rows. */
export function compareWithModel(model: ReportModel, rows: readonly DuckRow[], spec: ReportSql): Mismatch[] {
  const out: Mismatch[] = [];
  const at = (level: string) => rows.filter((r) => r.level === level);
  const total = at('total');
  if (total.length !== 1) return [{ where: 'total rows', js: 1, sql: total.length }];
  compareRow('total', model.totals, total[0] as DuckRow, spec, out);
  const groups = at('group');
  if (groups.length !== model.groups.length)
    out.push({ where: 'group count', js: model.groups.length, sql: groups.length });
  for (const g of model.groups) {
    const key = g.label.toLowerCase();
    const row = groups.find((r) => r[GROUP_KEY] === key);
    if (!row) out.push({ where: `group "${g.label}"`, js: 'present', sql: 'missing' });
    else compareRow(`group "${g.label}"`, g, row, spec, out);
  }
  const periods = at('period');
  if (periods.length !== model.periods.length)
    out.push({ where: 'period count', js: model.periods.length, sql: periods.length });
  for (const p of model.periods) {
    const row = periods.find((r) => (r[PERIOD_START] as Date | null)?.toISOString().slice(0, 10) === p.start);
    if (!row) out.push({ where: `period ${p.start}`, js: 'present', sql: 'missing' });
    else compareRow(`period ${p.start}`, p, row, spec, out);
  }
  return out;
}

/** The whole check for one engine run: load, compile, run, compare. */
export async function equivalence(
  duck: Duck,
  run: JsRun,
): Promise<{ spec: ReportSql; mismatches: Mismatch[] }> {
  const spec = specOf(run, 'src');
  await loadEngineValues(duck, 'src', run, spec);
  const rows = await duck.rows(compileReportSql(spec, 'duckdb'));
  return { spec, mismatches: compareWithModel(run.model, rows, spec) };
}
