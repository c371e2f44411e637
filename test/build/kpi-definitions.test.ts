/**
 * docs/kpi-definitions.md is the one scripts/kpi-definitions.ts prints from the KPI registry
 * (run `npm run docs` after changing a KPI), covers every KPI, and writes formulas as the KPI
 * reference does (a product divided by is bracketed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KPI_DEFINITIONS_PATH, kpiDefinitionsMarkdown } from '../../scripts/kpi-definitions';
import { KPIS } from '../../src/core/kpi/registry';

const doc = readFileSync(KPI_DEFINITIONS_PATH, 'utf8');

/** The "| Formula | … |" row of a KPI's section. */
function formulaOf(name: string): string | undefined {
  const section = doc.split('\n### ').find((s) => s.startsWith(`${name}\n`));
  return /\| Formula \| (.*) \|/.exec(section ?? '')?.[1];
}

describe('docs/kpi-definitions.md', () => {
  it('is what `npm run docs` generates from the registry', () => {
    expect(doc).toBe(kpiDefinitionsMarkdown());
  });

  it('has a section for every KPI, with its function and its Arabic and Persian names', () => {
    for (const k of KPIS) {
      expect(doc, k.id).toContain(`### ${k.names.en}\n`);
      expect(doc, k.id).toContain(`\`${k.id}\` / \`${k.fn}(`);
      expect(doc, k.id).toContain(`${k.names.ar} / ${k.names.fa}`);
    }
  });

  it('writes formulas as the KPI reference does', () => {
    // KPI reference: "CAC ÷ (monthly revenue per customer × gross margin)", "(revenue − cost) ÷ cost".
    expect(formulaOf('CAC payback (months)')).toBe('cac ÷ (monthly_revenue_per_customer × gross_margin)');
    expect(formulaOf('Return on investment (ROI)')).toBe('(revenue × gross_margin − cost) ÷ cost');
    expect(formulaOf('Cost per mille (CPM)')).toBe('cost ÷ impressions × 1000');
    expect(formulaOf('CLV (retention model)')).toBe(
      'margin_per_period × retention_rate ÷ (1 + discount_rate − retention_rate)',
    );
  });

  it('carries the published worked examples and links Google help citations to their articles', () => {
    expect(doc).toContain(
      '| Conversion rate 50 of 1,000 | 5% | [Google Ads help 2684489](https://support.google.com/google-ads/answer/2684489) |',
    );
    expect(doc).toContain('| Chance B beats A: A 200/1000, B 230/1000 | 0.9486 |');
  });
});
