/**
 * The report's Persian and Arabic dates drawn by a real browser (Debian Chromium) in a
 * right-to-left element, as they sit in a right-to-left cell: the order the year, month and day
 * come out on screen is measured glyph by glyph and compared with how CLDR's own short date for
 * the language is drawn (Intl.DateTimeFormat, ICU's CLDR data: Arabic `d‏/M‏/y` with U+200F
 * marks, Persian `y/M/d`). The report's dates must look like the reader's usual dates; the "-"
 * dates written before must not pass for Arabic (the check can fail).
 *
 * Without /usr/bin/chromium the suite is skipped with a loud warning, except under CI=true.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayText } from '../../src/core/dates/display';
import { epochDay } from '../../src/core/dates/jalali';
import { launchChromium, skipBrowserTests, warnIfSkipping } from '../helpers/browser';

warnIfSkipping('the date bidi browser test');

type Part = 'year' | 'month' | 'day';
/** A text and where each of its parts starts and ends (UTF-16 offsets). */
interface Placed {
  readonly text: string;
  readonly parts: readonly { readonly type: Part; readonly from: number; readonly to: number }[];
}

/** Our date: year, month, day in the order written, split at the separator. */
function ours(text: string): Placed {
  const types: Part[] = ['year', 'month', 'day'];
  let at = 0;
  const parts = text.split(/[/-]/).map((p, i) => {
    const part = { type: types[i] as Part, from: at, to: at + p.length };
    at += p.length + 1;
    return part;
  });
  return { text, parts };
}

/** CLDR's short date for `locale`, with its parts' offsets from formatToParts. */
function cldr(locale: string, date: Date): Placed {
  let at = 0;
  const parts: Placed['parts'][number][] = [];
  let text = '';
  for (const p of new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' }).formatToParts(
    date,
  )) {
    if (p.type === 'year' || p.type === 'month' || p.type === 'day')
      parts.push({ type: p.type, from: at, to: at + p.value.length });
    text += p.value;
    at += p.value.length;
  }
  return { text, parts };
}

/** The parts in the order they are drawn, left to right, in a dir="rtl" line. */
async function drawnOrder(page: Page, placed: Placed): Promise<Part[]> {
  const lefts = await page.evaluate(({ text, parts }) => {
    const div = document.createElement('div');
    div.dir = 'rtl';
    div.style.font = "28px 'DejaVu Sans', 'Noto Naskh Arabic', sans-serif";
    div.textContent = text;
    document.body.replaceChildren(div);
    const node = div.firstChild as Text;
    return parts.map(({ type, from, to }) => {
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      return { type, left: range.getBoundingClientRect().left };
    });
  }, placed);
  return lefts.sort((a, b) => a.left - b.left).map((p) => p.type);
}

const AUG_3 = epochDay(2026, 8, 3);
const AUG_3_DATE = new Date(AUG_3 * 86_400_000);

describe.skipIf(skipBrowserTests)('dates in a right-to-left line, as Chromium draws them', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("Arabic: the report date is drawn like CLDR's Arabic date (year on the left, day on the right)", async () => {
    const want = await drawnOrder(page, cldr('ar-EG', AUG_3_DATE));
    expect(want).toEqual(['year', 'month', 'day']); // read from the right: day/month/year
    expect(await drawnOrder(page, ours(dayText(AUG_3, 'gregorian', 'ar')))).toEqual(want);
    expect(await drawnOrder(page, ours(dayText(AUG_3, 'jalali', 'ar')))).toEqual(want);
    // What the report wrote before: "-" between Arabic numbers splits the runs, drawn reversed.
    expect(await drawnOrder(page, ours('٢٠٢٦-٠٨-٠٣'))).toEqual(['day', 'month', 'year']);
  });

  it("Persian: the report date is drawn like CLDR's Persian date (year on the left)", async () => {
    const want = await drawnOrder(page, cldr('fa', AUG_3_DATE));
    expect(want).toEqual(['year', 'month', 'day']);
    expect(await drawnOrder(page, ours(dayText(AUG_3, 'jalali', 'fa')))).toEqual(want);
    expect(await drawnOrder(page, ours(dayText(AUG_3, 'gregorian', 'fa')))).toEqual(want);
  });
});
