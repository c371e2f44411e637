/**
 * CSV → table, with the delimiter found from the data: read by our one-pass readers
 * (csv-columns.ts over UTF-8 bytes, csv-rows.ts over decoded text), which give papaparse's cells,
 * and by papaparse itself when quotes are broken.
 * Cells stay text, numbers, dates and percentages read by the engine with the one number reader,
 * except the plain numbers of a large file's measure columns (see NumberColumns in csv-rows.ts).
 */

import { Buffer } from 'node:buffer';
import Papa from 'papaparse';
import { RowTable, type Table } from '../core/table/table';
import { readByteColumns } from './csv-columns';
import { readByteColumnsParallel } from './csv-parallel';
import { lineBreak, type NumberColumns, readRows } from './csv-rows';

/** Comma, semicolon (European Excel), tab (Excel "Unicode text"), pipe, Arabic semicolon. */
export const DELIMITERS = [',', ';', '\t', '|', '\u061b'] as const;

const SAMPLE_CHARS = 64 * 1024;
const CHUNK_CHARS = 4 * 1024 * 1024;

/**
 * The delimiter that splits the most sample lines into the same number (≥ 2) of fields.
 * Title, note and blank lines above or below the table do not sway it (papaparse's own guess
 * gives up on a blank line).
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  let best: string = DELIMITERS[0];
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter, skipEmptyLines: 'greedy', preview: 200 }).data;
    const counts = new Map<number, number>();
    for (const row of rows) if (row.length >= 2) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    const score = Math.max(0, ...counts.values());
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

export interface ParsedCsv {
  /** Text cells; numbers only where `numbers` allowed them (see NumberColumns). */
  readonly table: Table;
  readonly delimiter: string;
}

/** A quote that breaks the file's structure: where it is, for a message the user can act on. */
export interface QuoteProblem {
  readonly line: number;
  /** 0-based field of that line where the quote stands. */
  readonly field: number;
  readonly kind: 'unclosed' | 'malformed';
}

export type CsvResult =
  | ({ readonly ok: true } & ParsedCsv)
  | { readonly ok: false; readonly problem: QuoteProblem; readonly delimiter: string };

/**
 * Parses all of `text`; `onProgress(fraction)` is called now and then on a large text. A quote
 * that never closes would swallow the rest of the file into one cell, so it is a problem, never a
 * shorter file read silently.
 */
export function parseCsv(
  text: string,
  onProgress?: (fraction: number) => void,
  numbers?: NumberColumns,
): CsvResult {
  const delimiter = detectDelimiter(text);
  // The fast reader gives papaparse's rows (a test compares them); it hands anything unusual
  // about quotes to papaparse, which also says where a quote breaks the file.
  const rows =
    readRows(text, delimiter, lineBreak(text), onProgress, numbers) ?? papaRows(text, delimiter, onProgress);
  if (!Array.isArray(rows)) return { ok: false, problem: rows, delimiter };
  // A final line break leaves one empty row behind; blank rows at the end carry nothing.
  while (rows.length > 0 && isBlank(rows[rows.length - 1] as (string | number)[])) rows.pop();
  return { ok: true, table: new RowTable(rows), delimiter };
}

/**
 * parseCsv for a UTF-8 file's bytes (after any BOM): the same cells, read cell by cell from the
 * bytes into columns (csv-columns.ts), so the whole text is decoded only when papaparse has to
 * read it (broken quotes).
 */
export function parseCsvBytes(
  bytes: Uint8Array,
  onProgress?: (fraction: number) => void,
  numbers?: NumberColumns,
): CsvResult {
  const { buffer, delimiter, newline } = byteDialect(bytes);
  const table = readByteColumns(buffer, delimiter, newline, onProgress, numbers);
  if (table === null) return parseCsv(new TextDecoder().decode(buffer), onProgress, numbers);
  return { ok: true, table, delimiter };
}

/** parseCsvBytes, on two threads for a large file where that is safe (csv-parallel.ts). */
export async function parseCsvBytesParallel(
  bytes: Uint8Array,
  onProgress?: (fraction: number) => void,
  numbers?: NumberColumns,
): Promise<CsvResult> {
  const { buffer, delimiter, newline } = byteDialect(bytes);
  const table = await readByteColumnsParallel(buffer, delimiter, newline, onProgress, numbers);
  if (table === null) return parseCsv(new TextDecoder().decode(buffer), onProgress, numbers);
  return { ok: true, table, delimiter };
}

/** The delimiter and line break, judged on the first 64K and 1M characters of the text. */
function byteDialect(bytes: Uint8Array): {
  buffer: Buffer;
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
} {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const head = new TextDecoder().decode(buffer.subarray(0, HEAD_BYTES));
  return { buffer, delimiter: detectDelimiter(head), newline: lineBreak(head) };
}

/** Bytes enough for 1,048,576 characters and more (at most 4 bytes each). */
const HEAD_BYTES = 5 * 1024 * 1024;

function papaRows(
  text: string,
  delimiter: string,
  onProgress?: (fraction: number) => void,
): string[][] | QuoteProblem {
  const rows: string[][] = [];
  let broken = false;
  if (text.length <= CHUNK_CHARS || !onProgress) {
    const result = Papa.parse<string[]>(text, { delimiter });
    const problem = quoteProblem(text, result.errors, delimiter);
    if (problem) return problem;
    for (const row of result.data) rows.push(row);
  } else {
    let chunks = 0;
    Papa.parse<string[]>(text, {
      delimiter,
      chunkSize: CHUNK_CHARS,
      chunk: (result: Papa.ParseResult<string[]>) => {
        if (result.errors.some((e) => e.type === 'Quotes')) broken = true;
        for (const row of result.data) rows.push(row);
        onProgress(Math.min(1, (++chunks * CHUNK_CHARS) / text.length));
      },
    } as Papa.ParseConfig<string[]>);
    // Rare: locate the quote in one pass over the whole text (chunk offsets are per chunk).
    if (broken) {
      const problem = quoteProblem(text, Papa.parse<string[]>(text, { delimiter }).errors, delimiter);
      if (problem) return problem;
    }
  }
  return rows;
}

function quoteProblem(
  text: string,
  errors: readonly Papa.ParseError[],
  delimiter: string,
): QuoteProblem | null {
  const error = errors.find((e) => e.type === 'Quotes');
  if (!error) return null;
  const at = Math.min(Math.max(0, error.index ?? 0), text.length);
  // The quote that opened the field: the last '"' at or before where papaparse stopped.
  const quote = text.lastIndexOf('"', error.code === 'MissingQuotes' ? at : at + 1);
  const offset = quote >= 0 ? quote : at;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  // The field the quote opens: the fields before it on its line, as the parser splits them.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = Papa.parse<string[]>(text.slice(lineStart, offset), { delimiter }).data[0] ?? [''];
  return {
    line,
    field: Math.max(0, before.length - 1),
    kind: error.code === 'MissingQuotes' ? 'unclosed' : 'malformed',
  };
}

function isBlank(row: readonly (string | number)[]): boolean {
  return row.every((cell) => typeof cell === 'string' && cell.trim() === '');
}
