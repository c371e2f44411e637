/**
 * Jalali (Solar Hijri) ↔ Gregorian conversion, the algorithm of Kazimierz Borkowski as used by
 * jalaali-js: the 33-year cycle breaks below reproduce the astronomical calendar of Iran for
 * Jalali years -61 … 3177. Days are counted as "epoch days" (days since 1970-01-01, UTC).
 */

const BREAKS = [
  -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178,
] as const;

const div = (a: number, b: number): number => Math.trunc(a / b);
const mod = (a: number, b: number): number => a - Math.trunc(a / b) * b;

/** Days since 1970-01-01 of a Gregorian date. */
export function epochDay(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** The Gregorian date of an epoch day. */
export function fromEpochDay(day: number): { y: number; m: number; d: number } {
  const date = new Date(day * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function isJalaliYearSupported(jy: number): boolean {
  return jy >= (BREAKS[0] as number) && jy < (BREAKS[BREAKS.length - 1] as number);
}

/** For Jalali year jy: the Gregorian year it starts in, the day of March of 1 Farvardin, and years since the last leap year. */
function jalCal(jy: number): { gy: number; march: number; leap: number } {
  const gy = jy + 621;
  let leapJ = -14;
  let jp = BREAKS[0] as number;
  let jump = 0;
  for (let i = 1; i < BREAKS.length; i++) {
    const jm = BREAKS[i] as number;
    jump = jm - jp;
    if (jy < jm) break;
    leapJ += div(jump, 33) * 8 + div(mod(jump, 33), 4);
    jp = jm;
  }
  let n = jy - jp;
  leapJ += div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
  if (mod(jump, 33) === 4 && jump - n === 4) leapJ += 1;
  const leapG = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
  const march = 20 + leapJ - leapG;
  if (jump - n < 6) n = n - jump + div(jump + 4, 33) * 33;
  let leap = mod(mod(n + 1, 33) - 1, 4);
  if (leap === -1) leap = 4;
  return { gy, march, leap };
}

export function isJalaliLeapYear(jy: number): boolean {
  return jalCal(jy).leap === 0;
}

export function jalaliMonthLength(jy: number, jm: number): number {
  if (jm <= 6) return 31;
  if (jm <= 11) return 30;
  return isJalaliLeapYear(jy) ? 30 : 29;
}

/** Epoch day of a Jalali date, or null when the date does not exist (1403/13/01, 1404/12/30). */
export function jalaliToEpochDay(jy: number, jm: number, jd: number): number | null {
  if (!Number.isInteger(jy) || !Number.isInteger(jm) || !Number.isInteger(jd)) return null;
  if (!isJalaliYearSupported(jy) || jm < 1 || jm > 12 || jd < 1 || jd > jalaliMonthLength(jy, jm))
    return null;
  const r = jalCal(jy);
  return epochDay(r.gy, 3, r.march) + (jm - 1) * 31 - div(jm, 7) * (jm - 7) + jd - 1;
}

export function epochDayToJalali(day: number): { jy: number; jm: number; jd: number } {
  const gy = fromEpochDay(day).y;
  let jy = gy - 621;
  const r = jalCal(jy);
  let k = day - epochDay(gy, 3, r.march);
  if (k >= 0) {
    if (k <= 185) return { jy, jm: 1 + div(k, 31), jd: mod(k, 31) + 1 };
    k -= 186;
  } else {
    jy -= 1;
    k += 179;
    if (r.leap === 1) k += 1;
  }
  return { jy, jm: 7 + div(k, 30), jd: mod(k, 30) + 1 };
}

export function jalaliToGregorian(
  jy: number,
  jm: number,
  jd: number,
): { y: number; m: number; d: number } | null {
  const day = jalaliToEpochDay(jy, jm, jd);
  return day === null ? null : fromEpochDay(day);
}

export function gregorianToJalali(y: number, m: number, d: number): { jy: number; jm: number; jd: number } {
  return epochDayToJalali(epochDay(y, m, d));
}
