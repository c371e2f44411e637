/**
 * The sidebar's server functions end to end on the fake spreadsheet with the real engine:
 * example and fixture campaign sheets in, a report tab out, its live formulas evaluated by
 * HyperFormula and checked against the engine's values and the fixtures' hand-computed
 * expectations; batching, the source left alone, the lock, failures at any call, RTL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report/index';
import { activateSheet, analyzeSource, generateReport, getSidebarState } from '../../src/server/report-rpc';
import { recoverInterrupted } from '../../src/server/report-swap';
import type { GenerateRequest } from '../../src/shared/rpc';
import { readCsvSheet, type SheetValue } from '../fakes/csv-sheet';
import { FakeWorld, uninstallFakes } from '../fakes/spreadsheet';
import { type Evaluated, evaluateWorld } from './evaluate';

const EXAMPLES = new URL('../../examples/', import.meta.url);
const FIXTURES = new URL('../fixtures/campaigns/', import.meta.url);

function world(values: SheetValue[][], name = 'Campaigns', locale = 'en_US'): FakeWorld {
  return new FakeWorld({ sheets: [{ name, values }], locale }).install();
}

const live = (lang: 'en' | 'ar' | 'fa' = 'en', extra: Partial<GenerateRequest> = {}): GenerateRequest => ({
  sheetId: 0,
  lang,
  formulas: 'live',
  placement: 'update',
  ...extra,
});

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r).slice(0, 800)}`);
  return r as Extract<T, { ok: true }>;
}

/** Every formula cell of the written report, its HyperFormula value next to the engine's value. */
function formulaResults(w: FakeWorld, reportName: string, grid: SheetValue[][], lang: 'en' | 'ar' | 'fa') {
  const model = ok(
    buildReport(grid, { sourceName: w.sheets[0]?.name ?? '', lang, formulaSource: 'user-sheet' }),
  ).model;
  const evaluated = evaluateWorld(w).get(reportName) as Evaluated;
  const written = w.sheet(reportName).snapshot();
  const out: { at: string; formula: string; engine: unknown; spreadsheet: unknown }[] = [];
  for (const block of model.blocks) {
    for (const [r, line] of block.cells.entries()) {
      for (const [c, cell] of line.entries()) {
        if (!cell.f) continue;
        const row = block.row + r;
        const col = block.col + c;
        expect(written[row]?.[col]?.formula).toBe(`=${cell.f}`);
        out.push({
          at: `${block.id}[${r},${c}]`,
          formula: cell.f,
          engine: cell.v,
          spreadsheet: evaluated[row]?.[col],
        });
      }
    }
  }
  return out;
}

function expectSame(results: ReturnType<typeof formulaResults>): void {
  const wrong = results.filter(({ engine, spreadsheet }) => {
    if (engine === null || engine === '') return !(spreadsheet === '' || spreadsheet === null);
    if (typeof engine === 'number') {
      return (
        typeof spreadsheet !== 'number' ||
        Math.abs(spreadsheet - engine) > 1e-9 * Math.max(1, Math.abs(engine))
      );
    }
    return spreadsheet !== engine;
  });
  expect(wrong.slice(0, 5)).toEqual([]);
}

afterEach(() => uninstallFakes());

