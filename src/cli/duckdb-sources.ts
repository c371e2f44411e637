/**
 * Where `--engine duckdb` reads a file: the first rows, read by Mizan's own reader, and the
 * relation DuckDB reads the rest from (a CSV's `read_csv`, a Parquet file's columns as text). What
 * DuckDB would read otherwise than Mizan's reader is found by a scan of the bytes (byte-scan.ts).
 */
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { headRows, RowTable } from '../core/table/table';
import { type CsvResult, parseCsvBytes } from './csv';
import { utf8Body } from './decode';
import type { Duck } from './duckdb';
import { fallback, firstLine } from './duckdb-fallback';
import { type InputData, sheetNameFrom } from './read-input';

/** Bytes read for the first rows: from 1 MB, four times more until they hold them (at most 64 MB). */
const HEAD_BYTES = 1024 * 1024;
const MAX_HEAD_BYTES = 64 * 1024 * 1024;

/** Where DuckDB reads the rows below the first ones, and the first ones as our reader gives them. */
export interface Source {
  readonly head: unknown[][];
  /** The head is the whole file. */
  readonly whole: boolean;
  readonly data: Omit<InputData, 'table'>;
  /**
   * Columns c0…c{width-1} from row `skip` on: as VARCHAR, or DOUBLE for the columns in `doubles`
   * (CSV only: DuckDB reads the number while it reads the row), with `ordinality` (1 for the first
   * row read) when asked: DuckDB numbers the rows on one thread, so only when needed.
   */
  relation(skip: number, width: number, how: { ordinality: boolean; doubles: ReadonlySet<number> }): string;
}

export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

export async function csvSource(path: string, wanted: number): Promise<Source> {
  // About 250 bytes a row to start with (a 1,000-row head of a wide export), four times more until they fit.
  for (let bytes = Math.min(HEAD_BYTES, 256 * wanted); ; bytes *= 4) {
    const read = await firstBytes(path, bytes);
    const utf8 = utf8Body(read.bytes);
    if (!utf8) return fallback('DuckDB reads UTF-8 text, and this file is written in another encoding');
    const { parsed, cut } = parseFirstRows(utf8.bytes, wanted);
    if (!parsed.ok) return fallback('a quoted field in the part of the file read first is not closed there');
    // The last row of a cut read may be cut itself: it is left to DuckDB.
    const whole = read.whole && !cut;
    const available = whole ? parsed.table.length : parsed.table.length - 1;
    if (available < wanted && !read.whole && bytes < MAX_HEAD_BYTES) continue;
    return csvRelation(
      path,
      parsed,
      utf8.encoding,
      Math.min(wanted, available),
      whole && available <= wanted,
    );
  }
}

/**
 * The first `wanted` rows and one more, parsed from the lines they can take (parsing is most of the
 * first rows' cost), or from all of `bytes` when line breaks inside quotes leave those too few.
 * The delimiter is judged on the first 200 rows either way (csv.ts, detectDelimiter).
 */
function parseFirstRows(bytes: Uint8Array, wanted: number): { parsed: CsvResult; cut: boolean } {
  let end = 0;
  for (let line = 0; line <= wanted && end >= 0; line++) {
    const at = bytes.indexOf(0x0a, end);
    end = at < 0 ? -1 : at + 1;
  }
  if (end > 0 && end < bytes.length) {
    const parsed = parseCsvBytes(bytes.subarray(0, end));
    if (parsed.ok && parsed.table.length > wanted) return { parsed, cut: true };
  }
  return { parsed: parseCsvBytes(bytes), cut: false };
}

/** The file's first `size` bytes, cut after the last line break (unless that is the whole file). */
async function firstBytes(path: string, size: number): Promise<{ bytes: Uint8Array; whole: boolean }> {
  const file = await open(path, 'r').catch(() => null);
  // Unreadable: the JavaScript reader says why, in its words.
  if (!file) return fallback('the file cannot be opened');
  try {
    const stat = await file.stat();
    // A folder opens, and fails only when read: the JavaScript reader says what it is.
    if (!stat.isFile()) return fallback('the input is not a file');
    const total = stat.size;
    const buffer = Buffer.alloc(Math.min(total, size));
    await file.read(buffer, 0, buffer.length, 0);
    if (total <= size) return { bytes: buffer, whole: true };
    const cut = buffer.lastIndexOf(0x0a) + 1;
    if (cut === 0) fallback('the first rows hold no line break');
    return { bytes: buffer.subarray(0, cut), whole: false };
  } finally {
    await file.close();
  }
}

