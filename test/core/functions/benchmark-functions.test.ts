/** KPI_STATUS and KPI_BENCHMARK through the built bundle, as Sheets calls them. */
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleSource, loadBundle, type SheetFn } from '../../helpers/bundle';

let f: Record<string, SheetFn>;
beforeAll(() => {
  f = loadBundle();
});
const status = (...a: unknown[]) => (f.KPI_STATUS as SheetFn)(...a);
const bench = (...a: unknown[]) => (f.KPI_BENCHMARK as SheetFn)(...a);
const col = (...v: unknown[]) => v.map((x) => [x]);

describe('KPI_STATUS', () => {
  // Search CTR median 6.66% (LocaliQ–WordStream 2025): good ≥ 6.66%, fair ≥ 4.995%.
  it.each([
    [0.07, 'good'],
    [0.0666, 'good'],
    [0.05, 'fair'],
    [0.0499, 'poor'],
  ])('search CTR %f is %s', (v, want) => {
    expect(status('ctr', v, 'search')).toBe(want);
  });

  it('lower is better: CPC $5.26 good, $6.00 fair (≤ $6.575), $7 poor', () => {
    expect(status('cpc', 5.26, 'search')).toBe('good');
    expect(status('cpc', 6, 'search')).toBe('fair');
    expect(status('cpc', 7, 'search')).toBe('poor');
  });

  it('accepts the KPI by id, function name, or English, Arabic, Persian name', () => {
    for (const name of [
      'ctr',
      'CTR',
      'Click-through rate (CTR)',
      'click through rate',
      'نسبة النقر',
      'نرخ کلیک',
      'نرخ كليك',
    ])
      expect(status(name, 0.07, 'search'), name).toBe('good');
  });

  it('reads values written as text, percents and Persian digits', () => {
    expect(status('open_rate', '22%', 'email')).toBe('good');
    expect(status('open_rate', '۲۲٪', 'email')).toBe('good');
    expect(status('open_rate', '0.17', 'email')).toBe('fair'); // ≥ 15.9975%
  });

  it('speaks Arabic and Persian when asked', () => {
    expect(status('ctr', 0.07, 'search', 'ar')).toBe('جيد');
    expect(status('ctr', 0.05, 'search', 'fa_IR')).toBe('متوسط');
    expect(status('ctr', 0.01, 'search', 'fa')).toBe('ضعیف');
  });

  it('a range of values gives a range of statuses; a header row and blanks give ""', () => {
    expect(status('ctr', col('CTR', 0.07, '', 0.05, 0.01), 'search')).toEqual(
      col('', 'good', '', 'fair', 'poor'),
    );
  });

  it('broadcasts KPI and profile columns against values', () => {
    // Display CTR 0.46% (1% is good); display CPC $0.63, fair up to $0.7875; bounce 30% inside 25–40%.
    const out = status(
      col('ctr', 'cpc', 'cpc', 'bounce_rate'),
      col(0.01, 0.7, 1, 0.3),
      col('display', 'display', 'display', 'website'),
    );
    expect(out).toEqual(col('good', 'fair', 'poor', 'good'));
  });

  it('bounce rate band 25–40% (any profile agrees)', () => {
    expect(status('bounce_rate', 0.3)).toBe('good');
    expect(status('bounce_rate', 0.45)).toBe('fair');
    expect(status('bounce_rate', 0.8)).toBe('poor');
  });

  it('no published benchmark: "" (no colour)', () => {
    expect(status('response_rate', 0.2, 'messaging')).toBe('');
    expect(status('churn_rate', 0.2)).toBe('');
  });

  it('asks for the profile when profiles disagree', () => {
    expect(() => status('ctr', 0.05)).toThrow(
      /different benchmarks in the profiles search, social, social-leads, display; give the profile/,
    );
  });

  it('says what is wrong with a bad KPI, profile, value or shape', () => {
    expect(() => status('ctrr', 0.05, 'search')).toThrow('KPI_STATUS: "ctrr" is not a KPI Mizan knows');
    expect(() => status('ctr', 0.05, 'tv')).toThrow(
      'KPI_STATUS: "tv" is not a benchmark profile; use one of search, social',
    );
    expect(() => status('ctr', 'abc', 'search')).toThrow('KPI_STATUS: value is not a number ("abc")');
    expect(() => status(col('ctr', 'cpc'), col(1, 2, 3), 'search')).toThrow(
      'KPI_STATUS: kpi is 2×1 but value is 3×1',
    );
  });
});

describe('KPI_BENCHMARK', () => {
  it('one row: direction, good from/to, fair from/to, source, year, currency', () => {
    const [row] = bench('ctr', 'search') as unknown[][];
    expect(row?.slice(0, 5)).toEqual(['higher', 0.0666, '', expect.any(Number), '']);
    expect(row?.[3]).toBeCloseTo(0.04995, 12);
    expect(String(row?.[5])).toContain('LocaliQ–WordStream');
    expect(row?.slice(6)).toEqual([2025, '']);
  });

  it('lower and band directions, currency, undated sources', () => {
    const [cpc] = bench('CPC', 'search') as unknown[][];
    expect(cpc?.slice(0, 5)).toEqual(['lower', '', 5.26, '', expect.any(Number)]);
    expect(cpc?.[7]).toBe('USD');
    const [bounce] = bench('نرخ پرش', 'website') as unknown[][];
    expect(bounce?.slice(0, 5)).toEqual(['band', 0.25, 0.4, 0.1875, expect.any(Number)]);
    expect(bounce?.[4]).toBeCloseTo(0.5, 12);
    expect(bounce?.[6]).toBe(''); // undated article: no year invented
  });

  it('a column of KPIs gives one row each; a KPI without benchmark says so', () => {
    const out = bench(col('open_rate', 'response_rate'), 'email') as unknown[][];
    expect(out).toHaveLength(2);
    expect(out[0]?.[1]).toBe(0.2133);
    expect(out[1]?.slice(0, 6)).toEqual(['higher', '', '', '', '', 'no published benchmark']);
  });
});

describe('build', () => {
  it('emits stubs with JSDoc for both functions', () => {
    const src = bundleSource();
    expect(src).toMatch(/@customfunction\s*\*\/\s*function KPI_STATUS\(kpi, value, profile, lang\)/);
    expect(src).toMatch(/@customfunction\s*\*\/\s*function KPI_BENCHMARK\(kpi, profile\)/);
  });
});
