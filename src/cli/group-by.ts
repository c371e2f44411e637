/**
 * --group-by: a column named by its header text (as it is written in the header row the engine
 * detects) or by its letter; "none" for no groups. Resolved before the engine runs, against the
 * engine's own reading of the columns (detectColumns), so a data cell that happens to equal the
 * value (a campaign named "B") is never taken for a header.
 */
import { normalizeDigits } from '../core/numbers/parse-number';
import { detectColumns } from '../core/report';
import type { ColumnMapping } from '../core/report/model';
import type { ReportOptions } from '../core/report/options';
import type { Grid, Table } from '../core/table/table';

export type GroupBy =
  | { readonly ok: true; readonly column: number | null }
  | { readonly ok: false; readonly message: string };

type ReadOptions = Pick<ReportOptions, 'lang' | 'headerRow' | 'overrides'>;

const norm = (text: string): string => normalizeDigits(text).replace(/\s+/g, ' ').trim().toLowerCase();

const named = (m: ColumnMapping): string =>
  m.header.trim() === '' ? m.letter : `${m.letter} "${m.header.trim()}"`;

export function resolveGroupBy(spec: string, table: Grid | Table, options: ReadOptions): GroupBy {
  const wanted = norm(spec);
  if (wanted === 'none') return { ok: true, column: null };
  const preview = detectColumns(table, options);
  // No header row: the engine will say so itself, with its own hint; nothing to match against.
  if (!preview.ok) return { ok: true, column: null };
  const columns = preview.mapping;
  const column =
    columns.find((m) => m.header !== '' && norm(m.header) === wanted) ??
    (/^[a-z]{1,3}$/i.test(spec.trim())
      ? columns.find((m) => m.letter === spec.trim().toUpperCase())
      : undefined);
  const textColumns = columns.filter((m) => m.role.kind === 'dimension').map(named);
  const groupable =
    textColumns.length > 0 ? `group by a text column: ${textColumns.join(', ')}` : 'no column is text';
  if (!column) {
    const headers = columns.filter((m) => m.header.trim() !== '').map(named);
    return {
      ok: false,
      message: `--group-by: no column "${spec}" in the header row (row ${(preview.headerRow ?? 0) + 1}); the headers are ${headers.join(', ')} (or give a column letter, or "none")`,
    };
  }
  if (column.role.kind === 'measure') {
    return {
      ok: false,
      message: `--group-by: column ${named(column)} holds numbers (a measure); ${groupable}`,
    };
  }
  return { ok: true, column: column.index };
}
