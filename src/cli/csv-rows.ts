/**
 * CSV text → rows in one pass over the characters, giving the rows papaparse gives
 * (test/cli/csv-rows.test.ts compares them on every real export and on random texts), at a
 * fraction of the memory of a large file: repeated short cells (channels, campaigns, dates, small
 * counts) are one shared string each, not a string per cell. Cells are text, except the plain
 * numbers of the measure columns past the first rows where `NumberColumns` allows them.
 * csv-bytes.ts is the same reader over a UTF-8 file's bytes; this one reads UTF-16 files.
 *
 * Anything unusual about quotes (one that never closes, text after a closing quote) returns null:
 * the caller then parses with papaparse, which also says where the quote breaks the file.
 */

/** The line break papaparse uses for `text` (its guessLineEndings): one per file. */
export function lineBreak(text: string): '\n' | '\r\n' | '\r' {
  const head = text.substring(0, 1024 * 1024).replace(/"([\s\S]*?)"/gm, '');
  const r = head.split('\r');
  const n = head.split('\n');
  if (r.length === 1 || (n.length > 1 && (n[0] as string).length < (r[0] as string).length)) return '\n';
  let withN = 0;
  for (const part of r) if (part[0] === '\n') withN++;
  return withN >= r.length / 2 ? '\r\n' : '\r';
}

const QUOTE = 34;
/** Rows between progress calls. */
export const PROGRESS_ROWS = 1 << 16;

/**
 * Which columns may hold integers as numbers, decided from the first `after` rows (all text):
 * past them, a cell of such a column that is a plain integer ("1234", "-5", "0": no sign "+",
 * no leading zero, at most 15 digits, so String(value) is the cell's text again) is read as that
 * number. It is the value the engine reads from that text whatever the file's decimal mark, and a
 * measure column gives no other evidence from such a cell; anything else stays text.
 */
export interface NumberColumns {
  readonly after: number;
  /**
   * The columns to read numbers in: 'integers', or 'decimals' (also -?digits.digits) for a
   * column whose decimal mark the engine decided as "." from these same first rows.
   */
  readonly decide: (
    head: readonly string[][],
    delimiter: string,
  ) => ReadonlyMap<number, 'integers' | 'decimals'>;
}

export function readRows(
  text: string,
  delimiter: string,
  newline: '\n' | '\r\n' | '\r',
  onProgress?: (fraction: number) => void,
  numbers?: NumberColumns,
): (string | number)[][] | null {
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  const nl = newline.charCodeAt(0);
  const nl2 = newline.length === 2 ? newline.charCodeAt(1) : -1;
  const nlLength = newline.length;
  const interned: Interner[] = [];
  const rows: (string | number)[][] = [];
  let row: (string | number)[] = [];
  /** Per column, once decided: 1 integers read as numbers, 2 decimals too, 0 text. */
  let numeric: Uint8Array | null = null;
  let decideAt = numbers ? numbers.after : -1;
  let column = 0;
  let i = 0;
  for (;;) {
    if (i < n && text.charCodeAt(i) === QUOTE) {
      const end = quotedEnd(text, i);
      if (end < 0) return null;
      let value = own(text, i + 1, end);
      if (value.includes('"')) value = value.replaceAll('""', '"');
      row.push(value);
      i = end + 1;
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        column++;
        continue;
      }
      if (c === nl && (nl2 < 0 || text.charCodeAt(i + 1) === nl2)) {
        rows.push(row);
        row = [];
        column = 0;
        i += nlLength;
        if (onProgress && rows.length % PROGRESS_ROWS === 0) onProgress(i / n);
        if (rows.length === decideAt) {
          numeric = decided(numbers as NumberColumns, rows as string[][], delimiter);
          decideAt = -1;
        }
        continue;
      }
      return null;
    }
    // An unquoted field: up to the delimiter or the line break.
    let j = i;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === delim || (c === nl && (nl2 < 0 || text.charCodeAt(j + 1) === nl2))) break;
    }
    const kind = numeric === null ? 0 : (numeric[column] ?? 0);
    const value = kind === 0 ? null : kind === 1 ? plainInteger(text, i, j) : plainDecimal(text, i, j);
    if (value !== null) row.push(value);
    else {
      interned[column] ??= new Interner();
      row.push((interned[column] as Interner).get(text, i, j));
    }
    if (j >= n) break;
    if (text.charCodeAt(j) === delim) {
      i = j + 1;
      column++;
      continue;
    }
    rows.push(row);
    row = [];
    column = 0;
    i = j + nlLength;
    if (onProgress && rows.length % PROGRESS_ROWS === 0) onProgress(i / n);
    if (rows.length === decideAt) {
      numeric = decided(numbers as NumberColumns, rows as string[][], delimiter);
      decideAt = -1;
    }
  }
  rows.push(row);
  onProgress?.(1);
  return rows;
}

