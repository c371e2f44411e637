/**
 * The rule-based models against hand arithmetic (fractions in the comments) and the published
 * rules: Google Ads' AttributionModel enum ("position-based: 40% of the credit to the first and
 * last clicks, remaining 20% evenly distributed across all other clicks"), Matomo's model FAQ.
 */
import { describe, expect, it } from 'vitest';
import { buildJourneys, type PathRow } from '../../../src/core/attribution/journeys';
import { ruleCredits, touchWeights } from '../../../src/core/attribution/rules';

const row = (path: string, conversions: number, value = 0): PathRow => ({
  channels: path.split(' > '),
  conversions,
  value,
  nonConversions: 0,
});

/** Credits by channel name. */
function credits(rows: PathRow[], model: Parameters<typeof ruleCredits>[1], halfLife?: number) {
  const j = buildJourneys(rows);
  const c = ruleCredits(j, model, halfLife);
  return Object.fromEntries(j.channels.map((ch, i) => [ch, [c.conversions[i], c.value[i]]]));
}

describe('touch weights', () => {
  it('position-based: 40/20/40 for three touches, 40/10/10/40 for four, 50/50 for two, 100% for one', () => {
    expect(touchWeights('position_based', 3)).toEqual([0.4, expect.closeTo(0.2, 15), 0.4]);
    const four = touchWeights('position_based', 4);
    expect(four[0]).toBe(0.4);
    expect(four[1]).toBeCloseTo(0.1, 15); // 20% ÷ 2 middle touches
    expect(four[2]).toBeCloseTo(0.1, 15);
    expect(four[3]).toBe(0.4);
    expect(touchWeights('position_based', 2)).toEqual([0.5, 0.5]);
    expect(touchWeights('position_based', 1)).toEqual([1]);
  });
  it('time decay, half-life 1 touch: weights 1/4, 1/2, 1 normalised by 7/4 → 1/7, 2/7, 4/7', () => {
    const w = touchWeights('time_decay', 3, 1);
    expect(w).toEqual([1 / 7, 2 / 7, 4 / 7].map((x) => expect.closeTo(x, 14)));
  });
  it('time decay, half-life 2 touches: 0.5, √½, 1 over their sum', () => {
    const w = touchWeights('time_decay', 3, 2);
    const sum = 0.5 + Math.SQRT1_2 + 1;
    expect(w).toEqual([0.5 / sum, Math.SQRT1_2 / sum, 1 / sum].map((x) => expect.closeTo(x, 14)));
  });
  it('time decay of one touch gives it everything', () => {
    expect(touchWeights('time_decay', 1, 0.3)).toEqual([1]);
  });
});

describe('rule-based credits', () => {
  // kpi-reference.md: a $100 conversion with three touches: position-based 40 / 20 / 40.
  const rows = [row('Display > Social > Search', 1, 100)];
  it('position-based on the kpi-reference example: 40 / 20 / 40 of $100', () => {
    const c = credits(rows, 'position_based');
    expect(c.Display?.[1]).toBeCloseTo(40, 12);
    expect(c.Social?.[1]).toBeCloseTo(20, 12);
    expect(c.Search?.[1]).toBeCloseTo(40, 12);
  });
  it('first and last touch give all to one end', () => {
    expect(credits(rows, 'first_touch')).toEqual({ Display: [1, 100], Social: [0, 0], Search: [0, 0] });
    expect(credits(rows, 'last_touch')).toEqual({ Display: [0, 0], Social: [0, 0], Search: [1, 100] });
  });
  it('linear credits a repeated channel per touch: A > B > A with 3 conversions → A 2, B 1', () => {
    const c = credits([row('A > B > A', 3, 30)], 'linear');
    expect(c.A?.[0]).toBeCloseTo(2, 14); // 2 touches × 3/3
    expect(c.A?.[1]).toBeCloseTo(20, 13);
    expect(c.B?.[0]).toBeCloseTo(1, 14);
  });
  it('adds paths together: two paths, every model, by hand', () => {
    // P1: A > B, 4 conversions, value 40;  P2: B > C > A, 6 conversions, value 90.
    const data = [row('A > B', 4, 40), row('B > C > A', 6, 90)];
    // first: A 4, B 6.  last: B 4, A 6.  linear: A 2 + 2 = 4, B 2 + 2 = 4, C 2.
    expect(credits(data, 'first_touch')).toEqual({ A: [4, 40], B: [6, 90], C: [0, 0] });
    expect(credits(data, 'last_touch')).toEqual({ A: [6, 90], B: [4, 40], C: [0, 0] });
    const linear = credits(data, 'linear');
    expect(linear.A?.[0]).toBeCloseTo(4, 13);
    expect(linear.B?.[0]).toBeCloseTo(4, 13);
    expect(linear.C?.[0]).toBeCloseTo(2, 13);
    expect(linear.A?.[1]).toBeCloseTo(20 + 30, 12); // 40/2 + 90/3
    // position-based: P1 50/50 → A 2, B 2; P2 40/20/40 → B 2.4, C 1.2, A 2.4.
    const pos = credits(data, 'position_based');
    expect(pos.A?.[0]).toBeCloseTo(4.4, 13);
    expect(pos.B?.[0]).toBeCloseTo(4.4, 13);
    expect(pos.C?.[0]).toBeCloseTo(1.2, 13);
    // time decay (half-life 1): P1 weights 1/3, 2/3 → A 4/3, B 8/3; P2 1/7, 2/7, 4/7 → B 6/7, C 12/7, A 24/7.
    const decay = credits(data, 'time_decay');
    expect(decay.A?.[0]).toBeCloseTo(4 / 3 + 24 / 7, 13);
    expect(decay.B?.[0]).toBeCloseTo(8 / 3 + 6 / 7, 13);
    expect(decay.C?.[0]).toBeCloseTo(12 / 7, 13);
  });
});
