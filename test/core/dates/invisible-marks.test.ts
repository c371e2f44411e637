/** Dates from right-to-left exports: the number reader's invisible marks (INVISIBLES) are dropped. */
import { describe, expect, it } from 'vitest';
import { isoOfDay, readDate } from '../../../src/core/dates/parse-date';

const iso = (v: string) => {
  const d = readDate(v, 'dmy');
  return d ? isoOfDay(d.day) : null;
};

describe('readDate with bidi and zero-width marks', () => {
  it.each([
    ['\u200e2026-09-01\u200e', '2026-09-01'], // LRM around
    ['2026\u200e-09-01', '2026-09-01'], // LRM inside: must not split the date
    ['\u2066۱۴۰۵/۰۷/۱۵\u2069', '2026-10-07'], // isolate, Persian digits, Jalali
    ['\u200f٢٠٢٦/٠٩/٠١', '2026-09-01'], // RLM, Arabic-Indic digits
    ['\ufeff2026-09-01', '2026-09-01'], // BOM left on the first cell
    ['1\u00a0Sep\u00a02026', '2026-09-01'], // no-break spaces still separate words
    ['08/09/2026\u200b', '2026-09-08'],
  ])('%j → %s', (v, want) => expect(iso(v)).toBe(want));
});
