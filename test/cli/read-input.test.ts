import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseReportArgs } from '../../src/cli/args';
import { detectDelimiter } from '../../src/cli/csv';
import { resolveGroupBy } from '../../src/cli/group-by';
import { guessLang } from '../../src/cli/guess-lang';
import { progressBar } from '../../src/cli/progress';
import { readInput, sheetNameFrom } from '../../src/cli/read-input';
import { rowsOf } from '../../src/core/table/table';

const dir = mkdtempSync(join(tmpdir(), 'mizan-read-'));
const file = (name: string, bytes: Uint8Array | string): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const TABLE = 'Campaign,Cost,Clicks\nبحث العلامة,"1,200.50",30\nBrand,5,2\n';
const EXPECTED = [
  ['Campaign', 'Cost', 'Clicks'],
  ['بحث العلامة', '1,200.50', '30'],
  ['Brand', '5', '2'],
];

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'be') le.swap16();
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
}

describe('reading CSV', () => {
  it.each([
    ['UTF-8', Buffer.from(TABLE, 'utf8'), 'utf-8'],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TABLE, 'utf8')]),
      'utf-8-bom',
    ],
    ['UTF-16 LE (Excel "Unicode text")', utf16(TABLE, 'le'), 'utf-16le'],
    ['UTF-16 BE', utf16(TABLE, 'be'), 'utf-16be'],
  ])('%s', async (_name, bytes, encoding) => {
    const result = await readInput(file(`t-${encoding}.csv`, bytes));
    expect(result.ok && rowsOf(result.data.table)).toEqual(EXPECTED);
    expect(result.ok && result.data).toMatchObject({
      encoding,
      format: 'csv',
      delimiter: ',',
    });
  });

  it.each([
    [';', 'Campaign;Cost;Clicks\nBrand;"1.200,50";30\n'],
    ['\t', 'Campaign\tCost\tClicks\nBrand\t1,200.50\t30\n'],
    ['|', 'Campaign|Cost|Clicks\nBrand|1200.5|30\n'],
    ['\u061b', 'الحملة؛التكلفة؛النقرات\nبحث؛١٢٠٠؛٣٠\n'],
  ])('finds the delimiter %j', async (delimiter, text) => {
    const result = await readInput(file('d.csv', text));
    expect(result.ok && result.data.delimiter).toBe(delimiter);
    expect(result.ok && rowsOf(result.data.table)[1]?.length).toBe(3);
  });

  it('is not swayed by title lines, blank lines and notes, and keeps row positions', async () => {
    const text =
      'Campaign report, September\n\nCampaign;Cost;Clicks;Conv\nA;1;2;3\nB;4;5;6\n\nNotes: exported today\n';
    expect(detectDelimiter(text)).toBe(';');
    const result = await readInput(file('titled.csv', text));
    expect(result.ok && rowsOf(result.data.table).map((r) => r.length)).toEqual([1, 1, 4, 4, 4, 1, 1]);
    expect(result.ok && rowsOf(result.data.table)[2]).toEqual(['Campaign', 'Cost', 'Clicks', 'Conv']);
  });

  it('keeps quoted delimiters and line breaks inside a field', async () => {
    const result = await readInput(
      file('q.csv', 'Campaign,Cost\n"Retargeting - Cart, 7d",5\n"two\nlines",6\n'),
    );
    expect(result.ok && rowsOf(result.data.table)).toEqual([
      ['Campaign', 'Cost'],
      ['Retargeting - Cart, 7d', '5'],
      ['two\nlines', '6'],
    ]);
  });

  it('names the source sheet after the file, as a valid sheet name', async () => {
    const result = await readInput(file("Q3: ads [final]'s.csv", TABLE));
    expect(result.ok && result.data.sourceName).toBe('Q3 ads final s');
    expect(sheetNameFrom('x'.repeat(40))).toHaveLength(31);
    expect(sheetNameFrom('???')).toBe('Data');
  });
});

