/**
 * The Attribution section written to the fake spreadsheet: one live =ATTRIBUTION(…) per model over
 * the paths tab (quoted sheet name), the cells they spill into left empty, and then, with each
 * formula's spill computed by the ATTRIBUTION function from the tab's cells (as Sheets would),
 * every other cell of the section (differences, totals, cost SUMIFS, CPA, ROAS) evaluated by
 * HyperFormula equals the value the model wrote for it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attributionFunction } from '../../src/core/attribution/sheet-function';
import { buildReport } from '../../src/core/report';
import type { ReportModel } from '../../src/core/report/model';
import { writeReport } from '../../src/server/report-writer';
import { editedColumns } from '../../src/server/written-cells';
import { FakeWorld, parseA1, uninstallFakes } from '../fakes/spreadsheet';
import { evaluateWorld } from './evaluate';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PATHS_TAB = "Paths (GA4) – Nov's";
const PATHS = [
  ['Conversion path', 'Conversions', 'Value', 'Non-conversions'],
  ['Search > Email', 2, 100, 3],
  ['Search', 1, 30, 5],
  ['Social > Search > Email', 1, 50, 2],
  ['Social', 0, 0, 4],
];
const CAMPAIGNS = [
  ['Channel', 'Campaign', 'Cost', 'Clicks', 'Conversions'],
  ['Search', 'Brand', 40, 100, 3],
  ['search', 'Generic', 20, 80, 1],
  ['Email', 'Newsletter', 9, 30, 2],
  ['Display', 'Prospecting', 100, 50, 0],
];

beforeEach(() => uninstallFakes());
afterEach(() => uninstallFakes());

function setUp(): { world: FakeWorld; model: ReportModel; report: string } {
  const world = new FakeWorld({
    sheets: [
      { name: 'Campaigns', values: CAMPAIGNS },
      { name: PATHS_TAB, values: PATHS },
    ],
  }).install();
  const result = buildReport(CAMPAIGNS, {
    sourceName: 'Campaigns',
    lang: 'en',
    formulaSource: 'user-sheet',
    paths: { cells: PATHS, sheet: PATHS_TAB },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const ss = world.spreadsheet as unknown as GSpreadsheet;
  const source = world.sheet('Campaigns') as unknown as GSheet;
  const out = writeReport(ss, result.model, { source, placement: 'update' });
  return { world, model: result.model, report: out.name };
}

/** The section's cells with their sheet coordinates (0-based). */
function sectionCells(model: ReportModel) {
  return model.blocks
    .filter((b) => b.id === 'attribution' || b.id === 'attribution-cost')
    .flatMap((b) =>
      b.cells.flatMap((line, r) => line.map((cell, c) => ({ cell, row: b.row + r, col: b.col + c }))),
    );
}

/** What Sheets computes for one =ATTRIBUTION(…) or =CHOOSECOLS(ATTRIBUTION(…),2,3) text. */
function spillOf(formula: string, world: FakeWorld): (string | number)[][] {
  const m = /ATTRIBUTION\((.*?)\)(?:,([\d,]+)\))?$/.exec(formula);
  if (!m) throw new Error(`not an ATTRIBUTION formula: ${formula}`);
  const args = (m[1] as string).split(',').map((a) => {
    if (a === '') return undefined;
    if (a.startsWith('"')) return a.slice(1, -1);
    const at = a.lastIndexOf('!');
    const sheet = a.slice(1, at - 1).replace(/''/g, "'");
    const [from, to] = a.slice(at + 1).split(':') as [string, string];
    const top = parseA1(from);
    const bottom = parseA1(to);
    const cells = world.sheet(sheet)?.snapshot() ?? [];
    const out: unknown[][] = [];
    for (let r = top.row; r <= bottom.row; r++) out.push([cells[r - 1]?.[top.col - 1]?.value ?? '']);
    return out;
  });
  const full = attributionFunction(...(args as Parameters<typeof attributionFunction>)) as (
    | string
    | number
  )[][];
  const pick = m[2]?.split(',').map(Number);
  return pick ? full.map((row) => pick.map((k) => row[k - 1] as string | number)) : full;
}

