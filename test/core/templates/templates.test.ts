/** Template schema: built-ins, export → import, migration, and a table of bad imports with their messages. */
import { describe, expect, it } from 'vitest';
import { profileById } from '../../../src/core/benchmarks/profiles';
import { kpiById } from '../../../src/core/kpi/registry';
import type { ColumnMapping } from '../../../src/core/report/model';
import type { ReportOptions } from '../../../src/core/report/options';
import {
  BUILTIN_TEMPLATES,
  exportTemplate,
  importTemplate,
  type Template,
  templateToReportOptions,
  validateTemplate,
} from '../../../src/core/templates';

const good: Template = {
  schemaVersion: 1,
  id: 'shop-goals',
  name: 'Shop goals',
  kpis: ['conversion_rate', 'cac', 'ctr'],
  groupBy: 'channel',
  period: 'month',
  profile: 'ecommerce',
  // Seed 001's example targets: conversion rate ≥ 5%, CAC under 50,000 toman.
  targets: [
    { kpi: 'conversion_rate', op: '>=', value: 0.05, by: '2026-12-31' },
    { kpi: 'cac', op: '<=', value: 50000 },
  ],
  thresholds: [{ kpi: 'ctr', thresholds: { direction: 'higher', good: 0.02, fair: 0.01 } }],
  lang: 'fa',
  formulas: 'values',
  grossMargin: 0.4,
  brand: { primary: '#1A73E8', accent: '#FBBC04' },
};
const json = (o: unknown) => JSON.stringify(o);
const withField = (patch: Record<string, unknown>) => json({ ...good, ...patch });

