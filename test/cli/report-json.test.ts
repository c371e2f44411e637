import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEASURE_IDS } from '../../src/core/kpi/measures';
import { KPIS } from '../../src/core/kpi/registry';
import { REPORT_JSON_VERSION, reportJsonText, reportToJson } from '../../src/core/report/json';
import { sampleModel } from './fixtures/sample-model';
import { checkSchema } from './schema-check';

const schema = JSON.parse(readFileSync(new URL('../../docs/report.schema.json', import.meta.url), 'utf8'));

describe('report JSON', () => {
  const doc = reportToJson(sampleModel());

  it('validates against docs/report.schema.json', () => {
    expect(checkSchema(JSON.parse(reportJsonText(sampleModel())), schema)).toEqual([]);
  });

  it('is versioned, and the schema pins the same version', () => {
    expect(doc.format).toBe('mizan-report');
    expect(doc.version).toBe(REPORT_JSON_VERSION);
    expect(schema.properties.version.const).toBe(REPORT_JSON_VERSION);
  });

  it('keys totals and groups by registry KPI ids and measure ids', () => {
    expect(doc.totals.measures).toEqual({
      cost: 250,
      impressions: 17000,
      clicks: 260,
      conversions: 15,
      revenue: 730,
    });
    expect(doc.totals.kpis.ctr).toEqual({ value: 260 / 17000, status: 'fair' });
    expect(doc.totals.kpis.cpc).toEqual({ value: 250 / 260, status: 'good' });
    expect(doc.groups.map((g) => [g.label, g.kpis.ctr?.value ?? null, g.kpis.ctr?.status ?? null])).toEqual([
      ['Search', 140 / 3000, 'good'],
      ['Social', 120 / 14000, 'poor'],
      ['Email', null, null],
    ]);
    const kpiIds = new Set(KPIS.map((k) => k.id));
    const measureIds = new Set<string>(MEASURE_IDS);
    for (const level of [doc.totals, ...doc.groups]) {
      for (const id of Object.keys(level.kpis)) expect(kpiIds.has(id), id).toBe(true);
      for (const id of Object.keys(level.measures)) expect(measureIds.has(id), id).toBe(true);
    }
  });

  it('says which mapping was used and which KPIs were not computed, and why', () => {
    expect(doc.mapping[3]).toEqual({
      column: 'D',
      index: 3,
      header: 'Cost',
      role: 'measure',
      as: 'cost',
      confidence: 1,
      currency: '$',
      overridden: false,
    });
    expect(doc.mapping[0]?.as).toBe('channel');
    expect(doc.notComputed).toEqual([
      { kpi: 'cpl', missing: [['leads']], message: 'CPL needs a leads column' },
    ]);
    expect(doc.source).toEqual({
      name: 'Campaigns',
      headerRow: 1,
      dataRows: 5,
      dateRange: { from: '2026-08-03', to: '2026-08-04' },
      currency: '$',
      platform: null,
      decimalMark: null, // every number is a number cell: no decimal mark was decided
    });
    expect(doc.groupBy).toEqual({ column: 'A', header: 'Channel' });
  });

  it('writes no NaN or Infinity: a value that is not finite is null', () => {
    const model = sampleModel();
    const broken = {
      ...model,
      totals: { ...model.totals, kpis: [{ kpi: 'roas', value: Number.POSITIVE_INFINITY, status: null }] },
    };
    const text = reportJsonText(broken);
    expect(JSON.parse(text).totals.kpis.roas.value).toBeNull();
    expect(checkSchema(JSON.parse(text), schema)).toEqual([]);
  });

  it('the schema check rejects what the schema forbids', () => {
    const bad = JSON.parse(reportJsonText(sampleModel()));
    bad.totals.kpis.ctr.status = 'excellent';
    bad.version = 2;
    delete bad.mapping[0].header;
    bad.extra = true;
    const errors = checkSchema(bad, schema);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('$.version'),
        expect.stringContaining('$.totals.kpis.ctr.status'),
        expect.stringContaining('$.mapping[0]: missing header'),
        expect.stringContaining('$.extra: not allowed'),
      ]),
    );
  });
});
