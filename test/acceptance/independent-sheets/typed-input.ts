/**
 * What Sheets stores when a script writes a string with Range.setValue(s): the string is read
 * like text typed into a cell (developers.google.com/apps-script/reference/spreadsheet/range#setvalues:
 * "if it begins with '=' it is interpreted as a formula"; the Sheets API names the same reading
 * USER_ENTERED, developers.google.com/sheets/api/reference/rest/v4/ValueInputOption: "strings may
 * be converted to numbers, dates, etc. following the same rules that are applied when entering
 * text into a cell via the Google Sheets UI"). Modelled for the en_US locale, the one these tests
 * use. A plain-text number format (`@`) or a leading apostrophe keeps the string as text
 * (support.google.com/docs/answer/56470, "Format numbers in a spreadsheet": Plain text).
 */
import { serialOfCivil } from './time';

export type Typed =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'formula'; readonly formula: string }
  | { readonly kind: 'number'; readonly value: number; readonly format: string | null }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'date'; readonly serial: number };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "1,234.5", "+1", "-3", ".5", "1e3", with an optional $ and %, or "(5)" for −5 (accounting). */
const NUMBER = /^([+-])?(\$)?([+-])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%)?$/;
const PAREN = /^\((\$)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)\)$/;

function parseNumber(t: string): Typed | null {
  const paren = PAREN.exec(t);
  if (paren) {
    return {
      kind: 'number',
      value: -Number((paren[2] ?? '').replace(/,/g, '')),
      format: paren[1] ? 'currency' : null,
    };
  }
  const m = NUMBER.exec(t);
  if (!m) return null;
  if (m[1] && m[3]) return null; // "+-5"
  const sign = (m[1] ?? m[3]) === '-' ? -1 : 1;
  let value = sign * Number((m[4] ?? '').replace(/,/g, ''));
  if (m[5]) value *= 10 ** Number(m[5]);
  if (m[6]) value /= 100;
  return { kind: 'number', value, format: m[6] ? 'percent' : m[2] ? 'currency' : null };
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

function monthOf(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  if (i < 0) return 0;
  const full = new Date(Date.UTC(2000, i, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  return full.toLowerCase().startsWith(name.toLowerCase()) ? i + 1 : 0;
}

type Ymd = [number, number, number];

/** en_US date input: M/D, M/D/Y, Y-M-D, Y/M/D, Y-M, "Mar 2024", "Mar 1, 2024", "1 Mar 2024". */
const DATE_FORMS: readonly [RegExp, (g: string[], year: number) => Ymd][] = [
  [/^(\d{1,2})[/-](\d{1,2})$/, (g, year) => [year, Number(g[1]), Number(g[2])]],
  [/^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/, (g) => [fullYear(g[3] ?? ''), Number(g[1]), Number(g[2])]],
  [/^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/, (g) => [Number(g[1]), Number(g[2]), Number(g[3])]],
  [/^(\d{4})[/-](\d{1,2})$/, (g) => [Number(g[1]), Number(g[2]), 1]],
  [/^([A-Za-z]+)\.?\s+(\d{4})$/, (g) => [Number(g[2]), monthOf(g[1] ?? ''), 1]],
  [/^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/, (g) => [Number(g[3]), monthOf(g[1] ?? ''), Number(g[2])]],
  [/^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/, (g) => [Number(g[3]), monthOf(g[2] ?? ''), Number(g[1])]],
];

function parseDate(t: string, currentYear: number): Typed | null {
  for (const [re, ymd] of DATE_FORMS) {
    const g = re.exec(t);
    if (!g) continue;
    const [y, m, d] = ymd(
      [...g].map((x) => x ?? ''),
      currentYear,
    );
    return validDate(y, m, d) ? { kind: 'date', serial: serialOfCivil(y, m, d) } : null;
  }
  return null;
}

/**
 * How Sheets reads `input` written into a cell whose number format is `format`. Only ASCII digits
 * are read as numbers (typed Persian ۱۴۰۵ stays text: our reading, not documented).
 */
export function readTyped(input: string, format: string, currentYear: number): Typed {
  if (input === '') return { kind: 'empty' };
  if (format === '@') return { kind: 'text', text: input };
  if (input.startsWith("'")) return { kind: 'text', text: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { kind: 'formula', formula: input };
  const t = input.trim();
  if (/^(true|false)$/i.test(t)) return { kind: 'boolean', value: t.toLowerCase() === 'true' };
  return parseNumber(t) ?? parseDate(t, currentYear) ?? { kind: 'text', text: input };
}
