/**
 * Every custom function Mizan adds to Sheets, with the help Sheets shows for it: the build
 * generates one top-level stub with JSDoc per entry, and the README's reference is generated
 * from it. Documentation only: the Apps Script bundle imports runners.ts, not this module.
 */
import { KPI_DESCRIPTIONS, KPIS } from '../kpi/registry';
import type { KpiDef, KpiInput, Unit } from '../kpi/types';
import { PROFILE_IDS } from './benchmark-functions';
import type { SheetArg, SheetResult } from './run-kpi';
import { FUNCTION_RUNNERS } from './runners';

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

/** Parameter help by input name; a KPI whose input means something narrower says so below. */
const PARAM_DOCS: Readonly<Record<string, string>> = {
  conversions: 'Number of conversions.',
  visitors: 'Visitors, clicks or sessions the conversions came from.',
  clicks: 'Number of clicks.',
  impressions: 'Number of impressions.',
  cost: 'Total cost.',
  leads: 'Number of leads.',
  new_customers: 'Number of new customers (won in the period).',
  revenue: 'Revenue attributed to the campaign.',
  gross_margin: 'Optional gross margin as a fraction or percent (0.6 or 60%); 1 when left out.',
  avg_order_value: 'Average order value.',
  purchases_per_period: 'Purchases per customer per period.',
  lifespan_periods: 'Customer lifespan, in the same periods.',
  margin_per_period: 'Margin a customer brings per period.',
  retention_rate: 'Share of customers kept each period (0.8 or 80%).',
  discount_rate: 'Discount rate per period (0.1 or 10%).',
  clv: 'Customer lifetime value.',
  cac: 'Customer acquisition cost.',
  monthly_revenue_per_customer: 'Revenue per customer per month.',
  bounces: 'Single-page sessions.',
  sessions: 'Number of sessions.',
  exits: 'Exits from the page.',
  pageviews: 'Page views.',
  total_duration: 'Total session time in seconds (or "h:mm:ss").',
  opens: 'Unique opens.',
  delivered: 'Emails delivered (or sent).',
  unsubscribes: 'Unsubscribes.',
  responses: 'Replies received.',
  messages_sent: 'Messages sent (or read).',
  orders: 'Number of orders.',
  customers_end: 'Customers at the end of the period.',
  customers_start: 'Customers at the start of the period.',
  customers_lost: 'Customers lost during the period.',
  engagements: 'Likes, comments, shares, saves…',
  reach: 'Reach (or followers, impressions).',
  scores: 'Range of answers from 0 to 10.',
  current: 'Value this period.',
  previous: 'Value the previous period.',
  conversions_a: 'Conversions of variant A.',
  visitors_a: 'Visitors (trials) of variant A.',
  conversions_b: 'Conversions of variant B.',
  visitors_b: 'Visitors (trials) of variant B.',
};

const PARAM_DOCS_BY_KPI: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  cac: { cost: 'Acquisition cost (paid media, or sales + marketing).' },
  roas: { cost: 'Ad spend.' },
  click_to_open_rate: { clicks: 'Unique email clicks.' },
};

/** "" when undocumented: the build refuses a custom function with a parameter lacking help. */
const paramDoc = (def: KpiDef, input: KpiInput): string =>
  PARAM_DOCS_BY_KPI[def.id]?.[input.name] ?? PARAM_DOCS[input.name] ?? '';

const runner = (name: string) => {
  const run = FUNCTION_RUNNERS[name];
  if (!run) throw new Error(`no runner for custom function ${name}`);
  return run;
};

function kpiFunction(def: KpiDef): CustomFunctionSpec {
  const example = EXAMPLES[def.id];
  return {
    name: def.fn,
    description: KPI_DESCRIPTIONS[def.id]?.en ?? '',
    params: def.inputs.map((i) => ({
      name: i.name,
      doc: paramDoc(def, i),
      optional: i.default !== undefined,
    })),
    returns: `${def.names.en}: ${RETURNS[def.unit]}; a range gives a range.`,
    run: runner(def.fn),
    ...(example ? { example } : {}),
  };
}

const KPI_PARAM: FunctionParam = {
  name: 'kpi',
  doc: 'The KPI: its id ("ctr"), function name or English, Arabic or Persian name. A value or a range.',
  optional: false,
};
const PROFILE_PARAM: FunctionParam = {
  name: 'profile',
  doc: `Benchmark profile: ${PROFILE_IDS} (or its name). Needed when profiles disagree on the KPI.`,
  optional: true,
};

