/**
 * Saved templates through the fake Spreadsheet service: save / load / rename / duplicate /
 * delete, copy-of-spreadsheet behaviour, export → import into a second spreadsheet, bad imports
 * that change nothing, the lock, and a failed write.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, exportTemplate, type Template } from '../../src/core/templates';
import { LANG_PROPERTY } from '../../src/server/sheet-language';
import { makeTemplateRpc } from '../../src/server/template-rpc';
import { MAX_SAVED_TEMPLATES, TEMPLATE_SHEET, TemplateStore } from '../../src/server/template-store';
import { FakeWorld, uninstallFakes } from '../fakes/spreadsheet';

afterEach(uninstallFakes);

const NOW = new Date('2026-11-23T10:00:00.000Z');
const world = () =>
  new FakeWorld({
    sheets: [
      {
        name: 'Campaigns',
        values: [
          ['Channel', 'Cost'],
          ['Search', 10],
        ],
      },
    ],
  });
const storeOf = (w: FakeWorld) =>
  new TemplateStore(
    w.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    () => w.lock,
    () => NOW,
  );

const mine: Template = {
  schemaVersion: 1,
  id: 'shop-goals',
  name: '=Shop goals', // a name a spreadsheet would read as a formula
  kpis: ['conversion_rate', 'cac'],
  groupBy: 'channel',
  period: 'month',
  profile: 'ecommerce',
  targets: [{ kpi: 'conversion_rate', op: '>=', value: 0.05, by: '2026-12-31' }],
  lang: 'fa',
  formulas: 'live',
};

/** "Make a copy" as far as the fake can model it: every sheet (hidden ones too) with its cell values;
 * document properties and developer metadata are NOT carried (not documented to survive a copy). */
function copyOf(w: FakeWorld): FakeWorld {
  const copy = new FakeWorld({
    name: `Copy of ${w.name}`,
    sheets: w.sheets.map((s) => ({ name: s.name, values: s.snapshot().map((r) => r.map((c) => c.value)) })),
  });
  copy.sheets.forEach((s, i) => {
    s.hidden = (w.sheets[i] as typeof s).hidden;
  });
  return copy;
}

