/**
 * Time zones for the fake, from the platform's Intl data (IANA names, daylight saving
 * included): what Sheets does with the spreadsheet's time zone, without a date library.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall clock in `tz` at instant `ms`. */
export function wallClock(
  ms: number,
  tz: string,
): { y: number; m: number; d: number; hh: number; mm: number; ss: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    y: parts.year as number,
    m: parts.month as number,
    d: parts.day as number,
    hh: parts.hour as number,
    mm: parts.minute as number,
    ss: parts.second as number,
  };
}

/** Milliseconds `tz` is ahead of UTC at instant `ms` (to the second: old local mean times have seconds). */
function offsetMs(ms: number, tz: string): number {
  const w = wallClock(ms, tz);
  return Date.UTC(w.y, w.m - 1, w.d, w.hh, w.mm, w.ss) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of a wall-clock time in `tz` (month 1-based). A time skipped by a daylight-saving
 * change gives the first instant after the gap, as java.util.Calendar does.
 */
export function zonedInstant(y: number, m: number, d: number, tz: string, hh = 0, mm = 0, ss = 0): Date {
  const wall = Date.UTC(y, m - 1, d, hh, mm, ss);
  let guess = wall - offsetMs(wall, tz);
  guess = wall - offsetMs(guess, tz);
  return new Date(guess);
}

/** The calendar day (epoch days) and fraction of a day that `tz` shows at instant `ms`. */
export function zonedSerialDays(ms: number, tz: string): number {
  const w = wallClock(ms, tz);
  return (Date.UTC(w.y, w.m - 1, w.d, w.hh, w.mm, w.ss) + (ms % 1000)) / 86_400_000;
}

/** Utilities.formatDate for the patterns Mizan uses (SimpleDateFormat letters y M d H m s). */
export function formatDate(date: Date, tz: string, pattern: string): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new Error('Invalid argument: date');
  const w = wallClock(date.getTime(), tz);
  const fields: Record<string, number> = { y: w.y, M: w.m, d: w.d, H: w.hh, m: w.mm, s: w.ss };
  return pattern.replace(/([A-Za-z])\1*/g, (run) => {
    const v = fields[run[0] as string];
    if (v === undefined)
      throw new Error(`Fake: Utilities.formatDate pattern letter "${run[0]}" is not modelled`);
    return String(v).padStart(run.length, '0');
  });
}
