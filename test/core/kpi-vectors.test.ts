/**
 * The published worked examples of kpi-reference.md, called through the built bundle as Sheets
 * calls custom functions. Expected values are the published figures, not our output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, type SheetFn } from '../helpers/bundle';

let f: Record<string, SheetFn>;
beforeAll(() => {
  f = loadBundle();
});
const call = (name: string, ...args: unknown[]) => (f[name] as SheetFn)(...args);

const rel = (actual: unknown, expected: number, tol = 1e-9) => {
  expect(typeof actual).toBe('number');
  const a = actual as number;
  expect(Math.abs(a - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
};

describe('published vectors (kpi-reference.md)', () => {
  it('conversion rate 50 of 1,000 is 5%, 100 of 1,000 is 10% (not the seed typo × 0.2)', () => {
    rel(f.CONVERSION_RATE?.(50, 1000), 0.05);
    rel(f.CONVERSION_RATE?.(100, 1000), 0.1);
  });
  it('CTR 5 of 100 and 5 of 1,000', () => {
    rel(f.CTR?.(5, 100), 0.05);
    rel(f.CTR?.(5, 1000), 0.005);
  });
  it('CPM $200 for 100,000 impressions is $2.00', () => rel(f.CPM?.(200, 100000), 2));
  it('ROAS $5 on $1 is 5', () => rel(f.ROAS?.(5, 1), 5));
  it('ROI $3,000 on $1,000 is 200%; ROMI $60k, $20k, 60% margin is 80%', () => {
    rel(f.ROI?.(3000, 1000), 2);
    rel(f.ROI?.(60000, 20000, 0.6), 0.8);
    rel(f.ROI?.('$60,000', '$20,000', '60%'), 0.8);
  });
  it('CLV $75 × 3 × 2.5 = $562.50, × 60% margin = $337.50', () => {
    rel(f.CLV?.(75, 3, 2.5), 562.5);
    rel(f.CLV?.(75, 3, 2.5, 0.6), 337.5);
  });
  it('retention CLV m=100, r=0.8, d=0.1 is 266.67 (Gupta & Lehmann multiple 2.67)', () => {
    rel(f.CLV_RETENTION?.(100, 0.8, 0.1), (100 * 0.8) / 0.3);
    expect((call('CLV_RETENTION', 100, 0.8, 0.1) as number).toFixed(2)).toBe('266.67');
  });
  it('CAC payback $600 ÷ ($100 × 75%) is 8 months', () => rel(f.CAC_PAYBACK?.(600, 100, 0.75), 8));
  it('NPS with 30% promoters and 20% detractors is +10', () => {
    const scores = [
      ...Array(15).fill([9]),
      ...Array(15).fill([10]),
      ...Array(25).fill([7]),
      ...Array(25).fill([8]),
      ...Array(10).fill([0]),
      ...Array(10).fill([6]),
    ];
    rel(f.NPS?.(scores), 10);
  });
  it('email: 900 delivered, 200 opens, 20 clicks, 5 unsubscribes', () => {
    rel(f.OPEN_RATE?.(200, 900), 200 / 900);
    expect(((f.OPEN_RATE?.(200, 900) as number) * 100).toFixed(1)).toBe('22.2');
    rel(f.CLICK_TO_OPEN_RATE?.(20, 200), 0.1);
    expect(((f.UNSUBSCRIBE_RATE?.(5, 900) as number) * 100).toFixed(2)).toBe('0.56');
  });
  it('78 replies to 1,000 messages is 7.8%', () => rel(f.RESPONSE_RATE?.(78, 1000), 0.078));
  it('churn 45 of 98 is 45.9%', () =>
    expect(((f.CHURN_RATE?.(45, 98) as number) * 100).toFixed(1)).toBe('45.9'));
  it('$1,250 → $1,750 is +40%', () => rel(f.PCT_CHANGE?.(1750, 1250), 0.4));
  it('AOV $100,000 ÷ 2,000 orders is $50', () => rel(f.AOV?.(100000, 2000), 50));
  it('A/B 45/100 vs 30/100: p = 0.02846; 144/1200 vs 192/1200: p = 0.0047', () => {
    expect(Math.abs((f.AB_SIGNIFICANCE?.(45, 100, 30, 100) as number) - 0.02846)).toBeLessThan(1e-5);
    expect(Math.abs((f.AB_SIGNIFICANCE?.(144, 1200, 192, 1200) as number) - 0.0047)).toBeLessThan(1e-4);
  });
  it('chance B beats A: A 200/1000, B 230/1000 is 0.9486', () => {
    expect(Math.abs((f.AB_CHANCE_TO_WIN?.(200, 1000, 230, 1000) as number) - 0.9486)).toBeLessThan(5e-5);
  });
  it('retention rate (end − new) ÷ start', () => rel(f.RETENTION_RATE?.(120, 30, 100), 0.9));
  it('LTV:CAC of a nested CLV', () => rel(f.LTV_CAC?.(f.CLV?.(62, 4, 3), 110), 744 / 110));
});