describe('refusing what cannot be read, with the file named', () => {
  it.each([
    ['missing', () => join(dir, 'nope.csv'), /nope\.csv: no such file/],
    ['empty', () => file('empty.csv', ''), /empty\.csv: is empty/],
    ['blank lines only', () => file('blank.csv', '\n\n  \n'), /blank\.csv: has no data/],
    [
      'binary garbage',
      () =>
        file(
          'garbage.csv',
          Uint8Array.from({ length: 512 }, (_, i) => (i * 97) % 256),
        ),
      /garbage\.csv: is not/,
    ],
    [
      'invalid UTF-8',
      () => file('latin.csv', Buffer.from([0x43, 0x6f, 0x73, 0x74, 0x2c, 0xe9, 0x0a])),
      /latin\.csv: is not valid UTF-8/,
    ],
    ['a folder', () => dir, /is a folder/],
    [
      'old .xls',
      () => file('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      /old binary Excel/,
    ],
    [
      'corrupt .xlsx',
      () => file('broken.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])),
      /not a readable \.xlsx/,
    ],
  ])('%s', async (_name, path, message) => {
    const result = await readInput(path());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('reading .xlsx', () => {
  async function workbook(): Promise<string> {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Notes').getCell('A1').value = 'nothing here';
    const sheet = book.addWorksheet('Ads');
    sheet.addRow(['Campaign', 'Date', 'Cost', 'Clicks']);
    sheet.addRow([
      '=not a formula',
      new Date(Date.UTC(2026, 7, 3)),
      12.5,
      { formula: 'SUM(1,2)', result: 3 },
    ]);
    sheet.addRow([{ richText: [{ text: 'Rich ' }, { text: 'text' }] }, null, 7, 1]);
    const path = join(dir, 'book.xlsx');
    await book.xlsx.writeFile(path);
    return path;
  }

  it('reads the sheet named by --sheet, cells as values', async () => {
    const result = await readInput(await workbook(), { sheet: 'Ads' });
    expect(result.ok && result.data.sourceName).toBe('Ads');
    expect(result.ok && rowsOf(result.data.table)).toEqual([
      ['Campaign', 'Date', 'Cost', 'Clicks'],
      ['=not a formula', new Date(Date.UTC(2026, 7, 3)), 12.5, 3],
      ['Rich text', '', 7, 1],
    ]);
  });

  it('reads the first sheet by default, and names the sheets when --sheet is wrong', async () => {
    const path = await workbook();
    const first = await readInput(path);
    expect(first.ok && first.data.sourceName).toBe('Notes');
    const wrong = await readInput(path, { sheet: 'Campaigns' });
    expect(!wrong.ok && wrong.message).toMatch(/no sheet named "Campaigns"; the sheets are "Notes", "Ads"/);
  });
});

describe('command-line arguments', () => {
  it('parses every option', () => {
    const parsed = parseReportArgs([
      'in.csv',
      '--out',
      'r.xlsx',
      '--json=r.json',
      '--template',
      'search',
      '--group-by',
      'Campaign name',
      '--lang',
      'fa',
      '--values-only',
      '--sheet',
      'Ads',
      '--profile',
      'search',
    ]);
    expect(parsed).toEqual({
      ok: true,
      args: {
        input: 'in.csv',
        out: 'r.xlsx',
        json: 'r.json',
        template: 'search',
        groupBy: 'Campaign name',
        lang: 'fa',
        valuesOnly: true,
        sheet: 'Ads',
        profile: 'search',
        map: [],
        help: false,
        quiet: false,
      },
    });
  });

  it.each([
    [['--colour'], /unknown option "--colour"/],
    [['-x'], /unknown option "-x"/],
    [['--out'], /--out needs a value/],
    [['--out', '--json', 'a.json'], /--out needs a value/],
    [['--lang', 'de'], /--lang must be one of en, ar, fa \(got "de"\)/],
    [['a.csv', 'b.csv'], /expected one input file, got 2/],
    [['--values-only=yes'], /takes no value/],
    [['--json', 'a', '--json', 'b'], /given twice/],
  ])('rejects %j', (argv, message) => {
    const parsed = parseReportArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
    expect(!parsed.ok && parsed.message).toMatch(/--help/);
  });

  it('takes a file name starting with "-" after --', () => {
    expect(parseReportArgs(['--', '-odd.csv'])).toMatchObject({ ok: true, args: { input: '-odd.csv' } });
  });
});

describe('small helpers', () => {
  it('guesses the language from the script of the first rows', () => {
    expect(guessLang([['Campaign', 'Cost']])).toBe('en');
    expect(guessLang([['کمپین', 'هزینه (تومان)']])).toBe('fa');
    expect(guessLang([['الحملة', 'التكلفة (ر.س)', 'مرات الظهور']])).toBe('ar');
  });

  it('resolves --group-by by header text, letter or "none", against the header row only', () => {
    // A title, a blank row, then the header; campaigns named "B" and "Brand" in the data.
    const grid = [
      ['Report'],
      [],
      ['Date', 'Channel', 'Campaign name', 'Cost', 'Clicks'],
      ['2026-08-03', 'Search', 'B', 10, 5],
      ['2026-08-04', 'Social', 'Brand', 3, 2],
    ];
    const en = { lang: 'en' as const };
    expect(resolveGroupBy('campaign name', grid, en)).toEqual({ ok: true, column: 2 });
    // "B" is the letter of Channel, not the column where a campaign is called "B".
    expect(resolveGroupBy('B', grid, en)).toEqual({ ok: true, column: 1 });
    expect(resolveGroupBy('none', grid, en)).toEqual({ ok: true, column: null });
    // A data cell is not a header.
    const brand = resolveGroupBy('Brand', grid, en);
    expect(brand.ok).toBe(false);
    expect(!brand.ok && brand.message).toBe(
      '--group-by: no column "Brand" in the header row (row 3); the headers are A "Date", B "Channel", ' +
        'C "Campaign name", D "Cost", E "Clicks" (or give a column letter, or "none")',
    );
    const region = resolveGroupBy('Region', grid, en);
    expect(!region.ok && region.message).toMatch(
      /no column "Region" in the header row \(row 3\); the headers are A "Date"/,
    );
    // A letter past the last column (E).
    const z = resolveGroupBy('Z', grid, en);
    expect(!z.ok && z.message).toMatch(/no column "Z" .*E "Clicks"/);
    // A measure, by header or letter.
    for (const spec of ['Cost', 'D', 'cost']) {
      const cost = resolveGroupBy(spec, grid, en);
      expect(!cost.ok && cost.message).toBe(
        '--group-by: column D "Cost" holds numbers (a measure); group by a text column: A "Date", B "Channel", C "Campaign name"',
      );
    }
  });

  it('draws the progress bar at most every 100 ms, and clears it', () => {
    const out: string[] = [];
    let t = 0;
    const bar = progressBar(
      (s) => out.push(s),
      () => t,
    );
    bar.update('Writing', 0.5);
    t = 50;
    bar.update('Writing', 0.6);
    t = 150;
    bar.update('Writing', 1);
    bar.done();
    expect(out).toHaveLength(3);
    expect(out[0]).toContain('[############------------]  50%');
    expect(out[2]).toBe('\r\x1b[2K');
  });
});

describe('atomic writes', () => {
  it('a write that fails half-way leaves the old file and no temporary file', async () => {
    const { writeAtomically, writeTextAtomically } = await import('../../src/cli/atomic-write');
    const { readdirSync, readFileSync } = await import('node:fs');
    const folder = mkdtempSync(join(tmpdir(), 'mizan-atomic-'));
    const target = join(folder, 'report.xlsx');
    writeFileSync(target, 'old report');
    await expect(
      writeAtomically(target, async (temp) => {
        writeFileSync(temp, 'half of a new rep');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(target, 'utf8')).toBe('old report');
    expect(readdirSync(folder)).toEqual(['report.xlsx']);
    await writeTextAtomically(target, 'new report');
    expect(readFileSync(target, 'utf8')).toBe('new report');
    expect(readdirSync(folder)).toEqual(['report.xlsx']);
  });
});
