/**
 * What the report engine takes and gives: the contract between the engine (core/report) and
 * its callers (the Sheets adapter, the sidebar's RPC, the CLI). Shared, not copied.
 */
import type { BenchmarkProfile, Target } from '../benchmarks/types';
import type { PeriodKind } from '../dates/periods';
import type { Lang } from '../i18n/lang';
import type { BrandColours, ColumnRole, ReportModel } from './model';

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
  /** 0-based column to group by; undefined: channel if present, else campaign; null: no groups. */
  readonly groupBy?: number | null;
  /** undefined: inferred from the date span; null: no period table. */
  readonly period?: Period | null;
  /** KPI ids in report order; undefined: every KPI whose inputs are present. */
  readonly kpis?: readonly string[];
  readonly profile?: BenchmarkProfile | null;
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
}

/** A problem with the input, said so the user can act: what, where, what to do. */
export interface InputProblem {
  readonly code:
    | 'empty'
    | 'no-header'
    | 'header-only'
    | 'no-measure'
    | 'duplicate-role'
    | 'mostly-text'
    | 'all-zero-denominators'
    | 'bad-option';
  /** In the report's language. */
  readonly message: string;
  /** Column letter and header, when it concerns a column. */
  readonly column?: { readonly letter: string; readonly header: string };
  /** 1-based sheet row numbers it concerns. */
  readonly rows?: readonly number[];
  /** What the user can do, in the report's language. */
  readonly hint: string;
}

export type ReportResult =
  | { readonly ok: true; readonly model: ReportModel; readonly warnings: readonly InputProblem[] }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };
