/**
 * Reads an input file into the cells the engine takes (a Table, as `Range.getValues()` gives rows): CSV in
 * any common delimiter and encoding, or one sheet of an .xlsx workbook. Every failure is a
 * message that names the file and says what to do; nothing here throws at the caller.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { columnLetter } from '../core/detect/letters';
import { RowTable, type Table } from '../core/table/table';
import { type CsvResult, parseCsv, parseCsvBytesParallel } from './csv';
import { PARALLEL_BYTES } from './csv-parallel';
import type { NumberColumns } from './csv-rows';
import { type Decoded, decodeText, type TextEncoding, utf8Body } from './decode';
import { columnFormats } from './xlsx-formats';

export type Cell = string | number | boolean | Date | null;

export interface InputData {
  /** The cells: a CSV's read column by column (ColumnTable), an .xlsx sheet's as rows. */
  readonly table: Table;
  /** A valid sheet name for the source data: the xlsx sheet's name, or the file's base name. */
  readonly sourceName: string;
  readonly format: 'csv' | 'xlsx' | 'parquet';
  /** For CSV: the encoding and delimiter found. */
  readonly encoding?: TextEncoding;
  readonly delimiter?: string;
  /** For .xlsx: formula cells saved without a computed value (A1 addresses), read as blank. */
  readonly uncachedFormulas?: readonly string[];
  /** For .xlsx: each column's number format, for the copied source sheet (./xlsx-formats.ts). */
  readonly columnFormats?: readonly (string | null)[];
}

export type ReadResult =
  | { readonly ok: true; readonly data: InputData }
  | {
      readonly ok: false;
      readonly message: string;
      /** The file was read but its data is broken (exit 1), rather than unreadable (exit 3). */
      readonly rejected?: boolean;
    };

export interface ReadOptions {
  readonly sheet?: string;
  readonly onProgress?: (fraction: number) => void;
  /** CSV: the columns whose plain integers may be read as numbers past the first rows. */
  readonly numbers?: NumberColumns;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export async function readInput(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const bad = (message: string): ReadResult => ({ ok: false, message: `${path}: ${message}` });
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return bad('is a folder, not a file');
    // A large file is read into memory a reading thread can share without a copy (csv-parallel.ts).
    bytes =
      info.size > PARALLEL_BYTES && info.isFile() ? await readShared(path, info.size) : await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return bad('no such file');
    if (code === 'EACCES') return bad('permission denied');
    return bad(`cannot be read (${(error as Error).message})`);
  }
  if (bytes.length === 0) return bad('is empty (0 bytes); give a CSV or .xlsx campaign export');
  if (startsWith(bytes, OLE)) return bad('is an old binary Excel (.xls) file; save it as .xlsx or CSV');
  // ExcelJS gets memory of its own, not shared memory (read for a large CSV, see readShared).
  if (startsWith(bytes, ZIP)) return readXlsx(Buffer.from(bytes), path, options.sheet);
  if (options.sheet !== undefined)
    return bad('--sheet only applies to .xlsx workbooks, and this is a text file');
  const utf8 = utf8Body(bytes);
  if (utf8) return readUtf8Csv(utf8.bytes, utf8.encoding, path, options.onProgress, options.numbers);
  return readCsv(decodeText(bytes), path, options.onProgress, options.numbers);
}

