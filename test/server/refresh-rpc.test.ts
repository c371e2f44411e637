/**
 * Refreshing a report tab by re-applying its template, on the fake spreadsheet with the real
 * engine and template store: an edit of the saved template shows in the same tab (same sheet id),
 * user tabs stay as they were, the calls do not grow with the rows, a deleted source or template
 * gives a typed error with nothing written, and a failure at any call leaves no half-written tab.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Template } from '../../src/core/templates/schema';
import { listReportTabs, readRecipe, refreshReport } from '../../src/server/refresh-rpc';
import { generateReport } from '../../src/server/report-rpc';
import { recoverInterrupted } from '../../src/server/report-swap';
import { RECIPE_KEY, REPORT_KEY } from '../../src/server/report-writer';
import { TemplateStore } from '../../src/server/template-store';
import type { GenerateRequest } from '../../src/shared/rpc';
import { readCsvSheet, type SheetValue } from '../fakes/csv-sheet';
import { FakeWorld, uninstallFakes } from '../fakes/spreadsheet';
import { STOPPED, stopAtCall } from './stop-run';

const EXAMPLE = new URL('../../examples/campaigns-en.csv', import.meta.url);

afterEach(() => uninstallFakes());
// The loops below run a few hundred refreshes, on a machine that may be shared; speed is benched.
vi.setConfig({ testTimeout: 600_000 });

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r).slice(0, 800)}`);
  return r as Extract<T, { ok: true }>;
}

/** A spreadsheet with the campaign sheet, a user's own tab, and a saved copy of "Paid search". */
function setUp(grid: SheetValue[][] = readCsvSheet(EXAMPLE)) {
  const w = new FakeWorld({
    sheets: [
      { name: 'Campaigns', values: grid },
      { name: 'My notes', values: [['Budget', 1200, '=B1*2']] },
    ],
    locale: 'en_US',
  }).install();
  const store = new TemplateStore(
    w.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    () => w.lock,
  );
  const saved = ok(store.duplicate('paid-search')).template;
  return { w, store, saved };
}

const request = (templateId: string, extra: Partial<GenerateRequest> = {}): GenerateRequest => ({
  sheetId: 0,
  lang: 'en',
  formulas: 'values',
  placement: 'update',
  templateId,
  ...extra,
});

/** Every text and number on a tab, for "does the report show X". */
function contents(w: FakeWorld, name: string): (string | number)[] {
  return w
    .sheet(name)
    .snapshot()
    .flat()
    .map((c) => c.value)
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
}

function edit(store: TemplateStore, t: Template, change: Partial<Template>): void {
  const { names: _names, ...rest } = t;
  ok(store.save({ ...rest, ...change }, true));
}

const userTabs = (w: FakeWorld) =>
  JSON.stringify(
    w.sheets.filter((s) => s.name === 'Campaigns' || s.name === 'My notes').map((s) => s.snapshot()),
  );

describe('listReportTabs', () => {
  it('lists each report tab with its source and the template that built it', () => {
    const { saved } = setUp();
    const built = ok(generateReport(request(saved.id)));
    const auto = ok(generateReport(request('', { templateId: null, placement: 'new' })));
    expect(listReportTabs('en')).toEqual([
      {
        sheetId: built.sheetId,
        name: built.sheetName,
        source: 'Campaigns',
        template: { id: 'paid-search-copy', name: 'Paid search (copy)', missing: false },
      },
      { sheetId: auto.sheetId, name: auto.sheetName, source: 'Campaigns', template: null },
    ]);
  });

  it('names a built-in template in the language asked for, and a deleted one by its recorded name', () => {
    const { w, store, saved } = setUp();
    ok(generateReport(request('paid-search')));
    ok(generateReport(request(saved.id, { placement: 'new' })));
    // A duplicate keeps the built-in's names in every language, with "(copy)".
    expect(listReportTabs('fa').map((t) => t.template?.name)).toEqual([
      'تبلیغات جستجوی پولی',
      'تبلیغات جستجوی پولی (کپی)',
    ]);
    ok(store.delete(saved.id));
    expect(listReportTabs('en')[1]?.template).toEqual({
      id: 'paid-search-copy',
      name: 'Paid search (copy)',
      missing: true,
    });
    expect(w.sheets.some((s) => s.name === 'Campaigns')).toBe(true);
  });

  it('is empty, in a few calls, when there is no report', () => {
    const { w } = setUp();
    w.log.reset();
    expect(listReportTabs('en')).toEqual([]);
    expect(w.log.count).toBeLessThan(8);
  });
});

