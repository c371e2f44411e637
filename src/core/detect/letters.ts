/**
 * A1 notation, the one implementation: column letters ↔ 0-based index, and a cell's address.
 * Used by the report formulas, the .xlsx writer and the CLI.
 */

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The inverse of columnLetter: "A" → 0, "z" → 25, "AA" → 26; -1 when it is not letters A–Z. */
export function columnIndex(letters: string): number {
  if (!/^[a-z]+$/i.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A cell's relative A1 address from 0-based row and column: (0, 0) → "A1". */
export const a1 = (row: number, col: number): string => `${columnLetter(col)}${row + 1}`;

/** "1, 2, 3 …" for messages: at most `max` row numbers. */
export function rowList(rows: readonly number[], max = 10): string {
  const shown = rows.slice(0, max).join(', ');
  return rows.length > max ? `${shown} …` : shown;
}
