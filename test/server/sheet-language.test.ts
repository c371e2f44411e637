/** KPI_STATUS answers in the spreadsheet's language when `lang` is left out (through the bundle). */
import { describe, expect, it } from 'vitest';
import { loadBundle, type SheetFn } from '../helpers/bundle';

const withLocale = (locale: string | Error) =>
  loadBundle({
    SpreadsheetApp: {
      getActiveSpreadsheet: () => ({
        getSpreadsheetLocale: () => {
          if (locale instanceof Error) throw locale;
          return locale;
        },
      }),
    },
  });

describe('KPI_STATUS and the spreadsheet locale', () => {
  // 25% open rate against Campaign Monitor's 21.5% average (2022 report, email profile): good.
  const status = (g: Record<string, SheetFn>, ...args: unknown[]) =>
    (g.KPI_STATUS as SheetFn)('open_rate', 0.25, 'email', ...args);

  it('Persian and Arabic spreadsheets get Persian and Arabic words', () => {
    expect(status(withLocale('fa_IR'))).toBe('خوب');
    expect(status(withLocale('ar_SA'))).toBe('جيد');
    expect(status(withLocale('en_GB'))).toBe('good');
  });
  it('an explicit lang wins over the locale', () => {
    expect(status(withLocale('fa_IR'), 'en')).toBe('good');
  });
  it('English when the locale cannot be read or there is no Sheets at all', () => {
    expect(status(withLocale(new Error('You do not have permission')))).toBe('good');
    expect(status(loadBundle())).toBe('good');
  });
  it('reads the locale once per call, not once per cell', () => {
    let reads = 0;
    const g = loadBundle({
      SpreadsheetApp: {
        getActiveSpreadsheet: () => ({
          getSpreadsheetLocale: () => {
            reads++;
            return 'fa_IR';
          },
        }),
      },
    });
    const out = (g.KPI_STATUS as SheetFn)('open_rate', [[0.25], [0.1], [0.19]], 'email') as string[][];
    expect(out.map((r) => r[0])).toEqual(['خوب', 'ضعیف', 'متوسط']);
    expect(reads).toBe(1);
  });
});

describe('KPI_STATUS without a Persian Sheets locale (issue 10, bug 5)', () => {
  const status = (g: Record<string, SheetFn>) => (g.KPI_STATUS as SheetFn)('open_rate', 0.25, 'email');
  const sheet = (locale: string) => ({
    getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => locale }),
  });

  it('speaks the language picked in the sidebar (document properties)', () => {
    const g = loadBundle({
      SpreadsheetApp: sheet('en_US'),
      PropertiesService: {
        getDocumentProperties: () => ({ getProperty: (k: string) => (k === 'mizan.lang' ? 'fa' : null) }),
      },
    });
    expect(status(g)).toBe('خوب');
  });
  it("falls back to the user's language, then English when every read is refused", () => {
    expect(
      status(loadBundle({ SpreadsheetApp: sheet('en_US'), Session: { getActiveUserLocale: () => 'fa' } })),
    ).toBe('خوب');
    const refused = () => {
      throw new Error('You do not have permission');
    };
    const g = loadBundle({
      SpreadsheetApp: { getActiveSpreadsheet: refused },
      PropertiesService: { getDocumentProperties: refused },
      Session: { getActiveUserLocale: refused },
    });
    expect(status(g)).toBe('good');
  });
});
