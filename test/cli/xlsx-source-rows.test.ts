/**
 * The source sheet's rows written directly as XML must be what ExcelJS's own Row and Cell objects
 * write: the same values, types, number formats and header font, read back by ExcelJS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report';
import { writeReportXlsx } from '../../src/xlsx/write-report';

const dir = mkdtempSync(join(tmpdir(), 'mizan-source-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GRID: unknown[][] = [
  ['Export <Q1> & "more"'],
  [],
  ['Campaign', 'Channel', 'Date', 'Cost', 'Clicks', 'Impressions', 'Note'],
  ['=SUM(A1)', 'Search', '2025-01-03', '12.50', '7', '1000', 'a & b < c'],
  ['کمپین ۱', 'Email', new Date(Date.UTC(2025, 0, 4)), 3.25, 0, 250, ''],
  ['Brand', 'Search', '2025-01-05', '1,234.5', '', '900', null],
  ['Brand', 'Social', '2025-01-06', 0.1 + 0.2, 12, 123456789012345, "it's"],
];

async function sourceSheet(through: boolean): Promise<ExcelJS.Worksheet> {
  const result = buildReport(GRID, { lang: 'en', sourceName: 'Data', formulaSource: 'recreated' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const path = join(dir, `${through ? 'exceljs' : 'direct'}.xlsx`);
  await writeReportXlsx(result.model, path, { sourceThroughExcelJs: through });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Data');
  if (!sheet) throw new Error('no source sheet');
  return sheet;
}

function cells(sheet: ExcelJS.Worksheet): unknown[] {
  const out: unknown[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      out.push({ r, c, value: cell.value, type: cell.type, numFmt: cell.numFmt, bold: cell.font?.bold });
    });
  });
  return out;
}

describe('source rows written directly', () => {
  it('read back cell for cell as ExcelJS’s own rows', async () => {
    const direct = await sourceSheet(false);
    const reference = await sourceSheet(true);
    const got = cells(direct);
    expect(got.length).toBeGreaterThan(30);
    expect(got).toEqual(cells(reference));
    expect(direct.getCell('A4').value).toBe('=SUM(A1)');
    expect(direct.getCell('D4').value).toBe(12.5);
    expect(direct.getCell('C5').value).toEqual(new Date(Date.UTC(2025, 0, 4)));
    expect(direct.getCell('A3').font?.bold).toBe(true);
  });
});
