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
import { type DecimalMark, isDate, readNumber } from '../numbers/parse-number';
import { asTable, type Grid, headRows, type Table } from '../table/table';
import { detectHeaderRow, HEADER_SCAN_ROWS } from './header-row';
import { columnLetter, rowList } from './letters';
import { isTotalLabel, matchHeader } from './match';
import { bracketed } from './normalize';
import {
  columnMark,
  decideFileMark,
  type FileMark,
  type Mark,
  type MarkEvidence,
  noEvidence,
  weigh,
} from './number-style';
import { findOrderColumns, GENERIC_ORDERS, orderMeasures, ordersNote } from './order-export';
import { headerKeys, headerRule, preferenceRank, recognisePlatform } from './platform';
import type { NotSummedWhy, Platform } from './platforms';
import type { ColumnMapping, ColumnRole, InputProblem } from './types';

/** The file's decimal mark as decided, and each measure column's. */
export interface NumberStyle extends FileMark {
  /** Some text number had a separator, so the decision mattered (and is reported). */
  readonly mattered: boolean;
  readonly marks: readonly Mark[];
}

export interface AnalyseOptions {
  readonly lang: Lang;
  readonly headerRow?: number;
  readonly overrides?: Readonly<Record<number, ColumnRole>>;
  /** Force the decimal mark of text numbers (the CLI's --decimal); default: decided from the file. */
  readonly decimal?: DecimalMark;
  /** The text file's delimiter, when the grid came from one: ";" hints at a "," decimal mark. */
  readonly delimiter?: string;
  /**
   * The grid came from a text file, so a row's length is its number of fields: a data row with
   * more or fewer fields than the header has its values in the wrong columns and is refused.
   */
  readonly fieldCounts?: boolean;
  /**
   * The calendar day (epoch days) a date cell shows. Sheets gives a date cell as a Date at midnight
   * in the spreadsheet's time zone, which the Sheets adapter knows and core does not; default: the
   * UTC calendar day, which is what ExcelJS gives.
   */
  readonly dayOfDate?: (d: Date) => number;
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
  readonly decimal: Mark;
  /** Computed from the column, not its plain sum (orders from order ids): writers show values. */
  readonly derived?: boolean;
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

export type ExcludedReason = 'total' | 'summary' | 'header' | 'note' | 'section';

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
  /** How text numbers were read: the decimal mark and why. */
  readonly numberStyle: NumberStyle;
  /** The platform that exported the sheet, recognised from its headers. */
  readonly platform: { readonly id: string; readonly name: string; readonly profile?: string } | null;
  /** Judgements made while reading (a column chosen over others, one not summed), in the report's language. */
  readonly readNotes: readonly ReadNote[];
}

/** A judgement made while reading, said in the report's notes. */
export interface ReadNote {
  readonly message: string;
  readonly column?: string;
  readonly rows?: readonly number[];
}

export type AnalysisResult =
  | { readonly ok: true; readonly analysis: Analysis }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

interface Draft {
  role: ColumnRole | null;
  confidence: number;
  overridden: boolean;
  notSummed?: ColumnMapping['notSummed'];
  /** The measure an ignored header names (lookalike, not additive, or another column chosen). */
  names?: { readonly measure: MeasureId; readonly why: NotSummedWhy | 'other-chosen' };
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
  // Digits with at most one "." (no ","): the regexes' own answer, without their replace's copy.
  const simple = simpleNumber(text, decimal === ',' ? 0 : 1);
  if (simple === 1) return Number(text);
  if (simple === 0) return null;
  if (decimal === ',')
    return PLAIN_COMMA.test(text) ? Number(text.replace(/\./g, '').replace(',', '.')) : null;
  return PLAIN_DOT.test(text) ? Number(text.replace(/,/g, '')) : null;
}

/**
 * 1: `text` is -?digits, or (with `dots` 1) -?digits.digits, so both PLAIN patterns hold and its
 * value is Number(text); 0: it is no plain number at all; -1: it has a "," (or a "." with `dots`
 * 0), for the regexes to decide.
 */
function simpleNumber(text: string, dots: 0 | 1): -1 | 0 | 1 {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  let digits = 0;
  let dot = -1;
  for (; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 48 && ch <= 57) digits++;
    else if (ch === 46 && dots === 1 && dot < 0) dot = i;
    else return ch === 44 || ch === 46 ? -1 : 0;
  }
  if (digits === 0 || dot === n - 1 || (dot >= 0 && (dot === 0 || text.charCodeAt(dot - 1) === 45))) return 0;
  return 1;
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
  extra: Partial<Pick<InputProblem, 'column' | 'rows' | 'cliHint'>> = {},
): InputProblem {
  return { code, message, hint, ...extra };
}

