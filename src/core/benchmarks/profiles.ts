/**
 * The benchmark profiles Mizan ships, as data, each threshold with its source and year
 * (../shared/docs/benchmarks.md; the reasoning is in docs/benchmarks.md).
 *
 * How a published figure becomes good / fair / poor (one rule, applied here and only here):
 * - A single average or median (most benchmarks): good = at least as good as the figure;
 *   fair = within FAIR_MARGIN (25%) of it on the wrong side (higher-is-better: ≥ 0.75 × figure;
 *   lower-is-better: ≤ 1.25 × figure); poor beyond that.
 * - Published tiers (Shopify's average and top-20% marks, Skok's 3:1 and 1:1): the tiers are
 *   the thresholds, no margin added.
 * - A published "excellent" band (bounce rate 25–40%): good inside it; fair within 25% of its
 *   edges (0.75 × low … 1.25 × high); poor outside.
 * A KPI with no published figure has no benchmark, so it gets no colour (never an invented one).
 * Money thresholds are in the currency they were published in (`currency`): USD.
 */
import { kpiById } from '../kpi/registry';
import type { Benchmark, BenchmarkProfile, Citation } from './types';

export const FAIR_MARGIN = 0.25;

function directionOf(kpi: string): 'higher' | 'lower' {
  const d = kpiById(kpi)?.direction;
  if (d !== 'higher' && d !== 'lower')
    throw new Error(`benchmark for ${kpi}: direction ${d} takes no single figure`);
  return d;
}

/** One published average or median → thresholds by the rule above. */
function figure(kpi: string, value: number, citation: Citation, currency?: string): Benchmark {
  const direction = directionOf(kpi);
  const fair = direction === 'higher' ? value * (1 - FAIR_MARGIN) : value * (1 + FAIR_MARGIN);
  return {
    kpi,
    thresholds: { direction, good: value, fair },
    citation,
    fairMargin: FAIR_MARGIN,
    ...(currency ? { currency } : {}),
  };
}

/** Published tiers: good and fair marks straight from the source. */
function tiers(kpi: string, good: number, fair: number, citation: Citation): Benchmark {
  return { kpi, thresholds: { direction: directionOf(kpi), good, fair }, citation };
}

/** A published "excellent" band → good inside, fair within the margin of its edges. */
function band(kpi: string, min: number, max: number, citation: Citation): Benchmark {
  return {
    kpi,
    thresholds: {
      direction: 'band',
      goodMin: min,
      goodMax: max,
      fairMin: min * (1 - FAIR_MARGIN),
      fairMax: max * (1 + FAIR_MARGIN),
    },
    citation,
    fairMargin: FAIR_MARGIN,
  };
}

const SEED_000: Citation = {
  source: '"كيف تقيس نجاح حملتك التسويقية عبر مؤشرات الأداء؟" (Arabic article)',
  year: null,
};
const SEARCH_2025: Citation = {
  source: 'LocaliQ–WordStream search advertising benchmarks (medians, 16,446 US campaigns)',
  year: 2025,
};
const DISPLAY_2018: Citation = { source: 'WordStream display benchmarks', year: 2018 };
const META_TRAFFIC: Citation = {
  source: 'WordStream–LocaliQ Facebook ads benchmarks, traffic objective',
  year: null,
  note: 'edition year not stated in the copy we cite',
};
const META_LEADS: Citation = {
  ...META_TRAFFIC,
  source: 'WordStream–LocaliQ Facebook ads benchmarks, lead objective',
};
const MAILCHIMP: Citation = {
  source: 'Mailchimp email benchmarks, all industries (data to Oct 2019)',
  year: 2019,
};
const MAILCHIMP_SHOP: Citation = {
  source: 'Mailchimp email benchmarks, e-commerce (data to Oct 2019)',
  year: 2019,
};
const CAMPAIGN_MONITOR: Citation = { source: 'Campaign Monitor email benchmarks (2019 data)', year: 2019 };
const SHOPIFY: Citation = {
  source: 'Shopify e-commerce conversion benchmarks',
  year: 2024,
  note: 'fair ≥ 2.5% (average); good > 3.3% (top 20%); top 10% > 4.7%',
};
const SKOK: Citation = { source: 'D. Skok, "SaaS Metrics 2.0"', year: null };
const BOUNCE: Citation = {
  ...SEED_000,
  note: 'Universal Analytics bounce (single-page sessions); landing pages run 70–90%',
};

