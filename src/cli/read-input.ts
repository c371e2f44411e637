/**
 * Reads an input file into the grid the engine takes (as `Range.getValues()` gives it): CSV in
 * any common delimiter and encoding, or one sheet of an .xlsx workbook. Every failure is a
 * message that names the file and says what to do; nothing here throws at the caller.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import { parseCsv } from './csv';
import { decodeText, type TextEncoding } from './decode';

export type Cell = string | number | boolean | Date | null;

export interface InputData {
  readonly grid: Cell[][];
  /** A valid sheet name for the source data: the xlsx sheet's name, or the file's base name. */
  readonly sourceName: string;
  readonly format: 'csv' | 'xlsx';
  /** For CSV: the encoding and delimiter found. */
  readonly encoding?: TextEncoding;
  readonly delimiter?: string;
}

export type ReadResult =
  | { readonly ok: true; readonly data: InputData }
  | { readonly ok: false; readonly message: string };

export interface ReadOptions {
  readonly sheet?: string;
  readonly onProgress?: (fraction: number) => void;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export async function readInput(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const bad = (message: string): ReadResult => ({ ok: false, message: `${path}: ${message}` });
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return bad('is a folder, not a file');
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return bad('no such file');
    if (code === 'EACCES') return bad('permission denied');
    return bad(`cannot be read (${(error as Error).message})`);
  }
  if (bytes.length === 0) return bad('is empty (0 bytes); give a CSV or .xlsx campaign export');
  if (startsWith(bytes, OLE)) return bad('is an old binary Excel (.xls) file; save it as .xlsx or CSV');
  if (startsWith(bytes, ZIP)) return readXlsx(bytes, path, options.sheet);
  if (options.sheet !== undefined)
    return bad('--sheet only applies to .xlsx workbooks, and this is a text file');
  return readCsv(bytes, path, options.onProgress);
}

function readCsv(bytes: Uint8Array, path: string, onProgress?: (fraction: number) => void): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, message: `${path}: ${decoded.message}` };
  if (decoded.text.trim() === '') return { ok: false, message: `${path}: has no data (only blank lines)` };
  const { rows, delimiter } = parseCsv(decoded.text, onProgress);
  return {
    ok: true,
    data: {
      grid: rows,
      sourceName: sheetNameFrom(basename(path, extname(path))),
      format: 'csv',
      encoding: decoded.encoding,
      delimiter,
    },
  };
}

async function readXlsx(bytes: Uint8Array, path: string, sheet: string | undefined): Promise<ReadResult> {
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
  const grid = worksheetGrid(worksheet);
  if (grid.every((row) => row.every((c) => c === '' || c === null))) {
    return { ok: false, message: `${path}: sheet "${worksheet.name}" is empty` };
  }
  return { ok: true, data: { grid, sourceName: sheetNameFrom(worksheet.name), format: 'xlsx' } };
}

/** The sheet's values at their coordinates (row 1 → grid[0]), empty cells as "". */
function worksheetGrid(worksheet: ExcelJS.Worksheet): Cell[][] {
  const height = worksheet.rowCount;
  const width = worksheet.columnCount;
  const grid: Cell[][] = [];
  for (let r = 1; r <= height; r++) {
    const row = worksheet.getRow(r);
    const out: Cell[] = new Array(width).fill('');
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      out[c - 1] = plainValue(cell.value);
    });
    grid.push(out);
  }
  return grid;
}

/** An ExcelJS cell value as the plain value Sheets' getValues() would give. */
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