export function decided(
  numbers: NumberColumns,
  head: readonly string[][],
  delimiter: string,
): Uint8Array | null {
  const columns = numbers.decide(head, delimiter);
  if (columns.size === 0) return null;
  const flags = new Uint8Array(Math.max(...columns.keys()) + 1);
  for (const [c, kind] of columns) flags[c] = kind === 'decimals' ? 2 : 1;
  return flags;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Number(text) for -?digits.digits (or a plain integer), the value the engine's reader gives such
 * a text under a "." decimal mark; null for anything else. With at most 15 digits, digits ÷ 10^k
 * is one correctly rounded division of exact values, which is what Number() gives.
 */
export function plainDecimal(text: string, start: number, end: number): number | null {
  let i = start;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i++;
  let digits = 0;
  let value = 0;
  let dot = -1;
  for (let k = i; k < end; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 46 && dot < 0) dot = k;
    else if (ch < 48 || ch > 57) return null;
    else {
      digits++;
      value = value * 10 + (ch - 48);
    }
  }
  if (dot < 0) return plainInteger(text, start, end);
  if (dot === i || dot === end - 1) return null;
  const x = digits <= 15 ? value / (POW10[end - 1 - dot] as number) : Number(text.slice(i, end));
  return negative ? -x : x;
}

/** The integer text[start, end) spells, when it spells one plainly (see NumberColumns); else null. */
export function plainInteger(text: string, start: number, end: number): number | null {
  let i = start;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i++;
  const digits = end - i;
  if (digits < 1 || digits > 15) return null;
  const first = text.charCodeAt(i);
  if (first === 48) return digits === 1 && !negative ? 0 : null;
  let value = 0;
  for (; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    value = value * 10 + d;
  }
  return negative ? -value : value;
}

/**
 * The index of the quote that closes the field opened at `open` ("" inside is a quote), or -1
 * when none does.
 */
function quotedEnd(text: string, open: number): number {
  let from = open + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) return -1;
    if (text.charCodeAt(q + 1) !== QUOTE) return q;
    from = q + 2;
  }
}

/** Short cells this long or shorter are worth sharing. */
const MAX_SHARED = 24;
const SLOTS = 1 << 12;
/** After this many cells, a column whose cells rarely repeat (amounts, ids) stops sharing. */
const TRIAL = 20_000;

/**
 * One column's shared strings: a direct-mapped table by hash (a newcomer replaces the old
 * occupant of its slot), so its size is fixed whatever the file holds.
 */
class Interner {
  private readonly table: (string | undefined)[] = new Array(SLOTS);
  private seen = 0;
  private hits = 0;
  private sharing = true;

  get(text: string, start: number, end: number): string {
    const length = end - start;
    if (!this.sharing || length > MAX_SHARED) return own(text, start, end);
    this.seen++;
    let hash = 0x811c9dc5;
    for (let k = start; k < end; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
    const slot = (hash ^ (hash >>> 15)) & (SLOTS - 1);
    const held = this.table[slot];
    if (held !== undefined && held.length === length && sameText(held, text, start)) {
      this.hits++;
      return held;
    }
    const value = own(text, start, end);
    this.table[slot] = value;
    if (this.seen >= TRIAL && this.hits * 2 < this.seen) this.sharing = false;
    return value;
  }
}

/**
 * text[start, end) as a string of its own. V8 makes a longer substring (13 characters or more) a
 * view into the whole text, so one kept cell would keep the whole file's text alive; a copy lets
 * the text go once the rows are read.
 */
function own(text: string, start: number, end: number): string {
  return end - start < 13 ? text.slice(start, end) : ` ${text.slice(start, end)}`.slice(1);
}

function sameText(held: string, text: string, start: number): boolean {
  for (let k = 0; k < held.length; k++) if (held.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