/** The currency a header names in brackets: "Amount spent (USD)", "هزینه (تومان)". */
function headerCurrency(header: string): string | null {
  for (const inside of bracketed(header)) {
    // Any ISO 4217 code, as Meta writes it: "Amount spent (IDR)".
    if (/^[A-Z]{3}$/.test(inside.trim())) return inside.trim();
    const r = readNumber(`1${inside}`);
    if (r.ok && r.currency) return r.currency;
  }
  return null;
}

export function analyse(cells: Grid | Table, options: AnalyseOptions): AnalysisResult {
  const lang = options.lang;
  const t = asTable(cells);
  const width = t.width;
  if (!anyFilled(t))
    return { ok: false, problems: [problem('empty', label('emptyMsg', lang), label('emptyHint', lang))] };

  let headerRow: number | null;
  if (options.headerRow !== undefined) {
    if (Number.isInteger(options.headerRow) && options.headerRow >= t.length) {
      // Said in the user's row numbers: "Row 300 is past the last row (249)".
      const last = t.length;
      return {
        ok: false,
        problems: [
          problem(
            'bad-option',
            label('headerRowPastEnd', lang, { row: options.headerRow + 1, last }),
            label('headerRowPastEndHint', lang, { last }),
            { cliHint: label('headerRowPastEndHintCli', lang, { last }) },
          ),
        ],
      };
    }
    if (!Number.isInteger(options.headerRow) || options.headerRow < 0) {
      const what = `headerRow = ${options.headerRow}`;
      return {
        ok: false,
        problems: [
          problem('bad-option', label('badOptionMsg', lang, { what }), label('badOptionHint', lang)),
        ],
      };
    }
    headerRow = options.headerRow;
  } else headerRow = detectHeaderRow(headRows(t, HEADER_SCAN_ROWS));
  if (headerRow === null) {
    return {
      ok: false,
      problems: [
        problem('no-header', label('noHeaderMsg', lang), label('noHeaderHint', lang), {
          cliHint: label('noHeaderHintCli', lang),
        }),
      ],
    };
  }
  const h = headerRow;
  const cellAt = (r: number, c: number): unknown => t.cell(r, c);
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const v = cellAt(h, c);
    headers.push(isBlank(v) ? '' : String(v).replace(/^\ufeff/, ''));
  }

  // Roles from the user's overrides, the platform's rules, then the synonyms.
  const platform = recognisePlatform(headers);
  const drafts: Draft[] = headers.map((header, c) => {
    const override = options.overrides?.[c];
    if (override) return { role: override, confidence: 1, overridden: true };
    const rule = headerRule(platform, header);
    if (rule) {
      return {
        role: rule.role,
        confidence: 1,
        overridden: false,
        ...(rule.notSummed ? { names: rule.notSummed, notSummed: { reason: rule.notSummed.why } } : {}),
      };
    }
    const m = matchHeader(header);
    // Reach counts people once per row: a sum counts a person on several rows several times.
    if (m?.role.kind === 'measure' && m.role.measure === 'reach')
      return {
        role: { kind: 'ignored' },
        confidence: 1,
        overridden: false,
        names: { measure: 'reach', why: 'not-additive' },
        notSummed: { reason: 'not-additive' },
      };
    return m
      ? { role: m.role, confidence: m.confidence, overridden: false }
      : { role: null, confidence: 0, overridden: false };
  });

  // Rows that may be data, for judging columns by their values.
  const candidates: number[] = [];
  for (let r = h + 1; r < t.length && candidates.length < SAMPLE; r++) {
    const row = t.row(r);
    if (row.some((c) => !isBlank(c)) && !isRepeatedHeader(row, headers)) candidates.push(r);
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

  const readNotes: ReadNote[] = [];
  const keys = headers.map(headerKeys);
  resultsRole(drafts, keys, headers, candidates, cellAt, lang, readNotes);
  const orderCols = findOrderColumns(platform?.orders ?? GENERIC_ORDERS, keys);
  if (orderCols) {
    // The order's total is its revenue; every other money or count column is per item.
    drafts.forEach((d, c) => {
      if (d.overridden || c === orderCols.total || d.role?.kind !== 'measure') return;
      if (d.role.measure === 'revenue' || d.role.measure === 'orders') d.role = { kind: 'ignored' };
    });
    if (!drafts[orderCols.total]?.overridden)
      drafts[orderCols.total] = {
        role: { kind: 'measure', measure: 'revenue' },
        confidence: 1,
        overridden: false,
      };
    if (!drafts[orderCols.id]?.overridden)
      drafts[orderCols.id] = {
        role: { kind: 'dimension', dimension: 'text' },
        confidence: 1,
        overridden: false,
      };
  }

  // One column per role: the surest wins; two sure ones (or two overrides) are a problem for measures.
  const problems: InputProblem[] = [];
  const byRole = new Map<string, number[]>();
  drafts.forEach((d, c) => {
    const key = exclusiveKey(d.role);
    if (key) byRole.set(key, [...(byRole.get(key) ?? []), c]);
  });
  const chosen: { measure: MeasureId; first: number; others: number[] }[] = [];
  for (const [key, cols] of byRole) {
    if (cols.length < 2) continue;
    const d = (c: number) => drafts[c] as Draft;
    const measureId = key.startsWith('m:') ? (key.slice(2) as MeasureId) : null;
    const pref = (c: number) =>
      measureId && !d(c).overridden ? preferenceRank(platform, measureId, headers[c] as string) : 0;
    const rank = (c: number): number => (d(c).overridden ? 2 : d(c).confidence);
    const sorted = [...cols].sort((a, b) => rank(b) - rank(a) || pref(a) - pref(b) || a - b);
    const [first, second] = sorted as [number, number];
    const role = d(first).role as ColumnRole;
    const tie =
      rank(first) === rank(second) &&
      rank(first) >= 1 &&
      (d(first).overridden || pref(first) === pref(second));
    if (measureId && tie) {
      const names = sorted
        .filter((c) => rank(c) === rank(first) && pref(c) === pref(first))
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
            cliHint: label('duplicateHintCli', lang, { letter: columnLetter(second) }),
          },
        ),
      );
      continue;
    }
    if (measureId && rank(first) >= 1 && rank(second) >= 1)
      chosen.push({ measure: measureId, first, others: sorted.slice(1) });
    for (const c of sorted.slice(1)) {
      const draft = d(c);
      if (measureId) {
        draft.role = { kind: 'ignored' };
        if (rank(c) >= 1) {
          draft.names = { measure: measureId, why: 'other-chosen' };
          draft.notSummed = { reason: 'other-chosen', chosen: columnLetter(first) };
        }
      } else draft.role = { kind: 'dimension', dimension: 'text' };
      draft.confidence = Math.min(draft.confidence, 0.3);
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
      problems: [
        problem('no-measure', label('noMeasureMsg', lang), label('noMeasureHint', lang), {
          cliHint: label('noMeasureHintCli', lang),
        }),
      ],
    };
  }

  // Which rows are data.
  const measureSet = new Uint8Array(width);
  for (const m of measureCols) measureSet[m.index] = 1;
  if (orderCols) measureSet[orderCols.id] = 1;
  const marks = rowMarks(t, h + 1, headers, measureSet);
  const named = headers.filter((x) => x !== '').length;
  const headerFields = t.fields(h);
  const ragged: number[] = [];
  const dataRows: number[] = [];
  const excluded: { row: number; reason: ExcludedReason }[] = [];
  let afterBlank = false;
  let sectionEnd = t.length;
  for (let r = h + 1; r < t.length; r++) {
    const mark = marks.flags[r - h - 1] as number;
    if ((mark & FILLED) === 0) {
      afterBlank = true;
      continue;
    }
    const hasMeasure = (mark & MEASURE) !== 0;
    // A "#" line after a blank line starts another table (GA's next "# ----" block): the table
    // ends here. Inside the table, "#BlackFriday" is a campaign like any other.
    if (afterBlank && !hasMeasure && startsWithHash(t.row(r))) {
      sectionEnd = r;
      break;
    }
    afterBlank = false;
    const same = marks.sameAsHeader[r - h - 1] as number;
    if (same >= 2 && same >= named * 0.6) excluded.push({ row: r, reason: 'header' });
    else if ((mark & TOTAL) !== 0) excluded.push({ row: r, reason: 'total' });
    else if (!hasMeasure) excluded.push({ row: r, reason: 'note' });
    else {
      if (options.fieldCounts && fieldCountDiffers(t, r, headerFields)) ragged.push(r);
      dataRows.push(r);
    }
  }
  const stacked: number[] = [];
  for (let r = sectionEnd; r < t.length; r++) {
    const row = t.row(r);
    if (!row.some((c) => !isBlank(c))) continue;
    excluded.push({ row: r, reason: 'section' });
    const first = row.find((c) => !isBlank(c));
    if (!(typeof first === 'string' && first.trim().startsWith('#'))) stacked.push(r);
  }
  // Another table after the comment block: which one the user wants is theirs to say.
  if (stacked.length > 0) {
    const at = (stacked[0] as number) + 1;
    return {
      ok: false,
      problems: [
        problem(
          'stacked-tables',
          label('stackedMsg', lang, { header: h + 1, end: sectionEnd, at }),
          label('stackedHint', lang, { at }),
          { rows: [sectionEnd + 1, at] },
        ),
      ],
    };
  }
  if (ragged.length > 0) {
    const oneBased = ragged.map((r) => r + 1);
    const firstFields = t.fields(ragged[0] as number);
    return {
      ok: false,
      problems: [
        problem(
          'ragged-row',
          label('raggedMsg', lang, {
            rows: rowList(oneBased),
            n: firstFields,
            m: headerFields,
            header: h + 1,
          }),
          label('raggedHint', lang),
          { rows: oneBased },
        ),
      ],
    };
  }
  if (dataRows.length === 0) {
    return {
      ok: false,
      problems: [
        problem('header-only', label('headerOnlyMsg', lang, { row: h + 1 }), label('headerOnlyHint', lang), {
          // The rows under the header that hold only text ("No data available.") are named too.
          rows: [h + 1, ...excluded.filter((e) => e.reason === 'note').map((e) => e.row + 1)],
        }),
      ],
    };
  }

  // Measures, each read once (again when a summary row had to be taken out).
  const style = numberStyle(t, dataRows, measureCols, options);
  let measures = readMeasureColumns(t, dataRows, measureCols, headers, style.marks);
  // A row whose measure cells hold only text (a line describing each column under the header) is
  // a note, not data; then a summary row equal to the sum of the others.
  const textOnly = textOnlyRows(dataRows, measures);
  const summaries = summaryRows(
    textOnly.size > 0 ? dataRows.filter((r) => !textOnly.has(r)) : dataRows,
    textOnly.size > 0
      ? readMeasureColumns(
          t,
          dataRows.filter((r) => !textOnly.has(r)),
          measureCols,
          headers,
          style.marks,
        )
      : measures,
  );
  if (summaries.length > 0 || textOnly.size > 0) {
    const drop = new Set([...summaries, ...textOnly]);
    for (const r of summaries) excluded.push({ row: r, reason: 'summary' });
    for (const r of textOnly) excluded.push({ row: r, reason: 'note' });
    const kept = dataRows.filter((r) => !drop.has(r));
    dataRows.length = 0;
    // One push per row: spreading a big array into push() overflows the stack (~120,000 rows).
    for (const r of kept) dataRows.push(r);
    measures = readMeasureColumns(t, dataRows, measureCols, headers, style.marks);
  }
  excluded.sort((a, b) => a.row - b.row);
  if (orderCols) measures = withOrderMeasures(measures, t, dataRows, orderCols, headers, lang, readNotes);
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
          {
            column: { letter: columnLetter(index), header: headers[index] as string },
            rows: oneBased,
            cliHint: label('mostlyTextHintCli', lang, { role, letter: columnLetter(index) }),
          },
        ),
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const dateIndex = drafts.findIndex((d) => d.role?.kind === 'dimension' && d.role.dimension === 'date');
  const date =
    dateIndex >= 0 ? readDateColumn(t, dataRows, dateIndex, lang, options.dayOfDate ?? utcDay) : null;

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
      ...(d.notSummed && role.kind === 'ignored' ? { notSummed: d.notSummed } : {}),
    };
  });
  readNotes.unshift(...columnNotes(drafts, headers, chosen, platform, lang));

  return {
    ok: true,
    analysis: {
      width,
      headerRow: h,
      headers,
      mapping,
      dataRows,
      excluded,
      measures,
      date,
      numberStyle: style,
      platform: platform
        ? { id: platform.id, name: platform.name, ...(platform.profile ? { profile: platform.profile } : {}) }
        : null,
      readNotes,
    },
  };
}

