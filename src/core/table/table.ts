/**
 * The cells the engine reads, whichever way they were read: rows of values as Sheets gives them
 * (`Range.getValues()`, an .xlsx sheet), or a large text file read column by column into typed
 * arrays (column-table.ts), where no row exists until one is asked for. The engine reads cells,
 * whole rows only for the few rows it looks at as rows (the header, a sample, a note).
 */

/** Rows of cell values, as `Range.getValues()` returns them. */
export type Grid = readonly (readonly unknown[])[];

export interface Table {
  /** Number of rows. */
  readonly length: number;
  /** The longest row's length. */
  readonly width: number;
  /** The value of row r, column c (undefined past the row's end). */
  cell(r: number, c: number): unknown;
  /** Row r's values, as long as the row (a new array for a table read column by column). */
  row(r: number): readonly unknown[];
  /** Row r's length: for a text file, its number of fields. */
  fields(r: number): number;
  /**
   * Column c's numbers when the reader already read them (NaN where the cell is not a number,
   * whose value `cell` gives), or null: then every value comes from `cell`.
   */
  numbers(c: number): Float64Array | null;
  /**
   * Column c as ids of its distinct texts when the reader kept it so (-1: no such field on that
   * row), or null. Whatever is worked out about a text can then be worked out once per id.
   */
  texts(c: number): TextIds | null;
}

export interface TextIds {
  readonly ids: Int32Array;
  readonly dict: readonly string[];
}

/** A grid as a Table (a Table is returned as it is). */
export function asTable(cells: Grid | Table): Table {
  return isTable(cells) ? cells : new RowTable(cells);
}

export function isTable(cells: unknown): cells is Table {
  return typeof cells === 'object' && cells !== null && typeof (cells as Table).cell === 'function';
}

const NO_CELLS: readonly unknown[] = [];

/** A grid of rows, read in place (nothing copied). Anything that is not an array is an empty row. */
export class RowTable implements Table {
  readonly length: number;
  readonly width: number;
  private readonly rows: Grid;

  constructor(grid: Grid) {
    this.rows = Array.isArray(grid) ? grid : [];
    this.length = this.rows.length;
    let width = 0;
    for (let r = 0; r < this.length; r++) {
      const row = this.rows[r];
      if (Array.isArray(row) && row.length > width) width = row.length;
    }
    this.width = width;
  }

  cell(r: number, c: number): unknown {
    const row = this.rows[r];
    return Array.isArray(row) ? row[c] : undefined;
  }

  row(r: number): readonly unknown[] {
    const row = this.rows[r];
    return Array.isArray(row) ? row : NO_CELLS;
  }

  fields(r: number): number {
    const row = this.rows[r];
    return Array.isArray(row) ? row.length : 0;
  }

  numbers(): Float64Array | null {
    return null;
  }

  texts(): TextIds | null {
    return null;
  }
}

/** Every row as an array (tests and small tables; the engine reads cells). */
export function rowsOf(table: Table): (readonly unknown[])[] {
  return headRows(table, table.length);
}

/** The first `count` rows as arrays (the header search and language guess look at rows). */
export function headRows(table: Table, count: number): (readonly unknown[])[] {
  const out: (readonly unknown[])[] = [];
  for (let r = 0; r < table.length && r < count; r++) out.push(table.row(r));
  return out;
}
