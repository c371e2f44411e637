import type { Localized } from '../i18n/lang';

/** A KPI value judged against a threshold: good, fair or poor; none when there is no figure. */
export type Status = 'good' | 'fair' | 'poor';

/**
 * Thresholds for one KPI, in the KPI's unit (rates as fractions).
 * higher: good ≥ good, fair ≥ fair, else poor.
 * lower: good ≤ good, fair ≤ fair, else poor.
 * band: good inside [good_min, good_max], fair inside [fair_min, fair_max], else poor.
 */
export type Thresholds =
  | { readonly direction: 'higher'; readonly good: number; readonly fair: number }
  | { readonly direction: 'lower'; readonly good: number; readonly fair: number }
  | {
      readonly direction: 'band';
      readonly goodMin: number;
      readonly goodMax: number;
      readonly fairMin: number;
      readonly fairMax: number;
    };

/** Where a threshold comes from, shown in the legend so every colour can be traced. */
export interface Citation {
  readonly source: string;
  /** The year of the data or edition; null when the source does not say (never guessed). */
  readonly year: number | null;
  readonly note?: string;
}

export interface Benchmark {
  readonly kpi: string;
  readonly thresholds: Thresholds;
  readonly citation: Citation;
  /** ISO currency of money thresholds (published in USD): a sheet in another currency gets no colour. */
  readonly currency?: string;
  /**
   * Set when the fair band is Mizan's own rule, not published: the margin around the figure
   * (0.25 = within 25%). Absent when the source publishes the tiers themselves.
   */
  readonly fairMargin?: number;
}

export interface BenchmarkProfile {
  readonly id: string;
  readonly names: Localized;
  readonly benchmarks: readonly Benchmark[];
}

/** A user's target for a KPI (a SMART goal): value, which way, and by when. */
export interface Target {
  readonly kpi: string;
  /** '>=' for higher-is-better goals (conversion rate ≥ 5%), '<=' for lower (CAC ≤ 50,000). */
  readonly op: '>=' | '<=';
  readonly value: number;
  /** ISO date the goal is due, if any. */
  readonly by?: string;
}
