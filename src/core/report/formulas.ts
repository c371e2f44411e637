/**
 * Formula text for the report's live cells: English functions, "," separators, no leading "=".
 * Source ranges name the source sheet (quoted, "'" doubled); report cells are plain A1.
 * No user text ever goes into a formula: group criteria are references to the report's own
 * label cells.
 */
import { a1, columnLetter } from '../detect/letters';
import { denominatorsOf, type Expr, render } from '../kpi/expr';
import { normalizeDigits } from '../numbers/parse-number';

export { a1 };

export const a1Range = (r1: number, c1: number, r2: number, c2: number): string =>
  r1 === r2 && c1 === c2 ? a1(r1, c1) : `${a1(r1, c1)}:${a1(r2, c2)}`;

/** `'My sheet'!` with any "'" doubled. */
export const sheetRef = (name: string): string => `'${name.replace(/'/g, "''")}'!`;

/** 0-based inclusive row spans of the source that formulas read. */
export type Segment = readonly [first: number, last: number];

/**
 * The data span cut around excluded rows that hold numbers (a total row, a note with numbers),
 * so SUM never counts them; excluded text rows need no cut (SUM skips text).
 */
export function segmentsOf(dataRows: readonly number[], cutRows: readonly number[]): Segment[] {
  if (dataRows.length === 0) return [];
  const first = dataRows[0] as number;
  const last = dataRows[dataRows.length - 1] as number;
  const cuts = cutRows.filter((r) => r > first && r < last).sort((a, b) => a - b);
  const out: Segment[] = [];
  let start = first;
  for (const cut of cuts) {
    if (cut > start) out.push([start, cut - 1]);
    start = cut + 1;
  }
  out.push([start, last]);
  return out;
}

export class SourceRefs {
  constructor(
    private readonly prefix: string,
    private readonly segments: readonly Segment[],
  ) {}

  private range(col: number, seg: Segment): string {
    const letter = columnLetter(col);
    return `${this.prefix}${letter}${seg[0] + 1}:${letter}${seg[1] + 1}`;
  }

  /** SUM of a column over the data rows. */
  sum(col: number): string {
    return `SUM(${this.segments.map((s) => this.range(col, s)).join(',')})`;
  }

  /** SUMIFS of a column; criteria are [column, criterion text] pairs (cell refs or built bounds). */
  sumifs(col: number, criteria: readonly (readonly [number, string])[]): string {
    return this.segments
      .map(
        (s) =>
          `SUMIFS(${this.range(col, s)},${criteria.map(([c, k]) => `${this.range(c, s)},${k}`).join(',')})`,
      )
      .join('+');
  }
}

/** `">="&DATE(2026,9,1)`-style bound on a date column. */
export function dateBound(op: '>=' | '<', y: number, m: number, d: number): string {
  return `"${op}"&DATE(${y},${m},${d})`;
}

/** The KPI over report cells, guarded: "" when a denominator is 0, never #DIV/0!. */
export function guardedKpi(expr: Expr, cellOf: (ref: string) => string): string {
  const body = render(expr, cellOf);
  const dens = denominatorsOf(expr).map((d) => `${render(d, cellOf)}=0`);
  if (dens.length === 0) return body;
  const guard = dens.length === 1 ? (dens[0] as string) : `OR(${dens.join(',')})`;
  return `IF(${guard},"",${body})`;
}

/** Text inside a formula string literal. */
export const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** A criterion matching the text of `cell` literally: SUMIFS reads * ? ~ as wildcards unless escaped with ~. */
export function literalCriterion(cell: string): string {
  return `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cell},"~","~~"),"*","~*"),"?","~?")`;
}

/** Sheets' error values, as getValues returns them (strings). */
const SHEET_ERRORS = new Set(['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!']);

/** A cell holding an error: SUM, SUMIFS and every formula over it give that error, not a number. */
export const isSheetError = (v: unknown): v is string => typeof v === 'string' && SHEET_ERRORS.has(v.trim());

/**
 * Whether a group label can be a SUMIFS criterion as it stands. Sheets reads a criterion the way
 * it reads typed input, so "100", "$100", "(5)", "3.5%", "Mar 2024", "1/2", "TRUE", "۱۴۰۵/۰۶" or
 * "#N/A" would match numbers, dates, booleans or errors instead of the text: such groups get
 * values. Deliberately broad: any label that starts like a number or amount ("(direct)" does not).
 */
export function plainTextCriterion(label: string): boolean {
  const s = normalizeDigits(label).trim();
  if (isSheetError(s) || /^(?:true|false)$/i.test(s)) return false;
  // A number, percent, amount or date: "12", "-3", ".5", "(5)", "$100", "($1,000)", "3/4", "2024-03".
  if (/^[(+-]?\s*[$€£¥]?\s*[+-]?\.?\d/.test(s)) return false;
  return !/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s,/-]+\d/i.test(s);
}
