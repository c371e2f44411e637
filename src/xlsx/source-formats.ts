/**
 * The copied source sheet's look (issue 12: "widths that fit, number formats"): each measure
 * column's numbers in the format of what they are (money with the column's currency, counts
 * grouped and whole, other amounts with two decimals), in the report's digits, and every column as
 * wide as its content. A CSV's "۱۷٬۴۴۲٬۰۰۰" or "$1,234.50" is a number in the sheet (the formulas
 * sum it), so without a format it read 17442000 and 1234.5.
 *
 * Only the data rows get the formats: a header, a total row the engine left out, or a note
 * above the table keep theirs. Columns the engine did not read as measures (names, dates,
 * rates the platform computed, written as text in a CSV) are written as they were.
 */
import { withLocalDigits } from '../core/i18n/digits';
import { MEASURES } from '../core/kpi/measures';
import { moneyFormat } from '../core/report/layout';
import type { ReportModel } from '../core/report/model';
import { shownNumber, textUnits } from './print-setup';

export interface SourceColumns {
  /** By column: the number format of the data rows' numbers, or null (as written). */
  readonly formats: readonly (string | null)[];
  /** By column: the format of numbers outside the data rows (an .xlsx source's total row), or null. */
  readonly otherFormats: readonly (string | null)[];
  /** By column: the format of dates, when the source gave one (else the writer's yyyy-mm-dd). */
  readonly dateFormats: readonly (string | null)[];
  /** By column, in Excel's width unit. */
  readonly widths: readonly number[];
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;
/** Text is measured on the first rows only: a million-row source is not read twice. */
const TEXT_SAMPLE = 2000;
/** Room for the cell's padding, and for the filter button a user may add to the header. */
const PADDING = 2.2;

/**
 * `given`: an .xlsx source's formats by column (src/cli/xlsx-formats.ts), kept as they were; a
 * CSV has none, and its measure columns get the format of what they hold.
 */
export function sourceColumns(model: ReportModel, given: readonly (string | null)[] = []): SourceColumns {
  const source = model.cleanSource;
  const width = Math.max(given.length, ...source.slice(0, TEXT_SAMPLE).map((r) => r.length));
  const own = (c: number) => {
    const f = given[c] ?? null;
    return f !== null && !isDateFormat(f) ? f : null;
  };
  const formats: (string | null)[] = Array.from({ length: width }, (_, c) => own(c));
  const otherFormats = Array.from({ length: width }, (_, c) => own(c));
  const dateFormats = Array.from({ length: width }, (_, c) => {
    const f = given[c] ?? null;
    return f !== null && isDateFormat(f) ? f : null;
  });
  const measures = model.mapping.filter(
    (m) => m.role.kind === 'measure' && m.index < width && formats[m.index] === null,
  );
  const numbers = numberColumns(model, [
    ...new Set([...measures.map((m) => m.index), ...formats.flatMap((f, c) => (f === null ? [] : [c]))]),
  ]);
  for (const m of measures) {
    if (m.role.kind !== 'measure') continue;
    const kind = MEASURES[m.role.measure].kind;
    const format =
      kind === 'money'
        ? moneyFormat(m.currency ?? model.currency)
        : numbers.get(m.index)?.whole !== false
          ? '#,##0'
          : '#,##0.00';
    formats[m.index] = withLocalDigits(format, model.lang);
  }
  const widths = Array.from({ length: width }, (_, c) =>
    columnWidth(model, c, formats[c] ?? null, numbers.get(c)),
  );
  return { formats, otherFormats, dateFormats, widths };
}

/** A formatted column's numbers: the smallest and largest of all rows, and whether the data rows' are whole. */
interface NumberColumn {
  low: number;
  high: number;
  whole: boolean;
}

/**
 * One pass over every row for the columns that get a number format (measured: a pass per column
 * and per question took about 70 ms of a 100,000-row workbook).
 */
function numberColumns(model: ReportModel, columns: readonly number[]): Map<number, NumberColumn> {
  const found = new Map(columns.map((c) => [c, { low: 0, high: 0, whole: true }]));
  const stats = columns.map((c) => found.get(c) as NumberColumn);
  const isData = new Uint8Array(model.cleanSource.length);
  for (const r of model.dataRows) isData[r] = 1;
  const source = model.cleanSource;
  for (let r = 0; r < source.length; r++) {
    const row = source[r] as (typeof source)[number];
    for (let i = 0; i < columns.length; i++) {
      const v = row[columns[i] as number];
      if (typeof v !== 'number') continue;
      const s = stats[i] as NumberColumn;
      if (v < s.low) s.low = v;
      if (v > s.high) s.high = v;
      if (s.whole && isData[r] === 1 && !Number.isInteger(v)) s.whole = false;
    }
  }
  return found;
}

/** A date or time format: d, m with y, h or s outside quotes and brackets ("dd/mm/yyyy", "[$-409]mmm d"). */
function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dyhs]/i.test(bare);
}

/** The widest of the header and the cells as shown (text and unformatted numbers on the first rows). */
function columnWidth(
  model: ReportModel,
  c: number,
  format: string | null,
  numbers: NumberColumn | undefined,
): number {
  const source = model.cleanSource;
  const header = source[model.headerRow]?.[c];
  let units = typeof header === 'string' ? textUnits(header, true) : 0;
  // A formatted column's numbers: their extremes over every row (only those can be the widest).
  for (let r = 0; r < Math.min(source.length, TEXT_SAMPLE); r++) {
    const v = source[r]?.[c];
    if (typeof v === 'number') {
      if (format === null) units = Math.max(units, textUnits(String(v)));
    } else if (v !== null && v !== undefined && r !== model.headerRow) {
      units = Math.max(units, textUnits(v instanceof Date ? '2026-12-31' : String(v)));
    }
  }
  if (format !== null) {
    const shown = (v: number) => textUnits(shownNumber(v, format.replace(/\[\$-[0-9A-F]+\]/gi, '')));
    units = Math.max(units, shown(numbers?.low ?? 0), shown(numbers?.high ?? 0));
  }
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, units + PADDING)) * 100) / 100;
}
