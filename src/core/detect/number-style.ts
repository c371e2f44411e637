/**
 * Which character is the decimal mark in a file: "1.234" is one thousand two hundred and
 * thirty-four in Berlin and one point two three four in London, and reading it the wrong way is
 * a silently wrong total. The decision weighs all the evidence of the file, not one column:
 * values that settle it ("1.234,56", "12,5", "1,234.5"), counts that would become fractional
 * ("45.678 clicks"), and the delimiter (";" is what European Excel writes). When nothing settles
 * it, the reading used is reported as a guess.
 */
import type { DecimalMark } from '../numbers/parse-number';
import { normalizeDigits } from '../numbers/parse-number';

export type Mark = '.' | ',';

/** What one column's text numbers say about the decimal mark. */
export interface MarkEvidence {
  /** Values only a '.' decimal reads ("1,234.5", "12.5", "1,234,567"). */
  dot: number;
  /** Values only a ',' decimal reads ("1.234,5", "12,5", "1.234.567"). */
  comma: number;
  /** Values that read either way: one '.' before exactly three digits ("45.678"). */
  ambiguousDot: number;
  /** Values that read either way: one ',' before exactly three digits ("1,234"). */
  ambiguousComma: number;
}

export const noEvidence = (): MarkEvidence => ({ dot: 0, comma: 0, ambiguousDot: 0, ambiguousComma: 0 });

/** Adds what one text cell says. Arabic/Persian separators (٫ ٬) settle nothing here: they are unambiguous. */
export function weigh(evidence: MarkEvidence, raw: string): void {
  const s = normalizeDigits(raw);
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    if (lastDot > lastComma) evidence.dot++;
    else evidence.comma++;
  } else if (lastComma >= 0) {
    if (s.indexOf(',') !== lastComma) evidence.dot++;
    else if (/\d,\d{3}(?!\d)/.test(s)) evidence.ambiguousComma++;
    else if (/\d,\d/.test(s) || /^,\d/.test(s)) evidence.comma++;
  } else if (lastDot >= 0) {
    if (s.indexOf('.') !== lastDot) evidence.comma++;
    else if (/\d\.\d{3}(?!\d)/.test(s)) evidence.ambiguousDot++;
    else if (/\d\.\d/.test(s) || /^\.\d/.test(s)) evidence.dot++;
  }
}

/** How the file's mark was decided, for the note that says so. */
export type MarkBasis = 'forced' | 'values' | 'counts' | 'delimiter' | 'default';

export interface FileMark {
  readonly mark: Mark;
  readonly basis: MarkBasis;
  /** Some values read differently under the other mark and nothing settled it for sure. */
  readonly ambiguous: boolean;
}

export interface ColumnEvidence {
  readonly evidence: MarkEvidence;
  /** The column counts whole things (clicks, orders): "45.678" cannot be 45.678 of them. */
  readonly counts: boolean;
}

/**
 * The file's mark. `forced` wins (the `--decimal` option); then values that settle it (the
 * majority across all columns); then count columns whose values would turn fractional; then a
 * ";" delimiter; else "." (the platforms' own default), flagged as ambiguous when it mattered.
 */
export function decideFileMark(
  columns: readonly ColumnEvidence[],
  forced: DecimalMark | undefined,
  delimiter: string | undefined,
): FileMark {
  const ambiguousAny = columns.some((c) => c.evidence.ambiguousDot > 0 || c.evidence.ambiguousComma > 0);
  if (forced === '.' || forced === ',') return { mark: forced, basis: 'forced', ambiguous: false };
  let dot = 0;
  let comma = 0;
  for (const c of columns) {
    dot += c.evidence.dot;
    comma += c.evidence.comma;
  }
  if (dot !== comma) return { mark: comma > dot ? ',' : '.', basis: 'values', ambiguous: false };
  // Counts: "45.678" clicks is only a whole number with '.' grouping; "1,234" with ',' grouping.
  let countsSayComma = 0;
  let countsSayDot = 0;
  for (const c of columns) {
    if (!c.counts) continue;
    countsSayComma += c.evidence.ambiguousDot;
    countsSayDot += c.evidence.ambiguousComma;
  }
  if (countsSayComma !== countsSayDot)
    return { mark: countsSayComma > countsSayDot ? ',' : '.', basis: 'counts', ambiguous: false };
  if (delimiter === ';') return { mark: ',', basis: 'delimiter', ambiguous: ambiguousAny };
  return { mark: '.', basis: 'default', ambiguous: ambiguousAny };
}

/**
 * One column's mark: its own settling values when they agree, else the file's. A column whose
 * values contradict each other keeps the file's mark (its odd values are then read as they come).
 */
export function columnMark(evidence: MarkEvidence, file: FileMark): Mark {
  if (file.basis === 'forced') return file.mark;
  if (evidence.dot > 0 && evidence.comma === 0) return '.';
  if (evidence.comma > 0 && evidence.dot === 0) return ',';
  return file.mark;
}
