/**
 * Evaluates what the writer put in the fake spreadsheet with HyperFormula, a spreadsheet engine
 * nobody here wrote: every sheet is loaded (formulas as formulas, text as text), and the
 * report's formulas are computed from the source cells.
 */
import { HyperFormula } from 'hyperformula';
import type { FakeWorld } from '../fakes/spreadsheet';

export type Evaluated = (string | number | boolean | null | { error: string })[][];

/** The raw content HyperFormula gets for one stored cell. */
function rawContent(cell: { value: unknown; formula: string }): string | number | boolean | Date | null {
  if (cell.formula) return cell.formula;
  const v = cell.value;
  // "'" makes HyperFormula keep any string as text, as Sheets keeps a stored text value.
  if (typeof v === 'string') return v === '' ? null : `'${v}`;
  return v as number | boolean | Date | null;
}

/** Evaluates every sheet; returns the computed values of each, by sheet name. */
export function evaluateWorld(world: FakeWorld): Map<string, Evaluated> {
  const sheets: Record<string, (string | number | boolean | Date | null)[][]> = {};
  for (const sheet of world.sheets) sheets[sheet.name] = sheet.snapshot().map((line) => line.map(rawContent));
  const hf = HyperFormula.buildFromSheets(sheets as never, { licenseKey: 'gpl-v3' });
  const out = new Map<string, Evaluated>();
  for (const sheet of world.sheets) {
    const id = hf.getSheetId(sheet.name) as number;
    const values = hf.getSheetValues(id) as unknown[][];
    out.set(
      sheet.name,
      values.map((line) =>
        line.map((v) =>
          v !== null && typeof v === 'object' && 'value' in v
            ? {
                error:
                  `${(v as { value: string }).value} ${(v as { message?: string }).message ?? ''}`.trim(),
              }
            : (v as string | number | boolean | null),
        ),
      ),
    );
  }
  hf.destroy();
  return out;
}
