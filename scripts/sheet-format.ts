/**
 * What a spreadsheet shows for a value under a number format, for the dev page's /inspect view:
 * enough of the format language for the formats the report writers use (grouped integers and
 * decimals, percent, money with a quoted currency before or after, signed sections, a quoted
 * unit such as `" s"`, dates), in the report's language's digits and separators.
 *
 * Anything outside that (colours and conditions in brackets, scientific notation, fractions,
 * thousands scaling, fill characters) is refused with UnsupportedFormat naming the format, so
 * the page marks the cell instead of showing a number it cannot vouch for.
 */
import type { Lang } from '../src/core/i18n/lang';
import { localDigits } from '../src/core/i18n/report-labels';

export class UnsupportedFormat extends Error {
  constructor(
    readonly format: string,
    why: string,
  ) {
    super(`Number format ${JSON.stringify(format)} is not modelled by the /inspect view: ${why}`);
    this.name = 'UnsupportedFormat';
  }
}

/** The characters a language writes numbers with. */
interface NumberSymbols {
  readonly group: string;
  readonly decimal: string;
  readonly percent: string;
}

/** The separators and percent sign; the digits are localDigits' (Persian ۰–۹, Arabic-Indic ٠–٩). */
const SYMBOLS: Readonly<Record<Lang, NumberSymbols>> = {
  en: { group: ',', decimal: '.', percent: '%' },
  fa: { group: '\u066c', decimal: '\u066b', percent: '\u066a' },
  ar: { group: '\u066c', decimal: '\u066b', percent: '\u066a' },
};

/**
 * The mark before a leading sign, as CLDR writes signed numbers (Intl.NumberFormat): Persian keeps
 * the sign on the number's left (LRM), Arabic at its start in right-to-left text (ALM).
 */
const SIGN_MARK: Readonly<Record<Lang, string>> = { en: '', fa: '\u200e', ar: '\u061c' };

/** Days from the spreadsheet epoch (1899-12-30) to 1970-01-01. */
const EPOCH_SERIAL = 25_569;
const DAY_MS = 86_400_000;

type Token =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'digit'; readonly char: '0' | '#' | '?' }
  | { readonly kind: 'point' }
  | { readonly kind: 'group' }
  | { readonly kind: 'percent' }
  | { readonly kind: 'text' }
  | { readonly kind: 'date'; readonly code: string };

