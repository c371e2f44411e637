/**
 * Reading a pasted sheet: the header row, what each column holds (with a confidence), which rows
 * are data (not titles, blank rows, repeated headers, total rows or notes), and each measure
 * column read once into a Float64Array through the one number reader. Bad input gives problems
 * that say what and where, never an exception.
 */
import {
  type DateKind,
  type DayOrderDecision,
  decideDayOrder,
  MAX_DAY,
  MIN_DAY,
  readDate,
} from '../dates/parse-date';
import type { Calendar } from '../dates/periods';
import type { Lang } from '../i18n/lang';
import { label } from '../i18n/report-labels';
import { MEASURES, type MeasureId } from '../kpi/measures';
import { type DecimalMark, isDate, normalizeDigits, readNumber } from '../numbers/parse-number';
import type { ColumnMapping, ColumnRole } from '../report/model';
import type { InputProblem } from '../report/options';
import { detectHeaderRow } from './header-row';
import { columnLetter, rowList } from './letters';
import { isTotalLabel, matchHeader } from './match';
import { bracketed } from './normalize';

export interface AnalyseOptions {
  readonly lang: Lang;
  readonly headerRow?: number;
  readonly overrides?: Readonly<Record<number, ColumnRole>>;
}

export interface MeasureColumn {
  readonly index: number;
  readonly measure: MeasureId;
  /** One value per data row (same order as Analysis.dataRows); NaN where the cell holds no number. */
  readonly values: Float64Array;
  /** Cells that hold a number. */
  readonly count: number;
  readonly integral: boolean;
  /** Some numbers were written as text ("1,234", "$5"): sheet formulas cannot add those cells. */
  readonly textNumbers: boolean;
  /** 0-based grid rows of data cells that are filled but not numbers ("n/a"). */
  readonly notNumberRows: readonly number[];
  readonly currency: string | null;
  readonly decimal: DecimalMark;
}

export interface DateColumn {
  readonly index: number;
  /** Epoch day per data row; NaN where the cell is not a date. */
  readonly days: Float64Array;
  readonly kinds: ReadonlySet<DateKind>;
  /** Every date is a Date object (a real date cell): sheet formulas can compare them. */
  readonly allDateObjects: boolean;
  readonly badRows: readonly number[];
  readonly order: DayOrderDecision | null;
  readonly calendar: Calendar;
}

export type ExcludedReason = 'total' | 'header' | 'note' | 'comment';

export interface Analysis {
  readonly width: number;
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly mapping: readonly ColumnMapping[];
  readonly dataRows: readonly number[];
  /** Rows after the header that are not data, blank rows left out. */
  readonly excluded: readonly { readonly row: number; readonly reason: ExcludedReason }[];
  readonly measures: readonly MeasureColumn[];
  readonly date: DateColumn | null;
}

export type AnalysisResult =
  | { readonly ok: true; readonly analysis: Analysis }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

interface Draft {
  role: ColumnRole | null;
  confidence: number;
  overridden: boolean;
}

const isBlank = (v: unknown): boolean =>
  v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

const SAMPLE = 500;
/**
 * Shortcuts for the common, unambiguous texts ("1234.5", "1,234.5"; "1.234,5" in a comma column):
 * the same value readNumber gives (a property test checks it), without its currency and
 * separator search, which dominates the read of a 100,000-row CSV. Anything else goes to readNumber.
 */
export const PLAIN_DOT = /^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$/;
export const PLAIN_COMMA = /^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$/;

export function readPlain(text: string, decimal: DecimalMark): number | null {
  if (decimal === ',')
    return PLAIN_COMMA.test(text) ? Number(text.replace(/\./g, '').replace(',', '.')) : null;
  return PLAIN_DOT.test(text) ? Number(text.replace(/,/g, '')) : null;
}

/** The role's words for messages: "Clicks", "campaign". */
export function roleName(role: ColumnRole, lang: Lang): string {
  if (role.kind === 'measure') return MEASURES[role.measure].names[lang];
  if (role.kind === 'dimension') {
    const key = { campaign: 'dimCampaign', channel: 'dimChannel', date: 'dimDate', text: 'dimText' } as const;
    return label(key[role.dimension], lang);
  }
  return role.kind === 'precomputed' ? role.kpi : label('ignored', lang);
}

/** A key per role that only one column may hold. */
function exclusiveKey(role: ColumnRole | null): string | null {
  if (!role) return null;
  if (role.kind === 'measure') return `m:${role.measure}`;
  if (role.kind === 'dimension' && role.dimension !== 'text') return `d:${role.dimension}`;
  return null;
}

