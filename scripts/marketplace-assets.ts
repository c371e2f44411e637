/**
 * `npm run marketplace`: the Google Workspace Marketplace listing's images, made from the
 * repository's own sources with Debian's Chromium (docs/publishing.md says what each is for):
 *
 *   marketplace/icon-{32,48,96,128}.png    marketplace/icon.svg at each size
 *   marketplace/card-banner-220x140.png    the icon and the name
 *   marketplace/screenshot-{en,ar,fa}.png  1280×800: the real built sidebar (dist/Sidebar.html on
 *                                          the dev server's fake spreadsheet, after building the
 *                                          report) beside the .xlsx report of the same example
 *                                          campaign as LibreOffice renders it
 *
 * Needs dist/ (run `node build.mjs` first; `npm run marketplace` does), /usr/bin/chromium,
 * soffice and pdftoppm. Writes only into marketplace/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { main as cli } from '../src/cli/main';
import { convertWithLibreOffice } from '../test/cli/libreoffice';
import { launchChromium } from '../test/helpers/browser';
import { DevServer } from './dev-server';

const ROOT = new URL('../', import.meta.url);
const OUT = new URL('marketplace/', ROOT);
export const ICON_SIZES = [32, 48, 96, 128] as const;
export const LANGS = ['en', 'ar', 'fa'] as const;
type Lang = (typeof LANGS)[number];

/** How the dev server's fake spreadsheet is set up per language, as the browser tests do. */
const WORLD: Record<Lang, { locale: string; sheetName: string }> = {
  en: { locale: 'en_US', sheetName: 'Campaigns' },
  ar: { locale: 'ar_SA', sheetName: 'بيانات الحملة' },
  fa: { locale: 'fa_IR', sheetName: 'داده‌های کمپین' },
};

interface ScreenshotText {
  readonly headline: string;
  readonly sidebar: string;
  readonly report: string;
}
interface Listing {
  readonly storeListing: { readonly applicationName: string };
  readonly screenshotText: Record<Lang, ScreenshotText>;
}

const listing = JSON.parse(readFileSync(new URL('listing.json', OUT), 'utf8')) as Listing;
const svg = readFileSync(new URL('icon.svg', OUT), 'utf8');
/** One built-in template for both pictures, so the sidebar built the report shown beside it. */
const TEMPLATE = 'paid-search';
/** The sidebar's height in the 1280×800 picture: 800 less the header, captions and margins. */
const SIDEBAR_HEIGHT = 636;
const FONT = `'Noto Sans', 'Noto Sans Arabic', sans-serif`;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const dataUrl = (png: Buffer): string => `data:image/png;base64,${png.toString('base64')}`;
/** The SVG at any size: its width and height attributes give way to the box it sits in. */
const inlineIcon = (size: number): string =>
  svg.replace(/width="128" height="128"/, `width="${size}" height="${size}"`);

async function write(page: Page, name: string, omitBackground: boolean): Promise<void> {
  const path = new URL(name, OUT).pathname;
  await page.screenshot({ path, omitBackground });
  console.log(`marketplace: ${name}`);
}

async function icons(page: Page): Promise<void> {
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!DOCTYPE html><html><body style="margin:0;background:transparent">${inlineIcon(size)}</body></html>`,
    );
    // Transparent outside the tile's rounded corners.
    await write(page, `icon-${size}.png`, true);
  }
}

async function cardBanner(page: Page): Promise<void> {
  await page.setViewportSize({ width: 220, height: 140 });
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0;width:220px;height:140px;
    background:#e6f2ef;display:flex;align-items:center;gap:14px;padding:0 16px;box-sizing:border-box;
    font-family:${FONT};color:#0f4d45">
    <div style="flex:none;line-height:0">${inlineIcon(76)}</div>
    <div><div style="font-size:30px;font-weight:700;line-height:1.1">Mizan</div>
    <div style="font-size:17px;line-height:1.5">ميزان · میزان</div>
    <div style="font-size:12px">Marketing KPIs</div></div></body></html>`);
  await write(page, 'card-banner-220x140.png', false);
}

/** The sidebar after building the paid-search report of the example campaign: its top, as seen. */
async function sidebarPng(browser: Browser, lang: Lang): Promise<Buffer> {
  const dev = new DevServer({ csv: `examples/campaigns-${lang}.csv`, ...WORLD[lang] });
  const port = await dev.listen(0);
  const page = await browser.newPage({ viewport: { width: 300, height: SIDEBAR_HEIGHT } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForSelector('#columns li');
    await page.selectOption('#template', TEMPLATE);
    await page.click('#generate');
    await page.waitForSelector('#result:not([hidden])');
    await page.evaluate('window.scrollTo(0, 0)');
    const spoken = await page.evaluate('document.documentElement.lang');
    if (spoken !== lang) throw new Error(`the sidebar speaks "${String(spoken)}", not "${lang}"`);
    if (errors.length) throw new Error(`the sidebar threw: ${errors.join('; ')}`);
    return await page.screenshot();
  } finally {
    await page.close();
    await dev.close();
  }
}

/**
 * The resolution at which the PDF's text comes out at screen size (about 14 px for its typical
 * word), whatever print scaling LibreOffice applied to fit the page: from the words' heights.
 */
function readableDpi(pdf: string, wordsFile: string): number {
  execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, wordsFile]);
  const heights = [
    ...readFileSync(wordsFile, 'utf8').matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g),
  ]
    .map((m) => Number(m[2]) - Number(m[1]))
    .sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)];
  if (!median) throw new Error(`${pdf}: no text found on the first page`);
  return Math.min(600, Math.max(60, Math.round((72 * 14) / median)));
}