describe('live formulas, evaluated by an independent spreadsheet engine', () => {
  it('the English example: every formula gives the engine value and the hand-computed totals and KPIs', () => {
    const grid = readCsvSheet(new URL('campaigns-en.csv', EXAMPLES));
    const w = world(grid);
    const out = ok(generateReport(live()));
    const results = formulaResults(w, out.sheetName, grid, 'en');
    expect(results.length).toBeGreaterThan(100);
    expectSame(results);
    // Hand-computed expectations (examples/campaigns-en.expected.json, not the engine's output).
    const expected = JSON.parse(readFileSync(new URL('campaigns-en.expected.json', EXAMPLES), 'utf8'));
    const numbers = results.map((r) => r.spreadsheet).filter((v): v is number => typeof v === 'number');
    const has = (v: number) => numbers.some((n) => Math.abs(n - v) <= 1e-9 * Math.max(1, Math.abs(v)));
    for (const [measure, v] of Object.entries(expected.totals as Record<string, number>)) {
      expect(has(v), `total ${measure} = ${v}`).toBe(true);
    }
    for (const [kpi, k] of Object.entries(expected.kpis as Record<string, { value: number | null }>)) {
      if (k.value !== null) expect(has(k.value), `KPI ${kpi} = ${k.value}`).toBe(true);
    }
    for (const g of expected.groups[0].groups as { key: string; kpis: Record<string, number | null> }[]) {
      for (const [kpi, v] of Object.entries(g.kpis))
        if (v !== null) expect(has(v), `${g.key} ${kpi}`).toBe(true);
    }
  });

  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.csv'));
  it.each(fixtures)('%s: every formula gives the engine value', (file) => {
    const grid = readCsvSheet(new URL(file, FIXTURES));
    const lang = file.includes('-fa') ? 'fa' : file.includes('-ar') ? 'ar' : 'en';
    const w = world(grid, 'Data export');
    const out = ok(generateReport(live(lang)));
    expectSame(formulaResults(w, out.sheetName, grid, lang));
  });

  it('hostile campaign and channel names stay literal text and still match their rows', () => {
    const grid = readCsvSheet(new URL('campaigns-en.csv', EXAMPLES));
    const hostile = ['=IMPORTXML("http://x","//a")', '+1', '-cmd', '@SUM(A1)'];
    const channels = new Map<unknown, string>();
    for (const row of grid.slice(1)) {
      if (!channels.has(row[0])) channels.set(row[0], hostile[channels.size % hostile.length] as string);
      row[0] = channels.get(row[0]) as string;
      row[1] = `${row[1]} @x`;
    }
    const w = world(grid);
    const out = ok(generateReport(live()));
    const written = w.sheet(out.sheetName).snapshot();
    const cells = written.flat();
    // All four are group labels, written literally (none is taken for a total row).
    for (const name of hostile) {
      const found = cells.filter((c) => c.value === name && c.formula === '');
      expect(found.length, name).toBeGreaterThan(0);
    }
    const model = ok(
      // The sidebar's "Automatic" profile: Mizan chooses one from the columns, as the RPC does.
      buildReport(grid, {
        sourceName: 'Campaigns',
        lang: 'en',
        formulaSource: 'user-sheet',
        chooseProfile: true,
      }),
    ).model;
    let texts = 0;
    for (const block of model.blocks) {
      for (const [r, line] of block.cells.entries()) {
        for (const [c, cell] of line.entries()) {
          if (typeof cell.v !== 'string' || cell.f || cell.v === '') continue;
          const got = written[block.row + r]?.[block.col + c];
          expect(got?.value, `${block.id}[${r},${c}]`).toBe(cell.v);
          expect(got?.formula).toBe('');
          texts++;
        }
      }
    }
    expect(texts).toBeGreaterThan(20);
    // No formula on the sheet contains the hostile text itself (labels are read through cells).
    expect(cells.filter((c) => c.formula.includes('IMPORTXML'))).toEqual([]);
    expectSame(formulaResults(w, out.sheetName, grid, 'en'));
  });
});

