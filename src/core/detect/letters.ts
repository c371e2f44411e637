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

/** "1, 2, 3 …" for messages: at most `max` row numbers. */
export function rowList(rows: readonly number[], max = 10): string {
  const shown = rows.slice(0, max).join(', ');
  return rows.length > max ? `${shown} …` : shown;
}
