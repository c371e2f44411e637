/**
 * Reading dates as exports write them: `Date` objects (Sheets), ISO `2026-09-01`, GA4's
 * `20260901`, `dd/mm/yyyy` or `mm/dd/yyyy` (decided once per column), `Sep 29, 2026 2:00 pm`
 * (Mailchimp), and Jalali `۱۴۰۳/۰۷/۱۵` (Persian exports). Dates become epoch days (integers), so
 * grouping by day, week and month is integer arithmetic.
 */
import type { Lang } from '../i18n/lang';
import { INVISIBLES, isDate, normalizeDigits } from '../numbers/parse-number';
import { epochDay, fromEpochDay, jalaliToEpochDay } from './jalali';

/** Which of day and month comes first in `01/02/2026`-style dates. */
export type DayOrder = 'dmy' | 'mdy';

/** How a column writes its dates: decides what the report can do with them (formulas, Jalali months). */
export type DateKind = 'date-object' | 'iso' | 'yyyymmdd' | 'day-month' | 'month-name' | 'jalali';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:$|\s)/;
const MONTH_FIRST = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:$|[\s,])/i;
const DAY_FIRST = /^(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})(?:$|[\s,])/i;

/**
 * Cell text ready for the date patterns: Western digits, the number reader's invisible marks
 * dropped (an LRM between "2026" and "-08-03" must not split the date), no-break spaces as spaces.
 */
function cleanText(text: string): string {
  return normalizeDigits(text)
    .replace(INVISIBLES, '')
    .replace(/\u00a0/g, ' ')
    .trim();
}

/** Dates a campaign sheet can hold: 1800-01-01 … 2200-12-31 (epoch days). */
export const MIN_DAY = -62_091;
export const MAX_DAY = 84_370;

function gregorian(y: number, m: number, d: number): number | null {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const day = epochDay(y, m, d);
  const back = fromEpochDay(day);
  return back.m === m && back.d === d ? day : null;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

export interface DateReading {
  readonly day: number;
  readonly kind: DateKind;
}

/** Reads one value as a date; null when it is not one. `order` settles `01/02/2026`. */
export function readDate(value: unknown, order: DayOrder): DateReading | null {
  if (isDate(value)) {
    const t = value.getTime();
    if (Number.isNaN(t)) return null;
    // The UTC calendar day, never the process's zone; Sheets dates are read through
    // AnalyseOptions.dayOfDate, which knows the spreadsheet's time zone.
    const day = Math.floor(t / 86_400_000);
    return day < MIN_DAY || day > MAX_DAY ? null : { day, kind: 'date-object' };
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 18000101 || value > 22001231) return null;
    const day = gregorian(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
    return day === null ? null : { day, kind: 'yyyymmdd' };
  }
  if (typeof value !== 'string') return null;
  const s = cleanText(value);
  if (s.length < 6 || s.length > 40) return null;
  let m = COMPACT.exec(s);
  if (m) {
    const day = gregorian(Number(m[1]), Number(m[2]), Number(m[3]));
    return day === null ? null : { day, kind: 'yyyymmdd' };
  }
  m = YMD.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y >= 1200 && y < 1600) {
      const day = jalaliToEpochDay(y, mo, d);
      return day === null ? null : { day, kind: 'jalali' };
    }
    const day = gregorian(y, mo, d);
    return day === null ? null : { day, kind: 'iso' };
  }
  m = DMY.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    let y = Number(m[3]);
    if ((m[3] as string).length === 2) y += 2000;
    const day = order === 'dmy' ? gregorian(y, b, a) : gregorian(y, a, b);
    return day === null ? null : { day, kind: 'day-month' };
  }
  m = MONTH_FIRST.exec(s);
  if (m) {
    const mo = monthIndex(m[1] as string);
    const day = mo > 0 ? gregorian(Number(m[3]), mo, Number(m[2])) : null;
    return day === null ? null : { day, kind: 'month-name' };
  }
  m = DAY_FIRST.exec(s);
  if (m) {
    const mo = monthIndex(m[2] as string);
    const day = mo > 0 ? gregorian(Number(m[3]), mo, Number(m[1])) : null;
    return day === null ? null : { day, kind: 'month-name' };
  }
  return null;
}

export interface DayOrderDecision {
  readonly order: DayOrder;
  /** True when no value settled it (every day and month ≤ 12): the language's habit decided. */
  readonly assumed: boolean;
}

/**
 * Decides dd/mm vs mm/dd for a column: a first number above 12 proves day-first, a second one
 * proves month-first; the majority of proofs wins. With no proof: month-first for English
 * (US exports), day-first for Arabic and Persian.
 */
export function decideDayOrder(values: readonly unknown[], lang: Lang): DayOrderDecision {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = DMY.exec(cleanText(v));
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst++;
    else if (Number(m[2]) > 12) monthFirst++;
  }
  if (dayFirst === 0 && monthFirst === 0) return { order: lang === 'en' ? 'mdy' : 'dmy', assumed: true };
  return { order: dayFirst >= monthFirst ? 'dmy' : 'mdy', assumed: false };
}

/** ISO `yyyy-mm-dd` of an epoch day. */
export function isoOfDay(day: number): string {
  const { y, m, d } = fromEpochDay(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
