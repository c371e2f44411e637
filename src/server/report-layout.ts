/**
 * Turns a report model's blocks into whole-sheet grids (values, formats, fonts, colours, notes),
 * one grid per Range setter, so the writer makes the same few calls whatever the size of the
 * data. Pure: no Apps Script call here, so it is tested directly.
 */
import { brandedLook, STATUS_COLOURS, TEXT_SIZE } from '../core/report/look';
import type { Cell, ReportModel } from '../core/report/model';
import { literalText } from './literal-text';

/** Sheets' default format: what cells without a number format get. */
export const DEFAULT_FORMAT = 'General';

/** Sheets' defaults for what a style leaves out. */
const BLACK = '#000000';
const NORMAL = 'normal';

/**
 * How a cell's text fits its width (SpreadsheetApp.WrapStrategy by name): header cells WRAP onto
 * more lines, as the .xlsx's do (src/xlsx/styles.ts wraps the same centred header cells), so a
 * long KPI name is read whole instead of clipped by the next header; every other cell OVERFLOWs
 * into empty neighbours (titles, notes), written out rather than left to the sheet's default.
 */
export type WrapName = 'WRAP' | 'OVERFLOW';

export interface SheetLayout {
  readonly rows: number;
  readonly cols: number;
  /** What setValues gets: numbers, "" for blanks, "=formula", and text made literal. */
  readonly values: (string | number | boolean | Date)[][];
  readonly formats: string[][];
  readonly weights: ('bold' | 'normal')[][];
  readonly styles: ('italic' | 'normal')[][];
  readonly sizes: number[][];
  readonly colors: string[][];
  /** null: no fill, Sheets' default (a white fill would hide the gridlines). */
  readonly fills: (string | null)[][];
  readonly aligns: ('normal' | 'center')[][];
  readonly wraps: WrapName[][];
  readonly notes: string[][];
  /** True when some cell carries a note (skips setNotes otherwise). */
  readonly hasNotes: boolean;
}

/**
 * The value to write for one cell: its live formula, or its value with text kept literal. A
 * model has formulas only where they can be live (none in values-only mode; none over a column
 * of numbers written as text), so every formula it has is written.
 */
export function cellInput(cell: Cell): string | number {
  if (cell.f) return `=${cell.f}`;
  // Filled by an array formula's spill (=ATTRIBUTION): a value here would block it (#REF!).
  if (cell.spill) return '';
  const v = cell.v;
  if (v === null || v === '') return '';
  // Every string is written literally, not only userText: none of the model's strings is meant
  // to be parsed, and a label like "-12%" or "2026-08" must not turn into a number or date.
  if (typeof v === 'string') return literalText(v);
  return Number.isFinite(v) ? v : '';
}

function grid<T>(rows: number, cols: number, fill: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(fill));
}

/** The rectangle that holds every block (at least 1×1). */
function extent(model: ReportModel): { rows: number; cols: number } {
  let rows = 1;
  let cols = 1;
  for (const b of model.blocks) {
    rows = Math.max(rows, b.row + b.cells.length);
    for (const line of b.cells) cols = Math.max(cols, b.col + line.length);
  }
  return { rows, cols };
}

export function layoutReport(model: ReportModel): SheetLayout {
  const { rows, cols } = extent(model);
  const out = {
    rows,
    cols,
    values: grid<string | number | boolean | Date>(rows, cols, ''),
    formats: grid(rows, cols, DEFAULT_FORMAT),
    weights: grid<'bold' | 'normal'>(rows, cols, NORMAL),
    styles: grid<'italic' | 'normal'>(rows, cols, NORMAL),
    sizes: grid(rows, cols, TEXT_SIZE),
    colors: grid(rows, cols, BLACK),
    fills: grid<string | null>(rows, cols, null),
    aligns: grid<'normal' | 'center'>(rows, cols, NORMAL),
    wraps: grid<WrapName>(rows, cols, 'OVERFLOW'),
    notes: grid(rows, cols, ''),
    hasNotes: false,
  };
  for (const block of model.blocks) {
    block.cells.forEach((line, r) => {
      line.forEach((cell, c) => {
        const row = block.row + r;
        const col = block.col + c;
        const look = brandedLook(cell.style ?? (r < block.headerRows ? 'header' : 'value'), model.brand);
        (out.values[row] as unknown[])[col] = cellInput(cell);
        if (cell.fmt) (out.formats[row] as string[])[col] = cell.fmt;
        (out.weights[row] as ('bold' | 'normal')[])[col] = look.bold ? 'bold' : NORMAL;
        (out.styles[row] as ('italic' | 'normal')[])[col] = look.italic ? 'italic' : NORMAL;
        (out.sizes[row] as number[])[col] = look.size ?? TEXT_SIZE;
        // A formula's status is coloured by the conditional rules (which follow the numbers);
        // a fixed value is also coloured statically, so it keeps its colour without rules.
        const status = !cell.f && cell.status ? STATUS_COLOURS[cell.status] : null;
        (out.colors[row] as string[])[col] = status ? status.font : (look.color ?? BLACK);
        (out.fills[row] as (string | null)[])[col] = status ? status.fill : (look.fill ?? null);
        (out.aligns[row] as ('normal' | 'center')[])[col] = look.center ? 'center' : NORMAL;
        if (look.center) (out.wraps[row] as WrapName[])[col] = 'WRAP';
        if (cell.note) {
          (out.notes[row] as string[])[col] = cell.note;
          out.hasNotes = true;
        }
      });
    });
  }
  return out;
}