describe('template store', () => {
  it('saves into a hidden sheet, keeps the user on their tab, and loads it back', () => {
    const w = world();
    const store = storeOf(w);
    const saved = store.save(mine, false);
    expect(saved).toEqual({ ok: true, template: mine, replaced: false });
    const sheet = w.sheet(TEMPLATE_SHEET);
    expect(sheet.hidden).toBe(true);
    expect(w.active.name).toBe('Campaigns');
    // The name is stored as text, not a formula.
    expect(sheet.cellAt(2, 2)).toMatchObject({ value: '=Shop goals', formula: '' });
    expect(store.load('shop-goals')).toEqual(mine);
    expect(store.list().saved).toEqual([{ template: mine, updated: NOW.toISOString() }]);
    expect(w.lock.held).toBe(false);
    expect(w.lock.acquired).toBe(1);
  });

  it('a second save of the same id gets a fresh id unless it replaces', () => {
    const store = storeOf(world());
    store.save(mine, false);
    const again = store.save(mine, false);
    expect(again.ok && again.template.id).toBe('shop-goals-2');
    const replaced = store.save({ ...mine, kpis: ['cac'] }, true);
    expect(replaced).toMatchObject({
      ok: true,
      replaced: true,
      template: { id: 'shop-goals', kpis: ['cac'] },
    });
    expect(store.list().saved.map((s) => s.template.id)).toEqual(['shop-goals', 'shop-goals-2']);
  });

  it('never takes a built-in id, and built-ins cannot be replaced, renamed or deleted', () => {
    const store = storeOf(world());
    const search = BUILTIN_TEMPLATES[0] as Template;
    expect(store.save(search, false)).toMatchObject({ ok: true, template: { id: 'paid-search-2' } });
    expect(store.save(search, true)).toEqual({
      ok: false,
      problems: [
        { path: 'id', message: '"paid-search" is a built-in template; save your version under another name' },
      ],
    });
    expect(store.delete('paid-search')).toMatchObject({ ok: false });
    expect(store.rename('paid-search', 'x')).toMatchObject({ ok: false });
    expect(store.load('paid-search')).toEqual(search);
  });

  it('renames (dropping stale translations), duplicates (named as a copy) and deletes', () => {
    const store = storeOf(world());
    store.save({ ...mine, names: { ar: 'أهداف', fa: 'اهداف' } }, false);
    const renamed = store.rename('shop-goals', 'Q4 goals');
    expect(renamed.ok && renamed.template).toMatchObject({ id: 'shop-goals', name: 'Q4 goals' });
    expect(renamed.ok && renamed.template.names).toBeUndefined();
    expect(store.rename('shop-goals', '')).toEqual({
      ok: false,
      problems: [{ path: 'name', message: 'must not be empty' }],
    });
    const copy = store.duplicate('paid-search');
    expect(copy.ok && [copy.template.id, copy.template.name, copy.template.names?.fa]).toEqual([
      'paid-search-copy',
      'Paid search (copy)',
      'تبلیغات جستجوی پولی (کپی)',
    ]);
    expect(store.delete('shop-goals')).toEqual({ ok: true, id: 'shop-goals' });
    expect(store.list().saved.map((s) => s.template.id)).toEqual(['paid-search-copy']);
    expect(store.delete('shop-goals')).toEqual({
      ok: false,
      problems: [{ path: 'id', message: 'there is no saved template "shop-goals"' }],
    });
    // The deleted row is blanked in the same write, not left behind.
    expect(w(store).getDataRange().getValues()).toHaveLength(2);
  });

  it('keeps a row edited by hand into nonsense, and reports it instead of dropping it', () => {
    const wd = world();
    const store = storeOf(wd);
    store.save(mine, false);
    wd.sheet(TEMPLATE_SHEET).cellFor(3, 1).value = 'broken';
    wd.sheet(TEMPLATE_SHEET).cellFor(3, 4).value = '{"schemaVersion": 1, "kpis": "oops"';
    expect(store.list().unreadable).toEqual([
      { row: 3, problems: [{ path: '', message: expect.stringMatching(/^not valid JSON/) }] },
    ]);
    store.save({ ...mine, id: 'other' }, false);
    expect(wd.sheet(TEMPLATE_SHEET).cellAt(3, 4).value).toBe('{"schemaVersion": 1, "kpis": "oops"');
    expect(store.list().saved.map((s) => s.template.id)).toEqual(['shop-goals', 'other']);
  });

  it('writes a kept unreadable row back as text: a formula typed into it stays text', () => {
    const wd = world();
    const store = storeOf(wd);
    store.save(mine, false);
    // Someone types a formula over the JSON cell and a name cell of the saved row.
    wd.sheet(TEMPLATE_SHEET).cellFor(2, 4).value = '=HYPERLINK("http://evil","x")';
    wd.sheet(TEMPLATE_SHEET).cellFor(2, 2).value = '@SUM(A1)';
    expect(store.list().unreadable.map((u) => u.row)).toEqual([2]);
    store.save({ ...mine, id: 'other' }, false); // rewrites the whole table
    const json = wd.sheet(TEMPLATE_SHEET).cellAt(2, 4);
    expect(json.formula).toBe('');
    expect(json.value).toBe('=HYPERLINK("http://evil","x")');
    expect(wd.sheet(TEMPLATE_SHEET).cellAt(2, 2)).toMatchObject({ formula: '', value: '@SUM(A1)' });
  });

  it('travels with "Make a copy": the copy lists and loads the same templates', () => {
    const original = world();
    storeOf(original).save(mine, false);
    const copy = copyOf(original);
    expect(copy.documentProperties.store.size).toBe(0); // nothing relied on properties
    expect(
      storeOf(copy)
        .list()
        .saved.map((s) => s.template),
    ).toEqual([mine]);
    expect(copy.sheet(TEMPLATE_SHEET).hidden).toBe(true);
    // The copy is independent: deleting there leaves the original alone.
    storeOf(copy).delete('shop-goals');
    expect(storeOf(original).load('shop-goals')).toEqual(mine);
  });

  it('export in one spreadsheet → import in another gives the same template', () => {
    const a = world();
    const b = world();
    storeOf(a).save(mine, false);
    const exported = storeOf(a).exportText('shop-goals');
    expect(exported.ok).toBe(true);
    const imported = storeOf(b).importText(exported.ok ? exported.text : '');
    expect(imported).toEqual({ ok: true, template: mine, migratedFrom: null });
    expect(storeOf(b).load('shop-goals')).toEqual(mine);
    expect(exported.ok && exported.text).toBe(exportTemplate(mine));
  });

  it('a bad import changes nothing: no lock, no sheet call, saved templates untouched', () => {
    const w0 = world();
    const store = storeOf(w0);
    store.save(mine, false);
    const before = w0.sheet(TEMPLATE_SHEET).snapshot();
    w0.log.reset();
    const bad = store.importText('{"schemaVersion": 1, "name": "x", "kpis": ["nope"]}');
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems).toContainEqual({
        path: 'kpis[0]',
        message: '"nope" is not a KPI id Mizan knows (e.g. "ctr", "conversion_rate")',
      });
    expect(w0.log.count).toBe(0);
    expect(w0.sheet(TEMPLATE_SHEET).snapshot()).toEqual(before);
  });

  it('a write that fails leaves no templates sheet behind and says so', () => {
    const w0 = world();
    const store = storeOf(w0);
    // Calls of a first save: tryLock, getSheetByName, getActiveSheet, insertSheet, hideSheet,
    // setActiveSheet, getRange, setValues (the 8th) fails.
    w0.log.failOnCall(8, 'Service Spreadsheets failed');
    const r = store.save(mine, false);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'write-failed', detail: 'Service Spreadsheets failed' },
    });
    expect(w0.sheets.map((s) => s.name)).toEqual(['Campaigns']);
    expect(w0.lock.held).toBe(false);
  });

  it('waits for the document lock and reports "busy" when another action holds it', () => {
    const w0 = world();
    w0.lock.busy = true;
    expect(storeOf(w0).save(mine, false)).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(w0.sheets.map((s) => s.name)).toEqual(['Campaigns']);
  });

  it('reads with a constant number of calls however many templates are saved', () => {
    const w0 = world();
    const store = storeOf(w0);
    for (let i = 0; i < 3; i++) store.save({ ...mine, id: `t${i}` }, false);
    w0.log.reset();
    store.list();
    const few = w0.log.count;
    for (let i = 3; i < 30; i++) store.save({ ...mine, id: `t${i}` }, false);
    w0.log.reset();
    store.list();
    expect(w0.log.count).toBe(few);
    expect(few).toBe(3); // getSheetByName, getDataRange, getValues
  });

  it(`refuses more than ${MAX_SAVED_TEMPLATES} saved templates`, () => {
    const store = storeOf(world());
    for (let i = 0; i < MAX_SAVED_TEMPLATES; i++)
      expect(store.save({ ...mine, id: `t${i}` }, false).ok).toBe(true);
    expect(store.save(mine, false)).toEqual({
      ok: false,
      problems: [
        {
          path: '',
          message: `this spreadsheet already has ${MAX_SAVED_TEMPLATES} saved templates; delete one first`,
        },
      ],
    });
  });
});

