/**
 * Finding the header row under the titles, date ranges and comment lines exports put above it:
 * the row among the first ones whose cells best match known headers.
 */
import { matchHeader } from './match';

/** How many rows from the top are searched. */
export const HEADER_SCAN_ROWS = 50;

/** A row's header score: 2 per exact header, 1 per partial one; 0 for fewer than two filled cells. */
export function headerScore(row: readonly unknown[] | undefined): number {
  if (!row) return 0;
  let filled = 0;
  let score = 0;
  for (const cell of row) {
    if (typeof cell !== 'string') {
      if (cell !== '' && cell !== null && cell !== undefined) filled++;
      continue;
    }
    if (cell.trim() === '') continue;
    filled++;
    if (cell.trim().startsWith('#')) return 0; // GA4 comment lines
    const m = matchHeader(cell);
    if (m) score += m.confidence === 1 ? 2 : 1;
  }
  return filled >= 2 ? score : 0;
}

/** 0-based index of the header row, or null when no row looks like one. */
export function detectHeaderRow(grid: readonly (readonly unknown[])[]): number | null {
  let best = -1;
  let bestScore = 0;
  const end = Math.min(grid.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < end; r++) {
    const s = headerScore(grid[r]);
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  return best >= 0 ? best : null;
}
