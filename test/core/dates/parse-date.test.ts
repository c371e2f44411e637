import { describe, expect, it } from 'vitest';
import { epochDay } from '../../../src/core/dates/jalali';
import { decideDayOrder, isoOfDay, readDate } from '../../../src/core/dates/parse-date';
import { inferPeriod, periodStart, periodsBetween } from '../../../src/core/dates/periods';

const iso = (v: unknown, order: 'dmy' | 'mdy' = 'dmy') => {
  const d = readDate(v, order);
  return d ? isoOfDay(d.day) : null;
};

describe('readDate', () => {
  it.each([
    ['2026-09-01', '2026-09-01'],
    ['2026/9/1', '2026-09-01'],
    ['2026-09-01T10:30:00Z', '2026-09-01'],
    ['20260901', '2026-09-01'],
    [20260901, '2026-09-01'],
    ['Sep 29, 2026 2:00 pm', '2026-09-29'],
    ['September 1, 2026', '2026-09-01'],
    ['1 Sep 2026', '2026-09-01'],
    ['۱۴۰۵/۰۷/۱۵', '2026-10-07'],
    ['1403/01/01', '2024-03-20'],
    ['٢٠٢٦/٠٩/٠١', '2026-09-01'],
  ])('%s → %s', (v, want) => expect(iso(v)).toBe(want));

  it('reads dd/mm and mm/dd as told', () => {
    expect(iso('08/09/2026', 'dmy')).toBe('2026-09-08');
    expect(iso('08/09/2026', 'mdy')).toBe('2026-08-09');
    expect(iso('14/09/2026', 'mdy')).toBeNull();
  });

  it('reads a Date by its UTC calendar date, whatever the process time zone (ExcelJS gives UTC midnights)', () => {
    // Sheets dates are midnight in the spreadsheet's zone: the adapter reads them (AnalyseOptions.dayOfDate).
    expect(iso(new Date(Date.UTC(2026, 8, 1)))).toBe('2026-09-01');
    expect(iso(new Date(Date.UTC(2026, 8, 1, 23, 59)))).toBe('2026-09-01');
    expect(readDate(new Date(Date.UTC(2026, 8, 1)), 'dmy')?.kind).toBe('date-object');
  });

  it.each([['2026-02-30'], ['hello'], [''], [null], [42], [12.5], ['1405/13/01'], ['20261301'], [true]])(
    '%s is not a date',
    (v) => expect(readDate(v, 'dmy')).toBeNull(),
  );

  it('kinds say how the column writes dates', () => {
    expect(readDate('۱۴۰۵/۰۷/۱۵', 'dmy')?.kind).toBe('jalali');
    expect(readDate('20260901', 'dmy')?.kind).toBe('yyyymmdd');
    expect(readDate('01/02/2026', 'dmy')?.kind).toBe('day-month');
  });
});

describe('decideDayOrder (per column)', () => {
  it('a day above 12 proves day-first; a second number above 12 proves month-first', () => {
    expect(decideDayOrder(['01/09/2026', '14/09/2026'], 'en')).toEqual({ order: 'dmy', assumed: false });
    expect(decideDayOrder(['09/01/2026', '09/14/2026'], 'fa')).toEqual({ order: 'mdy', assumed: false });
  });
  it('with no proof, the language decides and says it assumed', () => {
    expect(decideDayOrder(['01/02/2026'], 'en')).toEqual({ order: 'mdy', assumed: true });
    expect(decideDayOrder(['01/02/2026'], 'ar')).toEqual({ order: 'dmy', assumed: true });
  });
});

describe('periods', () => {
  it('infers day, week or month from the span', () => {
    expect(inferPeriod(0, 30)).toBe('day');
    expect(inferPeriod(0, 31)).toBe('week');
    expect(inferPeriod(0, 182)).toBe('week');
    expect(inferPeriod(0, 183)).toBe('month');
  });
  it('weeks start on the chosen weekday (2026-09-07 is a Monday)', () => {
    const thu = epochDay(2026, 9, 10);
    expect(isoOfDay(periodStart(thu, 'week', 'gregorian', 1))).toBe('2026-09-07');
    expect(isoOfDay(periodStart(thu, 'week', 'gregorian', 0))).toBe('2026-09-06');
    expect(isoOfDay(periodStart(thu, 'week', 'gregorian', 6))).toBe('2026-09-05');
  });
  it('Gregorian and Jalali months cover the span without gaps', () => {
    const g = periodsBetween(epochDay(2026, 1, 15), epochDay(2026, 3, 2), 'month', 'gregorian', 1);
    expect(g.map((p) => [isoOfDay(p.start), isoOfDay(p.end)])).toEqual([
      ['2026-01-01', '2026-02-01'],
      ['2026-02-01', '2026-03-01'],
      ['2026-03-01', '2026-04-01'],
    ]);
    // Mehr 1405 starts 2026-09-23 and Aban 1405 on 2026-10-23.
    const j = periodsBetween(epochDay(2026, 10, 5), epochDay(2026, 10, 30), 'month', 'jalali', 1);
    expect(j.map((p) => [isoOfDay(p.start), isoOfDay(p.end)])).toEqual([
      ['2026-09-23', '2026-10-23'],
      ['2026-10-23', '2026-11-22'],
    ]);
  });
});
