import type { Localized } from '../i18n/lang';
import type { Expr } from './expr';
import type { MeasureId } from './measures';

/** How a KPI's value reads: rates are fractions (0.05 shows as 5%), ratios plain numbers. */
export type Unit = 'rate' | 'ratio' | 'money' | 'duration' | 'months' | 'points' | 'probability';

/** Which way is good: higher, lower, inside a band (bounce rate), or no judgement (p-values). */
export type Direction = 'higher' | 'lower' | 'band' | 'neutral';

/**
 * What an input may hold. count: whole things, never negative; amount: money or a quantity that
 * cannot be negative; signed: may be negative (revenue after refunds, a period's value);
 * fraction: 0–1 (a margin or retention rate, "60%" or 0.6); nonneg_rate: a rate ≥ 0 (discount);
 * duration: seconds, or "h:mm:ss" text; scores: a range of 0–10 answers (NPS).
 */
export type InputKind = 'count' | 'amount' | 'signed' | 'fraction' | 'nonneg_rate' | 'duration' | 'scores';

export interface KpiInput {
  /** snake_case, as the custom function's parameter and in messages. */
  readonly name: string;
  readonly kind: InputKind;
  /** Present when the input may be left out. */
  readonly default?: number;
  /** The sheet measures that can feed this input in a report, in order of preference. */
  readonly measures?: readonly MeasureId[];
}

/** Why a KPI has no value for some inputs: named, so messages can say which input and why. */
export interface KpiUndefined {
  readonly input?: string;
  readonly reason: string;
}

export type KpiResult = number | KpiUndefined;

export interface KpiDef {
  /** Stable snake_case id used in data: JSON output, templates, profiles. */
  readonly id: string;
  /** The custom function's name in Sheets. */
  readonly fn: string;
  readonly unit: Unit;
  readonly direction: Direction;
  /** Spreadsheet number format for values of this KPI ("" currency is added by the writer). */
  readonly format: string;
  readonly names: Localized;
  readonly inputs: readonly KpiInput[];
  /** The formula, when it is arithmetic over the inputs (then it is summed-then-divided in reports). */
  readonly expr?: Expr;
  /**
   * A computation that is not plain arithmetic (statistics), given the inputs' values in the
   * order of `inputs` (positional, so that a 100,000-row range allocates nothing per row).
   */
  readonly compute?: (values: readonly number[]) => KpiResult;
  /** Inputs that are parts of another ([part, whole]): a row with part > whole is an input error. */
  readonly notMoreThan?: readonly (readonly [part: string, whole: string])[];
  /** Every input must be a whole number (the exact Bayesian formula needs whole counts). */
  readonly wholeNumbers?: boolean;
  /** Readable formula for notes and help, when `expr` alone would not say it well. */
  readonly formulaText?: Localized;
  /** Where the definition comes from (kpi-reference.md). */
  readonly source: string;
  /**
   * The value that means nothing at all, from which a target's fair band and share are measured
   * (src/core/benchmarks/status.ts): 0 when absent; ROI's is −1 (all the money lost).
   */
  readonly origin?: number;
}