const BENCHMARK_FUNCTIONS: readonly CustomFunctionSpec[] = [
  {
    name: 'KPI_STATUS',
    description:
      'Judges a KPI value against a published benchmark: good, fair or poor ("" when there is none).',
    params: [
      KPI_PARAM,
      {
        name: 'value',
        doc: 'The KPI value, e.g. 0.05 or 5% for a rate. A value or a range.',
        optional: false,
      },
      PROFILE_PARAM,
      {
        name: 'lang',
        doc: 'Language of the words: "en", "ar" or "fa", or a locale such as "fa_IR"; the spreadsheet\'s language when left out.',
        optional: true,
      },
    ],
    returns: 'good, fair or poor (in the language asked for); a range in gives a range out.',
    run: runner('KPI_STATUS'),
    example: { call: '=KPI_STATUS("open_rate", 25%, "email")', result: '"good"; with "fa" → "خوب"' },
  },
  {
    name: 'KPI_BENCHMARK',
    description:
      "A KPI's benchmark as one row: direction, good from, good to, fair from, fair to, source, year, currency, scope (and period), link.",
    params: [KPI_PARAM, PROFILE_PARAM],
    returns: 'one row per KPI; a blank bound is open-ended.',
    run: runner('KPI_BENCHMARK'),
    example: {
      call: '=KPI_BENCHMARK("open_rate", "email")',
      result:
        '"higher" | 0.215 | | 0.16125 | | Campaign Monitor, "Ultimate Email Marketing Benchmarks for 2022"… | 2022 | | 100 billion+ emails… | https://…',
    },
  },
];

const ATTRIBUTION_FUNCTION: CustomFunctionSpec = {
  name: 'ATTRIBUTION',
  description:
    'Shares conversions (and value) among the channels of conversion paths by a model: first_touch, last_touch, linear, position_based (40/20/40), time_decay, markov (removal effects of a first-order chain, solved exactly; without non_conversions every journey converts, so a removal effect is the chance to pass through the channel) or shapley (exact, up to 20 channels). One row per channel: channel, credited conversions (, credited value); no header row; channels ordered by the conversions of the paths they appear in, the same order for every model. Credits sum to the total conversions (and value).',
  params: [
    {
      name: 'paths',
      doc: 'A column of path texts, first touch first: "Search > Social > Email" (also › or →). Channel names are trimmed, case kept; identical paths are added together; a text header in the first row is skipped.',
      optional: false,
    },
    {
      name: 'conversions',
      doc: 'Conversions of each path (same rows; 0 for a path that did not convert).',
      optional: false,
    },
    {
      name: 'model',
      doc: '"first_touch", "last_touch", "linear" (each touch equal; a repeated channel is credited per touch), "position_based" (40% first, 40% last, 20% shared by the middle; 2 touches 50/50), "time_decay" (weight 0.5^(touches after it ÷ half_life)), "markov" (removal effects of a first-order chain, solved exactly) or "shapley" (exact Shapley value of v(S) = conversions of the paths whose channels all lie in S; up to 20 channels).',
      optional: false,
    },
    {
      name: 'values',
      doc: 'Conversion value of each path (optional): adds a credited-value column, shared like the conversions (markov and shapley: by the same removal-effect shares / by the value game).',
      optional: true,
    },
    {
      name: 'non_conversions',
      doc: "Journeys that followed each path without converting (optional; only markov uses them, as transitions to null). Without them every journey in the chain converts, so P(conversion) is 1 and a channel's removal effect is the chance a journey passes through it.",
      optional: true,
    },
    {
      name: 'half_life',
      doc: 'time_decay only: the number of touches for a weight to halve (1 when left out; the last touch weighs 1, the one before 0.5).',
      optional: true,
    },
  ],
  returns: 'one row per channel: channel, credited conversions, credited value (when values are given).',
  run: runner('ATTRIBUTION'),
  example: {
    call: '=ATTRIBUTION(A2:A4, B2:B4, "markov", , C2:C4)',
    result:
      '"Google Ads" | 2.4 and "Mailing" | 1.6 for the paths Google Ads, Mailing, Google Ads > Mailing with conversions 2, 1, 1 and non-conversions 1, 0, 0 (removal effects 0.75 and 0.5); "first_touch" → 3 and 1; "last_touch" → 2 and 2; "linear", "position_based" and "shapley" → 2.5 and 1.5',
  },
};

export const CUSTOM_FUNCTIONS: readonly CustomFunctionSpec[] = [
  ...KPIS.map(kpiFunction),
  ...BENCHMARK_FUNCTIONS,
  ATTRIBUTION_FUNCTION,
];
