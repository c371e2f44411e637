import type { KpiResult } from '../kpi/types';
import { chanceBBeatsA, MAX_COUNT } from './beta-compare';
import { normalCdf } from './normal';

export { chanceBBeatsA };

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

/** Why AB_CHANCE_TO_WIN has no value for these counts, or the chance (see beta-compare.ts). */
export function chanceToWin(convA: number, visA: number, convB: number, visB: number): KpiResult {
  const names = ['conversions_a', 'visitors_a', 'conversions_b', 'visitors_b'];
  const counts = [convA, visA, convB, visB];
  for (let i = 0; i < 4; i++)
    if ((counts[i] as number) > MAX_COUNT)
      return {
        input: names[i],
        reason: `${names[i]} (${counts[i]}) is above 2^53 (${MAX_COUNT}), where counts stop being exact`,
      };
  return chanceBBeatsA(convA, visA, convB, visB);
}
