/**
 * The Markov model against published worked examples, hand arithmetic and an exact oracle: the
 * chain built from the raw rows and solved by Gauss–Jordan on fractions, removing each channel
 * the way the definition says (every transition into it goes to null) and solving again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttributionInputError } from '../../../src/core/attribution/errors';
import { buildJourneys, type PathRow } from '../../../src/core/attribution/journeys';
import { MARKOV_MAX_CHANNELS, markovCredits } from '../../../src/core/attribution/markov';
import { add, div, mul, type Q, q, solveExact, sub, toNumber } from './rational';

const row = (path: string, conversions: number, nonConversions = 0, value = 0): PathRow => ({
  channels: path.split(' > '),
  conversions,
  value,
  nonConversions,
});

function byName(rows: PathRow[]) {
  const j = buildJourneys(rows);
  const r = markovCredits(j);
  const get = (a: Float64Array) => Object.fromEntries(j.channels.map((c, i) => [c, a[i] as number]));
  return {
    p: r.conversionProbability,
    effects: get(r.removalEffects),
    conversions: get(r.credits.conversions),
    value: get(r.credits.value),
  };
}

/**
 * P(conversion) of the chain counted from `rows`, with the channels in `removed` turned into
 * null (x = 0 there), exactly. States: start, then each channel; counts as the issue defines them.
 */
function exactConversion(rows: PathRow[], removed: ReadonlySet<string>): Q {
  const channels = [...new Set(rows.flatMap((r) => r.channels))];
  const states = ['(start)', ...channels];
  const index = new Map(states.map((s, i) => [s, i]));
  const n = states.length;
  const count: Q[][] = states.map(() => states.map(() => q(0)));
  const toConv: Q[] = states.map(() => q(0));
  const out: Q[] = states.map(() => q(0));
  for (const r of rows) {
    const w = q(r.conversions + r.nonConversions);
    const seq = ['(start)', ...r.channels];
    for (let k = 0; k + 1 < seq.length; k++) {
      const [i, j] = [index.get(seq[k] as string) as number, index.get(seq[k + 1] as string) as number];
      (count[i] as Q[])[j] = add((count[i] as Q[])[j] as Q, w);
      out[i] = add(out[i] as Q, w);
    }
    const last = index.get(seq.at(-1) as string) as number;
    toConv[last] = add(toConv[last] as Q, q(r.conversions));
    out[last] = add(out[last] as Q, w);
  }
  // (I − Q) x = b; a removed or never-left state is a null: its row is x = 0.
  const m: Q[][] = [];
  const b: Q[] = [];
  for (let i = 0; i < n; i++) {
    const dead = (out[i] as Q).n === 0n || removed.has(states[i] as string);
    m.push(
      states.map((_, j) => {
        const eye = q(i === j ? 1 : 0);
        return dead ? eye : sub(eye, div((count[i] as Q[])[j] as Q, out[i] as Q));
      }),
    );
    b.push(dead ? q(0) : div(toConv[i] as Q, out[i] as Q));
  }
  return solveExact(m, b)[0] as Q;
}

/** Removal effects and credits by the definition, exactly: effect ÷ Σ effects × total conversions. */
function exactCredits(rows: PathRow[]): { effects: Record<string, number>; credits: Record<string, number> } {
  const channels = [...new Set(rows.flatMap((r) => r.channels))];
  const p = exactConversion(rows, new Set());
  const total = rows.reduce((s, r) => s + r.conversions, 0);
  const zero = Object.fromEntries(channels.map((c) => [c, 0]));
  if (p.n === 0n) return { effects: zero, credits: zero };
  const effects = channels.map((c) => sub(q(1), div(exactConversion(rows, new Set([c])), p)));
  const sum = effects.reduce(add, q(0));
  return {
    effects: Object.fromEntries(channels.map((c, i) => [c, toNumber(effects[i] as Q)])),
    credits: Object.fromEntries(
      channels.map((c, i) => [c, toNumber(mul(div(effects[i] as Q, sum), q(total)))]),
    ),
  };
}

