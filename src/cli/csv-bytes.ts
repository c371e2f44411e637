/**
 * The CSV reader of csv-rows.ts over the file's UTF-8 bytes instead of its decoded text: the same
 * rows (test/cli/csv-rows.test.ts compares both with papaparse), without the whole file as one
 * string beside its bytes, which was the largest single thing in memory while a large file was
 * read. Each cell is decoded on its own; in UTF-8 no byte of a multi-byte character is ASCII, so
 * looking for the ASCII quote, delimiter and line break byte by byte is safe.
 */
import type { Buffer } from 'node:buffer';
import { decided, type NumberColumns, PROGRESS_ROWS } from './csv-rows';

const QUOTE = 34;

export function readByteRows(
  bytes: Buffer,
  delimiter: string,
  newline: '\n' | '\r\n' | '\r',
  onProgress?: (fraction: number) => void,
  numbers?: NumberColumns,
): (string | number)[][] | null {
  const n = bytes.length;
  const delimBytes = new TextEncoder().encode(delimiter);
  const d0 = delimBytes[0] as number;
  const d1 = delimBytes.length > 1 ? (delimBytes[1] as number) : -1;
  if (delimBytes.length > 2) return null;
  const delimLength = delimBytes.length;
  const nl = newline.charCodeAt(0);
  const nl2 = newline.length === 2 ? newline.charCodeAt(1) : -1;
  const nlLength = newline.length;
  const isDelim = (j: number): boolean => bytes[j] === d0 && (d1 < 0 || bytes[j + 1] === d1);
  const interned: ByteInterner[] = [];
  const rows: (string | number)[][] = [];
  let row: (string | number)[] = [];
  let numeric: Uint8Array | null = null;
  let decideAt = numbers ? numbers.after : -1;
  let column = 0;
  let i = 0;
  const endRow = (next: number): void => {
    rows.push(row);
    row = [];
    column = 0;
    i = next;
    if (onProgress && rows.length % PROGRESS_ROWS === 0) onProgress(i / n);
    if (rows.length === decideAt) {
      numeric = decided(numbers as NumberColumns, rows as string[][], delimiter);
      decideAt = -1;
    }
  };
  for (;;) {
    if (i < n && bytes[i] === QUOTE) {
      const end = quotedEnd(bytes, i);
      if (end < 0) return null;
      let value = bytes.toString('utf8', i + 1, end);
      if (value.includes('"')) value = value.replaceAll('""', '"');
      row.push(value);
      i = end + 1;
      if (i >= n) break;
      if (isDelim(i)) {
        i += delimLength;
        column++;
        continue;
      }
      if (bytes[i] === nl && (nl2 < 0 || bytes[i + 1] === nl2)) {
        endRow(i + nlLength);
        continue;
      }
      return null;
    }
    let j = i;
    for (; j < n; j++) {
      const c = bytes[j] as number;
      if ((c === d0 && (d1 < 0 || bytes[j + 1] === d1)) || (c === nl && (nl2 < 0 || bytes[j + 1] === nl2)))
        break;
    }
    const kind = numeric === null ? 0 : ((numeric as Uint8Array)[column] ?? 0);
    const value = kind === 0 ? null : kind === 1 ? byteInteger(bytes, i, j) : byteDecimal(bytes, i, j);
    if (value !== null) row.push(value);
    else {
      interned[column] ??= new ByteInterner();
      row.push((interned[column] as ByteInterner).get(bytes, i, j));
    }
    if (j >= n) break;
    if (isDelim(j)) {
      i = j + delimLength;
      column++;
      continue;
    }
    endRow(j + nlLength);
  }
  rows.push(row);
  onProgress?.(1);
  return rows;
}

function quotedEnd(bytes: Buffer, open: number): number {
  let from = open + 1;
  for (;;) {
    const q = bytes.indexOf(QUOTE, from);
    if (q < 0) return -1;
    if (bytes[q + 1] !== QUOTE) return q;
    from = q + 2;
  }
}

/** plainInteger of csv-rows.ts, over bytes. */
export function byteInteger(bytes: Buffer, start: number, end: number): number | null {
  let i = start;
  const negative = bytes[i] === 45;
  if (negative) i++;
  const digits = end - i;
  if (digits < 1 || digits > 15) return null;
  if (bytes[i] === 48) return digits === 1 && !negative ? 0 : null;
  let value = 0;
  for (; i < end; i++) {
    const d = (bytes[i] as number) - 48;
    if (d < 0 || d > 9) return null;
    value = value * 10 + d;
  }
  return negative ? -value : value;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** plainDecimal of csv-rows.ts, over bytes. */
export function byteDecimal(bytes: Buffer, start: number, end: number): number | null {
  let i = start;
  const negative = bytes[i] === 45;
  if (negative) i++;
  let digits = 0;
  let value = 0;
  let dot = -1;
  for (let k = i; k < end; k++) {
    const ch = bytes[k] as number;
    if (ch === 46 && dot < 0) dot = k;
    else if (ch < 48 || ch > 57) return null;
    else {
      digits++;
      value = value * 10 + (ch - 48);
    }
  }
  if (dot < 0) return byteInteger(bytes, start, end);
  if (dot === i || dot === end - 1) return null;
  const x =
    digits <= 15 ? value / (POW10[end - 1 - dot] as number) : Number(bytes.toString('latin1', i, end));
  return negative ? -x : x;
}

const MAX_SHARED = 48;
const SLOTS = 1 << 12;
const TRIAL = 20_000;

/**
 * The Interner of csv-rows.ts, keyed by the cell's bytes: a slot keeps where in the file its
 * string's bytes are (the file's bytes stay whole while it is read), not a copy.
 */
class ByteInterner {
  private readonly strings: (string | undefined)[] = new Array(SLOTS);
  private readonly starts = new Float64Array(SLOTS);
  private readonly lengths = new Int32Array(SLOTS).fill(-1);
  private seen = 0;
  private hits = 0;
  private sharing = true;

  get(bytes: Buffer, start: number, end: number): string {
    const length = end - start;
    if (!this.sharing || length > MAX_SHARED) return bytes.toString('utf8', start, end);
    this.seen++;
    let hash = 0x811c9dc5;
    for (let k = start; k < end; k++) hash = Math.imul(hash ^ (bytes[k] as number), 0x01000193);
    const slot = (hash ^ (hash >>> 15)) & (SLOTS - 1);
    if (this.lengths[slot] === length && sameBytes(bytes, this.starts[slot] as number, start, length)) {
      this.hits++;
      return this.strings[slot] as string;
    }
    const value = bytes.toString('utf8', start, end);
    this.strings[slot] = value;
    this.starts[slot] = start;
    this.lengths[slot] = length;
    if (this.seen >= TRIAL && this.hits * 2 < this.seen) this.sharing = false;
    return value;
  }
}

function sameBytes(bytes: Buffer, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}
