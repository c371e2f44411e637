/**
 * Issue 12: a template whose ROI and ROAS goals disagree colours the same money "good" and "poor"
 * at once (ROAS 3.6 poor against ≥ 4 while ROI 260% good against ≥ 0). With the margin m the
 * template uses (1 when unset), ROI = ROAS × m − 1, so a ROAS goal g means a ROI goal g × m − 1.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { profileById } from '../../../src/core/benchmarks/profiles';
import { BUILTIN_TEMPLATES } from '../../../src/core/templates';
import type { Template } from '../../../src/core/templates/schema';

const example = JSON.parse(
  readFileSync(new URL('../../../examples/template-en.json', import.meta.url), 'utf8'),
) as Template;

/** The "good" mark of a KPI in a template: its target, else its threshold, else its profile's figure. */
function goal(t: Template, kpi: string): number | null {
  const target = t.targets?.find((x) => x.kpi === kpi);
  if (target) return target.value;
  const own = t.thresholds?.find((x) => x.kpi === kpi)?.thresholds;
  if (own && 'good' in own) return own.good;
  const bench = t.profile ? profileById(t.profile)?.benchmarks.find((b) => b.kpi === kpi) : undefined;
  return bench && 'good' in bench.thresholds ? bench.thresholds.good : null;
}

describe('ROI and ROAS goals agree in every bundled template', () => {
  it.each([...BUILTIN_TEMPLATES, example].map((t) => [t.id, t] as const))('%s', (_id, t) => {
    const roi = goal(t, 'roi');
    const roas = goal(t, 'roas');
    if (roi === null || roas === null) return;
    const margin = t.grossMargin ?? 1;
    expect(roi).toBeCloseTo(roas * margin - 1, 9);
  });

  it('the example sets both, so the check is not vacuous there', () => {
    expect(goal(example, 'roi')).toBe(3); // ROAS ≥ 4 at margin 1 ⇔ ROI ≥ 4 × 1 − 1 = 300%
    expect(goal(example, 'roas')).toBe(4);
  });
});

describe('KPI_BENCHMARK figures', () => {
  it('fair marks carry no floating-point noise (0.019425, not 0.019424999999999998)', () => {
    const ctr = profileById('social-leads')?.benchmarks.find((b) => b.kpi === 'ctr')?.thresholds;
    expect(ctr && 'fair' in ctr ? ctr.fair : null).toBe(0.019425);
  });
});
