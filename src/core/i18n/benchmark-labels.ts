/**
 * The words a custom function may say (KPI_STATUS's good/fair/poor, KPI_BENCHMARK's citation),
 * apart from the report's labels: Apps Script evaluates the custom-function bundle before every
 * call, and the report's hundreds of labels in three languages have no business there.
 * REPORT_LABELS spreads these in, so the report and the functions still share one source.
 */
import type { Lang, Localized } from './lang';

export const L = (en: string, ar: string, fa: string): Localized => ({ en, ar, fa });

export const BENCHMARK_LABELS = {
  good: L('good', 'جيد', 'خوب'),
  fair: L('fair', 'مقبول', 'متوسط'),
  poor: L('poor', 'ضعيف', 'ضعیف'),
  fairRuleSource: L(
    "fair band: Mizan's rule (within {pct}%)",
    'النطاق المقبول: قاعدة ميزان (ضمن {pct}٪)',
    'بازهٔ متوسط: قاعدهٔ میزان (تا {pct}٪)',
  ),
  teamThreshold: L(
    'Template "{t}": set by the team',
    'القالب "{t}": حدّده الفريق',
    'قالب «{t}»: تعیین‌شده توسط تیم',
  ),
  olderThan: L('older than {n} years', 'أقدم من {n} سنوات', 'قدیمی‌تر از {n} سال'),
  quotedOnly: L(
    'read on a page quoting it',
    'مقروء في صفحة تنقل عنه',
    'از صفحه‌ای که از آن نقل کرده خوانده شد',
  ),
  opensInflated: L(
    'opens are inflated by privacy features (Apple Mail Privacy Protection) since 2021',
    'نسب الفتح مضخّمة بميزات الخصوصية (حماية خصوصية البريد من Apple) منذ ٢٠٢١',
    'نرخ باز شدن از ۲۰۲۱ با قابلیت‌های حریم خصوصی (Apple Mail Privacy Protection) بیش از واقع است',
  ),
  breakEvenRule: L(
    "Mizan's rule: break-even (ROI ≥ 0 earns more than it costs)",
    'قاعدة ميزان: نقطة التعادل (العائد ≥ ٠ يكسب أكثر مما يكلّف)',
    'قاعدهٔ میزان: سر‌به‌سر (بازگشت سرمایه ≥ ۰ بیش از هزینه‌اش درآمد دارد)',
  ),
};

export type BenchmarkLabelKey = keyof typeof BENCHMARK_LABELS;

export function benchmarkLabel(
  key: BenchmarkLabelKey,
  lang: Lang,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  return fill(BENCHMARK_LABELS[key][lang], lang, vars);
}

/** A label's text with its {placeholders} filled; counts and row numbers in the language's digits. */
export function fill(text: string, lang: Lang, vars: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) return whole;
    // Counts and row numbers take the language's digits; names from the sheet stay as written.
    return typeof v === 'number' || name === 'rows' || name === 'row' ? localDigits(String(v), lang) : v;
  });
}

/** Western digits in Persian or Arabic-Indic form for fa and ar text. */
export function localDigits(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  const zero = lang === 'fa' ? 0x06f0 : 0x0660;
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(zero + d.charCodeAt(0) - 48));
}