/**
 * Rows whose every additive measure equals the sum of all the other rows: a platform's own
 * summary (Meta's account row, which has no name; a "Total" under any label). Reach is left out
 * of the test, since a platform's total reach is deduplicated. At least two non-zero measures
 * must match, so that a row that happens to equal the rest in one column stays data; money may
 * differ by rounding (the summary is rounded once, the rows each).
 */
function summaryRows(dataRows: readonly number[], measures: readonly MeasureColumn[]): number[] {
  const additive = measures.filter((m) => m.measure !== 'reach');
  if (dataRows.length < 3 || additive.length === 0) return [];
  // Plain loops, in the same order as reduce and entries() (no callback or pair per cell).
  const sums = additive.map((m) => {
    let s = 0;
    for (let i = 0; i < m.values.length; i++) {
      const v = m.values[i] as number;
      if (!Number.isNaN(v)) s += v;
    }
    return s;
  });
  const out: number[] = [];
  for (let i = 0; i < dataRows.length; i++) {
    let matched = 0;
    let equal = true;
    for (let k = 0; k < additive.length; k++) {
      const m = additive[k] as MeasureColumn;
      const v = m.values[i] as number;
      if (Number.isNaN(v)) continue;
      const rest = (sums[k] as number) - v;
      const rounding = summaryRounding(dataRows.length, v, m.integral);
      if (Math.abs(v - rest) > Math.max(rounding, 1e-9 * Math.abs(v))) {
        equal = false;
        break;
      }
      if (v !== 0) matched++;
    }
    if (equal && matched >= 2) out.push(dataRows[i] as number);
  }
  // Two rows that each equal the rest cannot both be summaries of the same data.
  return out.length === 1 ? out : [];
}

