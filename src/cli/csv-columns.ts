/**
 * The CSV reader of csv-bytes.ts, filling columns instead of rows (see ColumnTable): the same
 * cells (test/cli/csv-columns.test.ts compares both on every real export and on random texts).
 * Until `numbers.after` rows are read every cell is text; then the measure columns the engine
 * chose (NumberColumns) become Float64Arrays, their plain numbers read as the bytes go by, and
 * a cell that is not one kept as text beside them for the engine to read as it reads any text.
 */
import type { Buffer } from 'node:buffer';
import { type ColumnCells, ColumnTable } from '../core/table/column-table';
import { ByteDictionary } from './csv-bytes';
import { decided, type NumberColumns, PROGRESS_ROWS } from './csv-rows';

const QUOTE = 34;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** The rows a filler read, as plain data a worker thread can send (see Filler.part). */
export interface FilledPart {
  readonly rows: number;
  readonly fieldCounts: Int32Array;
  readonly columns: readonly {
    readonly kind: number;
    readonly ids?: Int32Array;
    readonly dict?: readonly string[];
    readonly values?: Float64Array;
    readonly others?: readonly (readonly [number, string])[];
  }[];
}

/** A column being filled: text until its kind is decided, then numbers for a measure column. */
interface Filling {
  /** 0 text, 1 integers, 2 decimals too. */
  kind: number;
  /** A text column's ids in `dict` (-1: no such field on that row). */
  ids: Int32Array;
  dict: ByteDictionary;
  values: Float64Array;
  /** Non-blank cells of a number column that are not plain numbers. */
  others: Map<number, string>;
}

/** The reader's state: the columns, the rows' field counts, and the room in the typed arrays. */
export class Filler {
  readonly columns: Filling[] = [];
  fieldCounts = new Int32Array(1024);
  rows = 0;
  capacity = 1024;

  column(c: number): Filling {
    let col = this.columns[c];
    while (col === undefined) {
      // A column first seen on a later row: the rows above have no such field.
      this.columns.push({
        kind: 0,
        ids: new Int32Array(this.capacity).fill(-1),
        dict: new ByteDictionary(),
        values: new Float64Array(0),
        others: new Map(),
      });
      col = this.columns[c];
    }
    return col;
  }

  /** Ends the current row of `fields` fields: the columns it did not reach get no cell. */
  endRow(fields: number): void {
    const r = this.rows;
    this.fieldCounts[r] = fields;
    for (let c = fields; c < this.columns.length; c++) {
      const col = this.columns[c] as Filling;
      if (col.kind === 0) col.ids[r] = -1;
      else col.values[r] = Number.NaN;
    }
    this.rows = r + 1;
    if (this.rows === this.capacity) this.grow(Math.ceil(this.capacity * 1.5));
  }

  grow(capacity: number): void {
    const counts = new Int32Array(capacity);
    counts.set(this.fieldCounts.subarray(0, this.rows));
    this.fieldCounts = counts;
    for (const col of this.columns) {
      if (col.kind === 0) {
        const ids = new Int32Array(capacity).fill(-1);
        ids.set(col.ids.subarray(0, this.rows));
        col.ids = ids;
      } else {
        const values = new Float64Array(capacity);
        values.set(col.values.subarray(0, this.rows));
        col.values = values;
      }
    }
    this.capacity = capacity;
  }

  /** Row r's text in a text column ('' where the row has no such field). */
  text(col: Filling, r: number): string {
    const id = col.ids[r] as number;
    return id < 0 ? '' : (col.dict.strings[id] as string);
  }

  /** The first rows as text, for the engine to decide the number columns from. */
  headRows(): string[][] {
    const out: string[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: string[] = [];
      for (let c = 0; c < (this.fieldCounts[r] as number); c++)
        row.push(this.text(this.columns[c] as Filling, r));
      out.push(row);
    }
    return out;
  }