function problem(
  code: InputProblem['code'],
  message: string,
  hint: string,
  extra: Partial<Pick<InputProblem, 'column' | 'rows'>> = {},
): InputProblem {
  return { code, message, hint, ...extra };
}

/** The decimal mark a column uses, from the text numbers that settle it ("1.234,5", "12,5", "1,234.5"). */
function decideDecimal(texts: readonly string[]): DecimalMark {
  let dot = 0;
  let comma = 0;
  for (const raw of texts) {
    const s = normalizeDigits(raw);
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    if (lastDot >= 0 && lastComma >= 0) {
      if (lastDot > lastComma) dot++;
      else comma++;
    } else if (lastComma >= 0) {
      if (s.indexOf(',') !== lastComma) dot++;
      else if (!/,\d{3}(?!\d)/.test(s)) comma++;
    } else if (lastDot >= 0) {
      if (s.indexOf('.') !== lastDot) comma++;
      else if (!/\.\d{3}(?!\d)/.test(s)) dot++;
    }
  }
  return comma > dot ? ',' : '.';
}

/** The currency a header names in brackets: "Amount spent (USD)", "هزینه (تومان)". */
function headerCurrency(header: string): string | null {
  for (const inside of bracketed(header)) {
    const r = readNumber(`1${inside}`);
    if (r.ok && r.currency) return r.currency;
  }
  return null;
}

