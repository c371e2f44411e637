/**
 * The report engine (core/report) at scale: a getValues()-like grid of 15 columns (3 dimensions
 * with real Date objects, 12 numeric measures) → the full ReportModel, for 10k, 100k and 1M rows.
 * Target: 100,000 rows under 1 s, growing linearly. Prints the median of several runs and the
 * time per row, so linearity can be read off the last column.
 */
import { buildReport } from '../src/core/report/index';
import { campaignGrid } from './campaign-data';
import { fmtMs, timeMs } from './timing';

/** The same grid as a CSV reader gives it: every cell text, thousands separators, ISO dates. */
function asText(grid: unknown[][]): unknown[][] {
  return grid.map((row) =>
    row.map((v) =>
      v instanceof Date
        ? v.toISOString().slice(0, 10)
        : typeof v === 'number'
          ? v.toLocaleString('en-US', { maximumFractionDigits: 2 })
          : v,
    ),
  );
}

export async function run(): Promise<void> {
  console.log('rows        model (median)   per 1k rows   groups/periods');
  for (const rows of [10_000, 100_000, 1_000_000]) {
    const grid = campaignGrid(rows);
    let summary = '';
    const ms = timeMs(
      () => {
        const r = buildReport(grid, { sourceName: 'Campaign data', lang: 'en', formulaSource: 'user-sheet' });
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
        summary = `${r.model.groups.length} groups, ${r.model.periods.length} ${r.model.period}s, ${r.model.kpis.length} KPIs`;
      },
      rows >= 1_000_000 ? 3 : 7,
      rows >= 1_000_000 ? 1 : 3,
    );
    console.log(
      `${String(rows).padEnd(11)} ${fmtMs(ms).padEnd(16)} ${fmtMs((ms / rows) * 1000).padEnd(13)} ${summary}`,
    );
  }
  const text = asText(campaignGrid(100_000));
  const ms = timeMs(
    () => buildReport(text, { sourceName: 'Campaign data', lang: 'en', formulaSource: 'recreated' }),
    5,
    2,
  );
  console.log(`100000 rows as CSV text (every number and date read from a string): ${fmtMs(ms)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
