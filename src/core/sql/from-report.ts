/**
 * The SQL spec of a report the engine has planned: the same measure columns, the same KPIs fed by
 * the same measures (the engine's own plan, re-made with the same options and checked against
 * the model), the same group column and the same period boundaries.
 */
import { epochDay } from '../dates/jalali';
import type { Period } from '../dates/periods';
import type { ColumnMapping } from '../detect/types';
import type { Lang } from '../i18n/lang';
import type { MeasureId } from '../kpi/measures';
import { planKpis } from '../report/kpi-plan';
import type { ReportModel } from '../report/model';
import type { ReportSql, SqlKpi, SqlSource } from './compile';
import type { DateFormat } from './dialect';

export interface SpecColumns {
  readonly mapping: readonly ColumnMapping[];
  /** The summed columns, as the engine read them (MeasureColumn: `derived` ones are not sums). */
  readonly measures: readonly {
    readonly index: number;
    readonly measure: MeasureId;
    readonly derived?: boolean;
  }[];
  readonly groupColumn: number | null;
  readonly periods: readonly Period[];
  readonly dateFormat: DateFormat;
}

export interface SpecKpis {
  readonly lang: Lang;
  /** KPI ids in report order; undefined: every KPI the measures allow. */
  readonly kpis?: readonly string[];
  readonly grossMargin?: number;
}

/** ISO "2025-01-06" → epoch day. */
export function dayOfIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  return epochDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The KPI list of a plan over these measures (planKpis: the report's own choice and inputs). */
export function sqlKpis(measures: readonly MeasureId[], options: SpecKpis): SqlKpi[] {
  const planning = planKpis(new Set(measures), {
    lang: options.lang,
    ...(options.kpis ? { kpis: options.kpis } : {}),
    ...(options.grossMargin !== undefined ? { grossMargin: options.grossMargin } : {}),
    currency: null,
  });
  if (planning.unknown.length > 0) throw new Error(`Not report KPIs: ${planning.unknown.join(', ')}`);
  return planning.plans.map((p) => ({
    id: p.def.id,
    expr: p.expr,
    inputs: Object.fromEntries(p.inputs.map((u) => [u.input, u.measure])),
  }));
}

/** The spec from columns and KPIs; a derived measure (orders counted from order ids) is refused. */
export function reportSqlSpec(source: SqlSource, columns: SpecColumns, kpis: readonly SqlKpi[]): ReportSql {
  const header = (i: number) => {
    const m = columns.mapping[i];
    if (!m) throw new Error(`No column ${i}`);
    return m.header;
  };
  for (const m of columns.measures) {
    if (m.derived)
      throw new Error(
        `Column ${header(m.index)} gives ${m.measure} by counting distinct order ids, not by summing: SQL of sums cannot say it`,
      );
  }
  const date = columns.mapping.find((m) => m.role.kind === 'dimension' && m.role.dimension === 'date');
  // SQL names a column by its header: two read columns with one header cannot be told apart.
  const used = [...columns.measures.map((m) => m.index), columns.groupColumn, date?.index].filter(
    (i): i is number => i !== null && i !== undefined,
  );
  const seen = new Map<string, number>();
  for (const i of new Set(used)) {
    const other = seen.get(header(i));
    if (other !== undefined)
      throw new Error(
        `Columns ${columns.mapping[other]?.letter} and ${columns.mapping[i]?.letter} are both named "${header(i)}": rename one, since SQL reads columns by name`,
      );
    seen.set(header(i), i);
  }
  return {
    source,
    measures: columns.measures.map((m) => ({ measure: m.measure, column: header(m.index) })),
    group: columns.groupColumn === null ? null : { column: header(columns.groupColumn) },
    date: date ? { column: date.header, format: columns.dateFormat } : null,
    periods: date ? columns.periods : [],
    kpis,
  };
}

/**
 * The spec of a built report: its KPIs re-planned with the report's options must be the model's
 * KPIs with the model's inputs, or the SQL would compute something else (refused, loudly).
 */
export function reportSqlFromModel(
  model: ReportModel,
  source: SqlSource,
  columns: Omit<SpecColumns, 'mapping' | 'groupColumn' | 'periods'>,
  options: { readonly grossMargin?: number },
): ReportSql {
  const kpis = sqlKpis(
    columns.measures.map((m) => m.measure),
    { lang: model.lang, kpis: model.kpis, ...options },
  );
  for (const k of kpis) {
    const want = model.kpiInputs?.[k.id];
    if (!want || JSON.stringify(sorted(want)) !== JSON.stringify(sorted(k.inputs)))
      throw new Error(`KPI ${k.id}: the SQL plan's inputs differ from the report's`);
  }
  const periods = model.periods.map((p) => ({ start: dayOfIso(p.start), end: dayOfIso(p.end) }));
  return reportSqlSpec(
    source,
    { ...columns, mapping: model.mapping, groupColumn: model.groupBy?.column ?? null, periods },
    kpis,
  );
}

const sorted = (o: Readonly<Record<string, string>>) =>
  Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1));