  /**
   * Turns the chosen text columns into number columns, room made for `capacity` rows. The rows
   * read so far stay text (beside the numbers), as the engine decided from them: it judges the
   * decimal mark from those same texts again when it reads the whole table.
   */
  toNumbers(kinds: Uint8Array, capacity: number): void {
    this.grow(Math.max(capacity, this.capacity));
    kinds.forEach((kind, c) => {
      const col = this.columns[c];
      if (kind === 0 || col === undefined) return;
      const values = new Float64Array(this.capacity);
      for (let r = 0; r < this.rows; r++) {
        values[r] = Number.NaN;
        const text = this.text(col, r);
        if (text !== '') col.others.set(r, text);
      }
      col.kind = kind;
      col.values = values;
      col.ids = new Int32Array(0);
      col.dict = new ByteDictionary();
    });
  }

  /** Each column's kind (0 text, 1 integers, 2 decimals), or null when every column is text. */
  kinds(): Uint8Array | null {
    const kinds = Uint8Array.from(this.columns, (col) => col.kind);
    return kinds.some((k) => k !== 0) ? kinds : null;
  }

  /** A filler for a later part of the same file: its first columns of the kinds decided. */
  static withKinds(kinds: Uint8Array, capacity: number): Filler {
    const filler = new Filler();
    filler.grow(Math.max(capacity, 1024));
    kinds.forEach((kind, c) => {
      const col = filler.column(c);
      if (kind === 0) return;
      col.kind = kind;
      col.values = new Float64Array(filler.capacity);
      col.ids = new Int32Array(0);
    });
    return filler;
  }

  /** What this filler read, as the worker sends it back (typed arrays to transfer, not copy). */
  part(): FilledPart {
    return {
      rows: this.rows,
      fieldCounts: this.fieldCounts,
      columns: this.columns.map((col) =>
        col.kind === 0
          ? { kind: 0, ids: col.ids, dict: col.dict.strings }
          : { kind: col.kind, values: col.values, others: [...col.others] },
      ),
    };
  }

  /** Appends the rows another filler read from the rest of the file (see csv-parallel.ts). */
  append(part: FilledPart): void {
    const base = this.rows;
    const m = part.rows;
    if (base + m + 1 > this.capacity) this.grow(base + m + 1);
    this.fieldCounts.set(part.fieldCounts.subarray(0, m), base);
    const width = Math.max(this.columns.length, part.columns.length);
    for (let c = 0; c < width; c++) {
      const col = this.column(c);
      const from = part.columns[c];
      if (from === undefined) {
        if (col.kind === 0) col.ids.fill(-1, base, base + m);
        else col.values.fill(Number.NaN, base, base + m);
      } else if (col.kind === 0 && from.kind === 0 && from.ids && from.dict) {
        // The other part's dictionary ids, renumbered into this column's dictionary.
        const renumber = Int32Array.from(from.dict, (text) => col.dict.idOfString(text));
        for (let r = 0; r < m; r++) {
          const id = from.ids[r] as number;
          col.ids[base + r] = id < 0 ? -1 : (renumber[id] as number);
        }
      } else if (col.kind !== 0 && from.kind !== 0 && from.values && from.others) {
        col.values.set(from.values.subarray(0, m), base);
        for (const [r, text] of from.others) col.others.set(base + r, text);
      } else
        throw new Error(`column ${c} was read as text in one part of the file and as numbers in the other`);
    }
    this.rows = base + m;
  }

  /** Stores a quoted cell's text in the current row. */
  putText(col: Filling, value: string): void {
    if (col.kind === 0) col.ids[this.rows] = col.dict.idOfText(value);
    else {
      col.values[this.rows] = Number.NaN;
      if (value !== '') col.others.set(this.rows, value);
    }
  }

  /** The table, trailing blank rows dropped (a final line break leaves one behind). */
  table(): ColumnTable {
    let n = this.rows;
    while (n > 0 && this.blankRow(n - 1)) n--;
    // A large spare room is given back; a small one costs less than a copy.
    const sized = <T extends Int32Array | Float64Array>(a: T): T =>
      (this.capacity > n * 1.25 + 1024 ? a.slice(0, n) : a) as T;
    const columns: ColumnCells[] = this.columns.map((col) =>
      col.kind === 0
        ? { kind: 'text', ids: sized(col.ids), dict: col.dict.strings }
        : { kind: 'numbers', values: sized(col.values), texts: col.others },
    );
    return new ColumnTable(columns, sized(this.fieldCounts), n);
  }

