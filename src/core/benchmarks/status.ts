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

/**
 * The edge of a target's fair band: 10% short of the target, measured from the KPI's origin, the
 * value that means nothing at all (0 for most; −1 for ROI, every unit of cost lost). From the
 * origin, ROI's band is ROAS's: ROI 300% fair from 260%, as ROAS 4 from 3.6, at a margin of 1.
 */
export function fairEdge(target: Target, origin = 0): number {
  const span = target.value - origin;
  return origin + span * (target.op === '>=' ? 1 - TARGET_FAIR_MARGIN : 1 + TARGET_FAIR_MARGIN);
}

export function statusAgainstTarget(value: number, target: Target, origin = 0): Status {
  const met = target.op === '>=' ? value >= target.value : value <= target.value;
  if (met) return 'good';
  const edge = fairEdge(target, origin);
  const near = target.op === '>=' ? value >= edge : value <= edge;
  return near ? 'fair' : 'poor';
}

/**
 * Share of the target reached, both measured from the origin: value ÷ target for "≥" goals,
 * target ÷ value for "≤" goals (ROI: (1 + value) ÷ (1 + target), as ROAS's value ÷ target).
 */
export function percentOfTarget(value: number, target: Target, origin = 0): number | null {
  const v = value - origin;
  const t = target.value - origin;
  if (target.op === '>=') return t === 0 ? null : v / t;
  return v === 0 ? null : t / v;
}
