/**
 * What reading a sheet produces: each column's role, and the problems that stop a report. They
 * belong to detection, which makes them; the report engine, the sidebar and the CLI read them.
 */
import type { MeasureId } from '../kpi/measures';

export type ColumnRole =
  | { readonly kind: 'measure'; readonly measure: MeasureId }
  | { readonly kind: 'dimension'; readonly dimension: 'campaign' | 'channel' | 'date' | 'text' }
  /** A rate the platform already computed (CTR, bounce rate): shown in the mapping, never summed. */
  | { readonly kind: 'precomputed'; readonly kpi: string }
  | { readonly kind: 'ignored' };

/** One source column as the engine understood it. */
export interface ColumnMapping {
  /** 0-based index in the source grid, and its letter ("F"). */
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  readonly role: ColumnRole;
  /** 0–1: how sure the header match is (1 for an exact synonym, 1 for a user override). */
  readonly confidence: number;
  /** The currency seen in the column ("$", "تومان"), for money. */
  readonly currency?: string | null;
  readonly overridden?: boolean;
  /**
   * Why a column that names a measure is not summed: another column was chosen for that measure
   * (`chosen` is its letter), or the header only resembles a measure (`lookalike`).
   */
  readonly notSummed?:
    | { readonly reason: 'other-chosen'; readonly chosen: string }
    | { readonly reason: 'lookalike' | 'not-additive' };
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
    | 'ragged-row'
    | 'stacked-tables'
    | 'no-kpi'
    | 'all-zero-denominators'
    | 'bad-option'
    /** A path export the Attribution section cannot read (src/core/attribution/report-section.ts). */
    | 'bad-paths';
  /** In the report's language. */
  readonly message: string;
  /** Column letter and header, when it concerns a column. */
  readonly column?: { readonly letter: string; readonly header: string };
  /** 1-based sheet row numbers it concerns. */
  readonly rows?: readonly number[];
  /** What the user can do, in the report's language (in the sidebar's words). */
  readonly hint: string;
  /** The same fix in the command line's words (--map, --header-row), when it differs. */
  readonly cliHint?: string;
}
