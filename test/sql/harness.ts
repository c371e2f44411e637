/**
 * The JavaScript engine as the CLI runs it, and the compiled query run by DuckDB over the values
 * the engine's readers produced (so currency text, Persian digits and Jalali dates are read once,
 * by us), compared at 1e-9 relative.
 */

import { parseReportArgs } from '../../src/cli/args';
import type { Duck } from '../../src/cli/duckdb';
import { reportOptions } from '../../src/cli/main';
import { readInput } from '../../src/cli/read-input';
import { isoOfDay } from '../../src/core/dates/parse-date';
import { type Analysis, analyse } from '../../src/core/detect/analyse';
import { buildReport } from '../../src/core/report';
import type { ReportModel } from '../../src/core/report/model';
import type { ReportOptions } from '../../src/core/report/options';
import {
  compareWithModel,
  compileReportSql,
  type Mismatch,
  type ReportSql,
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

export { close, compareWithModel, type Mismatch } from '../../src/core/sql';

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