/**
 * The .xlsx report of the same campaign and template, first page, as LibreOffice prints it,
 * rendered so that its text is at screen size.
 */
async function reportPng(lang: Lang): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-marketplace-'));
  const xlsx = join(dir, `report-${lang}.xlsx`);
  const io = {
    out: () => {},
    err: (t: string) => process.stderr.write(t),
    tty: false,
    color: false,
    cwd: new URL('.', ROOT).pathname,
  };
  const status = await cli(
    [`examples/campaigns-${lang}.csv`, '--template', TEMPLATE, '--lang', lang, '--out', xlsx, '--quiet'],
    io,
  );
  if (status !== 0) throw new Error(`mizan report examples/campaigns-${lang}.csv exited ${status}`);
  const pdf = convertWithLibreOffice(xlsx, 'pdf');
  const prefix = join(dir, `report-${lang}`);
  const dpi = String(readableDpi(pdf, `${prefix}.words.html`));
  execFileSync('pdftoppm', ['-png', '-r', dpi, '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  return readFileSync(`${prefix}.png`);
}

function screenshotHtml(lang: Lang, sidebar: Buffer, report: Buffer): string {
  const text = listing.screenshotText[lang];
  const rtl = lang !== 'en';
  return `<!DOCTYPE html><html lang="${lang}" dir="${rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><style>
  body { margin:0; width:1280px; height:800px; overflow:hidden; background:#eef3f2; font-family:${FONT}; color:#202124 }
  header { height:96px; display:flex; align-items:center; gap:18px; padding:0 32px; background:#0f6e63; color:#fff }
  header h1 { margin:0; font-size:30px; font-weight:700 }
  header .name { font-size:15px; opacity:.9 }
  main { display:flex; gap:24px; padding:18px 32px 0; height:686px; box-sizing:border-box }
  figure { margin:0; display:flex; flex-direction:column; gap:8px }
  figcaption { font-size:16px; font-weight:600; color:#0f4d45; height:24px }
  .frame { background:#fff; border:1px solid #c9d4d2; border-radius:6px; overflow:hidden; box-shadow:0 2px 8px #0002 }
  .report { flex:1; min-width:0 }
  .frame { height:${SIDEBAR_HEIGHT + 2}px; box-sizing:border-box }
  .report .frame { display:flex; align-items:flex-start; justify-content:center; padding:10px }
  .sidebar { align-items:flex-end }
  .sidebar .frame { width:302px }
  .sidebar img { display:block }
  </style></head><body>
  <header>${inlineIcon(64)}<div><h1>${escapeHtml(text.headline)}</h1>
    <div class="name">${escapeHtml(listing.storeListing.applicationName)}</div></div></header>
  <main>
    <figure class="report"><figcaption>${escapeHtml(text.report)}</figcaption>
      <div class="frame"><canvas id="report"></canvas></div></figure>
    <figure class="sidebar"><figcaption>${escapeHtml(text.sidebar)}</figcaption>
      <div class="frame"><img src="${dataUrl(sidebar)}" width="300"></div></figure>
  </main>
  <img id="page" src="${dataUrl(report)}" hidden>
  </body></html>`;
}

/**
 * Draws the report page's printed area (the page less its white margins, found from the
 * pixels) into the report frame at one pixel per pixel: its top-left corner, or its top-right one
 * for a right-to-left report, as much as fits, like a sheet seen at 100%. Plain JavaScript for the
 * page: this script is type-checked without the DOM library.
 */
const DRAW_REPORT = `(async () => {
  const img = document.getElementById('page');
  await img.decode();
  const src = document.createElement('canvas');
  src.width = img.naturalWidth;
  src.height = img.naturalHeight;
  const sctx = src.getContext('2d');
  sctx.drawImage(img, 0, 0);
  const { data, width, height } = sctx.getImageData(0, 0, src.width, src.height);
  let [left, top, right, bottom] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  if (right < 0) throw new Error('the report page is blank');
  const canvas = document.getElementById('report');
  const box = canvas.parentElement.getBoundingClientRect();
  const w = Math.min(right - left + 1, Math.floor(box.width - 20));
  const h = Math.min(bottom - top + 1, Math.floor(box.height - 20));
  const x = document.documentElement.dir === 'rtl' ? right + 1 - w : left;
  canvas.width = w;
  canvas.height = h;
  canvas.getContext('2d').drawImage(src, x, top, w, h, 0, 0, w, h);
})()`;

async function screenshots(browser: Browser): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  for (const lang of LANGS) {
    const [sidebar, report] = [await sidebarPng(browser, lang), await reportPng(lang)];
    await page.setContent(screenshotHtml(lang, sidebar, report));
    await page.evaluate(DRAW_REPORT);
    await write(page, `screenshot-${lang}.png`, false);
  }
  await page.close();
}

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await icons(page);
  await cardBanner(page);
  await page.close();
  await screenshots(browser);
} finally {
  await browser.close();
}