describe('markov: published worked examples', () => {
  it('Puzyrov, "Markov Chain Attribution – Simple Explanation Of Removal Effect" (2019)', () => {
    // serhiipuzyrov.com/2019/07/markov-chain-attribution-simple-explanation-of-removal-effect/:
    // its paths and transition table as published; P, removal effects and credits worked by hand.
    // Paths: Google Ads 2 conv, Mailing 1, Google Ads > Mailing 1, Google Ads 0 (one journey to null).
    // Published transitions: start→GA 4/5, start→M 1/5, GA→conv 2/4, GA→M 1/4, GA→null 1/4, M→conv 2/2.
    // P(conv) = 4/5 × (1/2 + 1/4 × 1) + 1/5 × 1 = 4/5.
    // Without GA: 1/5 → effect 1 − (1/5)/(4/5) = 3/4. Without M: 4/5 × 1/2 = 2/5 → effect 1/2.
    // Credits of 4 conversions: GA 3/4 ÷ 5/4 × 4 = 2.4, M 1/2 ÷ 5/4 × 4 = 1.6.
    const r = byName([
      row('Google Ads', 2),
      row('Mailing', 1),
      row('Google Ads > Mailing', 1),
      row('Google Ads', 0, 1),
    ]);
    expect(r.p).toBeCloseTo(0.8, 14);
    expect(r.effects['Google Ads']).toBeCloseTo(0.75, 14);
    expect(r.effects.Mailing).toBeCloseTo(0.5, 14);
    expect(r.conversions['Google Ads']).toBeCloseTo(2.4, 13);
    expect(r.conversions.Mailing).toBeCloseTo(1.6, 13);
  });
  it('the three-path illustration of Bryl (analyzecore.com, 2016): C1 > C2 > C3 converts, C1 and C2 > C3 do not', () => {
    // The paths as I recall them from that post (its page body was not retrievable here); the
    // figures below are worked by hand, not copied.
    // start→C1 2/3, start→C2 1/3; C1→C2 1/2, C1→null 1/2; C2→C3 1; C3→conv 1/2, C3→null 1/2.
    // P(conv) = 2/3 × 1/2 × 1/2 + 1/3 × 1/2 = 1/3.
    // Without C1: 1/3 × 1/2 = 1/6 → effect 1/2; without C2 or C3: 0 → effect 1.
    // One conversion shared 0.5 : 1 : 1 → 0.2, 0.4, 0.4.
    const r = byName([row('C1 > C2 > C3', 1), row('C1', 0, 1), row('C2 > C3', 0, 1)]);
    expect(r.p).toBeCloseTo(1 / 3, 14);
    expect(r.effects).toEqual({
      C1: expect.closeTo(0.5, 14),
      C2: expect.closeTo(1, 14),
      C3: expect.closeTo(1, 14),
    });
    expect(r.conversions).toEqual({
      C1: expect.closeTo(0.2, 14),
      C2: expect.closeTo(0.4, 14),
      C3: expect.closeTo(0.4, 14),
    });
  });
});

