/**
 * The add-on's report build at scale, on the in-memory fake spreadsheet: Spreadsheet calls
 * (the figure that costs time in Apps Script, about a round trip each) for 10, 10,000 and
 * 100,000 source rows, and the time of the engine (buildReport), of the layout into grids,
 * and of the whole generateReport call in Node. The calls must not grow with the rows.
 */
import { buildReport } from '../src/core/report/index';
import { layoutReport } from '../src/server/report-layout';
import { generateReport } from '../src/server/report-rpc';
import type { SheetValue } from '../test/fakes/csv-sheet';
import { FakeWorld } from '../test/fakes/spreadsheet';
import { campaignGrid } from './campaign-data';
import { fmtMs, timeMs } from './timing';

function measure(rows: number, profileId?: string): { calls: number; reads: number; generateMs: number } {
  const values = campaignGrid(rows, { titleAndTotal: false }) as SheetValue[][];
  const world = new FakeWorld({ sheets: [{ name: 'Campaigns', values }] }).install();
  world.log.reset();
  const t0 = performance.now();
  const out = generateReport({
    sheetId: 0,
    lang: 'en',
    formulas: 'live',
    placement: 'update',
    ...(profileId ? { profileId } : {}),
  });
  const generateMs = performance.now() - t0;
  if (!out.ok) throw new Error(`generateReport failed: ${JSON.stringify(out).slice(0, 300)}`);
  return {
    calls: world.log.count,
    reads: world.log.calls.filter((c) => c.method === 'getValues').length,
    generateMs,
  };
}

export async function run(): Promise<void> {
  for (const rows of [10, 10_000, 100_000]) {
    const m = measure(rows);
    console.log(
      `${String(rows).padStart(7)} rows: ${m.calls} Spreadsheet calls (${m.reads} getValues); generateReport in Node ${fmtMs(m.generateMs)}`,
    );
  }
  for (const rows of [10, 100_000]) {
    const m = measure(rows, 'search');
    console.log(
      `${String(rows).padStart(7)} rows, with the search benchmark profile (status rules): ${m.calls} calls`,
    );
  }
  const grid = campaignGrid(100_000, { titleAndTotal: false }) as SheetValue[][];
  const options = { sourceName: 'Campaigns', lang: 'en', formulaSource: 'user-sheet' } as const;
  const engine = timeMs(() => buildReport(grid, options), 5, 1);
  const built = buildReport(grid, options);
  if (!built.ok) throw new Error('buildReport failed');
  const layout = timeMs(() => layoutReport(built.model), 7, 2);
  console.log(
    `100,000 rows × 15 columns: engine (buildReport) ${fmtMs(engine)}, layout into grids ${fmtMs(layout)}`,
  );
}