describe('the Attribution section in Sheets', () => {
  it('writes one =ATTRIBUTION per model over the quoted paths tab, and leaves the spill cells empty', () => {
    const { world, model, report } = setUp();
    const sheet = world.sheet(report);
    if (!sheet) throw new Error('no report tab');
    const cells = sheet.snapshot();
    const formulas = sectionCells(model).flatMap(({ row, col }) => {
      const f = cells[row]?.[col]?.formula ?? '';
      return f.includes('ATTRIBUTION') ? [f] : [];
    });
    const range = (c: string) => `'Paths (GA4) – Nov''s'!${c}2:${c}5`;
    const args = `${range('A')},${range('B')},"MODEL",${range('C')},${range('D')}`;
    expect(formulas).toEqual([
      `=ATTRIBUTION(${args.replace('MODEL', 'first_touch')})`,
      ...['last_touch', 'linear', 'position_based', 'time_decay', 'markov', 'shapley'].map(
        (m) => `=CHOOSECOLS(ATTRIBUTION(${args.replace('MODEL', m)}),2,3)`,
      ),
    ]);
    for (const { cell, row, col } of sectionCells(model))
      if (cell.spill) expect(cells[row]?.[col]).toMatchObject({ value: '', formula: '' });
  });

  it('every cell, once the formulas spill, computes the value the model wrote', () => {
    const { world, model, report } = setUp();
    const sheet = world.sheet(report);
    if (!sheet) throw new Error('no report tab');
    const anchors = sectionCells(model).filter(({ cell }) => cell.f?.includes('ATTRIBUTION'));
    expect(anchors).toHaveLength(7);
    // Sheets' part: each formula's array lands from its cell down and right.
    for (const { cell, row, col } of anchors) {
      const spill = spillOf(`=${cell.f}`, world);
      sheet.getRange(row + 1, col + 1, spill.length, (spill[0] as unknown[]).length).setValues(spill);
    }
    const values = evaluateWorld(world).get(report) ?? [];
    let checked = 0;
    for (const { cell, row, col } of sectionCells(model)) {
      if (typeof cell.v !== 'number') continue;
      const got = values[row]?.[col];
      expect(typeof got, `cell ${row + 1}:${col + 1} ${cell.f ?? ''}`).toBe('number');
      expect(got as number).toBeCloseTo(cell.v, 9);
      checked++;
    }
    expect(checked).toBeGreaterThan(80);
    // The cost of "Search" adds the "search" row too (SUMIFS ignores case): 40 + 20.
    const part = model.attribution;
    expect(part?.channels.map((c) => [c.channel, c.cost])).toEqual([
      ['Search', 60],
      ['Email', 9],
      ['Social', null],
    ]);
  });

  it('values the formulas spill are not taken for cells edited by hand; a real edit still is', () => {
    const { world, model, report } = setUp();
    const sheet = world.sheet(report);
    if (!sheet) throw new Error('no report tab');
    // As Sheets shows a spill: the anchor keeps its formula, the cells around it get the values.
    for (const { cell, row, col } of sectionCells(model).filter(({ cell }) =>
      cell.f?.includes('ATTRIBUTION'),
    )) {
      const spill = spillOf(`=${cell.f}`, world);
      spill.forEach((line, r) => {
        line.forEach((v, c) => {
          if (r > 0 || c > 0) sheet.getRange(row + 1 + r, col + 1 + c).setValue(v);
        });
      });
    }
    // A refresh before this check would have refused: every spilled column looked edited.
    expect(editedColumns(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet)).toEqual([]);
    const title = model.blocks.find((b) => b.kind === 'title');
    if (!title) throw new Error('no title');
    sheet.getRange(title.row + 1, title.col + 1).setValue('my own title');
    expect(editedColumns(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet)).toEqual([
      String.fromCharCode(65 + title.col),
    ]);
  });
});
