/**
 * One pass over a CSV's bytes, before DuckDB reads it, for what DuckDB would read otherwise than
 * Mizan's reader, and for what lets DuckDB's pass skip a test. Searches are Buffer's own (native);
 * the file is read in pieces, so memory stays flat on a file of any size.
 */
import { open } from 'node:fs/promises';

export interface ByteScan {
  /** No cell can hold "_", "+-" or "-+" (none is in the file): DuckDB's DOUBLE reads every other number as the engine does. */
  readonly plainNumbers: boolean;
  /**
   * A quote beside a blank (` "` or `" `): DuckDB reads `a, "b"` and `"b" ,` as `b`, Mizan's reader
   * (like papaparse) keeps ` "b"` as written; the texts would differ.
   */
  readonly blankQuotes: boolean;
  /**
   * Some cell may be a negative number: a "-" follows something other than a digit or a digit's
   * exponent ("2025-01-06", "6.9e-8" cannot start a cell; ",-5", " -5", "\"-5", "Brand - Search"
   * may, or are taken as if they could).
   */
  readonly negatives: boolean;
}

/** What a Parquet file's typed cells give: nothing DuckDB and Mizan could split otherwise, and signs unknown. */
export const TYPED_CELLS: ByteScan = { plainNumbers: false, blankQuotes: false, negatives: true };

const PIECE = 8 * 1024 * 1024;
/** Bytes of the piece before that each piece re-reads: a two-byte needle, or a "-" and the two bytes before it. */
const OVERLAP = 2;
const NEEDLES = ['_', '+-', '-+', ' "', '" '] as const;
const MINUS = 0x2d;

/** A scan stopped before its end: as if everything had been found. */
const STOPPED: ByteScan = { plainNumbers: false, blankQuotes: true, negatives: true };

/**
 * The scan of the file's pieces this thread claims: all of them, or, with a `share` (a counter in
 * shared memory), each piece one of the threads sharing it claims first (merge their answers with
 * mergeScans). DuckDB's thread starts it; the engine's thread, once the first rows are judged,
 * takes the pieces left. `stop` ends it early (its answer is then STOPPED).
 */
export async function scanCsvBytes(path: string, stop?: AbortSignal, share?: Int32Array): Promise<ByteScan> {
  const found = new Set<string>();
  let negatives = false;
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const pieces = Math.ceil(size / PIECE);
    const buffer = Buffer.alloc(Math.min(size, PIECE) + OVERLAP);
    for (let mine = 0; ; mine++) {
      if (stop?.aborted) return STOPPED;
      const i = share ? Atomics.add(share, 0, 1) : mine;
      if (i >= pieces) break;
      // Each piece re-reads the last bytes of the one before: what lies across the cut is seen.
      const at = i * PIECE;
      const start = Math.max(0, at - OVERLAP);
      const { bytesRead } = await file.read(buffer, 0, Math.min(size, at + PIECE) - start, start);
      const bytes = buffer.subarray(0, bytesRead);
      for (const n of NEEDLES) if (!found.has(n) && includes(bytes, n)) found.add(n);
      // Minus signs in the re-read bytes are judged with the piece before.
      if (!negatives) negatives = minusMayStartCell(bytes, at - start);
      if (negatives && found.size === NEEDLES.length) break;
    }
  } finally {
    await file.close();
  }
  return {
    plainNumbers: !found.has('_') && !found.has('+-') && !found.has('-+'),
    blankQuotes: found.has(' "') || found.has('" '),
    negatives,
  };
}

/** Two threads' scans of one file's pieces, as one scan of the whole. */
export const mergeScans = (a: ByteScan, b: ByteScan): ByteScan => ({
  plainNumbers: a.plainNumbers && b.plainNumbers,
  blankQuotes: a.blankQuotes || b.blankQuotes,
  negatives: a.negatives || b.negatives,
});

/**
 * One or two ASCII bytes. A byte is looked for as a number (memchr, several times faster than a
 * one-letter string); a pair only where both its bytes occur.
 */
function includes(bytes: Buffer, needle: string): boolean {
  for (let i = 0; i < needle.length; i++) if (bytes.indexOf(needle.charCodeAt(i)) === -1) return false;
  return needle.length === 1 || bytes.includes(needle, 0, 'latin1');
}

const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;

/**
 * Is there a "-", at or after `from`, that is neither inside a number (after a digit) nor an
 * exponent's sign (after a digit's or a point's "e")? Such a "-" may start a cell. The piece's
 * first bytes have no known bytes before them: they count as a line's start.
 */
function minusMayStartCell(bytes: Buffer, from: number): boolean {
  for (let i = bytes.indexOf(MINUS, from); i !== -1; i = bytes.indexOf(MINUS, i + 1)) {
    const before = bytes[i - 1];
    if (isDigit(before)) continue;
    const exponent = before === 0x65 || before === 0x45;
    if (exponent && (isDigit(bytes[i - 2]) || bytes[i - 2] === 0x2e)) continue;
    return true;
  }
  return false;
}