describe('the sidebar RPC', () => {
  it('lists the tabs, marks Mizan tabs, and gives built-in templates and profiles in the sheet language', () => {
    const w = world(readCsvSheet(new URL('campaigns-fa.csv', EXAMPLES)), 'داده‌ها', 'fa_IR');
    w.addUserSheet('Notes');
    ok(generateReport(live('fa')));
    const state = getSidebarState();
    expect(state.lang).toBe('fa');
    expect(state.sheets.map((s) => [s.name, s.isReport])).toEqual([
      ['داده‌ها', false],
      ['گزارش شاخص‌ها – داده‌ها', true],
      ['Notes', false],
    ]);
    expect(state.templates.length).toBeGreaterThan(3);
    expect(state.profiles.some((p) => /[\u0600-\u06FF]/.test(p.name))).toBe(true);
  });

  it('previews columns, KPIs that can and cannot be computed, and the existing report', () => {
    world(readCsvSheet(new URL('campaigns-en.csv', EXAMPLES)));
    const first = ok(analyzeSource({ sheetId: 0, lang: 'en' }));
    expect(first.headerRow).toBe(0);
    expect(first.rows).toBe(248);
    expect(first.columns.find((c) => c.header === 'Cost')?.role).toEqual({
      kind: 'measure',
      measure: 'cost',
    });
    expect(first.kpis.map((k) => k.kpi)).toContain('cpa');
    expect(first.notComputed.find((n) => n.kpi === 'bounce_rate')?.message).toMatch(/bounce|session/i);
    expect(first.existing).toBeNull();
    // Correcting a column: Leads as ignored removes CPL.
    const leads = first.columns.find((c) => c.header === 'Leads')?.index as number;
    const corrected = ok(
      analyzeSource({ sheetId: 0, lang: 'en', overrides: { [leads]: { kind: 'ignored' } } }),
    );
    expect(corrected.columns[leads]?.overridden).toBe(true);
    expect(corrected.kpis.map((k) => k.kpi)).not.toContain('cpl');
    const built = ok(generateReport(live()));
    expect(ok(analyzeSource({ sheetId: 0, lang: 'en' })).existing).toEqual({
      sheetId: built.sheetId,
      name: built.sheetName,
    });
  });

  it('applies a built-in template: its KPIs in its order, its name in the legend', () => {
    const w = world(readCsvSheet(new URL('campaigns-en.csv', EXAMPLES)));
    const a = ok(analyzeSource({ sheetId: 0, lang: 'en', templateId: 'paid-search' }));
    // Paid search asks for ctr, cpc, conversion_rate, cpa, cpl, roas, roi (builtin.ts); all present here.
    expect(a.kpis.map((k) => k.kpi)).toEqual(['ctr', 'cpc', 'conversion_rate', 'cpa', 'cpl', 'roas', 'roi']);
    const out = ok(generateReport(live('en', { templateId: 'paid-search' })));
    const texts = w
      .sheet(out.sheetName)
      .snapshot()
      .flat()
      .map((c) => String(c.value));
    expect(texts.some((t) => t.includes('Paid search'))).toBe(true);
    const recipe = w.metadata.find((m) => m.key === 'mizan.recipe');
    expect(JSON.parse(recipe?.value ?? '{}')).toMatchObject({ templateId: 'paid-search', formulas: 'live' });
  });

  it('says what is wrong with a sheet it cannot read, and where', () => {
    const w = world([['just a note'], ['nothing else']]);
    const noHeader = {
      code: 'no-header',
      message: 'No header row was found: no row names a column such as Cost, Clicks or Impressions.',
      hint: 'Add a header row above the data, or choose the header row in the sidebar.',
      cliHint: 'Add a header row above the data, or give its row number with --header-row N.',
    };
    expect(analyzeSource({ sheetId: 0, lang: 'en' })).toEqual({ ok: false, problems: [noHeader] });
    expect(generateReport(live())).toMatchObject({ ok: false, problems: [noHeader] });
    expect(w.sheets).toHaveLength(1); // nothing written

    // A measure column of text: the column's letter and header, and the sheet rows (1-based).
    world([
      ['Campaign', 'Impressions', 'Clicks'],
      ['A', 100, 'n/a'],
      ['B', 200, 'none'],
      ['C', 300, 'x'],
    ]);
    const a = analyzeSource({ sheetId: 0, lang: 'en' });
    expect(a.ok).toBe(false);
    if (a.ok) return;
    expect(a.problems[0]).toMatchObject({
      code: 'mostly-text',
      column: { letter: 'C', header: 'Clicks' },
      rows: [2, 3, 4],
    });
    expect(a.problems[0]?.message).toBe(
      'Column C ("Clicks") should hold numbers (Clicks), but 3 of its 3 filled cells are text (rows 2, 3, 4).',
    );
  });

  it('reports a deleted source as such', () => {
    world(readCsvSheet(new URL('campaigns-en.csv', EXAMPLES)));
    expect(analyzeSource({ sheetId: 42, lang: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'source-missing' },
    });
    expect(generateReport(live('en', { sheetId: 42 }))).toMatchObject({
      ok: false,
      error: { code: 'source-missing' },
    });
  });

  it('waits for the document lock and says so when another run holds it', () => {
    const w = world(readCsvSheet(new URL('campaigns-en.csv', EXAMPLES)));
    w.lock.busy = true;
    expect(generateReport(live())).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(w.sheets).toHaveLength(1);
    w.lock.busy = false;
    ok(generateReport(live()));
    expect(w.lock.held).toBe(false);
    expect(w.lock.acquired).toBe(1);
  });

  it('activates a tab, and answers false for one that is gone', () => {
    const w = world(readCsvSheet(new URL('campaigns-en.csv', EXAMPLES)));
    const out = ok(generateReport(live()));
    w.active = w.sheets[0] as never;
    expect(activateSheet(out.sheetId)).toBe(true);
    expect(w.active.name).toBe(out.sheetName);
    expect(activateSheet(999)).toBe(false);
  });

  it('writes values only when asked', () => {
    const w = world(readCsvSheet(new URL('campaigns-en.csv', EXAMPLES)));
    const out = ok(generateReport(live('en', { formulas: 'values' })));
    const cells = w.sheet(out.sheetName).snapshot().flat();
    expect(cells.filter((c) => c.formula !== '')).toEqual([]);
    expect(cells.some((c) => c.value === 62389.58)).toBe(true);
  });

  it('sets right to left for Arabic and Persian reports', () => {
    for (const [file, lang] of [
      ['campaigns-ar.csv', 'ar'],
      ['campaigns-fa.csv', 'fa'],
      ['campaigns-en.csv', 'en'],
    ] as const) {
      const w = world(readCsvSheet(new URL(file, EXAMPLES)));
      const out = ok(generateReport(live(lang)));
      expect(w.sheet(out.sheetName).rightToLeft, file).toBe(lang !== 'en');
    }
  });
});

