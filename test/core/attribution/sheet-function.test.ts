/**
 * ATTRIBUTION as Sheets calls it, through the built bundle: the range rules (header, blank rows,
 * errors naming the row), Persian and Arabic digits and names, the output rows, the README example.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTIONS } from '../../../src/core/functions/catalog';
import { loadBundle, type SheetFn } from '../../helpers/bundle';

let attribution: SheetFn;
beforeAll(() => {
  attribution = loadBundle().ATTRIBUTION as SheetFn;
});

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const call = (...args: unknown[]) => attribution(...args) as unknown[][];
function message(...args: unknown[]): string {
  try {
    attribution(...args);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('ATTRIBUTION did not throw');
}
/** Rounds the numbers of the output rows (float noise aside, the expectations are hand arithmetic). */
const rounded = (rows: unknown[][]) =>
  rows.map((r) => r.map((v) => (typeof v === 'number' ? Number(v.toFixed(10)) : v)));

describe('ATTRIBUTION: the README example', () => {
  const spec = CUSTOM_FUNCTIONS.find((f) => f.name === 'ATTRIBUTION');
  it('returns what the catalog example states (Puzyrov 2019, worked by hand in markov.test.ts)', () => {
    expect(spec?.example?.call).toBe('=ATTRIBUTION(A2:A4, B2:B4, "markov", , C2:C4)');
    expect(spec?.example?.result).toMatch(/^"Google Ads" \| 2\.4 and "Mailing" \| 1\.6 /);
    // A2:A4, B2:B4 and C2:C4 as the example describes them; the skipped argument comes as "".
    const out = call(
      col('Google Ads', 'Mailing', 'Google Ads > Mailing'),
      col(2, 1, 1),
      'markov',
      '',
      col(1, 0, 0),
    );
    expect(rounded(out)).toEqual([
      ['Google Ads', 2.4],
      ['Mailing', 1.6],
    ]);
  });
  it.each([
    // By hand: first touch GA 2 + 1, M 1; last touch GA 2, M 1 + 1; linear and position-based
    // (two touches: 50/50) GA 2 + ½, M 1 + ½; shapley splits Google Ads > Mailing equally too.
    ['first_touch', 3, 1],
    ['last_touch', 2, 2],
    ['linear', 2.5, 1.5],
    ['position_based', 2.5, 1.5],
    ['shapley', 2.5, 1.5],
  ])('the example data under %s gives what the example states', (model, ga, mailing) => {
    expect(spec?.example?.result).toContain(`"${model}"`);
    const out = call(
      col('Google Ads', 'Mailing', 'Google Ads > Mailing'),
      col(2, 1, 1),
      model,
      '',
      col(1, 0, 0),
    );
    expect(rounded(out)).toEqual([
      ['Google Ads', ga],
      ['Mailing', mailing],
    ]);
  });
});

describe('ATTRIBUTION: reading the ranges', () => {
  it('skips a text header in the first row and blank rows; adds identical paths together', () => {
    const out = call(
      col('Path', 'Search > Email', '', 'Search > Email', 'Email'),
      col('Conversions', 3, '', 1, 2),
      'last_touch',
    );
    // Email: 3 + 1 + 2 = 6 as last touch; Search 0. Order: conversions of the paths each is in (Email 6, Search 4).
    expect(out).toEqual([
      ['Email', 6],
      ['Search', 0],
    ]);
  });
  it('adds a value column when values are given', () => {
    // A > B: 2 conversions worth 100; B: 1 worth 30. Linear: A 1 / 50, B 1 + 1 = 2 / 50 + 30 = 80.
    const out = call(col('A > B', 'B'), col(2, 1), 'linear', col(100, 30));
    expect(rounded(out)).toEqual([
      ['B', 2, 80],
      ['A', 1, 50],
    ]);
  });
  it('reads Persian and Arabic-Indic digits and Persian channel names', () => {
    const out = call(
      col('گوگل > اینستاگرام', 'اینستاگرام'),
      col('۳', '٢'),
      'first_touch',
      col('۱۲٬۰۰۰', '۴۰۰۰٫۵'),
    );
    expect(out).toEqual([
      ['اینستاگرام', 2, 4000.5],
      ['گوگل', 3, 12000],
    ]);
  });
  it('takes one row of paths as well as one column, and a single cell', () => {
    expect(rounded(call([['A > B', 'B']], [[2, 1]], 'linear'))).toEqual([
      ['B', 2],
      ['A', 1],
    ]);
    expect(call('A > B', 2, 'linear')).toEqual([
      ['A', 1],
      ['B', 1],
    ]);
  });
  it('orders channels by the conversions of the paths they appear in, then by name, for every model', () => {
    // C: 5 (C) + 1 (A > C) = 6; A: 1; B: 0 (only in a non-converting path); ties none.
    for (const model of ['first_touch', 'markov', 'shapley'])
      expect(call(col('C', 'A > C', 'B'), col(5, 1, 0), model, '', col(0, 0, 4)).map((r) => r[0])).toEqual([
        'C',
        'A',
        'B',
      ]);
  });
  it('reads model names as typed: case, spaces and hyphens', () => {
    const want = rounded(call(col('A > B > C'), col(1), 'position_based'));
    expect(rounded(call(col('A > B > C'), col(1), ' Position-Based '))).toEqual(want);
    expect(rounded(call(col('A > B > C'), col(1), 'position based'))).toEqual(want);
    expect(want).toEqual([
      ['A', 0.4],
      ['B', 0.2],
      ['C', 0.4],
    ]);
  });
  it('half_life sets the time decay: A > B with half-life 2 weighs √½ : 1', () => {
    const out = call(col('A > B'), col(1), 'time_decay', '', '', 2);
    const a = Math.SQRT1_2 / (1 + Math.SQRT1_2);
    // Both are in paths with 1 conversion, so the order is by name: A, then B.
    expect(out.map((r) => r[0])).toEqual(['A', 'B']);
    expect(out[0]?.[1]).toBeCloseTo(a, 14);
    expect(out[1]?.[1]).toBeCloseTo(1 - a, 14);
  });
  it('gives "" when there are no paths at all', () => {
    expect(attribution(col('Path', '', ''), col('Conversions', '', ''), 'linear')).toBe('');
    expect(attribution('', '', 'linear')).toBe('');
    // A single blank path beside a number is a bad row, as in a range.
    expect(message('', 5, 'linear')).toBe(
      'ATTRIBUTION: the path in row 1 of the range is blank, but the row has numbers',
    );
  });
});

