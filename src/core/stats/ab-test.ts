import { normalCdf } from './normal';

export interface ZTest {
  z: number;
  pValue: number;
}

/**
 * Two-proportion z-test with the pooled standard error and no continuity correction;
 * two-sided p = 2(1 − Φ(|z|)). z is positive when A's rate is above B's.
 * Returns null when the test is undefined (no visitors, or all or none converted in both).
 */
export function twoProportionZTest(convA: number, visA: number, convB: number, visB: number): ZTest | null {
  if (visA <= 0 || visB <= 0) return null;
  const pA = convA / visA;
  const pB = convB / visB;
  const pooled = (convA + convB) / (visA + visB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / visA + 1 / visB));
  if (!(se > 0)) return null;
  const z = (pA - pB) / se;
  return { z, pValue: 2 * normalCdf(-Math.abs(z)) };
}

/**
 * ln Γ(x) for x > 0, by Stirling's series at x ≥ 10 (error below 1e-15 relative); smaller x
 * is first shifted up with Γ(x) = Γ(x + k) ÷ (x(x+1)…(x+k−1)), one product and two logs.
 */
export function logGamma(x: number): number {
  let shift = 0;
  if (x < 10) {
    let product = 1;
    while (x < 10) {
      product *= x;
      x += 1;
    }
    shift = Math.log(product);
  }
  const r = 1 / x;
  const r2 = r * r;
  const series = r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 / 1188))));
  return (x - 0.5) * Math.log(x) - x + 0.9189385332046728 + series - shift;
}

/**
 * P(p_B > p_A) with Beta(1 + conversions, 1 + failures) posteriors, exactly (E. Miller,
 * "Formulas for Bayesian A/B testing"):
 *   Σ_{i=0}^{α_B−1} B(α_A+i, β_A+β_B) / ((β_B+i) B(1+i, β_B) B(α_A, β_A)).
 * Successive terms differ by the factor (α_A+i)(β_B+i) / ((α_A+β_A+β_B+i)(i+1)), so only the
 * first term needs log-gamma. Counts must be whole numbers (the closed form needs integer α_B).
 */
export function chanceBBeatsA(convA: number, visA: number, convB: number, visB: number): number {
  const aA = 1 + convA;
  const bA = 1 + visA - convA;
  const aB = 1 + convB;
  const bB = 1 + visB - convB;
  // Sum over whichever side has fewer terms; P(B > A) = 1 − P(A > B) (ties have probability 0).
  if (aB <= aA) return sumMiller(aA, bA, aB, bB);
  return 1 - sumMiller(aB, bB, aA, bA);
}

function sumMiller(aA: number, bA: number, aB: number, bB: number): number {
  // B(α_A, β_A+β_B) / B(α_A, β_A), with the Γ(α_A) of both cancelled out.
  const logFirst = logGamma(bA + bB) + logGamma(aA + bA) - logGamma(aA + bA + bB) - logGamma(bA);
  // Terms are kept relative to the first one and rescaled before they could overflow.
  let logScale = logFirst;
  let term = 1;
  let sum = 0;
  for (let i = 0; i < aB; i++) {
    sum += term;
    term *= ((aA + i) * (bB + i)) / ((aA + bA + bB + i) * (i + 1));
    if (sum > 1e250) {
      sum /= 1e250;
      term /= 1e250;
      logScale += Math.log(1e250);
    }
  }
  return Math.min(1, Math.max(0, Math.exp(Math.log(sum) + logScale)));
}
