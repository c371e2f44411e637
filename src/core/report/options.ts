/**
 * What the report engine takes and gives: the contract between the engine (core/report) and
 * its callers (the Sheets adapter, the sidebar's RPC, the CLI). Shared, not copied.
 */
import type { BenchmarkProfile, Target } from '../benchmarks/types';
import type { PeriodKind } from '../dates/periods';
import type { ColumnRole, InputProblem } from '../detect/types';
import type { Lang } from '../i18n/lang';
import type { Grid, Table } from '../table/table';
import type { BrandColours, ReportModel } from './model';

/** The period table's step (the date module's kind, named for callers). */
export type Period = PeriodKind;

export interface ReportOptions {
  /** The source sheet's (or file's) name: formulas refer to it, the title names it. */
  readonly sourceName: string;
  readonly lang: Lang;
  /** Force a header row (0-based) instead of detecting it. */
  readonly headerRow?: number;
  /** Corrections to the detected roles, by 0-based source column index. */
  readonly overrides?: Readonly<Record<number, ColumnRole>>;
  /** Force the decimal mark of numbers written as text; default: decided from the whole file. */
  readonly decimal?: '.' | ',';
  /** A text file's delimiter (";" hints at a "," decimal mark). */
  readonly delimiter?: string;
  /** The grid came from a text file: a data row with more or fewer fields than the header is refused. */
  readonly fieldCounts?: boolean;
  /** 0-based column to group by; undefined: channel if present, else campaign; null: no groups. */
  readonly groupBy?: number | null;
  /** undefined: inferred from the date span; null: no period table. */
  readonly period?: Period | null;
  /** KPI ids in report order; undefined: every KPI whose inputs are present. */
  readonly kpis?: readonly string[];
  /** The benchmark profile; null: none; undefined: none, or chosen from the data with `chooseProfile`. */
  readonly profile?: BenchmarkProfile | null;
  /**
   * With no profile given (undefined), choose one from the exporting platform or the columns,
   * and say which and why (the sidebar's "Automatic", the CLI without --profile).
   */
  readonly chooseProfile?: boolean;
  readonly targets?: readonly Target[];
  /** Gross margin for ROI (ROMI) and friends; 1 when unset. */
  readonly grossMargin?: number;
  /** 'live' (default): aggregate and KPI cells carry formulas; 'values': numbers only. */
  readonly formulas?: 'live' | 'values';
  /**
   * 'user-sheet': formulas read the user's sheet as it is (Sheets), so a column holding numbers
   * written as text or text dates gets values, not formulas. 'recreated': the writer rebuilds the
   * source from `cleanSource` (xlsx), so every column can be read by formulas.
   */
  readonly formulaSource?: 'user-sheet' | 'recreated';
  /** Template shown in the legend. */
  readonly template?: { readonly id: string; readonly name: string } | null;
  /** The template's brand colours, passed through to the model (ReportModel.brand). */
  readonly brand?: BrandColours;
  /** Report sheet name; default "KPI report – <sourceName>" in the report's language. */
  readonly sheetName?: string;
  /** For the dates in the title and periods: today's date is never read inside core. */
  readonly weekStartsOn?: 0 | 1 | 6;
  /** The calendar day a date cell shows (AnalyseOptions.dayOfDate): the Sheets adapter's time zone. */
  readonly dayOfDate?: (d: Date) => number;
  /**
   * A path export in a second tab (file) for the Attribution section; without it, the source
   * itself gets the section when it is a path export (src/core/attribution/report-section.ts).
   */
  readonly paths?: { readonly cells: Grid | Table; readonly sheet: string };
}

export type { InputProblem } from '../detect/types';

export type ReportResult =
  | { readonly ok: true; readonly model: ReportModel; readonly warnings: readonly InputProblem[] }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };
