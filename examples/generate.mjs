#!/usr/bin/env node
// Generates the bundled example campaign data: campaigns-en.csv, campaigns-ar.csv, campaigns-fa.csv.
//
//   node examples/generate.mjs
//
// Deterministic (seeded PRNG, no dependencies, no clock): running it again rewrites the same bytes.
// Eight weeks of a small leather-goods shop's marketing, 2026-08-03 (Monday) to 2026-09-27 (Sunday):
// Search and Social campaigns have one row per day; Email has a row per send (Tuesdays and Fridays)
// and WhatsApp / SMS a row per broadcast (Thursdays). For Email and WhatsApp / SMS "Impressions" holds
// the messages delivered. Conversions = Leads + Orders. New customers <= Orders.
//
// The expected totals of each file are computed independently by
// test/fixtures/campaigns/compute_expected.py, which writes <name>.expected.json next to the CSVs.
// If you change this script, run it and then that Python script.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** mulberry32: small, fast, well-distributed 32-bit PRNG. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------- dates ----------
const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 7, 3); // 2026-08-03, a Monday
const DAYS = 56;

/** Gregorian -> Jalali (the jalaali-js "breaks" algorithm, Borkowski). */
const BREAKS = [
  -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178,
];
const div = (a, b) => Math.trunc(a / b);
const mod = (a, b) => a - Math.trunc(a / b) * b;
function jalCal(jy) {
  const gy = jy + 621;
  let leapJ = -14;
  let jp = BREAKS[0];
  let jump = 0;
  for (let i = 1; i < BREAKS.length; i += 1) {
    const jm = BREAKS[i];
    jump = jm - jp;
    if (jy < jm) break;
    leapJ = leapJ + div(jump, 33) * 8 + div(mod(jump, 33), 4);
    jp = jm;
  }
  let n = jy - jp;
  leapJ = leapJ + div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
  if (mod(jump, 33) === 4 && jump - n === 4) leapJ += 1;
  const leapG = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
  const march = 20 + leapJ - leapG;
  if (jump - n < 6) n = n - jump + div(jump + 4, 33) * 33;
  let leap = mod(mod(n + 1, 33) - 1, 4);
  if (leap === -1) leap = 4;
  return { leap, march };
}
function toJalali(ms) {
  const d = new Date(ms);
  const gy = d.getUTCFullYear();
  let jy = gy - 621;
  const cal = jalCal(jy);
  let k = Math.round((ms - Date.UTC(gy, 2, cal.march)) / DAY_MS);
  if (k >= 0) {
    if (k <= 185) return [jy, 1 + div(k, 31), mod(k, 31) + 1];
    k -= 186;
  } else {
    jy -= 1;
    k += 179;
    if (cal.leap === 1) k += 1;
  }
  return [jy, 7 + div(k, 30), mod(k, 30) + 1];
}

// ---------- number formatting ----------
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const nativeDigits = (s, digits) => s.replace(/[0-9]/g, (c) => digits[Number(c)]);
/** Groups of three with the Arabic thousands separator U+066C, decimal point U+066B. */
function groupNative(value, decimals, digits) {
  const [int, frac] = value.toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u066c');
  return nativeDigits(frac ? `${grouped}\u066b${frac}` : grouped, digits);
}
const pad2 = (n) => String(n).padStart(2, '0');
const csvCell = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

