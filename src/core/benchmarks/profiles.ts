/**
 * The benchmark profiles Mizan ships, as data, each figure with its publisher, edition, period,
 * scope and link (docs/benchmarks.md lists them and what was dropped, and why).
 *
 * How a published figure becomes good / fair / poor (one rule, applied here and only here):
 * - A single average or median (most benchmarks): good = at least as good as the figure;
 *   fair = within FAIR_MARGIN (25%) of it on the wrong side (higher-is-better: ≥ 0.75 × figure;
 *   lower-is-better: ≤ 1.25 × figure); poor beyond that.
 * - Published tiers (Littledata's Shopify average and top-20% marks): the tiers are the
 *   thresholds, no margin added.
 * - ROI ≥ 0 (break-even) is Mizan's rule, not a published figure, and is labelled so.
 * A KPI with no published, dated figure has no benchmark, so it gets no colour (never an invented one).
 * Money thresholds are in the currency they were published in (`currency`): USD.
 */
import { kpiById } from '../kpi/registry';
import type { Benchmark, BenchmarkProfile, Citation, ProfileGroup, Source } from './types';

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
  // Rounded to 12 significant digits: 0.0259 × 0.75 is 0.019425, not 0.019424999999999998.
  const fair = Number(
    (direction === 'higher' ? value * (1 - FAIR_MARGIN) : value * (1 + FAIR_MARGIN)).toPrecision(12),
  );
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

/**
 * The 10th edition (2026). The report calls its figures averages; they are medians (victorinollc.com:
 * "Median figures, not means"). Its industry tables could not be read in any copy: no industry profiles.
 */
const SEARCH: Source = {
  publisher: 'LocaliQ / WordStream',
  title: 'Google Ads Benchmarks 2026',
  year: 2026,
  period: 'Apr 2025 – Mar 2026',
  scope: '13,474 US Google & Microsoft Ads search campaigns, all industries, median',
  link: 'https://victorinollc.com/thinking/google-ads-2026-ai-bid-governance',
  secondary: true,
};
const META: Omit<Source, 'scope' | 'link'> = {
  publisher: 'WordStream',
  title: 'Facebook Ads Benchmarks 2025',
  year: 2025,
  period: 'Apr 2024 – Jun 2025',
  secondary: true,
};
const TRAFFIC = 'US Facebook campaigns, traffic objective, all industries, average';
const META_TRAFFIC: Source = {
  ...META,
  scope: TRAFFIC,
  link: 'https://adplay.ai/blog/good-ctr-facebook-ads',
};
/** The traffic CPC and the period were read together on one page quoting the 2025 edition. */
const META_TRAFFIC_CPC: Source = {
  ...META,
  scope: TRAFFIC,
  link: 'https://www.shno.co/marketing-statistics/facebook-ads-statistics',
};
const META_LEADS: Source = {
  ...META,
  scope: 'US Facebook campaigns, leads objective, all industries, median (n = 726)',
  link: 'https://www.mbadv.agency/meta-ads/meta-ads-metrics-reporting-and-optimization',
};
/** Campaign Monitor's 2022 report: 2021 sends, the first year with Apple Mail Privacy Protection. */
const EMAIL: Omit<Source, 'scope'> = {
  publisher: 'Campaign Monitor',
  title: 'Ultimate Email Marketing Benchmarks for 2022',
  year: 2022,
  period: 'Jan – Dec 2021',
  link: 'https://bizness-journal.com/2022/08',
  secondary: true,
};
const emailSource = (who: string): Source => ({
  ...EMAIL,
  scope: `100 billion+ emails sent worldwide by CM Group customers, ${who}, average`,
});
const EMAIL_ALL = emailSource('all industries');
const LITTLEDATA: Source = {
  publisher: 'Littledata (quoted by Shopify)',
  title: 'Shopify store conversion rate benchmark',
  year: 2023,
  period: '2023',
  scope: 'about 2,800 Shopify stores; fair = the average store, good = the top 20%',
  link: 'https://www.shopify.com/blog/ecommerce-conversion-rate',
  secondary: true,
};

