/**
 * Bad input gives a typed result that says what is wrong, where (column letter and header,
 * 1-based rows) and what to do, in the report's language; never an exception, never a silent 0.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/core/i18n/lang';
import { buildReport, detectColumns } from '../../../src/core/report/index';
import type { InputProblem } from '../../../src/core/report/options';

const problems = (grid: unknown[][], lang: Lang = 'en', extra = {}): InputProblem[] => {
  const r = buildReport(grid, { sourceName: 'Data', lang, ...extra });
  if (r.ok) throw new Error('expected a problem');
  return [...r.problems];
};

describe('bad input', () => {
  it('empty sheet', () => {
    for (const grid of [
      [],
      [[]],
      [
        ['', '  '],
        [null, undefined],
      ],
    ] as unknown[][][]) {
      const [p] = problems(grid);
      expect(p?.code).toBe('empty');
      expect(p?.hint).toMatch(/Paste/);
    }
    expect(problems([], 'fa')[0]?.message).toBe('برگه خالی است.');
  });

  it('no header row', () => {
    expect(
      problems([
        ['a', 'b'],
        [1, 2],
      ])[0]?.code,
    ).toBe('no-header');
  });

  it('header only: names the header row', () => {
    const [p] = problems([['Title'], ['Campaign', 'Clicks', 'Cost']]);
    expect(p?.code).toBe('header-only');
    expect(p?.rows).toEqual([2]);
    expect(p?.message).toContain('Row 2');
  });

  it('no measure column', () => {
    const [p] = problems([
      ['Campaign', 'Channel', 'Date'],
      ['A', 'Search', '2026-09-01'],
    ]);
    expect(p?.code).toBe('no-measure');
    expect(p?.hint).toMatch(/sidebar/);
  });

  it('two columns that fit one measure equally: both named, with letters, headers and the CLI fix', () => {
    const [p] = problems([
      ['Campaign', 'Cost', 'Clicks', 'Cost'],
      ['A', 1, 3, 2],
    ]);
    expect(p?.code).toBe('duplicate-role');
    expect(p?.message).toContain('B ("Cost")');
    expect(p?.message).toContain('D ("Cost")');
    expect(p?.column).toEqual({ letter: 'D', header: 'Cost' });
    expect(p?.cliHint).toContain('--map "D=ignore"');
    // An override settles it.
    const ok = buildReport(
      [
        ['Campaign', 'Cost', 'Clicks', 'Cost'],
        ['A', 1, 3, 2],
      ],
      { sourceName: 'Data', lang: 'en', overrides: { 3: { kind: 'ignored' } } },
    );
    expect(ok.ok).toBe(true);
  });

  it('two columns that fit one measure, one preferred: it is summed, the other is shown and noted', () => {
    const r = buildReport(
      [
        ['Campaign', 'Spend', 'Cost', 'Clicks'],
        ['A', 1, 2, 3],
        ['B', 10, 20, 30],
      ],
      { sourceName: 'Data', lang: 'en' },
    );
    if (!r.ok) throw new Error(r.problems[0]?.message);
    expect(r.model.totals.measures.cost).toBe(22); // column C "Cost": 2 + 20, never 1 + 10
    expect(r.model.mapping[1]?.notSummed).toEqual({ reason: 'other-chosen', chosen: 'C' });
    const note = r.model.notes.find((n) => n.column === 'C');
    expect(note?.message).toContain('B ("Spend")');
    expect(note?.message).toContain('--map "B=cost"');
  });

  it('a measure column that is ≥ 90% text: column, header and rows', () => {
    const grid: unknown[][] = [['Campaign', 'Clicks', 'Cost']];
    for (let i = 0; i < 10; i++) grid.push([`C${i}`, i === 3 ? 5 : 'lots', 10]);
    const [p] = problems(grid, 'ar');
    expect(p?.code).toBe('mostly-text');
    expect(p?.column).toEqual({ letter: 'B', header: 'Clicks' });
    expect(p?.rows).toEqual([2, 3, 4, 6, 7, 8, 9, 10, 11]);
    expect(p?.message).toContain('النقرات');
    expect(p?.message).toContain('٩'); // counts in Arabic-Indic digits
  });

  it('a few text cells are only a note, and the rest is summed', () => {
    const r = buildReport(
      [
        ['Campaign', 'Clicks', 'Impressions'],
        ['A', 'n/a', 100],
        ['B', 5, 100],
      ],
      { sourceName: 'Data', lang: 'en' },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.model.totals.measures.clicks).toBe(5);
    const note = r.model.notes.find((n) => n.column === 'B');
    expect(note?.rows).toEqual([2]);
    expect(note?.message).toContain('Clicks');
  });

  it('all-zero denominators: a warning per KPI, and a problem when no KPI has a value', () => {
    const some = buildReport(
      [
        ['Campaign', 'Clicks', 'Impressions', 'Cost'],
        ['A', 0, 100, 5],
        ['B', 0, 50, 5],
      ],
      { sourceName: 'Data', lang: 'en' },
    );
    expect(some.ok).toBe(true);
    if (!some.ok) return;
    const cpc = some.model.totals.kpis.find((k) => k.kpi === 'cpc');
    expect(cpc?.value).toBeNull(); // undefined, never 0
    const w = some.warnings.find((x) => x.message.includes('Cost per click'));
    expect(w?.code).toBe('all-zero-denominators');
    expect(w?.column).toEqual({ letter: 'B', header: 'Clicks' });

    const none = problems([
      ['Campaign', 'Clicks', 'Impressions'],
      ['A', 0, 0],
      ['B', 0, 0],
    ]);
    expect(none[0]?.code).toBe('all-zero-denominators');
    expect(none.some((p) => p.column?.letter === 'C')).toBe(true);
  });

  it("all-zero denominators: the problem's hint names every zero column and every KPI it leaves empty", () => {
    // CTR divides by impressions (C); CPC, conversion rate by clicks (B); nothing else is computable.
    const grid = [
      ['Campaign', 'Clicks', 'Impressions', 'Conversions'],
      ['A', 0, 0, 3],
      ['B', 0, 0, 2],
    ];
    const [first] = problems(grid);
    expect(first?.code).toBe('all-zero-denominators');
    expect(first?.hint).toContain('B ("Clicks")');
    expect(first?.hint).toContain('C ("Impressions")');
    expect(first?.hint).toContain('Click-through rate');
    expect(first?.hint).toContain('Conversion rate');
    const fa = problems(grid, 'fa')[0]?.hint ?? '';
    expect(fa).toContain('B ("Clicks")');
    expect(fa).toContain('C ("Impressions")');
  });

  it('a groupBy that cannot group names the column, its header and what it holds, in the report language', () => {
    const grid = [
      ['Channel', 'Campaign', 'Cost', 'Clicks'],
      ['Search', 'A', 10, 5],
    ];
    const [cost] = problems(grid, 'en', { groupBy: 2 });
    expect(cost).toMatchObject({
      code: 'bad-option',
      message: 'Cannot group by column C ("Cost"): it holds numbers (a measure: Cost).',
      hint: 'Group by a text column: A "Channel", B "Campaign".',
      column: { letter: 'C', header: 'Cost' },
    });
    const [far] = problems(grid, 'en', { groupBy: 25 });
    expect(far?.message).toBe(
      'Cannot group by column Z: the sheet has no such column (the last one is D "Clicks").',
    );
    expect(far?.hint).toBe('Group by a text column: A "Channel", B "Campaign".');
    const ar = problems(grid, 'ar', { groupBy: 2 })[0];
    expect(ar?.message).toMatch(/^لا يمكن التجميع حسب العمود C \("Cost"\)/);
    expect(ar?.hint).toContain('A "Channel", B "Campaign"');
    const fa = problems(grid, 'fa', { groupBy: 3 })[0];
    expect(fa?.message).toMatch(/^گروه‌بندی بر اساس ستون D \(«Clicks»\) ممکن نیست: عدد دارد \(سنجهٔ کلیک\)/);
  });

  it('bad options are named', () => {
    const grid = [
      ['Campaign', 'Clicks'],
      ['A', 1],
    ];
    expect(problems(grid, 'en', { kpis: ['ctr', 'nope'] })[0]?.message).toContain('nope');
    expect(problems(grid, 'en', { groupBy: 1 })[0]?.code).toBe('bad-option');
    expect(problems(grid, 'en', { headerRow: 9 })[0]?.code).toBe('bad-option');
    expect(problems(grid, 'en', { period: 'year' })[0]?.code).toBe('bad-option');
  });

  it('never throws, whatever the grid holds', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(''),
      fc.date(),
      fc.constantFrom(
        'Clicks',
        'Cost',
        'Impressions',
        'Campaign',
        'Date',
        'Total',
        '2026-09-01',
        '۱۴۰۵/۰۷/۱۵',
        '$1,234.50',
        'n/a',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 15 }),
        fc.constantFrom<Lang>('en', 'ar', 'fa'),
        (grid, lang) => {
          const r = buildReport(grid, { sourceName: "It's", lang });
          if (!r.ok) for (const p of r.problems) expect(p.message.length * p.hint.length).toBeGreaterThan(0);
          detectColumns(grid, { lang });
        },
      ),
      { numRuns: 400 },
    );
  });
});
