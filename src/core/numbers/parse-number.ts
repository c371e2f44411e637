/**
 * The one number reader of Mizan: custom functions, the report engine and the CLI all read
 * cell values through here, so "1,234", "۱۲٬۳۴۵", "(120.00)", "$5", "12%" and "٣٫٥" mean the
 * same thing everywhere.
 */

/** Which character separates the decimals. `auto` decides per value (see {@link readNumber}). */
export type DecimalMark = '.' | ',' | 'auto';

export interface ReadOptions {
  /** Decided per column by the report engine; `auto` for a lone value (custom functions). */
  decimal?: DecimalMark;
}

export type NumberReading =
  | { ok: true; value: number; percent: boolean; currency: string | null }
  | { ok: false; reason: 'blank' | 'not-a-number' | 'boolean' | 'date'; text?: string };

/** Currency symbols and codes accepted before or after a number; the key is what is kept for display. */
const CURRENCY_TOKENS: readonly string[] = [
  // Longest first, so "ر.س" wins over a lone "ر".
  'تومان',
  'تومن',
  'ریال',
  'ريال',
  'دلار',
  'درهم',
  'دينار',
  'دینار',
  'جنيه',
  'ر.س',
  'ر.ق',
  'ر.ع',
  'د.إ',
  'د.ا',
  'د.ك',
  'د.ب',
  'د.ع',
  'د.أ',
  'ج.م',
  'ل.س',
  'ل.ل',
  'USD',
  'EUR',
  'GBP',
  'IRR',
  'IRT',
  'SAR',
  'AED',
  'QAR',
  'KWD',
  'BHD',
  'OMR',
  'EGP',
  'IQD',
  'JOD',
  'TRY',
  'AFN',
  'CAD',
  'AUD',
  'JPY',
  'CNY',
  'INR',
  'CHF',
  'US$',
  '$US',
  'C$',
  'A$',
  'R$',
  '$',
  '€',
  '£',
  '¥',
  '₹',
  '₺',
  '﷼',
  'ت',
];

// One alternation each (longest tokens first), compiled once: far cheaper than testing tokens in turn.
const escapeRegExp = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CURRENCY_ALTERNATION = CURRENCY_TOKENS.map(escapeRegExp).join('|');
const CURRENCY_PREFIX = new RegExp(`^(?:${CURRENCY_ALTERNATION})`, 'i');
const CURRENCY_SUFFIX = new RegExp(`(?:${CURRENCY_ALTERNATION})$`, 'i');
const canonicalCurrency = (found: string): string =>
  CURRENCY_TOKENS.find((t) => t.toUpperCase() === found.toUpperCase()) ?? found;

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII; ٫ to '.', ٬ to ','; % signs to '%'. */
export function normalizeDigits(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9)
      out += String.fromCharCode(48 + code - PERSIAN_ZERO);
    else if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9)
      out += String.fromCharCode(48 + code - ARABIC_INDIC_ZERO);
    else if (code === 0x066b)
      out += '\u066b'; // Arabic decimal separator: kept distinct, resolved below
    else if (code === 0x066c)
      out += '\u066c'; // Arabic thousands separator
    else if (code === 0x066a || code === 0xfe6a || code === 0xff05)
      out += '%'; // ٪ and its variants
    else if (code === 0x2212 || code === 0x2013 || code === 0xfe63 || code === 0xff0d)
      out += '-'; // minus sign, en dash, small/fullwidth hyphen-minus
    else out += text[i];
  }
  return out;
}

/**
 * Invisible characters RTL exports sprinkle around digits: bidi marks (LRM, RLM, ALM, embedding
 * and isolate controls) and zero-width (non-)joiners. Exported: every reader of cell text drops them.
 */
