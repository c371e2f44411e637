/**
 * Dates as Sheets stores them (a serial day number, 0 = 1899-12-30, the epoch Sheets shares with
 * Excel's 1900 system) and the JS `Date` Apps Script hands over, which is the cell's wall clock
 * read in the spreadsheet's time zone (Spreadsheet.getSpreadsheetTimeZone(),
 * developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getspreadsheettimezone;
 * the custom-functions guide, apps-script/guides/sheets/functions, "Dates", warns that the
 * script's zone can differ). Only Intl is used, so the process's own zone never leaks in.
 */

const DAY_MS = 86_400_000;
const EPOCH_UTC = Date.UTC(1899, 11, 30);

export interface Wall {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  readonly h: number;
  readonly mi: number;
  readonly s: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall clock in `tz` at an instant. */
export function wallAt(instant: number, tz: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const get = (k: string) => parts[k] ?? 0;
  return {
    y: get('year'),
    m: get('month'),
    d: get('day'),
    h: get('hour') % 24,
    mi: get('minute'),
    s: get('second'),
  };
}

function offsetAt(instant: number, tz: string): number {
  const w = wallAt(instant, tz);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the wall clock in `tz` shows `w` (the earlier one in a repeated hour). */
export function instantOf(w: Wall, tz: string): number {
  const guess = Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s);
  const first = guess - offsetAt(guess, tz);
  return guess - offsetAt(first, tz);
}

export function serialOfCivil(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - EPOCH_UTC) / DAY_MS;
}

export function civilOfSerial(serial: number): { y: number; m: number; d: number; fraction: number } {
  const day = Math.floor(serial);
  const t = new Date(EPOCH_UTC + day * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), fraction: serial - day };
}

/** The serial Sheets stores when a script writes a Date: the instant's wall clock in the sheet's zone. */
export function serialOfInstant(instant: number, tz: string): number {
  const w = wallAt(instant, tz);
  return serialOfCivil(w.y, w.m, w.d) + (w.h * 3600 + w.mi * 60 + w.s) / 86_400;
}

/** The instant getValues gives for a date cell: its wall clock read in the sheet's zone. */
export function instantOfSerial(serial: number, tz: string): number {
  const c = civilOfSerial(serial);
  const secs = Math.round(c.fraction * 86_400);
  return instantOf(
    { y: c.y, m: c.m, d: c.d, h: Math.floor(secs / 3600), mi: Math.floor((secs % 3600) / 60), s: secs % 60 },
    tz,
  );
}
