/**
 * Computes a workbook's formulas with HyperFormula, a spreadsheet engine nobody on this project
 * wrote. Its function semantics are close to Sheets' for what a report uses (SUM, SUMIFS, IFERROR,
 * IFNA…), but it is not Sheets: where they may differ is listed in the test's report.
 */
import { HyperFormula } from 'hyperformula';

export type Raw = string | number | boolean | null;
export type Computed = string | number | boolean | null | { readonly error: string };

export interface Book {
  readonly names: readonly string[];
  readonly values: ReadonlyMap<string, Computed[][]>;
  /** Evaluates one extra formula as if it sat on `sheet` (for custom conditional-format rules). */
  calculate(formula: string, sheet: string): Computed;
  destroy(): void;
}

function toComputed(v: unknown): Computed {
  if (v !== null && typeof v === 'object' && 'value' in v)
    return { error: String((v as { value: unknown }).value) };
  return v as Computed;
}

/** `sheets`: per sheet name, its raw contents: a formula "=…", text as "'text", numbers, booleans. */
export function buildBook(sheets: ReadonlyMap<string, Raw[][]>): Book {
  const input: Record<string, Raw[][]> = {};
  for (const [name, grid] of sheets) input[name] = grid.length ? grid : [[null]];
  const hf = HyperFormula.buildFromSheets(input as never, { licenseKey: 'gpl-v3' });
  const values = new Map<string, Computed[][]>();
  for (const name of sheets.keys()) {
    const id = hf.getSheetId(name) as number;
    values.set(
      name,
      (hf.getSheetValues(id) as unknown[][]).map((line) => line.map(toComputed)),
    );
  }
  return {
    names: [...sheets.keys()],
    values,
    calculate(formula, sheet) {
      const r = hf.calculateFormula(formula, hf.getSheetId(sheet) as number);
      return toComputed(Array.isArray(r) ? r[0]?.[0] : r);
    },
    destroy: () => hf.destroy(),
  };
}