describe('template RPC', () => {
  it('lists built-ins in the asked language and saved templates, via the installed services', async () => {
    const w0 = world().install();
    const { templateRpc } = await import('../../src/server/template-rpc');
    templateRpc.saveTemplate(mine, false);
    const view = templateRpc.listTemplates('ar');
    expect(view.builtin.map((t) => t.name)).toContain('القمع الكامل');
    expect(view.saved).toEqual([
      {
        id: 'shop-goals',
        name: '=Shop goals',
        builtin: false,
        kpis: ['conversion_rate', 'cac'],
        profile: 'ecommerce',
        targets: 1,
        updated: expect.any(String),
      },
    ]);
    expect(w0.sheet(TEMPLATE_SHEET).hidden).toBe(true);
    expect(makeTemplateRpc(() => storeOf(w0)).getTemplate('nope')).toEqual({
      ok: false,
      problems: [{ path: 'id', message: 'there is no template "nope"' }],
    });
  });
});

function w(store: TemplateStore): GoogleAppsScript.Spreadsheet.Sheet {
  // biome-ignore lint/suspicious/noExplicitAny: reaching the store's spreadsheet in a test
  return ((store as any).ss as GoogleAppsScript.Spreadsheet.Spreadsheet).getSheetByName(
    TEMPLATE_SHEET,
  ) as GoogleAppsScript.Spreadsheet.Sheet;
}

/** The templates sheet's cell values, row by row, as a person sees them. */
const tableOf = (w: FakeWorld) =>
  w
    .sheet(TEMPLATE_SHEET)
    .snapshot()
    .map((r) => r.map((c) => c.value));
/** Replaces the templates sheet's cells (what a hand edit leaves). */
function setTable(w: FakeWorld, rows: unknown[][]): void {
  const sheet = w.sheet(TEMPLATE_SHEET);
  sheet.snapshot().forEach((r, i) => {
    r.forEach((_, j) => {
      sheet.cellFor(i + 1, j + 1).value = '';
    });
  });
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      sheet.cellFor(i + 1, j + 1).value = v as string;
    });
  });
}

