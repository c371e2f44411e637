/** Every built-in template applied to the example data in en, ar and fa, through the report engine. */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { profileById } from '../../../src/core/benchmarks/profiles';
import type { Thresholds } from '../../../src/core/benchmarks/types';
import type { Lang } from '../../../src/core/i18n/lang';
import { buildReport } from '../../../src/core/report';
import type { ReportModel } from '../../../src/core/report/model';
import {
  BUILTIN_TEMPLATES,
  type Template,
  templateName,
  templateToReportOptions,
} from '../../../src/core/templates';

function example(lang: Lang): string[][] {
  const text = readFileSync(new URL(`../../../examples/campaigns-${lang}.csv`, import.meta.url), 'utf8');
  return Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
}

function build(grid: string[][], lang: Lang, t: Template): ReportModel {
  const base = { sourceName: 'Campaigns', lang };
  const first = buildReport(grid, base);
  if (!first.ok) throw new Error(first.problems.map((p) => p.message).join('; '));
  const { options } = templateToReportOptions(t, base, first.model.mapping);
  const r = buildReport(grid, options);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.model;
}

/** The status written out by hand from the thresholds' definition (not via status.ts). */
function expectedStatus(v: number, t: Thresholds): string {
  if (t.direction === 'higher') return v >= t.good ? 'good' : v >= t.fair ? 'fair' : 'poor';
  if (t.direction === 'lower') return v <= t.good ? 'good' : v <= t.fair ? 'fair' : 'poor';
  if (v >= t.goodMin && v <= t.goodMax) return 'good';
  return v >= t.fairMin && v <= t.fairMax ? 'fair' : 'poor';
}

const LANGS: Lang[] = ['en', 'ar', 'fa'];
const cases = BUILTIN_TEMPLATES.flatMap((t) => LANGS.map((l) => [t.id, l, t] as const));

describe.each(cases)('%s on the %s example', (_id, lang, t) => {
  const model = build(example(lang), lang, t);

  it("names the template in the report's language and uses its profile", () => {
    expect(model.template).toEqual({ id: t.id, name: templateName(t, lang) });
    expect(model.profile?.id ?? null).toBe(t.profile);
  });

  it('reports the template KPIs in its order, each either computed or said why not', () => {
    for (const k of model.kpis) expect(t.kpis).toContain(k);
    const order = model.kpis.map((k) => t.kpis.indexOf(k));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const accounted = new Set([...model.kpis, ...model.notComputed.map((n) => n.kpi)]);
    for (const k of t.kpis) expect(accounted.has(k), k).toBe(true);
  });

  it('colours every total against the profile exactly as the thresholds say, or not at all', () => {
    const profile = t.profile ? profileById(t.profile) : undefined;
    for (const kv of model.totals.kpis) {
      const b = profile?.benchmarks.find((x) => x.kpi === kv.kpi);
      if (!b || kv.value === null) continue;
      // A money benchmark published in USD colours only a sheet known to be in dollars.
      const sameCurrency = !b.currency || (model.currency !== null && /\$|USD/.test(model.currency));
      expect(kv.status, `${kv.kpi} = ${kv.value}`).toBe(
        sameCurrency ? expectedStatus(kv.value, b.thresholds) : null,
      );
    }
    if (!profile) for (const kv of model.totals.kpis) expect(kv.status).toBeNull();
  });
});

describe('a template target', () => {
  it('shows % of target for the KPI it sets (conversion ≥ 5%)', () => {
    const t: Template = {
      ...(BUILTIN_TEMPLATES.find((x) => x.id === 'ecommerce-sales') as Template),
      targets: [{ kpi: 'conversion_rate', op: '>=', value: 0.05 }],
    };
    const model = build(example('en'), 'en', t);
    const cr = model.totals.kpis.find((k) => k.kpi === 'conversion_rate');
    expect(cr?.value).not.toBeNull();
    expect(cr?.ofTarget).toBeCloseTo((cr?.value as number) / 0.05, 12);
  });
});

describe('the colour checks are not vacuous', () => {
  it('paid search on the English example colours CTR, conversion rate and ROI', () => {
    const model = build(example('en'), 'en', BUILTIN_TEMPLATES[0] as Template);
    const statuses = Object.fromEntries(model.totals.kpis.map((k) => [k.kpi, k.status]));
    for (const k of ['ctr', 'conversion_rate', 'roi']) expect(statuses[k], k).not.toBeNull();
  });
});
