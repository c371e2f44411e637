import type { InputKind } from '../kpi/types';
import { type NumberReading, readDurationSeconds, readNumber } from '../numbers/parse-number';

/** An input value read for a KPI, or why it cannot be used (as words that follow the input's name). */
export type InputReading = { ok: true; value: number } | { ok: false; blank: boolean; problem: string };

/** Longest part of an argument an error message repeats (a 1 MB text cell made a 1 MB message). */
export const ECHO_LIMIT = 100;

/** An argument as an error message shows it: at most ECHO_LIMIT characters, then how long it was. */
export function echo(v: unknown): string {
  const text = String(v);
  if (text.length <= ECHO_LIMIT) return text;
  return `${text.slice(0, ECHO_LIMIT)}… (${text.length.toLocaleString('en')} characters)`;
}

const quote = (v: unknown): string => (typeof v === 'string' ? `"${echo(v)}"` : echo(v));

function notUsable(
  reading: Exclude<NumberReading, { ok: true }>,
  raw: unknown,
  kind: InputKind,
): InputReading {
  switch (reading.reason) {
    case 'blank':
      return { ok: false, blank: true, problem: 'is blank' };
    case 'date':
      return {
        ok: false,
        blank: false,
        problem:
          kind === 'duration'
            ? 'is a date or time cell; give the duration in seconds (e.g. =VALUE(A2)*86400)'
            : 'is a date, not a number',
      };
    case 'boolean':
      return { ok: false, blank: false, problem: `is ${quote(raw)}, not a number` };
    default:
      return { ok: false, blank: false, problem: `is not a number (${quote(raw)})` };
  }
}

/** Reads one cell for an input of the given kind, checking the kind's range. */
export function readInput(raw: unknown, kind: InputKind): InputReading {
  // Fast path: most cells are plain numbers.
  let value: number;
  if (typeof raw === 'number' && Number.isFinite(raw)) value = raw;
  else {
    const reading = kind === 'duration' ? readDurationSeconds(raw) : readNumber(raw);
    if (!reading.ok) return notUsable(reading, raw, kind);
    value = reading.value;
  }
  switch (kind) {
    case 'count':
      return value < 0
        ? { ok: false, blank: false, problem: `is negative (${value}); a count cannot be` }
        : { ok: true, value };
    case 'amount':
    case 'nonneg_rate':
    case 'duration':
      return value < 0 ? { ok: false, blank: false, problem: `is negative (${value})` } : { ok: true, value };
    case 'fraction':
      if (value > 1 && value <= 100)
        return {
          ok: false,
          blank: false,
          problem: `is ${value}; write it as a fraction or percent (${value}% or ${value / 100})`,
        };
      return value < 0 || value > 1
        ? { ok: false, blank: false, problem: `is ${value}; it must be between 0 and 1 (0% to 100%)` }
        : { ok: true, value };
    default:
      return { ok: true, value };
  }
}

/**
 * The same reading for hot loops over ranges: the value, or NaN when the cell cannot be used
 * (ranges blank such rows, so the reason is not needed). Plain numbers take no allocation.
 */
export function readInputValue(raw: unknown, kind: InputKind): number {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return Number.NaN;
    switch (kind) {
      case 'signed':
      case 'scores':
        return raw;
      case 'fraction':
        return raw >= 0 && raw <= 1 ? raw : Number.NaN;
      default:
        return raw >= 0 ? raw : Number.NaN;
    }
  }
  const read = readInput(raw, kind);
  return read.ok ? read.value : Number.NaN;
}
