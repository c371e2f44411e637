import { describe, expect, it } from 'vitest';
import { detectHeaderRow } from '../../../src/core/detect/header-row';
import { columnLetter } from '../../../src/core/detect/letters';
import { isTotalLabel, matchHeader } from '../../../src/core/detect/match';
import { normalizeKey } from '../../../src/core/detect/normalize';
import { HEADER_SYNONYMS } from '../../../src/core/detect/synonyms';
import { MEASURE_IDS } from '../../../src/core/kpi/measures';

const roleOf = (h: string) => {
  const m = matchHeader(h);
  if (!m) return null;
  const r = m.role;
  return r.kind === 'measure'
    ? r.measure
    : r.kind === 'dimension'
      ? `dim:${r.dimension}`
      : r.kind === 'precomputed'
        ? `rate:${r.kpi}`
        : 'ignored';
};

describe('normalizeKey', () => {
  it('ignores case, spacing, punctuation and units in brackets', () => {
    expect(normalizeKey('  Amount spent (USD) ')).toBe('amount spent');
    expect(normalizeKey('Conv. value')).toBe('conv value');
    expect(normalizeKey('Session source / medium')).toBe('session source medium');
    expect(normalizeKey('Spend [$]')).toBe('spend');
  });
  it('folds Arabic and Persian letter variants, ZWNJ, diacritics and tatweel', () => {
    expect(normalizeKey('كليك')).toBe(normalizeKey('کلیک'));
    expect(normalizeKey('هزينة')).toBe(normalizeKey('هزینه'));
    expect(normalizeKey('الإيرادات')).toBe(normalizeKey('الايرادات'));
    expect(normalizeKey('أ')).toBe(normalizeKey('ا'));
    expect(normalizeKey('نشست‌ها')).toBe('نشستها');
    expect(normalizeKey('التَّكلفة')).toBe(normalizeKey('التكلفة'));
    expect(normalizeKey('التكـــلفة')).toBe(normalizeKey('التكلفة'));
    expect(normalizeKey('\ufeffالحملة')).toBe(normalizeKey('الحملة'));
  });
  it('keeps a header that is only a bracket', () => {
    expect(normalizeKey('(USD)')).toBe('usd');
  });
});

describe('matchHeader: platform exports and hand-made headers', () => {
  it.each([
    // Google Ads
    ['Campaign', 'dim:campaign'],
    ['Impr.', 'impressions'],
    ['Clicks', 'clicks'],
    ['Cost', 'cost'],
    ['Conversions', 'conversions'],
    ['Conv. value', 'revenue'],
    ['CTR', 'rate:ctr'],
    ['Avg. CPC', 'rate:cpc'],
    ['Cost / conv.', 'rate:cpa'],
    // Meta Ads Manager
    ['Campaign name', 'dim:campaign'],
    ['Amount spent (USD)', 'cost'],
    ['Reach', 'reach'],
    ['Link clicks', 'clicks'],
    ['Results', 'conversions'],
    ['Purchases conversion value', 'revenue'],
    ['Reporting starts', 'dim:date'],
    ['Reporting ends', 'ignored'],
    // GA4
    ['Sessions', 'sessions'],
    ['Engaged sessions', 'ignored'],
    ['Bounce rate', 'rate:bounce_rate'],
    ['Views', 'pageviews'],
    ['Session source / medium', 'dim:channel'],
    ['Total revenue', 'revenue'],
    // Mailchimp
    ['Emails Sent', 'emails_sent'],
    ['Delivered', 'delivered'],
    ['Unique Opens', 'opens'],
    ['Unique Clicks', 'email_clicks'],
    ['Unsubscribes', 'unsubscribes'],
    ['Open Rate', 'rate:open_rate'],
    // Messaging logs
    ['messages sent', 'messages_sent'],
    ['replies', 'responses'],
    // As people write them
    ['هزینه (تومان)', 'cost'],
    ['نرخ کلیک', 'rate:ctr'],
    ['النقرات', 'clicks'],
    ['مرات الظهور', 'impressions'],
    ['الإيرادات', 'revenue'],
    ['الايرادات (ر.س)', 'revenue'],
    ['کمپین', 'dim:campaign'],
    ['کانال', 'dim:channel'],
    ['تاریخ', 'dim:date'],
    ['التاريخ', 'dim:date'],
    ['نشست‌ها', 'sessions'],
    ['نشست ها', 'sessions'],
    ['كليك', 'clicks'],
    ['Spend ($)', 'cost'],
    [' Campaign ', 'dim:campaign'],
    ['Sales', 'orders'],
  ])('%s → %s', (header, role) => expect(roleOf(header)).toBe(role));

  it('a header that contains a synonym is a guess with less than full confidence', () => {
    const m = matchHeader('Website clicks total');
    expect(m?.role).toEqual({ kind: 'measure', measure: 'clicks' });
    expect(m?.confidence).toBeLessThan(1);
    expect(m?.confidence).toBeGreaterThan(0.5);
  });

  it('a rate or an average that contains a measure word is not that measure', () => {
    expect(roleOf('Average order revenue')).toBe('ignored');
    expect(roleOf('Revenue %')).toBe('ignored');
    expect(roleOf('Notes')).toBe('ignored');
    expect(roleOf('Foo bar')).toBeNull();
  });
});

