/**
 * Issue 13, checked independently: ATTRIBUTION called as Sheets calls it, through the built bundle
 * (dist/Code.js in node:vm, ranges as 2-D arrays). Every expectation below is hand arithmetic
 * (written out in the comments), a published worked example, or an independent reference
 * computation written in this file from the definitions (a Markov absorbing-chain solver
 * by Gaussian elimination and a Shapley value by subset enumeration), never the code under test.
 * Needs `node build.mjs` first.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, type SheetFn } from '../helpers/bundle';

let ATTRIBUTION: SheetFn;
beforeAll(() => {
  const f = loadBundle();
  ATTRIBUTION = f.ATTRIBUTION as SheetFn;
  expect(typeof ATTRIBUTION).toBe('function');
});

type Model = 'first_touch' | 'last_touch' | 'linear' | 'position_based' | 'time_decay' | 'markov' | 'shapley';
const MODELS: Model[] = [
  'first_touch',
  'last_touch',
  'linear',
  'position_based',
  'time_decay',
  'markov',
  'shapley',
];

const col = (...vals: unknown[]): unknown[][] => vals.map((v) => [v]);

interface Credit {
  conv: number;
  value?: number;
}

/** Calls ATTRIBUTION and reads its rows into channel → credit (and checks the row shape). */
function attribute(
  paths: unknown[],
  conversions: unknown[],
  model: string,
  opts: { values?: unknown[]; non?: unknown[]; halfLife?: unknown } = {},
): Map<string, Credit> {
  const args: unknown[] = [col(...paths), col(...conversions), model];
  args.push(opts.values ? col(...opts.values) : undefined);
  args.push(opts.non ? col(...opts.non) : undefined);
  if (opts.halfLife !== undefined) args.push(opts.halfLife);
  const out = ATTRIBUTION(...args) as unknown[][];
  expect(Array.isArray(out), 'ATTRIBUTION returns a range').toBe(true);
  const map = new Map<string, Credit>();
  for (const row of out) {
    expect(
      row.length,
      `row ${JSON.stringify(row)}: channel, conversions${opts.values ? ', value' : ''}`,
    ).toBe(opts.values ? 3 : 2);
    const [name, conv, value] = row as [string, number, number?];
    expect(typeof name).toBe('string');
    expect(map.has(name), `channel "${name}" listed twice`).toBe(false);
    map.set(name, opts.values ? { conv, value } : { conv });
  }
  return map;
}

