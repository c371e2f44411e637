/**
 * The copied source sheet keeps the source's formats (issue 12): a CSV's money columns get a
 * money format with their currency, counts a grouped whole format, dates a date format, in the
 * report's digits; an .xlsx input's own number formats (percent, dollar, a day-first date) are
 * kept as they were; widths fit the content. Read back with ExcelJS from the workbook the command
 * writes; whether LibreOffice shows every number whole ("###" otherwise) is checked in
 * ./xlsx-digits.test.ts, which prints the examples' workbooks.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../helpers/cli-run';

const dir = mkdtempSync(join(tmpdir(), 'mizan-source-formats-'));
const example = (name: string) => fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));

async function report(input: string, name: string): Promise<ExcelJS.Worksheet> {
  const out = join(dir, `${name}-report.xlsx`);
  const run = await runReport([input, '--out', out, '-q'], dir);
  if (run.status !== 0) throw new Error(run.err);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const sheet = book.worksheets[1];
  if (!sheet) throw new Error('no source sheet');
  return sheet;
}

describe('a CSV source (the Persian example)', () => {
  let sheet: ExcelJS.Worksheet;
  let rows: string[][];
  beforeAll(async () => {
    sheet = await report(example('campaigns-fa.csv'), 'fa');
    rows = Papa.parse<string[]>(readFileSync(example('campaigns-fa.csv'), 'utf8'), {
      skipEmptyLines: true,
    }).data;
  });

  it('money columns in whole toman with the unit, counts grouped, in Persian digits', () => {
    // The example's columns: C date, D cost (تومان), F clicks, K revenue (تومان).
    expect(rows[0]?.[3]).toBe('هزینه (تومان)');
    expect(sheet.getCell('D2').value).toBe(17442000); // "۱۷٬۴۴۲٬۰۰۰" in the CSV
    expect(sheet.getCell('D2').numFmt).toBe('[$-3000429]#,##0 "تومان"');
    expect(sheet.getCell('K2').numFmt).toBe('[$-3000429]#,##0 "تومان"');
    expect(sheet.getCell('F2').value).toBe(229);
    expect(sheet.getCell('F2').numFmt).toBe('[$-3000429]#,##0');
    expect(sheet.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    // The header keeps its own look: bold, no number format.
    expect(sheet.getCell('D1').numFmt ?? 'General').toBe('General');
    expect(sheet.getCell('D1').font?.bold).toBe(true);
  });

  it('every data row of a money column has the format, not only the first', () => {
    for (let r = 2; r <= rows.length; r++) {
      expect(sheet.getCell(`D${r}`).numFmt, `D${r}`).toBe('[$-3000429]#,##0 "تومان"');
    }
  });

  it('widths fit: the revenue column holds its largest amount with the unit, a count column stays narrow', () => {
    // Largest revenue in the CSV, in characters as shown: digits, separators, a space and "تومان".
    const revenue = rows.slice(1).map((r) => String(r[10]));
    const longest = Math.max(...revenue.map((v) => v.length)) + ' تومان'.length;
    const k = sheet.getColumn(11).width as number;
    expect(k).toBeGreaterThanOrEqual(longest * 0.85);
    expect(k).toBeLessThanOrEqual(longest * 1.3 + 3);
    // Leads ("سرنخ‌ها", column I): one or two digits under a short header.
    expect(sheet.getColumn(9).width as number).toBeLessThan(k);
  });
});

describe('an .xlsx source keeps its own number formats', () => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    const s = book.addWorksheet('Ads');
    s.addRow(['Day', 'Campaign', 'Cost', 'Clicks', 'Impressions', 'CTR', 'Ad ID']);
    const days = [3, 4, 5];
    days.forEach((d, i) => {
      s.addRow([
        new Date(Date.UTC(2026, 2, d)),
        `Campaign ${i + 1}`,
        120.5 * (i + 1),
        40 + i,
        2000,
        (40 + i) / 2000,
        7001 + i,
      ]);
    });
    s.addRow(['Total', '', 723, 123, 6000, 123 / 6000, null]);
    for (let r = 2; r <= 5; r++) {
      s.getCell(`A${r}`).numFmt = 'dd/mm/yyyy';
      s.getCell(`C${r}`).numFmt = '"$"#,##0.00';
      s.getCell(`D${r}`).numFmt = '#,##0';
      s.getCell(`F${r}`).numFmt = '0.00%';
      // Ad ID, not a measure: one cell shown otherwise than the rest.
      s.getCell(`G${r}`).numFmt = r === 3 ? '0.00%' : '0';
    }
    const input = join(dir, 'ads.xlsx');
    await book.xlsx.writeFile(input);
    sheet = await report(input, 'ads');
  });

  it('percent, dollar and day-first date formats as the source had them, values unchanged', () => {
    expect(sheet.getCell('F2').value).toBe(40 / 2000);
    expect(sheet.getCell('F2').numFmt).toBe('0.00%');
    expect(sheet.getCell('C3').value).toBe(241);
    expect(sheet.getCell('C3').numFmt).toBe('"$"#,##0.00');
    expect(sheet.getCell('D2').numFmt).toBe('#,##0');
    expect(sheet.getCell('A2').value).toEqual(new Date(Date.UTC(2026, 2, 3)));
    expect(sheet.getCell('A2').numFmt).toBe('dd/mm/yyyy');
  });

  it('a column whose cells are formatted differently is copied without a format, its values exact', () => {
    expect(sheet.getCell('G3').value).toBe(7002);
    for (const r of [2, 3, 4]) expect(sheet.getCell(`G${r}`).numFmt ?? 'General').toMatch(/^(General)?$/);
  });

  it('the total row the report leaves out keeps the source’s formats too', () => {
    expect(sheet.getCell('A5').value).toBe('Total');
    expect(sheet.getCell('C5').numFmt).toBe('"$"#,##0.00');
    expect(sheet.getCell('F5').numFmt).toBe('0.00%');
  });
});
