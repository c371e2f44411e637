/**
 * Dates as the report writes them, and what the Unicode bidirectional algorithm does with them
 * in a right-to-left cell. Expected days come from Intl (ICU's calendars, not Mizan's Jalali
 * code); bidi classes are UnicodeData.txt's, and the joining rule is UAX #9's W4
 * (https://www.unicode.org/reports/tr9/#W4): a single CS between two numbers of the same type,
 * or a single ES between two European numbers, becomes part of the number.
 */
import { describe, expect, it } from 'vitest';
import { daySpanText, dayText, monthText, periodText } from '../../../src/core/dates/display';
import { epochDay } from '../../../src/core/dates/jalali';

/** Bidi_Class of every character a date text may hold (UnicodeData.txt, field 4). */
function bidiClass(ch: string): 'EN' | 'AN' | 'CS' | 'ES' | 'WS' | 'ON' {
  const c = ch.codePointAt(0) as number;
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x6f0 && c <= 0x6f9)) return 'EN'; // DIGIT, EXTENDED ARABIC-INDIC DIGIT
  if (c >= 0x660 && c <= 0x669) return 'AN'; // ARABIC-INDIC DIGIT
  if (c === 0x2f) return 'CS'; // SOLIDUS
  if (c === 0x2d) return 'ES'; // HYPHEN-MINUS
  if (c === 0x20) return 'WS';
  if (c === 0x2013) return 'ON'; // EN DASH
  throw new Error(`U+${c.toString(16)} is not in this test's table: add its class before trusting the test`);
}

/**
 * The text's numeric runs after rule W4: a separator between two numbers of the kind W4 names
 * joins them; any other separator ends a run. (W4's "single": our separators never come in pairs.)
 */
function numberRuns(text: string): string[] {
  const chars = [...text];
  const classes = chars.map(bidiClass);
  const runs: string[] = [];
  let run = '';
  chars.forEach((ch, i) => {
    const k = classes[i];
    const before = classes[i - 1];
    const after = classes[i + 1];
    const joins =
      (k === 'CS' && before === after && (before === 'EN' || before === 'AN')) ||
      (k === 'ES' && before === 'EN' && after === 'EN');
    if (k === 'EN' || k === 'AN' || joins) run += ch;
    else {
      if (run) runs.push(run);
      run = '';
    }
  });
  if (run) runs.push(run);
  return runs;
}

/** Year, month and day of an epoch day in the Persian calendar, by ICU. */
function icuJalali(day: number): [string, string, string] {
  const parts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
    timeZone: 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(day * 86_400_000));
  const get = (t: string) => parts.find((p) => p.type === t)?.value as string;
  return [get('year').replace(/\D/g, ''), get('month'), get('day')];
}

const AUG_3 = epochDay(2026, 8, 3);

describe('dayText, monthText, periodText', () => {
  it('writes the Gregorian day year first: ISO in English, "/" and native digits in Persian and Arabic', () => {
    expect(dayText(AUG_3, 'gregorian', 'en')).toBe('2026-08-03');
    expect(dayText(AUG_3, 'gregorian', 'fa')).toBe('۲۰۲۶/۰۸/۰۳');
    expect(dayText(AUG_3, 'gregorian', 'ar')).toBe('٢٠٢٦/٠٨/٠٣');
    expect(monthText(AUG_3, 'gregorian', 'en')).toBe('2026-08');
    expect(monthText(AUG_3, 'gregorian', 'ar')).toBe('٢٠٢٦/٠٨');
  });

  it('writes Jalali days as ICU counts them, with "/" in every language', () => {
    for (const day of [AUG_3, epochDay(2026, 3, 21), epochDay(2025, 3, 20), epochDay(2027, 1, 1)]) {
      const [y, m, d] = icuJalali(day);
      expect(dayText(day, 'jalali', 'en')).toBe(`${y}/${m}/${d}`);
      expect(monthText(day, 'jalali', 'en')).toBe(`${y}/${m}`);
    }
    expect(dayText(AUG_3, 'jalali', 'fa')).toBe('۱۴۰۵/۰۵/۱۲');
  });

  it('labels a month by its month and a day or week by its first day', () => {
    expect(periodText(AUG_3, 'month', 'gregorian', 'fa')).toBe('۲۰۲۶/۰۸');
    expect(periodText(AUG_3, 'week', 'gregorian', 'ar')).toBe('٢٠٢٦/٠٨/٠٣');
    expect(periodText(AUG_3, 'day', 'jalali', 'ar')).toBe('١٤٠٥/٠٥/١٢');
    expect(daySpanText(AUG_3, AUG_3 + 55, 'gregorian', 'en')).toBe('2026-08-03 – 2026-09-27');
  });
});

describe('in a right-to-left cell each Persian or Arabic date stays one run', () => {
  // Every day of two years, in both calendars, as days, weeks and months.
  const days = Array.from({ length: 731 }, (_, i) => epochDay(2026, 1, 1) + i);
  const texts = (lang: 'fa' | 'ar') =>
    days.flatMap((d) =>
      (['gregorian', 'jalali'] as const).flatMap((cal) => [dayText(d, cal, lang), monthText(d, cal, lang)]),
    );

  it.each(['fa', 'ar'] as const)(
    '%s: W4 joins the separators, so the parts are drawn year, month, day left to right',
    (lang) => {
      const split = texts(lang).filter((t) => numberRuns(t).length !== 1 || numberRuns(t)[0] !== t);
      expect(split).toEqual([]);
    },
  );

  it('the "-" dates the report wrote before split into three runs in Arabic (so this check can fail)', () => {
    expect(numberRuns('٢٠٢٦-٠٨-٠٣')).toEqual(['٢٠٢٦', '٠٨', '٠٣']);
    // Persian digits are European numbers: W4 joins them across "-" as well.
    expect(numberRuns('۲۰۲۶-۰۸-۰۳')).toEqual(['۲۰۲۶-۰۸-۰۳']);
  });

  it('a span is two runs around the dash, each date whole', () => {
    expect(numberRuns(daySpanText(AUG_3, AUG_3 + 55, 'gregorian', 'ar'))).toEqual([
      '٢٠٢٦/٠٨/٠٣',
      '٢٠٢٦/٠٩/٢٧',
    ]);
  });
});