export function analyse(grid: readonly (readonly unknown[])[], options: AnalyseOptions): AnalysisResult {
  const lang = options.lang;
  const rows: readonly (readonly unknown[])[] = Array.isArray(grid) ? grid : [];
  let width = 0;
  let anyFilled = false;
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    if (row.length > width) width = row.length;
    if (!anyFilled && row.some((c) => !isBlank(c))) anyFilled = true;
  }
  if (!anyFilled)
    return { ok: false, problems: [problem('empty', label('emptyMsg', lang), label('emptyHint', lang))] };

  let headerRow: number | null;
  if (options.headerRow !== undefined) {
    if (!Number.isInteger(options.headerRow) || options.headerRow < 0 || options.headerRow >= rows.length) {
      const what = `headerRow = ${options.headerRow}`;
      return {
        ok: false,
        problems: [
          problem('bad-option', label('badOptionMsg', lang, { what }), label('badOptionHint', lang)),
        ],
      };
    }
    headerRow = options.headerRow;
  } else headerRow = detectHeaderRow(rows);
  if (headerRow === null) {
    return {
      ok: false,
      problems: [problem('no-header', label('noHeaderMsg', lang), label('noHeaderHint', lang))],
    };
  }
  const h = headerRow;
  const cellAt = (r: number, c: number): unknown => (rows[r] as readonly unknown[] | undefined)?.[c];
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const v = cellAt(h, c);
    headers.push(isBlank(v) ? '' : String(v).replace(/^\ufeff/, ''));
  }

  // Roles from the headers and the user's overrides.
  const drafts: Draft[] = headers.map((header, c) => {
    const override = options.overrides?.[c];
    if (override) return { role: override, confidence: 1, overridden: true };
    const m = matchHeader(header);
    return m
      ? { role: m.role, confidence: m.confidence, overridden: false }
      : { role: null, confidence: 0, overridden: false };
  });

  // Rows that may be data, for judging columns by their values.
  const candidates: number[] = [];
  for (let r = h + 1; r < rows.length && candidates.length < SAMPLE; r++) {
    const row = rows[r];
    if (Array.isArray(row) && row.some((c) => !isBlank(c)) && !isRepeatedHeader(row, headers))
      candidates.push(r);
  }
  const sampleOrder = (c: number): DayOrderDecision =>
    decideDayOrder(
      candidates.map((r) => cellAt(r, c)),
      lang,
    );
  for (let c = 0; c < width; c++) {
    const d = drafts[c] as Draft;
    if (d.overridden) continue;
    const isDateRole = d.role?.kind === 'dimension' && d.role.dimension === 'date';
    if (d.role && !isDateRole) continue;
    let filled = 0;
    let dates = 0;
    let numbers = 0;
    const order = sampleOrder(c).order;
    for (const r of candidates) {
      const v = cellAt(r, c);
      if (isBlank(v)) continue;
      filled++;
      if (readDate(v, order)) dates++;
      else if (readNumber(v).ok) numbers++;
    }
    if (isDateRole) {
      if (filled > 0 && dates < filled / 2)
        drafts[c] = { role: { kind: 'dimension', dimension: 'text' }, confidence: 0.3, overridden: false };
      continue;
    }
    if (filled === 0)
      drafts[c] = { role: { kind: 'ignored' }, confidence: headers[c] === '' ? 1 : 0.5, overridden: false };
    else if (dates >= filled * 0.8)
      drafts[c] = { role: { kind: 'dimension', dimension: 'date' }, confidence: 0.7, overridden: false };
    else if (numbers <= filled / 2)
      drafts[c] = { role: { kind: 'dimension', dimension: 'text' }, confidence: 0.3, overridden: false };
    else drafts[c] = { role: { kind: 'ignored' }, confidence: 0.5, overridden: false };
  }

  // One column per role: the surest wins; two sure ones (or two overrides) are a problem for measures.
  const problems: InputProblem[] = [];
  const byRole = new Map<string, number[]>();
  drafts.forEach((d, c) => {
    const key = exclusiveKey(d.role);
    if (key) byRole.set(key, [...(byRole.get(key) ?? []), c]);
  });
  for (const [key, cols] of byRole) {
    if (cols.length < 2) continue;
    const rank = (c: number): number =>
      (drafts[c] as Draft).overridden ? 2 : (drafts[c] as Draft).confidence;
    const sorted = [...cols].sort((a, b) => rank(b) - rank(a) || a - b);
    const [first, second] = sorted as [number, number];
    const role = (drafts[first] as Draft).role as ColumnRole;
    if (key.startsWith('m:') && rank(first) === rank(second) && rank(first) >= 1) {
      const names = sorted
        .filter((c) => rank(c) === rank(first))
        .map((c) => `${columnLetter(c)} ("${headers[c]}")`)
        .join(label('and', lang));
      const roleText = roleName(role, lang);
      problems.push(
        problem(
          'duplicate-role',
          label('duplicateMsg', lang, { cols: names, role: roleText }),
          label('duplicateHint', lang, { role: roleText }),
          {
            column: { letter: columnLetter(second), header: headers[second] as string },
          },
        ),
      );
      continue;
    }
    for (const c of sorted.slice(1)) {
      const d = drafts[c] as Draft;
      d.role = key.startsWith('m:') ? { kind: 'ignored' } : { kind: 'dimension', dimension: 'text' };
      d.confidence = Math.min(d.confidence, 0.3);
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const measureCols: { index: number; measure: MeasureId }[] = [];
  drafts.forEach((d, c) => {
    if (d.role?.kind === 'measure') measureCols.push({ index: c, measure: d.role.measure });
  });
  if (measureCols.length === 0) {
    return {
      ok: false,
      problems: [problem('no-measure', label('noMeasureMsg', lang), label('noMeasureHint', lang))],
    };
  }

  // Which rows are data.
  const measureSet = new Uint8Array(width);
  for (const m of measureCols) measureSet[m.index] = 1;
  const totalCache = new Map<string, boolean>();
  const isTotal = (v: string): boolean => {
    let t = totalCache.get(v);
    if (t === undefined) {
      t = v.length <= 30 && isTotalLabel(v);
      totalCache.set(v, t);
    }
    return t;
  };
  const dataRows: number[] = [];
  const excluded: { row: number; reason: ExcludedReason }[] = [];
  for (let r = h + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row)) continue;
    let first: unknown;
    let hasMeasure = false;
    let total = false;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isBlank(v)) continue;
      if (first === undefined) first = v;
      if (measureSet[c] === 1) hasMeasure = true;
      else if (typeof v === 'string' && !total && isTotal(v)) total = true;
    }
    if (first === undefined) continue;
    if (typeof first === 'string' && first.trim().startsWith('#'))
      excluded.push({ row: r, reason: 'comment' });
    else if (isRepeatedHeader(row, headers)) excluded.push({ row: r, reason: 'header' });
    else if (total) excluded.push({ row: r, reason: 'total' });
    else if (!hasMeasure) excluded.push({ row: r, reason: 'note' });
    else dataRows.push(r);
  }
  if (dataRows.length === 0) {
    return {
      ok: false,
      problems: [
        problem('header-only', label('headerOnlyMsg', lang, { row: h + 1 }), label('headerOnlyHint', lang), {
          rows: [h + 1],
        }),
      ],
    };
  }

  // Measures, each read once (twice when an unlabelled total row had to be taken out).
  let measures = readMeasureColumns(rows, dataRows, measureCols, headers);
  const dimensionCols = drafts.flatMap((d, c) =>
    d.role?.kind === 'dimension' && d.role.dimension !== 'date' ? [c] : [],
  );
  const unlabelled = unlabelledTotals(rows, dataRows, measures, dimensionCols);
  if (unlabelled.length > 0) {
    const drop = new Set(unlabelled);
    for (const r of unlabelled) excluded.push({ row: r, reason: 'total' });
    excluded.sort((a, b) => a.row - b.row);
    const kept = dataRows.filter((r) => !drop.has(r));
    dataRows.length = 0;
    dataRows.push(...kept);
    measures = readMeasureColumns(rows, dataRows, measureCols, headers);
  }
  for (const col of measures) {
    const { index, measure } = col;
    const filled = col.count + col.notNumberRows.length;
    if (filled > 0 && col.notNumberRows.length >= 0.9 * filled) {
      const role = roleName({ kind: 'measure', measure }, lang);
      const oneBased = col.notNumberRows.map((r) => r + 1);
      problems.push(
        problem(
          'mostly-text',
          label('mostlyTextMsg', lang, {
            col: columnLetter(index),
            header: headers[index] as string,
            role,
            n: col.notNumberRows.length,
            m: filled,
            rows: rowList(oneBased),
          }),
          label('mostlyTextHint', lang, { role }),
          { column: { letter: columnLetter(index), header: headers[index] as string }, rows: oneBased },
        ),
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const dateIndex = drafts.findIndex((d) => d.role?.kind === 'dimension' && d.role.dimension === 'date');
  const date = dateIndex >= 0 ? readDateColumn(rows, dataRows, dateIndex, lang) : null;

  const mapping: ColumnMapping[] = drafts.map((d, c) => {
    const role = d.role ?? { kind: 'ignored' };
    const m = measures.find((x) => x.index === c);
    return {
      index: c,
      letter: columnLetter(c),
      header: headers[c] as string,
      role,
      confidence: d.confidence,
      ...(m && MEASURES[m.measure].kind === 'money' ? { currency: m.currency } : {}),
      ...(d.overridden ? { overridden: true } : {}),
    };
  });

  return {
    ok: true,
    analysis: { width, headerRow: h, headers, mapping, dataRows, excluded, measures, date },
  };
}

/**
 * Rows with no name in any dimension column whose every additive measure equals the sum of all
 * the other rows: a total row without a label (Meta exports put one on top). Reach is left out
 * of the test, since a platform's total reach is deduplicated.
 */
function unlabelledTotals(
  rows: readonly (readonly unknown[])[],
  dataRows: readonly number[],
  measures: readonly MeasureColumn[],
  dimensionCols: readonly number[],
): number[] {
  if (dataRows.length < 3 || dimensionCols.length === 0) return [];
  const additive = measures.filter((m) => m.measure !== 'reach');
  if (additive.length === 0) return [];
  const sums = additive.map((m) => m.values.reduce((s, v) => (Number.isNaN(v) ? s : s + v), 0));
  const out: number[] = [];
  for (let i = 0; i < dataRows.length; i++) {
    const r = dataRows[i] as number;
    const row = rows[r] as readonly unknown[];
    if (!dimensionCols.every((c) => isBlank(row[c]))) continue;
    // Two non-zero matches at least, so that a row that happens to equal the rest in one column stays data.
    let matched = 0;
    let equal = true;
    for (const [k, m] of additive.entries()) {
      const v = m.values[i] as number;
      if (Number.isNaN(v)) continue;
      const rest = (sums[k] as number) - v;
      if (Math.abs(v - rest) > 1e-6 * Math.max(1, Math.abs(v))) equal = false;
      else if (v !== 0) matched++;
    }
    if (equal && matched >= 2) out.push(r);
  }
  return out;
}

function isRepeatedHeader(row: readonly unknown[], headers: readonly string[]): boolean {
  let named = 0;
  let same = 0;
  for (let c = 0; c < headers.length; c++) {
    const header = headers[c] as string;
    if (header === '') continue;
    named++;
    const v = row[c];
    if (typeof v === 'string' && v.trim() === header.trim()) same++;
  }
  return same >= 2 && same >= named * 0.6;
}

/**
 * Reads every measure column in one pass over the rows (row-major: each row array is touched
 * once), into one Float64Array per column.
 */
function readMeasureColumns(
  rows: readonly (readonly unknown[])[],
  dataRows: readonly number[],
  cols: readonly { index: number; measure: MeasureId }[],
  headers: readonly string[],
): MeasureColumn[] {
  const n = dataRows.length;
  const K = cols.length;
  const index = Int32Array.from(cols.map((c) => c.index));
  const decimals: DecimalMark[] = cols.map((col) => {
    const texts: string[] = [];
    for (let i = 0; i < n && i < 5000 && texts.length < 2000; i++) {
      const v = (rows[dataRows[i] as number] as readonly unknown[])[col.index];
      if (typeof v === 'string' && v.trim() !== '') texts.push(v);
    }
    return decideDecimal(texts);
  });
  const values = cols.map(() => new Float64Array(n));
  const notNumberRows: number[][] = cols.map(() => []);
  const count = new Int32Array(K);
  const fraction = new Uint8Array(K);
  const textNumbers = new Uint8Array(K);
  const money = cols.map((c) => MEASURES[c.measure].kind === 'money');
  const currency: (string | null)[] = cols.map((c) => headerCurrency(headers[c.index] as string));
  /** A text cell: a number written as text, or a filled cell that is not a number (NaN). */
  const readText = (v: string, k: number, r: number): number => {
    const decimal = decimals[k] as DecimalMark;
    const plain = readPlain(v, decimal);
    if (plain !== null) return plain;
    const reading = readNumber(v, { decimal });
    if (reading.ok) {
      if (money[k] && currency[k] === null && reading.currency) currency[k] = reading.currency;
      return reading.value;
    }
    if (reading.reason !== 'blank') (notNumberRows[k] as number[]).push(r);
    return Number.NaN;
  };
  for (let i = 0; i < n; i++) {
    const r = dataRows[i] as number;
    const row = rows[r] as readonly unknown[];
    for (let k = 0; k < K; k++) {
      const v = row[index[k] as number];
      let x = Number.NaN;
      if (typeof v === 'number') {
        if (Number.isFinite(v)) x = v;
        else (notNumberRows[k] as number[]).push(r);
      } else if (typeof v === 'string') {
        x = readText(v, k, r);
        if (!Number.isNaN(x)) textNumbers[k] = 1;
      } else if (v !== null && v !== undefined) (notNumberRows[k] as number[]).push(r);
      (values[k] as Float64Array)[i] = x;
      if (!Number.isNaN(x)) {
        count[k] = (count[k] as number) + 1;
        if (fraction[k] === 0 && !Number.isInteger(x)) fraction[k] = 1;
      }
    }
  }
  return cols.map((col, k) => ({
    index: col.index,
    measure: col.measure,
    values: values[k] as Float64Array,
    count: count[k] as number,
    integral: fraction[k] === 0,
    textNumbers: textNumbers[k] === 1,
    notNumberRows: notNumberRows[k] as number[],
    currency: money[k] ? (currency[k] ?? null) : null,
    decimal: decimals[k] as DecimalMark,
  }));
}

function readDateColumn(
  rows: readonly (readonly unknown[])[],
  dataRows: readonly number[],
  index: number,
  lang: Lang,
): DateColumn {
  const sample: unknown[] = [];
  for (let i = 0; i < dataRows.length && sample.length < 5000; i++)
    sample.push((rows[dataRows[i] as number] as readonly unknown[])[index]);
  const order = decideDayOrder(sample, lang);
  const days = new Float64Array(dataRows.length);
  const kinds = new Set<DateKind>();
  const badRows: number[] = [];
  let allDateObjects = true;
  let sawDateObject = false;
  let jalali = 0;
  for (let i = 0; i < dataRows.length; i++) {
    const r = dataRows[i] as number;
    const v = (rows[r] as readonly unknown[])[index];
    if (isDate(v)) {
      // The common case from Sheets, without an object per row.
      const day = Math.floor((v.getTime() - v.getTimezoneOffset() * 60_000) / 86_400_000);
      if (day >= MIN_DAY && day <= MAX_DAY) {
        days[i] = day;
        sawDateObject = true;
        continue;
      }
    }
    const d = readDate(v, order.order);
    if (d) {
      days[i] = d.day;
      kinds.add(d.kind);
      if (d.kind !== 'date-object') allDateObjects = false;
      if (d.kind === 'jalali') jalali++;
    } else {
      days[i] = Number.NaN;
      if (!isBlank(v)) {
        badRows.push(r);
        allDateObjects = false;
      }
    }
  }
  if (sawDateObject) kinds.add('date-object');
  const usesDayOrder = kinds.has('day-month');
  return {
    index,
    days,
    kinds,
    allDateObjects,
    badRows,
    order: usesDayOrder ? order : null,
    calendar: jalali > dataRows.length / 2 ? 'jalali' : 'gregorian',
  };
}