// ---------- locales ----------
const LOCALES = {
  en: {
    seed: 20260803,
    money: 1, // USD
    headers: [
      'Channel',
      'Campaign',
      'Date',
      'Cost',
      'Impressions',
      'Clicks',
      'Sessions',
      'Conversions',
      'Leads',
      'Orders',
      'Revenue',
      'New customers',
    ],
    channels: { search: 'Search', social: 'Social', email: 'Email', messaging: 'WhatsApp' },
    campaigns: [
      'Brand Search',
      'Autumn Collection - Search',
      'Instagram Lookalike',
      'Facebook Retargeting',
      'Weekly Newsletter',
      'WhatsApp Broadcast',
    ],
    date: (ms) => new Date(ms).toISOString().slice(0, 10),
    money2: (v) => v.toFixed(2),
    count: (n, _col) => String(n),
  },
  ar: {
    seed: 3750826,
    money: 3.75, // SAR
    headers: [
      'القناة',
      'الحملة',
      'التاريخ',
      'التكلفة (ر.س)',
      'مرات الظهور',
      'النقرات',
      'الجلسات',
      'التحويلات',
      'العملاء المحتملون',
      'الطلبات',
      'الإيرادات (ر.س)',
      'العملاء الجدد',
    ],
    channels: {
      search: 'البحث',
      social: 'التواصل الاجتماعي',
      email: 'البريد الإلكتروني',
      messaging: 'واتساب',
    },
    campaigns: [
      'بحث العلامة التجارية',
      'مجموعة الخريف - بحث',
      'إنستغرام - جمهور مشابه',
      'إعادة الاستهداف - فيسبوك',
      'النشرة الأسبوعية',
      'بث واتساب',
    ],
    // dd/mm/yyyy, Western digits
    date: (ms) => {
      const d = new Date(ms);
      return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    },
    // Cost and revenue: Arabic-Indic digits, ٬ thousands, ٫ decimals
    money2: (v) => groupNative(v, 2, ARABIC_INDIC),
    // Impressions and clicks in Arabic-Indic digits with ٬; the other counts in Western digits
    count: (n, col) =>
      col === 'impressions' || col === 'clicks' ? groupNative(n, 0, ARABIC_INDIC) : String(n),
  },
  fa: {
    seed: 14050512,
    money: 95_000, // toman, rounded to 1,000
    headers: [
      'کانال',
      'کمپین',
      'تاریخ',
      'هزینه (تومان)',
      'نمایش',
      'کلیک',
      'نشست\u200cها',
      'تبدیل\u200cها',
      'سرنخ\u200cها',
      'سفارش\u200cها',
      'درآمد (تومان)',
      'مشتریان جدید',
    ],
    channels: { search: 'جستجو', social: 'شبکه\u200cهای اجتماعی', email: 'ایمیل', messaging: 'پیامک' },
    campaigns: [
      'جستجوی برند',
      'کالکشن پاییزه - جستجو',
      'اینستاگرام - مخاطبان مشابه',
      'ریتارگتینگ اینستاگرام',
      'خبرنامه هفتگی',
      'پیامک تخفیف',
    ],
    // Jalali yyyy/mm/dd in Persian digits
    date: (ms) => {
      const [y, m, d] = toJalali(ms);
      return nativeDigits(`${y}/${pad2(m)}/${pad2(d)}`, PERSIAN);
    },
    money2: (v) => groupNative(v, 0, PERSIAN),
    count: (n, _col) => groupNative(n, 0, PERSIAN),
  },
};

