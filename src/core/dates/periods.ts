/**
 * Cutting a date span into periods (day, week, month) as epoch-day intervals [start, end).
 * Months follow the calendar the sheet writes its dates in: Jalali months for Jalali dates.
 */
import { epochDay, epochDayToJalali, fromEpochDay, jalaliToEpochDay } from './jalali';

export type PeriodKind = 'day' | 'week' | 'month';
export type Calendar = 'gregorian' | 'jalali';

export interface Period {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/** Up to a month of data: days; up to half a year: weeks; longer: months. */
export function inferPeriod(first: number, last: number): PeriodKind {
  const span = last - first + 1;
  if (span <= 31) return 'day';
  if (span <= 183) return 'week';
  return 'month';
}

/** Start of the period holding `day`. weekStartsOn: 0 Sunday, 1 Monday, 6 Saturday. */
export function periodStart(
  day: number,
  kind: PeriodKind,
  calendar: Calendar,
  weekStartsOn: 0 | 1 | 6,
): number {
  if (kind === 'day') return day;
  if (kind === 'week') {
    const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4)
    return day - ((weekday - weekStartsOn + 7) % 7);
  }
  if (calendar === 'jalali') {
    const j = epochDayToJalali(day);
    return jalaliToEpochDay(j.jy, j.jm, 1) as number;
  }
  const g = fromEpochDay(day);
  return epochDay(g.y, g.m, 1);
}

/** End (exclusive) of the period starting at `start`. */
export function periodEnd(start: number, kind: PeriodKind, calendar: Calendar): number {
  if (kind === 'day') return start + 1;
  if (kind === 'week') return start + 7;
  if (calendar === 'jalali') {
    const j = epochDayToJalali(start);
    return j.jm === 12
      ? (jalaliToEpochDay(j.jy + 1, 1, 1) as number)
      : (jalaliToEpochDay(j.jy, j.jm + 1, 1) as number);
  }
  const g = fromEpochDay(start);
  return g.m === 12 ? epochDay(g.y + 1, 1, 1) : epochDay(g.y, g.m + 1, 1);
}

/** Every period from the one holding `first` to the one holding `last`, gaps included. */
export function periodsBetween(
  first: number,
  last: number,
  kind: PeriodKind,
  calendar: Calendar,
  weekStartsOn: 0 | 1 | 6,
): Period[] {
  const out: Period[] = [];
  let start = periodStart(first, kind, calendar, weekStartsOn);
  while (start <= last) {
    const end = periodEnd(start, kind, calendar);
    out.push({ start, end });
    start = end;
  }
  return out;
}
