/** A1 notation on one sheet: cells and rectangles, 0-based inside. */
import { a1 as cellRef, columnIndex } from '../core/detect/letters';

export { cellRef };

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/;

function parseCell(ref: string): { row: number; col: number } | null {
  const m = CELL.exec(ref.trim().toUpperCase());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1] as string) };
}

/** "C8:C14" or "C8" → a rectangle; null when it is not a plain A1 range on this sheet. */
export function parseRange(range: string): Rect | null {
  const [a, b = a] = range.split(':');
  const start = parseCell(a ?? '');
  const end = parseCell(b ?? '');
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

export function contains(rect: Rect, row: number, col: number): boolean {
  return row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
}
