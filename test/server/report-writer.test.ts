/**
 * The Sheets writer against the in-memory fake, with a hand-built model (independent of the
 * engine): values and formats land where the model says, the call count does not grow with
 * rows, the source is never written, user tabs survive, injected text stays text, a failure at
 * any call leaves the spreadsheet as it was or the whole new report in place, and Arabic/Persian
 * reports are right to left.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { literalText } from '../../src/server/literal-text';
import { BUILDING_KEY, recoverInterrupted } from '../../src/server/report-swap';
import { REPORT_KEY, writeReport } from '../../src/server/report-writer';
import { type FakeSheet, FakeWorld, uninstallFakes } from '../fakes/spreadsheet';
import { evaluateWorld } from './evaluate';
import { campaignRows, handModel, type Row, sourceGrid } from './hand-model';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function worldWith(rows: readonly Row[], extra: { locale?: string } = {}): FakeWorld {
  return new FakeWorld({ sheets: [{ name: 'Campaigns', values: sourceGrid(rows) }], ...extra }).install();
}

function write(
  world: FakeWorld,
  rows: readonly Row[],
  opts: Parameters<typeof handModel>[1] = {},
  placement: 'update' | 'new' = 'update',
) {
  const ss = world.spreadsheet as unknown as GSpreadsheet;
  const source = world.sheet('Campaigns') as unknown as GSheet;
  return writeReport(ss, handModel(rows, opts), { source, placement });
}

/** Everything a user could see of a sheet: cells, frozen rows, rules, charts. */
function fingerprint(sheet: FakeSheet): string {
  return JSON.stringify({
    name: sheet.name,
    cells: sheet.snapshot(),
    frozen: sheet.frozenRows,
    rtl: sheet.rightToLeft,
    rules: sheet.rules.length,
    charts: sheet.charts.length,
  });
}

function worldState(world: FakeWorld): string {
  return JSON.stringify({
    sheets: world.sheets.map(fingerprint),
    metadata: world.metadata.map((m) => [m.key, m.value, m.sheet?.name ?? null]),
  });
}

beforeEach(() => uninstallFakes());
afterEach(() => uninstallFakes());

describe('literalText', () => {
  it.each([
    ['=IMPORTXML("http://x","//a")', '\'=IMPORTXML("http://x","//a")'],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ["'quoted", "''quoted"],
    ['2024', "'2024"],
    ['TRUE', "'TRUE"],
    // Every string, not only those that look converted: what Sheets converts depends on the locale.
    ['$100', "'$100"],
    ['(5)', "'(5)"],
    ['Mar 2024', "'Mar 2024"],
    ['۱۴۰۵/۰۶', "'۱۴۰۵/۰۶"],
    ['Brand Search', "'Brand Search"],
    ['کمپین پاییز', "'کمپین پاییز"],
    ['a=b', "'a=b"],
  ])('%s → %s', (text, written) => {
    expect(literalText(text)).toBe(written);
  });
});