/** ROI above zero earns more than it costs: Mizan's break-even rule, good from 0, below it poor. */
const BREAK_EVEN: Citation = { mizan: 'breakEven' };
const ROI: Benchmark = tiers('roi', 0, 0, BREAK_EVEN);
const USD = 'USD';

/**
 * Campaign Monitor's industries: open rate, click-to-open rate, unsubscribe rate (fractions).
 * Names en | ar | fa. The same rule as the all-industry figures turns each into thresholds.
 */
const EMAIL_INDUSTRIES: readonly (readonly [string, string, number, number, number])[] = [
  [
    'marketing|Advertising & marketing|الإعلان والتسويق|تبلیغات و بازاریابی',
    'Advertising & Marketing',
    0.205,
    0.09,
    0.002,
  ],
  ['agriculture|Agriculture|الزراعة|کشاورزی', 'Agriculture, Forestry, Fishing, Hunting', 0.273, 0.125, 0.003],
  [
    'cpg|Consumer packaged goods|السلع الاستهلاكية المعبأة|کالاهای مصرفی بسته‌بندی‌شده',
    'Consumer Packaged Goods',
    0.2,
    0.111,
    0.001,
  ],
  ['education|Education|التعليم|آموزش', 'Education', 0.285, 0.157, 0.002],
  ['finance|Financial services|الخدمات المالية|خدمات مالی', 'Financial Services', 0.271, 0.101, 0.002],
  [
    'food|Restaurants, food & beverage|المطاعم والأغذية والمشروبات|رستوران، غذا و نوشیدنی',
    'Restaurant, Food & Beverage',
    0.185,
    0.105,
    0.001,
  ],
  [
    'government|Government & politics|الحكومة والسياسة|دولت و سیاست',
    'Government & Politics',
    0.194,
    0.143,
    0.001,
  ],
  ['healthcare|Healthcare services|الخدمات الصحية|خدمات درمانی', 'Healthcare Services', 0.237, 0.134, 0.003],
  [
    'tech|IT, tech & software|تقنية المعلومات والبرمجيات|فناوری اطلاعات و نرم‌افزار',
    'IT/Tech/Software',
    0.227,
    0.098,
    0.002,
  ],
  [
    'logistics|Logistics & wholesale|الخدمات اللوجستية وتجارة الجملة|لجستیک و عمده‌فروشی',
    'Logistics & Wholesale',
    0.234,
    0.117,
    0.003,
  ],
  [
    'media|Media, entertainment & publishing|الإعلام والترفيه والنشر|رسانه، سرگرمی و نشر',
    'Media, Entertainment, Publishing',
    0.239,
    0.124,
    0.001,
  ],
  ['nonprofit|Nonprofit|المنظمات غير الربحية|سازمان‌های غیرانتفاعی', 'Nonprofit', 0.266, 0.102, 0.002],
  [
    'professional|Professional services|الخدمات المهنية|خدمات حرفه‌ای',
    'Professional Services',
    0.193,
    0.111,
    0.002,
  ],
  [
    'real-estate|Real estate, design & construction|العقارات والتصميم والبناء|املاک، طراحی و ساخت‌وساز',
    'Real Estate, Design, Construction',
    0.217,
    0.172,
    0.002,
  ],
  ['retail|Retail|التجزئة|خرده‌فروشی', 'Retail', 0.171, 0.058, 0.001],
  [
    'travel|Travel, hospitality & leisure|السفر والضيافة والترفيه|سفر، مهمان‌نوازی و تفریح',
    'Travel, Hospitality, Leisure',
    0.202,
    0.087,
    0.002,
  ],
  [
    'fitness|Wellness & fitness|الصحة واللياقة|سلامتی و تناسب اندام',
    'Wellness & Fitness',
    0.192,
    0.06,
    0.004,
  ],
];

