/** The shortcut for plain number texts gives exactly what the one number reader gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAIN_COMMA, PLAIN_DOT, readPlain } from '../../../src/core/detect/analyse';
import { readNumber } from '../../../src/core/numbers/parse-number';

const reader = (text: string, decimal: '.' | ',') => {
  const r = readNumber(text, { decimal });
  return r.ok ? r.value : null;
};

describe('readPlain', () => {
  it.each([
    ['1234', '.', 1234],
    ['-1,234.5', '.', -1234.5],
    ['12,345,678.25', '.', 12345678.25],
    ['1.234,5', ',', 1234.5],
    ['1,5', ',', 1.5],
    ['1.234', ',', 1234],
  ] as const)('%s (%s) → %d', (text, decimal, want) => {
    expect(readPlain(text, decimal)).toBe(want);
    expect(reader(text, decimal)).toBe(want);
  });

  it('leaves everything else to readNumber', () => {
    for (const t of ['$5', '1,23', '12%', '(5)', '۱۲', '1 234', '1,234,5', ''])
      expect(readPlain(t, '.')).toBeNull();
  });

  it('agrees with readNumber on every text it accepts', () => {
    const digits = fc.stringMatching(/^-?[0-9]{1,12}([.,][0-9]{1,6})?$/);
    const grouped = fc
      .tuple(
        fc.boolean(),
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.constantFrom('.', ','),
      )
      .map(([neg, n, frac, mark]) => {
        const group = mark === '.' ? ',' : '.';
        const int = n.toLocaleString('en-US').replace(/,/g, group);
        return `${neg ? '-' : ''}${int}${frac > 0 ? `${mark}${frac}` : ''}`;
      });
    fc.assert(
      fc.property(fc.oneof(digits, grouped), fc.constantFrom<'.' | ','>('.', ','), (text, decimal) => {
        const fast = readPlain(text, decimal);
        if (fast !== null) {
          expect(PLAIN_DOT.test(text) || PLAIN_COMMA.test(text)).toBe(true);
          expect(fast).toBe(reader(text, decimal));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
