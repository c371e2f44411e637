/**
 * Code.js carries the custom functions and the menu only; the report engine is dist/Engine.html,
 * which the RPC stubs load through HtmlService once per execution (docs/architecture.md, "The
 * Apps Script bundle"). Needs `node build.mjs` first (npm test does it).
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BENCHMARK_LABELS } from '../../src/core/i18n/benchmark-labels';
import { REPORT_LABELS } from '../../src/core/i18n/report-labels';
import { REPORT_KEY } from '../../src/server/report-writer';
import { FakeWorld } from '../fakes/spreadsheet';
import { bundleSource, engineHtmlService, engineSource, loadBundle } from '../helpers/bundle';

/** A fresh execution: Code.js evaluated in a new context with these globals. */
function execution(globals: Record<string, unknown>): Record<string, (...a: unknown[]) => unknown> {
  const context = vm.createContext({ ...globals });
  vm.runInContext(bundleSource(), context, { filename: 'Code.js' });
  return context as unknown as Record<string, (...a: unknown[]) => unknown>;
}

/** Crosses a result out of the vm as google.script.run would: as JSON. */
const plain = <T>(v: unknown): T => JSON.parse(JSON.stringify(v)) as T;

function worldWithData(): FakeWorld {
  return new FakeWorld({
    sheets: [
      {
        name: 'Campaigns',
        values: [
          ['Channel', 'Cost', 'Impressions', 'Clicks', 'Conversions'],
          ['Search', 100, 1000, 50, 2],
          ['Social', 80, 4000, 40, 1],
          ['Email', 20, 500, 25, 3],
        ],
      },
      { name: 'Notes' },
    ],
  });
}

function servicesOf(world: FakeWorld, htmlService: unknown): Record<string, unknown> {
  return {
    SpreadsheetApp: world.spreadsheetApp,
    LockService: world.lockService,
    PropertiesService: world.propertiesService,
    Utilities: world.utilities,
    HtmlService: htmlService,
  };
}

describe('the split between Code.js and Engine.html', () => {
  it('Code.js stays under 150 KiB and carries no report-engine code; Engine.html does', () => {
    const code = bundleSource();
    expect(Buffer.byteLength(code, 'utf8')).toBeLessThanOrEqual(150 * 1024);
    // The report tabs' metadata key: only the Sheets writer (engine side) uses it.
    expect(REPORT_KEY).toBe('mizan.report');
    expect(code).not.toContain(REPORT_KEY);
    expect(engineSource()).toContain(REPORT_KEY);
  });

  it("Code.js carries the status and citation words custom functions say, not the report's labels", () => {
    const code = bundleSource();
    // Report-only labels (a note, a section title) stay out of the custom functions' start-up…
    for (const key of ['excludedSummary', 'chosenColumn', 'stackedMsg'] as const)
      expect(code, key).not.toContain(REPORT_LABELS[key].en.slice(0, 30));
    // …while KPI_STATUS's words are there, in every language.
    for (const word of [BENCHMARK_LABELS.good.fa, BENCHMARK_LABELS.poor.ar, BENCHMARK_LABELS.fair.en])
      expect(code).toContain(word);
  });

  it('Engine.html is plain ASCII JavaScript with nothing HtmlService could treat as markup', () => {
    const text = engineSource();
    expect(text.match(/[^\t\n -~]/g) ?? []).toEqual([]);
    for (const bad of ['<?', '?>', '<!--', '</', '<script']) expect(text.includes(bad), bad).toBe(false);
    // The global load-engine.ts returns after evaluating the text.
    expect(text).toMatch(/^("use strict";)?var MizanEngine=/);
  });

  it('custom functions run with no HtmlService in the context at all (they never load the engine)', () => {
    const g = loadBundle();
    expect('HtmlService' in g).toBe(false);
    // 5 clicks out of 100 impressions; 2 conversions out of 50 clicks.
    expect(g.CTR?.(5, 100)).toBe(0.05);
    expect(g.CONVERSION_RATE?.(2, 50)).toBe(0.04);
    expect(plain(g.CTR?.([[5], [30]], [[100], [60]]))).toEqual([[0.05], [0.5]]);
  });

  it('the menu is built under AuthMode.NONE with no HtmlService (no engine, no sidebar file)', () => {
    const world = new FakeWorld({ locale: 'fa_IR' });
    const g = execution({ SpreadsheetApp: world.spreadsheetApp });
    g.onOpen?.({ authMode: 'NONE' });
    expect(world.ui.menus).toHaveLength(1);
    expect(world.ui.menus[0]?.items.map((i) => i.fn)).toEqual([
      'showSidebar',
      'showTemplates',
      'showFunctionsHelp',
    ]);
  });

  it('an RPC call loads the engine once per execution, and the engine answers for real', () => {
    const world = worldWithData();
    const html = engineHtmlService();
    const g = execution(servicesOf(world, html.service));
    const state = plain<{ sheets: { name: string }[] }>(g.getSidebarState?.());
    expect(state.sheets.map((s) => s.name)).toEqual(['Campaigns', 'Notes']);
    const campaigns = world.sheets[0]?.getSheetId() ?? -1;
    const analysis = plain<{ ok: boolean; rows: number; headerRow: number }>(
      g.analyzeSource?.({ sheetId: campaigns, lang: 'en' }),
    );
    // Header in the first row (0-based), three data rows under it.
    expect(analysis).toMatchObject({ ok: true, rows: 3, headerRow: 0 });
    // Two RPC calls, one load.
    expect(html.files).toEqual(['Engine']);

    // A new execution (a new context) starts without the engine and loads it again, once.
    const next = engineHtmlService();
    const g2 = execution(servicesOf(worldWithData(), next.service));
    g2.getSidebarState?.();
    g2.listTemplates?.('en');
    expect(next.files).toEqual(['Engine']);
  });

  it('an engine file that defines nothing is refused loudly, not called through', () => {
    const world = worldWithData();
    const g = execution(
      servicesOf(world, { createHtmlOutputFromFile: () => ({ getContent: () => 'var MizanEngine;' }) }),
    );
    expect(() => g.getSidebarState?.()).toThrow(/Engine\.html did not define the report engine/);
  });
});
