/**
 * Templates across spreadsheets, in Chromium. First through the whole sidebar (dist/Sidebar.html
 * on two dev servers, each with its own fake spreadsheet): save a template in spreadsheet A,
 * export it, import it in spreadsheet B, build the report in each with Generate, and compare
 * the two report tabs. Then the templates panel on its own (a shim whose google.script.run
 * calls the real template RPC against two fake spreadsheets): bad imports, hostile names.
 *
 * Without /usr/bin/chromium the suite is skipped with a loud warning, except under CI=true,
 * where it fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevServer } from '../../scripts/dev-server';
import { makeTemplateRpc } from '../../src/server/template-rpc';
import { TemplateStore } from '../../src/server/template-store';
import type { TemplateRpc } from '../../src/shared/template-rpc-types';
import { FakeWorld } from '../fakes/spreadsheet';
import { launchChromium, skipBrowserTests, warnIfSkipping } from '../helpers/browser';

const ROOT = new URL('../../', import.meta.url);
warnIfSkipping('the templates browser test');

const worlds = { a: new FakeWorld({ name: 'A' }), b: new FakeWorld({ name: 'B' }) };
const rpcOf = (w: FakeWorld): TemplateRpc =>
  makeTemplateRpc(
    () =>
      new TemplateStore(w.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, () => w.lock),
  );
const rpcs = { a: rpcOf(worlds.a), b: rpcOf(worlds.b) };

let browser: Browser;
let page: Page;

async function panelScript(): Promise<string> {
  const out = await esbuild.build({
    stdin: {
      contents: `import { mountTemplatesPanel } from './src/sidebar/templates-panel';
        window.mountInto = (world) => {
          const rpc = { callServer: (name, ...args) => window.serverCall(world, name, JSON.stringify(args)).then((r) => JSON.parse(r)) };
          const box = document.getElementById('panel');
          box.addEventListener('mizan:use-template', (e) => { window.used = e.detail.id; });
          return mountTemplatesPanel(box, rpc);
        };`,
      resolveDir: new URL('../../', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    tsconfig: 'tsconfig.sidebar.json',
  });
  return out.outputFiles[0]?.text ?? '';
}

describe.skipIf(skipBrowserTests)('templates across spreadsheets, in a browser', () => {
  beforeAll(async () => {
    if (!existsSync(new URL('dist/Sidebar.html', ROOT))) {
      execFileSync('node', ['build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    }
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('dialog', (d) => void d.accept());
    // Arguments and results cross as JSON, as google.script.run passes them.
    await page.exposeFunction('serverCall', (world: 'a' | 'b', name: keyof TemplateRpc, args: string) => {
      const fn = rpcs[world][name] as (...a: unknown[]) => unknown;
      return JSON.stringify(fn(...(JSON.parse(args) as unknown[])));
    });
    await page.setContent('<html lang="en"><body><section id="panel"></section></body></html>');
    await page.addScriptTag({ content: await panelScript() });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('saves a template in A, exports it, imports it in B, and Generate builds the same report in both', async () => {
    // Two spreadsheets with the same campaign data, each behind its own sidebar.
    const sidebars = { a: new DevServer(), b: new DevServer() };
    const bases = {
      a: `http://127.0.0.1:${await sidebars.a.listen(0)}`,
      b: `http://127.0.0.1:${await sidebars.b.listen(0)}`,
    };
    const sidebar = await browser.newPage({ viewport: { width: 300, height: 900 } });
    const errors: string[] = [];
    sidebar.on('pageerror', (e) => errors.push(e.message));
    sidebar.on('dialog', (d) => void d.accept());
    const open = async (which: 'a' | 'b') => {
      await sidebar.goto(`${bases[which]}/`);
      await sidebar.waitForSelector('#kpis li');
    };
    const saved = sidebar.locator('#templates-panel ul.saved li[data-id="paid-search-copy"]');
    /** Use the saved template in step 3 and Generate: the report tab's cells, evaluated. */
    const generate = async (which: 'a' | 'b') => {
      await saved.locator('button', { hasText: 'Use' }).click();
      await expect.poll(() => sidebar.inputValue('#template')).toBe('paid-search-copy');
      await sidebar.click('#generate');
      await sidebar.waitForSelector('#result:not([hidden])');
      expect(await sidebar.textContent('#reports-box li .tab-meta')).toBe(
        'From “Campaigns” · template “Paid search (copy)”',
      );
      return sidebars[which]
        .report('KPI report – Campaigns')
        .cells.map((line) => line.map((c) => c.evaluated));
    };
    try {
      // A: duplicate the built-in "Paid search" (a saved template), build, export.
      await open('a');
      await sidebar
        .locator('#templates-panel li[data-id="paid-search"] button', { hasText: 'Duplicate' })
        .click();
      await saved.waitFor();
      expect(sidebars.a.world.sheet('Mizan templates').hidden).toBe(true);
      const fromA = await generate('a');
      await saved.locator('button', { hasText: 'Export' }).click();
      const text = await sidebar.locator('#templates-panel textarea.template-export').inputValue();
      expect(JSON.parse(text)).toMatchObject({ schemaVersion: 1, id: 'paid-search-copy' });

      // B: a spreadsheet that has never seen the template.
      await open('b');
      expect(await saved.count()).toBe(0);
      expect(sidebars.b.world.sheets.map((x) => x.name)).toEqual(['Campaigns']);
      await sidebar.locator('#templates-panel textarea.template-import').fill(text);
      await sidebar.locator('#templates-panel .template-import-box button').click();
      await sidebar.getByText('Imported "Paid search (copy)".').waitFor();
      const fromB = await generate('b');

      // The same KPI values from either spreadsheet's copy of the template, and the right ones:
      // CPA and CTR hand-computed in examples/campaigns-en.expected.json.
      const numbers = (grid: unknown[][]) => grid.flat().filter((v): v is number => typeof v === 'number');
      expect(numbers(fromA).length).toBeGreaterThan(20);
      expect(fromB).toEqual(fromA);
      expect(numbers(fromA).some((v) => Math.abs(v - 62389.58 / 3907) < 1e-9)).toBe(true);
      expect(numbers(fromA).some((v) => Math.abs(v - 74764 / 3020023) < 1e-12)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await sidebar.close();
      await sidebars.a.close();
      await sidebars.b.close();
    }
  });

  it('a bad import lists each problem and saves nothing', async () => {
    await page.evaluate(() =>
      (window as unknown as { mountInto: (w: string) => Promise<void> }).mountInto('b'),
    );
    const before = rpcs.b.listTemplates('en').saved.length;
    await page.locator('textarea.template-import').fill('{"schemaVersion": 9}');
    await page.locator('.template-import-box button').click();
    await page.locator('.status li').first().waitFor();
    expect(await page.locator('.status li').allTextContents()).toEqual([
      'Schema version: is 9: the template was made by a newer version of Mizan, and this one reads schema 1 and older; update Mizan to import it',
    ]);
    expect(rpcs.b.listTemplates('en').saved.length).toBe(before);
  });

  it('in Persian: JSON boxes stay left to right, a bad paste is explained in Persian, nothing saved', async () => {
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'fa'));
    await page.evaluate(() =>
      (window as unknown as { mountInto: (w: string) => Promise<void> }).mountInto('b'),
    );
    await page.locator('h2', { hasText: 'قالب‌ها' }).waitFor();
    expect(await page.getAttribute('#panel', 'dir')).toBe('rtl');
    expect(await page.getAttribute('textarea.template-import', 'dir')).toBe('ltr');
    await page.locator('li[data-id="paid-search"] button', { hasText: 'خروجی' }).click();
    await page.locator('textarea.template-export').waitFor();
    expect(await page.getAttribute('textarea.template-export', 'dir')).toBe('ltr');

    const before = rpcs.b.listTemplates('fa').saved.length;
    await page
      .locator('textarea.template-import')
      .fill('{"schemaVersion": 1, "name": "x", "kpis": ["ctr"], "targets": [{"kpi": "ctr", "op": ">="}]}');
    await page.locator('.template-import-box button').click();
    await page.locator('.status li').first().waitFor();
    expect(await page.locator('.status li').allTextContents()).toEqual(['هدف ۱ › مقدار: وجود ندارد']);
    expect(rpcs.b.listTemplates('fa').saved.length).toBe(before);

    // A minimal template (the documented defaults fill the rest) is saved.
    await page
      .locator('textarea.template-import')
      .fill('{"schemaVersion": 1, "name": "Minimal", "kpis": ["ctr"]}');
    await page.locator('.template-import-box button').click();
    await page.getByText('«Minimal» وارد شد.').waitFor();
    expect(rpcs.b.listTemplates('fa').saved.length).toBe(before + 1);
  });

  it('switching language re-renders the labels and drops the old-language message', async () => {
    const reload = await page.evaluateHandle(() =>
      (window as unknown as { mountInto: (w: string) => () => Promise<void> }).mountInto('b'),
    );
    await page.locator('h2', { hasText: 'قالب‌ها' }).waitFor();
    await page.locator('textarea.template-import').fill('{"schemaVersion": 9}');
    await page.locator('.template-import-box button').click();
    await page.locator('.status li').first().waitFor();
    // The sidebar's language switch sets <html lang> and calls the panel's reload.
    await page.evaluate(async (r) => {
      document.documentElement.setAttribute('lang', 'ar');
      await r();
    }, reload);
    expect(await page.locator('#panel h2').textContent()).toBe('القوالب');
    expect(await page.locator('.template-import-box button').textContent()).toBe('استيراد');
    expect(await page.locator('li[data-id="paid-search"] button').allTextContents()).toContain('نسخ');
    expect(await page.locator('.status li').count()).toBe(0);
    await page.evaluate(async (r) => {
      document.documentElement.setAttribute('lang', 'en');
      await r();
    }, reload);
    expect(await page.locator('#panel h2').textContent()).toBe('Templates');
    expect(await page.getAttribute('#panel', 'dir')).toBe('ltr');
  });

  it('shows template names as text, never as markup', async () => {
    const { names: _, ...builtin } = (rpcs.b.getTemplate('paid-search') as { template: { names?: object } })
      .template;
    const r = rpcs.b.saveTemplate({ ...builtin, id: 'x', name: '<img src=x onerror=alert(1)>' }, false);
    expect(r.ok).toBe(true);
    await page.evaluate(() =>
      (window as unknown as { mountInto: (w: string) => Promise<void> }).mountInto('b'),
    );
    await page.locator('ul.saved li[data-id="x"]').waitFor();
    expect(await page.locator('ul.saved li[data-id="x"] .template-name').textContent()).toBe(
      '<img src=x onerror=alert(1)>',
    );
    expect(await page.locator('#panel img').count()).toBe(0);
  });
});
