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
  // 25% open rate against Mailchimp's 21.33% average (email profile): good.
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
