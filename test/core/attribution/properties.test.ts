/**
 * Properties every model keeps, on random path data: credits sum to the total conversions and
 * value; the order of the rows changes nothing (not a bit); a channel that never meets a
 * converting journey gets nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_MODELS } from '../../../src/core/attribution/models';
import { attributionFunction } from '../../../src/core/attribution/sheet-function';

interface Row {
  path: string;
  conversions: number;
  value: number;
  non: number;
}

const SEPARATORS = [' > ', '>', ' › ', ' → '];
const rowArb = fc.record({
  path: fc
    .tuple(
      fc.array(fc.constantFrom('Search', 'Social', 'Email', 'Direct', 'جستجو', 'ایمیل'), {
        minLength: 1,
        maxLength: 6,
      }),
      fc.constantFrom(...SEPARATORS),
    )
    .map(([cs, sep]) => cs.join(sep)),
  // Fractional conversions as platforms report them (modelled, to a few decimals): not subnormal
  // doubles such as 5e-324, whose chain probabilities underflow to 0.
  conversions: fc.oneof(
    fc.integer({ min: 0, max: 50 }),
    fc.double({ min: 0, max: 50, noNaN: true }).map((x) => Math.round(x * 1e6) / 1e6),
  ),
  value: fc.double({ min: 0, max: 1000, noNaN: true }).map((x) => Math.round(x * 100) / 100),
  non: fc.integer({ min: 0, max: 50 }),
});
const rowsArb = fc.array(rowArb, { minLength: 1, maxLength: 12 });

function run(rows: Row[], model: string, halfLife?: number) {
  return attributionFunction(
    rows.map((r) => [r.path]),
    rows.map((r) => [r.conversions]),
    model,
    rows.map((r) => [r.value]),
    rows.map((r) => [r.non]),
    halfLife,
  ) as [string, number, number][];
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe.each(ATTRIBUTION_MODELS)('%s', (model) => {
  it('credits sum to the total conversions and the total value', () => {
    fc.assert(
      fc.property(rowsArb, fc.double({ min: 0.1, max: 5, noNaN: true }), (rows, halfLife) => {
        const conversions = sum(rows.map((r) => r.conversions));
        const value = sum(rows.map((r) => r.value));
        if (model === 'markov' && conversions === 0 && value > 0) {
          // Nothing converts, so there are no removal effects to share the value by: refused.
          expect(() => run(rows, model, halfLife)).toThrow(/value but no conversions/);
          return;
        }
        const out = run(rows, model, halfLife);
        expect(Math.abs(sum(out.map((r) => r[1])) - conversions)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, conversions),
        );
        expect(Math.abs(sum(out.map((r) => r[2])) - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, value));
        for (const r of out) expect(r[1]).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 60 },
    );
  });
  it('permuting the rows changes nothing', () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          const a = (() => {
            try {
              return run(rows, model);
            } catch (e) {
              return (e as Error).message;
            }
          })();
          const b = (() => {
            try {
              return run(shuffled, model);
            } catch (e) {
              return (e as Error).message;
            }
          })();
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('markov', () => {
  it('channels met only by journeys that never convert (and never lead to a converting channel) get 0', () => {
    const converting = fc.array(
      fc.record({
        path: fc
          .array(fc.constantFrom('A', 'B', 'C'), { minLength: 1, maxLength: 4 })
          .map((c) => c.join(' > ')),
        conversions: fc.integer({ min: 1, max: 20 }),
        value: fc.constant(0),
        non: fc.integer({ min: 0, max: 20 }),
      }),
      { minLength: 1, maxLength: 6 },
    );
    const idle = fc.array(
      fc.record({
        path: fc.array(fc.constantFrom('X', 'Y'), { minLength: 1, maxLength: 3 }).map((c) => c.join(' > ')),
        conversions: fc.constant(0),
        value: fc.constant(0),
        non: fc.integer({ min: 1, max: 20 }),
      }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(converting, idle, (a, b) => {
        const out = run([...a, ...b], 'markov');
        for (const [channel, conversions] of out)
          if (channel === 'X' || channel === 'Y') expect(conversions).toBeCloseTo(0, 12);
      }),
      { numRuns: 100 },
    );
  });
});
