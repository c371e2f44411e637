/**
 * The semantics every custom function shares, checked for every function in the registry,
 * through the built bundle.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { KPIS } from '../../src/core/kpi/registry';
import { loadBundle, type SheetFn } from '../helpers/bundle';

let f: Record<string, SheetFn>;
beforeAll(() => {
  f = loadBundle();
});

/** A valid row of inputs per KPI (hand-picked so that every check passes). */
const SAMPLE: Record<string, number[]> = {
  conversion_rate: [50, 1000],
  ctr: [30, 1200],
  cpc: [250, 100],
  cpm: [200, 100000],
  cpa: [1000, 40],
  cpl: [2310, 100],
  cac: [5000, 100],
  roi: [3000, 1000],
  roas: [5000, 1000],
  clv: [75, 3, 2.5],
  clv_retention: [100, 0.8, 0.1],
  ltv_cac: [744, 110],
  cac_payback: [600, 100],
  bounce_rate: [350, 1000],
  exit_rate: [120, 800],
  avg_session_duration: [36000, 240],
  open_rate: [200, 900],
  click_to_open_rate: [20, 200],
  unsubscribe_rate: [5, 900],
  response_rate: [78, 1000],
  aov: [100000, 2000],
  retention_rate: [120, 30, 100],
  churn_rate: [45, 98],
  engagement_rate: [450, 10000],
  pct_change: [1750, 1250],
  ab_significance: [45, 100, 30, 100],
  ab_chance_to_win: [200, 1000, 230, 1000],
};

const rowWise = KPIS.filter((k) => k.inputs[0]?.kind !== 'scores');
const call = (fn: string, ...args: unknown[]) => (f[fn] as SheetFn)(...args);
const persian = (n: number) =>
  String(n)
    .replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)))
    .replace('.', '٫');
const arabic = (n: number) =>
  String(n)
    .replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)))
    .replace('.', '٫');
const col = (...vals: unknown[]) => vals.map((v) => [v]);

describe.each(rowWise.map((k) => [k.fn, k] as const))('%s', (fn, def) => {
  const sample = SAMPLE[def.id] as number[];
  const expected = () => call(fn, ...sample) as number;

  it('has a sample and returns a finite number for it', () => {
    expect(sample).toBeDefined();
    expect(Number.isFinite(expected())).toBe(true);
  });

  it('reads numbers written as text in ASCII, Persian and Arabic-Indic digits', () => {
    const e = expected();
    expect(call(fn, ...sample.map((n) => String(n)))).toBeCloseTo(e, 9);
    expect(call(fn, ...sample.map(persian))).toBeCloseTo(e, 9);
    expect(call(fn, ...sample.map(arabic))).toBeCloseTo(e, 9);
  });

  it('a range in gives a range of the same shape out, row by row', () => {
    const e = expected();
    const args = sample.map((n, i) => col(n, '', i === 0 ? 'Header' : n, n));
    const out = call(fn, ...args) as unknown[][];
    expect(out).toHaveLength(4);
    expect(out.map((r) => r.length)).toEqual([1, 1, 1, 1]);
    expect(out[0]?.[0]).toBeCloseTo(e, 9);
    expect(out[1]?.[0]).toBe(''); // blank row
    expect(out[2]?.[0]).toBe(''); // a header caught in the range
    expect(out[3]?.[0]).toBeCloseTo(e, 9);
  });

  it('broadcasts a single value against a range', () => {
    const e = expected();
    const args: unknown[] = sample.map((n, i) => (i === 0 ? col(n, n, n) : n));
    const out = call(fn, ...args) as unknown[][];
    expect(out.map((r) => r[0])).toEqual([expect.closeTo(e, 9), expect.closeTo(e, 9), expect.closeTo(e, 9)]);
  });

  it('rejects ranges of different shapes, naming the function and both shapes', () => {
    if (sample.length < 2) return;
    const args: unknown[] = sample.map((n, i) => (i === 0 ? col(n, n, n) : col(n, n)));
    expect(() => call(fn, ...args)).toThrow(new RegExp(`^${fn}: .* is 3×1 but .* is 2×1`));
  });

  it('a blank single cell gives ""', () => {
    expect(call(fn, '', ...sample.slice(1))).toBe('');
  });

  it('text that is not a number throws, naming the function and the argument', () => {
    const name = def.inputs[0]?.name as string;
    expect(() => call(fn, 'abc', ...sample.slice(1))).toThrow(`${fn}: ${name} is not a number ("abc")`);
    expect(() => call(fn, true, ...sample.slice(1))).toThrow(`${fn}: ${name} is true, not a number`);
  });

  it('a negative count throws; in a range it blanks that row only', () => {
    const idx = def.inputs.findIndex((i) => i.kind === 'count');
    if (idx < 0) return;
    const args = [...sample] as unknown[];
    args[idx] = -3;
    expect(() => call(fn, ...args)).toThrow(`${fn}: ${def.inputs[idx]?.name} is negative`);
    const ranged = sample.map((n, i) => (i === idx ? col(-3, n) : col(n, n)));
    const out = call(fn, ...ranged) as unknown[][];
    expect(out[0]?.[0]).toBe('');
    expect(out[1]?.[0]).toBeCloseTo(expected(), 9);
  });

  it('a zero denominator throws a message naming it; in a range it gives ""', () => {
    const last =
      def.expr && 'op' in def.expr && def.expr.op === '/' && 'ref' in def.expr.b ? def.expr.b.ref : null;
    if (!last) return;
    const idx = def.inputs.findIndex((i) => i.name === last);
    const args = [...sample] as unknown[];
    args[idx] = 0;
    // Other inputs that must not exceed the denominator are zeroed too, so only the zero remains.
    if (def.notMoreThan)
      for (let i = 0; i < args.length; i++) if (i !== idx && def.inputs[i]?.kind === 'count') args[i] = 0;
    expect(() => call(fn, ...args)).toThrow(`${fn}: ${last} is 0, so`);
    const ranged = args.map((v) => col(v, v));
    expect(call(fn, ...ranged)).toEqual([[''], ['']]);
  });
});

