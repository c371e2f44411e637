import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruleFormula, writeReportXlsx } from '../../src/xlsx/write-report';
import { INJECTION_NAMES, sampleModel } from './fixtures/sample-model';

const dir = mkdtempSync(join(tmpdir(), 'mizan-xlsx-'));

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The raw XML of one part of the package (unzip is part of every CI image we use). */
function part(path: string, name: string): string {
  return execFileSync('unzip', ['-p', path, name], { encoding: 'utf8' });
}

describe('xlsx writer on a hand-built model', () => {
  const live = join(dir, 'live.xlsx');
  const values = join(dir, 'values.xlsx');
  let book: ExcelJS.Workbook;
  let report: ExcelJS.Worksheet;

  beforeAll(async () => {
    await writeReportXlsx(sampleModel(), live);
    await writeReportXlsx(sampleModel({ liveFormulas: false }), values, { valuesOnly: true });
    book = await load(live);
    report = book.worksheets[0] as ExcelJS.Worksheet;
  });

  it('puts the report first and the source under its own name', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['KPI report – Campaigns', 'Campaigns']);
  });

  it('writes the source at the coordinates the formulas refer to', () => {
    const source = book.getWorksheet('Campaigns') as ExcelJS.Worksheet;
    expect(source.getCell('A1').value).toBe('Channel');
    expect(source.getCell('D2').value).toBe(100);
    expect(source.getCell('H4').value).toBe(150);
    expect(source.getCell('F6').value).toBe(0);
    expect((source.getCell('C2').value as Date).toISOString()).toBe('2026-08-03T00:00:00.000Z');
    expect(source.getCell('C2').numFmt).toBe('yyyy-mm-dd');
  });

  it('keeps formula-like campaign names as text, never formulas', () => {
    const source = book.getWorksheet('Campaigns') as ExcelJS.Worksheet;
    INJECTION_NAMES.slice(0, 4).forEach((name, i) => {
      const cell = source.getCell(`B${i + 3}`);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(name);
    });
    const xml = part(live, 'xl/worksheets/sheet2.xml');
    expect(xml).not.toMatch(/<c r="B\d+"[^>]*><f>/);
    expect((xml.match(/<f>/g) ?? []).length).toBe(0);
  });

  it('writes live formulas with the computed values cached', () => {
    // Hand arithmetic from the five source rows, not from the model.
    const expected: Record<string, [RegExp, number | null]> = {
      B6: [/^SUM\(Campaigns!D2:D6\)$/, 250],
      D6: [/^SUM\(Campaigns!F2:F6\)$/, 260],
      G6: [/D6\/C6/, 260 / 17000],
      H6: [/B6\/D6/, 250 / 260],
      J6: [/F6\/B6/, 2.92],
      B10: [/^SUMIFS\(/, 150],
      G11: [/D11\/C11/, 120 / 14000],
      B12: [/^SUMIFS\(/, 0],
    };
    for (const [ref, [formula, value]] of Object.entries(expected)) {
      const cell = report.getCell(ref);
      expect(cell.type, ref).toBe(ExcelJS.ValueType.Formula);
      expect(cell.formula, ref).toMatch(formula);
      expect(cell.result, ref).toBeCloseTo(value as number, 12);
    }
    // A KPI with a zero denominator caches "", not 0.
    expect(part(live, 'xl/worksheets/sheet1.xml')).toMatch(
      /<c r="G12"[^>]*t="str"><f>[^<]*<\/f><v><\/v><\/c>/,
    );
  });

  it('applies number formats and styles', () => {
    expect(report.getCell('G6').numFmt).toBe('0.00%');
    expect(report.getCell('H6').numFmt).toBe('#,##0.00');
    expect(report.getCell('C10').numFmt).toBe('#,##0');
    expect(report.getCell('A1').font?.bold).toBe(true);
    expect(report.getCell('A1').font?.size).toBe(16);
    expect(report.getCell('B5').font?.bold).toBe(true);
  });

  it('colours KPI cells with conditional rules that follow the numbers', () => {
    const cf = (
      report as unknown as {
        conditionalFormattings: { ref: string; rules: ExcelJS.ConditionalFormattingRule[] }[];
      }
    ).conditionalFormattings;
    const refs = cf.map((c) => c.ref);
    expect(refs).toEqual([
      'G6:G6',
      'G6:G6',
      'G6:G6',
      'G10:G12',
      'G10:G12',
      'G10:G12',
      'H6:H6',
      'H10:H12',
      'H6:H6',
      'H10:H12',
      'H6:H6',
      'H10:H12',
    ]);
    const first = cf[0]?.rules[0] as ExcelJS.ExpressionRuleType;
    expect(first.formulae).toEqual(['AND(ISNUMBER(G6),G6>=0.02)']);
    expect((first.style?.fill as ExcelJS.FillPattern | undefined)?.bgColor?.argb).toBe('FFC6EFCE');
    const poor = cf[5]?.rules[0] as ExcelJS.ExpressionRuleType;
    expect(poor.formulae).toEqual(['AND(ISNUMBER(G10),G10<0.01)']);
    expect((poor.style?.fill as ExcelJS.FillPattern | undefined)?.bgColor?.argb).toBe('FFFFC7CE');
    // Priorities follow the model's order: the first rule wins on a shared boundary.
    const priorities = cf.map((c) => c.rules[0]?.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => (a ?? 0) - (b ?? 0)));
    // Covered cells get no static fill in live mode (it would go stale when the data changes).
    expect((report.getCell('G10').fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
  });

  it('writes rule formulas for every comparison', () => {
    const r = (when: ['>=' | '<=' | '<' | '>', number] | ['between', number, number]) =>
      ruleFormula({ range: 'C3', status: 'good', when, kpi: 'ctr' }, 'C3');
    expect(r(['<=', 1.5])).toBe('AND(ISNUMBER(C3),C3<=1.5)');
    expect(r(['>', 0])).toBe('AND(ISNUMBER(C3),C3>0)');
    expect(r(['between', 0.25, 0.4])).toBe('AND(ISNUMBER(C3),C3>=0.25,C3<=0.4)');
    expect(r(['<', 1e-7])).toBe('AND(ISNUMBER(C3),C3<1E-7)');
  });

  it('freezes the header rows and sets widths', () => {
    expect(report.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, rightToLeft: false });
    expect(report.getColumn(1).width).toBeCloseTo(160 / 7, 1);
    const source = book.getWorksheet('Campaigns') as ExcelJS.Worksheet;
    expect(source.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes values only, with static status fills, on --values-only', async () => {
    const sheet = (await load(values)).worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getCell('B6').value).toBe(250);
    expect(sheet.getCell('G6').value).toBeCloseTo(260 / 17000, 15);
    expect(sheet.getCell('G12').value).toBeNull();
    expect(part(values, 'xl/worksheets/sheet1.xml')).not.toContain('<f>');
    // CTR 1.53% is fair (1–2%), Search's 4.67% good, Social's 0.86% poor.
    expect((sheet.getCell('G6').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
    expect((sheet.getCell('G10').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFC6EFCE');
    expect((sheet.getCell('G11').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  });

  it('turns both sheets right to left for Persian and Arabic', async () => {
    const path = join(dir, 'rtl.xlsx');
    await writeReportXlsx(
      sampleModel({ lang: 'fa', rtl: true, sheetName: 'گزارش شاخص‌ها – Campaigns' }),
      path,
    );
    const rtl = await load(path);
    expect(rtl.worksheets.map((s) => s.views[0]?.rightToLeft)).toEqual([true, true]);
    expect(rtl.worksheets[0]?.name).toBe('گزارش شاخص‌ها – Campaigns');
  });

  it('shortens a report sheet name to Excel’s 31 characters and refuses a bad source name', async () => {
    const path = join(dir, 'long.xlsx');
    await writeReportXlsx(sampleModel({ sheetName: 'KPI report – a very long campaign export name' }), path);
    expect((await load(path)).worksheets[0]?.name).toBe('KPI report – a very long campai');
    await expect(writeReportXlsx(sampleModel({ sourceName: 'a/b' }), join(dir, 'bad.xlsx'))).rejects.toThrow(
      /not a valid Excel sheet name/,
    );
  });

  it('carries notes', async () => {
    const model = sampleModel();
    const withNote = {
      ...model,
      blocks: model.blocks.map((b) =>
        b.id === 'title'
          ? { ...b, cells: [[{ v: 'KPI report', style: 'title' as const, note: 'Built by Mizan' }]] }
          : b,
      ),
    };
    const path = join(dir, 'note.xlsx');
    await writeReportXlsx(withNote, path);
    const cell = (await load(path)).worksheets[0]?.getCell('A1');
    expect(JSON.stringify(cell?.note)).toContain('Built by Mizan');
    expect(readFileSync(path).length).toBeGreaterThan(0);
  });
});

describe('brand colours', () => {
  it('a template’s colours go on the title and header fills; without them, the defaults', async () => {
    const path = join(dir, 'brand.xlsx');
    await writeReportXlsx(sampleModel({ brand: { primary: '#7a1f5c', accent: '#f0a500' } }), path);
    const sheet = (await load(path)).worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').font?.color?.argb).toBe('FF7A1F5C');
    expect((sheet.getCell('B5').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF7A1F5C');
    const plain = (await load(join(dir, 'live.xlsx'))).worksheets[0] as ExcelJS.Worksheet;
    expect((plain.getCell('B5').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF44546A');
  });
});
