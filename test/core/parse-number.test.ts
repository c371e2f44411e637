import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeDigits, readDurationSeconds, readNumber } from '../../src/core/numbers/parse-number';

const value = (v: unknown, decimal?: '.' | ',' | 'auto') => {
  const r = readNumber(v, decimal ? { decimal } : {});
  return r.ok ? r.value : null;
};

describe('readNumber: examples', () => {
  it.each([
    ['1234', 1234],
    ['1,234', 1234],
    ['12,345,678.9', 12345678.9],
    ['1.234.567,89', 1234567.89],
    ['1,5', 1.5],
    ['  42 ', 42],
    ['$1,234.56', 1234.56],
    ['1,234.56 USD', 1234.56],
    ['USD 99', 99],
    ['€12,50', 12.5],
    ['£3', 3],
    ['(120.00)', -120],
    ['($1,200.50)', -1200.5],
    ['-$5', -5],
    ['$-5', -5],
    ['5-', -5],
    ['−7', -7],
    ['12%', 0.12],
    ['3.21%', 0.0321],
    ['٪۱۲', 0.12],
    ['۱۲٪', 0.12],
    ['۱۲٬۳۴۵', 12345],
    ['۳٫۵', 3.5],
    ['٣٫٥', 3.5],
    ['١٬٢٣٤٬٥٦٧٫١٢٥', 1234567.125],
    ['۲۵۰٬۰۰۰ تومان', 250000],
    ['۱۲۰۰۰۰۰ ریال', 1200000],
    ['٥٠٠ ر.س', 500],
    ['د.إ ١٢٠', 120],
    ['﷼ 1,000', 1000],
    ['12,34,567', 1234567],
    ['1e3', 1000],
    ['1\u00a0234\u202f567', 1234567],
    ['\u200e−\u200e$۱٬۲۳۴٫۵۰', -1234.5],
    ['$ (1,200)', -1200],
    ['100 ر.س.', 100],
    ['1 234 567,5', 1234567.5],
    ['\ufeff42', 42],
    [7, 7],
    [-0.5, -0.5],
  ])('%j → %d', (input, expected) => {
    expect(value(input)).toBeCloseTo(expected as number, 12);
  });

  it.each([
    ['4 2'],
    ['12 34'],
    ['1 2345'],
    ['abc'],
    ['1,23,4'],
    ['12..3'],
    ['$'],
    ['%'],
    ['1-2'],
    ['n/a'],
    ['--5'],
    ['1.2.3,4,5'],
  ])('%j is not a number', (input) => {
    const r = readNumber(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('not-a-number');
  });

  it('says why a value is not a number', () => {
    expect(readNumber('')).toEqual({ ok: false, reason: 'blank' });
    expect(readNumber('  ')).toEqual({ ok: false, reason: 'blank' });
    expect(readNumber(null)).toEqual({ ok: false, reason: 'blank' });
    expect(readNumber(true)).toMatchObject({ ok: false, reason: 'boolean' });
    expect(readNumber(new Date(0))).toMatchObject({ ok: false, reason: 'date' });
    expect(readNumber(Number.NaN)).toMatchObject({ ok: false, reason: 'not-a-number' });
  });

  it('keeps the currency and the percent sign for display', () => {
    expect(readNumber('۲۵۰٬۰۰۰ تومان')).toMatchObject({ currency: 'تومان', percent: false });
    expect(readNumber('$5')).toMatchObject({ currency: '$' });
    expect(readNumber('5%')).toMatchObject({ percent: true, currency: null });
  });

  it('a column-level decimal mark overrides the per-value guess', () => {
    expect(value('1,234', ',')).toBeCloseTo(1.234, 12);
    expect(value('1.234', ',')).toBe(1234);
    expect(value('1.234', '.')).toBeCloseTo(1.234, 12);
  });

  it('normalizes Persian and Arabic-Indic digits', () => {
    expect(normalizeDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(normalizeDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });

  it('reads durations as seconds', () => {
    const secs = (v: unknown) => {
      const r = readDurationSeconds(v);
      return r.ok ? r.value : null;
    };
    expect(secs('1:02:03')).toBe(3723);
    expect(secs('02:30')).toBe(150);
    expect(secs('۰۱:۰۰:۰۰')).toBe(3600);
    expect(secs(90)).toBe(90);
    expect(secs('1:75')).toBe(null);
  });
});

/** Numbers as ICU (not our code) writes them in each locale, read back by the reader. */
describe('readNumber: properties against Intl.NumberFormat', () => {
  const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
  const near = (a: number | null, b: number) =>
    a !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

  for (const locale of ['en-US', 'fa-IR', 'ar-EG', 'ar-SA', 'de-DE', 'fr-FR', 'en-IN']) {
    it(`reads ${locale} grouped numbers`, () => {
      const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
      fc.assert(
        fc.property(finite, (x) => {
          const rounded = Math.round(x * 100) / 100;
          const decimal = locale === 'de-DE' || locale === 'fr-FR' ? ',' : 'auto';
          return near(value(fmt.format(rounded), decimal), rounded);
        }),
      );
    });
    it(`reads ${locale} currency and percent`, () => {
      const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' });
      const pct = new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: 2,
        minimumFractionDigits: 2,
      });
      const decimal = locale === 'de-DE' || locale === 'fr-FR' ? ',' : 'auto';
      fc.assert(
        fc.property(fc.integer({ min: -1e9, max: 1e9 }), (cents) => {
          const x = cents / 100;
          return (
            near(value(money.format(x), decimal), x) && near(value(pct.format(x / 100), decimal), x / 100)
          );
        }),
      );
    });
  }

  it('plain integers round-trip whatever digits they are written in', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        const ascii = String(n);
        const persian = ascii.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
        const arabic = ascii.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
        return value(ascii) === n && value(persian) === n && value(arabic) === n;
      }),
    );
  });

  it('parentheses negate and percent divides by 100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        (n) => value(`(${n})`) === -n && near(value(`${n}%`), n / 100),
      ),
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const r = readNumber(s);
        return r.ok ? Number.isFinite(r.value) : typeof r.reason === 'string';
      }),
    );
  });
});
