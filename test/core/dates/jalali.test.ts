import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  epochDay,
  epochDayToJalali,
  gregorianToJalali,
  isJalaliLeapYear,
  jalaliMonthLength,
  jalaliToEpochDay,
  jalaliToGregorian,
} from '../../../src/core/dates/jalali';

describe('Jalali ↔ Gregorian: known pairs', () => {
  // Nowruz (1 Farvardin) dates as published in Iran's official calendar, plus fixture dates
  // worked out by counting days by hand (1405/01/01 = 2026-03-21; month 7 starts 186 days later).
  it.each([
    [1399, 1, 1, 2020, 3, 20],
    [1400, 1, 1, 2021, 3, 21],
    [1401, 1, 1, 2022, 3, 21],
    [1402, 1, 1, 2023, 3, 21],
    [1403, 1, 1, 2024, 3, 20],
    [1404, 1, 1, 2025, 3, 21],
    [1405, 1, 1, 2026, 3, 21],
    [1399, 12, 30, 2021, 3, 20],
    [1403, 12, 30, 2025, 3, 20],
    [1396, 10, 11, 2018, 1, 1],
    [1405, 7, 13, 2026, 10, 5],
    [1405, 7, 15, 2026, 10, 7],
    [1405, 7, 22, 2026, 10, 14],
    [1405, 6, 31, 2026, 9, 22],
    [1405, 7, 1, 2026, 9, 23],
  ])('%i/%i/%i = %i-%i-%i', (jy, jm, jd, y, m, d) => {
    expect(jalaliToGregorian(jy, jm, jd)).toEqual({ y, m, d });
    expect(gregorianToJalali(y, m, d)).toEqual({ jy, jm, jd });
  });

  it('knows the leap years of the 33-year cycle around now', () => {
    const leap = [1370, 1375, 1379, 1383, 1387, 1391, 1395, 1399, 1403, 1408];
    for (let y = 1370; y <= 1410; y++) expect(isJalaliLeapYear(y), String(y)).toBe(leap.includes(y));
  });

  it('rejects dates that do not exist', () => {
    expect(jalaliToEpochDay(1404, 12, 30)).toBeNull();
    expect(jalaliToEpochDay(1403, 13, 1)).toBeNull();
    expect(jalaliToEpochDay(1403, 7, 31)).toBeNull();
    expect(jalaliToEpochDay(1403, 0, 1)).toBeNull();
    expect(jalaliMonthLength(1403, 12)).toBe(30);
    expect(jalaliMonthLength(1404, 12)).toBe(29);
  });
});

describe('Jalali ↔ Gregorian: properties', () => {
  it('round-trips every day from 1300 to 1500 and never skips or repeats a day', () => {
    let prev = jalaliToEpochDay(1300, 1, 1) as number;
    expect(epochDayToJalali(prev)).toEqual({ jy: 1300, jm: 1, jd: 1 });
    for (let day = prev + 1; day < (jalaliToEpochDay(1500, 1, 1) as number); day++) {
      const j = epochDayToJalali(day);
      expect(jalaliToEpochDay(j.jy, j.jm, j.jd)).toBe(day);
      prev = day;
    }
  });

  it('a Jalali year has 365 days, or 366 in a leap year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1200, max: 1600 }), (jy) => {
        const len = (jalaliToEpochDay(jy + 1, 1, 1) as number) - (jalaliToEpochDay(jy, 1, 1) as number);
        expect(len).toBe(isJalaliLeapYear(jy) ? 366 : 365);
      }),
    );
  });

  it('Nowruz always falls on 20 or 21 March (or 19–22 over 1200–1600)', () => {
    for (let jy = 1350; jy <= 1450; jy++) {
      const g = jalaliToGregorian(jy, 1, 1);
      expect(g?.m).toBe(3);
      expect([20, 21]).toContain(g?.d);
    }
    expect(epochDay(1970, 1, 1)).toBe(0);
  });
});
