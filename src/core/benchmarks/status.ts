import type { Status, Target, Thresholds } from './types';

/** Judges a value against thresholds, direction-aware. */
export function statusAgainst(value: number, t: Thresholds): Status {
  switch (t.direction) {
    case 'higher':
      return value >= t.good ? 'good' : value >= t.fair ? 'fair' : 'poor';
    case 'lower':
      return value <= t.good ? 'good' : value <= t.fair ? 'fair' : 'poor';
    case 'band':
      if (value >= t.goodMin && value <= t.goodMax) return 'good';
      return value >= t.fairMin && value <= t.fairMax ? 'fair' : 'poor';
  }
}

/** Met the target: good; within 10% of it: fair; otherwise poor. */
export const TARGET_FAIR_MARGIN = 0.1;

export function statusAgainstTarget(value: number, target: Target): Status {
  const met = target.op === '>=' ? value >= target.value : value <= target.value;
  if (met) return 'good';
  const near =
    target.op === '>='
      ? value >= target.value * (1 - TARGET_FAIR_MARGIN)
      : value <= target.value * (1 + TARGET_FAIR_MARGIN);
  return near ? 'fair' : 'poor';
}

/** Share of the target reached: value ÷ target for "≥" goals, target ÷ value for "≤" goals. */
export function percentOfTarget(value: number, target: Target): number | null {
  if (target.op === '>=') return target.value === 0 ? null : value / target.value;
  return value === 0 ? null : target.value / value;
}
