/**
 * The templates panel in Chromium: duplicate (save) a template in spreadsheet A, export it,
 * import the text in spreadsheet B, then build the report from each spreadsheet's template and
 * compare. google.script.run is a shim whose calls run the real server RPC in Node against two
 * fake spreadsheets (test/fakes/spreadsheet.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import Papa from 'papaparse';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report';
import { templateToReportOptions } from '../../src/core/templates';
import { makeTemplateRpc } from '../../src/server/template-rpc';
import { TemplateStore } from '../../src/server/template-store';
import type { TemplateRpc } from '../../src/shared/template-rpc-types';
import { FakeWorld } from '../fakes/spreadsheet';

const CHROMIUM = '/usr/bin/chromium';
const grid = Papa.parse<string[]>(
  readFileSync(new URL('../../examples/campaigns-en.csv', import.meta.url), 'utf8'),
  {
    skipEmptyLines: true,
  },
).data;

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

describe.skipIf(!existsSync(CHROMIUM))('templates panel in a browser', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
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

  it('saves a template in A, exports it, imports it in B, and both build the same report', async () => {
    await page.evaluate(() =>
      (window as unknown as { mountInto: (w: string) => Promise<void> }).mountInto('a'),
    );
    await page.getByText('Paid search', { exact: true }).waitFor();
    // Duplicate the built-in "Paid search": a saved template in spreadsheet A.
    await page.locator('li[data-id="paid-search"] button', { hasText: 'Duplicate' }).click();
    const saved = page.locator('ul.saved li[data-id="paid-search-copy"]');
    await saved.waitFor();
    expect(await saved.locator('.template-name').textContent()).toBe('Paid search (copy)');
    expect(worlds.a.sheet('Mizan templates').hidden).toBe(true);

    // Export it from A.
    await saved.locator('button', { hasText: 'Export' }).click();
    const text = await page.locator('textarea.template-export').inputValue();
    expect(JSON.parse(text)).toMatchObject({ schemaVersion: 1, id: 'paid-search-copy' });

    // Import the text into B through the same panel mounted on B.
    await page.evaluate(() =>
      (window as unknown as { mountInto: (w: string) => Promise<void> }).mountInto('b'),
    );
    await page.locator('textarea.template-import').fill(text);
    await page.locator('.template-import-box button').click();
    await page.getByText('Imported "Paid search (copy)".').waitFor();
    await page.locator('ul.saved li[data-id="paid-search-copy"]').waitFor();

    // "Use" says which template to the report panel.
    await page.locator('ul.saved li[data-id="paid-search-copy"] button', { hasText: 'Use' }).click();
    expect(await page.evaluate(() => (window as unknown as { used: string }).used)).toBe('paid-search-copy');

    // The same report from either spreadsheet's copy of the template.
    const report = (rpc: TemplateRpc) => {
      const got = rpc.getTemplate('paid-search-copy');
      if (!got.ok) throw new Error('template missing');
      const base = { sourceName: 'Campaigns', lang: 'en' as const };
      const first = buildReport(grid, base);
      if (!first.ok) throw new Error('no report');
      const r = buildReport(grid, templateToReportOptions(got.template, base, first.model.mapping).options);
      if (!r.ok) throw new Error('no report');
      return r.model;
    };
    const fromA = report(rpcs.a);
    const fromB = report(rpcs.b);
    expect(fromB.blocks).toEqual(fromA.blocks);
    expect(fromB.template).toEqual({ id: 'paid-search-copy', name: 'Paid search (copy)' });
  });

  it('a bad import lists each problem and saves nothing', async () => {
    const before = rpcs.b.listTemplates('en').saved.length;
    await page.locator('textarea.template-import').fill('{"schemaVersion": 9}');
    await page.locator('.template-import-box button').click();
    await page.locator('.status li').first().waitFor();
    expect(await page.locator('.status li').allTextContents()).toEqual([
      'schemaVersion: is 9: the template was made by a newer version of Mizan, and this one reads schema 1 and older; update Mizan to import it',
    ]);
    expect(rpcs.b.listTemplates('en').saved.length).toBe(before);
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