/** The file's bytes in a SharedArrayBuffer. */
async function readShared(path: string, size: number): Promise<Uint8Array> {
  const bytes = Buffer.from(new SharedArrayBuffer(size));
  const file = await open(path, 'r');
  try {
    let at = 0;
    while (at < size) {
      const { bytesRead } = await file.read(bytes, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return bytes.subarray(0, at);
  } finally {
    await file.close();
  }
}

/** readCsv for a valid UTF-8 file, read from its bytes (see parseCsvBytes). */
async function readUtf8Csv(
  bytes: Uint8Array,
  encoding: TextEncoding,
  path: string,
  onProgress?: (fraction: number) => void,
  numbers?: NumberColumns,
): Promise<ReadResult> {
  if (onlySpace(bytes)) return readCsv({ ok: true, text: new TextDecoder().decode(bytes), encoding }, path);
  return csvResult(await parseCsvBytesParallel(bytes, onProgress, numbers), path, encoding);
}

/** No ASCII byte other than white space: blank, unless Unicode text that trim() decides. */
function onlySpace(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b < 0x80 && b !== 0x20 && (b < 0x09 || b > 0x0d)) return false;
  return true;
}

function readCsv(
  decoded: Decoded,
  path: string,
  onProgress?: (fraction: number) => void,
  numbers?: NumberColumns,
): ReadResult {
  if (!decoded.ok) return { ok: false, message: `${path}: ${decoded.message}` };
  if (decoded.text.trim() === '') return { ok: false, message: `${path}: has no data (only blank lines)` };
  return csvResult(parseCsv(decoded.text, onProgress, numbers), path, decoded.encoding);
}

function csvResult(parsed: CsvResult, path: string, encoding: TextEncoding): ReadResult {
  if (!parsed.ok) {
    const { line, field, kind } = parsed.problem;
    const at = `line ${line}, column ${columnLetter(field)}`;
    const what =
      kind === 'unclosed'
        ? `${at}: a quote (") opens a field here and never closes, so the rest of the file would be read as one cell (a download cut short, or a stray quote)`
        : `${at}: a quoted field has text after its closing quote (write "" for a quote inside a quoted field)`;
    return {
      ok: false,
      rejected: true,
      message: `${path}: ${what}. Fix the quotes on that line and run again.`,
    };
  }
  const { table, delimiter } = parsed;
  return {
    ok: true,
    data: {
      table,
      sourceName: sheetNameFrom(basename(path, extname(path))),
      format: 'csv',
      encoding,
      delimiter,
    },
  };
}

async function readXlsx(bytes: Uint8Array, path: string, sheet: string | undefined): Promise<ReadResult> {
  // Loaded here, not at start-up: a CSV run never pays for ExcelJS.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return { ok: false, message: `${path}: is not a readable .xlsx workbook (${(error as Error).message})` };
  }
  const sheets = workbook.worksheets;
  const names = sheets.map((s) => `"${s.name}"`).join(', ');
  const worksheet = sheet === undefined ? sheets[0] : sheets.find((s) => s.name === sheet);
  if (!worksheet) {
    return {
      ok: false,
      message:
        sheet === undefined
          ? `${path}: the workbook has no sheets`
          : `${path}: no sheet named "${sheet}"; the sheets are ${names}`,
    };
  }
  const uncached: string[] = [];
  const grid = worksheetGrid(worksheet, uncached);
  if (grid.length === 0) {
    return { ok: false, message: `${path}: sheet "${worksheet.name}" is empty` };
  }
  return {
    ok: true,
    data: {
      table: new RowTable(grid),
      sourceName: sheetNameFrom(worksheet.name),
      format: 'xlsx',
      columnFormats: columnFormats(worksheet),
      ...(uncached.length > 0 ? { uncachedFormulas: uncached } : {}),
    },
  };
}

/**
 * The sheet's values at their coordinates (row 1 → grid[0]), empty cells as "". Only the cells
 * that exist are visited, and each row is only as long as its last value, the grid only as tall
 * as its last row with a value: a styled cell at XFD1048576, or a sheet whose <dimension> claims
 * the whole sheet, costs nothing, and a lone value far away costs one long row, not rows × columns.
 */
export function worksheetGrid(worksheet: ExcelJS.Worksheet, uncached: string[] = []): Cell[][] {
  const grid: Cell[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, r) => {
    const out: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A formula saved by a program that does not calculate has no result: not a 0.
      if (isUncachedFormula(cell.value)) uncached.push(cell.address);
      const value = plainValue(cell.value);
      if (value === '') return;
      while (out.length < c - 1) out.push('');
      out[c - 1] = value;
    });
    if (out.length === 0) return;
    while (grid.length < r - 1) grid.push([]);
    grid[r - 1] = out;
  });
  return grid;
}

/** An ExcelJS cell value as the plain value Sheets' getValues() would give. */
function isUncachedFormula(value: ExcelJS.CellValue): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    ('formula' in value || 'sharedFormula' in value) &&
    (value as { result?: unknown }).result === undefined
  );
}

export function plainValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? '' : plainValue(result);
  }
  if ('hyperlink' in value)
    return typeof value.text === 'string' ? value.text : plainValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}

/** Excel sheet names: ≤ 31 characters, none of []:*?/\, no apostrophes (they need quoting in formulas). */
export function sheetNameFrom(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned === '' || cleaned.toLowerCase() === 'history' ? 'Data' : cleaned;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
