/**
 * Dates as a report writes them for people (period labels, the span in the subtitle): English
 * keeps ISO `2026-08-03`; Persian and Arabic write year/month/day with '/' in their own digits
 * (`۲۰۲۶/۰۸/۰۳`, `٢٠٢٦/٠٨/٠٣`); a Jalali date is `1405/05/12` in every language.
 *
 * Why '/' and not '-' in Persian and Arabic: these labels sit in right-to-left cells, where the
 * Unicode bidirectional algorithm (UAX #9, https://www.unicode.org/reports/tr9/) decides the
 * order the parts are drawn in. Arabic-Indic digits (٠–٩) are Arabic Numbers (AN), '-' is a
 * European Separator (ES) and '/' a Common Separator (CS) (UnicodeData.txt). Rule W4 joins "a
 * single common separator between two numbers of the same type" into the number, so
 * `٢٠٢٦/٠٨/٠٣` stays one left-to-right run: drawn year on the left, day on the right, which an
 * Arabic reader, reading from the right, takes as day/month/year, CLDR's Arabic short date
 * (`d‏/M‏/y`, whose U+200F marks give the same picture). W4 does not join '-' between Arabic
 * numbers, so `٢٠٢٦-٠٨-٠٣` splits into three runs drawn right to left, `٠٣-٠٨-٢٠٢٦`: the year
 * where an Arabic reader looks for the day, and a month-first reader sees 3 August as March 8.
 * Persian digits (۰–۹) are European Numbers (EN), which W4 joins across '-' and '/' alike; '/'
 * follows CLDR's Persian short date (`y/M/d`). The '/' form also looks the same in a left-to-right
 * context and in a terminal that does no bidi at all, so no directional mark is needed.
 * test/core/dates/display.test.ts checks the bidi classes; test/browser/date-bidi.test.ts the
 * drawn order in Chromium against CLDR's own dates.
 */
import { localDigits } from '../i18n/benchmark-labels';
import type { Lang } from '../i18n/lang';
import { epochDayToJalali, fromEpochDay } from './jalali';
import type { Calendar, PeriodKind } from './periods';

const two = (n: number) => String(n).padStart(2, '0');
const year = (n: number) => String(n).padStart(4, '0');

/** The separator between year, month and day: ISO's in English Gregorian, '/' otherwise. */
function separator(calendar: Calendar, lang: Lang): string {
  return calendar === 'gregorian' && lang === 'en' ? '-' : '/';
}

function parts(day: number, calendar: Calendar): [number, number, number] {
  if (calendar === 'jalali') {
    const j = epochDayToJalali(day);
    return [j.jy, j.jm, j.jd];
  }
  const g = fromEpochDay(day);
  return [g.y, g.m, g.d];
}

/** One day (an epoch day), year first, in `calendar` and the language's digits. */
export function dayText(day: number, calendar: Calendar, lang: Lang): string {
  const [y, m, d] = parts(day, calendar);
  const s = separator(calendar, lang);
  return localDigits(`${year(y)}${s}${two(m)}${s}${two(d)}`, lang);
}

/** The month holding `day`: year and month. */
export function monthText(day: number, calendar: Calendar, lang: Lang): string {
  const [y, m] = parts(day, calendar);
  return localDigits(`${year(y)}${separator(calendar, lang)}${two(m)}`, lang);
}

/** A period's label: its month, or its first day for days and weeks. */
export function periodText(start: number, kind: PeriodKind, calendar: Calendar, lang: Lang): string {
  return kind === 'month' ? monthText(start, calendar, lang) : dayText(start, calendar, lang);
}

/** A span of days, first – last (the subtitle's date range). */
export function daySpanText(first: number, last: number, calendar: Calendar, lang: Lang): string {
  return `${dayText(first, calendar, lang)} – ${dayText(last, calendar, lang)}`;
}
