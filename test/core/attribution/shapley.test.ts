/**
 * Shapley credits against two independent computations: the definition itself (each channel's
 * marginal contribution averaged over every order in which the channels can join), and the
 * simplified formula of Zhao, Mahboobi & Bagheri, "Shapley Value Methods for Attribution Modeling
 * in Online Advertising" (arXiv:1804.05327, 2018): with v(S) = conversions of the paths whose
 * channel set lies within S, each path's conversions are split equally among its distinct channels.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttributionInputError } from '../../../src/core/attribution/errors';
import { buildJourneys, type PathRow } from '../../../src/core/attribution/journeys';
import { SHAPLEY_MAX_CHANNELS, shapleyCredits } from '../../../src/core/attribution/shapley';

const row = (path: string, conversions: number, value = 0): PathRow => ({
  channels: path.split(' > '),
  conversions,
  value,
  nonConversions: 0,
});

function byName(rows: PathRow[]) {
  const j = buildJourneys(rows);
  const c = shapleyCredits(j);
  const get = (a: Float64Array) => Object.fromEntries(j.channels.map((ch, i) => [ch, a[i] as number]));
  return { conversions: get(c.conversions), value: get(c.value) };
}

/** The definition: average marginal contribution over all n! join orders. */
function byPermutations(rows: PathRow[]): Record<string, number> {
  const players = [...new Set(rows.flatMap((r) => r.channels))];
  const v = (s: Set<string>) =>
    rows.reduce((sum, r) => (r.channels.every((c) => s.has(c)) ? sum + r.conversions : sum), 0);
  const total: Record<string, number> = Object.fromEntries(players.map((p) => [p, 0]));
  let orders = 0;
  const permute = (rest: string[], joined: string[]) => {
    if (rest.length === 0) {
      orders++;
      const s = new Set<string>();
      for (const p of joined) {
        const before = v(s);
        s.add(p);
        total[p] = (total[p] as number) + v(s) - before;
      }
      return;
    }
    rest.forEach((p, i) => {
      permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...joined, p]);
    });
  };
  permute(players, []);
  return Object.fromEntries(players.map((p) => [p, (total[p] as number) / orders]));
}

describe('shapley', () => {
  it('a worked example by hand', () => {
    // Paths: A 10, A > B 6, B > C > B 3 (channel set {B, C}), C 1.
    // v: {A}=10 {B}=0 {C}=1 {A,B}=16 {A,C}=11 {B,C}=4 {A,B,C}=20.
    // Orders (6): A's marginals: ABC 10, ACB 10, BAC 16, BCA 16, CAB 10, CBA 16 → 78/6 = 13.
    // B: ABC 6, ACB 9, BAC 0, BCA 0, CAB 9, CBA 3 → 27/6 = 4.5.  C: ABC 4, ACB 1, BAC 4, BCA 4, CAB 1, CBA 1 → 15/6 = 2.5.
    // Zhao's formula: A 10 + 6/2 = 13; B 6/2 + 3/2 = 4.5; C 3/2 + 1 = 2.5.
    const r = byName([row('A', 10), row('A > B', 6), row('B > C > B', 3), row('C', 1)]);
    expect(r.conversions).toEqual({
      A: expect.closeTo(13, 12),
      B: expect.closeTo(4.5, 12),
      C: expect.closeTo(2.5, 12),
    });
  });
  it('the value game: each path value split among its distinct channels', () => {
    // A > B worth 100, B worth 30: A 50, B 50 + 30 = 80.
    const r = byName([row('A > B', 2, 100), row('B', 1, 30)]);
    expect(r.value).toEqual({ A: expect.closeTo(50, 12), B: expect.closeTo(80, 12) });
    expect(r.conversions).toEqual({ A: expect.closeTo(1, 12), B: expect.closeTo(2, 12) });
  });
  it('agrees with the definition over all join orders, on random data', () => {
    const rows = fc.array(
      fc.record({
        channels: fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E'), { minLength: 1, maxLength: 4 }),
        conversions: fc.integer({ min: 0, max: 20 }),
        value: fc.constant(0),
        nonConversions: fc.constant(0),
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(rows, (data) => {
        const got = byName(data).conversions;
        const want = byPermutations(data);
        for (const c of Object.keys(want)) expect(got[c]).toBeCloseTo(want[c] as number, 9);
      }),
      { numRuns: 100 },
    );
  });
  it(`is exact at ${SHAPLEY_MAX_CHANNELS} channels (Zhao's formula as the check)`, () => {
    // Channel k appears alone (k conversions) and in the path k > k+1 (1 conversion).
    const names = Array.from({ length: SHAPLEY_MAX_CHANNELS }, (_, k) => `ch${k}`);
    const rows = names.flatMap((c, k) => [
      row(c, k),
      ...(k + 1 < names.length ? [row(`${c} > ch${k + 1}`, 1)] : []),
    ]);
    const got = byName(rows).conversions;
    names.forEach((c, k) => {
      const want = k + (k > 0 ? 0.5 : 0) + (k + 1 < names.length ? 0.5 : 0);
      expect(got[c], c).toBeCloseTo(want, 9);
    });
  });
  it(`refuses more than ${SHAPLEY_MAX_CHANNELS} converting channels, saying so`, () => {
    const rows = Array.from({ length: SHAPLEY_MAX_CHANNELS + 1 }, (_, k) => row(`ch${k}`, 1));
    expect(() => byName(rows)).toThrow(AttributionInputError);
    expect(() => byName(rows)).toThrow(/up to 20 channels.*have 21/);
  });
  it('does not count channels of paths with nothing to share toward the limit (they get 0)', () => {
    const rows = [
      row('A > B', 4),
      ...Array.from({ length: SHAPLEY_MAX_CHANNELS + 5 }, (_, k) => row(`idle${k}`, 0)),
    ];
    const r = byName(rows).conversions;
    expect(r.A).toBeCloseTo(2, 12);
    expect(r.idle3).toBe(0);
  });
});