describe('ATTRIBUTION: errors name what and where', () => {
  it.each([
    [
      [col('A', 'B'), col(1, 'lots'), 'linear'],
      'ATTRIBUTION: conversions in row 2 of the range is not a number ("lots")',
    ],
    [
      [col('A', 'B'), col(1, ''), 'linear'],
      'ATTRIBUTION: conversions in row 2 of the range is blank; write 0 for a path that did not convert',
    ],
    [
      [col('A', 'B'), col(1, -2), 'linear'],
      'ATTRIBUTION: conversions in row 2 of the range is negative (-2); a count cannot be',
    ],
    [
      [col('A', ''), col(1, 3), 'linear'],
      'ATTRIBUTION: the path in row 2 of the range is blank, but the row has numbers',
    ],
    [
      [col('A', 42), col(1, 3), 'linear'],
      'ATTRIBUTION: the path in row 2 of the range is 42, not a path text such as "Search > Email"',
    ],
    [
      [col('A', 'A >  > B'), col(1, 3), 'linear'],
      'ATTRIBUTION: the path in row 2 of the range ("A >  > B") has an empty step (touch 2 of 3); every step between separators needs a channel name',
    ],
    [
      [col('A', ' > '), col(1, 3), 'linear'],
      'ATTRIBUTION: the path in row 2 of the range (" > ") names no channel',
    ],
    [
      [col('A', 'B'), col(1, 3), 'linear', col(10, '')],
      'ATTRIBUTION: values in row 2 of the range is blank, but the path has 3 conversions; write its value (0 if none)',
    ],
    [
      [col('A', 'B'), col(1, 3), 'markov', '', col(1, '')],
      'ATTRIBUTION: non_conversions in row 2 of the range is blank; write 0 when every journey on the path converted',
    ],
    [
      [[['A', 'B']], [[1, 'x']], 'linear'],
      'ATTRIBUTION: conversions in column 2 of the range is not a number ("x")',
    ],
  ])('%#: %s', (args, want) => {
    expect(message(...(args as unknown[]))).toBe(want);
  });
  it('a bad model lists the models', () => {
    expect(message(col('A'), col(1), 'data_driven')).toBe(
      'ATTRIBUTION: "data_driven" is not a model; use first_touch, last_touch, linear, position_based, time_decay, markov or shapley',
    );
    expect(message(col('A'), col(1), '')).toContain('model is missing');
  });
  it('a half-life of 0 or text is refused', () => {
    expect(message(col('A'), col(1), 'time_decay', '', '', 0)).toContain('half_life is 0');
    expect(message(col('A'), col(1), 'time_decay', '', '', 'long')).toBe(
      'ATTRIBUTION: half_life is not a number ("long")',
    );
  });
  it('ranges of different shapes, a 2-D range, or a single conversions value for many paths are refused', () => {
    expect(message(col('A', 'B', 'C'), col(1, 2), 'linear')).toBe(
      'ATTRIBUTION: paths is 3×1 but conversions is 2×1; ranges must have the same shape',
    );
    expect(
      message(
        [
          ['A', 'B'],
          ['C', 'D'],
        ],
        [
          [1, 2],
          [3, 4],
        ],
        'linear',
      ),
    ).toBe('ATTRIBUTION: paths is 2×2; give one column (or one row) of paths');
    expect(message(col('A', 'B'), 5, 'linear')).toContain(
      'conversions must be a range of the same size as paths (2 cells)',
    );
  });
  it('shapley past 20 channels says so, with the function name', () => {
    const names = Array.from({ length: 21 }, (_, k) => `ch${k}`);
    expect(message(col(...names), col(...names.map(() => 1)), 'shapley')).toMatch(
      /^ATTRIBUTION: shapley is computed exactly for up to 20 channels .*have 21/,
    );
  });
  it('echoes at most ~100 characters of a huge path cell', () => {
    const huge = `A >  > ${'x'.repeat(100_000)}`;
    expect(message(col(huge), col(1), 'linear').length).toBeLessThan(400);
  });
});
