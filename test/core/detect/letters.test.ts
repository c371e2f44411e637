import { describe, expect, it } from 'vitest';
import { a1, columnIndex, columnLetter } from '../../../src/core/detect/letters';

describe('A1 column letters', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD', // Excel's last column
    ]);
  });

  it('reads letters back, in either case; -1 for anything else', () => {
    expect(['A', 'z', 'AA', 'xfd'].map(columnIndex)).toEqual([0, 25, 26, 16383]);
    for (let i = 0; i < 20_000; i += 37) expect(columnIndex(columnLetter(i))).toBe(i);
    for (const bad of ['', 'A1', '1', 'É', ' A']) expect(columnIndex(bad)).toBe(-1);
  });

  it('addresses cells 0-based in, 1-based out', () => {
    expect(a1(0, 0)).toBe('A1');
    expect(a1(9, 27)).toBe('AB10');
  });
});
