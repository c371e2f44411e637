/**
 * Evaluates what the writer put in the fake spreadsheet with HyperFormula, a spreadsheet engine
 * nobody here wrote: every sheet is loaded (formulas as formulas, text as text), and the
 * report's formulas are computed from the source cells.
 */
import { HyperFormula } from 'hyperformula';
import type { FakeWorld } from '../fakes/spreadsheet';
import { zonedSerialDays } from '../fakes/time-zone';

export type Evaluated = (string | number | boolean | null | { error: string })[][];

/** Days from Sheets' (and HyperFormula's) day 0, 1899-12-30, to 1970-01-01. */
const EPOCH_SERIAL = 25_569;

/**
 * The raw content HyperFormula gets for one stored cell. A date is the serial number Sheets
 * keeps: the day and time the spreadsheet's time zone shows, not the script's. An error cell is
 * its error literal ("#N/A"), which HyperFormula reads as that error.
 */
function rawContent(
  cell: { value: unknown; formula: string; error: string },
  timeZone: string,
): string | number | boolean | null {
  if (cell.formula) return cell.formula;
  if (cell.error) return cell.error;
  const v = cell.value;
  // "'" makes HyperFormula keep any string as text, as Sheets keeps a stored text value.
  if (typeof v === 'string') return v === '' ? null : `'${v}`;
  if (v instanceof Date) return zonedSerialDays(v.getTime(), timeZone) + EPOCH_SERIAL;
  return v as number | boolean | null;
}

/** Evaluates every sheet; returns the computed values of each, by sheet name. */
export function evaluateWorld(world: FakeWorld): Map<string, Evaluated> {
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const sheet of world.sheets)
    sheets[sheet.name] = sheet.snapshot().map((line) => line.map((c) => rawContent(c, world.timeZone)));
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