describe('the templates sheet edited by hand (issue 10, bug 8)', () => {
  const ids = (store: TemplateStore) => store.list().saved.map((s) => s.template.id);

  it('a deleted header row hides no template, and the next save overwrites none', () => {
    const w = world();
    const store = storeOf(w);
    store.save(mine, false);
    store.save({ ...mine, id: 'second' }, false);
    const [, first, second] = tableOf(w) as unknown[][];
    setTable(w, [first as unknown[], second as unknown[]]); // header row deleted: rows move up
    expect(ids(store)).toEqual(['shop-goals', 'second']);
    store.save({ ...mine, id: 'third' }, false);
    expect(ids(store)).toEqual(['shop-goals', 'second', 'third']);
    expect(store.list().unreadable).toEqual([]);
  });

  it('sorting with the header included loses no template, and the header is written once', () => {
    const w = world();
    const store = storeOf(w);
    store.save({ ...mine, id: 'zeta' }, false);
    store.save({ ...mine, id: 'alpha' }, false);
    // Sorted A→Z on column A with the header row included: "alpha" < "id" < "zeta".
    const rows = tableOf(w) as unknown[][];
    setTable(
      w,
      [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(String((tableOf(w)[0] as unknown[])[0])).toBe('alpha');
    expect(ids(store).sort()).toEqual(['alpha', 'zeta']);
    expect(store.list().unreadable).toEqual([]);
    store.save({ ...mine, id: 'beta' }, false);
    expect(ids(store).sort()).toEqual(['alpha', 'beta', 'zeta']);
    expect(tableOf(w).filter((r) => r[0] === 'id')).toHaveLength(1);
  });

  it('a row holding a 5,000-level JSON is listed as unreadable and breaks neither listing nor saving', () => {
    const w = world();
    const store = storeOf(w);
    store.save(mine, false);
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    w.sheet(TEMPLATE_SHEET).cellFor(3, 1).value = 'deep';
    w.sheet(TEMPLATE_SHEET).cellFor(3, 4).value = JSON.stringify({ ...mine, kpis: 'X' }).replace('"X"', deep);
    expect(store.list().unreadable).toEqual([
      { row: 3, problems: [{ path: '', message: expect.stringContaining('nested more than') }] },
    ]);
    expect(store.save({ ...mine, id: 'other' }, false).ok).toBe(true);
    expect(ids(store)).toEqual(['shop-goals', 'other']);
    // The deep row is kept as it was.
    expect(String(w.sheet(TEMPLATE_SHEET).cellAt(3, 4).value).length).toBeGreaterThan(10_000);
    expect(store.load('shop-goals')?.id).toBe('shop-goals');
  });

  it('saving a deeply nested value directly is a clear problem, not a stack overflow', () => {
    let deep: unknown = [];
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(storeOf(world()).save({ ...mine, kpis: deep }, false)).toEqual({
      ok: false,
      problems: [{ path: '', message: expect.stringContaining('nested more than') }],
    });
  });
});

describe('messages in the language the sidebar speaks in this spreadsheet', () => {
  const inLang = (lang: 'ar' | 'fa') => {
    const w = world().install();
    w.documentProperties.setProperty(LANG_PROPERTY, lang);
    return storeOf(w);
  };

  it('Persian: a built-in template, a missing one, and a validation problem', () => {
    const store = inLang('fa');
    expect(store.delete('paid-search')).toEqual({
      ok: false,
      problems: [{ path: 'id', message: '"paid-search" قالب آماده میزان است؛ حذف نمی‌شود' }],
    });
    const missing = store.rename('gone', 'x');
    expect(!missing.ok && missing.problems[0]?.message).toMatch(/^قالب ذخیره‌شده "gone" وجود ندارد/);
    const bad = store.save({ ...mine, kpis: ['nope'] }, false);
    expect(!bad.ok && bad.problems[0]?.message).toBe(
      '"nope" شناسه شاخصی نیست که میزان بشناسد (مانند "ctr" یا "conversion_rate")',
    );
  });

  it('Arabic: the RPC’s "no such template"', () => {
    inLang('ar');
    const rpc = makeTemplateRpc(() => storeOf(world()));
    const r = rpc.getTemplate('nope');
    expect(!r.ok && r.problems[0]?.message).toMatch(/^لا يوجد قالب "nope"/);
  });

  it('no English left in any store message: every key has its own Arabic and Persian text', () => {
    for (const lang of ['ar', 'fa'] as const) {
      const store = inLang(lang);
      const texts = [store.delete('paid-search'), store.rename('paid-search', 'x'), store.rename('gone', 'x')]
        .flatMap((r) => (r.ok ? [] : r.problems.map((p) => p.message)))
        .map((m) => m.replace(/"[^"]*"/g, ''));
      expect(texts).toHaveLength(3);
      for (const t of texts) expect(t, t).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});
