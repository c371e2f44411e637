/**
 * What Mizan wrote on a report tab, to tell before a refresh whether a person changed cells since
 * (a refresh would erase their edits). Kept as developer metadata (WRITTEN_KEY): the tab's size
 * and one hash per column of what each cell holds (its formula, else its value) as read back
 * after writing, so Sheets' own normalisation of formulas and numbers is on both sides. Formula
 * cells are compared by formula, so new source data (new values) is not an edit. Formats are not
 * compared: a refresh restores them without asking.
 */
import { columnLetter } from '../core/detect/letters';
import type { ReportModel } from '../core/report/model';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Developer metadata on a report tab: {"rows", "cols", "columns": [hash per column], "skip":
 * [[row, col]…]}.
 */
export const WRITTEN_KEY = 'mizan.written';

interface Written {
  readonly rows: number;
  readonly cols: number;
  readonly columns: readonly string[];
  /**
   * 0-based cells left out of the hashes: those an array formula fills (=ATTRIBUTION spills),
   * whose values change with the source data like any formula's, though they hold no formula.
   */
  readonly skip?: readonly (readonly [number, number])[];
}

/** The cells of the model that an array formula above or to the left fills (Cell.spill). */
export function spillCells(model: ReportModel): [number, number][] {
  const out: [number, number][] = [];
  for (const block of model.blocks)
    block.cells.forEach((line, r) => {
      line.forEach((cell, c) => {
        if (cell.spill) out.push([block.row + r, block.col + c]);
      });
    });
  return out;
}

/** FNV-1a, 32 bits: enough to notice a change; not a security measure. */
function fnv(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

const cellText = (value: unknown, formula: string): string =>
  formula !== ''
    ? formula
    : value instanceof Date
      ? `D${value.getTime()}`
      : `${typeof value}:${String(value)}`;

/** The tab as it is now, in three calls whatever its size, `skip` cells left out. */
function fingerprint(sheet: Sheet, skip: readonly (readonly [number, number])[] = []): Written {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formulas = range.getFormulas();
  const rows = values.length;
  const cols = rows > 0 ? (values[0] as unknown[]).length : 0;
  const skipped = new Set(skip.map(([r, c]) => r * cols + c));
  const hashes = new Array<number>(cols).fill(2166136261);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (skipped.size > 0 && skipped.has(r * cols + c)) continue;
      hashes[c] = fnv(hashes[c] as number, `${cellText(values[r]?.[c], formulas[r]?.[c] ?? '')}\u0000`);
    }
  return { rows, cols, columns: hashes.map((h) => h.toString(36)), ...(skip.length > 0 ? { skip } : {}) };
}

/**
 * Records what the tab holds now as what Mizan wrote (right after a build), the cells an array
 * formula fills left out; returns the record.
 */
export function recordWritten(sheet: Sheet, skip: readonly (readonly [number, number])[] = []): string {
  const text = JSON.stringify(fingerprint(sheet, skip));
  setWritten(sheet, text);
  return text;
}

/** Puts a record taken from another tab with the same report (the staged copy), without reading. */
export function setWritten(sheet: Sheet, text: string): void {
  const found = sheet.createDeveloperMetadataFinder().withKey(WRITTEN_KEY).find();
  const first = found[0];
  if (first) first.setValue(text);
  else sheet.addDeveloperMetadata(WRITTEN_KEY, text);
}

/**
 * The columns (letters) whose cells differ from what Mizan wrote, "rows" / "columns" when rows or
 * columns were added or removed; [] when nothing changed or nothing was recorded (a tab built
 * before this check existed).
 */
export function editedColumns(sheet: Sheet): string[] {
  const found = sheet.createDeveloperMetadataFinder().withKey(WRITTEN_KEY).find();
  let written: Written | null = null;
  try {
    const v = JSON.parse(found[0]?.getValue() ?? '') as Written;
    if (Number.isInteger(v.rows) && Number.isInteger(v.cols) && Array.isArray(v.columns)) written = v;
  } catch {
    written = null;
  }
  if (!written) return [];
  const now = fingerprint(sheet, Array.isArray(written.skip) ? written.skip : []);
  const changed: string[] = [];
  if (now.rows !== written.rows) changed.push('rows');
  if (now.cols !== written.cols) changed.push('columns');
  for (let c = 0; c < Math.min(now.cols, written.cols); c++)
    if (now.columns[c] !== written.columns[c]) changed.push(columnLetter(c));
  return changed;
}