/** ROI above zero earns more than it costs (seed 000): break-even and up is good, below is poor. */
const ROI: Benchmark = tiers('roi', 0, 0, SEED_000);
const USD = 'USD';

export const BENCHMARK_PROFILES: readonly BenchmarkProfile[] = [
  {
    id: 'search',
    names: { en: 'Search ads', ar: 'إعلانات البحث', fa: 'تبلیغات جستجو' },
    benchmarks: [
      figure('ctr', 0.0666, SEARCH_2025),
      figure('conversion_rate', 0.0752, SEARCH_2025),
      figure('cpc', 5.26, SEARCH_2025, USD),
      figure('cpl', 70.11, SEARCH_2025, USD),
      ROI,
    ],
  },
  {
    id: 'social',
    names: {
      en: 'Paid social (traffic)',
      ar: 'إعلانات التواصل الاجتماعي (زيارات)',
      fa: 'تبلیغات شبکه‌های اجتماعی (ترافیک)',
    },
    benchmarks: [figure('ctr', 0.0151, META_TRAFFIC), figure('cpc', 0.83, META_TRAFFIC, USD), ROI],
  },
  {
    id: 'social-leads',
    names: {
      en: 'Paid social (leads)',
      ar: 'إعلانات التواصل الاجتماعي (عملاء محتملون)',
      fa: 'تبلیغات شبکه‌های اجتماعی (سرنخ)',
    },
    benchmarks: [
      figure('ctr', 0.025, META_LEADS),
      figure('cpc', 1.92, META_LEADS, USD),
      figure('conversion_rate', 0.0825, META_LEADS),
      figure('cpl', 23.1, META_LEADS, USD),
      ROI,
    ],
  },
  {
    id: 'display',
    names: { en: 'Display ads', ar: 'الإعلانات المصوّرة', fa: 'تبلیغات نمایشی' },
    benchmarks: [
      figure('ctr', 0.0046, DISPLAY_2018),
      figure('cpc', 0.63, DISPLAY_2018, USD),
      figure('conversion_rate', 0.0077, DISPLAY_2018),
      ROI,
    ],
  },
  {
    id: 'email',
    names: { en: 'Email', ar: 'البريد الإلكتروني', fa: 'ایمیل' },
    benchmarks: [
      figure('open_rate', 0.2133, MAILCHIMP),
      figure('unsubscribe_rate', 0.0026, MAILCHIMP),
      figure('click_to_open_rate', 0.143, CAMPAIGN_MONITOR),
      ROI,
    ],
  },
  {
    id: 'ecommerce',
    names: { en: 'E-commerce', ar: 'التجارة الإلكترونية', fa: 'فروشگاه اینترنتی' },
    benchmarks: [
      tiers('conversion_rate', 0.033, 0.025, SHOPIFY),
      band('bounce_rate', 0.25, 0.4, BOUNCE),
      figure('open_rate', 0.1568, MAILCHIMP_SHOP),
      ROI,
    ],
  },
  {
    id: 'messaging',
    names: {
      en: 'Messaging (WhatsApp, SMS)',
      ar: 'المراسلة (واتساب، الرسائل القصيرة)',
      fa: 'پیام‌رسان (واتس‌اپ، پیامک)',
    },
    // The one published response rate (7.8%) is a single campaign, not a benchmark: no colour.
    benchmarks: [ROI],
  },
  {
    id: 'website',
    names: { en: 'Website & SEO', ar: 'الموقع وتحسين محركات البحث', fa: 'وب‌سایت و سئو' },
    benchmarks: [band('bounce_rate', 0.25, 0.4, BOUNCE)],
  },
  {
    id: 'saas',
    names: { en: 'SaaS', ar: 'البرمجيات كخدمة (SaaS)', fa: 'نرم‌افزار به‌عنوان سرویس (SaaS)' },
    benchmarks: [
      // 3:1 is healthy; below 1:1 a customer costs more than they bring (exactly 1:1, break-even, is fair).
      tiers('ltv_cac', 3, 1, SKOK),
      figure('cac_payback', 12, SKOK),
      ROI,
    ],
  },
];

const byId = new Map(BENCHMARK_PROFILES.map((p) => [p.id, p]));

export function profileById(id: string): BenchmarkProfile | undefined {
  return byId.get(id);
}

/** The profile's benchmark for a KPI, if it has one. */
export function benchmarkFor(profile: BenchmarkProfile, kpi: string): Benchmark | undefined {
  return profile.benchmarks.find((b) => b.kpi === kpi);
}
