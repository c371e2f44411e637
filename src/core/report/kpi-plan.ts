/**
 * Which KPIs a sheet can have and from which of its measures: for each registry KPI whose inputs
 * all name sheet measures (or have a default), the first available measure feeds each input.
 * The maths stays in the registry's `expr`: sums are put into it (sum, then divide).
 */

import { citationText } from '../benchmarks/cite';
import { percentOfTarget, statusAgainst, statusAgainstTarget } from '../benchmarks/status';
import type { BenchmarkProfile, Status, Target, Thresholds } from '../benchmarks/types';
import type { Lang } from '../i18n/lang';
import { label, localDigits } from '../i18n/report-labels';
import { type Expr, evaluate, isZeroDenominator, refsOf, render, substitute } from '../kpi/expr';
import { MEASURES, type MeasureId } from '../kpi/measures';
import { KPIS, kpiById } from '../kpi/registry';
import type { KpiDef } from '../kpi/types';
import type { KpiNotComputed } from './model';

export interface KpiInputUse {
  /** The registry input's name (a ref in `expr`). */
  readonly input: string;
  readonly measure: MeasureId;
  /** False when a later choice of the input's `measures` was used (conversion rate per clicks). */
  readonly preferred: boolean;
}

export interface KpiPlan {
  readonly def: KpiDef;
  /** The registry expr with defaulted inputs (gross margin) replaced by their constants. */
  readonly expr: Expr;
  readonly inputs: readonly KpiInputUse[];
  /** How a value is judged, if at all. */
  readonly judge: Judge | null;
}

export type Judge =
  | { readonly kind: 'target'; readonly target: Target; readonly origin: number }
  | { readonly kind: 'benchmark'; readonly thresholds: Thresholds; readonly source: string };

/** KPIs a report can compute from summed columns: arithmetic, every input a measure or a default. */
export const REPORT_KPIS: readonly KpiDef[] = KPIS.filter(
  (k) =>
    k.expr !== undefined &&
    !k.compute &&
    k.inputs.every((i) => i.measures !== undefined || i.default !== undefined),
);

/** Sheet currency symbols and words as ISO codes, to match money benchmarks (published in USD). */
const ISO: Readonly<Record<string, string>> = {
  $: 'USD',
  US$: 'USD',
  $US: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  تومان: 'IRT',
  تومن: 'IRT',
  ت: 'IRT',
  ریال: 'IRR',
  ريال: 'IRR',
  'ر.س': 'SAR',
  'د.إ': 'AED',
};

export function isoCurrency(currency: string | null): string | null {
  if (!currency) return null;
  return ISO[currency] ?? (/^[A-Z]{3}$/.test(currency) ? currency : null);
}

export interface PlanOptions {
  readonly lang: Lang;
  readonly kpis?: readonly string[];
  readonly grossMargin?: number;
  readonly profile?: BenchmarkProfile | null;
  readonly targets?: readonly Target[];
  readonly currency: string | null;
}

export interface KpiPlanning {
  readonly plans: readonly KpiPlan[];
  readonly notComputed: readonly KpiNotComputed[];
  /** Requested ids that are not report KPIs. */
  readonly unknown: readonly string[];
}

function judgeOf(def: KpiDef, options: PlanOptions): Judge | null {
  const target = options.targets?.find((t) => t.kpi === def.id);
  if (target) return { kind: 'target', target, origin: def.origin ?? 0 };
  const bench = options.profile?.benchmarks.find((b) => b.kpi === def.id);
  if (!bench) return null;
  // A money threshold in another currency than the sheet's says nothing about it.
  if (def.unit === 'money' && bench.currency && bench.currency !== isoCurrency(options.currency)) return null;
  return {
    kind: 'benchmark',
    thresholds: bench.thresholds,
    source: citationText(bench, options.lang),
  };
}

/** Plans every requested (or every possible) KPI over the available measures. */
export function planKpis(available: ReadonlySet<MeasureId>, options: PlanOptions): KpiPlanning {
  const unknown: string[] = [];
  let defs: KpiDef[];
  if (options.kpis) {
    defs = [];
    for (const id of options.kpis) {
      const def = kpiById(id);
      if (def && REPORT_KPIS.includes(def)) defs.push(def);
      else unknown.push(id);
    }
  } else defs = [...REPORT_KPIS];
  const plans: KpiPlan[] = [];
  const notComputed: KpiNotComputed[] = [];
  for (const def of defs) {
    const inputs: KpiInputUse[] = [];
    const missing: MeasureId[][] = [];
    const constants: Record<string, number> = {};
    for (const input of def.inputs) {
      if (!input.measures) {
        constants[input.name] =
          input.name === 'gross_margin'
            ? (options.grossMargin ?? input.default ?? 1)
            : (input.default as number);
        continue;
      }
      const measure = input.measures.find((m) => available.has(m));
      if (measure) inputs.push({ input: input.name, measure, preferred: measure === input.measures[0] });
      else missing.push([...input.measures]);
    }
    if (missing.length > 0) {
      notComputed.push({ kpi: def.id, missing, message: missingMessage(def, missing, options.lang) });
      continue;
    }
    plans.push({ def, expr: substitute(def.expr as Expr, constants), inputs, judge: judgeOf(def, options) });
  }
  return { plans, notComputed, unknown };
}

function missingMessage(def: KpiDef, missing: readonly (readonly MeasureId[])[], lang: Lang): string {
  const needs = missing
    .map((alts) => alts.map((m) => MEASURES[m].names[lang]).join(label('or', lang)))
    .join(label('and', lang));
  return label('kpiNeeds', lang, { kpi: def.names[lang], needs });
}

/** The KPI's value from summed measures; null when an input has no value or a denominator is 0. */
export function kpiValue(plan: KpiPlan, sums: (m: MeasureId) => number | null): number | null {
  const values: Record<string, number> = {};
  for (const use of plan.inputs) {
    const v = sums(use.measure);
    if (v === null) return null;
    values[use.input] = v;
  }
  const r = evaluate(plan.expr, values);
  return isZeroDenominator(r) || !Number.isFinite(r) ? null : r;
}

export function judge(
  plan: KpiPlan,
  value: number | null,
): { status: Status | null; ofTarget?: number | null } {
  if (value === null || !plan.judge)
    return plan.judge?.kind === 'target' ? { status: null, ofTarget: null } : { status: null };
  if (plan.judge.kind === 'target') {
    return {
      status: statusAgainstTarget(value, plan.judge.target, plan.judge.origin),
      ofTarget: percentOfTarget(value, plan.judge.target, plan.judge.origin),
    };
  }
  return { status: statusAgainst(value, plan.judge.thresholds) };
}

/** "Conversion rate = Conversions ÷ Clicks", in the report's language. */
export function formulaNote(plan: KpiPlan, lang: Lang): string {
  // Registry names hold no digits, so only the formula's constants (× 1000) change script.
  const formula = localDigits(
    planFormula(plan, (m) => MEASURES[m].names[lang]),
    lang,
  );
  return label('kpiNote', lang, { kpi: plan.def.names[lang], formula });
}

/** The plan's expr in words, each input named by `name` of the measure that fed it ("Conversions ÷ Clicks"). */
export function planFormula(plan: KpiPlan, name: (m: MeasureId) => string): string {
  const names = new Map(plan.inputs.map((u) => [u.input, name(u.measure)]));
  return render(plan.expr, (r) => names.get(r) ?? r, { mul: '×', div: '÷' });
}

/** The refs of the plan's expr, for checks. */
export function planRefs(plan: KpiPlan): string[] {
  return refsOf(plan.expr);
}
