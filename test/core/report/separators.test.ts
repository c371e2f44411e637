import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/core/report';
import { thresholdText } from '../../../src/core/report/rules';

const grid = [
  ['Channel', 'Date', 'Impressions', 'Clicks', 'Cost'],
  ['Search', '2026-09-01', 1000, 50, 100],
  ['Social', '2026-09-02', 2000, 20, 40],
];

describe('separators and thresholds readable in every script', () => {
  it('the subtitle separates its parts with " | " in Persian and Arabic (a middle dot reads as zero)', () => {
    for (const lang of ['fa', 'ar'] as const) {
      const r = buildReport(grid, { sourceName: 'D', lang, chooseProfile: true });
      if (!r.ok) throw new Error(r.problems[0]?.message);
      const subtitle = String(r.model.blocks.find((b) => b.id === 'title')?.cells[1]?.[0]?.v);
      expect(subtitle).toContain(' | ');
      expect(subtitle).not.toContain('·');
    }
    const en = buildReport(grid, { sourceName: 'D', lang: 'en', chooseProfile: true });
    if (!en.ok) throw new Error(en.problems[0]?.message);
    expect(String(en.model.blocks.find((b) => b.id === 'title')?.cells[1]?.[0]?.v)).toContain(' · ');
  });

  it('the subtitle counts rows with the right plural: "1 row", "2 rows"; Arabic with a label before the count', () => {
    const subtitle = (rows: unknown[][], lang: 'en' | 'ar' | 'fa') => {
      const r = buildReport(rows, { sourceName: 'D', lang });
      if (!r.ok) throw new Error(r.problems[0]?.message);
      return String(r.model.blocks.find((b) => b.id === 'title')?.cells[1]?.[0]?.v);
    };
    const one = grid.slice(0, 2);
    expect(subtitle(one, 'en')).toMatch(/(^|[^0-9])1 row([^s]|$)/);
    expect(subtitle(grid, 'en')).toContain('2 rows');
    expect(subtitle(one, 'ar')).toContain('عدد الصفوف: ١');
    expect(subtitle(one, 'ar')).not.toContain('صفًا');
    expect(subtitle(one, 'fa')).toContain('۱ ردیف');
  });

  it('a fair band equal to the good band is shown as one threshold', () => {
    const judge = {
      kind: 'benchmark' as const,
      source: 'x',
      thresholds: { direction: 'higher' as const, good: 0, fair: 0 },
    };
    expect(thresholdText(judge, 'rate', 'en')).toBe('≥ 0.00% good');
    const two = { ...judge, thresholds: { direction: 'higher' as const, good: 0.05, fair: 0.02 } };
    expect(thresholdText(two, 'rate', 'en')).toBe('≥ 5.00% good · ≥ 2.00% fair');
    expect(thresholdText(two, 'rate', 'fa')).not.toContain('·');
  });
});

describe('a header row past the data', () => {
  it('says so in the user’s row numbers, with the fix for the sidebar and the command line', () => {
    const rows = Array.from({ length: 249 }, (_, i) => (i === 0 ? ['Campaign', 'Clicks'] : [`C${i}`, i]));
    const r = buildReport(rows, { sourceName: 'D', lang: 'en', headerRow: 299 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]?.message).toBe('Row 300 is past the last row of the sheet (249).');
    expect(r.problems[0]?.hint).toContain('from 1 to 249');
    expect(r.problems[0]?.cliHint).toContain('--header-row N');
  });
});

describe('a sheet from which no KPI can be computed', () => {
  it('is refused, naming the columns read, rather than reported as blanks', () => {
    const r = buildReport(
      [
        ['Event name', 'Total revenue'],
        ['page_view', 0],
        ['scroll', 0],
      ],
      { sourceName: 'D', lang: 'en' },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]?.code).toBe('no-kpi');
    expect(r.problems[0]?.message).toContain('B ("Total revenue") Revenue');
    expect(r.problems[0]?.cliHint).toContain('--map');
  });
});