describe('the synonym table', () => {
  it('has a synonym for every measure, in three scripts', () => {
    for (const id of MEASURE_IDS) {
      const words = HEADER_SYNONYMS.filter((e) => e.role.kind === 'measure' && e.role.measure === id).flatMap(
        (e) => e.words,
      );
      expect(words.length, id).toBeGreaterThan(0);
      expect(
        words.some((w) => /[a-z]/i.test(w)),
        `${id} en`,
      ).toBe(true);
      expect(
        words.some((w) => /[\u0600-\u06ff]/.test(w)),
        `${id} ar/fa`,
      ).toBe(true);
    }
  });
  it('lists no spelling twice (normalisation already folds variants)', () => {
    for (const e of HEADER_SYNONYMS) {
      const keys = e.words.map((w) => normalizeKey(w).replace(/ /g, ''));
      expect(
        keys.filter((k, i) => keys.indexOf(k) !== i),
        JSON.stringify(e.role),
      ).toEqual([]);
    }
  });

  it('never gives one header two roles', () => {
    const seen = new Map<string, string>();
    for (const e of HEADER_SYNONYMS) {
      for (const w of e.words) {
        const key = normalizeKey(w).replace(/ /g, '');
        const role = JSON.stringify(e.role);
        if (seen.has(key)) expect(seen.get(key), `${w}`).toBe(role);
        seen.set(key, role);
      }
    }
  });
});

describe('total rows and the header row', () => {
  it.each([
    ['Total'],
    ['TOTAL'],
    ['الإجمالي'],
    ['المجموع'],
    ['جمع'],
    ['مجموع'],
    ['Total: Account'],
    ['Grand total'],
  ])('%s is a total label', (v) => expect(isTotalLabel(v)).toBe(true));
  it.each([['Total Recall sale'], ['Brand'], [''], [42], ['جمعه بازار']])('%s is not', (v) =>
    expect(isTotalLabel(v)).toBe(false),
  );

  it('finds the header under titles, date lines and GA4 comments', () => {
    expect(
      detectHeaderRow([
        ['Campaign performance report'],
        ['1 September 2026 - 12 September 2026'],
        ['Campaign', 'Day', 'Clicks', 'Cost'],
        ['A', '2026-09-01', 1, 2],
      ]),
    ).toBe(2);
    expect(
      detectHeaderRow([['# Start date: 20260901'], [], ['Date', 'Sessions', 'Views'], ['20260901', 1, 2]]),
    ).toBe(2);
    expect(
      detectHeaderRow([
        ['a', 'b'],
        [1, 2],
      ]),
    ).toBeNull();
  });

  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('total-row labels keep their brackets', () => {
  it('a campaign called "@SUM(A1)" or "Sum (Q3 test)" is not a total row; "Total" and "جمع" are', async () => {
    const { isTotalLabel } = await import('../../../src/core/detect/match');
    expect(isTotalLabel('@SUM(A1)')).toBe(false);
    expect(isTotalLabel('Sum (Q3 test)')).toBe(false);
    expect(isTotalLabel('Total')).toBe(true);
    expect(isTotalLabel(' جمع ')).toBe(true);
    expect(isTotalLabel('Total: Account')).toBe(true);
  });
});