  private blankRow(r: number): boolean {
    for (let c = 0; c < (this.fieldCounts[r] as number); c++) {
      const col = this.columns[c] as Filling;
      if (col.kind === 0 ? this.text(col, r).trim() !== '' : !Number.isNaN(col.values[r] as number))
        return false;
      if (col.kind !== 0 && col.others.has(r)) return false;
    }
    return true;
  }
}

/** The delimiter and line break as bytes. */
export interface Dialect {
  readonly d0: number;
  /** The delimiter's second byte (the Arabic semicolon is two bytes in UTF-8), or -1. */
  readonly d1: number;
  readonly delimLength: number;
  readonly nl: number;
  readonly nl2: number;
  readonly nlLength: number;
}

export function dialectOf(delimiter: string, newline: '\n' | '\r\n' | '\r'): Dialect | null {
  const delimBytes = new TextEncoder().encode(delimiter);
  if (delimBytes.length > 2) return null;
  return {
    d0: delimBytes[0] as number,
    d1: delimBytes.length > 1 ? (delimBytes[1] as number) : -1,
    delimLength: delimBytes.length,
    nl: newline.charCodeAt(0),
    nl2: newline.length === 2 ? newline.charCodeAt(1) : -1,
    nlLength: newline.length,
  };
}

/**
 * The cells of a UTF-8 CSV's bytes as columns, or null when something about its quotes is
 * unusual (the caller then reads the text with papaparse, which says where the quote breaks).
 */
export function readByteColumns(
  bytes: Buffer,
  delimiter: string,
  newline: '\n' | '\r\n' | '\r',
  onProgress?: (fraction: number) => void,
  numbers?: NumberColumns,
): ColumnTable | null {
  const dialect = dialectOf(delimiter, newline);
  if (dialect === null) return null;
  const filler = new Filler();
  const at = readHead(bytes, dialect, filler, delimiter, onProgress, numbers);
  if (at < 0 || scanRows(bytes, at, bytes.length, filler, dialect, -1, onProgress) < 0) return null;
  onProgress?.(1);
  return filler.table();
}

/**
 * Reads the first `numbers.after` rows as text (all of a smaller file), then turns the measure
 * columns the engine decides from them into number columns. Where it stopped, or -1 (quotes).
 */
export function readHead(
  bytes: Buffer,
  dialect: Dialect,
  filler: Filler,
  delimiter: string,
  onProgress?: (fraction: number) => void,
  numbers?: NumberColumns,
): number {
  const decideAt = numbers ? numbers.after : -1;
  const at = scanRows(bytes, 0, bytes.length, filler, dialect, decideAt, onProgress);
  if (at >= 0 && at < bytes.length && filler.rows === decideAt) {
    const kinds = decided(numbers as NumberColumns, filler.headRows(), delimiter);
    // Room for the whole file at the first rows' bytes per row, and a little more.
    if (kinds) filler.toNumbers(kinds, Math.ceil((bytes.length / at) * filler.rows * 1.05) + 16);
  }
  return at;
}

/**
 * Reads the rows of bytes[start, end) into `filler` (`end`: the file's end, or just after a line
 * break), stopping early once it holds `stopAt` rows. Returns where it stopped, or -1 when a
 * quote is unusual. One loop with its state in locals (no closure over them: V8 keeps a captured
 * variable in a heap context, a memory access on every use).
 */
