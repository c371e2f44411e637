/**
 * The sidebar's "Conversion paths tab" through the server functions, on the fake spreadsheet with
 * the real engine: a build with a paths tab writes the live =ATTRIBUTION formulas over that
 * (quoted) tab; the recipe keeps the tab by id, so a refresh reads it again, under its new name
 * when it was renamed; a deleted paths tab is refused by name with nothing written; a tab that is
 * not a path export leaves the section out and says why; the calls do not grow with the paths.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { refreshReport } from '../../src/server/refresh-rpc';
import { generateReport } from '../../src/server/report-rpc';
import { RECIPE_KEY } from '../../src/server/report-writer';
import type { GenerateRequest } from '../../src/shared/rpc';
import { readCsvSheet, type SheetValue } from '../fakes/csv-sheet';
import { FakeWorld, uninstallFakes } from '../fakes/spreadsheet';

afterEach(() => uninstallFakes());

const PATHS_TAB = "Paths (GA4) – Nov's";
const PATHS: SheetValue[][] = [
  ['Conversion path', 'Conversions', 'Value', 'Non-conversions'],
  ['Search > Email', 2, 100, 3],
  ['Search', 1, 30, 5],
  ['Social > Search > Email', 1, 50, 2],
  ['Social', 0, 0, 4],
];
const CAMPAIGNS: SheetValue[][] = [
  ['Channel', 'Campaign', 'Cost', 'Clicks', 'Conversions'],
  ['Search', 'Brand', 40, 100, 3],
  ['Email', 'Newsletter', 9, 30, 2],
  ['Display', 'Prospecting', 100, 50, 0],
];
const MODELS = ['last_touch', 'linear', 'position_based', 'time_decay', 'markov', 'shapley'];

function setUp(paths: SheetValue[][] = PATHS): FakeWorld {
  return new FakeWorld({
    sheets: [
      { name: 'Campaigns', values: CAMPAIGNS },
      { name: PATHS_TAB, values: paths },
      { name: 'My notes', values: [['Budget', 1200]] },
    ],
    locale: 'en_US',
  }).install();
}

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r).slice(0, 800)}`);
  return r as Extract<T, { ok: true }>;
}

const request = (
  w: FakeWorld,
  tab: string | null,
  extra: Partial<GenerateRequest> = {},
): GenerateRequest => ({
  sheetId: w.sheet('Campaigns').id,
  lang: 'en',
  formulas: 'live',
  placement: 'update',
  paths: tab === null ? null : { sheetId: w.sheet(tab).id, name: tab },
  ...extra,
});

/** The report tab's ATTRIBUTION formulas, top to bottom, left to right. */
const attributionFormulas = (w: FakeWorld, report: string): string[] =>
  w
    .sheet(report)
    .snapshot()
    .flat()
    .map((c) => c.formula)
    .filter((f) => f.includes('ATTRIBUTION'));

/** The seven formulas over a paths tab of `last` rows (quotes doubled, as Sheets wants them). */
function expectedFormulas(quoted: string, last = 5): string[] {
  const range = (c: string) => `'${quoted}'!${c}2:${c}${last}`;
  const args = `${range('A')},${range('B')},"MODEL",${range('C')},${range('D')}`;
  return [
    `=ATTRIBUTION(${args.replace('MODEL', 'first_touch')})`,
    ...MODELS.map((m) => `=CHOOSECOLS(ATTRIBUTION(${args.replace('MODEL', m)}),2,3)`),
  ];
}

const recipeOf = (w: FakeWorld, sheetId: number) =>
  JSON.parse(w.metadata.find((m) => m.key === RECIPE_KEY && m.sheet?.id === sheetId)?.value ?? '{}');

