/**
 * The number formats of an .xlsx input's columns, so the copied source sheet keeps them (issue
 * 12): "0.00%" stays a percent, "$"#,##0.00 keeps its dollar, "dd/mm/yyyy" its day first. A
 * column's format is the one most of its number and date cells use ("General" is no format).
 */
import type ExcelJS from 'exceljs';

export function columnFormats(worksheet: ExcelJS.Worksheet): (string | null)[] {
  const counts: Map<string, number>[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const fmt = cell.numFmt;
      if (!fmt || fmt === 'General' || !isNumberOrDate(cell.value)) return;
      counts[c - 1] ??= new Map();
      const column = counts[c - 1] as Map<string, number>;
      column.set(fmt, (column.get(fmt) ?? 0) + 1);
    });
  });
  return Array.from(counts, (column) => {
    let best: string | null = null;
    let most = 0;
    for (const [fmt, n] of column ?? []) {
      if (n > most) {
        best = fmt;
        most = n;
      }
    }
    return best;
  });
}

function isNumberOrDate(value: ExcelJS.CellValue): boolean {
  if (typeof value === 'number' || value instanceof Date) return true;
  if (typeof value === 'object' && value !== null && 'result' in value) {
    const result = (value as { result?: unknown }).result;
    return typeof result === 'number' || result instanceof Date;
  }
  return false;
}
