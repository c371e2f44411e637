/**
 * What Mizan wrote on a report tab, to tell before a refresh whether a person changed cells since
 * (a refresh would erase their edits). Kept as developer metadata (WRITTEN_KEY): the tab's size
 * and one hash per column of what each cell holds (its formula, else its value) as read back
 * after writing, so Sheets' own normalisation of formulas and numbers is on both sides. Formula
 * cells are compared by formula, so new source data (new values) is not an edit. Formats are not
 * compared: a refresh restores them without asking.
 */
import { columnLetter } from '../core/detect/letters';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Developer metadata on a report tab: {"rows", "cols", "columns": [hash per column]}. */
export const WRITTEN_KEY = 'mizan.written';

interface Written {
  readonly rows: number;
  readonly cols: number;
  readonly columns: readonly string[];
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

/** The tab as it is now, in three calls whatever its size. */
function fingerprint(sheet: Sheet): Written {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formulas = range.getFormulas();
  const rows = values.length;
  const cols = rows > 0 ? (values[0] as unknown[]).length : 0;
  const hashes = new Array<number>(cols).fill(2166136261);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      hashes[c] = fnv(hashes[c] as number, `${cellText(values[r]?.[c], formulas[r]?.[c] ?? '')}\u0000`);
  return { rows, cols, columns: hashes.map((h) => h.toString(36)) };
}

/** Records what the tab holds now as what Mizan wrote (right after a build); returns the record. */
export function recordWritten(sheet: Sheet): string {
  const text = JSON.stringify(fingerprint(sheet));
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
  const now = fingerprint(sheet);
  const changed: string[] = [];
  if (now.rows !== written.rows) changed.push('rows');
  if (now.cols !== written.cols) changed.push('columns');
  for (let c = 0; c < Math.min(now.cols, written.cols); c++)
    if (now.columns[c] !== written.columns[c]) changed.push(columnLetter(c));
  return changed;
}
