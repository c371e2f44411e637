/**
 * The report model: a plain description of a KPI report that two writers render (the Sheets
 * writer in Apps Script, the xlsx writer in Node) without deciding anything about KPIs.
 * It is also the source of the CLI's JSON output (see ./json.ts). Shared by every layer: change
 * it here, not in a copy.
 *
 * Coordinates are 0-based (row, col) on the report sheet. Formulas are English-function,
 * comma-separated, without the leading "=", in A1 notation; they refer to the source sheet by
 * its name (`'Campaign data'!F5:F104`), so the xlsx writer writes the cleaned source grid to a
 * sheet of that same name at the same coordinates, and the same formula text works in both.
 */
import type { Status, Thresholds } from '../benchmarks/types';
import type { ExcludedReason } from '../detect/analyse';
import type { Lang } from '../i18n/lang';
import type { MeasureId } from '../kpi/measures';
import type { AttributionPart } from './attribution-block';

export const REPORT_MODEL_VERSION = 1;

/** How a cell looks; each writer maps these to its own fonts, fills and borders. */
export type CellStyle =
  | 'title'
  | 'subtitle'
  | 'section'
  | 'header'
  | 'label'
  | 'value'
  | 'total'
  | 'note'
  | 'legend'
  | 'up'
  | 'down';

export interface Cell {
  /** The computed value ("" or null for none). Writers always write it, as the cached value of `f`. */
  readonly v: string | number | null;
  /** A live formula computing `v` (no leading "="), when the model has one for this cell. */
  readonly f?: string;
  /** Spreadsheet number format. */
  readonly fmt?: string;
  readonly style?: CellStyle;
  /** The status of a KPI value, for writers that colour statically (values-only). */
  readonly status?: Status;
  /**
   * True for text that came from the user's sheet (campaign names, headers): writers must
   * write it as literal text, never as a formula (formula injection).
   */
  readonly userText?: boolean;
  /** A note shown on the cell (the KPI's formula, a threshold's source). */
  readonly note?: string;
  /**
   * Filled in Sheets by an array formula above or to the left (=ATTRIBUTION(…) spills): the
   * Sheets writer leaves it empty, or the formula could not spill; other writers write `v`.
   */
  readonly spill?: true;
}

/** A rectangle of cells placed at (row, col) on the report sheet. */
export interface Block {
  readonly id: string;
  readonly kind:
    | 'title'
    | 'totals'
    | 'groups'
    | 'periods'
    | 'missing'
    | 'legend'
    | 'definitions'
    | 'notes'
    | 'mapping'
    | 'attribution';
  readonly row: number;
  readonly col: number;
  readonly cells: readonly (readonly Cell[])[];
  /** How many of the first rows are headers (bold, frozen when the block is first). */
  readonly headerRows: number;
}

/**
 * The widest of `lines`, at least `least`. A fold, not Math.max(...lines): a table of 120,000
 * groups or more would overflow the stack with one argument per line.
 */
export function widestLine(lines: readonly (readonly unknown[])[], least = 0): number {
  let width = least;
  for (const line of lines) if (line.length > width) width = line.length;
  return width;
}

/** Colour a range by a KPI's status; colours follow the numbers when they change. */
export interface ConditionalRule {
  /** A1 range on the report sheet, e.g. "C8:C14". */
  readonly range: string;
  readonly status: Status;
  /** The cell's value satisfies this: ['>=', a] | ['<=', a] | ['between', a, b] | ['<', a] | ['>', a]. */
  readonly when: readonly ['>=' | '<=' | '<' | '>', number] | readonly ['between', number, number];
  /** The KPI it judges and where the threshold comes from (for the legend and tooltips). */
  readonly kpi: string;
}

export interface ChartSpec {
  readonly type: 'bar' | 'line';
  readonly title: string;
  /** A1 range of the category labels on the report sheet. */
  readonly labels: string;
  /** One A1 range per series, each with its header text. */
  readonly series: readonly { readonly name: string; readonly range: string }[];
  /** Where the chart's top-left corner goes. */
  readonly anchor: { readonly row: number; readonly col: number };
  /** Rows and columns the chart covers from its anchor, when the layout sizes it (printed in the xlsx). */
  readonly size?: { readonly rows: number; readonly cols: number };
}

/** How the report sheet prints (xlsx only: Apps Script has no print settings); see ./print-plan.ts. */
export interface PrintPlan {
  /** Columns printed, from A (the label, the KPIs, the totals and charts). */
  readonly columns: number;
  /** Rows repeated at the top of every page, from row 1; columns repeated at its start, from A. */
  readonly titleRows: number;
  readonly titleColumns: number;
  /** The sections (0-based first and last rows) kept on one page where they fit. */
  readonly sections: readonly { readonly top: number; readonly bottom: number; readonly whole?: boolean }[];
  /** The footer's note on the columns shown on screen only, or null when every column prints. */
  readonly screenOnly: string | null;
}

import type { ColumnMapping } from '../detect/types';

export type { ColumnMapping, ColumnRole } from '../detect/types';