describe('refreshReport', () => {
  it('re-applies the edited template in the same tab and leaves user tabs alone', () => {
    const { w, store, saved } = setUp();
    const built = ok(generateReport(request(saved.id)));
    const tabsBefore = w.sheets.map((s) => [s.id, s.name]);
    const usersBefore = userTabs(w);
    const first = contents(w, built.sheetName);
    expect(first).toContain('Click-through rate (CTR)');
    expect(first).not.toContain('Cost per mille (CPM)');
    expect(first).not.toContain('target ≥ 5.00%');

    // The team edits the template: CPM added, a conversion-rate goal of 5%, a new name.
    edit(store, saved, {
      name: 'Search team',
      kpis: [...saved.kpis, 'cpm'],
      targets: [{ kpi: 'conversion_rate', op: '>=', value: 0.05 }],
    });
    const refreshed = ok(refreshReport(built.sheetId));

    expect(refreshed.sheetId).toBe(built.sheetId);
    expect(refreshed.sheetName).toBe(built.sheetName);
    expect(w.sheets.map((s) => [s.id, s.name])).toEqual(tabsBefore);
    expect(userTabs(w)).toBe(usersBefore);
    const after = contents(w, built.sheetName);
    expect(after).toContain('Cost per mille (CPM)');
    expect(after.some((v) => typeof v === 'string' && v.includes('Search team'))).toBe(true);
    // The goal replaces the benchmark on the conversion-rate row; 3907 / 65875 = 5.93% meets it.
    const rows = w
      .sheet(built.sheetName)
      .snapshot()
      .map((line) => line.map((c) => c.value));
    const cr = rows.find((r) => r[0] === 'Conversion rate');
    expect(cr?.[1]).toBeCloseTo(3907 / 65875, 12);
    expect(cr?.slice(2, 4)).toEqual(['good', 'target ≥ 5.00%']);
    // The tab now records the template's new name.
    const recipe = w.metadata.find((m) => m.key === RECIPE_KEY && m.sheet?.id === built.sheetId);
    expect(JSON.parse(recipe?.value ?? '{}').template).toEqual({
      id: 'paid-search-copy',
      name: 'Search team',
    });
    expect(w.metadata.filter((m) => m.key === REPORT_KEY)).toHaveLength(1);
    expect(w.metadata.filter((m) => m.key === RECIPE_KEY)).toHaveLength(1);
  });

  it('keeps the choices of the build (values only, language) and rebuilds from the source as it is now', () => {
    const { w, saved } = setUp();
    const built = ok(generateReport(request(saved.id, { lang: 'fa' })));
    expect(w.sheet(built.sheetName).rightToLeft).toBe(true);
    // A new row of spend: the values-only report changes only when refreshed.
    const source = w.sheet('Campaigns');
    const last = source.snapshot().length;
    source.load([
      ...source.snapshot().map((line) => line.map((c) => c.value as SheetValue)),
      ['Search', 'Late campaign', '2026-08-03', 1000, 10, 1, 1, 0, 0, 0, 0, 0],
    ]);
    expect(source.snapshot()).toHaveLength(last + 1);
    ok(refreshReport(built.sheetId));
    const tab = w.sheet(built.sheetName);
    expect(tab.rightToLeft).toBe(true);
    expect(
      tab
        .snapshot()
        .flat()
        .some((c) => c.formula !== ''),
    ).toBe(false);
    expect(contents(w, built.sheetName)).toContain('Late campaign');
  });

  it('makes the same Spreadsheet calls for 10 and 2,000 rows', () => {
    const all = readCsvSheet(EXAMPLE);
    const header = all[0] as SheetValue[];
    const body = all.slice(1);
    const rows = (n: number) => [
      header,
      ...Array.from({ length: n }, (_, i) => body[i % body.length] as SheetValue[]),
    ];
    const runs = [10, 2000].map((n) => {
      const { w, saved } = setUp(rows(n));
      const built = ok(generateReport(request(saved.id, { formulas: 'live' })));
      w.log.reset();
      ok(refreshReport(built.sheetId));
      return w.log;
    });
    expect(runs[1]?.summary()).toEqual(runs[0]?.summary());
    // The source, the templates, the tab (cells changed by hand?) and the staged copy as written.
    expect(runs[1]?.calls.filter((c) => c.method === 'getValues')).toHaveLength(4);
  });

  it('a deleted source: a typed error and nothing written', () => {
    const { w, saved } = setUp();
    const built = ok(generateReport(request(saved.id)));
    w.spreadsheet.deleteSheet(w.sheet('Campaigns') as never);
    const before = JSON.stringify(w.sheets.map((s) => [s.id, s.name, s.snapshot()]));
    const r = refreshReport(built.sheetId);
    expect(r).toEqual({
      ok: false,
      problems: [],
      error: { code: 'source-missing', detail: built.sheetName },
    });
    expect(JSON.stringify(w.sheets.map((s) => [s.id, s.name, s.snapshot()]))).toBe(before);
    expect(listReportTabs('en')[0]?.source).toBeNull();
    expect(w.lock.held).toBe(false);
  });

  it('a deleted template: a typed error naming it and nothing written', () => {
    const { w, store, saved } = setUp();
    const built = ok(generateReport(request(saved.id)));
    ok(store.delete(saved.id));
    const before = JSON.stringify(w.sheets.map((s) => [s.id, s.name, s.snapshot()]));
    expect(refreshReport(built.sheetId)).toEqual({
      ok: false,
      problems: [],
      error: { code: 'template-missing', detail: 'Paid search (copy)' },
    });
    expect(JSON.stringify(w.sheets.map((s) => [s.id, s.name, s.snapshot()]))).toBe(before);
  });

  it('refuses a tab Mizan did not make, and a busy spreadsheet', () => {
    const { w, saved } = setUp();
    const built = ok(generateReport(request(saved.id)));
    const notes = w.sheet('My notes').id;
    expect(refreshReport(notes)).toMatchObject({ ok: false, error: { code: 'report-missing' } });
    expect(refreshReport(9999)).toMatchObject({ ok: false, error: { code: 'report-missing' } });
    w.lock.busy = true;
    expect(refreshReport(built.sheetId)).toMatchObject({ ok: false, error: { code: 'busy' } });
  });

  it('a failure at any call leaves either the old tab or the whole new report, never half of one', () => {
    const probe = setUp();
    const first = ok(generateReport(request(probe.saved.id)));
    edit(probe.store, probe.saved, { kpis: [...probe.saved.kpis, 'cpm'] });
    const oldTab = JSON.stringify(probe.w.sheet(first.sheetName).snapshot());
    probe.w.log.reset();
    ok(refreshReport(first.sheetId));
    const total = probe.w.log.count;
    const newTab = JSON.stringify(probe.w.sheet(first.sheetName).snapshot());
    expect(newTab).not.toBe(oldTab);

    const seen = { untouched: 0, inPlace: 0, swapped: 0 };
    for (let n = 1; n <= total; n++) {
      const { w, store, saved } = setUp();
      const built = ok(generateReport(request(saved.id)));
      edit(store, saved, { kpis: [...saved.kpis, 'cpm'] });
      const users = userTabs(w);
      const base = w.log.count;
      w.log.failOnCall(n);
      let result: ReturnType<typeof refreshReport> | null = null;
      try {
        result = refreshReport(built.sheetId);
      } catch {
        // a read failing before anything is written throws (the sidebar shows it as unexpected)
      }
      const failed = w.log.calls.find((c) => c.n === base + n)?.method;
      const names = w.sheets.map((s) => s.name).filter((s) => !s.startsWith('~Mizan building'));
      expect(names, `call ${n} (${failed})`).toEqual([
        'Campaigns',
        built.sheetName,
        'My notes',
        'Mizan templates',
      ]);
      const tab = JSON.stringify(w.sheet(built.sheetName).snapshot());
      expect([oldTab, newTab], `tab after a failure at call ${n} (${failed})`).toContain(tab);
      if (result?.ok) expect(tab, `call ${n} (${failed})`).toBe(newTab);
      else expect(tab, `call ${n} (${failed})`).toBe(oldTab);
      if (!result?.ok) seen.untouched++;
      else if (result.sheetId === built.sheetId) seen.inPlace++;
      else seen.swapped++;
      expect(userTabs(w)).toBe(users);
      // A failing releaseLock is released by Apps Script when the run ends.
      if (failed !== 'releaseLock') expect(w.lock.held, `lock after call ${n} (${failed})`).toBe(false);
    }
    // Every stage was hit: failures before the rewrite, during it (the staged copy takes over), after it.
    expect(seen.untouched).toBeGreaterThan(0);
    expect(seen.swapped).toBeGreaterThan(0);
    expect(seen.inPlace).toBeGreaterThan(0);
  });
});

