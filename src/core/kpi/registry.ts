/**
 * The KPI registry: every KPI Mizan knows, listed once. Custom functions, report KPIs, the
 * sidebar's KPI list, benchmark profiles and the README's function reference are read from here.
 * Definitions follow ../shared/docs/kpi-reference.md.
 */

import type { Localized } from '../i18n/lang';
import { chanceToWin, twoProportionZTest } from '../stats/ab-test';
import { add, div, type Expr, mul, num, ref, sub } from './expr';
import type { KpiDef, KpiInput } from './types';

const RATE = '0.00%';
const MONEY = '#,##0.00';
const RATIO = '0.00';

const count = (name: string, measures?: KpiInput['measures']): KpiInput => ({
  name,
  kind: 'count',
  ...(measures ? { measures } : {}),
});
const amount = (name: string, measures?: KpiInput['measures']): KpiInput => ({
  name,
  kind: 'amount',
  ...(measures ? { measures } : {}),
});
const signed = (name: string, measures?: KpiInput['measures']): KpiInput => ({
  name,
  kind: 'signed',
  ...(measures ? { measures } : {}),
});
const margin: KpiInput = {
  name: 'gross_margin',
  kind: 'fraction',
  default: 1,
};

/** a ÷ b: the shape of most KPIs. */
const ratio = (a: string, b: string): Expr => div(ref(a), ref(b));

const abInputs: readonly KpiInput[] = [
  count('conversions_a'),
  count('visitors_a'),
  count('conversions_b'),
  count('visitors_b'),
];
/** Conversions cannot exceed the visitors they come from. */
const abParts = [
  ['conversions_a', 'visitors_a'],
  ['conversions_b', 'visitors_b'],
] as const;

