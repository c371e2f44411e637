/**
 * The compiled query's rows against a report model: every total, group and period, row counts,
 * measures and KPIs, to 1e-9 relative. The equivalence tests and `--engine duckdb`'s own
 * cross-check both use it.
 */
import type { MetricRow, ReportModel } from '../report/model';
import { GROUP_KEY, outputNames, PERIOD_START, type ReportSql, ROW_COUNT } from './compile';

export type SqlRow = Readonly<Record<string, unknown>>;

export interface Mismatch {
  readonly where: string;
  readonly js: unknown;
  readonly sql: unknown;
}

/** Relative difference within 1e-9 (absolute near zero), nulls equal only to nulls. */
export function close(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A query value as a number (DuckDB gives BIGINT and HUGEINT sums as bigint). */
export function sqlNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'bigint' ? Number(v) : (v as number);
}

function compareRow(
  where: string,
  js: MetricRow,
  sql: SqlRow,
  spec: ReportSql,
  out: Mismatch[],
  rows: boolean,
): void {
  const names = outputNames(spec);
  if (rows && sqlNumber(sql[ROW_COUNT]) !== js.rows)
    out.push({ where: `${where} rows`, js: js.rows, sql: sql[ROW_COUNT] });
  spec.measures.forEach((m, i) => {
    const v = sqlNumber(sql[names.measures[i] as string]);
    if (!close(js.measures[m.measure] ?? null, v))
      out.push({ where: `${where} ${m.measure}`, js: js.measures[m.measure], sql: v });
  });
  spec.kpis.forEach((k, j) => {
    const v = sqlNumber(sql[names.kpis[j] as string]);
    const want = js.kpis.find((x) => x.kpi === k.id)?.value ?? null;
    if (!close(want, v)) out.push({ where: `${where} ${k.id}`, js: want, sql: v });
  });
}

/** The query's row for each level of the model (undefined where the query has none). */
export function levelRows(
  model: ReportModel,
  rows: readonly SqlRow[],
): {
  total: SqlRow | undefined;
  groups: (SqlRow | undefined)[];
  periods: (SqlRow | undefined)[];
  counts: { total: number; groups: number; periods: number };
} {
  const at = (level: string) => rows.filter((r) => r.level === level);
  const groups = at('group');
  const periods = at('period');
  const dayOf = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : null);
  return {
    total: at('total')[0],
    groups: model.groups.map((g) => groups.find((r) => r[GROUP_KEY] === g.label.toLowerCase())),
    periods: model.periods.map((p) => periods.find((r) => dayOf(r[PERIOD_START]) === p.start)),
    counts: { total: at('total').length, groups: groups.length, periods: periods.length },
  };
}

/**
 * Every total, group and period of the model against the query's rows. `rows: false` leaves row
 * counts out (a model built from rows already summed counts those rows, not the source's).
 */
export function compareWithModel(
  model: ReportModel,
  rows: readonly SqlRow[],
  spec: ReportSql,
  { rows: withRows = true } = {},
): Mismatch[] {
  const out: Mismatch[] = [];
  const found = levelRows(model, rows);
  if (found.counts.total !== 1 || !found.total)
    return [{ where: 'total rows', js: 1, sql: found.counts.total }];
  compareRow('total', model.totals, found.total, spec, out, withRows);
  if (found.counts.groups !== model.groups.length)
    out.push({ where: 'group count', js: model.groups.length, sql: found.counts.groups });
  model.groups.forEach((g, i) => {
    const row = found.groups[i];
    if (!row) out.push({ where: `group "${g.label}"`, js: 'present', sql: 'missing' });
    else compareRow(`group "${g.label}"`, g, row, spec, out, withRows);
  });
  if (found.counts.periods !== model.periods.length)
    out.push({ where: 'period count', js: model.periods.length, sql: found.counts.periods });
  model.periods.forEach((p, i) => {
    const row = found.periods[i];
    if (!row) out.push({ where: `period ${p.start}`, js: 'present', sql: 'missing' });
    else compareRow(`period ${p.start}`, p, row, spec, out, withRows);
  });
  return out;
}