describe('built-in templates', () => {
  it('are the seven the issue lists, with names in en, ar and fa', () => {
    expect(BUILTIN_TEMPLATES.map((t) => t.name)).toEqual([
      'Paid search',
      'Paid social',
      'Email newsletter',
      'E-commerce sales',
      'WhatsApp / messaging campaign',
      'Website & SEO traffic',
      'Full funnel',
    ]);
    for (const t of BUILTIN_TEMPLATES)
      for (const l of ['en', 'ar', 'fa'] as const) expect(t.names?.[l], `${t.id} ${l}`).toBeTruthy();
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s is valid and survives export → import unchanged',
    (_id, t) => {
      expect(validateTemplate(t)).toEqual({ ok: true, template: t });
      for (const k of t.kpis) expect(kpiById(k), k).toBeDefined();
      if (t.profile) expect(profileById(t.profile)).toBeDefined();
      const back = importTemplate(exportTemplate(t));
      expect(back).toEqual({ ok: true, template: t, migratedFrom: null });
    },
  );
});

describe('export → import', () => {
  it('round-trips a template with targets, own thresholds, margin and brand colours', () => {
    const text = exportTemplate(good);
    expect(importTemplate(text)).toEqual({ ok: true, template: good, migratedFrom: null });
    expect(exportTemplate(good)).toBe(text); // stable text
  });

  it('accepts a byte-order mark and surrounding whitespace', () => {
    expect(importTemplate(`\uFEFF\n  ${exportTemplate(good)}  `).ok).toBe(true);
  });

  it('copies only known fields into a fresh object', () => {
    const r = importTemplate('{"__proto__": {"polluted": true}, "schemaVersion": 1}');
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (!r.ok)
      expect(r.problems).toContainEqual({
        path: '__proto__',
        message: expect.stringMatching(/^unknown field/),
      });
  });
});

describe('migration', () => {
  it('v0 (kpis as a comma string, rate targets in percent) becomes v1', () => {
    const v0 = {
      version: 0,
      name: 'Old shop report',
      kpis: 'conversion_rate, cac ,ctr,',
      profile: 'ecommerce',
      targets: [
        { kpi: 'conversion_rate', op: '>=', value: 5 },
        { kpi: 'cac', op: '<=', value: 50000 },
      ],
    };
    const r = importTemplate(json(v0));
    expect(r).toEqual({
      ok: true,
      migratedFrom: 0,
      template: {
        schemaVersion: 1,
        id: 'old-shop-report',
        name: 'Old shop report',
        kpis: ['conversion_rate', 'cac', 'ctr'],
        groupBy: 'auto',
        period: 'auto',
        profile: 'ecommerce',
        targets: [
          { kpi: 'conversion_rate', op: '>=', value: 0.05 },
          { kpi: 'cac', op: '<=', value: 50000 },
        ],
        lang: 'sheet',
        formulas: 'live',
      },
    });
  });
});

describe('bad imports: each problem with its path and message', () => {
  const cases: [string, string, { path: string; message: string }[]][] = [
    ['not text', 42 as unknown as string, [{ path: '', message: 'paste the template as text' }]],
    ['empty', '   ', [{ path: '', message: 'the text is empty; paste an exported template' }]],
    [
      'oversized',
      `{"name": "${'x'.repeat(40_000)}"}`,
      [{ path: '', message: 'the text is 40,012 characters; a template is at most 32,000' }],
    ],
    [
      'malformed JSON',
      '{"name": "a",',
      [
        {
          path: '',
          message: expect.stringMatching(/^not valid JSON \(.+\); paste the exported text unchanged$/),
        },
      ],
    ],
    ['an array', '[1, 2]', [{ path: '', message: 'a template is a JSON object { … }' }]],
    [
      'no version',
      '{"name": "x"}',
      [{ path: 'schemaVersion', message: 'is missing or not a whole number: is this a Mizan template?' }],
    ],
    [
      'newer schema',
      withField({ schemaVersion: 2 }),
      [
        {
          path: 'schemaVersion',
          message:
            'is 2: the template was made by a newer version of Mizan, and this one reads schema 1 and older; update Mizan to import it',
        },
      ],
    ],
    [
      'unknown KPI and a duplicate',
      withField({ kpis: ['ctr', 'ctrr', 'ctr'] }),
      [
        { path: 'kpis[1]', message: '"ctrr" is not a KPI id Mizan knows (e.g. "ctr", "conversion_rate")' },
        { path: 'kpis[2]', message: '"ctr" is listed twice' },
      ],
    ],
    [
      'rate target written as a percent',
      withField({ targets: [{ kpi: 'conversion_rate', op: '>=', value: 5 }] }),
      [{ path: 'targets[0].value', message: '5 is more than 100%; write rates as fractions (0.05 for 5%)' }],
    ],
    [
      'negative cost target, wrong way, bad date',
      withField({ targets: [{ kpi: 'cac', op: '>=', value: -3, by: '2026-02-30' }] }),
      [
        {
          path: 'targets[0].op',
          message: 'Customer acquisition cost (CAC) is better lower, so its target is "<="',
        },
        {
          path: 'targets[0].value',
          message: '-3 is outside what Customer acquisition cost (CAC) can be (0 to any)',
        },
        { path: 'targets[0].by', message: 'is "2026-02-30"; give the due date as YYYY-MM-DD' },
      ],
    ],
    [
      'target on a KPI with no direction',
      withField({ targets: [{ kpi: 'pct_change', op: '>=', value: 0.1 }] }),
      [
        {
          path: 'targets[0].kpi',
          message: 'Change vs previous period has no better direction, so it takes no target',
        },
      ],
    ],
    [
      'thresholds out of range and out of order',
      withField({
        thresholds: [
          { kpi: 'ctr', thresholds: { direction: 'higher', good: 0.01, fair: 0.02 } },
          {
            kpi: 'bounce_rate',
            thresholds: { direction: 'band', goodMin: 0.25, goodMax: 1.4, fairMin: 0.2, fairMax: 1.5 },
          },
          { kpi: 'cpc', thresholds: { direction: 'higher', good: 1, fair: 2 } },
        ],
      }),
      [
        {
          path: 'thresholds[0].thresholds',
          message: 'good must be at least fair for Click-through rate (CTR)',
        },
        {
          path: 'thresholds[1].thresholds.goodMax',
          message: '1.4 is more than 100%; write rates as fractions (0.014 for 1.4%)',
        },
        {
          path: 'thresholds[2].thresholds.direction',
          message: 'is "higher"; Cost per click (CPC) is "lower"',
        },
      ],
    ],
    [
      'hostile strings',
      withField({
        name: '=HYPERLINK("http://x")\u202e',
        names: { ar: 'a\u0000b' },
        description: 'x'.repeat(301),
      }),
      [
        { path: 'name', message: 'contains control or text-direction override characters' },
        { path: 'names.ar', message: 'contains control or text-direction override characters' },
        { path: 'description', message: 'is 301 characters; at most 300' },
      ],
    ],
    [
      'unknown profile, bad enums, bad id, margin, colour, extra field',
      withField({
        id: 'My Template!',
        profile: 'tv',
        groupBy: 'region',
        period: 'year',
        lang: 'de',
        formulas: 'maybe',
        grossMargin: 60,
        brand: { primary: 'blue' },
        colour: 'red',
      }),
      [
        {
          path: 'colour',
          message: expect.stringMatching(/^unknown field; expected one of schemaVersion, id, name/),
        },
        {
          path: 'id',
          message:
            'is "My Template!"; use 1–48 lower-case letters, digits or "-", starting with a letter or digit',
        },
        { path: 'groupBy', message: 'is "region"; expected one of auto, none, channel, campaign' },
        { path: 'period', message: 'is "year"; expected one of auto, none, day, week, month' },
        { path: 'profile', message: '"tv" is not a benchmark profile; use null or a profile id' },
        { path: 'lang', message: 'is "de"; expected one of en, ar, fa, sheet' },
        { path: 'formulas', message: 'is "maybe"; expected one of live, values' },
        { path: 'grossMargin', message: 'is 60; a margin is a fraction above 0 and at most 1 (0.6 for 60%)' },
        { path: 'brand.primary', message: 'is "blue"; give a colour as #RRGGBB' },
      ],
    ],
    [
      'a number too large for JSON doubles',
      withField({ targets: [{ kpi: 'cac', op: '<=', value: 12345 }] }).replace('12345', '1e999'),
      [{ path: 'targets[0].value', message: 'must be a finite number, not Infinity' }],
    ],
    [
      'too many KPIs',
      withField({ kpis: Array.from({ length: 41 }, () => 'ctr') }),
      [{ path: 'kpis', message: 'has 41 entries; at most 40' }],
    ],
  ];

  it.each(cases)('%s', (_name, text, problems) => {
    const r = importTemplate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual(problems);
  });
});

describe('templateToReportOptions', () => {
  const base: ReportOptions = {
    sourceName: 'Campaigns',
    lang: 'en',
    headerRow: 0,
    kpis: ['roi'],
    formulas: 'live',
  };
  const columns: ColumnMapping[] = [
    {
      index: 0,
      letter: 'A',
      header: 'Channel',
      role: { kind: 'dimension', dimension: 'channel' },
      confidence: 1,
    },
    {
      index: 1,
      letter: 'B',
      header: 'Campaign',
      role: { kind: 'dimension', dimension: 'campaign' },
      confidence: 1,
    },
    {
      index: 2,
      letter: 'C',
      header: 'Region (EU)',
      role: { kind: 'dimension', dimension: 'text' },
      confidence: 1,
    },
  ];

  it('maps KPIs, grouping, period, targets, language, formulas, margin, brand, and keeps the base', () => {
    const { options, notes } = templateToReportOptions(good, base, columns);
    expect(notes).toEqual([]);
    expect(options.sourceName).toBe('Campaigns');
    expect(options.headerRow).toBe(0);
    expect(options.kpis).toEqual(['conversion_rate', 'cac', 'ctr']);
    expect(options.groupBy).toBe(0);
    expect(options.period).toBe('month');
    expect(options.lang).toBe('fa');
    expect(options.formulas).toBe('values');
    expect(options.grossMargin).toBe(0.4);
    expect(options.targets).toEqual(good.targets);
    expect(options.brand).toEqual({ primary: '#1A73E8', accent: '#FBBC04' });
    expect(options.template).toEqual({ id: 'shop-goals', name: 'Shop goals' });
  });

  it("puts the team's thresholds in place of the profile's, cited as the template", () => {
    const p = templateToReportOptions(good, base, columns).options.profile;
    const ctr = p?.benchmarks.filter((b) => b.kpi === 'ctr');
    expect(ctr).toHaveLength(1);
    expect(ctr?.[0]?.thresholds).toEqual({ direction: 'higher', good: 0.02, fair: 0.01 });
    expect(ctr?.[0]?.citation).toEqual({ template: 'Shop goals' });
    // The rest of the e-commerce profile is still there.
    expect(p?.benchmarks.some((b) => b.kpi === 'conversion_rate')).toBe(true);
  });

  it('groups by a header, "none", or says the column is missing', () => {
    const byHeader = { ...good, groupBy: { header: 'region' } };
    expect(templateToReportOptions(byHeader, base, columns).options.groupBy).toBe(2);
    expect(templateToReportOptions({ ...good, groupBy: 'none' }, base, columns).options.groupBy).toBeNull();
    const missing = templateToReportOptions(good, base, columns.slice(1));
    expect(missing.options.groupBy).toBeUndefined();
    expect(missing.notes).toEqual([
      {
        code: 'group-column-missing',
        message: 'The template groups by a channel column, which this sheet does not have.',
      },
    ]);
  });

  it("'sheet' language, 'auto' period and empty KPI list defer to the base and the engine", () => {
    const t = BUILTIN_TEMPLATES.find((x) => x.id === 'full-funnel') as Template;
    const { options } = templateToReportOptions({ ...t, kpis: [] }, { ...base, lang: 'ar' });
    expect(options.lang).toBe('ar');
    expect(options.kpis).toBeUndefined();
    expect(options.period).toBeUndefined();
    expect(options.profile).toBeNull();
    expect(options.template?.name).toBe('القمع الكامل');
  });
});