describe('shared semantics: specific messages and cases', () => {
  it('CTR: impressions is 0, so the rate is undefined', () => {
    expect(() => call('CTR', 5, 0)).toThrow('CTR: impressions is 0, so the rate is undefined');
  });
  it('a missing required argument is named', () => {
    expect(() => call('CTR', 5)).toThrow('CTR: impressions is missing');
  });
  it('an optional margin may be left out, blank, or a percent', () => {
    expect(call('ROI', 3000, 1000)).toBeCloseTo(2, 12);
    expect(call('ROI', 3000, 1000, '')).toBeCloseTo(2, 12);
    expect(call('ROI', 60000, 20000, '60%')).toBeCloseTo(0.8, 12);
    expect(() => call('ROI', 60000, 20000, 60)).toThrow(
      'ROI: gross_margin is 60; write it as a fraction or percent (60% or 0.6)',
    );
  });
  it('a 2-D range keeps rows and columns', () => {
    const out = call(
      'CTR',
      [
        [1, 2],
        [3, 4],
      ],
      [
        [10, 20],
        [0, 40],
      ],
    );
    expect(out).toEqual([
      [0.1, 0.1],
      ['', 0.1],
    ]);
  });
  it('conversions above visitors are rejected in A/B tests', () => {
    expect(() => call('AB_SIGNIFICANCE', 120, 100, 30, 100)).toThrow(
      'AB_SIGNIFICANCE: conversions_a (120) is more than visitors_a (100)',
    );
  });
  it('the clv_retention denominator is named by its formula', () => {
    expect(() => call('CLV_RETENTION', 100, 1, 0)).toThrow(
      'CLV_RETENTION: 1 + discount_rate - retention_rate is 0',
    );
  });
  it('durations may be written as h:mm:ss; a date cell is explained', () => {
    expect(call('AVG_SESSION_DURATION', '10:00:00', 240)).toBeCloseTo(150, 12);
    expect(() => call('AVG_SESSION_DURATION', new Date(0), 240)).toThrow(
      /AVG_SESSION_DURATION: total_duration is a date or time cell/,
    );
  });
});

describe('NPS', () => {
  it('skips blanks and a header, counts promoters and detractors', () => {
    expect(call('NPS', col('Score', 10, '', 9, 8, 3))).toBeCloseTo(((2 - 1) / 4) * 100, 12);
    expect(call('NPS', col('۱۰', '٩', '0'))).toBeCloseTo(((2 - 1) / 3) * 100, 12);
    expect(call('NPS', 10)).toBe(100);
    expect(call('NPS', col('', ''))).toBe('');
  });
  it('rejects values outside 0–10 and text below the first row', () => {
    expect(() => call('NPS', col(9, 11))).toThrow(
      'NPS: 11 (row 2, column 1 of the range) is not a score; scores are whole numbers from 0 to 10',
    );
    expect(() => call('NPS', col(9, 7.5))).toThrow(/NPS: 7.5/);
    expect(() => call('NPS', col(9, 'nine'))).toThrow(
      'NPS: nine (row 2, column 1 of the range) is not a score',
    );
  });
});
