/**
 * Issue 12's sidebar items in a real browser (Chromium against the dev server, as sidebar.test.ts):
 * a source that cannot be analysed leaves nothing of the previous one; no dropdown cuts its
 * text; industry benchmark profiles under one heading per family; one digit system per
 * language; rows left out named beside the row count.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DevServer } from '../../scripts/dev-server';
import { BENCHMARK_PROFILES } from '../../src/core/benchmarks/profiles';
import { launchChromium, skipBrowserTests, warnIfSkipping } from '../helpers/browser';

const ROOT = new URL('../../', import.meta.url);
warnIfSkipping('the sidebar polish browser test');

/** Latin digits, which an Arabic or Persian sidebar must not show in the numbers it writes. */
const LATIN = /[0-9]/;

describe.skipIf(skipBrowserTests)('the sidebar, tidy (issue 12)', () => {
  let dev: DevServer;
  let base: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const reset = (spec: Record<string, unknown>) =>
    fetch(`${base}/dev/reset`, { method: 'POST', body: JSON.stringify(spec) });

  async function open(lang?: 'en' | 'ar' | 'fa'): Promise<void> {
    await page.goto(`${base}/`);
    await page.waitForSelector('#columns li');
    if (lang && lang !== (await page.inputValue('#ui-lang'))) {
      await page.selectOption('#ui-lang', lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    }
  }

  /**
   * Every option of every visible select whose displayed text (its label) is wider than the
   * select's text box (content box: the arrow is in the padding). Measured with a hidden span
   * in the select's font, not with the sidebar's own canvas measure.
   */
  const clipped = () =>
    page.evaluate(() => {
      const out: string[] = [];
      const probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre;';
      document.body.append(probe);
      for (const s of document.querySelectorAll('select')) {
        if (s.offsetParent === null) continue;
        const cs = getComputedStyle(s);
        probe.style.font = cs.font;
        probe.style.letterSpacing = cs.letterSpacing;
        const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        for (const o of s.options) {
          probe.textContent = o.label;
          const width = probe.getBoundingClientRect().width;
          if (width > room + 0.5)
            out.push(`#${s.id || s.getAttribute('aria-label')}: "${o.label}" ${width} > ${room}`);
        }
      }
      probe.remove();
      return out;
    });

  beforeAll(async () => {
    if (!existsSync(new URL('dist/Sidebar.html', ROOT))) {
      execFileSync('node', ['build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    }
    dev = new DevServer({ extraSheets: ['Notes'] });
    base = `http://127.0.0.1:${await dev.listen(0)}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterEach(async () => {
    expect(pageErrors).toEqual([]);
    await reset({ extraSheets: ['Notes'] });
  });

  afterAll(async () => {
    await browser?.close();
    await dev?.close();
  });

  it('clears the columns, row count and KPI chips when the new source cannot be analysed', async () => {
    await open('en');
    expect(await page.locator('#columns li').count()).toBe(12);
    expect(await page.textContent('#source-facts')).toBe('248 data rows');
    expect(await page.locator('#kpis li').count()).toBeGreaterThan(3);

    await page.selectOption('#source', { label: 'Notes' }); // an empty tab
    await page.waitForSelector('#problems:not([hidden])');
    expect(
      await page.locator('#columns li, #unrecognised li, #kpis li, #missing li, #reading li').count(),
    ).toBe(0);
    expect(await page.textContent('#source-facts')).toBe('');
    expect(await page.inputValue('#header-row')).toBe('');
    for (const box of ['#platform', '#missing-box', '#reading-box', '#unrecognised-box', '#placement-box'])
      expect(await page.isHidden(box), box).toBe(true);
    expect(await page.isDisabled('#generate')).toBe(true);

    // Back to the campaigns: everything again.
    await page.selectOption('#source', { label: 'Campaigns' });
    await page.waitForSelector('#problems[hidden]', { state: 'attached' });
    await expect.poll(() => page.locator('#columns li').count()).toBe(12);
    expect(await page.textContent('#source-facts')).toBe('248 data rows');
  });

  it('a header row past the data says so, and shows no columns of the row it read before', async () => {
    await open('en');
    await page.fill('#header-row', '300');
    await page.press('#header-row', 'Tab');
    await page.waitForSelector('#problems:not([hidden])');
    // The example has a header and 248 data rows: 249 rows in all.
    expect(await page.textContent('#problems')).toContain('Row 300 is past the last row of the sheet (249).');
    expect(await page.locator('#columns li, #kpis li').count()).toBe(0);
    expect(await page.textContent('#source-facts')).toBe('');
    expect(await page.inputValue('#header-row')).toBe('300'); // what the user typed stays, to correct
  });

  it('names the rows left out beside the row count, singular for one row', async () => {
    const csvText = [
      'Campaign,Cost,Clicks,Impressions',
      'A,10,5,100',
      'B,20,10,200',
      'Total,30,15,300', // row 4: the sum of rows 2 and 3
    ].join('\n');
    await reset({ csvText });
    await open('en');
    await expect.poll(() => page.textContent('#source-facts')).toBe('2 data rows · row 4 left out (a total)');
    expect(await page.textContent('#reading li[data-reason="total"]')).toBe(
      'Total row left out (not counted twice): row 4.',
    );
    await page.selectOption('#ui-lang', 'fa');
    await expect
      .poll(() => page.textContent('#source-facts'))
      .toBe('۲ ردیف داده | ردیف ۴ کنار گذاشته شد (جمع)');

    await reset({ csvText: 'Campaign,Cost,Clicks\nA,10,5\n' });
    await open('en');
    await expect.poll(() => page.textContent('#source-facts')).toBe('1 data row');
  });

  it('writes every number in the language’s digits: Latin, Arabic-Indic, Persian', async () => {
    const facts = { en: '248 data rows', ar: 'صفوف البيانات: ٢٤٨', fa: '۲۴۸ ردیف داده' };
    for (const lang of ['en', 'ar', 'fa'] as const) {
      await open(lang);
      await expect.poll(() => page.textContent('#source-facts'), { message: lang }).toBe(facts[lang]);
      const sure = await page.$$eval('#columns .conf', (cs) => cs.map((c) => c.textContent ?? ''));
      expect(sure.length).toBeGreaterThan(0);
      // Each confidence is 100% for the example's plain headers, in the language's digits and sign.
      const percent = { en: '100%', ar: '١٠٠٪', fa: '۱۰۰٪' }[lang];
      for (const s of sure) expect(s.startsWith(percent), `${lang}: ${s}`).toBe(true);
      if (lang !== 'en') {
        expect(sure.join(' ')).not.toMatch(LATIN);
        expect(await page.textContent('#source-facts')).not.toMatch(LATIN);
      }
    }
  });

  it('lists industry benchmark profiles under one heading per family, in the sidebar’s language', async () => {
    const grouped = BENCHMARK_PROFILES.filter((p) => p.group);
    expect(grouped.length).toBeGreaterThan(5); // the email industries
    for (const lang of ['en', 'fa', 'ar'] as const) {
      await open(lang);
      const heading = grouped[0]?.group?.names[lang] as string;
      await expect
        .poll(
          () => page.$$eval('#profile optgroup', (gs) => gs.map((g) => (g as HTMLOptGroupElement).label)),
          {
            message: lang,
          },
        )
        .toEqual([heading]);
      const inGroup = await page.$$eval('#profile optgroup option', (os) =>
        os.map((o) => (o as HTMLOptionElement).value),
      );
      expect(inGroup).toEqual(grouped.map((p) => p.id));
      const plain = await page.$$eval('#profile > option', (os) =>
        os.map((o) => (o as HTMLOptionElement).value),
      );
      expect(plain).toEqual(['auto', 'none', ...BENCHMARK_PROFILES.filter((p) => !p.group).map((p) => p.id)]);
      // Named in the language: the first industry's name as the registry writes it.
      expect(await page.textContent(`#profile option[value="${grouped[0]?.id}"]`)).toBe(
        grouped[0]?.names[lang],
      );
    }
    // Choosing one sends it: the preview runs with it and says nothing is wrong.
    await open('en');
    await page.selectOption('#profile', grouped[0]?.id as string);
    await page.waitForSelector('#kpis li');
    expect(await page.inputValue('#profile')).toBe(grouped[0]?.id);
  });

  it('no dropdown cuts its text, in English, Arabic and Persian; a long header is shortened with “…”', async () => {
    // The example, plus a rate the platform computed (its own role option) and a long header.
    const longHeader = 'Campaign objective as set in the ads manager at launch time';
    const csvText = [
      `Channel,Campaign,Date,Cost,Impressions,Clicks,Conversions,CTR,${longHeader}`,
      'Search,Brand,2026-09-01,10,1000,50,2,5%,Sales',
      'Social,Lookalike,2026-09-02,20,2000,40,3,2%,Awareness',
    ].join('\n');
    await reset({ csvText });
    for (const lang of ['en', 'ar', 'fa'] as const) {
      await open(lang);
      await page.waitForSelector('#columns select');
      expect(await page.locator('#columns select option[value^="p:"]').count(), lang).toBe(1);
      expect(await clipped(), lang).toEqual([]);
    }
    // The sheet's long header is shortened to the select's width, its whole text kept (content and tooltip).
    await open('en');
    const group = page.locator('#group-by option', { hasText: longHeader });
    await expect.poll(() => group.getAttribute('title')).toBe(`I · ${longHeader}`); // after the re-render in English
    expect(await group.evaluate((o: HTMLOptionElement) => o.label.endsWith('…'))).toBe(true);
    // Mizan's short texts are whole; a shortened option (the two longest industry names) is
    // the start of its whole text and "…", the whole text its tooltip.
    const options = await page.$$eval('#period option, #template option, #profile option', (os) =>
      (os as HTMLOptionElement[]).map((o) => ({ label: o.label, text: o.text, title: o.title })),
    );
    for (const o of options.filter((x) => x.label !== x.text)) {
      expect(o.label.endsWith('…') && o.text.startsWith(o.label.slice(0, -1).trimEnd()), o.text).toBe(true);
      expect(o.title).toBe(o.text);
    }
    expect(options.filter((x) => x.label !== x.text).length).toBeLessThanOrEqual(2);
  });
});
