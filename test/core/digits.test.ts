/**
 * One digit system per language (docs/digits.md): every number Mizan writes as text in Arabic
 * or Persian uses that language's digits, separators and percent sign, never a mix.
 */
import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, localNumber } from '../../src/core/i18n/digits';
import { readNumber } from '../../src/core/numbers/parse-number';
import { thresholdText } from '../../src/core/report/rules';

describe('numbers as text in each language', () => {
  it('English keeps Latin digits, comma grouping, point decimals and % after', () => {
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatPercent(0.0666, 'en', 2)).toBe('6.66%');
  });

  it('Persian: ۰-۹ with ٬ ٫ and ٪ after the number', () => {
    expect(formatCount(1234567, 'fa')).toBe('۱٬۲۳۴٬۵۶۷');
    expect(formatPercent(0.0666, 'fa', 2)).toBe('۶٫۶۶٪');
    expect(formatPercent(0.85, 'fa')).toBe('۸۵٪');
  });

  it('Arabic: Arabic-Indic ٠-٩ (not Latin, as Intl writes "ar"), with ٬ ٫ and ٪ after', () => {
    expect(formatCount(248, 'ar')).toBe('٢٤٨');
    expect(formatCount(1234.5, 'ar', 1)).toBe('١٬٢٣٤٫٥');
    expect(formatPercent(0.05, 'ar', 2)).toBe('٥٫٠٠٪');
  });

  it('reads back as the same number with the shared number reader', () => {
    for (const lang of ['en', 'ar', 'fa'] as const) {
      const n = readNumber(formatCount(1234.5, lang, 1));
      expect(n.ok && n.value, lang).toBe(1234.5);
      const p = readNumber(formatPercent(0.0666, lang, 2));
      expect(p.ok && p.percent && p.value, lang).toBeCloseTo(0.0666, 12);
    }
  });

  it('localNumber turns only the marks of a number written the English way', () => {
    expect(localNumber('-3.50', 'fa')).toBe('-۳٫۵۰');
    expect(localNumber('12%', 'ar')).toBe('١٢٪');
  });
});

describe('benchmark thresholds in the report', () => {
  const judge = {
    kind: 'benchmark' as const,
    source: 'x',
    thresholds: { direction: 'higher' as const, good: 0.0666, fair: 0.05 },
  };

  it('every number of a Persian or Arabic threshold cell in that language’s digits, the percent sign after it', () => {
    expect(thresholdText(judge, 'rate', 'en')).toBe('≥ 6.66% good · ≥ 5.00% fair');
    // After an invisible Arabic letter mark, which keeps "٪" on one side of every number
    // (test/browser/bidi-percent.test.ts measures it in Chromium).
    expect(thresholdText(judge, 'rate', 'fa')).toBe('\u061c≥ ۶٫۶۶٪ خوب | ≥ ۵٫۰۰٪ متوسط');
    expect(thresholdText(judge, 'rate', 'ar')).toBe('\u061c≥ ٦٫٦٦٪ جيد | ≥ ٥٫٠٠٪ مقبول');
  });
});