/** Expects exactly these channels with these credits (conversions, and value when given). */
function expectCredits(got: Map<string, Credit>, want: Record<string, number | [number, number]>): void {
  expect([...got.keys()].sort()).toEqual(Object.keys(want).sort());
  for (const [name, w] of Object.entries(want)) {
    const g = got.get(name) as Credit;
    const [conv, value] = Array.isArray(w) ? w : [w, undefined];
    expect(g.conv, `${name} conversions`).toBeCloseTo(conv, 9);
    if (value !== undefined) expect(g.value, `${name} value`).toBeCloseTo(value, 9);
  }
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

// ------------------------------------------------------------------------------------------------
// A small path set for the rule-based models, hand-computed.
//   row 1  Search > Social > Email            conv 6   value 600
//   row 2  Social > Search                    conv 2   value 100
//   row 3  Email                              conv 1   value  50
//   row 4  Search > Display > Social > Email  conv 4   value 200
//   row 5  Search > Email > Search            conv 3   value  90   (a channel repeated)
// Totals: conversions 16, value 1040.
const P = [
  'Search > Social > Email',
  'Social > Search',
  'Email',
  'Search > Display > Social > Email',
  'Search > Email > Search',
];
const C = [6, 2, 1, 4, 3];
const V = [600, 100, 50, 200, 90];

describe('ATTRIBUTION rule-based models on a hand-computed path set', () => {
  it('first_touch: all credit to the first touch', () => {
    // Search: rows 1, 4, 5 → 6 + 4 + 3 = 13 (value 600 + 200 + 90 = 890); Social: row 2 → 2 (100);
    // Email: row 3 → 1 (50); Display never first → 0.  13 + 2 + 1 + 0 = 16; 890 + 100 + 50 = 1040.
    expectCredits(attribute(P, C, 'first_touch', { values: V }), {
      Search: [13, 890],
      Social: [2, 100],
      Email: [1, 50],
      Display: [0, 0],
    });
  });

  it('last_touch: all credit to the last touch', () => {
    // Email: rows 1, 3, 4 → 6 + 1 + 4 = 11 (600 + 50 + 200 = 850); Search: rows 2, 5 → 2 + 3 = 5
    // (100 + 90 = 190); Social and Display never last → 0.
    expectCredits(attribute(P, C, 'last_touch', { values: V }), {
      Email: [11, 850],
      Search: [5, 190],
      Social: [0, 0],
      Display: [0, 0],
    });
  });

  it('linear: equal credit per touch, a repeated channel credited per touch', () => {
    // row 1: 6/3 = 2 each to Search, Social, Email (values 200 each)
    // row 2: 2/2 = 1 each to Social, Search (50 each)
    // row 3: Email 1 (50)
    // row 4: 4/4 = 1 each to Search, Display, Social, Email (50 each)
    // row 5: 3/3 per touch: Search twice → 2, Email 1 (values 90/3 = 30 per touch → 60, 30)
    // Search 2+1+1+2 = 6 (200+50+50+60 = 360); Social 2+1+1 = 4 (300); Email 2+1+1+1 = 5
    // (200+50+50+30 = 330); Display 1 (50).  6+4+5+1 = 16; 360+300+330+50 = 1040.
    expectCredits(attribute(P, C, 'linear', { values: V }), {
      Search: [6, 360],
      Social: [4, 300],
      Email: [5, 330],
      Display: [1, 50],
    });
  });

  it('position_based: 40% first, 40% last, 20% over the middle; 2 touches 50/50; 1 touch 100%', () => {
    // row 1 (3 touches): Search 0.4·6 = 2.4, Social 0.2·6 = 1.2, Email 2.4 (values 240, 120, 240)
    // row 2 (2 touches): 50/50 → Social 1, Search 1 (50, 50)
    // row 3 (1 touch): Email 1 (50)
    // row 4 (4 touches): Search 0.4·4 = 1.6, Display 0.1·4 = 0.4, Social 0.4, Email 1.6
    //                    (values 80, 20, 20, 80)
    // row 5 (Search > Email > Search): Search first + last = 0.8·3 = 2.4, Email 0.6 (72, 18)
    // Search 2.4+1+1.6+2.4 = 7.4 (240+50+80+72 = 442); Social 1.2+1+0.4 = 2.6 (120+50+20 = 190);
    // Email 2.4+1+1.6+0.6 = 5.6 (240+50+80+18 = 388); Display 0.4 (20).  Sums 16 and 1040.
    expectCredits(attribute(P, C, 'position_based', { values: V }), {
      Search: [7.4, 442],
      Social: [2.6, 190],
      Email: [5.6, 388],
      Display: [0.4, 20],
    });
  });

  it('position_based: one touch gets 100%, two touches 50/50, three 40/20/40, five 40/6.67×3/40', () => {
    expectCredits(attribute(['Solo'], [10], 'position_based'), { Solo: 10 });
    expectCredits(attribute(['First > Last'], [10], 'position_based'), { First: 5, Last: 5 });
    expectCredits(attribute(['A > B > C'], [10], 'position_based'), { A: 4, B: 2, C: 4 });
    // 5 touches: 4 + 2/3·3 middles (20% of 10 = 2 shared by 3) + 4
    expectCredits(attribute(['A > B > C > D > E'], [10], 'position_based'), {
      A: 4,
      B: 2 / 3,
      C: 2 / 3,
      D: 2 / 3,
      E: 4,
    });
  });

  it('time_decay, half_life 1 (the default): weights 0.5^k, k = touches after it', () => {
    // row 1 Search,Social,Email: k = 2,1,0 → .25,.5,1 (sum 1.75) → 1/7, 2/7, 4/7 of 6 and of 600
    // row 2 Social,Search: .5, 1 → 1/3, 2/3 of 2 and of 100
    // row 3 Email: 1 and 50
    // row 4 Search,Display,Social,Email: .125,.25,.5,1 (sum 15/8) → 1/15,2/15,4/15,8/15 of 4 / 200
    // row 5 Search,Email,Search: .25,.5,1 → Search 5/7, Email 2/7 of 3 and of 90
    // Search  = 6/7 + 4/3 + 4/15 + 15/7 = 3 + 24/15 = 4.6
    // Social  = 12/7 + 2/3 + 16/15 = 362/105
    // Email   = 24/7 + 1 + 32/15 + 6/7 = 779/105
    // Display = 8/15 = 56/105                       (483 + 362 + 779 + 56)/105 = 16
    // values: Search 600/7 + 200/3 + 40/3 + 450/7 = 230; Social 1200/7 + 100/3 + 160/3 = 5420/21;
    //         Email 2400/7 + 50 + 320/3 + 180/7 = 11030/21; Display 80/3 = 560/21   (sum 1040)
    const want = {
      Search: [4.6, 230],
      Social: [362 / 105, 5420 / 21],
      Email: [779 / 105, 11030 / 21],
      Display: [56 / 105, 560 / 21],
    } as Record<string, [number, number]>;
    expectCredits(attribute(P, C, 'time_decay', { values: V }), want);
    expectCredits(attribute(P, C, 'time_decay', { values: V, halfLife: 1 }), want);
  });

  it('time_decay, half_life 2: weights 0.5^(k/2)', () => {
    // A > B > C: k = 2,1,0 → 0.5^1 = 0.5, 0.5^0.5 = 0.70710678…, 1; sum 2.20710678…
    // A = 0.5/2.2071 = 0.226541…, B = 0.7071/2.2071 = 0.320377…, C = 1/2.2071 = 0.453082… (× 10)
    const r = Math.SQRT1_2;
    const s = 0.5 + r + 1;
    expectCredits(attribute(['A > B > C'], [10], 'time_decay', { halfLife: 2 }), {
      A: (10 * 0.5) / s,
      B: (10 * r) / s,
      C: 10 / s,
    });
    expect((10 * 0.5) / s).toBeCloseTo(2.26541, 4); // the rounded figures above
    // Two touches: weights 0.70710678, 1 → 0.414214 and 0.585786 of the conversions.
    expectCredits(attribute(['X > Y'], [1], 'time_decay', { halfLife: 2 }), {
      X: r / (1 + r),
      Y: 1 / (1 + r),
    });
    expect(r / (1 + r)).toBeCloseTo(0.414214, 6);
    // half_life written in Persian digits is read as a number too.
    expectCredits(attribute(['A > B > C'], [10], 'time_decay', { halfLife: '۲' }), {
      A: (10 * 0.5) / s,
      B: (10 * r) / s,
      C: 10 / s,
    });
  });

  it('time_decay with half_life 1 on a 1-touch path gives it everything', () => {
    expectCredits(attribute(['Only'], [7], 'time_decay', { halfLife: 1 }), { Only: 7 });
  });
});

describe('ATTRIBUTION reads paths as GA and ad platforms export them', () => {
  const spellings = [
    'Search > Social > Email',
    'Search>Social>Email',
    'Search › Social › Email',
    'Search›Social›Email',
    'Search → Social → Email',
    'Search→Social→Email',
    '  Search   >Social>   Email  ',
  ];
  it.each(spellings)('"%s" is Search, Social, Email', (path) => {
    // linear 3 conversions → 1 each; first_touch → Search 3; last_touch → Email 3.
    expectCredits(attribute([path], [3], 'linear'), { Search: 1, Social: 1, Email: 1 });
    expectCredits(attribute([path], [3], 'first_touch'), { Search: 3, Social: 0, Email: 0 });
    expectCredits(attribute([path], [3], 'last_touch'), { Search: 0, Social: 0, Email: 3 });
  });

  it('mixes separators across rows and sums the same channel across them', () => {
    // Search > Email (2) and Search→Email (4) are one path; first_touch → Search 6, Email 0.
    expectCredits(attribute(['Search > Email', 'Search→Email', 'Search›Email'], [2, 4, 1], 'first_touch'), {
      Search: 7,
      Email: 0,
    });
  });

  it('keeps case: "search" and "Search" are different channels', () => {
    expectCredits(attribute(['search > Search'], [2], 'linear'), { search: 1, Search: 1 });
  });

  it('reads Persian and Arabic channel names, with Persian/Arabic digits for the counts', () => {
    // گوگل ادز > شبکه‌های اجتماعی > ایمیل  conv ۶ (6) → linear 2 each
    // شبکه‌های اجتماعی › گوگل ادز          conv ٤ (4) → linear 2 each
    // بحث جوجل → واتساب                    conv 2     → linear 1 each
    // گوگل ادز 2+2 = 4; شبکه‌های اجتماعی (with its zero-width non-joiner) 2+2 = 4; ایمیل 2;
    // بحث جوجل 1; واتساب 1.  Total 12.
    const paths = ['گوگل ادز > شبکه‌های اجتماعی > ایمیل', 'شبکه‌های اجتماعی › گوگل ادز', 'بحث جوجل → واتساب'];
    expectCredits(attribute(paths, ['۶', '٤', 2], 'linear'), {
      'گوگل ادز': 4,
      'شبکه‌های اجتماعی': 4,
      ایمیل: 2,
      'بحث جوجل': 1,
      واتساب: 1,
    });
    // first_touch: گوگل ادز 6, شبکه‌های اجتماعی 4, بحث جوجل 2, the rest 0.
    expectCredits(attribute(paths, ['۶', '٤', 2], 'first_touch'), {
      'گوگل ادز': 6,
      'شبکه‌های اجتماعی': 4,
      ایمیل: 0,
      'بحث جوجل': 2,
      واتساب: 0,
    });
  });
});

// ------------------------------------------------------------------------------------------------
// Markov: two published worked examples, reproduced exactly, and hand-solved chains.
describe('ATTRIBUTION markov', () => {
  it('reproduces the worked example of S. Puzyrov, "Markov Chain Attribution – Simple Explanation Of Removal Effect" (2019)', () => {
    // https://serhiipuzyrov.com/2019/07/markov-chain-attribution-simple-explanation-of-removal-effect/
    // Paths as in the article's table: google ads 2 conv; mailing 1; google ads > mailing 1;
    // google ads 0 conv (one journey that did not convert).
    // The article's transition probabilities: start→google ads 4/5, start→mailing 1/5,
    // google ads→conv 2/4, →mailing 1/4, →null 1/4, mailing→conv 2/2.
    // P(conv) = 0.8·(0.5 + 0.25·1) + 0.2·1 = 0.8
    // without google ads: 0.2 → removal effect 1 − 0.2/0.8 = 0.75
    // without mailing: 0.8·0.5 = 0.4 → removal effect 1 − 0.4/0.8 = 0.5
    // credits of the 4 conversions: 0.75/1.25·4 = 2.4 and 0.5/1.25·4 = 1.6 (the article's result)
    // values 200, 0, 100, 100 (total 400) → 240 and 160.
    const got = attribute(
      ['Google Ads', 'Mailing', 'Google Ads > Mailing', 'Google Ads'],
      [2, 1, 1, 0],
      'markov',
      { non: [0, 0, 0, 1], values: [200, 100, 100, 0] },
    );
    expectCredits(got, { 'Google Ads': [2.4, 240], Mailing: [1.6, 160] });
    // The same journeys with the non-converting one on the same row as the converting ones.
    expectCredits(
      attribute(['Google Ads', 'Mailing', 'Google Ads > Mailing'], [2, 1, 1], 'markov', { non: [1, 0, 0] }),
      { 'Google Ads': 2.4, Mailing: 1.6 },
    );
  });

  it('reproduces the C1/C2/C3 example of S. Bryl\', "Marketing Multi-Channel Attribution model with R (part 1: Markov chains concept)" (analyzecore, 2016)', () => {
    // http://analyzecore.com/2016/08/03/attribution-model-r-part-1/
    // Journeys: C1 → C2 → C3 → conversion; C1 → null; C2 → C3 → null.
    // start→C1 2/3, start→C2 1/3; C1→C2 1/2, C1→null 1/2; C2→C3 1; C3→conv 1/2, C3→null 1/2.
    // P(conv) = 2/3·1/2·1·1/2 + 1/3·1·1/2 = 1/6 + 1/6 = 1/3
    // without C1: 1/3·1/2 = 1/6 → removal effect 1 − (1/6)/(1/3) = 0.5
    // without C2: 0 → 1; without C3: 0 → 1
    // weights 0.5/2.5 = 0.2, 1/2.5 = 0.4, 0.4 of the 1 conversion.
    const got = attribute(['C1 > C2 > C3', 'C1', 'C2 > C3'], [1, 0, 0], 'markov', { non: [0, 1, 1] });
    expectCredits(got, { C1: 0.2, C2: 0.4, C3: 0.4 });
  });

  it('solves a chain with a loop exactly (a simulation would not give 4/3 and 5/3 to 9 places)', () => {
    // rows: A > B > A  conv 1 non 1;  B  conv 2 non 0.
    // start→A 2/4, start→B 2/4.
    // A: →B 2 (row 1 twice-journeyed), →conv 1, →null 1  → 1/2, 1/4, 1/4
    // B: →A 2 (row 1), →conv 2 (row 2), →null 0           → 1/2, 1/2, 0
    // pA = 1/4 + pB/2, pB = 1/2 + pA/2 → pA = 2/3, pB = 5/6; P(conv) = (2/3 + 5/6)/2 = 3/4
    // without A: pB = 1/2 → P = 1/4 → RE_A = 1 − (1/4)/(3/4) = 2/3
    // without B: pA = 1/4 → P = 1/8 → RE_B = 1 − (1/8)/(3/4) = 5/6
    // 3 conversions: A = (2/3)/(3/2)·3 = 4/3, B = (5/6)/(3/2)·3 = 5/3.
    expectCredits(attribute(['A > B > A', 'B'], [1, 2], 'markov', { non: [1, 0] }), { A: 4 / 3, B: 5 / 3 });
  });

  it('without non_conversions every journey converts (same as non_conversions all 0)', () => {
    // A > B conv 1, B conv 1: start→A 1/2, start→B 1/2, A→B 1, B→conv 1; P = 1.
    // without A: 1/2 → RE 1/2; without B: 0 → RE 1. 2 conversions: A 2/3, B 4/3.
    expectCredits(attribute(['A > B', 'B'], [1, 1], 'markov'), { A: 2 / 3, B: 4 / 3 });
    expectCredits(attribute(['A > B', 'B'], [1, 1], 'markov', { non: [0, 0] }), { A: 2 / 3, B: 4 / 3 });
  });

  it("the issue's claim holds where it must: a channel in non-converting paths only, leading only to null, gets 0", () => {
    // A conv 3 non 1; A > X conv 0 non 2; X conv 0 non 1.
    // start→A 6/7, start→X 1/7; A→conv 3/6, A→X 2/6, A→null 1/6; X→null 1.
    // P = 6/7·1/2 = 3/7. Without X (A→X and start→X go to null; they went to null anyway): 3/7,
    // removal effect 0 → X gets 0. Without A: 0 → RE 1 → A gets all 3.
    expectCredits(attribute(['A', 'A > X', 'X'], [3, 0, 0], 'markov', { non: [1, 2, 1] }), { A: 3, X: 0 });
  });

  it('documents the real behaviour where the claim cannot hold: a non-converting channel that leads into a converting one', () => {
    // The issue says "a channel present only in non-converting paths gets 0 under markov". In a
    // first-order chain that is not true in general: X appears only in "X > A" (never converting),
    // but the chain forgets the path, so X → A → conversion is possible and removing X loses it.
    // A conv 1 non 0; X > A conv 0 non 1.
    // start→A 1/2, start→X 1/2; X→A 1; A→conv 1/2, A→null 1/2 (the X > A journey ends at A).
    // P = 1/2·1/2 + 1/2·1·1/2 = 1/2.  Without X: 1/4 → RE_X = 1/2.  Without A: 0 → RE_A = 1.
    // 1 conversion: A = 1/1.5 = 2/3, X = 0.5/1.5 = 1/3. The formula gives X 1/3, not 0.
    expectCredits(attribute(['A', 'X > A'], [1, 0], 'markov', { non: [0, 1] }), { A: 2 / 3, X: 1 / 3 });
  });

  it('agrees with an independent absorbing-chain solver on random path sets', () => {
    fc.assert(
      fc.property(pathSets({ withNon: true }), (rows) => {
        const got = attribute(
          rows.map((r) => r.path.join(' > ')),
          rows.map((r) => r.conv),
          'markov',
          { non: rows.map((r) => r.non), values: rows.map((r) => r.value) },
        );
        const want = referenceMarkov(rows);
        for (const [ch, w] of want) {
          const g = got.get(ch) as Credit;
          expect(g, ch).toBeDefined();
          expect(g.conv, `${ch} conversions`).toBeCloseTo(w.conv, 7);
          expect(g.value as number, `${ch} value`).toBeCloseTo(w.value as number, 6);
        }
        expect(got.size).toBe(want.size);
      }),
      { numRuns: 60, seed: 13 },
    );
  });
});

// ------------------------------------------------------------------------------------------------
describe('ATTRIBUTION shapley', () => {
  it('gives the exact Shapley value of v(S) = Σ conversions of paths whose channels ⊆ S', () => {
    // paths: A (2), B (1), A > B (3), C > A (1), B > C > A (2); values 20, 10, 60, 5, 40 (135).
    // v(∅)=0 v(A)=2 v(B)=1 v(C)=0 v(AB)=2+1+3=6 v(AC)=2+1=3 v(BC)=1 v(ABC)=9
    // weights for 3 players: |S|=0 → 1/3, |S|=1 → 1/6, |S|=2 → 1/3
    // φA = 1/3·2 + 1/6·(6−1) + 1/6·(3−0) + 1/3·(9−1) = (4 + 5 + 3 + 16)/6 = 28/6 = 14/3
    // φB = 1/3·1 + 1/6·(6−2) + 1/6·(1−0) + 1/3·(9−3) = (2 + 4 + 1 + 12)/6 = 19/6
    // φC = 1/3·0 + 1/6·(3−2) + 1/6·(1−1) + 1/3·(9−6) = (0 + 1 + 0 + 6)/6 = 7/6     (sum 54/6 = 9)
    // Values, same game with values (v is a sum of unanimity games, so each path's value is split
    // equally among its distinct channels): φA = 20 + 60/2 + 5/2 + 40/3 = 395/6,
    // φB = 10 + 30 + 40/3 = 160/3, φC = 5/2 + 40/3 = 95/6       (395 + 320 + 95)/6 = 135
    const got = attribute(['A', 'B', 'A > B', 'C > A', 'B > C > A'], [2, 1, 3, 1, 2], 'shapley', {
      values: [20, 10, 60, 5, 40],
    });
    expectCredits(got, { A: [14 / 3, 395 / 6], B: [19 / 6, 160 / 3], C: [7 / 6, 95 / 6] });
  });

  it('counts a channel once per path (sets of distinct channels): A > B > A is the set {A, B}', () => {
    // v(A)=0, v(B)=0, v(AB)=4 → φA = φB = 2.
    expectCredits(attribute(['A > B > A'], [4], 'shapley'), { A: 2, B: 2 });
  });

  it('agrees with Shapley values computed from the definition (subset enumeration) on random path sets', () => {
    fc.assert(
      fc.property(pathSets({ withNon: false, maxChannels: 5 }), (rows) => {
        const got = attribute(
          rows.map((r) => r.path.join(' > ')),
          rows.map((r) => r.conv),
          'shapley',
          { values: rows.map((r) => r.value) },
        );
        const want = referenceShapley(rows);
        expect(got.size).toBe(want.size);
        for (const [ch, w] of want) {
          expect(got.get(ch)?.conv, ch).toBeCloseTo(w.conv, 8);
          expect(got.get(ch)?.value as number, ch).toBeCloseTo(w.value as number, 7);
        }
      }),
      { numRuns: 60, seed: 1313 },
    );
  });

  it('is exact at 20 channels', () => {
    // 20 single-channel paths Ch1..Ch20 with conversions 1..20 plus one path through all 20 with
    // 40 conversions: unanimity games → Ch_i gets i + 40/20 = i + 2.
    const names = Array.from({ length: 20 }, (_, i) => `Ch${i + 1}`);
    const got = attribute([...names, names.join(' > ')], [...names.map((_, i) => i + 1), 40], 'shapley');
    expectCredits(got, Object.fromEntries(names.map((n, i) => [n, i + 3])));
  });

  it('refuses more than 20 channels with a message that says so', () => {
    const names = Array.from({ length: 21 }, (_, i) => `Ch${i + 1}`);
    let message = '';
    try {
      ATTRIBUTION(col(...names), col(...names.map(() => 1)), 'shapley');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message, 'an error is thrown').not.toBe('');
    expect(message).toMatch(/ATTRIBUTION/);
    expect(message).toMatch(/\b20\b/);
    expect(message).toMatch(/channel/i);
  });
});

// ------------------------------------------------------------------------------------------------
describe('ATTRIBUTION properties for every model', () => {
  it.each(MODELS)('%s: credits sum to the total conversions and the total value', (model) => {
    fc.assert(
      fc.property(pathSets({ withNon: true }), fc.integer({ min: 1, max: 3 }), (rows, halfLife) => {
        const got = attribute(
          rows.map((r) => r.path.join(' > ')),
          rows.map((r) => r.conv),
          model,
          { values: rows.map((r) => r.value), non: rows.map((r) => r.non), halfLife },
        );
        const credits = [...got.values()];
        expect(sum(credits.map((c) => c.conv))).toBeCloseTo(sum(rows.map((r) => r.conv)), 8);
        expect(sum(credits.map((c) => c.value as number))).toBeCloseTo(sum(rows.map((r) => r.value)), 6);
        // One row per distinct channel of the input.
        expect([...got.keys()].sort()).toEqual([...new Set(rows.flatMap((r) => r.path))].sort());
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it.each(MODELS)('%s: permuting the rows changes no credit', (model) => {
    fc.assert(
      fc.property(
        pathSets({ withNon: true }).chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          const run = (rs: Row[]) =>
            attribute(
              rs.map((r) => r.path.join(' > ')),
              rs.map((r) => r.conv),
              model,
              { values: rs.map((r) => r.value), non: rs.map((r) => r.non) },
            );
          const a = run(rows);
          const b = run(shuffled);
          expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
          for (const [ch, c] of a) {
            expect(b.get(ch)?.conv, ch).toBeCloseTo(c.conv, 9);
            expect(b.get(ch)?.value as number, ch).toBeCloseTo(c.value as number, 7);
          }
        },
      ),
      { numRuns: 30, seed: 31 },
    );
  });

  it.each(MODELS)('%s: permuting the rows gives the same output range, row order included', (model) => {
    // Stricter reading of "permuting rows changes nothing": the cells the formula fills are the same.
    fc.assert(
      fc.property(
        pathSets({ withNon: true }).chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          const run = (rs: Row[]) =>
            (
              ATTRIBUTION(
                col(...rs.map((r) => r.path.join(' > '))),
                col(...rs.map((r) => r.conv)),
                model,
                undefined,
                col(...rs.map((r) => r.non)),
              ) as unknown[][]
            ).map((r) => r[0]);
          expect(run(shuffled)).toEqual(run(rows));
        },
      ),
      { numRuns: 30, seed: 37 },
    );
  });
});

// ------------------------------------------------------------------------------------------------
describe('ATTRIBUTION range semantics', () => {
  it.each(MODELS)('%s: a blank row is skipped', (model) => {
    const without = attribute(['A > B', 'B > C', 'C'], [3, 2, 1], model, {
      values: [30, 20, 10],
      non: [1, 1, 2],
    });
    const withBlank = attribute(['A > B', '', 'B > C', 'C', ''], [3, '', 2, 1, ''], model, {
      values: [30, '', 20, 10, ''],
      non: [1, '', 1, 2, ''],
    });
    expect([...withBlank.keys()].sort()).toEqual([...without.keys()].sort());
    for (const [ch, c] of without) {
      expect(withBlank.get(ch)?.conv).toBeCloseTo(c.conv, 12);
      expect(withBlank.get(ch)?.value as number).toBeCloseTo(c.value as number, 10);
    }
  });

  const thrown = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      return (e as Error).message;
    }
    return '';
  };

  it('a row whose conversions are not a number is an error naming the row', () => {
    const msg = thrown(() => ATTRIBUTION(col('A > B', 'B', 'C'), col(1, 2, 'lots'), 'linear'));
    expect(msg).toMatch(/^ATTRIBUTION/);
    expect(msg).toMatch(/row 3\b/);
  });

  it('a row whose value is not a number is an error naming the row', () => {
    const msg = thrown(() => ATTRIBUTION(col('A > B', 'B'), col(1, 2), 'linear', col(10, 'n/a')));
    expect(msg).toMatch(/^ATTRIBUTION/);
    expect(msg).toMatch(/row 2\b/);
  });

  it('a row whose non_conversions are not a number is an error naming the row', () => {
    const msg = thrown(() => ATTRIBUTION(col('A > B', 'B'), col(1, 2), 'markov', undefined, col('x', 0)));
    expect(msg).toMatch(/^ATTRIBUTION/);
    expect(msg).toMatch(/row 1\b/);
  });

  it('negative conversions are an error naming the row (a bad row)', () => {
    const msg = thrown(() => ATTRIBUTION(col('A', 'B'), col(1, -2), 'first_touch'));
    expect(msg).toMatch(/^ATTRIBUTION/);
    expect(msg).toMatch(/row 2\b/);
  });

  it('a path with conversions but no path text is an error naming the row', () => {
    const msg = thrown(() => ATTRIBUTION(col('A', '', 'B'), col(1, 4, 2), 'linear'));
    expect(msg).toMatch(/^ATTRIBUTION/);
    expect(msg).toMatch(/row 2\b/);
  });

  it.each([' > ', '>', '›  →', '  >  > '])(
    'a path with no channel ("%s") is an error naming the row',
    (path) => {
      const msg = thrown(() => ATTRIBUTION(col('A > B', path), col(1, 1), 'linear'));
      expect(msg).toMatch(/^ATTRIBUTION/);
      expect(msg).toMatch(/row 2\b/);
    },
  );

  it('ranges of different heights are an error', () => {
    const msg = thrown(() => ATTRIBUTION(col('A > B', 'B', 'C'), col(1, 2), 'linear'));
    expect(msg).toMatch(/^ATTRIBUTION/);
  });

  it('an unknown model is an error that lists the models', () => {
    const msg = thrown(() => ATTRIBUTION(col('A'), col(1), 'data_driven'));
    expect(msg).toMatch(/^ATTRIBUTION/);
    for (const m of MODELS) expect(msg).toContain(m);
  });

  it('half_life 0 or negative is an error (0.5^(k/0) has no meaning)', () => {
    for (const h of [0, -1]) {
      const msg = thrown(() => ATTRIBUTION(col('A > B'), col(1), 'time_decay', undefined, undefined, h));
      expect(msg, `half_life ${h}`).toMatch(/^ATTRIBUTION/);
      expect(msg, `half_life ${h}`).toMatch(/half.?life/i);
    }
  });

  it('a skipped optional argument arriving as null or "" is treated as absent', () => {
    // Sheets may hand an empty middle argument (`=ATTRIBUTION(A2:A3, B2:B3, "markov", , C2:C3)`)
    // over as something other than undefined; the README example writes exactly that.
    const want = { 'Google Ads': 2.4, Mailing: 1.6 };
    for (const skipped of [undefined, null, '']) {
      const out = ATTRIBUTION(
        col('Google Ads', 'Mailing', 'Google Ads > Mailing'),
        col(2, 1, 1),
        'markov',
        skipped,
        col(1, 0, 0),
      ) as [string, number][];
      expect(
        out.map((r) => r.length),
        String(skipped),
      ).toEqual([2, 2]);
      expectCredits(new Map(out.map(([n, c]) => [n, { conv: c }])), want);
    }
  });

  it("leaves the caller's ranges unmodified", () => {
    const paths = col('A > B', 'B');
    const conv = col(1, 2);
    const before = JSON.stringify([paths, conv]);
    for (const m of MODELS) ATTRIBUTION(paths, conv, m);
    expect(JSON.stringify([paths, conv])).toBe(before);
  });
});

// ------------------------------------------------------------------------------------------------
// Random path sets and the independent reference computations.

interface Row {
  path: string[];
  conv: number;
  non: number;
  value: number;
}

function pathSets(opts: { withNon: boolean; maxChannels?: number }): fc.Arbitrary<Row[]> {
  const names = ['Search', 'Social', 'Email', 'Display', 'Direct', 'ایمیل', 'بحث'].slice(
    0,
    opts.maxChannels ?? 7,
  );
  // A path's value is its conversions times an order value (no value without a conversion).
  const row = fc
    .record({
      path: fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 5 }),
      conv: fc.integer({ min: 0, max: 20 }),
      non: opts.withNon ? fc.integer({ min: 0, max: 20 }) : fc.constant(0),
      price: fc.integer({ min: 1, max: 250 }),
    })
    .map(({ price, ...r }) => ({ ...r, value: r.conv * price }));
  // At least one converting row, so the totals are positive.
  return fc
    .array(row, { minLength: 1, maxLength: 8 })
    .filter((rs) => rs.some((r) => r.conv > 0 && r.value > 0));
}

