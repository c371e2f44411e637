/**
 * The statistics behind AB_SIGNIFICANCE and AB_CHANCE_TO_WIN, checked against independent
 * arithmetic: tabulated Φ values, the z statistic written out by hand, and the chance to win by
 * numerical integration of the two Beta posteriors.
 */
import { describe, expect, it } from 'vitest';
import { chanceBBeatsA, chanceToWin, logGamma, twoProportionZTest } from '../../src/core/stats/ab-test';
import {
  chanceBBeatsAExact,
  chanceBBeatsAQuadrature,
  EXACT_STEP_LIMIT,
} from '../../src/core/stats/beta-compare';
import { normalCdf } from '../../src/core/stats/normal';

describe('normalCdf', () => {
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [1.96, 0.9750021048517795],
    [-1.96, 0.0249978951482205],
    [3, 0.9986501019683699],
    [-5, 2.866515718791939e-7],
    [-8, 6.22096057427178e-16],
  ])('Φ(%d) = %d', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected)).toBeLessThan(1e-15 + 1e-13 * expected);
  });
});

describe('logGamma', () => {
  it('matches factorials', () => {
    let f = 1;
    for (let n = 1; n < 30; n++) {
      f *= n;
      expect(logGamma(n + 1)).toBeCloseTo(Math.log(f), 10);
    }
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});

describe('twoProportionZTest', () => {
  it('equals the pooled z written out by hand', () => {
    const [ca, na, cb, nb] = [45, 100, 30, 100];
    const p = (ca + cb) / (na + nb);
    const z = (ca / na - cb / nb) / Math.sqrt(p * (1 - p) * (1 / na + 1 / nb));
    const t = twoProportionZTest(ca, na, cb, nb);
    expect(t?.z).toBeCloseTo(z, 12);
    expect(t?.z).toBeCloseTo(2.1909, 4);
    expect(t?.pValue).toBeCloseTo(0.02846, 5);
  });
  it('is undefined without visitors or without variation', () => {
    expect(twoProportionZTest(0, 0, 1, 10)).toBeNull();
    expect(twoProportionZTest(0, 10, 0, 10)).toBeNull();
    expect(twoProportionZTest(10, 10, 10, 10)).toBeNull();
  });
});

/** P(B > A) = ∫ f_B(x) F_A(x) dx, by Simpson's rule on a fine grid (independent of the closed form). */
function chanceByIntegration(ca: number, na: number, cb: number, nb: number): number {
  const aA = ca + 1;
  const bA = na - ca + 1;
  const aB = cb + 1;
  const bB = nb - cb + 1;
  const lbA = logGamma(aA) + logGamma(bA) - logGamma(aA + bA);
  const lbB = logGamma(aB) + logGamma(bB) - logGamma(aB + bB);
  // x^(a−1)(1−x)^(b−1)/B(a,b), with 0^0 = 1 so that the density is right at the ends too.
  const term = (e: number, y: number) => (e === 0 ? 0 : e * Math.log(y));
  const densA = (x: number) => Math.exp(term(aA - 1, x) + term(bA - 1, 1 - x) - lbA);
  const densB = (x: number) => Math.exp(term(aB - 1, x) + term(bB - 1, 1 - x) - lbB);
  const n = 200_000;
  const h = 1 / n;
  let cdfA = 0;
  let total = 0;
  let prevA = densA(0);
  for (let i = 1; i < n; i++) {
    const x = i * h;
    const a = densA(x);
    cdfA += ((prevA + a) / 2) * h; // trapezoid CDF of A
    prevA = a;
    total += densB(x) * cdfA * h;
  }
  return total;
}

describe('chanceBBeatsA', () => {
  it('published vector: A 200/1000, B 230/1000 → 0.9486', () => {
    expect(chanceBBeatsA(200, 1000, 230, 1000)).toBeCloseTo(0.9486, 4);
  });
  it.each([
    [200, 1000, 230, 1000],
    [3, 20, 7, 25],
    [0, 10, 1, 10],
    [50, 400, 45, 380],
    [120, 3000, 150, 3100],
  ])('agrees with numerical integration for %d/%d vs %d/%d', (ca, na, cb, nb) => {
    expect(chanceBBeatsA(ca, na, cb, nb)).toBeCloseTo(chanceByIntegration(ca, na, cb, nb), 6);
  });
  it('is symmetric and ½ for identical results', () => {
    expect(chanceBBeatsA(30, 100, 40, 100) + chanceBBeatsA(40, 100, 30, 100)).toBeCloseTo(1, 12);
    expect(chanceBBeatsA(17, 80, 17, 80)).toBeCloseTo(0.5, 12);
  });
  it('stays finite for very large counts', () => {
    const p = chanceBBeatsA(50_000, 1_000_000, 50_500, 1_000_000);
    expect(p).toBeGreaterThan(0.9);
    expect(p).toBeLessThan(1);
  });
});

/** P(Binomial(n, ½) ≥ k), summed exactly from binomial coefficients (independent arithmetic). */
function binomialHalfTail(n: number, k: number): number {
  let coef = 1; // C(n, 0)
  let tail = 0;
  for (let i = 0; i <= n; i++) {
    if (i >= k) tail += coef;
    coef = (coef * (n - i)) / (i + 1);
  }
  return tail / 2 ** n;
}

describe('chanceBBeatsA at large counts (issue 10)', () => {
  it('keeps full precision when visitors are huge: the Poisson limit, I_½(51, 61)', () => {
    // With p tiny, Beta(1 + c, n) ≈ Gamma(1 + c)/n for both arms, so P(B > A) tends to
    // P(G₆₁ > G₅₁) = I_½(51, 61) = P(Bin(111, ½) ≥ 51); the finite-n difference is about 7/n.
    const limit = binomialHalfTail(111, 51);
    expect(limit).toBeCloseTo(0.8287, 4);
    for (const n of [1e10, 1e12, 1e15])
      expect(Math.abs(chanceBBeatsA(50, n, 60, n) - limit)).toBeLessThan(1e-9);
  });
  it('the quadrature agrees with the exact sum within 1e-9 wherever both run (bound stated: 1e-6)', () => {
    const cases: [number, number, number, number][] = [
      [200, 1000, 230, 1000],
      [3, 20, 7, 25],
      [999, 1000, 990, 1000],
      [5000, 100_000, 5100, 100_000],
      [5000, 1e8, 5100, 1e8],
      [50_000, 1_000_000, 50_400, 1_000_000],
      [500_000, 600_000, 501_000, 600_000],
      [20, 1_000_000, 5000, 1e9],
      [500_000, 10_000_000, 50, 1000],
      [50, 1e12, 60, 1e12],
    ];
    for (const [ca, na, cb, nb] of cases) {
      const exact = chanceBBeatsAExact(ca, na, cb, nb);
      expect(Math.abs(chanceBBeatsAQuadrature(ca, na, cb, nb) - exact)).toBeLessThan(1e-9);
    }
  });
  it('switches to the quadrature only past the exact step limit, and agrees with numerical integration there', () => {
    // 3e5 conversions on every side: above the limit in all four forms of the sum.
    expect(3e5).toBeGreaterThan(EXACT_STEP_LIMIT);
    const p = chanceBBeatsA(300_000, 1_000_000, 301_000, 1_000_000);
    expect(p).toBe(chanceBBeatsAQuadrature(300_000, 1_000_000, 301_000, 1_000_000));
    expect(Math.abs(p - chanceBBeatsAExact(300_000, 1_000_000, 301_000, 1_000_000))).toBeLessThan(1e-9);
  });
  it('gives a number between 0 and 1 at 5e7 conversions and 1e15 visitors', () => {
    for (const [ca, na, cb, nb] of [
      [5e7, 1e9, 5.001e7, 1e9],
      [5e12, 1e15, 5.00001e12, 1e15],
    ] as const) {
      const p = chanceBBeatsA(ca, na, cb, nb);
      expect(p).toBeGreaterThan(0.5);
      expect(p).toBeLessThan(1);
      // Symmetry: swapping the arms gives the complement.
      expect(chanceBBeatsA(cb, nb, ca, na) + p).toBeCloseTo(1, 9);
    }
  });
  it('refuses counts past 2^53 by name instead of returning NaN', () => {
    expect(chanceToWin(50, 1e300, 60, 1e300)).toEqual({
      input: 'visitors_a',
      reason: expect.stringContaining('visitors_a (1e+300) is above 2^53'),
    });
  });
});
