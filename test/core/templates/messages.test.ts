/**
 * Issue 12: a minimal template is accepted with the documented defaults, and what is wrong with a
 * template reads, in English, Arabic and Persian, as words for a marketer: no "undefined", no
 * parser text, no raw JSON paths.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/core/i18n/lang';
import { exportTemplate, importTemplate, validateTemplate } from '../../../src/core/templates';
import { describePath } from '../../../src/core/templates/messages';

const LANGS: readonly Lang[] = ['en', 'ar', 'fa'];

describe('a minimal template (schemaVersion, name, kpis)', () => {
  it('is accepted with the defaults docs/templates.md lists', () => {
    const r = importTemplate('{"schemaVersion": 1, "name": "Shop goals", "kpis": ["ctr", "cac"]}');
    expect(r).toEqual({
      ok: true,
      migratedFrom: null,
      template: {
        schemaVersion: 1,
        id: 'shop-goals',
        name: 'Shop goals',
        kpis: ['ctr', 'cac'],
        groupBy: 'auto',
        period: 'auto',
        profile: null,
        targets: [],
        lang: 'sheet',
        formulas: 'live',
      },
    });
  });

  it('keeps what it does give, and exports as a full template that reads back the same', () => {
    const r = validateTemplate({ schemaVersion: 1, name: 'هدف‌ها', kpis: [], period: 'month', lang: 'fa' });
    expect(r.ok && r.template).toMatchObject({
      id: 'template',
      period: 'month',
      lang: 'fa',
      groupBy: 'auto',
    });
    if (!r.ok) throw new Error('refused');
    const again = importTemplate(exportTemplate(r.template));
    expect(again.ok && again.template).toEqual(r.template);
  });

  it('still needs a name and a KPI list: each is named as missing', () => {
    const r = validateTemplate({ schemaVersion: 1 });
    expect(r.ok ? [] : r.problems).toEqual([
      { path: 'name', message: 'is missing' },
      { path: 'kpis', message: 'is missing' },
    ]);
  });
});

/** Bad templates that between them reach most messages, several by leaving a field out. */
const BAD: readonly [string, unknown][] = [
  ['not text', 42],
  ['empty', '  '],
  ['cut short', '{"schemaVersion": 1, "name": "x"'],
  ['a stray comma', '{\n  "schemaVersion": 1,\n}'],
  ['a stray brace', '{"a":}'],
  ['an array', '[1]'],
  ['no version', '{"name": "x", "kpis": []}'],
  ['a newer version', '{"schemaVersion": 9}'],
  [
    'fields left out and wrong',
    JSON.stringify({
      schemaVersion: 1,
      id: 'Bad Id',
      name: '',
      names: { ar: 7 },
      kpis: ['ctrr', 'ctr', 'ctr'],
      groupBy: {},
      period: 'year',
      profile: 'tv',
      targets: [
        { kpi: 'ctr', op: '>=' },
        { kpi: 'cac', op: '>=', value: -3, by: '2026-02-30' },
        { kpi: 'conversion_rate', op: '>=', value: 5 },
        { op: '<=' },
      ],
      thresholds: [
        { kpi: 'ctr', thresholds: { good: 0.01, fair: 0.02 } },
        { kpi: 'cpc', thresholds: { direction: 'higher', good: 1, fair: 2 } },
        { kpi: 'ctr', thresholds: { direction: 'higher', good: 0.01, fair: 0.02 } },
      ],
      formulas: 'maybe',
      grossMargin: 60,
      brand: {},
      colour: 'red',
    }),
  ],
];

describe.each(LANGS)('problems in %s', (lang) => {
  const problems = BAD.flatMap(([, text]) => {
    const r = importTemplate(text, lang);
    if (r.ok) throw new Error('accepted a bad template');
    return r.problems;
  });

  it('say nothing a programmer would: no undefined, no parser text, no JSON paths', () => {
    expect(problems.length).toBeGreaterThan(25);
    for (const p of problems) {
      const shown = `${describePath(p.path, lang)} ${p.message}`;
      expect(shown).not.toMatch(/undefined|JSON\.parse|Unexpected token|position \d|\w\[\d+\]/);
    }
  });

  it('are in the language asked for', () => {
    const english = BAD.flatMap(([, text]) => {
      const r = importTemplate(text);
      return r.ok ? [] : r.problems;
    });
    // The same problems at the same places, whatever the language.
    expect(problems.map((p) => p.path)).toEqual(english.map((p) => p.path));
    if (lang === 'en') return;
    for (const [i, p] of problems.entries()) {
      expect(p.message).not.toBe(english[i]?.message);
      expect(p.message).toMatch(/[\u0600-\u06FF]/);
    }
  });
});

describe('what a marketer is told', () => {
  it('where bad JSON breaks, by line and column counted from the text', () => {
    // Line 3 is "}", and the parser stops at its first character.
    const text = '{\n  "schemaVersion": 1,\n}';
    const message = (lang: Lang) => {
      const r = importTemplate(text, lang);
      return r.ok ? '' : (r.problems[0]?.message ?? '');
    };
    expect(message('en')).toBe('not valid JSON (near line 3, column 1); paste the exported text unchanged');
    expect(message('fa')).toContain('سطر ۳، ستون ۱');
    expect(message('ar')).toContain('السطر ٣، العمود ١');
  });

  it('a missing value instead of "undefined"', () => {
    const r = validateTemplate(
      { schemaVersion: 1, name: 'x', kpis: [], targets: [{ kpi: 'ctr', op: '>=' }] },
      'fa',
    );
    expect(r.ok ? [] : r.problems).toEqual([{ path: 'targets[0].value', message: 'وجود ندارد' }]);
  });

  it('places as words, counted from 1 in the language digits', () => {
    expect(describePath('targets[1].value', 'en')).toBe('Target 2 › value');
    expect(describePath('targets[1].value', 'fa')).toBe('هدف ۲ › مقدار');
    expect(describePath('kpis[11]', 'ar')).toBe('المؤشر ١٢');
    expect(describePath('colour', 'en')).toBe('"colour"');
    expect(describePath('', 'fa')).toBe('');
  });

  it('counts in the language digits and separators', () => {
    // 10 + 40,000 + 2 characters.
    const r = importTemplate(`{"name": "${'x'.repeat(40_000)}"}`, 'fa');
    expect(r.ok ? '' : r.problems[0]?.message).toBe('متن ۴۰٬۰۱۲ نویسه است؛ قالب حداکثر ۳۲٬۰۰۰ نویسه است');
  });
});
