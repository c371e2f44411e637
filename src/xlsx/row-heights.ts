/**
 * Heights for report rows whose header text wraps. Header cells wrap (styles.ts), but neither
 * Excel nor LibreOffice grows a row written without a height when it opens the file: a long KPI
 * name ("Click-through rate (CTR)") in a narrow column is then cut to its last line. The number
 * of lines is estimated by wrapping the words greedily at the column's width in characters.
 */
import type { Cell } from '../core/report/model';

/** Points per line of 10 pt text, and a little room above and below. */
const LINE = 13;
const PADDING = 3;
/** Excel's default row height (points): rows that need no more keep it. */
const DEFAULT_HEIGHT = 15;
/** Bold header text is wider than the character unit the column width is measured in. */
const BOLD = 1.1;

/** Width units of a bold word: by default its characters at BOLD each. */
export type WordUnits = (word: string, bold: boolean) => number;
const byLength: WordUnits = (word) => word.length * BOLD;

/** Lines a text takes wrapped at `width` characters (a word longer than the width takes its own). */
export function wrappedLines(text: string, width: number, units: WordUnits = byLength): number {
  const room = Math.max(1, width - 1);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const length = units(word, true);
    if (used === 0) used = length;
    else if (used + 1 + length <= room) used += 1 + length;
    else {
      lines++;
      used = length;
    }
    if (used > room) {
      lines += Math.ceil(used / room) - 1;
      used = used % room;
    }
  }
  return lines;
}

/** The height a row needs for its wrapped header cells, or null when none wraps. */
export function headerRowHeight(
  cells: ReadonlyMap<number, Cell>,
  widths: readonly number[],
  units?: WordUnits,
): number | null {
  let lines = 1;
  for (const [col, cell] of cells) {
    if (cell.style !== 'header' || typeof cell.v !== 'string') continue;
    lines = Math.max(lines, wrappedLines(cell.v, widths[col] ?? 10, units));
  }
  // One line fits the row's own height (a header that does not wrap needs nothing more).
  if (lines === 1) return null;
  const height = lines * LINE + PADDING;
  return height > DEFAULT_HEIGHT ? height : null;
}
