/**
 * Every custom function Mizan adds to Sheets, with the help Sheets shows for it. The build
 * generates one top-level stub with JSDoc per entry; nothing else lists function names.
 */
import { KPIS } from '../kpi/registry';
import type { KpiDef, Unit } from '../kpi/types';
import { BENCHMARK_FUNCTIONS } from './benchmark-functions';
import { runKpi, type SheetArg, type SheetResult } from './run-kpi';

export interface FunctionParam {
  readonly name: string;
  readonly doc: string;
  readonly optional: boolean;
}

export interface CustomFunctionSpec {
  readonly name: string;
  readonly description: string;
  readonly params: readonly FunctionParam[];
  readonly returns: string;
  readonly run: (...args: SheetArg[]) => SheetResult;
  /** A worked example for the README: the call and what it returns. */
  readonly example?: { readonly call: string; readonly result: string };
}

const RETURNS: Record<Unit, string> = {
  rate: 'a fraction (format the cell as %)',
  ratio: 'a plain ratio',
  money: "an amount in the inputs' currency",
  duration: 'seconds (in the unit of the total)',
  months: 'months',
  points: 'points from −100 to 100',
  probability: 'a probability from 0 to 1',
};

/** Worked examples, from the published vectors in kpi-reference.md. */
const EXAMPLES: Record<string, { call: string; result: string }> = {
  conversion_rate: { call: '=CONVERSION_RATE(50, 1000)', result: '0.05 (5%)' },
  ctr: { call: '=CTR(5, 100)', result: '0.05 (5%)' },
  cpc: { call: '=CPC(250, 100)', result: '2.5' },
  cpm: { call: '=CPM(200, 100000)', result: '2' },
  cpa: { call: '=CPA(1000, 40)', result: '25' },
  cpl: { call: '=CPL(2310, 100)', result: '23.1' },
  cac: { call: '=CAC(5000, 100)', result: '50' },
  roi: { call: '=ROI(3000, 1000)', result: '2 (200%); =ROI(60000, 20000, 60%) → 0.8' },
  roas: { call: '=ROAS(5, 1)', result: '5 (500%)' },
  clv: { call: '=CLV(75, 3, 2.5)', result: '562.5; =CLV(75, 3, 2.5, 60%) → 337.5' },
  clv_retention: { call: '=CLV_RETENTION(100, 0.8, 0.1)', result: '266.67' },
  ltv_cac: { call: '=LTV_CAC(CLV(62, 4, 3), 110)', result: '6.764' },
  cac_payback: { call: '=CAC_PAYBACK(600, 100, 75%)', result: '8' },
  bounce_rate: { call: '=BOUNCE_RATE(350, 1000)', result: '0.35 (35%)' },
  exit_rate: { call: '=EXIT_RATE(120, 800)', result: '0.15 (15%)' },
  avg_session_duration: { call: '=AVG_SESSION_DURATION(36000, 240)', result: '150 (seconds)' },
  open_rate: { call: '=OPEN_RATE(200, 900)', result: '0.2222 (22.2%)' },
  click_to_open_rate: { call: '=CLICK_TO_OPEN_RATE(20, 200)', result: '0.1 (10%)' },
  unsubscribe_rate: { call: '=UNSUBSCRIBE_RATE(5, 900)', result: '0.005556 (0.56%)' },
  response_rate: { call: '=RESPONSE_RATE(78, 1000)', result: '0.078 (7.8%)' },
  aov: { call: '=AOV(100000, 2000)', result: '50' },
  retention_rate: { call: '=RETENTION_RATE(120, 30, 100)', result: '0.9 (90%)' },
  churn_rate: { call: '=CHURN_RATE(45, 98)', result: '0.459 (45.9%)' },
  engagement_rate: { call: '=ENGAGEMENT_RATE(450, 10000)', result: '0.045 (4.5%)' },
  nps: { call: '=NPS(B2:B101)', result: '10 (30% promoters, 20% detractors)' },
  pct_change: { call: '=PCT_CHANGE(1750, 1250)', result: '0.4 (+40%)' },
  ab_significance: { call: '=AB_SIGNIFICANCE(45, 100, 30, 100)', result: '0.02846' },
  ab_chance_to_win: { call: '=AB_CHANCE_TO_WIN(200, 1000, 230, 1000)', result: '0.9486' },
};

function kpiFunction(def: KpiDef): CustomFunctionSpec {
  const example = EXAMPLES[def.id];
  return {
    name: def.fn,
    description: def.descriptions.en,
    params: def.inputs.map((i) => ({
      name: i.name,
      doc: i.doc,
      optional: i.default !== undefined,
    })),
    returns: `${def.names.en}: ${RETURNS[def.unit]}; a range gives a range.`,
    run: (...args) => runKpi(def, args),
    ...(example ? { example } : {}),
  };
}

export const CUSTOM_FUNCTIONS: readonly CustomFunctionSpec[] = [
  ...KPIS.map(kpiFunction),
  ...BENCHMARK_FUNCTIONS,
];
