/**
 * The fake's own fidelity: each behaviour of the real service that docs/sheets-fidelity.md says
 * the fake models has a test here that fails if the fake stops modelling it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { typedInput } from './sheets-input';
import { FakeConditionalRule, FakeWorld, MAX_CELL_CHARS, SheetError, uninstallFakes } from './spreadsheet';
import { formatDate, zonedInstant } from './time-zone';

type GRange = GoogleAppsScript.Spreadsheet.Range;

afterEach(() => uninstallFakes());

const range = (world: FakeWorld, a1: string) => world.active.getRange(a1) as unknown as GRange;

describe('time zones: the spreadsheet has its own, the script runs in UTC', () => {
  it('getSpreadsheetTimeZone gives the spreadsheet zone; date cells are its midnight', () => {
    const world = new FakeWorld({ timeZone: 'Asia/Tehran' });
    expect(world.spreadsheet.getSpreadsheetTimeZone()).toBe('Asia/Tehran');
    // Sep 1, 2026 00:00 in Tehran (+3:30) is Aug 31, 20:30 UTC.
    expect(world.date(2026, 9, 1).toISOString()).toBe('2026-08-31T20:30:00.000Z');
    expect(new FakeWorld().spreadsheet.getSpreadsheetTimeZone()).toBe('Etc/UTC');
  });

  it('midnight follows daylight saving, and a midnight skipped by it becomes 01:00', () => {
    // Los Angeles: −7 before Nov 1, 2026, −8 after.
    expect(zonedInstant(2026, 10, 31, 'America/Los_Angeles').toISOString()).toBe('2026-10-31T07:00:00.000Z');
    expect(zonedInstant(2026, 11, 2, 'America/Los_Angeles').toISOString()).toBe('2026-11-02T08:00:00.000Z');
    // Tehran moved its clocks from 00:00 to 01:00 on Mar 22, 2021 (+4:30): no midnight that day.
    expect(zonedInstant(2021, 3, 22, 'Asia/Tehran').toISOString()).toBe('2021-03-21T20:30:00.000Z');
  });

  it('Utilities.formatDate formats in the zone it is given', () => {
    const world = new FakeWorld({ timeZone: 'Pacific/Kiritimati' }).install();
    const d = world.date(2026, 9, 1); // Aug 31, 10:00 UTC
    expect(Utilities.formatDate(d, 'Pacific/Kiritimati', 'yyyy-MM-dd')).toBe('2026-09-01');
    expect(Utilities.formatDate(d, 'Etc/UTC', 'yyyy-MM-dd HH:mm')).toBe('2026-08-31 10:00');
    expect(world.utilitiesCalls).toBe(2);
    expect(() => formatDate(d, 'Etc/UTC', 'EEE')).toThrow(/not modelled/);
  });
});

describe('setValues parses strings as typed input', () => {
  const cases: [string, unknown][] = [
    ['100', 100],
    ['-2', -2],
    ['+1', 1],
    ['1,234.5', 1234.5],
    ['3.5%', 0.035],
    ['$100', 100],
    ['(5)', -5],
    ['($1,000)', -1000],
    ['TRUE', true],
    ['false', false],
    ['۱۲۳', 123],
    ['٤٥٫٥', 45.5],
    ['9:30', 9.5 / 24],
  ];
  it.each(cases)('%s → %s', (text, want) => {
    const world = new FakeWorld().install();
    range(world, 'A1').setValues([[text]]);
    expect(range(world, 'A1').getValues()[0]?.[0]).toBe(want);
  });

  it.each([
    ['Mar 2024', '2024-03-01'],
    ['2024-03-05', '2024-03-05'],
    ['3/5/2024', '2024-03-05'],
    ['1/2', `${new Date().getUTCFullYear()}-01-02`],
    ['۱۴۰۵/۰۶', '1405-06-01'],
    ['Sep 29, 2026', '2026-09-29'],
  ])('%s → the date %s at midnight in the spreadsheet zone', (text, day) => {
    const world = new FakeWorld({ timeZone: 'Asia/Riyadh' }).install();
    range(world, 'A1').setValues([[text]]);
    const v = range(world, 'A1').getValues()[0]?.[0];
    expect(v).toBeInstanceOf(Date);
    expect(formatDate(v as Date, 'Asia/Riyadh', 'yyyy-MM-dd HH:mm')).toBe(`${day} 00:00`);
  });

  it('keeps text that is not a number, date or boolean; "=" and an unescaped "+", "-" or "@" make a formula', () => {
    const world = new FakeWorld().install();
    range(world, 'A1:E1').setValues([['Brand Search', '=SUM(B1)', '-cmd', "'100", 'Campaign 2024']]);
    const cell = (c: number) => world.active.cellAt(1, c);
    expect(cell(1).value).toBe('Brand Search');
    expect(cell(2).formula).toBe('=SUM(B1)');
    expect(cell(3).formula).toBe('=-cmd');
    expect(cell(4)).toMatchObject({ value: '100', formula: '' });
    expect(cell(5).value).toBe('Campaign 2024');
  });

  it('a cell formatted as plain text keeps the string as given', () => {
    const world = new FakeWorld().install();
    const r = range(world, 'A1:B1');
    r.setNumberFormat('@');
    r.setValues([['100', '=1+1']]);
    expect(world.active.cellAt(1, 1)).toMatchObject({ value: '100', formula: '' });
    expect(world.active.cellAt(1, 2)).toMatchObject({ value: '=1+1', formula: '' });
  });

  it('typedInput leaves labels alone', () => {
    for (const text of ['Search', 'Campaign 7', 'Q3 push', 'کمپین پاییز', 'May sale', '1st'])
      expect(typedInput(text, 'Etc/UTC'), text).toBeNull();
  });
});

describe('error cells', () => {
  it('getValues gives an error cell as its code, a string', () => {
    const world = new FakeWorld({
      sheets: [{ name: 'S', values: [[1, new SheetError('#N/A'), new SheetError('#REF!')]] }],
    });
    world.install();
    expect(range(world, 'A1:C1').getValues()).toEqual([[1, '#N/A', '#REF!']]);
    expect(world.active.cellAt(1, 2).error).toBe('#N/A');
  });
});

describe('conditional format rules: the first matching rule wins', () => {
  it('a later rule that also matches does not change the colour', () => {
    const world = new FakeWorld().install();
    const sheet = world.active;
    const rule = (fill: string, op: 'gte' | 'lt', n: number) => {
      const b = SpreadsheetApp.newConditionalFormatRule();
      if (op === 'gte') b.whenNumberGreaterThanOrEqualTo(n);
      else b.whenNumberLessThan(n);
      return b
        .setBackground(fill)
        .setFontColor('#000001')
        .setRanges([range(world, 'A1:A3')])
        .build();
    };
    sheet.setConditionalFormatRules([
      rule('#aaaaaa', 'gte', 0.02),
      rule('#bbbbbb', 'gte', 0.03),
      rule('#cccccc', 'lt', 0.02),
    ]);
    expect(sheet.colourShown('A1', 0.04).background).toBe('#aaaaaa');
    expect(sheet.colourShown('A2', 0.01).background).toBe('#cccccc');
    // Outside the rules' ranges, and for text, the cell's own colours.
    expect(sheet.colourShown('B1', 0.04).background).toBe('#ffffff');
    expect(sheet.colourShown('A1', 'n/a').background).toBe('#ffffff');
  });

  it('between includes both ends', () => {
    const r = new FakeConditionalRule({ type: 'between', values: [0.1, 0.2] }, '#c', null, []);
    expect([0.1, 0.2, 0.15, 0.21].map((v) => r.matches(v))).toEqual([true, true, true, false]);
  });
});

describe('sheet names are unique ignoring case', () => {
  it('insertSheet and setName refuse a name another sheet has in any case', () => {
    const world = new FakeWorld({ sheets: [{ name: 'Report' }] }).install();
    expect(() => world.spreadsheet.insertSheet('REPORT')).toThrow(/already exists/);
    const other = world.spreadsheet.insertSheet('Other');
    expect(() => other.setName('report')).toThrow(/already exists/);
  });
});

describe('LockService.getDocumentLock', () => {
  it('is null outside a document (standalone script, web app)', () => {
    new FakeWorld({ container: false }).install();
    expect(LockService.getDocumentLock()).toBeNull();
    new FakeWorld().install();
    expect(LockService.getDocumentLock()).not.toBeNull();
  });
});

describe('limits', () => {
  it('a cell holds at most 50,000 characters', () => {
    const world = new FakeWorld().install();
    range(world, 'A1').setValues([['x'.repeat(MAX_CELL_CHARS)]]);
    expect(() => range(world, 'A2').setValues([['x'.repeat(MAX_CELL_CHARS + 1)]])).toThrow(
      /maximum of 50000 characters/,
    );
  });

  it('a spreadsheet holds at most 10 million cells', () => {
    const world = new FakeWorld().install();
    const sheet = world.active; // 1000 × 26
    sheet.insertRowsAfter(1000, 383_000); // 384,000 × 26 = 9,984,000
    expect(() => sheet.insertColumnsAfter(26, 1)).toThrow(/above the limit of 10000000 cells/);
    expect(() => world.spreadsheet.insertSheet('More')).toThrow(/above the limit/);
  });
});

describe('setValues needs a grid of the range shape', () => {
  it('says which dimension does not match, as Sheets does', () => {
    const world = new FakeWorld().install();
    expect(() => range(world, 'A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range(world, 'A1:B2').setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });
});

describe('wrap strategies: SpreadsheetApp.WrapStrategy members, per cell', () => {
  it('a cell overflows until a strategy is set; setWrapStrategies sets one per cell, getWrapStrategies reads them', () => {
    const world = new FakeWorld().install();
    const { WRAP, OVERFLOW, CLIP } = SpreadsheetApp.WrapStrategy;
    expect(range(world, 'A1').getWrapStrategy()).toBe(OVERFLOW);
    range(world, 'A1:B2').setWrapStrategies([
      [WRAP, CLIP],
      [OVERFLOW, WRAP],
    ]);
    expect(range(world, 'A1:B2').getWrapStrategies()).toEqual([
      [WRAP, CLIP],
      [OVERFLOW, WRAP],
    ]);
    expect(world.active.cellAt(2, 2).wrap).toBe('WRAP');
    range(world, 'B1:B2').setWrapStrategy(CLIP);
    expect(
      range(world, 'A1:B2')
        .getWrapStrategies()
        .map((line) => line.map(String)),
    ).toEqual([
      ['WRAP', 'CLIP'],
      ['OVERFLOW', 'CLIP'],
    ]);
  });

  it('takes enum members only: a name given as a string is refused and nothing changes', () => {
    const world = new FakeWorld().install();
    const { WRAP } = SpreadsheetApp.WrapStrategy;
    const names = [[WRAP, 'WRAP']] as unknown as GoogleAppsScript.Spreadsheet.WrapStrategy[][];
    expect(() => range(world, 'A1:B1').setWrapStrategies(names)).toThrow(/don't match the method signature/);
    expect(world.active.cellAt(1, 1).wrap).toBe('OVERFLOW');
    const one = 'CLIP' as unknown as GoogleAppsScript.Spreadsheet.WrapStrategy;
    expect(() => range(world, 'A1').setWrapStrategy(one)).toThrow(/don't match the method signature/);
  });

  it('needs a grid of the range shape, and clear() resets the strategy with the other formats', () => {
    const world = new FakeWorld().install();
    const { WRAP } = SpreadsheetApp.WrapStrategy;
    expect(() => range(world, 'A1:B2').setWrapStrategies([[WRAP, WRAP]])).toThrow(/number of rows/);
    range(world, 'A1').setWrapStrategies([[WRAP]]);
    range(world, 'A1').clear();
    expect(world.active.cellAt(1, 1).wrap).toBe('OVERFLOW');
  });
});