describe('batching and safety of a build', () => {
  /** A campaign sheet of `n` rows with the same channels and dates whatever n. */
  function rows(n: number): SheetValue[][] {
    const grid: SheetValue[][] = [
      ['Channel', 'Campaign', 'Date', 'Cost', 'Clicks', 'Conversions', 'Revenue'],
    ];
    for (let i = 0; i < n; i++) {
      grid.push([
        ['Search', 'Social', 'Email'][i % 3] as string,
        `C${i % 4}`,
        new Date(Date.UTC(2026, 0, 1 + (i % 10))),
        10 + (i % 7),
        50 + (i % 11),
        i % 4,
        (i % 9) * 10,
      ]);
    }
    return grid;
  }

  it('makes the same Spreadsheet calls for 10 and 10,000 rows, and reads the source once', () => {
    const runs = [10, 10_000].map((n) => {
      const w = world(rows(n));
      w.log.reset();
      ok(generateReport(live()));
      return w.log;
    });
    expect(runs[1]?.summary()).toEqual(runs[0]?.summary());
    const reads = runs[1]?.calls.filter((c) => c.method === 'getValues') ?? [];
    // The source once, and the report once as written (what a refresh compares with, issue 10).
    expect(reads).toHaveLength(2);
  });

  it('never writes to the source', () => {
    const w = world(readCsvSheet(new URL('campaigns-en.csv', EXAMPLES)));
    const before = JSON.stringify(w.sheet('Campaigns').snapshot());
    ok(generateReport(live()));
    ok(generateReport(live('en', { placement: 'new' })));
    expect(JSON.stringify(w.sheet('Campaigns').snapshot())).toBe(before);
  });

  it('a failure at any call leaves the spreadsheet as it was or the whole new report, and releases the lock', () => {
    const grid = rows(20);
    const state = (w: FakeWorld) =>
      JSON.stringify({
        names: w.sheets.map((s) => s.name),
        cells: w.sheets.map((s) => s.snapshot()),
        meta: w.metadata.map((m) => [m.key, m.value, m.sheet?.name]),
      });
    const probe = world(grid);
    ok(generateReport(live('en', { formulas: 'values' })));
    probe.log.reset();
    ok(generateReport(live()));
    const total = probe.log.count;
    const done = state(probe);
    const seen = { before: 0, done: 0 };
    for (let n = 1; n <= total; n++) {
      const w = world(grid);
      ok(generateReport(live('en', { formulas: 'values' })));
      const before = state(w);
      const base = w.log.count;
      w.log.failOnCall(n);
      let result: ReturnType<typeof generateReport> | null = null;
      try {
        result = generateReport(live());
      } catch {
        // a read failing before the write throws, which the sidebar shows as an unexpected error
      }
      const failed = w.log.calls.find((c) => c.n === base + n)?.method;
      if (result?.ok) {
        // Past the commit the new report is put in place; marks left are the next run's to remove.
        recoverInterrupted(w.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
        expect(state(w), `after a failure at call ${n} (${failed})`).toBe(done);
        seen.done++;
      } else {
        expect(state(w), `after a failure at call ${n} (${failed})`).toBe(before);
        seen.before++;
      }
      // Apps Script releases a lock when the run ends, should releaseLock fail.
      if (failed !== 'releaseLock') expect(w.lock.held, `lock after call ${n} (${failed})`).toBe(false);
    }
    expect(seen.before).toBeGreaterThan(0);
    expect(seen.done).toBeGreaterThan(0);
  });
});