export function scanRows(
  bytes: Buffer,
  start: number,
  end: number,
  filler: Filler,
  dialect: Dialect,
  stopAt: number,
  onProgress?: (fraction: number) => void,
): number {
  const { d0, d1, delimLength, nl, nl2, nlLength } = dialect;
  const n = end;
  let column = 0;
  let i = start;
  if (i >= n) return i;
  for (;;) {
    const col = filler.column(column);
    let next: number;
    if (i < n && bytes[i] === QUOTE) {
      const close = quotedEnd(bytes, i, n);
      if (close < 0) return -1;
      let value = bytes.toString('utf8', i + 1, close);
      if (value.includes('"')) value = value.replaceAll('""', '"');
      filler.putText(col, value);
      next = close + 1;
      // After the closing quote: the delimiter, the line break or the end, nothing else.
      if (
        next < n &&
        !(bytes[next] === d0 && (d1 < 0 || bytes[next + 1] === d1)) &&
        !(bytes[next] === nl && (nl2 < 0 || bytes[next + 1] === nl2))
      )
        return -1;
    } else if (col.kind === 0) {
      // A text: its bytes hashed as they are scanned, for its id in the column's dictionary.
      let hash = 0x811c9dc5;
      let j = i;
      for (; j < n; j++) {
        const c = bytes[j] as number;
        if ((c === d0 && (d1 < 0 || bytes[j + 1] === d1)) || (c === nl && (nl2 < 0 || bytes[j + 1] === nl2)))
          break;
        hash = Math.imul(hash ^ c, 0x01000193);
      }
      next = j;
      col.ids[filler.rows] = col.dict.id(bytes, i, j, hash);
    } else {
      // A number column: a plain number read as it is scanned (what plainInteger/plainDecimal of
      // csv-rows.ts accept, and the same value); anything else makes the cell text.
      let j = i;
      const negative = j < n && bytes[j] === 45;
      if (negative) j++;
      const first = j;
      let digits = 0;
      let value = 0;
      let dot = -1;
      let plain = true;
      for (; j < n; j++) {
        const c = bytes[j] as number;
        if (c >= 48 && c <= 57) {
          digits++;
          value = value * 10 + (c - 48);
        } else if (c === 46 && dot < 0 && col.kind === 2) dot = j;
        else {
          if (
            !(
              (c === d0 && (d1 < 0 || bytes[j + 1] === d1)) ||
              (c === nl && (nl2 < 0 || bytes[j + 1] === nl2))
            )
          ) {
            plain = false;
            j = fieldEnd(bytes, j, n, d0, d1, nl, nl2);
          }
          break;
        }
      }
      next = j;
      if (dot < 0) {
        // An integer: 1 to 15 digits, no leading zero (but "0" itself), so String(value) is its text.
        if (plain && digits >= 1 && digits <= 15 && !(bytes[first] === 48 && (digits > 1 || negative)))
          col.values[filler.rows] = negative ? -value : value;
        else filler.putText(col, bytes.toString('utf8', i, j));
      } else if (plain && dot !== first && dot !== j - 1) {
        // digits ÷ 10^k is one correctly rounded division of exact values: Number(text).
        const x =
          digits <= 15 ? value / (POW10[j - 1 - dot] as number) : Number(bytes.toString('latin1', first, j));
        col.values[filler.rows] = negative ? -x : x;
      } else filler.putText(col, bytes.toString('utf8', i, j));
    }
    if (next >= n) {
      filler.endRow(column + 1);
      return n;
    }
    if (bytes[next] === d0 && (d1 < 0 || bytes[next + 1] === d1)) {
      i = next + delimLength;
      column++;
      continue;
    }
    // The line break: the row ends.
    filler.endRow(column + 1);
    column = 0;
    i = next + nlLength;
    const rows = filler.rows;
    if (onProgress && rows % PROGRESS_ROWS === 0) onProgress(i / bytes.length);
    if (i >= n || rows === stopAt) return i;
  }
}

/** Where the unquoted field starting at `i` ends: its delimiter, its line break, or `n`. */
function fieldEnd(
  bytes: Buffer,
  i: number,
  n: number,
  d0: number,
  d1: number,
  nl: number,
  nl2: number,
): number {
  for (let j = i; j < n; j++) {
    const c = bytes[j] as number;
    if ((c === d0 && (d1 < 0 || bytes[j + 1] === d1)) || (c === nl && (nl2 < 0 || bytes[j + 1] === nl2)))
      return j;
  }
  return n;
}

function quotedEnd(bytes: Buffer, open: number, end: number): number {
  let from = open + 1;
  for (;;) {
    const q = bytes.indexOf(QUOTE, from);
    if (q < 0 || q >= end) return -1;
    if (bytes[q + 1] !== QUOTE) return q;
    from = q + 2;
  }
}