describe('readRecipe', () => {
  it('reads what the sidebar wrote and ignores anything else', () => {
    expect(readRecipe('not json', 'fa')).toEqual({
      request: { lang: 'fa', formulas: 'live', templateId: null },
      template: null,
    });
    expect(
      readRecipe(
        JSON.stringify({ v: 1, lang: 'xx', groupBy: 'x', period: 'year', templateId: 't', profileId: 3 }),
        'en',
      ),
    ).toEqual({
      request: { lang: 'en', formulas: 'live', templateId: 't' },
      template: { id: 't', name: 't' },
    });
  });
});

describe('a refresh stopped at the time limit (issue 10, bug 6)', () => {
  it('at whatever call it stops, the next run keeps the old report or completes the new one', () => {
    const probe = setUp();
    const first = ok(generateReport(request(probe.saved.id)));
    edit(probe.store, probe.saved, { kpis: [...probe.saved.kpis, 'cpm'] });
    const oldTab = JSON.stringify(probe.w.sheet(first.sheetName).snapshot());
    probe.w.log.reset();
    ok(refreshReport(first.sheetId));
    const total = probe.w.log.count;
    const newTab = JSON.stringify(probe.w.sheet(first.sheetName).snapshot());

    const seen = { old: 0, new: 0 };
    for (let n = 1; n <= total; n++) {
      const { w, store, saved } = setUp();
      const built = ok(generateReport(request(saved.id)));
      edit(store, saved, { kpis: [...saved.kpis, 'cpm'] });
      const users = userTabs(w);
      const nextRun = stopAtCall(w, n);
      try {
        refreshReport(built.sheetId); // a stop inside a try may still end the run with an answer
      } catch (e) {
        expect((e as Error).message).toBe(STOPPED);
      }
      nextRun();
      recoverInterrupted(w.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
      // What a later build would also delete: tabs left half-built.
      const names = w.sheets.map((s) => s.name).filter((s) => !s.startsWith('~Mizan building'));
      expect(names, `stopped at call ${n}`).toEqual([
        'Campaigns',
        built.sheetName,
        'My notes',
        'Mizan templates',
      ]);
      const tab = JSON.stringify(w.sheet(built.sheetName).snapshot());
      expect([oldTab, newTab], `the report after a stop at call ${n}`).toContain(tab);
      if (tab === oldTab) seen.old++;
      else seen.new++;
      expect(userTabs(w)).toBe(users);
      // And the next refresh of it works.
      const again = listReportTabs('en').find((t) => t.name === built.sheetName);
      expect(again, `listed after a stop at call ${n}`).toBeDefined();
      expect(ok(refreshReport(again?.sheetId ?? -1)).sheetName).toBe(built.sheetName);
      expect(JSON.stringify(w.sheet(built.sheetName).snapshot())).toBe(newTab);
      expect(w.sheets.some((s) => s.name.startsWith('~Mizan'))).toBe(false);
    }
    // Stops before the rewrite keep the old tab; stops during it complete the new one.
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new).toBeGreaterThan(0);
  });

  it('a duplicated report tab (metadata copied) is refreshed on its own, and a build replaces the left-most', () => {
    const { w, saved } = setUp();
    const built = ok(generateReport(request(saved.id)));
    const original = w.sheet(built.sheetName);
    // "Duplicate" as Sheets does: a copy right after the original, carrying its developer metadata.
    const copy = w.spreadsheet.insertSheet(
      `Copy of ${built.sheetName}`,
      original.getIndex(),
    ) as unknown as typeof original;
    copy.load(original.snapshot().map((r) => r.map((c) => (c.formula !== '' ? c.formula : c.value))));
    for (const m of w.metadata.filter((x) => x.sheet === original)) w.addMetadata(m.key, m.value, copy);
    // The finder's order is not documented: put the copy's metadata first to show it does not matter.
    w.metadata.sort((a, b) => (a.sheet === copy ? -1 : 0) - (b.sheet === copy ? -1 : 0));
    const copyBefore = JSON.stringify(copy.snapshot());
    expect(ok(refreshReport(built.sheetId)).sheetId).toBe(built.sheetId);
    expect(JSON.stringify(copy.snapshot())).toBe(copyBefore);
    const again = ok(generateReport(request(saved.id)));
    expect(again.sheetName).toBe(built.sheetName);
    expect(w.sheets.map((s) => s.name)).toEqual([
      'Campaigns',
      built.sheetName,
      `Copy of ${built.sheetName}`,
      'My notes',
      'Mizan templates',
    ]);
    expect(JSON.stringify(copy.snapshot())).toBe(copyBefore);
  });
});

