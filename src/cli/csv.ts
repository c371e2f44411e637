/**
 * CSV text → grid of strings (papaparse), with the delimiter found from the data. Cells stay text:
 * numbers, dates and percentages are read by the engine with the one number reader.
 */
import Papa from 'papaparse';

/** Comma, semicolon (European Excel), tab (Excel "Unicode text"), pipe, Arabic semicolon. */
export const DELIMITERS = [',', ';', '\t', '|', '\u061b'] as const;

const SAMPLE_CHARS = 64 * 1024;
const CHUNK_CHARS = 4 * 1024 * 1024;

/**
 * The delimiter that splits the most sample lines into the same number (≥ 2) of fields.
 * Title, note and blank lines above or below the table do not sway it (papaparse's own guess
 * gives up on a blank line).
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  let best: string = DELIMITERS[0];
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter, skipEmptyLines: 'greedy', preview: 200 }).data;
    const counts = new Map<number, number>();
    for (const row of rows) if (row.length >= 2) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    const score = Math.max(0, ...counts.values());
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

export interface ParsedCsv {
  readonly rows: string[][];
  readonly delimiter: string;
}

/** Parses all of `text`; `onProgress(fraction)` is called between chunks of a large text. */
export function parseCsv(text: string, onProgress?: (fraction: number) => void): ParsedCsv {
  const delimiter = detectDelimiter(text);
  const rows: string[][] = [];
  if (text.length <= CHUNK_CHARS || !onProgress) {
    for (const row of Papa.parse<string[]>(text, { delimiter }).data) rows.push(row);
  } else {
    let chunks = 0;
    Papa.parse<string[]>(text, {
      delimiter,
      chunkSize: CHUNK_CHARS,
      chunk: (result: Papa.ParseResult<string[]>) => {
        for (const row of result.data) rows.push(row);
        onProgress(Math.min(1, (++chunks * CHUNK_CHARS) / text.length));
      },
    } as Papa.ParseConfig<string[]>);
  }
  // A final line break leaves one empty row behind; blank rows at the end carry nothing.
  while (rows.length > 0 && isBlank(rows[rows.length - 1] as string[])) rows.pop();
  return { rows, delimiter };
}

function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}
