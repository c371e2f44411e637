/** Test helpers: fixtures read with papaparse, and an independent spreadsheet (HyperFormula) to evaluate the model's formulas. */
import { readFileSync } from 'node:fs';
import { HyperFormula } from 'hyperformula';
import Papa from 'papaparse';
import type { ReportModel } from '../../../src/core/report/model';

export const FIXTURES = new URL('../../fixtures/campaigns/', import.meta.url);

export function readCsv(name: string): string[][] {
  const text = readFileSync(new URL(name, FIXTURES), 'utf8').replace(/^\ufeff/, '');
  return Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
}

export function readExpected(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as Record<string, unknown>;
}

/** Spreadsheet serial of a Date (1899-12-30 epoch), as Sheets and xlsx store dates. */
const serial = (d: Date): number => d.getTime() / 86_400_000 + 25569;

/** A source cell as a spreadsheet holds it: strings stay text (even "1,234" or "=x"). */
function sourceCell(v: unknown): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return v;
  if (Object.prototype.toString.call(v) === '[object Date]') return serial(v as Date);
  return `'${String(v)}`;
}

export interface Mismatch {
  readonly at: string;
  readonly f: string;
  readonly v: unknown;
  readonly got: unknown;
}

/**
 * Writes `source` under the model's source name and every report cell (formula or value) into a
 * second sheet, lets HyperFormula compute, and returns the cells whose formula result differs
 * from the engine's `v` (relative tolerance 1e-9; "" and null are the same "no value").
 */
export function formulaMismatches(
  model: ReportModel,
  source: readonly (readonly unknown[])[],
): { checked: number; mismatches: Mismatch[] } {
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  hf.addSheet(model.sourceName);
  hf.addSheet('Report');
  const src = hf.getSheetId(model.sourceName) as number;
  const rep = hf.getSheetId('Report') as number;
  hf.setSheetContent(
    src,
    source.map((row) => row.map(sourceCell)),
  );
  const height = Math.max(...model.blocks.map((b) => b.row + b.cells.length));
  const width = Math.max(...model.blocks.map((b) => b.col + Math.max(...b.cells.map((r) => r.length))));
  const grid: (string | number | boolean | null)[][] = Array.from({ length: height }, () =>
    Array(width).fill(null),
  );
  const withFormula: { r: number; c: number; f: string; v: unknown }[] = [];
  for (const b of model.blocks) {
    for (const [i, line] of b.cells.entries()) {
      for (const [j, cell] of line.entries()) {
        const r = b.row + i;
        const c = b.col + j;
        if (cell.f) {
          (grid[r] as unknown[])[c] = `=${cell.f}`;
          withFormula.push({ r, c, f: cell.f, v: cell.v });
        } else if (typeof cell.v === 'number') (grid[r] as unknown[])[c] = cell.v;
        else if (typeof cell.v === 'string' && cell.v !== '') (grid[r] as unknown[])[c] = `'${cell.v}`;
      }
    }
  }
  hf.setSheetContent(rep, grid);
  const mismatches: Mismatch[] = [];
  for (const { r, c, f, v } of withFormula) {
    const got = hf.getCellValue({ sheet: rep, row: r, col: c });
    const none = (x: unknown) => x === null || x === '' || x === undefined;
    const same =
      (none(v) && none(got)) ||
      (typeof v === 'number' &&
        typeof got === 'number' &&
        Math.abs(v - got) <= 1e-9 * Math.max(1, Math.abs(v))) ||
      v === got;
    if (!same) mismatches.push({ at: `R${r + 1}C${c + 1}`, f, v, got });
  }
  hf.destroy();
  return { checked: withFormula.length, mismatches };
}

export function closeTo(actual: number | null | undefined, expected: number | null, rel = 1e-9): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  return Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected));
}