/**
 * How far a summary cell may be from the sum of the other rows (summaryRows): money rounded once
 * in the summary and once in each of `rows` rows; whole counts exactly.
 */
export function summaryRounding(rows: number, value: number, integral: boolean): number {
  return integral ? 1e-6 : 0.005 * Math.sqrt(rows) + 1e-9 * Math.abs(value);
}

/**
 * Data rows with text but no number in every measure column, while most rows have numbers: the
 * line some exports put under the header to describe each column. (A column that is mostly text
 * is a problem of its own, said by the caller.)
 */
function textOnlyRows(dataRows: readonly number[], measures: readonly MeasureColumn[]): Set<number> {
  const out = new Set<number>();
  if (measures.length === 0) return out;
  const notNumber = new Map<number, number>();
  for (const m of measures) for (const r of m.notNumberRows) notNumber.set(r, (notNumber.get(r) ?? 0) + 1);
  if (notNumber.size === 0 || notNumber.size * 2 >= dataRows.length) return out;
  dataRows.forEach((r, i) => {
    if (!notNumber.has(r)) return;
    if (measures.every((m) => Number.isNaN(m.values[i] as number))) out.add(r);
  });
  return out;
}

/** More or fewer fields than the header (blank trailing fields aside): values are in the wrong columns. */
function fieldCountDiffers(t: Table, r: number, headerFields: number): boolean {
  const fields = t.fields(r);
  if (fields < headerFields) return true;
  for (let c = headerFields; c < fields; c++) if (!isBlank(t.cell(r, c))) return true;
  return false;
}

