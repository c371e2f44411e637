/**
 * `--map "<header or letter>=<role>"`: the command line's way to correct how a column is read,
 * with the same meaning as the sidebar's role menus (an override by column index). The column is
 * found in the header row the engine reads (or the one --header-row names), by its exact header
 * text (case and spacing aside) or its letter.
 */
import { detectHeaderRow, HEADER_SCAN_ROWS } from '../core/detect/header-row';
import { columnLetter } from '../core/detect/letters';
import type { ColumnRole } from '../core/detect/types';
import { MEASURE_IDS, type MeasureId } from '../core/kpi/measures';
import { normalizeDigits } from '../core/numbers/parse-number';
import type { ReportOptions } from '../core/report/options';
import { asTable, type Grid, headRows, type Table } from '../core/table/table';

export type Corrections =
  | { readonly ok: true; readonly overrides: Readonly<Record<number, ColumnRole>> }
  | { readonly ok: false; readonly message: string };

const DIMENSIONS = ['campaign', 'channel', 'date', 'text'] as const;

const norm = (text: string): string => normalizeDigits(text).replace(/\s+/g, ' ').trim().toLowerCase();

/** The role a --map value names: a measure id, a dimension, or "ignore". */
export function roleFromName(name: string): ColumnRole | null {
  const id = norm(name).replace(/[ -]/g, '_');
  if (id === 'ignore' || id === 'ignored' || id === 'none') return { kind: 'ignored' };
  if ((MEASURE_IDS as readonly string[]).includes(id)) return { kind: 'measure', measure: id as MeasureId };
  const dimension = DIMENSIONS.find((d) => d === id);
  return dimension ? { kind: 'dimension', dimension } : null;
}

/**
 * Each spec resolved to a column index and a role. The last "=" splits the spec, so a header may
 * itself hold "=" ("Cost = spend=cost").
 */
export function resolveCorrections(
  specs: readonly string[],
  given: Grid | Table,
  options: Pick<ReportOptions, 'lang' | 'headerRow'>,
): Corrections {
  if (specs.length === 0) return { ok: true, overrides: {} };
  // The header row as the engine finds it, read directly: corrections are often needed exactly
  // where the engine refuses the sheet as it stands (two columns read as one measure).
  const table = asTable(given);
  const found = options.headerRow ?? detectHeaderRow(headRows(table, HEADER_SCAN_ROWS));
  const cells = found === null ? [] : table.row(found);
  const headers = cells.map((cell, index) => ({
    index,
    header: cell === null || cell === undefined ? '' : String(cell).replace(/^\ufeff/, ''),
    letter: columnLetter(index),
  }));
  const headerRow = (found ?? 0) + 1;
  const overrides: Record<number, ColumnRole> = {};
  for (const spec of specs) {
    const eq = spec.lastIndexOf('=');
    if (eq <= 0)
      return fail(`--map "${spec}": write it as "<header or letter>=<role>", e.g. --map "F=clicks"`);
    const columnText = spec.slice(0, eq);
    const roleText = spec.slice(eq + 1);
    const role = roleFromName(roleText);
    if (!role) {
      return fail(
        `--map "${spec}": "${roleText}" is not a measure id, a dimension or "ignore" (measures: ${MEASURE_IDS.join(', ')}; dimensions: ${DIMENSIONS.join(', ')})`,
      );
    }
    const wanted = norm(columnText);
    const letter = columnText.trim().toUpperCase();
    const column =
      headers.find((m) => m.header !== '' && norm(m.header) === wanted) ??
      (/^[A-Z]{1,3}$/.test(letter) ? { index: letterIndex(letter) } : undefined);
    if (!column) {
      const named = headers
        .filter((m) => m.header.trim() !== '')
        .map((m) => `${m.letter} "${m.header.trim()}"`);
      return fail(
        `--map "${spec}": no column "${columnText}" in the header row (row ${headerRow})${named.length > 0 ? `; the headers are ${named.join(', ')}` : ''} (or give a column letter)`,
      );
    }
    if (overrides[column.index] !== undefined)
      return fail(`--map "${spec}": that column is already mapped by an earlier --map`);
    overrides[column.index] = role;
  }
  return { ok: true, overrides };
}

/** "A" → 0, "AA" → 26. */
function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function fail(message: string): Corrections {
  return { ok: false, message };
}
