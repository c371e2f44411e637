/**
 * `--engine duckdb` sums measure cells that DuckDB's own DOUBLE cast reads, refusing (a fallback
 * to the JavaScript engine) the cells `notPlainNumber` flags. The rule is only sound if every cell
 * it lets through is read by the engine's readNumber to the very same double: checked here on
 * chosen texts and on random ones built from the characters that matter (digits, signs, points,
 * exponents, underscores, blanks, the letters of "inf" and "nan", separators), with DuckDB itself.
 */
import { describe, expect, it } from 'vitest';
import { notPlainNumber } from '../../src/cli/duckdb-engine';
import { readNumber } from '../../src/core/numbers/parse-number';
import { seededRandom } from '../helpers/seeded-random';
import { sharedDuck } from '../helpers/shared-duck';

const duck = sharedDuck();

const CHOSEN = [
  '12',
  '-12',
  '+12',
  ' 12',
  '12 ',
  '\t12',
  '12.50',
  '.5',
  '5.',
  '-.5',
  '1e5',
  '1E+5',
  '1.5e-3',
  '00012',
  '-0',
  '1_000',
  '1_000.5',
  'inf',
  '-inf',
  'Infinity',
  'nan',
  'NaN',
  '1e400',
  '-1e400',
  '1e-400',
  '0x1F',
  '0b11',
  '1,5',
  '1,234',
  '1.234.567',
  '1d5',
  '5e',
  'e5',
  '-',
  '+',
  '.',
  '',
  '12%',
  '$12',
  '١٢',
  '۱۲',
  '1 000',
  '12.5.1',
  '--5',
  '+-5',
  '1e5.5',
  '٫5',
];
const ALPHABET = '0123456789.-+eE_ ,iInNfFaxd\t';

function randomTexts(count: number): string[] {
  const next = seededRandom(20261201);
  const digit = () => String(Math.floor(next() * 10));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(next() * 8);
    let s = '';
    // Mostly digits, so that many texts come close to numbers.
    for (let j = 0; j < length; j++)
      s += next() < 0.55 ? digit() : (ALPHABET[Math.floor(next() * ALPHABET.length)] as string);
    out.push(s);
  }
  return out;
}

interface Judged {
  readonly x: string;
  readonly v: number | null;
  readonly badDecimals: boolean;
  readonly badWhole: boolean;
}

async function judged(texts: readonly string[]): Promise<Judged[]> {
  await duck.run('CREATE OR REPLACE TEMP TABLE cells (i INTEGER, x VARCHAR)');
  await duck.append(
    'cells',
    texts.map((x, i) => [i, x]),
  );
  const rows = await duck.rows(
    `SELECT x, TRY_CAST(x AS DOUBLE) AS v, ${notPlainNumber('x', 'TRY_CAST(x AS DOUBLE)', true)} AS bd, ${notPlainNumber('x', 'TRY_CAST(x AS DOUBLE)', false)} AS bw FROM cells ORDER BY i`,
  );
  return rows.map((r) => ({
    x: r.x as string,
    v: r.v === null ? null : Number(r.v),
    badDecimals: r.bd === true,
    badWhole: r.bw === true,
  }));
}

/** Blank cells are skipped before the rule (they are no measure), as in restSql. */
const blank = (x: string) => x === '';

function disagreements(cells: readonly Judged[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    if (blank(c.x)) continue;
    if (!c.badDecimals) {
      const read = readNumber(c.x, { decimal: '.' });
      if (!read.ok || read.value !== c.v || read.percent)
        out.push(`${JSON.stringify(c.x)}: DuckDB ${c.v}, engine ${JSON.stringify(read)} (decimals)`);
    }
    if (!c.badWhole)
      for (const decimal of ['.', ',', 'auto'] as const) {
        const read = readNumber(c.x, { decimal });
        if (!read.ok || read.value !== c.v)
          out.push(`${JSON.stringify(c.x)}: DuckDB ${c.v}, engine ${JSON.stringify(read)} (${decimal})`);
      }
  }
  return out;
}

describe('the cells DuckDB sums are the cells the engine reads alike', () => {
  it('on chosen texts: plain numbers pass, underscores, infinities, NaN and separators are refused', async () => {
    const cells = await judged(CHOSEN);
    expect(disagreements(cells)).toEqual([]);
    const passed = (mode: 'badDecimals' | 'badWhole') =>
      cells.filter((c) => !blank(c.x) && !c[mode]).map((c) => c.x);
    // What passes is exactly these (a change in DuckDB's cast would show here first).
    expect(passed('badDecimals')).toEqual([
      '12',
      '-12',
      '+12',
      ' 12',
      '12 ',
      '\t12',
      '12.50',
      '.5',
      '5.',
      '-.5',
      '1e5',
      '1E+5',
      '1.5e-3',
      '00012',
      '-0',
      '1e-400',
    ]);
    expect(passed('badWhole')).toEqual(['12', '-12', '+12', ' 12', '12 ', '\t12', '00012', '-0']);
  });

  it('on 20,000 random texts near numbers', async () => {
    const cells = await judged(randomTexts(20_000));
    // The random texts reach both sides of the rule.
    expect(cells.filter((c) => !c.badDecimals).length).toBeGreaterThan(2000);
    expect(cells.filter((c) => c.badDecimals && c.v !== null).length).toBeGreaterThan(50);
    expect(disagreements(cells)).toEqual([]);
  });
});
