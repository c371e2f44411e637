/**
 * --group-by: a column named by its header text (as it is written in the file) or by its letter;
 * "none" for no groups. Resolved against the first rows, where the header is, before the engine
 * runs, so the engine reads the file once.
 */
import { normalizeDigits } from '../core/numbers/parse-number';

const SCAN_ROWS = 50;

export type GroupBy =
  | { readonly ok: true; readonly column: number | null }
  | { readonly ok: false; readonly message: string };

const norm = (text: string): string => normalizeDigits(text).replace(/\s+/g, ' ').trim().toLowerCase();

export function resolveGroupBy(spec: string, grid: readonly (readonly unknown[])[]): GroupBy {
  if (norm(spec) === 'none') return { ok: true, column: null };
  const wanted = norm(spec);
  const rows = grid.slice(0, SCAN_ROWS);
  for (const row of rows) {
    const index = row.findIndex((cell) => typeof cell === 'string' && norm(cell) === wanted);
    if (index >= 0) return { ok: true, column: index };
  }
  if (/^[a-z]{1,3}$/i.test(spec.trim())) return { ok: true, column: letterIndex(spec.trim().toUpperCase()) };
  const headers = widestRow(rows)
    .filter((c): c is string => typeof c === 'string' && c.trim() !== '')
    .map((c) => `"${c.trim()}"`);
  return {
    ok: false,
    message: `--group-by: no column "${spec}"${headers.length > 0 ? `; the headers are ${headers.join(', ')}` : ''} (or give a column letter, or "none")`,
  };
}

function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function widestRow(rows: readonly (readonly unknown[])[]): readonly unknown[] {
  let best: readonly unknown[] = [];
  let count = -1;
  for (const row of rows) {
    const filled = row.filter((c) => typeof c === 'string' && c.trim() !== '').length;
    if (filled > count) {
      best = row;
      count = filled;
    }
  }
  return best;
}
