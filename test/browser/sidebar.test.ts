/**
 * The sidebar in a real browser (Debian Chromium through playwright-core) against the dev
 * server: the built dist/Sidebar.html, google.script.run shimmed onto the server code running
 * on the fake spreadsheet. Picks a source, corrects a column, builds the report, opens it, and
 * checks the report tab; checks hostile text stays text; takes the English and Persian
 * screenshots (into .cache/screenshots/; into docs/screenshots/ with MIZAN_UPDATE_SCREENSHOTS=1,
 * see test/helpers/screenshots.ts).
 *
 * Without /usr/bin/chromium the suite is skipped with a loud warning, except under CI=true,
 * where it fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DevServer } from '../../scripts/dev-server';
import { launchChromium, skipBrowserTests, warnIfSkipping } from '../helpers/browser';
import { screenshotPath } from '../helpers/screenshots';

const ROOT = new URL('../../', import.meta.url);
warnIfSkipping('the browser test');

interface ReportJson {
  sheets: string[];
  active: string;
  name: string;
  rightToLeft: boolean;
  frozenRows: number;
  rules: number;
  charts: { type: string }[];
  cells: { value: unknown; formula: string; evaluated: unknown }[][];
}

describe.skipIf(skipBrowserTests)('the sidebar in Chromium', () => {
  let dev: DevServer;
  let base: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const report = async (sheet?: string): Promise<ReportJson> =>
    (
      await fetch(`${base}/report${sheet ? `?sheet=${encodeURIComponent(sheet)}` : ''}`)
    ).json() as Promise<ReportJson>;

  /** A screenshot of the whole sidebar: the viewport grows to the page, so nothing floats. */
  async function screenshot(name: string): Promise<void> {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 300, height: Math.min(height, 4000) });
    await page.screenshot({ path: screenshotPath(name) });
    await page.setViewportSize({ width: 300, height: 900 });
  }

  async function open(): Promise<void> {
    await page.goto(`${base}/`);
    await page.waitForSelector('#columns li');
  }

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

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await dev?.close();
  });

  it('picks a source, corrects a column, builds the report and opens it', async () => {
    await open();
    // The picker offers both tabs; an empty tab gets a plain-words problem, not a crash.
    const sources = await page.$$eval('#source option', (os) => os.map((o) => o.textContent));
    expect(sources).toEqual(['Campaigns', 'Notes']);
    await page.selectOption('#source', { label: 'Notes' });
    await page.waitForSelector('#problems:not([hidden])');
    expect((await page.textContent('#problems'))?.length).toBeGreaterThan(20);
    await page.selectOption('#source', { label: 'Campaigns' });
    await page.waitForSelector('#problems[hidden]', { state: 'attached' });
    await page.waitForSelector('#kpis [data-kpi="cpl"]');

    // Correct a column: Leads is not to be used, so CPL can no longer be computed.
    const leads = page
      .locator('#columns li')
      .filter({ has: page.locator('.name', { hasText: /^Leads$/ }) })
      .locator('select');
    await leads.selectOption('x');
    await page.waitForFunction(() => !document.querySelector('#kpis [data-kpi="cpl"]'));
    await page.waitForSelector('#unrecognised-box:not([hidden]), #columns li .conf.user');
    expect(await page.locator('#missing [data-kpi="cpl"]').textContent()).toMatch(/lead/i);

    await page.click('#generate');
    await page.waitForSelector('#result:not([hidden])');
    expect(await page.textContent('#result-text')).toContain('KPI report – Campaigns');
    await screenshot('sidebar-en.png');

    dev.world.active = dev.world.sheet('Campaigns');
    await page.click('#open-report');
    await expect.poll(async () => (await report()).active).toBe('KPI report – Campaigns');

    const tab = await report('KPI report – Campaigns');
    expect(tab.rightToLeft).toBe(false);
    expect(tab.frozenRows).toBeGreaterThan(0);
    expect(tab.charts.length).toBeGreaterThan(0);
    const cells = tab.cells.flat();
    const texts = cells.map((c) => String(c.value));
    expect(texts).toContain('Cost per acquisition (CPA)');
    // The corrected column (Leads, column I) feeds no formula any more.
    expect(cells.filter((c) => c.formula.includes("'Campaigns'!I"))).toEqual([]);
    expect(cells.some((c) => c.formula.includes("'Campaigns'!H"))).toBe(true);
    // Total cost, hand-computed in examples/campaigns-en.expected.json, from a live formula.
    const cost = cells.find((c) => c.formula.startsWith('=SUM(') && typeof c.evaluated === 'number');
    expect(cost?.evaluated).toBeCloseTo(62389.58, 6);
  });

  it('reads the header row in Persian and Arabic-Indic digits, and says plainly when it is not a row', async () => {
    // Row 1 is the header the sidebar detects; row 3 is a second header the user can pick.
    const csvText = [
      'Channel,Campaign,Cost,Clicks,Conversions',
      'Search,Brand,10,100,2',
      'Source,Name,Spend,Clicks,Conversions',
      'Search,Brand,10,100,2',
      'Social,Lookalike,20,200,3',
    ].join('\n');
    await fetch(`${base}/dev/reset`, { method: 'POST', body: JSON.stringify({ csvText }) });
    await open();
    const names = () => page.$$eval('#columns .name', (ns) => ns.map((n) => n.textContent));
    expect(await page.inputValue('#header-row')).toBe('1');
    expect((await names())[0]).toBe('Channel');
    expect(await page.getAttribute('#header-row', 'type')).toBe('text');

    const sent: unknown[] = [];
    const onRequest = (r: Request) => {
      if (r.url().endsWith('/rpc/analyzeSource'))
        sent.push((JSON.parse(r.postData() ?? '[]') as unknown[])[0]);
    };
    page.on('request', onRequest);
    await page.fill('#header-row', '۳');
    await page.press('#header-row', 'Tab');
    await expect.poll(names).toEqual(['Source', 'Name', 'Spend', 'Clicks', 'Conversions']);
    expect(sent).toEqual([expect.objectContaining({ headerRow: 2 })]);
    expect(await page.inputValue('#header-row')).toBe('3');
    expect(await page.isHidden('#header-row-error')).toBe(true);

    // Not a row number: a message next to the box, and the analysis stays as it was.
    for (const bad of ['سه', '0', '2.5', '-1']) {
      await page.fill('#header-row', bad);
      await page.press('#header-row', 'Tab');
      expect(await page.isVisible('#header-row-error'), bad).toBe(true);
    }
    expect(await page.textContent('#header-row-error')).toBe(
      'Type the header row as a whole number, 1 or more.',
    );
    expect(sent).toHaveLength(1);
    expect((await names())[0]).toBe('Source');

    // Arabic-Indic one: back to the first row, and the message goes.
    await page.fill('#header-row', '١');
    await page.press('#header-row', 'Tab');
    await expect.poll(async () => (await names())[0]).toBe('Channel');
    expect(sent).toEqual([
      expect.objectContaining({ headerRow: 2 }),
      expect.objectContaining({ headerRow: 0 }),
    ]);
    expect(await page.isHidden('#header-row-error')).toBe(true);
    page.off('request', onRequest);
    await fetch(`${base}/dev/reset`, { method: 'POST', body: JSON.stringify({ extraSheets: ['Notes'] }) });
  });

  it('shows hostile sheet text as text in the sidebar and writes it literally in the report', async () => {
    const hostileHeader = '<img src=x onerror="window.__pwned=1">Notes';
    const csvText = [
      `Channel,Campaign,Cost,Clicks,Conversions,"${hostileHeader.replace(/"/g, '""')}"`,
      'Search,"=IMPORTXML(""http://x"",""//a"")",10,100,2,a',
      'Search,+1,20,200,3,b',
      'Social,-cmd,30,150,1,c',
      'Social,<b>bold</b>,5,50,1,d',
    ].join('\n');
    await fetch(`${base}/dev/reset`, {
      method: 'POST',
      body: JSON.stringify({ csvText, sheetName: '<i>data</i>' }),
    });
    await open();
    expect(await page.locator('#source option').first().textContent()).toBe('<i>data</i>');
    const names = await page.$$eval('.columns .name', (ns) => ns.map((n) => n.textContent));
    expect(names).toContain(hostileHeader);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#columns b, #columns i').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await page.selectOption('#group-by', { label: 'B · Campaign' });
    await page.click('#generate');
    await page.waitForSelector('#result:not([hidden])');
    const tab = await report(dev.world.sheets[1]?.name);
    const cells = tab.cells.flat();
    for (const name of ['=IMPORTXML("http://x","//a")', '+1', '-cmd', '<b>bold</b>']) {
      const found = cells.filter((c) => c.value === name);
      expect(found.length, name).toBeGreaterThan(0);
      expect(found.every((c) => c.formula === '')).toBe(true);
    }
  });

  it('speaks Persian right to left, and builds a right-to-left report', async () => {
    await fetch(`${base}/dev/reset`, {
      method: 'POST',
      body: JSON.stringify({
        csv: 'examples/campaigns-fa.csv',
        locale: 'fa_IR',
        sheetName: 'داده‌های کمپین',
        extraSheets: ['یادداشت'],
      }),
    });
    await open();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'rtl',
      'fa',
    ]);
    expect(await page.textContent('#step-source h2')).toBe('۱. منبع');
    expect(await page.inputValue('#report-lang')).toBe('fa');
    await page.click('#generate');
    await page.waitForSelector('#result:not([hidden])');
    await screenshot('sidebar-fa.png');
    const tab = await report(dev.world.sheets[1]?.name);
    expect(tab.name).toMatch(/گزارش/);
    expect(tab.rightToLeft).toBe(true);
    const numbers = tab.cells.flat().filter((c) => c.formula && typeof c.evaluated === 'number');
    expect(numbers.length).toBeGreaterThan(10);
  });

  it('shows the platform, the column chosen among several, reach not summed and the summary row left out', async () => {
    // A Meta Ads Manager export: row 2 is the account's own total (no name), the sum of rows 3-5.
    const rows = [
      ['Spring sale', 10.5, 1000, 20, 50, 800],
      ['Summer', 20.25, 2000, 40, 100, 1500],
      ['Autumn', 30, 3000, 60, 150, 2000],
    ];
    const sum = (k: number) => rows.reduce((s, r) => s + (r[k] as number), 0);
    const csvText = [
      'Campaign name,Amount spent (USD),Impressions,Link clicks,Clicks (all),Reach',
      ['', sum(1), sum(2), sum(3), sum(4), 3100].join(','),
      ...rows.map((r) => r.join(',')),
    ].join('\n');
    await fetch(`${base}/dev/reset`, {
      method: 'POST',
      body: JSON.stringify({ csvText, sheetName: 'Meta export' }),
    });
    await open();
    const column = (header: string) =>
      page.locator('#columns li').filter({ has: page.locator('.name', { hasText: header }) });
    /** Nothing wider than the sidebar's 300 px (a long note or name must wrap or ellipsize). */
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

    await page.waitForSelector('#platform:not([hidden])');
    expect(await page.textContent('#platform')).toBe('Read as a Meta Ads Manager export');
    // The platform's own total row, left out, named beside the count it is not part of.
    expect(await page.textContent('#source-facts')).toBe(
      '3 data rows · row 2 left out (the platform’s total)',
    );
    expect(await column('Link clicks').locator('select').inputValue()).toBe('m:clicks');
    expect(await column('Link clicks').locator('.not-summed').count()).toBe(0);
    expect(await column('Clicks (all)').locator('.not-summed').textContent()).toBe(
      'not summed (column D chosen)',
    );
    expect(await column('Reach').locator('.not-summed').textContent()).toBe(
      'not summed (counts people once per row)',
    );
    // Recognised and left out on purpose: not in the "Not recognised" list.
    expect(await page.isHidden('#unrecognised-box')).toBe(true);

    const summary = page.locator('#reading li[data-reason="summary"]');
    expect(await summary.getAttribute('data-rows')).toBe('2');
    expect(await summary.textContent()).toMatch(
      /^Summary row left out: row 2 equals the sum of all the other rows/,
    );
    expect(await page.textContent('#reading li[data-column="D"]')).toContain('E ("Clicks (all)")');
    expect(await page.textContent('#reading li[data-column="F"]')).toContain('counts people once per row');
    // Text only, the command-line option kept left to right for Persian and Arabic notes.
    expect(await page.locator('#reading li :not(bdi.cli)').count()).toBe(0);
    expect(await page.textContent('#reading li[data-column="F"] bdi.cli')).toBe('--map "F=reach"');
    const kpis = await page.$$eval('#kpis li', (ls) => ls.map((l) => l.getAttribute('data-kpi')));
    expect(kpis).toEqual(expect.arrayContaining(['ctr', 'cpc', 'cpm']));
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot('sidebar-preview-en.png');

    // In Persian: the report language follows, so the notes come back in Persian with Persian digits.
    await page.selectOption('#ui-lang', 'fa');
    await expect.poll(() => page.textContent('#platform')).toBe('به‌عنوان خروجی Meta Ads Manager خوانده شد');
    await expect
      .poll(() => column('Clicks (all)').locator('.not-summed').textContent())
      .toBe('جمع زده نمی‌شود (ستون D انتخاب شد)');
    await expect.poll(() => summary.textContent()).toContain('ردیف ۲ ');
    expect(await page.getAttribute('#reading li[data-column="D"] bdi.cli', 'dir')).toBe('ltr');
    expect(await page.textContent('#source-facts')).toBe('۳ ردیف داده | ردیف ۲ کنار گذاشته شد (جمعِ پلتفرم)');
    expect(await page.textContent('#reading-box h3')).toBe('برگه چگونه خوانده شد');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot('sidebar-preview-fa.png');
    await page.selectOption('#ui-lang', 'en');
    await fetch(`${base}/dev/reset`, { method: 'POST', body: JSON.stringify({ extraSheets: ['Notes'] }) });
  });

  it('uses a template picked in the templates panel, and shows the functions help', async () => {
    await fetch(`${base}/dev/reset`, { method: 'POST', body: JSON.stringify({}) });
    await open();
    await page.locator('#templates-panel li[data-id="paid-search"] button').first().click();
    await expect.poll(() => page.inputValue('#template')).toBe('paid-search');
    await expect
      .poll(() => page.$$eval('#kpis li', (ls) => ls.map((l) => l.getAttribute('data-kpi'))))
      .toEqual(['ctr', 'cpc', 'conversion_rate', 'cpa', 'cpl', 'roas', 'roi']);

    await page.goto(`${base}/?panel=help`);
    await page.waitForSelector('#help-panel:not([hidden]) dt');
    expect(await page.isHidden('#report-panel')).toBe(true);
    const entries = await page.$$eval('#help-list dt', (ds) => ds.map((d) => d.textContent));
    expect(entries).toContain('CTR(clicks, impressions)');
    expect(entries.length).toBeGreaterThan(20);
  });

  it('refreshes a report tab after its template is edited, in the same tab', async () => {
    await fetch(`${base}/dev/reset`, { method: 'POST', body: JSON.stringify({ extraSheets: ['Notes'] }) });
    await open();
    expect(await page.isHidden('#reports-box')).toBe(true);
    // Save a template (a duplicate of "Paid search"), use it, build the report.
    await page.locator('#templates-panel li[data-id="paid-search"] button', { hasText: 'Duplicate' }).click();
    const saved = page.locator('#templates-panel ul.saved li[data-id="paid-search-copy"]');
    await saved.locator('button', { hasText: 'Use' }).click();
    await expect.poll(() => page.inputValue('#template')).toBe('paid-search-copy');
    await page.click('#generate');
    await page.waitForSelector('#result:not([hidden])');
    const item = page.locator('#reports-box li').first();
    await item.waitFor();
    expect(await item.locator('.tab-name').textContent()).toBe('KPI report – Campaigns');
    expect(await item.locator('.tab-meta').textContent()).toBe(
      'From “Campaigns” · template “Paid search (copy)”',
    );
    const tabId = dev.world.sheet('KPI report – Campaigns').id;
    expect(await item.getAttribute('data-sheet-id')).toBe(String(tabId));
    const texts = async () => (await report('KPI report – Campaigns')).cells.flat().map((c) => c.value);
    expect(await texts()).not.toContain('Cost per mille (CPM)');

    // A colleague edits the template (adds CPM) through the same RPC the templates panel uses.
    const rpc = async (name: string, ...args: unknown[]) =>
      (
        (await (
          await fetch(`${base}/rpc/${name}`, { method: 'POST', body: JSON.stringify(args) })
        ).json()) as {
          value: { ok: boolean; template: { kpis: string[] } };
        }
      ).value;
    const template = (await rpc('getTemplate', 'paid-search-copy')).template;
    expect((await rpc('saveTemplate', { ...template, kpis: [...template.kpis, 'cpm'] }, true)).ok).toBe(true);

    const sheetsBefore = dev.world.sheets.map((x) => [x.id, x.name]);
    const notesBefore = JSON.stringify(dev.world.sheet('Notes').snapshot());
    await item.locator('button.refresh').click();
    await item.locator('.tab-done').waitFor();
    expect(await item.locator('.tab-done').textContent()).toBe(
      'Refreshed with the data and template as they are now.',
    );
    expect(await texts()).toContain('Cost per mille (CPM)');
    expect(dev.world.sheets.map((x) => [x.id, x.name])).toEqual(sheetsBefore);
    expect(dev.world.sheet('KPI report – Campaigns').id).toBe(tabId);
    expect(JSON.stringify(dev.world.sheet('Notes').snapshot())).toBe(notesBefore);
    await page.locator('#reports-box').screenshot({ path: screenshotPath('report-tabs-en.png') });

    // The language switch re-renders both lists in that language, counts in its digits.
    await page.selectOption('#ui-lang', 'fa');
    await expect.poll(() => page.textContent('#reports-box h2')).toBe('گزارش‌های این صفحه‌گسترده');
    await expect
      .poll(() => page.textContent('#reports-box li .tab-meta'))
      .toBe('از «Campaigns» | قالب «تبلیغات جستجوی پولی (کپی)»');
    await expect
      .poll(() => page.textContent('#templates-panel li[data-id="paid-search"] .template-name'))
      .toBe('تبلیغات جستجوی پولی');
    expect(await page.textContent('#templates-panel li[data-id="paid-search"] .template-meta')).toBe(
      '۷ شاخص',
    );
    expect(await page.textContent('#templates-panel ul.saved li .template-meta')).toBe('۸ شاخص');
    await page.locator('#reports-box').screenshot({ path: screenshotPath('report-tabs-fa.png') });
    await page.selectOption('#ui-lang', 'ar');
    await expect
      .poll(() => page.textContent('#templates-panel li[data-id="paid-search"] .template-meta'))
      .toBe('٧ مؤشرات');
    expect(await page.textContent('#reports-box li button.refresh')).toBe('تحديث');

    // The source deleted: Refresh says so in plain words and writes nothing.
    dev.world.spreadsheet.deleteSheet(dev.world.sheet('Campaigns') as never);
    const before = JSON.stringify(dev.world.sheets.map((x) => [x.id, x.name, x.snapshot()]));
    await page.selectOption('#ui-lang', 'en');
    await page.locator('#reports-box li button.refresh').click();
    await page.locator('#reports-box li .alert').waitFor();
    expect(await page.textContent('#reports-box li .alert')).toContain(
      'source tab of this report was deleted',
    );
    expect(JSON.stringify(dev.world.sheets.map((x) => [x.id, x.name, x.snapshot()]))).toBe(before);
    await fetch(`${base}/dev/reset`, { method: 'POST', body: JSON.stringify({}) });
  });

  it('switches the sidebar language from the header', async () => {
    await open();
    await page.selectOption('#ui-lang', 'en');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await page.textContent('#step-source h2')).toBe('1. Source');
    await page.selectOption('#ui-lang', 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.textContent('#generate')).toBe('إنشاء التقرير');
  });
});