/** Literal characters a format may hold without quotes. */
const BARE_LITERAL = /[$\-+/():!^&'~{}<>= \u00a0]|[^\u0020-\u007e]/;
const DATE_LETTERS = /[ymdhs]/i;

/** A format's sections, split at ";" outside quotes and escapes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      if (end < 0) throw new UnsupportedFormat(format, 'a quote is not closed');
      current += format.slice(i, end + 1);
      i = end;
    } else if (ch === '\\') {
      current += format.slice(i, i + 2);
      i++;
    } else if (ch === ';') {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

function tokenize(section: string, format: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      tokens.push({ kind: 'literal', text: section.slice(i + 1, end) });
      i = end;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i++;
    } else if (ch === '0' || ch === '#' || ch === '?') tokens.push({ kind: 'digit', char: ch });
    else if (ch === '.') tokens.push({ kind: 'point' });
    else if (ch === ',') tokens.push({ kind: 'group' });
    else if (ch === '%') tokens.push({ kind: 'percent' });
    else if (ch === '@') tokens.push({ kind: 'text' });
    else if (ch === '_') {
      tokens.push({ kind: 'literal', text: ' ' }); // "_x": a space as wide as x
      i++;
    } else if (section.slice(i, i + 5).toUpperCase() === 'AM/PM') {
      tokens.push({ kind: 'date', code: 'AM/PM' });
      i += 4;
    } else if (DATE_LETTERS.test(ch)) {
      let j = i;
      while (j < section.length && (section[j] as string).toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ kind: 'date', code: section.slice(i, j).toLowerCase() });
      i = j - 1;
    } else if (ch === '[')
      throw new UnsupportedFormat(format, 'colours and conditions in [] are not modelled');
    else if (ch === '*') throw new UnsupportedFormat(format, 'fill characters (*) are not modelled');
    else if (ch === 'E' || ch === 'e')
      throw new UnsupportedFormat(format, 'scientific notation is not modelled');
    else if (BARE_LITERAL.test(ch)) tokens.push({ kind: 'literal', text: ch });
    else throw new UnsupportedFormat(format, `the character ${JSON.stringify(ch)} is not modelled`);
  }
  return tokens;
}

/** Latin digits, "," and "." of a formatted number in the language's own characters. */
function localNumber(text: string, lang: Lang): string {
  const s = SYMBOLS[lang];
  return localDigits(
    text.replace(/[.,]/g, (c) => (c === ',' ? s.group : s.decimal)),
    lang,
  );
}

/** Groups of three with "," (Latin; localised afterwards). */
function grouped(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** One number section applied to a non-negative number (the sign is the caller's). */
function numberSection(tokens: readonly Token[], magnitude: number, lang: Lang, format: string): string {
  const digitAt = tokens.flatMap((t, i) => (t.kind === 'digit' ? [i] : []));
  const first = digitAt[0];
  const last = digitAt[digitAt.length - 1];
  const pointAt = tokens.findIndex((t) => t.kind === 'point');
  let intZeros = 0;
  let fracMin = 0;
  let fracMax = 0;
  let group = false;
  tokens.forEach((t, i) => {
    if (first === undefined || last === undefined || i < first || i > last) {
      if (t.kind === 'group')
        throw new UnsupportedFormat(format, 'thousands scaling (a trailing ",") is not modelled');
      return;
    }
    const inFraction = pointAt >= 0 && i > pointAt;
    if (t.kind === 'digit' && !inFraction && t.char === '0') intZeros++;
    if (t.kind === 'digit' && inFraction) {
      fracMax++;
      if (t.char === '0') fracMin++;
    }
    if (t.kind === 'group' && !inFraction) group = true;
    if (t.kind === 'literal' || t.kind === 'percent' || t.kind === 'date' || t.kind === 'text')
      throw new UnsupportedFormat(format, 'text between digit placeholders is not modelled');
  });
  const percents = tokens.filter((t) => t.kind === 'percent').length;
  const scaled = magnitude * 100 ** percents;
  if (scaled >= 1e21) throw new UnsupportedFormat(format, `${magnitude} is too large to format exactly`);
  let [integer = '0', fraction = ''] = scaled.toFixed(fracMax).split('.');
  while (fraction.length > fracMin && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  integer = integer.replace(/^0+/, '').padStart(intZeros, '0');
  const body = (group ? grouped(integer) : integer) + (fraction ? `.${fraction}` : '');
  const number = localNumber(body, lang);
  let out = '';
  tokens.forEach((t, i) => {
    if (first !== undefined && i === first) out += number;
    if (first !== undefined && last !== undefined && i >= first && i <= last) return;
    if (t.kind === 'literal') out += t.text;
    else if (t.kind === 'percent') out += SYMBOLS[lang].percent;
    else if (t.kind === 'point') out += SYMBOLS[lang].decimal;
  });
  return first === undefined ? out + number : out;
}

/** The date and time parts of a spreadsheet serial number (days since 1899-12-30, time as the fraction). */
function partsOf(serial: number): Date {
  return new Date(Math.round((serial - EPOCH_SERIAL) * DAY_MS));
}

/** Month names in the language, on the Gregorian calendar (the one a spreadsheet's dates are in). */
function monthName(date: Date, lang: Lang, style: 'short' | 'long'): string {
  return new Intl.DateTimeFormat(`${lang}-u-ca-gregory-nu-latn`, { month: style, timeZone: 'UTC' }).format(
    date,
  );
}

function dateSection(tokens: readonly Token[], serial: number, lang: Lang, format: string): string {
  const d = partsOf(serial);
  const twelveHour = tokens.some((t) => t.kind === 'date' && t.code === 'AM/PM');
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const dateTokens = tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.kind === 'date');
  let out = '';
  tokens.forEach((t, i) => {
    if (t.kind === 'literal') out += t.text;
    else if (t.kind === 'point') out += '.';
    else if (t.kind !== 'date')
      throw new UnsupportedFormat(format, 'numbers mixed with dates are not modelled');
    else {
      const at = dateTokens.findIndex((x) => x.i === i);
      const prev = dateTokens[at - 1]?.t;
      const next = dateTokens[at + 1]?.t;
      // "m" after an hour or before seconds is minutes, as in every spreadsheet.
      const minutes =
        t.code.startsWith('m') &&
        t.code.length <= 2 &&
        ((prev?.kind === 'date' && prev.code.startsWith('h')) ||
          (next?.kind === 'date' && next.code.startsWith('s')));
      out += datePart(t.code, d, { minutes, twelveHour, lang, pad, format });
    }
  });
  return localDigits(out, lang);
}

function datePart(
  code: string,
  d: Date,
  o: {
    minutes: boolean;
    twelveHour: boolean;
    lang: Lang;
    pad: (n: number, w: number) => string;
    format: string;
  },
): string {
  const hour = d.getUTCHours();
  switch (code) {
    case 'yyyy':
      return String(d.getUTCFullYear());
    case 'yy':
      return o.pad(d.getUTCFullYear() % 100, 2);
    case 'm':
    case 'mm':
      return o.minutes ? o.pad(d.getUTCMinutes(), code.length) : o.pad(d.getUTCMonth() + 1, code.length);
    case 'mmm':
      return monthName(d, o.lang, 'short');
    case 'mmmm':
      return monthName(d, o.lang, 'long');
    case 'd':
    case 'dd':
      return o.pad(d.getUTCDate(), code.length);
    case 'h':
    case 'hh':
      return o.pad(o.twelveHour ? hour % 12 || 12 : hour, code.length);
    case 's':
    case 'ss':
      return o.pad(d.getUTCSeconds(), code.length);
    case 'AM/PM':
      return hour < 12 ? 'AM' : 'PM';
    default:
      throw new UnsupportedFormat(o.format, `the date code ${JSON.stringify(code)} is not modelled`);
  }
}

/** A number as the General format shows it: up to 10 significant digits. */
function general(n: number, lang: Lang): string {
  return localNumber(
    Number.isInteger(n) && Math.abs(n) < 1e11 ? String(n) : String(Number(n.toPrecision(10))),
    lang,
  );
}

/** A date written to a cell, or a serial number from a formula engine, as a serial number. */
function serialOf(value: number | Date): number {
  return value instanceof Date ? value.getTime() / DAY_MS + EPOCH_SERIAL : value;
}

/**
 * The text a cell holding `value` shows under `format`, in `lang`'s digits. Text is shown as it
 * is (or through a fourth "@" section), blanks as "", booleans as TRUE / FALSE. A leading sign
 * of a number in Persian or Arabic carries the language's bidi mark (SIGN_MARK).
 */
export function displayValue(value: unknown, format: string, lang: Lang): string {
  const shown = display(value, format, lang);
  return typeof value === 'number' ? shown.replace(/^[+-]/, (sign) => SIGN_MARK[lang] + sign) : shown;
}

function display(value: unknown, format: string, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    const textSection = sections(format)[3];
    if (textSection === undefined) return value;
    return tokenize(textSection, format)
      .map((t) => (t.kind === 'text' ? value : t.kind === 'literal' ? t.text : ''))
      .join('');
  }
  if (!(typeof value === 'number' || value instanceof Date))
    throw new TypeError(`Not a cell value: ${JSON.stringify(value)}`);
  const n = serialOf(value);
  if (!Number.isFinite(n)) throw new TypeError(`Not a finite number: ${n}`);
  if (format === '' || format.toLowerCase() === 'general') return general(n, lang);
  const parts = sections(format).map((s) => tokenize(s, format));
  const isDate = (parts[0] ?? []).some((t) => t.kind === 'date');
  if (isDate) return dateSection(parts[0] ?? [], n, lang, format);
  // One section: every number, a minus for negatives. Two: ≥ 0, < 0. Three: > 0, < 0, 0.
  // A negative's section shows its magnitude; the section's own text gives the sign.
  const [pos = [], neg, zero] = parts;
  if (n < 0 && neg) return numberSection(neg, -n, lang, format);
  if (n === 0 && zero) return numberSection(zero, 0, lang, format);
  const shown = numberSection(pos, Math.abs(n), lang, format);
  if (n >= 0) return shown;
  // A negative that rounds to zero shows no minus.
  return /[1-9\u06f1-\u06f9\u0661-\u0669]/.test(shown) ? `-${shown}` : shown;
}