describe('markov: hand arithmetic', () => {
  it('value is shared by the same removal-effect shares', () => {
    // The Puzyrov paths with values 200, 50, 70, 0: total 320 → GA 320 × 0.6 = 192, M 320 × 0.4 = 128.
    const r = byName([
      row('Google Ads', 2, 0, 200),
      row('Mailing', 1, 0, 50),
      row('Google Ads > Mailing', 1, 0, 70),
      row('Google Ads', 0, 1, 0),
    ]);
    expect(r.value['Google Ads']).toBeCloseTo(192, 11);
    expect(r.value.Mailing).toBeCloseTo(128, 11);
  });
  it('a repeated channel (a self-loop) changes no removal effect: A > A > B and A > B agree', () => {
    const loop = byName([row('A > A > B', 3), row('A', 0, 1)]);
    const plain = byName([row('A > B', 3), row('A', 0, 1)]);
    expect(loop.effects.A).toBeCloseTo(plain.effects.A as number, 14);
    expect(loop.conversions).toEqual({ A: expect.closeTo(1.5, 13), B: expect.closeTo(1.5, 13) });
  });
  it('without non-conversions P(conversion) is 1 and a removal effect is the chance to pass through the channel', () => {
    // A > C 1, B > C 1, A 2 (all convert): start→A 3/4, start→B 1/4; A→C 1/3, A→conv 2/3; B→C 1; C→conv 1.
    // Reach A: 3/4; reach B: 1/4; reach C: 3/4 × 1/3 + 1/4 = 1/2. Σ = 3/2; 4 conversions:
    // A 3/4 ÷ 3/2 × 4 = 2, B 1/4 ÷ 3/2 × 4 = 2/3, C 1/2 ÷ 3/2 × 4 = 4/3.
    const r = byName([row('A > C', 1), row('B > C', 1), row('A', 2)]);
    expect(r.p).toBeCloseTo(1, 14);
    expect(r.effects).toEqual({
      A: expect.closeTo(0.75, 14),
      B: expect.closeTo(0.25, 14),
      C: expect.closeTo(0.5, 14),
    });
    expect(r.conversions).toEqual({
      A: expect.closeTo(2, 13),
      B: expect.closeTo(2 / 3, 13),
      C: expect.closeTo(4 / 3, 13),
    });
  });
  it('a channel seen only in non-converting paths still gets credit when the chain leads from it to a converting channel', () => {
    // A > B converts once; C > B leaves once. start→A 1/2, start→C 1/2; A→B 1; C→B 1; B→conv 1/2, B→null 1/2.
    // P = 1/2. Without C: 1/2 × 1/2 = 1/4 → effect 1/2; without A likewise 1/2; without B: 1.
    // So C gets 1/2 ÷ 2 × 1 = 0.25: a first-order chain forgets that C's journeys did not convert.
    const r = byName([row('A > B', 1), row('C > B', 0, 1)]);
    expect(r.conversions).toEqual({
      A: expect.closeTo(0.25, 14),
      B: expect.closeTo(0.5, 14),
      C: expect.closeTo(0.25, 14),
    });
  });
  it('nothing converts: every credit is 0', () => {
    const r = byName([row('A > B', 0, 3), row('B', 0, 1)]);
    expect(r.conversions).toEqual({ A: 0, B: 0 });
  });
});

describe('markov: limits', () => {
  it(`refuses more than ${MARKOV_MAX_CHANNELS} channels, saying so, rather than run past Sheets' time limit`, () => {
    const rows = Array.from({ length: MARKOV_MAX_CHANNELS + 1 }, (_, k) => row(`ch${k}`, 1));
    expect(() => byName(rows)).toThrow(AttributionInputError);
    expect(() => byName(rows)).toThrow(/up to 500 channels; these paths have 501/);
  });
  it('refuses to share value when nothing converts (there is no removal effect to share it by)', () => {
    expect(() => byName([row('A', 0, 3, 50)])).toThrow(/value but no conversions/);
  });
});

describe('markov: the exact oracle on random data', () => {
  const channel = fc.constantFrom('A', 'B', 'C', 'D', 'E');
  const rows = fc.array(
    fc.record({
      channels: fc.array(channel, { minLength: 1, maxLength: 5 }),
      conversions: fc.integer({ min: 0, max: 9 }),
      value: fc.constant(0),
      nonConversions: fc.integer({ min: 0, max: 9 }),
    }),
    { minLength: 1, maxLength: 8 },
  );
  it('removal effects and credits agree with removing each channel and solving the chain again in fractions', () => {
    fc.assert(
      fc.property(rows, (data) => {
        const got = byName(data);
        const want = exactCredits(data);
        for (const c of Object.keys(want.credits)) {
          expect(got.conversions[c]).toBeCloseTo(want.credits[c] as number, 9);
          expect(got.effects[c]).toBeCloseTo(want.effects[c] as number, 12);
        }
      }),
      { numRuns: 150 },
    );
  });
});
