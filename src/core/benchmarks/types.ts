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

/**
 * A published figure's source, as exact as the copy we read: who, which edition, the period its
 * data covers, whom it covers, and where to read it. Every field is stated, never guessed.
 */
export interface Source {
  /** "LocaliQ / WordStream". */
  readonly publisher: string;
  /** The edition's title as published: "Search Advertising Benchmarks 2025". */
  readonly title: string;
  /** The edition's year (publication of the report or page). */
  readonly year: number;
  /** The period the data covers, as the source states it: "Apr 2024 – Mar 2025". */
  readonly period: string;
  /** Whom the figure covers and which statistic it is: "US search campaigns, all industries, average". */
  readonly scope: string;
  /** Where the figure can be read (the secondary page when `secondary`). */
  readonly link: string;
  /** True when we read the figure on a page quoting the source, not on the source's own page. */
  readonly secondary: boolean;
  /** Why a figure older than five years is still the best available, or another caveat. */
  readonly note?: string;
}

/** A threshold that is Mizan's own rule, not a published figure (ROI ≥ 0 is break-even). */
export interface MizanRule {
  readonly mizan: 'breakEven';
}

/** A threshold a team set in its template: cited as the template, never as a published figure. */
export interface TeamRule {
  /** The template's name. */
  readonly template: string;
}

/** Where a threshold comes from, shown in the legend so every colour can be traced. */
export type Citation = Source | MizanRule | TeamRule;

export const isMizanRule = (c: Citation): c is MizanRule => 'mizan' in c;
export const isTeamRule = (c: Citation): c is TeamRule => 'template' in c;
export const isSource = (c: Citation): c is Source => 'publisher' in c;

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

/** A family of industry profiles from one source ("email": Campaign Monitor's industries). */
export interface ProfileGroup {
  /** The id prefix of its profiles: "email" for "email/retail". */
  readonly id: string;
  /** What a picker shows above the family (an <optgroup> label). */
  readonly names: Localized;
}

export interface BenchmarkProfile {
  /** "search", or "email/retail" for an industry's figures from the same source. */
  readonly id: string;
  readonly names: Localized;
  /** Set on industry profiles ("email/retail"), so a picker can list them under their family. */
  readonly group?: ProfileGroup;
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