function csvRelation(
  path: string,
  parsed: Extract<ReturnType<typeof parseCsvBytes>, { ok: true }>,
  encoding: 'utf-8' | 'utf-8-bom',
  count: number,
  whole: boolean,
): Source {
  if (![',', ';', '\t', '|'].includes(parsed.delimiter))
    fallback(`the delimiter ${JSON.stringify(parsed.delimiter)} is not one DuckDB is given here`);
  const delimiter = parsed.delimiter;
  return {
    head: headRows(parsed.table, count).map((r) => [...r]),
    whole,
    data: {
      sourceName: sheetNameFrom(basename(path, extname(path))),
      format: 'csv',
      encoding,
      delimiter,
    },
    relation: (skip, width, how) => {
      const type = (i: number) => (how.doubles.has(i) ? 'DOUBLE' : 'VARCHAR');
      const columns = Array.from({ length: width }, (_, i) => `'c${i}': '${type(i)}'`).join(', ');
      // strict_mode: a row with more or fewer fields, or a DOUBLE column's cell that is no number,
      // is an error (then the JavaScript reader says where and why).
      return `read_csv(${lit(path)}, header = false, skip = ${skip}, delim = ${lit(delimiter)}, quote = '"', escape = '"', auto_detect = false, strict_mode = true, null_padding = false, columns = {${columns}})${how.ordinality ? ' WITH ORDINALITY' : ''}`;
    },
  };
}

/** A Parquet file as text cells (CAST AS VARCHAR), its column names as the header row. */
export async function parquetSource(duck: Duck, path: string, wanted: number): Promise<Source> {
  const names = await parquetNames(duck, path);
  const cols = (alias = true) =>
    names.map((n, i) => `CAST(${ident(n)} AS VARCHAR)${alias ? ` AS c${i}` : ''}`).join(', ');
  const first = wanted - 1;
  const rows = await duck.rows(
    `SELECT ${cols()} FROM read_parquet(${lit(path)}, file_row_number = true) WHERE file_row_number < ${first} ORDER BY file_row_number`,
  );
  const head: unknown[][] = [
    names,
    ...rows.map((r) => names.map((_, i) => (r[`c${i}`] as string | null) ?? '')),
  ];
  return {
    head,
    whole: rows.length < first,
    data: { sourceName: sheetNameFrom(basename(path, extname(path))), format: 'parquet' },
    // Every cell as text (its own typed columns are not relied on), the row number from the file.
    relation: (skip) =>
      `(SELECT ${cols()}, file_row_number - ${skip - 2} AS ordinality FROM read_parquet(${lit(path)}, file_row_number = true) WHERE file_row_number >= ${skip - 1})`,
  };
}

async function parquetNames(duck: Duck, path: string): Promise<string[]> {
  try {
    const rows = await duck.rows(`DESCRIBE SELECT * FROM read_parquet(${lit(path)})`);
    return rows.map((r) => String(r.column_name));
  } catch (error) {
    throw new ParquetUnreadable(`${path}: DuckDB cannot read it as Parquet (${firstLine(error)})`);
  }
}

export class ParquetUnreadable extends Error {}

/** Every row of a Parquet file, as text cells (NULL blank), for the JavaScript engine. */
export async function parquetRows(duck: Duck, path: string): Promise<InputData> {
  const names = await parquetNames(duck, path);
  const cells = await duck.arrays(
    `SELECT ${names.map((n) => `CAST(${ident(n)} AS VARCHAR)`).join(', ')} FROM read_parquet(${lit(path)}, file_row_number = true) ORDER BY file_row_number`,
  );
  const rows = cells.map((r) => r.map((v) => (v === null ? '' : String(v))));
  return {
    table: new RowTable([names, ...rows]),
    sourceName: sheetNameFrom(basename(path, extname(path))),
    format: 'parquet',
  };
}
