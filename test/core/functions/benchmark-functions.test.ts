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
  // Search CTR 6.64% (LocaliQ / WordStream "Google Ads Benchmarks 2026", all industries, quoted by
  // victorinollc.com): good ≥ 6.64%, fair ≥ 0.75 × 6.64% = 4.98%.
  it.each([
    [0.07, 'good'],
    [0.0664, 'good'],
    [0.0663, 'fair'],
    [0.0498, 'fair'],
    [0.0497, 'poor'],
  ])('search CTR %f is %s', (v, want) => {
    expect(status('ctr', v, 'search')).toBe(want);
  });

  it('lower is better: CPC $5.42 good, $6.00 fair (≤ 1.25 × 5.42 = $6.775), $7 poor', () => {
    expect(status('cpc', 5.42, 'search')).toBe('good');
    expect(status('cpc', 5.43, 'search')).toBe('fair');
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
    // Facebook traffic CTR 1.71% (WordStream 2025, quoted by adplay.ai): 2% is good.
    // Search CPC $5.42: $6 is fair (≤ 1.25 × 5.42 = $6.775), $7 poor.
    // Email open rate 21.5% (Campaign Monitor 2022 report): 20% is fair (≥ 0.75 × 21.5% = 16.125%).
    const out = status(
      col('ctr', 'cpc', 'cpc', 'open_rate'),
      col(0.02, 6, 7, 0.2),
      col('social', 'search', 'search', 'email'),
    );
    expect(out).toEqual(col('good', 'fair', 'poor', 'fair'));
  });

  it('bounce rate: the undated Universal Analytics 25–40% band is gone, so no colour', () => {
    expect(status('bounce_rate', 0.3)).toBe('');
    expect(status('bounce_rate', 0.3, 'website')).toBe('');
  });

  it('an industry profile by id: retail email opens 17.1% (Campaign Monitor 2022, Retail)', () => {
    expect(status('open_rate', 0.171, 'email/retail')).toBe('good');
    expect(status('open_rate', 0.13, 'email/retail')).toBe('fair'); // ≥ 0.75 × 17.1% = 12.825%
    expect(status('open_rate', 0.12, 'email/retail')).toBe('poor');
  });

  it('no published benchmark: "" (no colour)', () => {
    expect(status('response_rate', 0.2, 'messaging')).toBe('');
    expect(status('churn_rate', 0.2)).toBe('');
  });

  it('asks for the profile when profiles disagree', () => {
    expect(() => status('ctr', 0.05)).toThrow(
      /different benchmarks in the profiles search, social, social-leads; give the profile/,
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
  it('one row: direction, good from/to, fair from/to, source, year, currency, scope, link', () => {
    const [row] = bench('ctr', 'search') as unknown[][];
    expect(row?.slice(0, 5)).toEqual(['higher', 0.0664, '', expect.any(Number), '']);
    expect(row?.[3]).toBeCloseTo(0.0498, 12);
    expect(String(row?.[5])).toContain('LocaliQ / WordStream, "Google Ads Benchmarks 2026"');
    expect(String(row?.[5])).toContain('read on a page quoting it');
    expect(row?.slice(6, 8)).toEqual([2026, '']);
    expect(String(row?.[8])).toContain('13,474 US Google & Microsoft Ads search campaigns');
    expect(String(row?.[8])).toContain('Apr 2025 – Mar 2026');
    expect(String(row?.[8])).toContain("fair band: Mizan's rule");
    expect(row?.[9]).toBe('https://victorinollc.com/thinking/google-ads-2026-ai-bid-governance');
  });

  it('lower direction and currency; Mizan’s break-even rule says it is Mizan’s', () => {
    const [cpc] = bench('CPC', 'search') as unknown[][];
    expect(cpc?.slice(0, 5)).toEqual(['lower', '', 5.42, '', expect.any(Number)]);
    expect(cpc?.[7]).toBe('USD');
    const [roi] = bench('roi', 'search') as unknown[][];
    expect(roi?.slice(0, 5)).toEqual(['higher', 0, '', 0, '']);
    expect(String(roi?.[5])).toMatch(/^Mizan's rule: break-even/);
    expect(roi?.slice(6)).toEqual(['', '', '', '']); // no year, scope or link invented
  });

  it('a column of KPIs gives one row each; a KPI without benchmark says so', () => {
    const out = bench(col('open_rate', 'response_rate'), 'email') as unknown[][];
    expect(out).toHaveLength(2);
    expect(out[0]?.[1]).toBe(0.215); // Campaign Monitor 2022 report, all industries: 21.5%
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
