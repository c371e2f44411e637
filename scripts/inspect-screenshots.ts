/**
 * `npm run screenshots:inspect`: the dev page's /inspect view of the bundled example's report
 * tab, built through the sidebar's own entry point on the fake spreadsheet, in English, Persian
 * and Arabic, photographed with Debian's Chromium into docs/screenshots/inspect-{en,fa,ar}.png.
 *
 * Options: --out <folder> (default docs/screenshots/).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../src/core/i18n/lang';
import { rpc } from '../src/server/engine';
import type { GenerateResult } from '../src/shared/rpc';
import { launchChromium } from '../test/helpers/browser';
import { DevServer } from './dev-server';

const ROOT = new URL('../', import.meta.url);
const LOCALES: Readonly<Record<Lang, string>> = { en: 'en_US', fa: 'fa_IR', ar: 'ar_SA' };

/**
 * A dev server holding examples/campaigns-<lang>.csv and the report the sidebar builds from it
 * (live formulas, no template); returns the server and the report tab's name.
 */
export function exampleReport(lang: Lang): { dev: DevServer; tab: string } {
  const dev = new DevServer({ csv: `examples/campaigns-${lang}.csv`, locale: LOCALES[lang] });
  dev.world.install();
  const result = rpc.generateReport({
    sheetId: dev.world.sheet('Campaigns').id,
    lang,
    formulas: 'live',
    placement: 'update',
  }) as GenerateResult;
  if (!result.ok) throw new Error(`The ${lang} example report was not built: ${JSON.stringify(result)}`);
  return { dev, tab: result.sheetName };
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--out');
  const out = new URL(i >= 0 ? `${process.argv[i + 1]?.replace(/\/?$/, '/')}` : 'docs/screenshots/', ROOT);
  mkdirSync(out, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const lang of ['en', 'fa', 'ar'] as const) {
      const { dev, tab } = exampleReport(lang);
      const port = await dev.listen(0);
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(`http://127.0.0.1:${port}/inspect?sheet=${encodeURIComponent(tab)}`);
      const file = fileURLToPath(new URL(`inspect-${lang}.png`, out));
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
      await page.close();
      await dev.close();
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
