/**
 * A text file's cells held column by column, as the command line's CSV reader fills them: a
 * measure column is one Float64Array (its few cells that are not plain numbers kept as text on
 * the side), any other column one array of (shared) strings. No array per row: a million rows
 * cost the columns' typed arrays, not a million small arrays and a boxed number per cell.
 */
import type { Table, TextIds } from './table';

/** A column of text cells: per row, the id of its text in `dict` (-1 where the row has no such field). */
export interface TextCells {
  readonly kind: 'text';
  readonly ids: Int32Array;
  readonly dict: readonly string[];
}

/** A column read as numbers: NaN where a cell is not a plain number; `texts` holds those that are not blank. */
export interface NumberCells {
  readonly kind: 'numbers';
  readonly values: Float64Array;
  readonly texts: ReadonlyMap<number, string>;
}

export type ColumnCells = TextCells | NumberCells;

export class ColumnTable implements Table {
  readonly length: number;
  readonly width: number;
  private readonly columns: readonly ColumnCells[];
  private readonly fieldCounts: Int32Array;

  /** `fieldCounts[r]`: the number of fields of row r; `columns[c]` holds at least `length` cells. */
  constructor(columns: readonly ColumnCells[], fieldCounts: Int32Array, length: number) {
    this.columns = columns;
    this.fieldCounts = fieldCounts;
    this.length = length;
    let width = 0;
    for (let r = 0; r < length; r++) if ((fieldCounts[r] as number) > width) width = fieldCounts[r] as number;
    this.width = width;
  }

  cell(r: number, c: number): unknown {
    if (r < 0 || r >= this.length || c >= (this.fieldCounts[r] as number)) return undefined;
    const column = this.columns[c];
    if (column === undefined) return undefined;
    if (column.kind === 'text') {
      const id = column.ids[r] as number;
      return id < 0 ? undefined : column.dict[id];
    }
    const x = column.values[r] as number;
    return Number.isNaN(x) ? (column.texts.get(r) ?? '') : x;
  }

  row(r: number): readonly unknown[] {
    const n = this.fields(r);
    const out: unknown[] = new Array(n);
    for (let c = 0; c < n; c++) out[c] = this.cell(r, c);
    return out;
  }

  fields(r: number): number {
    return r >= 0 && r < this.length ? (this.fieldCounts[r] as number) : 0;
  }

  numbers(c: number): Float64Array | null {
    const column = this.columns[c];
    return column?.kind === 'numbers' ? column.values : null;
  }

  texts(c: number): TextIds | null {
    const column = this.columns[c];
    return column?.kind === 'text' ? column : null;
  }
}