/** A KPI's value at one level (total, a group, a period). */
export interface KpiValue {
  readonly kpi: string;
  /** null when undefined (zero denominator): shown as undefined, never as 0. */
  readonly value: number | null;
  readonly status: Status | null;
  /** Percent of target reached, when a target is set. */
  readonly ofTarget?: number | null;
}

export interface MetricRow {
  /** The group's label (channel, campaign, period), or "Total". */
  readonly label: string;
  readonly measures: Readonly<Partial<Record<MeasureId, number>>>;
  readonly kpis: readonly KpiValue[];
  /** Number of source rows aggregated. */
  readonly rows: number;
}

export interface PeriodRow extends MetricRow {
  /** ISO dates, start inclusive, end exclusive. */
  readonly start: string;
  readonly end: string;
  /** Change vs the previous period, per measure and KPI id (null: undefined). */
  readonly change: Readonly<Record<string, number | null>>;
}

/** Why a KPI is not in the report: which inputs it needs and which are missing. */
export interface KpiNotComputed {
  readonly kpi: string;
  /** For each missing input, the measures any of which would do. */
  readonly missing: readonly (readonly MeasureId[])[];
  /** In the report's language: "CPA needs a conversions column". */
  readonly message: string;
}

/** Where each threshold used in the report comes from. */
export interface LegendEntry {
  readonly kpi: string;
  readonly thresholds:
    | Thresholds
    | { readonly direction: 'target'; readonly op: '>=' | '<='; readonly value: number };
  readonly source: string;
}

/** A note about the data the user should know (rows skipped, a rate column not summed). */
export interface DataNote {
  readonly message: string;
  /** 1-based sheet rows it concerns, if any. */
  readonly rows?: readonly number[];
  readonly column?: string;
  /** Set when the note names rows left out of the data (a total, a repeated header): why. */
  readonly leftOut?: ExcludedReason;
}

/** A team's colours for the report's title and headers ("#RRGGBB"); writers use their defaults without. */
export interface BrandColours {
  readonly primary: string;
  readonly accent?: string;
}

export interface ReportModel {
  readonly version: typeof REPORT_MODEL_VERSION;
  readonly lang: Lang;
  readonly rtl: boolean;
  /** The report tab's / sheet's name, e.g. "KPI report – Campaigns". */
  readonly sheetName: string;
  readonly title: string;
  /** The source sheet's name, which formulas refer to. */
  readonly sourceName: string;
  /** 0-based index of the header row in the source grid, and of the data rows used. */
  readonly headerRow: number;
  readonly dataRows: readonly number[];
  readonly dateRange: { readonly from: string; readonly to: string } | null;
  readonly currency: string | null;
  /** The platform that exported the source, recognised from its headers (null: none known). */
  readonly platform: { readonly id: string; readonly name: string } | null;
  /** The decimal mark numbers written as text were read with (null: none had a separator). */
  readonly decimalMark: '.' | ',' | null;
  readonly mapping: readonly ColumnMapping[];
  readonly groupBy: { readonly column: number; readonly header: string } | null;
  readonly period: 'day' | 'week' | 'month' | null;
  /** The benchmark profile; `chosenBecause` when Mizan chose it from the data (no profile was given). */
  readonly profile: { readonly id: string; readonly name: string; readonly chosenBecause?: string } | null;
  readonly template: { readonly id: string; readonly name: string } | null;
  /** From the template, when it sets brand colours. */
  readonly brand?: BrandColours;
  readonly kpis: readonly string[];
  /**
   * For each KPI in `kpis`, the measure that fed each registry input (conversion rate per clicks
   * or per sessions: { conversion_rate: { conversions: 'conversions', visitors: 'clicks' } }).
   */
  readonly kpiInputs?: Readonly<Record<string, Readonly<Record<string, MeasureId>>>>;
  readonly totals: MetricRow;
  readonly groups: readonly MetricRow[];
  readonly periods: readonly PeriodRow[];
  readonly notComputed: readonly KpiNotComputed[];
  readonly legend: readonly LegendEntry[];
  readonly notes: readonly DataNote[];
  /** The rendering: where every cell goes on the report sheet. */
  readonly blocks: readonly Block[];
  readonly rules: readonly ConditionalRule[];
  readonly charts: readonly ChartSpec[];
  /** Rows to freeze at the top of the report sheet. */
  readonly frozenRows: number;
  /** Column widths in pixels, by column index. */
  readonly columnWidths: readonly number[];
  /** How the report sheet prints. */
  readonly print?: PrintPlan;
  /** True when every aggregate cell carries a live formula; false for values only. */
  readonly liveFormulas: boolean;
  /**
   * The source grid with numbers written as text already read and dates as Date, for writers
   * that recreate the source sheet (xlsx) so the formulas resolve.
   */
  readonly cleanSource: readonly (readonly (string | number | Date | null)[])[];
  /** The Attribution section's numbers, when the source (or a second tab) is a path export. */
  readonly attribution?: AttributionPart;
}

/**
 * The model with some fields replaced. A spread (`{ ...model }`) would call the lazy
 * `cleanSource` getter and build every source row, which a JSON-only run never needs.
 */
export function reviseModel(model: ReportModel, changes: Partial<ReportModel>): ReportModel {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(model)) as ReportModel;
  return Object.assign(copy, changes);
}