describe('cells changed by hand on a report tab (issue 10, bug 7)', () => {
  it('a refresh asks before overwriting them, and can refresh into a new tab instead', () => {
    const { w, saved } = setUp();
    const built = ok(generateReport(request(saved.id)));
    const tab = w.sheet(built.sheetName);
    tab.cellFor(5, 3).value = 'my note';
    const edited = JSON.stringify(tab.snapshot());
    expect(refreshReport(built.sheetId)).toEqual({
      ok: false,
      problems: [],
      error: { code: 'user-edits', detail: 'C' },
    });
    expect(JSON.stringify(tab.snapshot())).toBe(edited);

    const fresh = ok(refreshReport(built.sheetId, 'new-tab'));
    expect(fresh.sheetId).not.toBe(built.sheetId);
    expect(JSON.stringify(tab.snapshot())).toBe(edited); // the edited tab is kept as it is
    expect(contents(w, fresh.sheetName)).not.toContain('my note');

    expect(ok(refreshReport(built.sheetId, 'overwrite')).sheetId).toBe(built.sheetId);
    expect(contents(w, built.sheetName)).not.toContain('my note');
    // Overwritten, the tab is Mizan's again: the next refresh does not ask.
    expect(ok(refreshReport(built.sheetId)).sheetId).toBe(built.sheetId);
  });

  it('new data in the source is not an edit (live formulas and values-only reports)', () => {
    for (const formulas of ['live', 'values'] as const) {
      const { w, saved } = setUp();
      const built = ok(generateReport(request(saved.id, { formulas })));
      const source = w.sheet('Campaigns');
      source.cellFor(2, 5).value = 123_456; // a number in the data changes
      expect(ok(refreshReport(built.sheetId)).sheetId, formulas).toBe(built.sheetId);
    }
  });

  it('rows added below the report count as an edit', () => {
    const { w, saved } = setUp();
    const built = ok(generateReport(request(saved.id)));
    const tab = w.sheet(built.sheetName);
    tab.cellFor(tab.snapshot().length + 3, 1).value = 'total by hand';
    const r = refreshReport(built.sheetId);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error?.code).toBe('user-edits');
    expect(!r.ok && r.error?.detail).toContain('rows');
  });
});
