/**
 * The report model's numbers as a versioned JSON document for automation (`mizan report --json`).
 * Keyed by the registry's KPI ids and measure ids, so a pipeline reads `totals.kpis.ctr.value`
 * whatever the report's language. Schema: docs/report.schema.json, described in docs/report-json.md.
 * Bump REPORT_JSON_VERSION on any change that is not a pure addition.
 */
import type { Status } from '../benchmarks/types';
import { columnLetter } from '../detect/letters';
import type { MeasureId } from '../kpi/measures';
import { type AttributionJson, attributionJson } from './attribution-json';
import type { ColumnMapping, KpiValue, LegendEntry, MetricRow, PeriodRow, ReportModel } from './model';

export const REPORT_JSON_FORMAT = 'mizan-report';
export const REPORT_JSON_VERSION = 1;

export interface KpiJson {
  /** null: undefined (a zero denominator), never 0. */
  readonly value: number | null;
  readonly status: Status | null;
  readonly ofTarget?: number | null;
}

export interface LevelJson {
  readonly label: string;
  /** Source rows aggregated. */
  readonly rows: number;
  readonly measures: Readonly<Partial<Record<MeasureId, number | null>>>;
  readonly kpis: Readonly<Record<string, KpiJson>>;
}

export interface PeriodJson extends LevelJson {
  readonly start: string;
  readonly end: string;
  readonly change: Readonly<Record<string, number | null>>;
}

export interface MappingJson {
  /** Column letter and 0-based index in the source. */
  readonly column: string;
  readonly index: number;
  readonly header: string;
  readonly role: 'measure' | 'dimension' | 'precomputed' | 'ignored';
  /** The measure id (role measure), dimension (role dimension) or KPI id (role precomputed). */
  readonly as: string | null;
  readonly confidence: number;
  readonly currency: string | null;
  readonly overridden: boolean;
  /** Why a column that names a measure is not summed (another column chosen, or a look-alike). */
  readonly notSummed?: ColumnMapping['notSummed'];
}

export interface ReportJson {
  readonly format: typeof REPORT_JSON_FORMAT;
  readonly version: typeof REPORT_JSON_VERSION;
  readonly lang: ReportModel['lang'];
  readonly title: string;
  readonly source: {
    readonly name: string;
    /** 1-based row of the header in the source. */
    readonly headerRow: number;
    readonly dataRows: number;
    readonly dateRange: { readonly from: string; readonly to: string } | null;
    readonly currency: string | null;
    /** The exporting platform's id ("google-ads", "meta-ads", "ga4"…), null when not recognised. */
    readonly platform: string | null;
    /** The decimal mark text numbers were read with, null when none had a separator. */
    readonly decimalMark: '.' | ',' | null;
  };
  readonly mapping: readonly MappingJson[];
  readonly groupBy: { readonly column: string; readonly header: string } | null;
  readonly period: ReportModel['period'];
  readonly profile: ReportModel['profile'];
  readonly template: ReportModel['template'];
  /** KPI ids in report order. */
  readonly kpis: readonly string[];
  /** For each KPI, the measure that fed each of its registry inputs ({} when not known). */
  readonly kpiInputs: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly totals: LevelJson;
  readonly groups: readonly LevelJson[];
  readonly periods: readonly PeriodJson[];
  readonly notComputed: readonly {
    readonly kpi: string;
    readonly missing: readonly (readonly string[])[];
    readonly message: string;
  }[];
  readonly legend: readonly LegendEntry[];
  readonly notes: readonly {
    readonly message: string;
    readonly rows: readonly number[];
    readonly column: string | null;
  }[];
  /** The Attribution section, when the source or a second tab is a path export (./attribution-json.ts). */
  readonly attribution?: AttributionJson;
}

/** JSON has no NaN or Infinity: anything not finite is "no value". */
const finite = (n: number | null | undefined): number | null =>
  typeof n === 'number' && Number.isFinite(n) ? n : null;

function kpiJson(k: KpiValue): KpiJson {
  return {
    value: finite(k.value),
    status: k.status ?? null,
    ...(k.ofTarget !== undefined ? { ofTarget: finite(k.ofTarget) } : {}),
  };
}

function levelJson(row: MetricRow): LevelJson {
  const measures: Partial<Record<MeasureId, number | null>> = {};
  for (const [id, value] of Object.entries(row.measures) as [MeasureId, number][])
    measures[id] = finite(value);
  const kpis: Record<string, KpiJson> = {};
  for (const k of row.kpis) kpis[k.kpi] = kpiJson(k);
  return { label: row.label, rows: row.rows, measures, kpis };
}

function periodJson(row: PeriodRow): PeriodJson {
  const change: Record<string, number | null> = {};
  for (const [id, value] of Object.entries(row.change)) change[id] = finite(value);
  return { ...levelJson(row), start: row.start, end: row.end, change };
}

function mappingJson(m: ColumnMapping): MappingJson {
  const role = m.role;
  const as =
    role.kind === 'measure'
      ? role.measure
      : role.kind === 'dimension'
        ? role.dimension
        : role.kind === 'precomputed'
          ? role.kpi
          : null;
  return {
    column: m.letter,
    index: m.index,
    header: m.header,
    role: role.kind,
    as,
    confidence: m.confidence,
    currency: m.currency ?? null,
    overridden: m.overridden === true,
    ...(m.notSummed ? { notSummed: m.notSummed } : {}),
  };
}

export function reportToJson(model: ReportModel): ReportJson {
  const groupColumn = model.groupBy
    ? model.mapping.find((m) => m.index === model.groupBy?.column)
    : undefined;
  return {
    format: REPORT_JSON_FORMAT,
    version: REPORT_JSON_VERSION,
    lang: model.lang,
    title: model.title,
    source: {
      name: model.sourceName,
      headerRow: model.headerRow + 1,
      dataRows: model.dataRows.length,
      dateRange: model.dateRange,
      currency: model.currency,
      platform: model.platform?.id ?? null,
      decimalMark: model.decimalMark,
    },
    mapping: model.mapping.map(mappingJson),
    groupBy: model.groupBy
      ? { column: groupColumn?.letter ?? columnLetter(model.groupBy.column), header: model.groupBy.header }
      : null,
    period: model.period,
    profile: model.profile,
    template: model.template,
    kpis: [...model.kpis],
    kpiInputs: model.kpiInputs ?? {},
    totals: levelJson(model.totals),
    groups: model.groups.map(levelJson),
    periods: model.periods.map(periodJson),
    notComputed: model.notComputed.map((n) => ({
      kpi: n.kpi,
      missing: n.missing.map((any) => [...any]),
      message: n.message,
    })),
    legend: [...model.legend],
    notes: model.notes.map((n) => ({
      message: n.message,
      rows: [...(n.rows ?? [])],
      column: n.column ?? null,
    })),
    ...(model.attribution ? { attribution: attributionJson(model.attribution) } : {}),
  };
}

export function reportJsonText(model: ReportModel): string {
  return `${JSON.stringify(reportToJson(model), null, 2)}\n`;
}
