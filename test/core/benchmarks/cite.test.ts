/** The legend line of a benchmark: source and year, "older than 3 years", the opens caveat, Mizan's rules. */
import { describe, expect, it } from 'vitest';
import { citationText } from '../../../src/core/benchmarks/cite';
import { benchmarkFor, profileById } from '../../../src/core/benchmarks/profiles';
import type { Benchmark } from '../../../src/core/benchmarks/types';

function bench(profile: string, kpi: string): Benchmark {
  const p = profileById(profile);
  const b = p && benchmarkFor(p, kpi);
  if (!b) throw new Error(`no ${kpi} in ${profile}`);
  return b;
}

describe('citationText', () => {
  it('dates a figure and says "older than 3 years" only once it is (edition year + 3 < this year)', () => {
    const ctor = bench('email', 'click_to_open_rate'); // Campaign Monitor, 2022 edition
    expect(citationText(ctor, 'en', 2025)).not.toContain('older than 3 years'); // 3 years old
    expect(citationText(ctor, 'en', 2026)).toContain('older than 3 years'); // 4 years old
    expect(citationText(ctor, 'en', 2026)).toMatch(
      /^Campaign Monitor, "Ultimate Email Marketing Benchmarks for 2022", 2022 /,
    );
    expect(citationText(ctor, 'fa', 2026)).toContain('قدیمی‌تر از ۳ سال');
    expect(citationText(ctor, 'ar', 2026)).toContain('أقدم من ٣ سنوات');
  });

  it('email opens always carry the privacy caveat, in every language, whatever the figure', () => {
    for (const p of ['email', 'email/retail', 'ecommerce']) {
      expect(citationText(bench(p, 'open_rate'), 'en', 2026)).toContain(
        'opens are inflated by privacy features (Apple Mail Privacy Protection) since 2021',
      );
      expect(citationText(bench(p, 'open_rate'), 'fa', 2026)).toContain('Apple Mail Privacy Protection');
    }
    expect(citationText(bench('email', 'click_to_open_rate'), 'en', 2026)).not.toContain('inflated');
  });

  it("labels Mizan's conventions as Mizan's: the fair band, and ROI break-even", () => {
    expect(citationText(bench('search', 'ctr'), 'en', 2026)).toMatch(
      /; fair band: Mizan's rule \(within 25%\)$/,
    );
    expect(citationText(bench('search', 'roi'), 'en', 2026)).toBe(
      "Mizan's rule: break-even (ROI ≥ 0 earns more than it costs)",
    );
    // Published tiers: no Mizan band.
    expect(citationText(bench('ecommerce', 'conversion_rate'), 'en', 2026)).not.toContain('Mizan');
  });

  it('says when the figure was read on a page quoting the source', () => {
    expect(citationText(bench('search', 'cpc'), 'en', 2026)).toContain('; read on a page quoting it');
  });
});
