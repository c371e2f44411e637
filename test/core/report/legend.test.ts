/**
 * The legend says where every colour comes from: the published figure and its year and, when the
 * fair band is Mizan's own rule around a single figure (not published tiers), says that too.
 */
import { describe, expect, it } from 'vitest';
import { profileById } from '../../../src/core/benchmarks/profiles';
import type { BenchmarkProfile } from '../../../src/core/benchmarks/types';
import type { Lang } from '../../../src/core/i18n/lang';
import { buildReport } from '../../../src/core/report/index';
import type { ReportModel } from '../../../src/core/report/model';

const GRID = [
  ['Campaign', 'Impressions', 'Clicks', 'Conversions', 'Cost', 'Revenue'],
  ['A', 1000, 50, 5, 100, 300],
  ['B', 2000, 60, 3, 120, 90],
];

function model(lang: Lang, profileId: string): ReportModel {
  const r = buildReport(GRID, {
    sourceName: 'Data',
    lang,
    profile: profileById(profileId) as BenchmarkProfile,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.model;
}

// LocaliQ / WordStream's 2026 edition, read on victorinollc.com (a page quoting it).
const SEARCH =
  'LocaliQ / WordStream, "Google Ads Benchmarks 2026", 2026 (13,474 US Google & Microsoft Ads search campaigns, all industries, median)';
const QUOTED: Record<Lang, string> = {
  en: 'read on a page quoting it',
  ar: 'مقروء في صفحة تنقل عنه',
  fa: 'از صفحه‌ای که از آن نقل کرده خوانده شد',
};
const FAIR_RULE: Record<Lang, string> = {
  en: "fair band: Mizan's rule (within 25%)",
  ar: 'النطاق المقبول: قاعدة ميزان (ضمن ٢٥٪)',
  fa: 'بازهٔ متوسط: قاعدهٔ میزان (تا ۲۵٪)',
};

describe('the legend of a search-profile report', () => {
  it.each<Lang>(['en', 'ar', 'fa'])(
    '%s: a single published figure says its fair band is Mizan’s rule',
    (lang) => {
      const m = model(lang, 'search');
      const source = (kpi: string) => m.legend.find((e) => e.kpi === kpi)?.source;
      expect(source('ctr')).toBe(`${SEARCH}; ${QUOTED[lang]}; ${FAIR_RULE[lang]}`);
      expect(source('conversion_rate')).toBe(`${SEARCH}; ${QUOTED[lang]}; ${FAIR_RULE[lang]}`);
      // ROI's break-even is Mizan's rule and says so; it has no fair band to own up to.
      expect(source('roi')).toMatch(/^(Mizan's rule|قاعدة ميزان|قاعدهٔ میزان)/);
      expect(source('roi')).not.toContain(FAIR_RULE[lang]);
      // And the sheet's legend block shows it, as text.
      const block = m.blocks.find((b) => b.kind === 'legend');
      const texts = block?.cells.flat().map((c) => String(c.v)) ?? [];
      expect(texts).toContain(`${SEARCH}; ${QUOTED[lang]}; ${FAIR_RULE[lang]}`);
    },
  );

  it('published tiers (Littledata via Shopify) carry no fair-band note', () => {
    const m = model('en', 'ecommerce');
    const conversion = m.legend.find((e) => e.kpi === 'conversion_rate')?.source ?? '';
    expect(conversion).toMatch(
      /^Littledata \(quoted by Shopify\), "Shopify store conversion rate benchmark", 2023 /,
    );
    expect(conversion).not.toContain("Mizan's rule");
  });
});