/** The Markov model, solved by Gaussian elimination on (I − Q)x = r. */
function referenceMarkov(rows: Row[]): Map<string, Credit> {
  const channels = [...new Set(rows.flatMap((r) => r.path))];
  const idx = new Map(channels.map((c, i) => [c, i]));
  const n = channels.length;
  const start = new Array<number>(n).fill(0);
  const trans = channels.map(() => new Array<number>(n).fill(0));
  const toConv = new Array<number>(n).fill(0);
  const toNull = new Array<number>(n).fill(0);
  for (const r of rows) {
    const w = r.conv + r.non;
    if (w === 0) continue;
    const ids = r.path.map((c) => idx.get(c) as number);
    add(start, ids[0] as number, w);
    for (let k = 0; k + 1 < ids.length; k++)
      add(trans[ids[k] as number] as number[], ids[k + 1] as number, w);
    const last = ids[ids.length - 1] as number;
    add(toConv, last, r.conv);
    add(toNull, last, r.non);
  }
  const pConv = (removed: number): number => {
    // x_i = P(conversion | at i); removed channel: x = 0 (everything into it goes to null).
    const a = channels.map(() => new Array<number>(n + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const row = a[i] as number[];
      const out = sum(trans[i] as number[]) + (toConv[i] as number) + (toNull[i] as number);
      row[i] = 1;
      if (i === removed || out === 0) continue;
      for (let j = 0; j < n; j++)
        if (j !== removed) add(row, j, -((trans[i] as number[])[j] as number) / out);
      row[n] = (toConv[i] as number) / out;
    }
    const x = solve(a, n);
    const total = sum(start);
    let p = 0;
    for (let i = 0; i < n; i++) if (i !== removed) p += ((start[i] as number) / total) * (x[i] as number);
    return p;
  };
  const base = pConv(-1);
  const effects = channels.map((_, i) => 1 - pConv(i) / base);
  const totalEffect = sum(effects);
  const totalConv = sum(rows.map((r) => r.conv));
  const totalValue = sum(rows.map((r) => r.value));
  return new Map(
    channels.map((c, i) => [
      c,
      {
        conv: ((effects[i] as number) / totalEffect) * totalConv,
        value: ((effects[i] as number) / totalEffect) * totalValue,
      },
    ]),
  );
}

/** xs[i] += d (indexed access checked). */
function add(xs: number[], i: number, d: number): void {
  xs[i] = (xs[i] ?? 0) + d;
}

/** Gaussian elimination with partial pivoting on an n × (n+1) augmented matrix. */
function solve(a: number[][], n: number): number[] {
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++)
      if (Math.abs((a[r] as number[])[c] as number) > Math.abs((a[p] as number[])[c] as number)) p = r;
    [a[c], a[p]] = [a[p] as number[], a[c] as number[]];
    const pivot = a[c] as number[];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = a[r] as number[];
      const f = (row[c] as number) / (pivot[c] as number);
      if (f === 0) continue;
      for (let k = c; k <= n; k++) add(row, k, -f * (pivot[k] as number));
    }
  }
  return a.map((row, i) => (row[n] as number) / (row[i] as number));
}

/** Shapley values from the definition: Σ_S |S|!(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S)). */
function referenceShapley(rows: Row[]): Map<string, Credit> {
  const channels = [...new Set(rows.flatMap((r) => r.path))];
  const n = channels.length;
  const masks = rows.map((r) => r.path.reduce((m, c) => m | (1 << channels.indexOf(c)), 0));
  const v = (s: number, pick: (r: Row) => number) =>
    rows.reduce((acc, r, k) => ((masks[k] as number) & ~s ? acc : acc + pick(r)), 0);
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const out = new Map<string, Credit>();
  channels.forEach((c, i) => {
    let conv = 0;
    let value = 0;
    for (let s = 0; s < 1 << n; s++) {
      if (s & (1 << i)) continue;
      let size = 0;
      for (let b = s; b; b &= b - 1) size++;
      const w = (fact(size) * fact(n - size - 1)) / fact(n);
      conv += w * (v(s | (1 << i), (r) => r.conv) - v(s, (r) => r.conv));
      value += w * (v(s | (1 << i), (r) => r.value) - v(s, (r) => r.value));
    }
    out.set(c, { conv, value });
  });
  return out;
}
