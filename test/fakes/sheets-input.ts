/**
 * What Sheets makes of a string written with setValues or setValue: the string is parsed as if
 * typed into the cell (en_US locale), so "100", "3.5%", "$100", "(5)", "Mar 2024", "1/2",
 * "TRUE" and "۱۴۰۵/۰۶" (Persian digits are read as digits) stop being text. The fake errs on
 * the side of converting: a label the writer left unprotected must fail a test.
 */
import { zonedInstant } from './time-zone';

export type Typed = number | boolean | Date;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?$/i;
const CURRENCY = /^(?:[$€£¥]|usd|eur|gbp)\s?/i;

/** Persian and Arabic-Indic digits and separators as ASCII. */
function westernDigits(s: string): string {
  return s
    .replace(/[۰-۹]/g, (c) => String(c.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (c) => String(c.charCodeAt(0) - 0x0660))
    .replace(/٫/g, '.')
    .replace(/٬/g, ',');
}

function plainNumber(s: string): number | null {
  if (!/\d/.test(s) || !NUMBER.test(s)) return null;
  return Number(s.replace(/,/g, ''));
}

/** "12", "-1,234.5", "+3", "3.5%", "$100", "-$5", "$-5", "(5)", "($1,000)". */
function numberOf(text: string): number | null {
  let s = text;
  let sign = 1;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    s = paren[1] as string;
    sign = -1;
  }
  if (/^[+-]/.test(s)) {
    if (s[0] === '-') sign = -sign;
    s = s.slice(1);
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  const currency = CURRENCY.exec(s);
  if (currency) {
    s = s.slice(currency[0].length);
    if (/^-/.test(s) && sign === 1 && !paren) {
      sign = -1;
      s = s.slice(1);
    }
  }
  const n = plainNumber(s);
  if (n === null) return null;
  return (sign * n) / (percent ? 100 : 1);
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function monthOf(name: string): number {
  const lower = name.toLowerCase();
  return MONTHS.findIndex((full) => full.startsWith(lower.replace(/\.$/, '')) && lower.length >= 3) + 1;
}

/** Year, month, day of a date as Sheets reads it in en_US (month first), or null. */
function ymdOf(s: string, thisYear: number): [number, number, number] | null {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  m = /^(\d{4})[-/](\d{1,2})$/.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), 1];
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(s);
  if (m) {
    const y = Number(m[3]);
    return [y < 100 ? (y < 30 ? 2000 + y : 1900 + y) : y, Number(m[1]), Number(m[2])];
  }
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m) return [thisYear, Number(m[1]), Number(m[2])];
  m = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(s);
  if (m && monthOf(m[1] as string)) return [Number(m[3]), monthOf(m[1] as string), Number(m[2])];
  m = /^(\d{1,2})[\s-]([a-z]{3,9})\.?,?[\s-](\d{4})$/i.exec(s);
  if (m && monthOf(m[2] as string)) return [Number(m[3]), monthOf(m[2] as string), Number(m[1])];
  m = /^([a-z]{3,9})\.?[\s-](\d{4})$/i.exec(s);
  if (m && monthOf(m[1] as string)) return [Number(m[2]), monthOf(m[1] as string), 1];
  m = /^([a-z]{3,9})\.?\s+(\d{1,2})$/i.exec(s);
  if (m && monthOf(m[1] as string)) return [thisYear, monthOf(m[1] as string), Number(m[2])];
  return null;
}

/** A time of day as a fraction of a day: "9:30", "14:05:10", "2:00 pm". */
function timeOf(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?$/i.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = Number(m[3] ?? 0);
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
  }
  if (h > 23 || min > 59 || sec > 59) return null;
  return (h * 3600 + min * 60 + sec) / 86_400;
}

/**
 * The value Sheets stores for a typed string, or null when it stays text. Dates are midnight in
 * the spreadsheet's time zone, as getValues returns them.
 */
export function typedInput(
  text: string,
  timeZone: string,
  thisYear = new Date().getUTCFullYear(),
): Typed | null {
  const s = westernDigits(text).trim();
  if (s === '') return null;
  if (/^(?:true|false)$/i.test(s)) return s.toLowerCase() === 'true';
  const n = numberOf(s);
  if (n !== null) return n;
  const ymd = ymdOf(s, thisYear);
  if (ymd && validDate(...ymd)) return zonedInstant(ymd[0], ymd[1], ymd[2], timeZone);
  const t = timeOf(s);
  if (t !== null) return t;
  return null;
}
