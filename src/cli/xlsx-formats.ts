/**
 * The number formats of an .xlsx input's columns, so the copied source sheet keeps them (issue
 * 12): "0.00%" stays a percent, "$"#,##0.00 keeps its dollar, "dd/mm/yyyy" its day first. The
 * copy formats a column as a whole, so a column is given the format its number and date cells
 * share ("General" is no format); cells formatted differently (0.05 as "5%" in one row, as "0.05"
 * in another) leave the column unformatted: a cell shown as another number than the source shows
 * would mislead, its exact value does not.
 */
import type ExcelJS from 'exceljs';

export function columnFormats(worksheet: ExcelJS.Worksheet): (string | null)[] {
  const formats: Set<string>[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const fmt = cell.numFmt;
      if (!fmt || fmt === 'General' || !isNumberOrDate(cell.value)) return;
      formats[c - 1] ??= new Set();
      (formats[c - 1] as Set<string>).add(fmt);
    });
  });
  return Array.from(formats, (column) => (column?.size === 1 ? ([...column.keys()][0] as string) : null));
}

function isNumberOrDate(value: ExcelJS.CellValue): boolean {
  if (typeof value === 'number' || value instanceof Date) return true;
  if (typeof value === 'object' && value !== null && 'result' in value) {
    const result = (value as { result?: unknown }).result;
    return typeof result === 'number' || result instanceof Date;
  }
  return false;
}