function anyFilled(t: Table): boolean {
  for (let r = 0; r < t.length; r++)
    for (let c = 0; c < t.fields(r); c++) if (!isBlank(t.cell(r, c))) return true;
  return false;
}

function startsWithHash(row: readonly unknown[]): boolean {
  const first = row.find((c) => !isBlank(c));
  return typeof first === 'string' && first.trim().startsWith('#');
}

/** Row flags of rowMarks. */
const FILLED = 1;
const MEASURE = 2;
const TOTAL = 4;

interface RowMarks {
  /** Per row from `from`: FILLED (a cell not blank), MEASURE (in a measure column), TOTAL (a total's label elsewhere). */
  readonly flags: Uint8Array;
  /** Per row from `from`: how many cells repeat their column's header. */
  readonly sameAsHeader: Uint8Array;
}

/**
 * What each row from `from` on holds (a measure column's numbers from its typed array when the
 * reader made one, without a call per cell). Each row is read as far as its own length: a lone
 * cell at XFD1048576 costs one long row, not rows × columns.
 */
function rowMarks(t: Table, from: number, headers: readonly string[], measureSet: Uint8Array): RowMarks {
  const n = Math.max(0, t.length - from);
  const flags = new Uint8Array(n);
  const sameAsHeader = new Uint8Array(n);
  const trimmed = headers.map((x) => x.trim());
  const typed: boolean[] = [];
  const memos: Map<string, number>[] = [];
  /** A cell's marks, read as a value: a text's found once per distinct text in its column. */
  const markOf = (c: number, v: unknown): number => {
    const measure = measureSet[c] === 1;
    if (typeof v !== 'string') return isBlank(v) ? 0 : measure ? FILLED | MEASURE : FILLED;
    memos[c] ??= new Map();
    const memo = memos[c] as Map<string, number>;
    let mark = memo.get(v);
    if (mark === undefined) {
      mark = textMark(v, measure, trimmed[c] ?? '');
      // A column of unique texts (ids) is not worth remembering past a bound.
      if (memo.size < 100_000) memo.set(v, mark);
    }
    return mark;
  };
  const add = (i: number, mark: number): void => {
    flags[i] = (flags[i] as number) | (mark & (FILLED | MEASURE | TOTAL));
    if ((mark & SAME) !== 0) sameAsHeader[i] = Math.min(255, (sameAsHeader[i] as number) + 1);
  };
  // The columns the reader typed, column by column (their arrays in order; a row that has no
  // such field holds NaN or id -1 there).
  for (let c = 0; c < t.width && c < headers.length; c++) {
    const read = t.numbers(c);
    const ids = t.texts(c);
    typed[c] = read !== null || ids !== null;
    if (read !== null) {
      const mark = measureSet[c] === 1 ? FILLED | MEASURE : FILLED;
      for (let i = 0; i < n; i++) {
        if (!Number.isNaN(read[from + i] as number)) flags[i] = (flags[i] as number) | mark;
        else add(i, markOf(c, t.cell(from + i, c)));
      }
    } else if (ids !== null) {
      const known = new Int8Array(ids.dict.length).fill(-1);
      for (let i = 0; i < n; i++) {
        const id = ids.ids[from + i] as number;
        if (id < 0) continue;
        let mark = known[id] as number;
        if (mark < 0) {
          mark = markOf(c, ids.dict[id]);
          known[id] = mark;
        }
        if (mark !== 0) add(i, mark);
      }
    }
  }
  // Every other cell, row by row, each row only as far as its own length (a lone cell at
  // XFD1048576 costs one long row, not rows × columns).
  if (typed.length === 0 || typed.some((x) => !x) || t.width > typed.length)
    for (let i = 0; i < n; i++) {
      const r = from + i;
      const fields = t.fields(r);
      for (let c = 0; c < fields; c++) if (typed[c] !== true) add(i, markOf(c, t.cell(r, c)));
    }
  return { flags, sameAsHeader };
}