export const KPIS: readonly KpiDef[] = [
  {
    id: 'conversion_rate',
    fn: 'CONVERSION_RATE',
    unit: 'rate',
    direction: 'higher',
    format: RATE,
    names: { en: 'Conversion rate', ar: 'معدل التحويل', fa: 'نرخ تبدیل' },
    inputs: [
      count('conversions', ['conversions', 'orders', 'leads']),
      count('visitors', ['visitors', 'sessions', 'clicks']),
    ],
    expr: ratio('conversions', 'visitors'),
    source: 'Google Ads help 2684489; seed 000 (its "× 0.2" is a typo)',
  },
  {
    id: 'ctr',
    fn: 'CTR',
    unit: 'rate',
    direction: 'higher',
    format: RATE,
    names: { en: 'Click-through rate (CTR)', ar: 'نسبة النقر (CTR)', fa: 'نرخ کلیک (CTR)' },
    inputs: [count('clicks', ['clicks']), count('impressions', ['impressions'])],
    expr: ratio('clicks', 'impressions'),
    source: 'Google Ads help 2615875',
  },
  {
    id: 'cpc',
    fn: 'CPC',
    unit: 'money',
    direction: 'lower',
    format: MONEY,
    names: { en: 'Cost per click (CPC)', ar: 'تكلفة النقرة (CPC)', fa: 'هزینه هر کلیک (CPC)' },
    inputs: [amount('cost', ['cost']), count('clicks', ['clicks'])],
    expr: ratio('cost', 'clicks'),
    source: 'Google Ads help 14074',
  },
  {
    id: 'cpm',
    fn: 'CPM',
    unit: 'money',
    direction: 'lower',
    format: MONEY,
    names: { en: 'Cost per mille (CPM)', ar: 'تكلفة الألف ظهور (CPM)', fa: 'هزینه هر هزار نمایش (CPM)' },
    inputs: [amount('cost', ['cost']), count('impressions', ['impressions'])],
    expr: mul(ratio('cost', 'impressions'), num(1000)),
    source: 'standard',
  },
  {
    id: 'cpa',
    fn: 'CPA',
    unit: 'money',
    direction: 'lower',
    format: MONEY,
    names: { en: 'Cost per acquisition (CPA)', ar: 'تكلفة الاكتساب (CPA)', fa: 'هزینه هر اقدام (CPA)' },
    inputs: [amount('cost', ['cost']), count('conversions', ['conversions'])],
    expr: ratio('cost', 'conversions'),
    source: 'Google Ads help 6396841; seed 000',
  },
  {
    id: 'cpl',
    fn: 'CPL',
    unit: 'money',
    direction: 'lower',
    format: MONEY,
    names: { en: 'Cost per lead (CPL)', ar: 'تكلفة العميل المحتمل (CPL)', fa: 'هزینه هر سرنخ (CPL)' },
    inputs: [amount('cost', ['cost']), count('leads', ['leads'])],
    expr: ratio('cost', 'leads'),
    source: 'seed 003',
  },
  {
    id: 'cac',
    fn: 'CAC',
    unit: 'money',
    direction: 'lower',
    format: MONEY,
    names: {
      en: 'Customer acquisition cost (CAC)',
      ar: 'تكلفة اكتساب العميل (CAC)',
      fa: 'هزینه جذب مشتری (CAC)',
    },
    inputs: [amount('cost', ['cost']), count('new_customers', ['new_customers'])],
    expr: ratio('cost', 'new_customers'),
    source: 'HubSpot glossary; seed 001',
  },
  {
    id: 'roi',
    fn: 'ROI',
    unit: 'rate',
    direction: 'higher',
    format: RATE,
    names: { en: 'Return on investment (ROI)', ar: 'العائد على الاستثمار (ROI)', fa: 'بازگشت سرمایه (ROI)' },
    inputs: [signed('revenue', ['revenue']), amount('cost', ['cost']), margin],
    expr: div(sub(mul(ref('revenue'), ref('gross_margin')), ref('cost')), ref('cost')),
    source: 'seed 000; HubSpot glossary; MASB (ROMI)',
    // 1 + ROI is the margin's return per unit of cost: targets judge it as ROAS's.
    origin: -1,
  },
  {
    id: 'roas',
    fn: 'ROAS',
    unit: 'ratio',
    direction: 'higher',
    format: RATIO,
    names: {
      en: 'Return on ad spend (ROAS)',
      ar: 'العائد على الإنفاق الإعلاني (ROAS)',
      fa: 'بازده هزینه تبلیغات (ROAS)',
    },
    inputs: [signed('revenue', ['revenue']), amount('cost', ['cost'])],
    expr: ratio('revenue', 'cost'),
    source: 'Google Ads API metrics',
  },
  {
    id: 'clv',
    fn: 'CLV',
    unit: 'money',
    direction: 'higher',
    format: MONEY,
    names: {
      en: 'Customer lifetime value (CLV)',
      ar: 'القيمة الدائمة للعميل (CLV)',
      fa: 'ارزش طول عمر مشتری (CLV)',
    },
    inputs: [
      amount('avg_order_value'),
      { name: 'purchases_per_period', kind: 'nonneg_rate' },
      { name: 'lifespan_periods', kind: 'nonneg_rate' },
      margin,
    ],
    expr: mul(
      mul(mul(ref('avg_order_value'), ref('purchases_per_period')), ref('lifespan_periods')),
      ref('gross_margin'),
    ),
    source: 'seed 000',
  },
  {
    id: 'clv_retention',
    fn: 'CLV_RETENTION',
    unit: 'money',
    direction: 'higher',
    format: MONEY,
    names: {
      en: 'CLV (retention model)',
      ar: 'القيمة الدائمة للعميل (نموذج الاحتفاظ)',
      fa: 'ارزش طول عمر مشتری (مدل نگهداشت)',
    },
    inputs: [
      signed('margin_per_period'),
      { name: 'retention_rate', kind: 'fraction' },
      { name: 'discount_rate', kind: 'nonneg_rate' },
    ],
    expr: div(
      mul(ref('margin_per_period'), ref('retention_rate')),
      sub(add(num(1), ref('discount_rate')), ref('retention_rate')),
    ),
    source: 'Gupta & Lehmann',
  },
  {
    id: 'ltv_cac',
    fn: 'LTV_CAC',
    unit: 'ratio',
    direction: 'higher',
    format: RATIO,
    names: { en: 'LTV:CAC ratio', ar: 'نسبة LTV:CAC', fa: 'نسبت LTV:CAC' },
    inputs: [amount('clv'), amount('cac')],
    expr: ratio('clv', 'cac'),
    source: 'seed 000; D. Skok',
  },
  {
    id: 'cac_payback',
    fn: 'CAC_PAYBACK',
    unit: 'months',
    direction: 'lower',
    format: '0.0',
    names: {
      en: 'CAC payback (months)',
      ar: 'مدة استرداد تكلفة الاكتساب (أشهر)',
      fa: 'دوره بازگشت CAC (ماه)',
    },
    inputs: [amount('cac'), amount('monthly_revenue_per_customer'), margin],
    expr: div(ref('cac'), mul(ref('monthly_revenue_per_customer'), ref('gross_margin'))),
    source: 'SaaS metrics literature',
  },
  {
    id: 'bounce_rate',
    fn: 'BOUNCE_RATE',
    unit: 'rate',
    direction: 'band',
    format: RATE,
    names: { en: 'Bounce rate', ar: 'معدل الارتداد', fa: 'نرخ پرش' },
    inputs: [count('bounces', ['bounces']), count('sessions', ['sessions'])],
    expr: ratio('bounces', 'sessions'),
    notMoreThan: [['bounces', 'sessions']],
    source: 'Google Analytics help 11109416; seed 000',
  },
  {
    id: 'exit_rate',
    fn: 'EXIT_RATE',
    unit: 'rate',
    direction: 'lower',
    format: RATE,
    names: { en: 'Exit rate', ar: 'معدل الخروج', fa: 'نرخ خروج' },
    inputs: [count('exits', ['exits']), count('pageviews', ['pageviews'])],
    expr: ratio('exits', 'pageviews'),
    notMoreThan: [['exits', 'pageviews']],
    source: 'seed 000',
  },
  {
    id: 'avg_session_duration',
    fn: 'AVG_SESSION_DURATION',
    unit: 'duration',
    direction: 'higher',
    format: '#,##0.0" s"',
    names: { en: 'Average session duration', ar: 'متوسط مدة الجلسة', fa: 'میانگین مدت نشست' },
    inputs: [
      {
        name: 'total_duration',
        kind: 'duration',
        measures: ['total_duration'],
      },
      count('sessions', ['sessions']),
    ],
    expr: ratio('total_duration', 'sessions'),
    source: 'seed 000',
  },
  {
    id: 'open_rate',
    fn: 'OPEN_RATE',
    unit: 'rate',
    direction: 'higher',
    format: RATE,
    names: { en: 'Email open rate', ar: 'معدل فتح البريد', fa: 'نرخ بازشدن ایمیل' },
    inputs: [count('opens', ['opens']), count('delivered', ['delivered', 'emails_sent'])],
    expr: ratio('opens', 'delivered'),
    notMoreThan: [['opens', 'delivered']],
    source: 'Mailchimp help; seed 000',
  },
  {
    id: 'click_to_open_rate',
    fn: 'CLICK_TO_OPEN_RATE',
    unit: 'rate',
    direction: 'higher',
    format: RATE,
    names: {
      en: 'Click-to-open rate (CTOR)',
      ar: 'معدل النقر إلى الفتح (CTOR)',
      fa: 'نرخ کلیک به بازشدن (CTOR)',
    },
    inputs: [count('clicks', ['email_clicks']), count('opens', ['opens'])],
    expr: ratio('clicks', 'opens'),
    source: 'Acoustic help',
  },
  {
    id: 'unsubscribe_rate',
    fn: 'UNSUBSCRIBE_RATE',
    unit: 'rate',
    direction: 'lower',
    format: RATE,
    names: { en: 'Unsubscribe rate', ar: 'معدل إلغاء الاشتراك', fa: 'نرخ لغو اشتراک' },
    inputs: [count('unsubscribes', ['unsubscribes']), count('delivered', ['delivered', 'emails_sent'])],
    expr: ratio('unsubscribes', 'delivered'),
    source: 'kpi-reference',
  },
  {
    id: 'response_rate',
    fn: 'RESPONSE_RATE',
    unit: 'rate',
    direction: 'higher',
    format: RATE,
    names: { en: 'Response rate', ar: 'معدل الاستجابة', fa: 'نرخ پاسخ' },
    inputs: [count('responses', ['responses']), count('messages_sent', ['messages_sent'])],
    expr: ratio('responses', 'messages_sent'),
    source: 'seed 003',
  },
  {
    id: 'aov',
    fn: 'AOV',
    unit: 'money',
    direction: 'higher',
    format: MONEY,
    names: { en: 'Average order value (AOV)', ar: 'متوسط قيمة الطلب (AOV)', fa: 'میانگین ارزش سفارش (AOV)' },
    inputs: [signed('revenue', ['revenue']), count('orders', ['orders', 'conversions'])],
    expr: ratio('revenue', 'orders'),
    source: 'seed 002',
  },
  {
    id: 'retention_rate',
    fn: 'RETENTION_RATE',
    unit: 'rate',
    direction: 'higher',
    format: RATE,
    names: { en: 'Customer retention rate', ar: 'معدل الاحتفاظ بالعملاء', fa: 'نرخ نگهداشت مشتری' },
    inputs: [
      count('customers_end', ['customers_end']),
      count('new_customers', ['new_customers']),
      count('customers_start', ['customers_start']),
    ],
    expr: div(sub(ref('customers_end'), ref('new_customers')), ref('customers_start')),
    notMoreThan: [['new_customers', 'customers_end']],
    source: 'HubSpot glossary; seed 002',
  },
  {
    id: 'churn_rate',
    fn: 'CHURN_RATE',
    unit: 'rate',
    direction: 'lower',
    format: RATE,
    names: { en: 'Churn rate', ar: 'معدل فقدان العملاء', fa: 'نرخ ریزش مشتری' },
    inputs: [count('customers_lost', ['customers_lost']), count('customers_start', ['customers_start'])],
    expr: ratio('customers_lost', 'customers_start'),
    notMoreThan: [['customers_lost', 'customers_start']],
    source: 'standard',
  },
  {
    id: 'engagement_rate',
    fn: 'ENGAGEMENT_RATE',
    unit: 'rate',
    direction: 'higher',
    format: RATE,
    names: { en: 'Engagement rate', ar: 'معدل التفاعل', fa: 'نرخ تعامل' },
    inputs: [count('engagements', ['engagements']), count('reach', ['reach', 'impressions'])],
    expr: ratio('engagements', 'reach'),
    source: 'Hootsuite',
  },
  {
    id: 'nps',
    fn: 'NPS',
    unit: 'points',
    direction: 'higher',
    format: '0.0',
    names: {
      en: 'Net Promoter Score (NPS)',
      ar: 'صافي نقاط الترويج (NPS)',
      fa: 'خالص امتیاز ترویج‌کنندگان (NPS)',
    },
    inputs: [{ name: 'scores', kind: 'scores' }],
    formulaText: {
      en: '% promoters (9–10) − % detractors (0–6)',
      ar: '% المروّجون (9–10) − % المنتقدون (0–6)',
      fa: '٪ ترویج‌کنندگان (۹–۱۰) − ٪ منتقدان (۰–۶)',
    },
    source: 'Bain / Reichheld',
  },
  {
    id: 'pct_change',
    fn: 'PCT_CHANGE',
    unit: 'rate',
    direction: 'neutral',
    format: '+0.0%;-0.0%;0.0%',
    names: { en: 'Change vs previous period', ar: 'التغير عن الفترة السابقة', fa: 'تغییر نسبت به دوره قبل' },
    inputs: [signed('current'), signed('previous')],
    expr: div(sub(ref('current'), ref('previous')), ref('previous')),
    source: 'standard',
  },
  {
    id: 'ab_significance',
    fn: 'AB_SIGNIFICANCE',
    unit: 'probability',
    direction: 'neutral',
    format: '0.0000',
    names: { en: 'A/B test p-value', ar: 'القيمة الاحتمالية لاختبار A/B', fa: 'مقدار p آزمون A/B' },
    inputs: abInputs,
    notMoreThan: abParts,
    // Indexed, not destructured: rows arrive as a reused Float64Array, and destructuring one
    // goes through its iterator on every row. Order: conversions_a, visitors_a, conversions_b, visitors_b.
    compute: (v) => {
      const t = twoProportionZTest(v[0] as number, v[1] as number, v[2] as number, v[3] as number);
      return t
        ? t.pValue
        : { reason: 'the test is undefined: a variant has no visitors, or no variation in outcomes' };
    },
    formulaText: {
      en: 'p = 2(1 − Φ(|z|)), pooled two-proportion z-test',
      ar: 'p = 2(1 − Φ(|z|))، اختبار z لنسبتين',
      fa: 'p = 2(1 − Φ(|z|))، آزمون z دو نسبت',
    },
    source: 'standard two-proportion z-test',
  },
  {
    id: 'ab_chance_to_win',
    fn: 'AB_CHANCE_TO_WIN',
    unit: 'probability',
    direction: 'neutral',
    format: '0.00%',
    names: { en: 'A/B chance B beats A', ar: 'احتمال تفوق B على A', fa: 'احتمال برتری B بر A' },
    inputs: abInputs,
    notMoreThan: abParts,
    wholeNumbers: true,
    compute: (v) => chanceToWin(v[0] as number, v[1] as number, v[2] as number, v[3] as number),
    formulaText: {
      en: 'P(rate B > rate A), Beta(1 + conversions, 1 + failures) posteriors',
      ar: 'P(معدل B > معدل A)، توزيعات بيتا اللاحقة',
      fa: 'P(نرخ B > نرخ A)، پسین‌های بتا',
    },
    source: 'E. Miller, "Formulas for Bayesian A/B testing"',
  },
];

