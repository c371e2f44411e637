/**
 * Persian and Arabic threshold texts hold several percentages in one cell ("≥ ۶٫۶۶٪ خوب | ≥ ۵٫۰۰٪
 * متوسط"). Laid out right to left by a real bidi implementation (Chromium's), each percent sign
 * must sit on the same side of its number: issue 12 found "6.66%" and "%5.00" in one Persian cell.
 * Without the text's leading Arabic letter mark, the first Persian number (no Arabic letter before
 * it) keeps its sign on the right and the later ones on the left: this test fails then.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Judge } from '../../src/core/report/kpi-plan';
import { thresholdText } from '../../src/core/report/rules';
import { launchChromium, skipBrowserTests, warnIfSkipping } from '../helpers/browser';

warnIfSkipping('the bidi layout of percent signs');

const PERCENT = '٪';
const DIGIT = /[0-9٠-٩۰-۹]/;

describe.skipIf(skipBrowserTests)('percent signs in right-to-left threshold texts', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => browser?.close());

  /** For each "٪": is it drawn right of the digit just before it (in the text's order)? */
  async function signSides(text: string): Promise<boolean[]> {
    const page = await browser.newPage();
    try {
      await page.setContent('<div dir="rtl" style="font-size:32px;display:inline-block" id="cell"></div>');
      return await page.evaluate(
        ({ text, percent, digit }) => {
          const cell = document.getElementById('cell') as HTMLElement;
          cell.textContent = text;
          const node = cell.firstChild as Text;
          const x = (i: number) => {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            return range.getBoundingClientRect().x;
          };
          const sides: boolean[] = [];
          for (let i = 1; i < text.length; i++)
            if (text[i] === percent && new RegExp(digit).test(text[i - 1] as string))
              sides.push(x(i) > x(i - 1));
          return sides;
        },
        { text, percent: PERCENT, digit: DIGIT.source },
      );
    } finally {
      await page.close();
    }
  }

  const judges: Judge[] = [
    { kind: 'benchmark', source: 'x', thresholds: { direction: 'higher', good: 0.0666, fair: 0.05 } },
    { kind: 'benchmark', source: 'x', thresholds: { direction: 'lower', good: 0.02, fair: 0.035 } },
    {
      kind: 'benchmark',
      source: 'x',
      thresholds: { direction: 'band', goodMin: 0.2, goodMax: 0.4, fairMin: 0.1, fairMax: 0.5 },
    },
  ] as Judge[];

  it.each(['fa', 'ar'] as const)('%s: every percent sign on the same side of its number', async (lang) => {
    for (const judge of judges) {
      const text = thresholdText(judge, 'rate', lang);
      const sides = await signSides(text);
      expect(sides.length, text).toBeGreaterThanOrEqual(2);
      expect(new Set(sides).size, `${text}: ${sides.join(' ')}`).toBe(1);
      // Left of the digits, as Persian and Arabic print "٪" after the number in reading order.
      expect(sides[0], text).toBe(false);
    }
  });
});