/** Also in textMark: the text repeats its column's header. */
const SAME = 8;

/** A text cell's marks: blank (0), or FILLED, MEASURE in a measure column, TOTAL elsewhere, SAME. */
function textMark(v: string, measure: boolean, header: string): number {
  const text = v.trim();
  if (text === '') return 0;
  let mark = measure ? FILLED | MEASURE : FILLED;
  // A plain number ("1234.5") names no total.
  if (!measure && simpleNumber(v, 1) !== 1 && v.length <= 80 && isTotalLabel(v)) mark |= TOTAL;
  if (header !== '' && text === header) mark |= SAME;
  return mark;
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
 * The decimal mark of each measure column, from the text numbers of the first data rows of every
 * measure column together (see number-style.ts).
 */
function numberStyle(
  t: Table,
  dataRows: readonly number[],
  cols: readonly { index: number; measure: MeasureId }[],
  options: AnalyseOptions,
): NumberStyle {
  const evidence = cols.map((col) => {
    const e = noEvidence();
    let texts = 0;
    for (let i = 0; i < dataRows.length && i < 5000 && texts < 2000; i++) {
      const v = t.cell(dataRows[i] as number, col.index);
      if (typeof v === 'string' && v.trim() !== '') {
        weigh(e, v);
        texts++;
      }
    }
    return e;
  });
  const file = decideFileMark(
    cols.map((c, k) => ({
      evidence: evidence[k] as MarkEvidence,
      counts: MEASURES[c.measure].kind === 'count',
    })),
    options.decimal,
    options.delimiter,
  );
  const mattered = evidence.some((e) => e.dot + e.comma + e.ambiguousDot + e.ambiguousComma > 0);
  return { ...file, mattered, marks: evidence.map((e) => columnMark(e, file)) };
}

/**
 * Reads each measure column into a Float64Array: the reader's numbers as they are, every other
 * cell through the one number reader.
 */
function readMeasureColumns(
  t: Table,
  dataRows: readonly number[],
  cols: readonly { index: number; measure: MeasureId }[],
  headers: readonly string[],
  decimals: readonly Mark[],
): MeasureColumn[] {
  return cols.map((col, k) =>
    readMeasureColumn(t, dataRows, col, headerCurrency(headers[col.index] as string), decimals[k] as Mark),
  );
}

function readMeasureColumn(
  t: Table,
  dataRows: readonly number[],
  col: { index: number; measure: MeasureId },
  headerCurrencyCode: string | null,
  decimal: Mark,
): MeasureColumn {
  const n = dataRows.length;
  const values = new Float64Array(n);
  const notNumberRows: number[] = [];
  const money = MEASURES[col.measure].kind === 'money';
  let currency = headerCurrencyCode;
  let textNumbers = false;
  // The reader's numbers first, in a loop of their own; then every other cell, one by one.
  const read = t.numbers(col.index);
  const others: number[] = [];
  // Numbers and whether any has a fraction, counted as they are copied (one pass over the column).
  let count = 0;
  let fraction = false;
  if (read === null) for (let i = 0; i < n; i++) others.push(i);
  else {
    const first = n > 0 ? (dataRows[0] as number) : 0;
    // Data rows one after another (the usual file): one block copy.
    if (n > 0 && (dataRows[n - 1] as number) - first === n - 1) values.set(read.subarray(first, first + n));
    else for (let i = 0; i < n; i++) values[i] = read[dataRows[i] as number] as number;
    for (let i = 0; i < n; i++) {
      const x = values[i] as number;
      if (Number.isNaN(x))
        others.push(i); // no number read there
      else {
        count++;
        if (!fraction && !Number.isInteger(x)) fraction = true;
      }
    }
  }
  for (const i of others) {
    const r = dataRows[i] as number;
    const v = t.cell(r, col.index);
    let x = Number.NaN;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) x = v;
      else notNumberRows.push(r);
    } else if (typeof v === 'string') {
      // A text cell: a number written as text, or a filled cell that is not a number (NaN).
      const plain = readPlain(v, decimal);
      if (plain !== null) x = plain;
      else {
        const reading = readNumber(v, { decimal });
        if (reading.ok) {
          if (money && currency === null && reading.currency) currency = reading.currency;
          x = reading.value;
        } else if (reading.reason !== 'blank') notNumberRows.push(r);
      }
      if (!Number.isNaN(x)) textNumbers = true;
    } else if (v !== null && v !== undefined) notNumberRows.push(r);
    values[i] = x;
    if (!Number.isNaN(x)) {
      count++;
      if (!Number.isInteger(x)) fraction = true;
    }
  }
  return {
    index: col.index,
    measure: col.measure,
    values,
    count,
    integral: !fraction,
    textNumbers,
    notNumberRows,
    currency: money ? currency : null,
    decimal,
  };
}

