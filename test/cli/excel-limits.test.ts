/**
 * Excel's limits, on purpose: a sparse sheet (a stray cell at XFD1048576) reads in memory
 * proportional to its cells; a report past Excel's rows, columns or text per cell is refused as a
 * workbook with a message saying which limit, while the JSON is still written whole.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/main';
import { readInput } from '../../src/cli/read-input';
import { buildReport } from '../../src/core/report';
import type { ReportModel } from '../../src/core/report/model';
import { rowsOf } from '../../src/core/table/table';
import {
  EXCEL_LIMITS,
  WorkbookLimitError,
  workbookLimitProblem,
  writeReportXlsx,
} from '../../src/xlsx/write-report';
import { runReport } from '../helpers/cli-run';
import { type TinyCell, tinyXlsx } from '../helpers/tiny-xlsx';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mizan-limits-'));

const report = (argv: string[]) => runReport(argv, dir);

/** Three campaigns: cost 10 + 20 + 30 = 60, clicks 5 + 7 + 9 = 21. */
const TABLE: TinyCell[] = [
  ['A1', 'Campaign'],
  ['B1', 'Cost'],
  ['C1', 'Clicks'],
  ['A2', 'Alpha'],
  ['B2', 10],
  ['C2', 5],
  ['A3', 'Beta'],
  ['B3', 20],
  ['C3', 7],
  ['A4', 'Gamma'],
  ['B4', 30],
  ['C4', 9],
];

/** The CLI as a process whose heap is capped at 256 MB: reading rows × columns densely dies. */
function cappedRun(args: string[]) {
  return spawnSync(
    process.execPath,
    ['--max-old-space-size=256', join(ROOT, 'bin/mizan.mjs'), 'report', ...args],
    {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      timeout: 120_000,
    },
  );
}

describe('a sparse sheet reads in memory proportional to its cells', () => {
  it('a styled empty cell at XFD1048576 (and a <dimension> claiming the whole sheet) adds nothing', async () => {
    const file = join(dir, 'styled-corner.xlsx');
    writeFileSync(file, await tinyXlsx([...TABLE, ['XFD1048576', null]], 'A1:XFD1048576'));
    const read = await readInput(file);
    if (!read.ok) throw new Error(read.message);
    expect(rowsOf(read.data.table)).toEqual([
      ['Campaign', 'Cost', 'Clicks'],
      ['Alpha', 10, 5],
      ['Beta', 20, 7],
      ['Gamma', 30, 9],
    ]);
    const child = cappedRun(['styled-corner.xlsx', '--json', '-', '-q']);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const json = JSON.parse(child.stdout);
    expect(json.source.dataRows).toBe(3);
    expect(json.totals.measures).toMatchObject({ cost: 60, clicks: 21 });
  });

  it('a value at XFD1048576 is read in bounded memory: the table is reported, the stray row noted', async () => {
    const file = join(dir, 'value-corner.xlsx');
    writeFileSync(file, await tinyXlsx([...TABLE, ['XFD1048576', 'stray']], 'A1:XFD1048576'));
    const child = cappedRun(['value-corner.xlsx', '--json', '-', '-q']);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const json = JSON.parse(child.stdout);
    // By hand: cost 10 + 20 + 30 = 60, clicks 5 + 7 + 9 = 21, from the 3 rows; row 1,048,576
    // holds only text, so it is left out as a note and said.
    expect(json.source.dataRows).toBe(3);
    expect(json.totals.measures).toMatchObject({ cost: 60, clicks: 21 });
    expect(json.notes.some((n: { rows: number[] }) => n.rows.includes(1_048_576))).toBe(true);
  });

  it('rows are as long as their last value, and blank rows between values are kept in place', async () => {
    const file = join(dir, 'gaps.xlsx');
    writeFileSync(file, await tinyXlsx([...TABLE, ['A7', 'Delta'], ['B7', 40], ['F9', null]], 'A1:F9'));
    const read = await readInput(file);
    if (!read.ok) throw new Error(read.message);
    expect(rowsOf(read.data.table).length).toBe(7);
    expect(rowsOf(read.data.table)[4]).toEqual([]);
    expect(rowsOf(read.data.table)[6]).toEqual(['Delta', 40]);
  });
});

/** A real report model from the bundled example: 1 header row + 248 data rows, 16 columns. */
async function exampleModel(): Promise<ReportModel> {
  const read = await readInput(join(ROOT, 'examples/campaigns-en.csv'));
  if (!read.ok) throw new Error(read.message);
  const built = buildReport(read.data.table, {
    sourceName: 'campaigns-en',
    lang: 'en',
    formulaSource: 'recreated',
  });
  if (!built.ok) throw new Error('the example did not build');
  return built.model;
}