export const INVISIBLES = /[\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Spaces: a thousands separator between digits ("1 234 567"), otherwise padding. */
const SPACES = /[\s\u00a0\u202f\u2009]+/g;
const GROUP_SPACE = /(\d)[\s\u00a0\u202f\u2009]+(?=\d{3}(?!\d))/g;
const DIGITS_APART = /\d[\s\u00a0\u202f\u2009]+\d/;

/** Drops invisibles and spaces; null when a space stands between digits without grouping them ("4 2"). */
function compactNumberText(text: string): string | null {
  const s = normalizeDigits(text).replace(INVISIBLES, '').replace(GROUP_SPACE, '$1');
  return DIGITS_APART.test(s) ? null : s.replace(SPACES, '');
}

function stripCurrency(text: string): { rest: string; currency: string | null } {
  // Most cells have no currency: a digit (or separator) at both ends says so without a scan.
  if (/^[\d.,'\u066b\u066c]/.test(text) && /[\d.,'\u066b\u066c]$/.test(text))
    return { rest: text, currency: null };
  let rest = text;
  let currency: string | null = null;
  for (let pass = 0; pass < 2; pass++) {
    const m = rest.match(CURRENCY_PREFIX) ?? (rest.length > 1 ? rest.match(CURRENCY_SUFFIX) : null);
    if (!m) break;
    currency ??= canonicalCurrency(m[0]);
    rest = m.index === 0 ? rest.slice(m[0].length) : rest.slice(0, m.index);
  }
  return { rest, currency };
}

/**
 * Decides what the separators in a digit string mean, and returns the plain "1234.5" form,
 * or null when the grouping is impossible (e.g. "1,23,4" with a 3-digit rule).
 */
function resolveSeparators(body: string, decimal: DecimalMark): string | null {
  // Arabic separators are unambiguous.
  let s = body.replace(/\u066c/g, ',').replace(/'/g, ',');
  const arabicDecimal = s.indexOf('\u066b');
  if (arabicDecimal >= 0) {
    s = s.replace(/,/g, '').replace('\u066b', '.');
    return /^\d*\.?\d*$/.test(s) && /\d/.test(s) ? s : null;
  }
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let mark: '.' | ',' | null;
  if (decimal !== 'auto') mark = decimal;
  else if (lastDot >= 0 && lastComma >= 0) mark = lastDot > lastComma ? '.' : ',';
  else if (lastComma >= 0) {
    // "1,234" and "12,345,678" are thousands; "1,5" and "1,2345" are decimals.
    const groups = s.split(',');
    const groupedByThousands = groups.length > 1 && groups.slice(1).every((g) => g.length === 3);
    mark = groupedByThousands ? '.' : groups.length === 2 ? ',' : '.';
  } else if (lastDot >= 0 && s.indexOf('.') !== lastDot)
    mark = ','; // "1.234.567"
  else mark = '.';
  const group = mark === '.' ? ',' : '.';
  const parts = s.split(mark);
  if (parts.length > 2) return null;
  const intPart = parts[0] ?? '';
  if (intPart.includes(group)) {
    const groups = intPart.split(group);
    const ok = groups.every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3));
    // Indian grouping (12,34,567) is also legitimate: accept groups of 2 after the first.
    const indian =
      groups.length > 2 && groups.slice(1, -1).every((g) => g.length === 2) && groups.at(-1)?.length === 3;
    if (!ok && !indian) return null;
  }
  const plain = intPart.split(group).join('') + (parts.length === 2 ? `.${parts[1]}` : '');
  return /^\d*\.?\d*$/.test(plain) && /\d/.test(plain) ? plain : null;
}

/** A Date from any realm (Apps Script, a vm context, the sidebar shim): instanceof is not enough. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Reads a cell value as Sheets' getValues() or a CSV reader gives it. */
export function readNumber(value: unknown, options: ReadOptions = {}): NumberReading {
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? { ok: true, value, percent: false, currency: null }
      : { ok: false, reason: 'not-a-number', text: String(value) };
  }
  if (value === '' || value === null || value === undefined) return { ok: false, reason: 'blank' };
  if (typeof value === 'boolean') return { ok: false, reason: 'boolean', text: String(value) };
  if (isDate(value)) return { ok: false, reason: 'date', text: String(value) };
  if (typeof value !== 'string') return { ok: false, reason: 'not-a-number', text: String(value) };
  return readNumberText(value, options);
}

function readNumberText(raw: string, options: ReadOptions): NumberReading {
  const fail: NumberReading = { ok: false, reason: 'not-a-number', text: raw };
  let s = compactNumberText(raw);
  if (s === null) return fail;
  if (s === '') return { ok: false, reason: 'blank' };
  // "100 ر.س." : a currency abbreviation's closing dot, not a decimal point.
  if (/[^\d.]\.$/.test(s)) s = s.slice(0, -1);
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  } else if (s.startsWith('%')) {
    // Persian and Arabic writers sometimes put the sign first: "٪۱۲"
    percent = true;
    s = s.slice(1);
  }
  // A sign may stand before or after the currency: "-$5", "$-5", "5-" (trailing minus in some exports).
  const signBefore = s.match(/^[-+]/);
  if (signBefore) s = s.slice(1);
  const { rest, currency } = stripCurrency(s);
  s = rest;
  // "$ (1,200)": parentheses inside the currency.
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = !negative;
    s = s.slice(1, -1);
  }
  if (!signBefore) {
    const inner = s.match(/^[-+]/);
    if (inner) {
      if (inner[0] === '-') negative = !negative;
      s = s.slice(1);
    }
  } else if (signBefore[0] === '-') negative = !negative;
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  if (s.endsWith('%') && !percent) {
    percent = true;
    s = s.slice(0, -1);
  }
  let exponent = 0;
  const exp = s.match(/[eE]([-+]?\d+)$/);
  if (exp?.[1] !== undefined) {
    exponent = Number(exp[1]);
    s = s.slice(0, -exp[0].length);
  }
  if (!/^[\d.,'\u066b\u066c]+$/.test(s)) return fail;
  const plain = resolveSeparators(s, options.decimal ?? 'auto');
  if (plain === null) return fail;
  // One correctly rounded conversion (as DuckDB and spreadsheets read "1.5e-3"), not plain × 10^e.
  let value = exponent === 0 ? Number(plain) : Number(`${plain}e${exponent}`);
  if (!Number.isFinite(value)) return fail;
  if (negative) value = -value;
  if (percent) value = value / 100;
  return { ok: true, value, percent, currency };
}

/** Reads a duration written as text ("1:02:03", "02:30") as seconds; numbers pass through. */
export function readDurationSeconds(value: unknown, options: ReadOptions = {}): NumberReading {
  if (typeof value === 'string') {
    const s = compactNumberText(value) ?? '';
    const m = s.match(/^(\d+):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?$/);
    if (m) {
      const [a, b, c] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
      const seconds = c === undefined ? a * 60 + b : a * 3600 + b * 60 + c;
      return { ok: true, value: seconds, percent: false, currency: null };
    }
  }
  return readNumber(value, options);
}