const byId = new Map(KPIS.map((k) => [k.id, k]));

export function kpiById(id: string): KpiDef | undefined {
  return byId.get(id);
}

/**
 * Each KPI's one-line description in English, Arabic and Persian, by id. Part of the registry,
 * kept as its own map so that only its readers carry it: the sidebar (functions help) and the
 * build (JSDoc, README). The Apps Script bundle never reads it, and esbuild leaves it out.
 */
export const KPI_DESCRIPTIONS: Readonly<Record<string, Localized>> = {
  conversion_rate: {
    en: 'Share of visitors (or clicks, sessions) who converted: conversions ÷ visitors.',
    ar: 'نسبة الزوار (أو النقرات أو الجلسات) الذين أتموا التحويل: التحويلات ÷ الزوار.',
    fa: 'سهم بازدیدکنندگان (یا کلیک‌ها، نشست‌ها) که تبدیل شدند: تبدیل‌ها ÷ بازدیدکنندگان.',
  },
  ctr: {
    en: 'Share of impressions that were clicked: clicks ÷ impressions.',
    ar: 'نسبة مرات الظهور التي نُقر عليها: النقرات ÷ مرات الظهور.',
    fa: 'سهم نمایش‌هایی که کلیک شدند: کلیک‌ها ÷ نمایش‌ها.',
  },
  cpc: {
    en: 'Average cost of one click: cost ÷ clicks.',
    ar: 'متوسط تكلفة النقرة الواحدة: التكلفة ÷ النقرات.',
    fa: 'میانگین هزینه هر کلیک: هزینه ÷ کلیک‌ها.',
  },
  cpm: {
    en: 'Cost of a thousand impressions: cost ÷ impressions × 1000.',
    ar: 'تكلفة ألف مرة ظهور: التكلفة ÷ مرات الظهور × 1000.',
    fa: 'هزینه هر هزار نمایش: هزینه ÷ نمایش‌ها × ۱۰۰۰.',
  },
  cpa: {
    en: 'Average cost of one conversion: cost ÷ conversions.',
    ar: 'متوسط تكلفة التحويل الواحد: التكلفة ÷ التحويلات.',
    fa: 'میانگین هزینه هر تبدیل: هزینه ÷ تبدیل‌ها.',
  },
  cpl: {
    en: 'Average cost of one lead: cost ÷ leads.',
    ar: 'متوسط تكلفة العميل المحتمل: التكلفة ÷ العملاء المحتملون.',
    fa: 'میانگین هزینه هر سرنخ: هزینه ÷ سرنخ‌ها.',
  },
  cac: {
    en: 'Cost of winning one new customer: acquisition cost ÷ new customers.',
    ar: 'تكلفة كسب عميل جديد: تكلفة الاكتساب ÷ العملاء الجدد.',
    fa: 'هزینه جذب هر مشتری جدید: هزینه جذب ÷ مشتریان جدید.',
  },
  roi: {
    en: 'Profit per unit of cost: (revenue × margin − cost) ÷ cost; margin 1 unless given (ROMI).',
    ar: 'الربح لكل وحدة تكلفة: (الإيرادات × الهامش − التكلفة) ÷ التكلفة؛ الهامش 1 ما لم يُحدَّد.',
    fa: 'سود به ازای هر واحد هزینه: (درآمد × حاشیه سود − هزینه) ÷ هزینه؛ حاشیه ۱ مگر آنکه داده شود.',
  },
  roas: {
    en: 'Revenue per unit of ad spend: revenue ÷ cost (4 means 400%).',
    ar: 'الإيرادات لكل وحدة إنفاق إعلاني: الإيرادات ÷ التكلفة (4 تعني 400%).',
    fa: 'درآمد به ازای هر واحد هزینه تبلیغ: درآمد ÷ هزینه (۴ یعنی ۴۰۰٪).',
  },
  clv: {
    en: 'Value of a customer over their life: order value × purchases per period × periods × margin.',
    ar: 'قيمة العميل طوال علاقته: قيمة الطلب × المشتريات في الفترة × عدد الفترات × الهامش.',
    fa: 'ارزش مشتری در طول عمرش: ارزش سفارش × خرید در هر دوره × تعداد دوره‌ها × حاشیه سود.',
  },
  clv_retention: {
    en: 'Lifetime value from margin, retention and discount rate per period: m × r ÷ (1 + d − r).',
    ar: 'القيمة الدائمة من الهامش ومعدل الاحتفاظ ومعدل الخصم لكل فترة: m × r ÷ (1 + d − r).',
    fa: 'ارزش طول عمر از حاشیه سود، نرخ نگهداشت و نرخ تنزیل هر دوره: m × r ÷ (1 + d − r).',
  },
  ltv_cac: {
    en: 'Lifetime value per unit of acquisition cost: CLV ÷ CAC; 3:1 is the usual healthy mark.',
    ar: 'القيمة الدائمة لكل وحدة من تكلفة الاكتساب: CLV ÷ CAC؛ و3:1 هي العلامة الصحية المعتادة.',
    fa: 'ارزش طول عمر به ازای هر واحد هزینه جذب: CLV ÷ CAC؛ ۳ به ۱ نشانه معمول سلامت است.',
  },
  cac_payback: {
    en: 'Months to earn back CAC: CAC ÷ (monthly revenue per customer × margin).',
    ar: 'عدد الأشهر لاسترداد تكلفة الاكتساب: CAC ÷ (الإيراد الشهري للعميل × الهامش).',
    fa: 'تعداد ماه‌های لازم برای بازگشت CAC: CAC ÷ (درآمد ماهانه هر مشتری × حاشیه سود).',
  },
  bounce_rate: {
    en: 'Share of single-page sessions: bounces ÷ sessions (not GA4’s 1 − engaged ÷ sessions).',
    ar: 'نسبة الجلسات ذات الصفحة الواحدة: الارتدادات ÷ الجلسات.',
    fa: 'سهم نشست‌های تک‌صفحه‌ای: پرش‌ها ÷ نشست‌ها.',
  },
  exit_rate: {
    en: 'Share of page views that ended the visit: exits ÷ page views.',
    ar: 'نسبة مشاهدات الصفحة التي انتهت بها الزيارة: مرات الخروج ÷ المشاهدات.',
    fa: 'سهم بازدیدهای صفحه که به خروج انجامید: خروج‌ها ÷ بازدیدهای صفحه.',
  },
  avg_session_duration: {
    en: 'Average time per session, in the unit of the total (seconds): total time ÷ sessions.',
    ar: 'متوسط الوقت لكل جلسة بوحدة الإجمالي (ثوانٍ): إجمالي الوقت ÷ الجلسات.',
    fa: 'میانگین زمان هر نشست به واحد مجموع (ثانیه): مجموع زمان ÷ نشست‌ها.',
  },
  open_rate: {
    en: 'Share of delivered emails opened: unique opens ÷ delivered.',
    ar: 'نسبة الرسائل المسلّمة التي فُتحت: مرات الفتح الفريدة ÷ الرسائل المسلّمة.',
    fa: 'سهم ایمیل‌های تحویل‌شده که باز شدند: بازشدن‌های یکتا ÷ تحویل‌شده‌ها.',
  },
  click_to_open_rate: {
    en: 'Share of openers who clicked: unique clicks ÷ unique opens.',
    ar: 'نسبة من فتحوا الرسالة ثم نقروا: النقرات الفريدة ÷ مرات الفتح الفريدة.',
    fa: 'سهم بازکنندگانی که کلیک کردند: کلیک‌های یکتا ÷ بازشدن‌های یکتا.',
  },
  unsubscribe_rate: {
    en: 'Share of delivered emails that led to an unsubscribe: unsubscribes ÷ delivered.',
    ar: 'نسبة الرسائل المسلّمة التي أدت إلى إلغاء الاشتراك: الإلغاءات ÷ الرسائل المسلّمة.',
    fa: 'سهم ایمیل‌های تحویل‌شده که به لغو اشتراک انجامید: لغو اشتراک‌ها ÷ تحویل‌شده‌ها.',
  },
  response_rate: {
    en: 'Share of messages answered (WhatsApp, SMS): responses ÷ messages sent.',
    ar: 'نسبة الرسائل التي تلقت ردًا (واتساب، الرسائل القصيرة): الردود ÷ الرسائل المرسلة.',
    fa: 'سهم پیام‌هایی که پاسخ گرفتند (واتس‌اپ، پیامک): پاسخ‌ها ÷ پیام‌های ارسال‌شده.',
  },
  aov: {
    en: 'Revenue per order: revenue ÷ orders.',
    ar: 'الإيراد لكل طلب: الإيرادات ÷ الطلبات.',
    fa: 'درآمد به ازای هر سفارش: درآمد ÷ سفارش‌ها.',
  },
  retention_rate: {
    en: 'Share of starting customers kept: (customers at end − new customers) ÷ customers at start.',
    ar: 'نسبة العملاء المحتفظ بهم: (العملاء في النهاية − العملاء الجدد) ÷ العملاء في البداية.',
    fa: 'سهم مشتریان حفظ‌شده: (مشتریان پایان دوره − مشتریان جدید) ÷ مشتریان ابتدای دوره.',
  },
  churn_rate: {
    en: 'Share of starting customers lost: customers lost ÷ customers at start.',
    ar: 'نسبة العملاء المفقودين: العملاء المفقودون ÷ العملاء في البداية.',
    fa: 'سهم مشتریان از دست رفته: مشتریان از دست رفته ÷ مشتریان ابتدای دوره.',
  },
  engagement_rate: {
    en: 'Engagements per person reached: engagements ÷ reach (or followers, impressions: say which).',
    ar: 'التفاعلات لكل شخص تم الوصول إليه: التفاعلات ÷ الوصول.',
    fa: 'تعامل‌ها به ازای هر فرد دسترسی‌یافته: تعامل‌ها ÷ دسترسی.',
  },
  nps: {
    en: 'Percent promoters (9–10) minus percent detractors (0–6), from −100 to 100.',
    ar: 'نسبة المروّجين (9–10) ناقص نسبة المنتقدين (0–6)، من −100 إلى 100.',
    fa: 'درصد ترویج‌کنندگان (۹–۱۰) منهای درصد منتقدان (۰–۶)، از −۱۰۰ تا ۱۰۰.',
  },
  pct_change: {
    en: 'Relative change: (current − previous) ÷ previous; undefined when previous is 0.',
    ar: 'التغير النسبي: (الحالي − السابق) ÷ السابق؛ غير معرّف عندما يكون السابق صفرًا.',
    fa: 'تغییر نسبی: (فعلی − قبلی) ÷ قبلی؛ وقتی قبلی صفر است تعریف‌نشده است.',
  },
  ab_significance: {
    en: 'Two-sided p-value of a pooled two-proportion z-test (no continuity correction).',
    ar: 'القيمة الاحتمالية ثنائية الطرف لاختبار z لنسبتين بالخطأ المعياري المجمّع.',
    fa: 'مقدار p دوطرفه آزمون z دو نسبت با خطای معیار ادغام‌شده.',
  },
  ab_chance_to_win: {
    en: 'Probability that B’s conversion rate beats A’s (Beta(1,1) priors, exact).',
    ar: 'احتمال أن يتفوق معدل تحويل B على A (توزيع بيتا، حساب دقيق).',
    fa: 'احتمال اینکه نرخ تبدیل B از A بیشتر باشد (پیشین بتا، محاسبه دقیق).',
  },
};
