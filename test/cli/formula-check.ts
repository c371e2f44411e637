/** Compares the formula cells of a report sheet, as another engine computed them, with the model's values. */
import ExcelJS from 'exceljs';
import { columnLetter as letter } from '../../src/core/detect/letters';
import type { Cell, ReportModel } from '../../src/core/report/model';

export interface FormulaCell {
  readonly ref: string;
  readonly row: number;
  readonly col: number;
  readonly cell: Cell;
}

export function formulaCells(model: ReportModel): FormulaCell[] {
  const out: FormulaCell[] = [];
  for (const block of model.blocks) {
    block.cells.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        const row = block.row + r;
        const col = block.col + c;
        if (cell.f) out.push({ ref: `${letter(col)}${row + 1}`, row, col, cell });
      });
    });
  }
  return out;
}

/** Every formula's cached value replaced by a number no formula here yields: proves a recalculation. */
export function poisonCaches(model: ReportModel, poison = -987654.321): ReportModel {
  return {
    ...model,
    blocks: model.blocks.map((b) => ({
      ...b,
      cells: b.cells.map((row) => row.map((cell) => (cell.f ? { ...cell, v: poison } : cell))),
    })),
  };
}

/** 1e-9 relative (absolute 1e-12 around 0). */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
}

export interface Mismatch {
  readonly ref: string;
  readonly formula: string;
  readonly expected: unknown;
  readonly got: unknown;
}

/** Reads `path` (xlsx) and checks every formula cell of the model's report sheet. */
export async function compareFormulas(
  model: ReportModel,
  path: string,
  sheetName: string,
): Promise<{ compared: number; mismatches: Mismatch[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.getWorksheet(sheetName);
  if (!sheet)
    throw new Error(`no sheet "${sheetName}" in ${path}: ${book.worksheets.map((s) => s.name).join(', ')}`);
  const mismatches: Mismatch[] = [];
  const cells = formulaCells(model);
  for (const { ref, cell } of cells) {
    const target = sheet.getCell(ref);
    const got = target.type === ExcelJS.ValueType.Formula ? target.result : target.value;
    const expected = cell.v === '' ? null : cell.v;
    const ok =
      expected === null
        ? got === '' || got === undefined || got === null
        : typeof expected === 'number'
          ? typeof got === 'number' && sameNumber(got, expected)
          : got === expected;
    if (!ok || target.type !== ExcelJS.ValueType.Formula) {
      mismatches.push({
        ref,
        formula: cell.f as string,
        expected,
        got: target.type === ExcelJS.ValueType.Formula ? got : `not a formula: ${String(got)}`,
      });
    }
  }
  return { compared: cells.length, mismatches };
}
