/** The shipped profiles: every KPI exists, directions agree, figures match the published ones. */
import { describe, expect, it } from 'vitest';
import { BENCHMARK_PROFILES, benchmarkFor, profileById } from '../../../src/core/benchmarks/profiles';
import { statusAgainst } from '../../../src/core/benchmarks/status';
import { kpiById } from '../../../src/core/kpi/registry';

/** The profile, or a failed test: no non-null assertions. */
function profile_(id: string) {
  const p = profileById(id);
  if (!p) throw new Error(`no profile ${id}`);
  return p;
}
function thresholdsOf(profile: ReturnType<typeof profile_>, kpi: string) {
  const b = benchmarkFor(profile, kpi);
  if (!b) throw new Error(`no ${kpi} benchmark in ${profile.id}`);
  return b.thresholds;
}

describe('benchmark profiles', () => {
  it('ships the profiles the issue asks for', () => {
    for (const id of ['search', 'social', 'display', 'email', 'ecommerce', 'messaging', 'saas'])
      expect(profileById(id), id).toBeDefined();
  });

  it('ids are unique and every profile is named in en, ar and fa', () => {
    const ids = BENCHMARK_PROFILES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of BENCHMARK_PROFILES)
      for (const l of ['en', 'ar', 'fa'] as const) expect(p.names[l].trim()).not.toBe('');
  });

  describe.each(BENCHMARK_PROFILES.map((p) => [p.id, p] as const))('%s', (_id, profile) => {
    it('uses registry KPI ids only, once each', () => {
      const kpis = profile.benchmarks.map((b) => b.kpi);
      expect(new Set(kpis).size).toBe(kpis.length);
      for (const k of kpis) expect(kpiById(k), k).toBeDefined();
    });

    it("thresholds go the KPI's way and are ordered", () => {
      for (const b of profile.benchmarks) {
        const dir = kpiById(b.kpi)?.direction;
        const t = b.thresholds;
        expect(t.direction, b.kpi).toBe(dir);
        if (t.direction === 'higher') expect(t.good).toBeGreaterThanOrEqual(t.fair);
        if (t.direction === 'lower') expect(t.good).toBeLessThanOrEqual(t.fair);
        if (t.direction === 'band') {
          expect(t.fairMin).toBeLessThanOrEqual(t.goodMin);
          expect(t.goodMin).toBeLessThanOrEqual(t.goodMax);
          expect(t.goodMax).toBeLessThanOrEqual(t.fairMax);
        }
      }
    });

    it('cites a source and a year (or says it is undated) for every threshold', () => {
      for (const b of profile.benchmarks) {
        expect(b.citation.source.length, b.kpi).toBeGreaterThan(5);
        expect(b.citation.year === null || (b.citation.year >= 2000 && b.citation.year <= 2030)).toBe(true);
      }
    });

    it('money thresholds say their currency; rates do not', () => {
      for (const b of profile.benchmarks) {
        const money = kpiById(b.kpi)?.unit === 'money';
        expect(b.currency === 'USD', b.kpi).toBe(money);
      }
    });
  });

  // The published figures, typed again from ../shared/docs/benchmarks.md (not read from the code).
  it.each([
    ['search', 'ctr', 0.0666, 0.04995],
    ['search', 'conversion_rate', 0.0752, 0.0564],
    ['search', 'cpc', 5.26, 6.575],
    ['search', 'cpl', 70.11, 87.6375],
    ['display', 'ctr', 0.0046, 0.00345],
    ['display', 'cpc', 0.63, 0.7875],
    ['social', 'ctr', 0.0151, 0.011325],
    ['social-leads', 'cpl', 23.1, 28.875],
    ['email', 'open_rate', 0.2133, 0.159975],
    ['email', 'unsubscribe_rate', 0.0026, 0.00325],
    ['email', 'click_to_open_rate', 0.143, 0.10725],
    ['ecommerce', 'conversion_rate', 0.033, 0.025],
    ['ecommerce', 'open_rate', 0.1568, 0.1176],
    ['saas', 'ltv_cac', 3, 1],
    ['saas', 'cac_payback', 12, 15],
  ])('%s %s: good %f, fair %f', (profile, kpi, good, fair) => {
    const t = benchmarkFor(profile_(profile), kpi)?.thresholds;
    expect(t?.direction === 'higher' || t?.direction === 'lower').toBe(true);
    if (t?.direction !== 'higher' && t?.direction !== 'lower') return;
    expect(t.good).toBeCloseTo(good, 12);
    expect(t.fair).toBeCloseTo(fair, 12);
  });

  it('bounce rate: 25–40% is good, within 25% of the edges fair, else poor', () => {
    const t = thresholdsOf(profile_('website'), 'bounce_rate');
    expect(statusAgainst(0.25, t)).toBe('good');
    expect(statusAgainst(0.4, t)).toBe('good');
    expect(statusAgainst(0.19, t)).toBe('fair'); // ≥ 18.75%
    expect(statusAgainst(0.5, t)).toBe('fair'); // ≤ 50%
    expect(statusAgainst(0.18, t)).toBe('poor');
    expect(statusAgainst(0.51, t)).toBe('poor');
  });

  it('messaging has no invented response-rate benchmark', () => {
    expect(benchmarkFor(profile_('messaging'), 'response_rate')).toBeUndefined();
  });

  it('ROI: earning more than it costs is good, losing money poor', () => {
    const t = thresholdsOf(profile_('search'), 'roi');
    expect(statusAgainst(0.2, t)).toBe('good');
    expect(statusAgainst(-0.01, t)).toBe('poor');
  });
});