// ---------- the campaigns (amounts in USD; converted per locale) ----------
// runs: which days have a row (weekday 0 = Monday).
const CAMPAIGNS = [
  // channel, runs, impressions, ctr, cpc, sessions/click, leads/session, orders/session, aov, new/orders
  {
    ch: 'search',
    runs: () => true,
    impr: [1900, 2600],
    ctr: [0.08, 0.1],
    cpc: [0.7, 0.95],
    spc: [0.9, 0.97],
    lead: [0.02, 0.03],
    ord: [0.05, 0.07],
    aov: [85, 105],
    nc: [0.35, 0.5],
  },
  {
    ch: 'search',
    runs: () => true,
    impr: [9000, 14000],
    ctr: [0.035, 0.05],
    cpc: [1.1, 1.45],
    spc: [0.88, 0.95],
    lead: [0.015, 0.025],
    ord: [0.022, 0.035],
    aov: [95, 125],
    nc: [0.6, 0.75],
    ramp: true,
  },
  {
    ch: 'social',
    runs: () => true,
    impr: [25000, 35000],
    ctr: [0.009, 0.014],
    cpc: [0.55, 0.8],
    spc: [0.75, 0.85],
    lead: [0.03, 0.05],
    ord: [0.01, 0.018],
    aov: [70, 90],
    nc: [0.75, 0.9],
  },
  {
    ch: 'social',
    runs: () => true,
    impr: [6000, 9000],
    ctr: [0.016, 0.024],
    cpc: [0.45, 0.65],
    spc: [0.8, 0.9],
    lead: [0.01, 0.02],
    ord: [0.04, 0.06],
    aov: [80, 100],
    nc: [0.2, 0.35],
  },
  {
    ch: 'email',
    runs: (wd) => wd === 1 || wd === 4,
    flat: 45,
    impr: [15200, 16400],
    ctr: [0.022, 0.032],
    spc: [0.85, 0.95],
    lead: [0.005, 0.012],
    ord: [0.03, 0.05],
    aov: [75, 95],
    nc: [0.1, 0.2],
  },
  {
    ch: 'messaging',
    runs: (wd) => wd === 3,
    perMessage: 0.0455,
    impr: [3500, 4500],
    ctr: [0.09, 0.14],
    spc: [0.85, 0.95],
    lead: [0.01, 0.02],
    ord: [0.06, 0.09],
    aov: [70, 95],
    nc: [0.15, 0.3],
  },
];

function generate(locale) {
  const L = LOCALES[locale];
  const rand = mulberry32(L.seed);
  const u = ([a, b]) => a + (b - a) * rand();
  const lines = [L.headers.map(csvCell).join(',')];
  for (let day = 0; day < DAYS; day += 1) {
    const ms = START + day * DAY_MS;
    const wd = day % 7;
    const weekend = wd >= 5;
    CAMPAIGNS.forEach((c, i) => {
      if (!c.runs(wd)) return;
      const seasonal = weekend && (c.ch === 'search' || c.ch === 'social') ? 0.8 : 1;
      const ramp = c.ramp ? 0.7 + 0.6 * (day / (DAYS - 1)) : 1; // budget raised through the season
      const impressions = Math.round(u(c.impr) * seasonal * ramp);
      const clicks = Math.round(impressions * u(c.ctr));
      let costUsd;
      if (c.flat !== undefined) costUsd = c.flat;
      else if (c.perMessage !== undefined)
        costUsd = impressions * c.perMessage * 1.03; // sent ≈ delivered × 1.03
      else costUsd = clicks * u(c.cpc);
      const sessions = Math.round(clicks * u(c.spc));
      const leads = Math.round(sessions * u(c.lead));
      const orders = Math.round(sessions * u(c.ord));
      const revenueUsd = orders * u(c.aov);
      const newCustomers = Math.min(orders, Math.round(orders * u(c.nc)));
      let cost;
      let revenue;
      if (locale === 'fa') {
        cost = Math.round((costUsd * L.money) / 1000) * 1000;
        revenue = Math.round((revenueUsd * L.money) / 1000) * 1000;
      } else {
        cost = Math.round(costUsd * L.money * 100) / 100;
        revenue = Math.round(revenueUsd * L.money * 100) / 100;
      }
      const row = [
        L.channels[c.ch],
        L.campaigns[i],
        L.date(ms),
        L.money2(cost),
        L.count(impressions, 'impressions'),
        L.count(clicks, 'clicks'),
        L.count(sessions, 'sessions'),
        L.count(leads + orders, 'conversions'),
        L.count(leads, 'leads'),
        L.count(orders, 'orders'),
        L.money2(revenue),
        L.count(newCustomers, 'new_customers'),
      ];
      lines.push(row.map(csvCell).join(','));
    });
  }
  return `${lines.join('\n')}\n`;
}

// Write the files only when run as a script, so that tests may import generate() and toJalali().
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const locale of Object.keys(LOCALES)) {
    const file = join(here, `campaigns-${locale}.csv`);
    const text = generate(locale);
    writeFileSync(file, text, 'utf8');
    console.log(`${file}: ${text.split('\n').length - 2} data rows`);
  }
}

export { generate, toJalali };