/** A Date's calendar day in UTC (epoch days): ExcelJS and the CLI give dates at UTC midnight. */
const utcDay = (d: Date): number => Math.floor(d.getTime() / 86_400_000);

function readDateColumn(
  t: Table,
  dataRows: readonly number[],
  index: number,
  lang: Lang,
  dayOfDate: (d: Date) => number,
): DateColumn {
  const sample: unknown[] = [];
  for (let i = 0; i < dataRows.length && sample.length < 5000; i++)
    sample.push(t.cell(dataRows[i] as number, index));
  const order = decideDayOrder(sample, lang);
  const days = new Float64Array(dataRows.length);
  const kinds = new Set<DateKind>();
  const badRows: number[] = [];
  let allDateObjects = true;
  let sawDateObject = false;
  let jalali = 0;
  // A date column repeats its days: each text is read once (readDate is pure), up to a bound.
  const seen = new Map<string, ReturnType<typeof readDate>>();
  const cachedDate = (v: string): ReturnType<typeof readDate> => {
    let d = seen.get(v);
    if (d === undefined) {
      d = readDate(v, order.order);
      if (seen.size < 100_000) seen.set(v, d);
    }
    return d;
  };
  const ids = t.texts(index);
  const byId: (ReturnType<typeof readDate> | undefined)[] = ids ? new Array(ids.dict.length) : [];
  for (let i = 0; i < dataRows.length; i++) {
    const r = dataRows[i] as number;
    if (ids !== null) {
      // The reader's ids: each distinct text read once.
      const id = ids.ids[r] as number;
      if (id >= 0) {
        let d = byId[id];
        if (d === undefined) {
          d = readDate(ids.dict[id] as string, order.order);
          byId[id] = d;
        }
        if (d) {
          days[i] = d.day;
          kinds.add(d.kind);
          if (d.kind !== 'date-object') allDateObjects = false;
          if (d.kind === 'jalali') jalali++;
          continue;
        }
      }
    }
    const v = t.cell(r, index);
    if (isDate(v)) {
      // The common case from Sheets, without an object per row.
      const day = Number.isNaN(v.getTime()) ? Number.NaN : dayOfDate(v);
      if (day >= MIN_DAY && day <= MAX_DAY) {
        days[i] = day;
        sawDateObject = true;
        continue;
      }
    }
    const d = typeof v === 'string' ? cachedDate(v) : readDate(v, order.order);
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

/** The notes that say how columns were chosen or left out, the platform first. */
function columnNotes(
  drafts: readonly Draft[],
  headers: readonly string[],
  chosen: readonly { measure: MeasureId; first: number; others: number[] }[],
  platform: Platform | null,
  lang: Lang,
): ReadNote[] {
  const notes: ReadNote[] = [];
  if (platform) notes.push({ message: label('platformRead', lang, { platform: platform.name }) });
  const quoted = (c: number) => `${columnLetter(c)} ("${headers[c]}")`;
  for (const { measure, first, others } of chosen) {
    notes.push({
      message: label('chosenColumn', lang, {
        col: columnLetter(first),
        header: headers[first] as string,
        role: roleName({ kind: 'measure', measure }, lang),
        others: others.map(quoted).join(label('and', lang)),
        otherLetter: columnLetter(others[0] as number),
        measure,
      }),
      column: columnLetter(first),
    });
  }
  drafts.forEach((d, c) => {
    if (!d.names || d.role?.kind !== 'ignored' || d.names.why === 'other-chosen') return;
    const col = columnLetter(c);
    const header = headers[c] as string;
    const role = roleName({ kind: 'measure', measure: d.names.measure }, lang);
    notes.push({
      message:
        d.names.why === 'not-additive'
          ? label('notAdditive', lang, { col, header, measure: d.names.measure })
          : label('lookalike', lang, { col, header, role }),
      column: col,
    });
  });
  return notes;
}

/**
 * Meta's "Results" counts whatever each row's result indicator says (purchases, leads, link
 * clicks): conversions when every row counts purchases, leads when every row counts leads,
 * otherwise not summed.
 */
function resultsRole(
  drafts: Draft[],
  keys: readonly (readonly string[])[],
  headers: readonly string[],
  candidates: readonly number[],
  cellAt: (r: number, c: number) => unknown,
  lang: Lang,
  notes: ReadNote[],
): void {
  const results = keys.findIndex((k) => k.includes('results'));
  const indicator = keys.findIndex((k) => k.includes('result indicator') || k.includes('result type'));
  if (results < 0 || indicator < 0 || drafts[results]?.overridden) return;
  const types = new Set<string>();
  for (const r of candidates) {
    const v = cellAt(r, indicator);
    if (!isBlank(v) && !isBlank(cellAt(r, results))) types.add(String(v).trim());
  }
  if (types.size === 0) return;
  const all = (word: RegExp) => [...types].every((t) => word.test(t));
  const measure: MeasureId | null = all(/purchase/i) ? 'conversions' : all(/lead/i) ? 'leads' : null;
  const col = columnLetter(results);
  const header = headers[results] as string;
  const list = [...types].slice(0, 5).join(', ');
  if (measure) {
    drafts[results] = { role: { kind: 'measure', measure }, confidence: 1, overridden: false };
    const role = roleName({ kind: 'measure', measure }, lang);
    notes.push({ message: label('resultsRead', lang, { col, header, role, types: list }), column: col });
  } else {
    drafts[results] = {
      role: { kind: 'ignored' },
      confidence: 1,
      overridden: false,
      notSummed: { reason: 'lookalike' },
    };
    notes.push({ message: label('resultsMixed', lang, { col, header, types: list }), column: col });
  }
}

/** An order export's measures: revenue once per order, orders as distinct ids (both derived). */
function withOrderMeasures(
  measures: readonly MeasureColumn[],
  t: Table,
  dataRows: readonly number[],
  cols: { id: number; total: number; refunds: number | null },
  headers: readonly string[],
  lang: Lang,
  notes: ReadNote[],
): MeasureColumn[] {
  const total = measures.find((m) => m.index === cols.total);
  if (!total) return [...measures];
  const ids = dataRows.map((r) => t.cell(r, cols.id));
  const { orders, revenue, distinct } = orderMeasures(ids, total.values);
  notes.push({
    message: ordersNote(lang, cols, headers, columnLetter, distinct),
    column: columnLetter(cols.id),
  });
  if (cols.refunds !== null) {
    const refunds = dataRows.map((r) =>
      readNumber(t.cell(r, cols.refunds as number), { decimal: total.decimal }),
    );
    const perOrder = orderMeasures(
      ids,
      Float64Array.from(refunds, (x) => (x.ok ? x.value : Number.NaN)),
    ).revenue;
    const amount = perOrder.reduce((s, v) => (Number.isNaN(v) ? s : s + v), 0);
    if (amount !== 0) {
      notes.push({
        message: label('refundsNote', lang, {
          amount: Math.round(amount * 100) / 100,
          col: columnLetter(cols.refunds),
          header: headers[cols.refunds] as string,
        }),
        column: columnLetter(cols.refunds),
      });
    }
  }
  const count = (values: Float64Array) => values.reduce((n, v) => (Number.isNaN(v) ? n : n + 1), 0);
  const others = measures.filter((m) => m.index !== cols.total && m.measure !== 'orders');
  return [
    ...others,
    { ...total, values: revenue, count: count(revenue), derived: true },
    {
      index: cols.id,
      measure: 'orders',
      values: orders,
      count: orders.length,
      integral: true,
      textNumbers: false,
      notNumberRows: [],
      currency: null,
      decimal: total.decimal,
      derived: true,
    },
  ];
}