function emailFigures(open: number, ctor: number, unsubscribe: number, source: Source): Benchmark[] {
  return [
    figure('open_rate', open, source),
    figure('click_to_open_rate', ctor, source),
    figure('unsubscribe_rate', unsubscribe, source),
    ROI,
  ];
}

/** The picker's heading over the email industry profiles. */
export const EMAIL_INDUSTRY_GROUP: ProfileGroup = {
  id: 'email',
  names: {
    en: 'Email by industry',
    ar: 'البريد الإلكتروني حسب القطاع',
    fa: 'ایمیل بر اساس صنعت',
  },
};

const EMAIL_BY_INDUSTRY: BenchmarkProfile[] = EMAIL_INDUSTRIES.map(([names, who, open, ctor, unsub]) => {
  const [id, en, ar, fa] = names.split('|') as [string, string, string, string];
  return {
    id: `email/${id}`,
    names: { en: `Email: ${en}`, ar: `البريد الإلكتروني: ${ar}`, fa: `ایمیل: ${fa}` },
    group: EMAIL_INDUSTRY_GROUP,
    benchmarks: emailFigures(open, ctor, unsub, emailSource(`${who} industry`)),
  };
});

export const BENCHMARK_PROFILES: readonly BenchmarkProfile[] = [
  {
    id: 'search',
    names: { en: 'Search ads', ar: 'إعلانات البحث', fa: 'تبلیغات جستجو' },
    benchmarks: [
      figure('ctr', 0.0664, SEARCH),
      figure('conversion_rate', 0.0818, SEARCH),
      figure('cpc', 5.42, SEARCH, USD),
      figure('cpl', 66.69, SEARCH, USD),
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
    benchmarks: [figure('ctr', 0.0171, META_TRAFFIC), figure('cpc', 0.7, META_TRAFFIC_CPC, USD), ROI],
  },
  {
    id: 'social-leads',
    names: {
      en: 'Paid social (leads)',
      ar: 'إعلانات التواصل الاجتماعي (عملاء محتملون)',
      fa: 'تبلیغات شبکه‌های اجتماعی (سرنخ)',
    },
    benchmarks: [figure('ctr', 0.0259, META_LEADS), figure('cpl', 27.66, META_LEADS, USD), ROI],
  },
  {
    id: 'display',
    names: { en: 'Display ads', ar: 'الإعلانات المصوّرة', fa: 'تبلیغات نمایشی' },
    // No dated display benchmark could be read (the old 0.46% CTR carries no year anywhere).
    benchmarks: [ROI],
  },
  {
    id: 'email',
    names: { en: 'Email', ar: 'البريد الإلكتروني', fa: 'ایمیل' },
    benchmarks: emailFigures(0.215, 0.105, 0.001, EMAIL_ALL),
  },
  ...EMAIL_BY_INDUSTRY,
  {
    id: 'ecommerce',
    names: { en: 'E-commerce', ar: 'التجارة الإلكترونية', fa: 'فروشگاه اینترنتی' },
    benchmarks: [
      tiers('conversion_rate', 0.032, 0.014, LITTLEDATA),
      figure('open_rate', 0.171, emailSource('Retail industry')),
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
    // The 25–40% bounce band was a Universal Analytics rule of thumb with no dated source; GA4
    // counts bounce as 1 − engaged sessions ÷ sessions, so it would not apply anyway: no colour.
    benchmarks: [],
  },
  {
    id: 'saas',
    names: { en: 'SaaS', ar: 'البرمجيات كخدمة (SaaS)', fa: 'نرم‌افزار به‌عنوان سرویس (SaaS)' },
    // Skok's LTV:CAC 3 and 12-month payback: no copy we could read dates the post, so no colour.
    benchmarks: [ROI],
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

/** Every profile id, comma-separated and broken into lines of at most `width` characters (for --help). */
export function profileIdLines(width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const [i, p] of BENCHMARK_PROFILES.entries()) {
    const word = i < BENCHMARK_PROFILES.length - 1 ? `${p.id},` : p.id;
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
