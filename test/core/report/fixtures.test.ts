/**
 * The engine against realistic exports with hand-computed expectations
 * (test/fixtures/campaigns/*.expected.json, computed by compute_expected.py, not by the engine):
 * header row, data rows, column mapping, every total, every KPI, every group, the date range,
 * and every live formula evaluated by an independent spreadsheet engine.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/core/i18n/lang';
import { kpiById } from '../../../src/core/kpi/registry';
import { buildReport, detectColumns } from '../../../src/core/report/index';
import type { ReportModel } from '../../../src/core/report/model';
import { closeTo, FIXTURES, formulaMismatches, readCsv, readExpected } from './helpers';

interface ExpectedColumn {
  letter: string;
  header: string;
  kind: 'measure' | 'dimension' | 'derived' | 'ignored';
  maps_to: string | null;
}
interface ExpectedGroup {
  key: string;
  rows: number;
  totals: Record<string, number | null>;
  kpis: Record<string, number | null>;
}
interface Expected {
  header_row: number;
  data_rows: number;
  data_lines: [number, number][];
  columns: ExpectedColumn[];
  totals: Record<string, number>;
  kpis: Record<string, { value: number }>;
  kpis_not_computable: Record<string, string>;
  groups: { by: string; column: string; groups: ExpectedGroup[] }[];
  date_range: { first: string; last: string } | null;
}

/**
 * KPIs the fixtures call not computable, which the registry nevertheless computes from a later
 * choice of an input's `measures` (e.g. AOV from conversions when there is no orders column).
 * The model says so in a note; this list pins the divergence so a change is noticed.
 */
const REGISTRY_FALLBACKS: Record<string, string[]> = {
  'ga4-en.csv': ['aov'],
  'google-ads-en.csv': ['aov'],
  'mailchimp-en.csv': [],
  'messy-handmade.csv': ['conversion_rate'],
  'meta-ads-en.csv': ['aov'],
  'meta-ads-fa.csv': ['aov'],
  'whatsapp-ar.csv': ['conversion_rate'],
};

const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.csv'));
const langOf = (f: string): Lang => (f.includes('-fa') ? 'fa' : f.includes('-ar') ? 'ar' : 'en');
const kpiOf = (model: ReportModel, id: string) => model.totals.kpis.find((k) => k.kpi === id);

describe.each(files)('fixture %s', (file) => {
  const grid = readCsv(file);
  const expected = readExpected(file.replace('.csv', '.expected.json')) as unknown as Expected;
  const lang = langOf(file);
  const result = buildReport(grid, { sourceName: 'Campaign data', lang, formulaSource: 'recreated' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const model = result.model;

  it('finds the header row and exactly the data rows', () => {
    expect(model.headerRow + 1).toBe(expected.header_row);
    const lines = expected.data_lines.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
    expect(model.dataRows.map((r) => r + 1)).toEqual(lines);
    expect(model.totals.rows).toBe(expected.data_rows);
  });

  it('maps every column as expected', () => {
    for (const col of expected.columns) {
      const m = model.mapping.find((x) => x.letter === col.letter);
      expect(m, col.letter).toBeDefined();
      const role = m?.role;
      if (col.kind === 'measure') expect(role, col.header).toEqual({ kind: 'measure', measure: col.maps_to });
      else if (col.kind === 'dimension')
        expect(role, col.header).toEqual({ kind: 'dimension', dimension: col.maps_to });
      else if (col.kind === 'derived') expect(role?.kind, col.header).toBe('precomputed');
      else expect(role?.kind, col.header).not.toBe('measure');
    }
    const preview = detectColumns(grid, { lang });
    expect(preview.ok).toBe(true);
    expect(preview.mapping.map((m) => m.role)).toEqual(model.mapping.map((m) => m.role));
  });

  it('sums every measure exactly once (total rows and headers excluded)', () => {
    for (const [measure, total] of Object.entries(expected.totals)) {
      expect(
        closeTo(model.totals.measures[measure as keyof typeof model.totals.measures], total),
        measure,
      ).toBe(true);
    }
  });

  it('computes every expected KPI sum-then-divide', () => {
    for (const [id, { value }] of Object.entries(expected.kpis)) {
      expect(model.kpis, id).toContain(id);
      expect(closeTo(kpiOf(model, id)?.value, value), `${id}: ${kpiOf(model, id)?.value} vs ${value}`).toBe(
        true,
      );
    }
  });

  it('does not compute what cannot be computed, except documented registry fallbacks', () => {
    const fallbacks: string[] = [];
    for (const id of Object.keys(expected.kpis_not_computable)) {
      if (!kpiById(id) || !model.kpis.includes(id)) continue;
      fallbacks.push(id);
    }
    expect(fallbacks.sort()).toEqual(REGISTRY_FALLBACKS[file]);
    for (const id of fallbacks) {
      const def = kpiById(id);
      const name = def?.names[lang] ?? id;
      expect(
        model.notes.some((n) => n.message.includes(name)),
        `a note explains ${id}`,
      ).toBe(true);
    }
  });

  it('reads the date range', () => {
    expect(model.dateRange).toEqual(
      expected.date_range ? { from: expected.date_range.first, to: expected.date_range.last } : null,
    );
  });

  for (const grouping of expected.groups ?? []) {
    it(`groups by ${grouping.by} with sums and KPIs per group`, () => {
      const column = model.mapping.find((m) => m.header === grouping.column)?.index;
      expect(column).toBeDefined();
      const r = buildReport(grid, { sourceName: 'Campaign data', lang, groupBy: column as number });
      if (!r.ok) throw new Error('failed');
      expect(r.model.groups.map((g) => g.label)).toEqual(grouping.groups.map((g) => g.key.trim()));
      grouping.groups.forEach((g, i) => {
        const got = r.model.groups[i];
        expect(got?.rows, g.key).toBe(g.rows);
        for (const [measure, total] of Object.entries(g.totals)) {
          expect(
            closeTo(got?.measures[measure as keyof typeof got.measures], total),
            `${g.key} ${measure}`,
          ).toBe(true);
        }
        for (const [id, value] of Object.entries(g.kpis)) {
          const k = got?.kpis.find((x) => x.kpi === id);
          expect(closeTo(k?.value, value), `${g.key} ${id}: ${k?.value} vs ${value}`).toBe(true);
        }
      });
    });
  }

  it('every live formula computes the value the engine wrote (recreated source)', () => {
    const { checked, mismatches } = formulaMismatches(model, model.cleanSource);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(20);
    expect(model.liveFormulas).toBe(true);
  });

  it("on the user's own sheet, text numbers get values and every remaining formula still agrees", () => {
    const r = buildReport(grid, { sourceName: 'Campaign data', lang, formulaSource: 'user-sheet' });
    if (!r.ok) throw new Error('failed');
    const { mismatches } = formulaMismatches(r.model, grid);
    expect(mismatches).toEqual([]);
    // A CSV holds only text: no aggregate can be a formula over it, and the notes say why.
    expect(r.model.liveFormulas).toBe(false);
    expect(r.model.notes.length).toBeGreaterThan(0);
  });
});