describe('a build with a conversion paths tab', () => {
  it('writes the =ATTRIBUTION formulas over the quoted paths tab, and keeps the tab in the recipe', () => {
    const w = setUp();
    const before = JSON.stringify(w.sheet(PATHS_TAB).snapshot());
    const built = ok(generateReport(request(w, PATHS_TAB)));
    expect(attributionFormulas(w, built.sheetName)).toEqual(expectedFormulas("Paths (GA4) – Nov''s"));
    expect(built.warnings.filter((p) => p.code === 'bad-paths')).toEqual([]);
    expect(recipeOf(w, built.sheetId).paths).toEqual({ sheetId: w.sheet(PATHS_TAB).id, name: PATHS_TAB });
    // The paths tab is read, never written.
    expect(JSON.stringify(w.sheet(PATHS_TAB).snapshot())).toBe(before);
  });

  it('without a paths tab, campaign data gets no Attribution section', () => {
    const w = setUp();
    const built = ok(generateReport(request(w, null)));
    expect(attributionFormulas(w, built.sheetName)).toEqual([]);
    expect(recipeOf(w, built.sheetId).paths).toBeUndefined();
  });

  it('a refresh reads the paths tab again, under its new name after a rename', () => {
    const w = setUp();
    const built = ok(generateReport(request(w, PATHS_TAB)));
    // Two more paths: the formulas' ranges grow with the tab.
    w.sheet(PATHS_TAB)
      .getRange(6, 1, 2, 4)
      .setValues([
        ['Email', 1, 20, 1],
        ['Display > Search', 1, 10, 0],
      ]);
    w.sheet(PATHS_TAB).setName('Journeys');
    const refreshed = ok(refreshReport(built.sheetId));
    expect(refreshed.sheetId).toBe(built.sheetId);
    expect(attributionFormulas(w, refreshed.sheetName)).toEqual(expectedFormulas('Journeys', 7));
    expect(recipeOf(w, built.sheetId).paths).toEqual({ sheetId: w.sheet('Journeys').id, name: 'Journeys' });
  });

  it('a deleted paths tab: refresh and build are refused by its name, and nothing is written', () => {
    const w = setUp();
    const built = ok(generateReport(request(w, PATHS_TAB)));
    const asked = request(w, PATHS_TAB, { placement: 'new' });
    w.spreadsheet.deleteSheet(w.sheet(PATHS_TAB) as never);
    const before = JSON.stringify(w.sheets.map((s) => [s.id, s.name, s.snapshot()]));
    expect(refreshReport(built.sheetId)).toEqual({
      ok: false,
      problems: [],
      error: { code: 'paths-missing', detail: PATHS_TAB },
    });
    expect(generateReport(asked)).toEqual({
      ok: false,
      problems: [],
      error: { code: 'paths-missing', detail: PATHS_TAB },
    });
    expect(JSON.stringify(w.sheets.map((s) => [s.id, s.name, s.snapshot()]))).toBe(before);
  });

  it('a tab that is not a path export: the report is built without the section, and a warning names the tab', () => {
    const w = setUp();
    const built = ok(generateReport(request(w, 'My notes')));
    expect(attributionFormulas(w, built.sheetName)).toEqual([]);
    const why = built.warnings.filter((p) => p.code === 'bad-paths');
    expect(why).toHaveLength(1);
    expect(why[0]?.message).toContain('My notes');
    expect(why[0]?.hint).not.toBe('');
    // The KPI part is still there: the campaign data is fine.
    const texts = w
      .sheet(built.sheetName)
      .snapshot()
      .flat()
      .map((c) => c.value);
    expect(texts).toContain('Cost per acquisition (CPA)');
  });

  it("the source's problems still refuse the build, whatever the paths tab", () => {
    const w = setUp();
    const r = generateReport(request(w, PATHS_TAB, { sheetId: w.sheet('My notes').id }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
  });

  it('makes the same Spreadsheet calls for 4 and 3,000 paths, and reads the paths tab once', () => {
    const paths = (n: number): SheetValue[][] => [
      PATHS[0] as SheetValue[],
      ...Array.from({ length: n }, (_, i) => PATHS[1 + (i % 4)] as SheetValue[]),
    ];
    const runs = [4, 3000].map((n) => {
      const w = setUp(paths(n));
      w.log.reset();
      ok(generateReport(request(w, PATHS_TAB)));
      return w.log;
    });
    expect(runs[1]?.summary()).toEqual(runs[0]?.summary());
    // The source, the paths tab, and the report once as written.
    expect(runs[1]?.calls.filter((c) => c.method === 'getValues')).toHaveLength(3);
  });

  it('the Persian path export as the paths tab of the Persian campaigns', () => {
    const w = new FakeWorld({
      sheets: [
        {
          name: 'کمپین‌ها',
          values: readCsvSheet(new URL('../../examples/campaigns-fa.csv', import.meta.url)),
        },
        { name: 'مسیرها', values: readCsvSheet(new URL('../../examples/paths-fa.csv', import.meta.url)) },
      ],
      locale: 'fa_IR',
    }).install();
    const built = ok(
      generateReport({
        sheetId: w.sheet('کمپین‌ها').id,
        lang: 'fa',
        formulas: 'live',
        placement: 'update',
        paths: { sheetId: w.sheet('مسیرها').id, name: 'مسیرها' },
      }),
    );
    const formulas = attributionFormulas(w, built.sheetName);
    expect(formulas).toHaveLength(7);
    for (const f of formulas) expect(f).toContain("'مسیرها'!A2:A");
  });
});