describe("a workbook past Excel's limits is refused, never written with wrong formulas", () => {
  const csvLines = readFileSync(join(ROOT, 'examples/campaigns-en.csv'), 'utf8').trimEnd().split('\n');
  const rows = csvLines.length;
  const columns = (csvLines[0] as string).split(',').length;

  it("Excel's own limits", () => {
    expect(EXCEL_LIMITS).toEqual({ rows: 1_048_576, columns: 16_384, cellText: 32_767 });
  });

  it('rows: exactly the limit fits, one more does not', async () => {
    const model = await exampleModel();
    expect(workbookLimitProblem(model, { ...EXCEL_LIMITS, rows: rows })).toBeNull();
    expect(workbookLimitProblem(model, { ...EXCEL_LIMITS, rows: rows - 1 })).toBe(
      `the data has ${rows} rows and an Excel sheet holds at most ${rows - 1}`,
    );
  });

  it('columns: exactly the limit fits the data, one more does not', async () => {
    const model = await exampleModel();
    expect(workbookLimitProblem(model, { ...EXCEL_LIMITS, columns })).not.toMatch(/^the data/);
    // The report sheet is checked too: no limit under its width passes.
    expect(workbookLimitProblem(model, { ...EXCEL_LIMITS, columns: 1_000 })).toBeNull();
    expect(workbookLimitProblem(model, { ...EXCEL_LIMITS, columns: columns - 1 })).toBe(
      `the data has ${columns} columns and an Excel sheet holds at most ${columns - 1}`,
    );
  });

  it('text per cell: the first cell over the limit is named', async () => {
    const model = await exampleModel();
    // The header's longest cell bounds what fits; "Channel" (A1) is the first over 6 characters.
    expect(workbookLimitProblem(model, { ...EXCEL_LIMITS, cellText: 6 })).toMatch(
      /^cell A1 of the data \(sheet "campaigns-en"\) holds 7 characters and an Excel cell holds at most 6$/,
    );
  });

  it('the writer itself refuses, and writes no file', async () => {
    const model = await exampleModel();
    const wide = { ...model, cleanSource: [Array.from({ length: EXCEL_LIMITS.columns + 1 }, () => 1)] };
    const path = join(dir, 'never.xlsx');
    await expect(writeReportXlsx(wide, path)).rejects.toBeInstanceOf(WorkbookLimitError);
    expect(existsSync(path)).toBe(false);
  });

  it('the command: a cell of 40,000 characters → no workbook, exit 4, the JSON written whole', async () => {
    const long = 'x'.repeat(40_000);
    const csv = join(dir, 'long-text.csv');
    writeFileSync(csv, `Campaign,Cost,Clicks\nAlpha,10,5\n${long},20,7\nGamma,30,9\n`);
    const run = await report([csv, '--out', 'long.xlsx', '--json', 'long.json']);
    expect(run.status).toBe(EXIT.unwritable);
    expect(run.err).toContain(
      `cannot write ${join(dir, 'long.xlsx')} as a workbook: cell A3 of the data (sheet "long-text") holds 40,000 characters and an Excel cell holds at most 32,767`,
    );
    expect(run.err).toContain(`The JSON report ${join(dir, 'long.json')} was written in full`);
    expect(existsSync(join(dir, 'long.xlsx'))).toBe(false);
    const json = JSON.parse(readFileSync(join(dir, 'long.json'), 'utf8'));
    expect(json.totals.measures).toMatchObject({ cost: 60, clicks: 21 });
  });

  it('the command: 16,385 columns → a clear message, not the library’s', async () => {
    const header = ['Campaign', 'Cost', 'Clicks', ...Array.from({ length: 16_382 }, (_, i) => `Extra ${i}`)];
    const csv = join(dir, 'wide.csv');
    const empty = ','.repeat(header.length - 3);
    writeFileSync(csv, `${header.join(',')}\nAlpha,10,5${empty}\nBeta,20,7${empty}\n`);
    const run = await report([csv, '--out', 'wide.xlsx', '-q']);
    expect(run.status).toBe(EXIT.unwritable);
    expect(run.err).toContain('the data has 16,385 columns and an Excel sheet holds at most 16,384');
    expect(run.err).toContain('--json');
    expect(existsSync(join(dir, 'wide.xlsx'))).toBe(false);
  });
});
