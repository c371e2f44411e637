import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/core/report';

const googleAds = [
  ['Campaign', 'Campaign type', 'Impr.', 'Interactions', 'Clicks', 'Cost', 'Conversions', 'Avg. CPC'],
  ['Brand', 'Search', 1000, 50, 50, 100, 5, 2],
  ['Generic', 'Search', 3000, 60, 60, 240, 3, 4],
];

describe('the benchmark profile when the user chose none ("Automatic")', () => {
  it("is the exporting platform's, said in the subtitle and a note", () => {
    const r = buildReport(googleAds, { sourceName: 'Ads', lang: 'en', chooseProfile: true });
    if (!r.ok) throw new Error(r.problems[0]?.message);
    expect(r.model.profile?.id).toBe('search');
    expect(r.model.profile?.chosenBecause).toBe('a Google Ads export');
    const subtitle = r.model.blocks.find((b) => b.id === 'title')?.cells[1]?.[0]?.v;
    expect(subtitle).toContain('Search ads (a Google Ads export)');
    expect(
      r.model.notes.some(
        (n) => n.message.includes('chosen by Mizan') && n.message.includes('--profile none'),
      ),
    ).toBe(true);
    // CTR 110 / 4000 = 2.75%, under the search CTR benchmark: a status, not a blank.
    expect(r.model.totals.kpis.find((k) => k.kpi === 'ctr')?.status).not.toBeNull();
  });

  it('comes from the columns when no platform is recognised (email opens → email)', () => {
    const grid = [
      ['Campaign', 'Delivered', 'Opens', 'Unsubscribes'],
      ['Oct news', 1000, 300, 2],
      ['Nov news', 1000, 200, 1],
    ];
    const r = buildReport(grid, { sourceName: 'Mail', lang: 'fa', chooseProfile: true });
    if (!r.ok) throw new Error(r.problems[0]?.message);
    expect(r.model.profile?.id).toBe('email');
    expect(r.model.profile?.chosenBecause).toContain('از روی ستون‌های');
  });

  it('is none when asked for none (null), or when the caller does not ask Mizan to choose', () => {
    const none = buildReport(googleAds, {
      sourceName: 'Ads',
      lang: 'en',
      profile: null,
      chooseProfile: true,
    });
    const notAsked = buildReport(googleAds, { sourceName: 'Ads', lang: 'en' });
    for (const r of [none, notAsked]) {
      if (!r.ok) throw new Error(r.problems[0]?.message);
      expect(r.model.profile).toBeNull();
      expect(r.model.totals.kpis.every((k) => k.status === null)).toBe(true);
    }
  });

  it('is none when nothing in the data points to a profile', () => {
    const r = buildReport(
      [
        ['Campaign', 'Clicks', 'Conversions'],
        ['A', 10, 1],
        ['B', 20, 2],
      ],
      { sourceName: 'D', lang: 'en', chooseProfile: true },
    );
    if (!r.ok) throw new Error(r.problems[0]?.message);
    expect(r.model.profile).toBeNull();
  });
});
