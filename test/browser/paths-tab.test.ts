/**
 * The "Conversion paths tab" picker in a real browser (Debian Chromium through playwright-core)
 * against the dev server on the fake spreadsheet: the menu lists the other tabs after "None";
 * choosing the GA4 path export and pressing Build sends the tab with the request and writes the
 * Attribution section's =ATTRIBUTION formulas over it into the report tab; a tab that is not a
 * path export builds the report without the section and says so; the menu is named by its
 * translated label and passes axe-core (WCAG 2.1 A/AA) in English, Arabic and Persian.
 *
 * Without /usr/bin/chromium the suite is skipped with a loud warning, except under CI=true,
 * where it fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DevServer, type WorldSpec } from '../../scripts/dev-server';
import { launchChromium, skipBrowserTests, warnIfSkipping } from '../helpers/browser';

const ROOT = new URL('../../', import.meta.url);
const AXE = new URL('node_modules/axe-core/axe.min.js', ROOT).pathname;
warnIfSkipping('the paths tab browser test');

interface ReportJson {
  sheets: string[];
  cells: { value: unknown; formula: string }[][];
}

/** Each language's sheets and the picker's label and "None", written out from the translations. */
const WORLDS: Record<'en' | 'ar' | 'fa', { world: WorldSpec; label: string; none: string }> = {
  en: {
    world: {
      csv: 'examples/campaigns-en.csv',
      sheetName: 'Campaigns',
      extraSheets: ['Notes'],
      csvSheets: [{ name: 'GA4 paths', csv: 'examples/ga4-conversion-paths.csv' }],
    },
    label: 'Conversion paths tab (optional)',
    none: 'None',
  },
  ar: {
    world: {
      csv: 'examples/campaigns-ar.csv',
      locale: 'ar_SA',
      sheetName: 'الحملات',
      extraSheets: ['ملاحظات'],
    },
    label: 'ورقة مسارات التحويل (اختياري)',
    none: 'لا شيء',
  },
  fa: {
    world: {
      csv: 'examples/campaigns-fa.csv',
      locale: 'fa_IR',
      sheetName: 'کمپین‌ها',
      csvSheets: [{ name: 'مسیرها', csv: 'examples/paths-fa.csv' }],
    },
    label: 'برگهٔ مسیرهای تبدیل (اختیاری)',
    none: 'هیچ‌کدام',
  },
};

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const results = (await page.evaluate(
    (values) =>
      (window as unknown as { axe: { run: (c: Document, o: object) => Promise<unknown> } }).axe.run(
        document,
        { runOnly: { type: 'tag', values } },
      ),
    ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
  )) as AxeResults;
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(skipBrowserTests)('the conversion paths tab picker in Chromium', () => {
  let dev: DevServer;
  let base: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  /** The generateReport requests the sidebar sent, as JSON. */
  const sent: { paths?: { sheetId: number; name: string } | null }[] = [];

  const report = async (sheet: string): Promise<ReportJson> =>
    (await fetch(`${base}/report?sheet=${encodeURIComponent(sheet)}`)).json() as Promise<ReportJson>;

  const optionTexts = () => page.$$eval('#paths option', (os) => os.map((o) => o.textContent));

  async function open(spec: WorldSpec): Promise<void> {
    dev.reset(spec);
    await page.goto(`${base}/`);
    await page.waitForSelector('#columns li');
  }

  async function build(): Promise<void> {
    await page.click('#generate');
    await page.waitForSelector('#result:not([hidden])');
  }

  beforeAll(async () => {
    if (!existsSync(new URL('dist/Sidebar.html', ROOT))) {
      execFileSync('node', ['build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    }
    dev = new DevServer(WORLDS.en.world);
    base = `http://127.0.0.1:${await dev.listen(0)}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('request', (r) => {
      if (r.url().endsWith('/rpc/generateReport'))
        sent.push(...(JSON.parse(r.postData() ?? '[]') as (typeof sent)[number][]).slice(0, 1));
    });
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await dev?.close();
  });

  it('builds the Attribution section over the tab picked, and says so when a tab holds no paths', async () => {
    await open(WORLDS.en.world);
    // Every other tab, after "None" (chosen); the source is not offered.
    expect(await optionTexts()).toEqual(['None', 'Notes', 'GA4 paths']);
    expect(await page.inputValue('#paths')).toBe('none');

    await page.selectOption('#paths', { label: 'GA4 paths' });
    sent.length = 0;
    await build();
    const pathsId = dev.world.sheet('GA4 paths').id;
    expect(sent.map((r) => r.paths)).toEqual([{ sheetId: pathsId, name: 'GA4 paths' }]);
    const name = (await page.textContent('#result-text'))?.replace(/^.*?: /, '') ?? '';
    expect(name).toBe('KPI report – Campaigns');
    const formulas = (await report(name)).cells
      .flat()
      .map((c) => c.formula)
      .filter((f) => f.includes('ATTRIBUTION('));
    // One per model, each reading the paths tab's columns (the quoted name, as Sheets wants it).
    expect(formulas).toHaveLength(7);
    for (const f of formulas) expect(f).toMatch(/ATTRIBUTION\('GA4 paths'!A\d+:A\d+,'GA4 paths'!B\d+:B\d+,/);
    expect(await page.isHidden('#warnings')).toBe(true);

    // An empty tab as the paths tab: the report is still built, without the section, and says why.
    await page.selectOption('#paths', { label: 'Notes' });
    await build();
    expect(sent.at(-1)?.paths).toEqual({ sheetId: dev.world.sheet('Notes').id, name: 'Notes' });
    // Still said once the preview is drawn again after the build.
    await page.waitForLoadState('networkidle');
    await page.waitForSelector('#warnings:not([hidden])');
    expect(await page.textContent('#warnings')).toContain(
      'The report was built without the Attribution section: the tab “Notes” could not be read as conversion paths.',
    );
    const after = (await report(name)).cells.flat().filter((c) => c.formula.includes('ATTRIBUTION('));
    expect(after).toEqual([]);
  });

  it('a paths tab deleted behind the sidebar: the build is refused by the tab name, in plain words', async () => {
    await open(WORLDS.en.world);
    await page.selectOption('#paths', { label: 'GA4 paths' });
    dev.world.spreadsheet.deleteSheet(dev.world.sheet('GA4 paths') as never);
    await page.click('#generate');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error')).toContain(
      'The conversion paths tab “GA4 paths” was deleted. Pick another one above, or None.',
    );
  });

  for (const lang of ['en', 'ar', 'fa'] as const) {
    it(`${lang}: the picker is named by its translated label and passes axe-core`, async () => {
      const W = WORLDS[lang];
      await open(W.world);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      const label = await page.evaluate(
        () =>
          (document.getElementById('paths') as HTMLSelectElement).labels[0]?.querySelector('span')
            ?.textContent ?? '',
      );
      expect(label).toBe(W.label);
      expect((await optionTexts())[0]).toBe(W.none);
      const others = (W.world.extraSheets ?? []).concat((W.world.csvSheets ?? []).map((s) => s.name));
      expect((await optionTexts()).slice(1)).toEqual(others);
      if (others[0]) await page.selectOption('#paths', { label: others[0] });
      const found = await axeViolations(page);
      expect(found, found.join('\n')).toEqual([]);
    });
  }
});
