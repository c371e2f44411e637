/**
 * A CSV file as Sheets shows it after "File → Import" with type conversion on: plain numbers
 * become numbers, ISO dates become dates (midnight UTC), everything else stays text (Persian and
 * Arabic-Indic digits, "1,234.50", "$12" stay text, as the engine must read them itself).
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export type SheetValue = string | number | Date;

export function sheetValue(text: string): SheetValue {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
  return text;
}

export function csvToSheetValues(csv: string): SheetValue[][] {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const rows = parsed.data.filter((r, i, all) => !(i === all.length - 1 && r.length === 1 && r[0] === ''));
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => sheetValue(r[i] ?? '')));
}

export function readCsvSheet(path: string | URL): SheetValue[][] {
  return csvToSheetValues(readFileSync(path, 'utf8'));
}