describe('writeReport', () => {
  it('writes values, live formulas, number formats, styles, notes, frozen rows, widths, rules and a chart', () => {
    const rows = campaignRows(12);
    const world = worldWith(rows);
    const out = write(world, rows);
    expect(out.name).toBe('KPI report – Campaigns');
    expect(out.replaced).toBe(false);
    const report = world.sheet('KPI report – Campaigns');
    const cells = report.snapshot();
    // Title and total row.
    expect(cells[0]?.[0]?.value).toBe('KPI report – Campaigns');
    expect(cells[0]?.[0]?.fontSize).toBe(16);
    expect(cells[0]?.[0]?.fontWeight).toBe('bold');
    expect(cells[4]?.[1]?.formula).toBe("=SUM('Campaigns'!$D$2:$D$13)");
    expect(cells[4]?.[1]?.format).toBe('#,##0.00');
    expect(cells[4]?.[4]?.format).toBe('0.00%');
    expect(cells[3]?.[3]?.note).toBe('Cost ÷ conversions');
    // Group labels are text, written literally.
    expect(cells.slice(7, 10).map((line) => line[0]?.value)).toEqual(['Search', 'Social', 'Email']);
    expect(report.frozenRows).toBe(2);
    expect([1, 2, 3, 4, 5].map((c) => report.widths.get(c))).toEqual([180, 110, 110, 110, 110]);
    expect(report.rightToLeft).toBe(false);
    // Each range keeps its own ordered rules (the group column: good, then poor; D5: good);
    // rules are shared only between ranges whose whole ordered lists are the same.
    expect(report.rules).toHaveLength(3);
    expect(report.colourShown('D8', 15)).toEqual({ background: '#c6efce', fontColor: '#006100' });
    expect(report.colourShown('D8', 25)).toEqual({ background: '#ffc7ce', fontColor: '#9c0006' });
    expect(report.charts).toHaveLength(1);
    expect(report.charts[0]?.type).toBe('bar');
    expect(report.charts[0]?.ranges).toEqual(['A8:A10', 'D8:D10']);
    // The tab is Mizan's, marked with the source's id.
    const marks = world.metadata.filter((m) => m.key === REPORT_KEY);
    expect(marks.map((m) => [m.sheet?.name, m.value])).toEqual([['KPI report – Campaigns', '0']]);
    // Placed right after the source.
    expect(world.sheets.map((s) => s.name)).toEqual(['Campaigns', 'KPI report – Campaigns']);
  });

  it('gives formulas that an independent engine evaluates to the model values', () => {
    const rows = campaignRows(40);
    const world = worldWith(rows);
    write(world, rows);
    const model = handModel(rows);
    const evaluated = evaluateWorld(world).get('KPI report – Campaigns');
    let checked = 0;
    for (const block of model.blocks) {
      for (const [r, line] of block.cells.entries()) {
        for (const [c, cell] of line.entries()) {
          if (!cell.f) continue;
          const got = evaluated?.[block.row + r]?.[block.col + c];
          if (cell.v === null) expect(got === '' || got === null).toBe(true);
          else expect(got).toBeCloseTo(cell.v as number, 9);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('writes numbers only when the model is values-only, with statuses as fills', () => {
    const rows = campaignRows(9);
    const world = worldWith(rows);
    write(world, rows, { live: false });
    const cells = world.sheet('KPI report – Campaigns').snapshot();
    expect(cells.flat().every((c) => c.formula === '')).toBe(true);
    const cost = rows.reduce((s, r) => s + r[3], 0);
    expect(cells[4]?.[1]?.value).toBe(cost);
    // A group CPA with a status gets its fill.
    const fills = cells.slice(7, 10).map((line) => line[3]?.background);
    expect(fills.every((f) => f === '#c6efce' || f === '#ffc7ce')).toBe(true);
  });

  it('makes the same number of Spreadsheet calls for 10 and 10,000 rows', () => {
    const counts = [10, 10_000].map((n) => {
      const rows = campaignRows(n);
      const world = worldWith(rows);
      world.log.reset();
      write(world, rows);
      return { count: world.log.count, summary: world.log.summary() };
    });
    expect(counts[1]?.summary).toEqual(counts[0]?.summary);
    expect(counts[0]?.count).toBe(counts[1]?.count);
    expect(counts[0]?.count).toBeLessThan(80);
  });

  it('wraps the table headers (as the .xlsx does) and lets every other cell overflow, in one call', () => {
    const rows = campaignRows(10);
    const world = worldWith(rows);
    world.log.reset();
    write(world, rows);
    const cells = world.sheet('KPI report – Campaigns').snapshot();
    // The hand model's header rows: the totals table's (sheet row 4) and the group table's (row 7).
    const wrapped = cells.flatMap((line, r) =>
      line.flatMap((c, col) => (c.wrap === 'WRAP' ? [`${r + 1}:${col + 1}:${String(c.value)}`] : [])),
    );
    const headers = ['Group', 'Cost', 'Conversions', 'CPA', 'Conversion rate'];
    expect(wrapped).toEqual([4, 7].flatMap((r) => headers.map((h, col) => `${r}:${col + 1}:${h}`)));
    // The title and a long legend line still run over their empty neighbours.
    expect(cells[0]?.[0]?.wrap).toBe('OVERFLOW');
    expect(cells.flat().filter((c) => c.wrap !== 'WRAP' && c.wrap !== 'OVERFLOW')).toEqual([]);
    expect(world.log.summary()['Range.setWrapStrategies']).toBe(1);
  });

  it('never writes to the source sheet', () => {
    const rows = campaignRows(30);
    const world = worldWith(rows);
    const before = fingerprint(world.sheet('Campaigns'));
    write(world, rows);
    write(world, rows);
    expect(fingerprint(world.sheet('Campaigns'))).toBe(before);
    const writes = world.log.calls.filter((c) => c.on === 'Range' && c.method.startsWith('set'));
    expect(writes.length).toBeGreaterThan(0);
  });

  it('leaves a tab the user made with the report name alone, and names the report "(2)"', () => {
    const rows = campaignRows(6);
    const world = worldWith(rows);
    const mine = world.addUserSheet('KPI report – Campaigns', [['my notes'], ['=do not touch']]);
    const before = fingerprint(mine);
    const out = write(world, rows);
    expect(out.name).toBe('KPI report – Campaigns (2)');
    expect(fingerprint(world.sheet('KPI report – Campaigns'))).toBe(before);
    // Running again updates Mizan's tab (2), never the user's.
    const again = write(world, rows);
    expect(again).toMatchObject({ name: 'KPI report – Campaigns (2)', replaced: true });
    expect(fingerprint(world.sheet('KPI report – Campaigns'))).toBe(before);
    expect(world.sheets.map((s) => s.name)).toEqual([
      'Campaigns',
      'KPI report – Campaigns (2)',
      'KPI report – Campaigns',
    ]);
  });

  it('updates its own tab in place (keeping a name the user gave it), or adds a new one when asked', () => {
    const rows = campaignRows(6);
    const world = worldWith(rows);
    world.addUserSheet('Notes');
    write(world, rows);
    world.sheet('KPI report – Campaigns').name = 'My KPI tab';
    const updated = write(world, rows);
    expect(updated).toMatchObject({ name: 'My KPI tab', replaced: true });
    expect(world.sheets.map((s) => s.name)).toEqual(['Campaigns', 'My KPI tab', 'Notes']);
    const added = write(world, rows, {}, 'new');
    expect(added).toMatchObject({ name: 'KPI report – Campaigns', replaced: false });
    expect(world.sheets).toHaveLength(4);
    expect(world.metadata.filter((m) => m.key === REPORT_KEY)).toHaveLength(2);
  });

  it('keeps hostile text from the source literal', () => {
    const hostile = ['=IMPORTXML("http://x","//a")', '+1', '-cmd', '@SUM(A1)'];
    const rows = campaignRows(8, hostile);
    const world = worldWith(rows);
    write(world, rows);
    const cells = world.sheet('KPI report – Campaigns').snapshot();
    const labels = cells.slice(7, 7 + hostile.length).map((line) => line[0]);
    expect(labels.map((c) => c?.value)).toEqual(hostile);
    expect(labels.every((c) => c?.formula === '')).toBe(true);
    // The only formulas on the sheet are the model's own.
    const model = handModel(rows);
    const modelFormulas = model.blocks.flatMap((b) => b.cells.flat()).filter((c) => c.f).length;
    expect(cells.flat().filter((c) => c.formula !== '').length).toBe(modelFormulas);
  });

  it('sets right-to-left for Arabic and Persian reports only', () => {
    for (const lang of ['en', 'ar', 'fa'] as const) {
      const rows = campaignRows(5);
      const world = worldWith(rows);
      write(world, rows, { lang });
      expect(world.sheet('KPI report – Campaigns').rightToLeft).toBe(lang !== 'en');
    }
  });

  it('adds rows and columns when the report is larger than a new sheet', () => {
    const channels = Array.from({ length: 1200 }, (_, i) => `Channel ${i}`);
    const rows = campaignRows(1200, channels);
    const world = worldWith(rows);
    write(world, rows);
    const report = world.sheet('KPI report – Campaigns');
    expect(report.maxRows).toBeGreaterThanOrEqual(1200 + 8);
    expect(report.snapshot()[8 + 1198]?.[0]?.value).toBe('Channel 1199');
  });

  describe('a failure at any call leaves the spreadsheet as it was, or the whole new report', () => {
    const rows = campaignRows(7);
    for (const withOld of [false, true]) {
      it(withOld ? 'when replacing an earlier report' : 'on a first report', () => {
        const fresh = () => {
          const world = worldWith(rows);
          world.addUserSheet('KPI report – Campaigns (user)');
          if (withOld) write(world, rows);
          return world;
        };
        // Count the calls of one successful run, then fail at each of them in turn.
        const probe = fresh();
        probe.log.reset();
        write(probe, rows);
        const total = probe.log.count;
        const done = worldState(probe);
        expect(total).toBeGreaterThan(20);
        const seen = { before: 0, done: 0 };
        for (let n = 1; n <= total; n++) {
          const world = fresh();
          const before = worldState(world);
          world.log.failOnCall(n);
          let threw = false;
          try {
            write(world, rows);
          } catch (e) {
            expect((e as Error).message, `call ${n}`).toMatch(/Fake failure/);
            threw = true;
          }
          if (threw) {
            expect(worldState(world), `after a failure at call ${n}`).toBe(before);
            seen.before++;
          } else {
            // Past the commit the new report is put in place; marks left are the next run's to remove.
            recoverInterrupted(world.spreadsheet as unknown as GSpreadsheet);
            expect(worldState(world), `after a failure at call ${n}`).toBe(done);
            seen.done++;
          }
        }
        expect(seen.before).toBeGreaterThan(0);
        expect(seen.done).toBeGreaterThan(0);
      });
    }

    it('a tab left half-built by a stopped run is deleted by the next run; a user tab named like one is not', () => {
      const world = worldWith(rows);
      const mine = world.addUserSheet('~Mizan building 1', [['my tab']]);
      const left = world.addUserSheet('~Mizan building 2');
      world.addMetadata(REPORT_KEY, '0', left);
      world.addMetadata(BUILDING_KEY, '~Mizan building 2', null); // recorded before it was inserted
      const before = fingerprint(mine);
      recoverInterrupted(world.spreadsheet as unknown as GSpreadsheet);
      write(world, rows);
      expect(world.sheets.map((s) => s.name)).toEqual([
        'Campaigns',
        'KPI report – Campaigns',
        '~Mizan building 1',
      ]);
      expect(fingerprint(mine)).toBe(before);
      expect(world.metadata.map((m) => m.key)).not.toContain(BUILDING_KEY);
    });
  });
});
