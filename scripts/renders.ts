/**
 * `npm run renders`: the .xlsx report of the bundled example in English, Persian and Arabic as
 * LibreOffice prints it, for docs/screenshots/report-{en,fa,ar}.png (the report sheet's first
 * page; report-<lang>-2.png and -3.png for its next pages, when it has them).
 *
 * Each report is made as a user makes it, with `node bin/mizan.mjs report
 * examples/campaigns-<lang>.csv --out <tmp>`; English adds `--template examples/template-en.json`,
 * the template `npm run report` uses for that example (Persian and Arabic have none). LibreOffice
 * recalculates every formula on load (test/cli/libreoffice.ts), prints the workbook to PDF, and
 * the report sheet's pages are told from the PDF's sheet bookmarks (pdftohtml -xml), so the
 * source-data sheet printed after it is left out. Pages are drawn with `pdftoppm -r 60`.
 *
 * Options: --out <folder> (default docs/screenshots/), --pages N (default 3).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../src/core/i18n/lang';
import { convertWithLibreOffice } from '../test/cli/libreoffice';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The extra arguments that make each language's report as the README's example does. */
const EXTRA: Readonly<Record<Lang, readonly string[]>> = {
  en: ['--template', 'examples/template-en.json'],
  fa: [],
  ar: [],
};

/** A PDF's bookmarks as (title, first page), from pdftohtml's XML outline. */
export function pdfBookmarks(xml: string): { title: string; page: number }[] {
  const outline = /<outline>([\s\S]*?)<\/outline>/.exec(xml)?.[1] ?? '';
  return [...outline.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => ({
    title: (m[2] as string).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
    page: Number(m[1]),
  }));
}

/** The first sheet's pages (the report's: the writer puts it first), from the bookmarks. */
export function firstSheetPages(
  bookmarks: readonly { title: string; page: number }[],
  pageCount: number,
): { title: string; first: number; last: number } {
  const [report, next] = bookmarks;
  if (!report) throw new Error('The PDF has no sheet bookmarks, so the report sheet cannot be told apart');
  return { title: report.title, first: report.page, last: next ? next.page - 1 : pageCount };
}

function pageCountOf(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return pages;
}

function render(lang: Lang, work: string, out: string, maxPages: number): string[] {
  const xlsx = join(work, `report-${lang}.xlsx`);
  execFileSync(
    process.execPath,
    ['bin/mizan.mjs', 'report', `examples/campaigns-${lang}.csv`, '--out', xlsx, ...EXTRA[lang]],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const pdf = convertWithLibreOffice(xlsx, 'pdf');
  const sheet = firstSheetPages(
    pdfBookmarks(execFileSync('pdftohtml', ['-xml', '-i', '-stdout', pdf], { encoding: 'utf8' })),
    pageCountOf(pdf),
  );
  const last = Math.min(sheet.last, sheet.first + maxPages - 1);
  const prefix = join(work, `page-${lang}`);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(sheet.first), '-l', String(last), pdf, prefix]);
  // Earlier runs' extra pages go, so no stale page is left beside the new ones.
  for (const f of readdirSync(out))
    if (new RegExp(`^report-${lang}-\\d+\\.png$`).test(f)) rmSync(join(out, f));
  const written: string[] = [];
  const made = readdirSync(work)
    .filter((f) => f.startsWith(`page-${lang}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)?.[1]) - Number(/-(\d+)\.png$/.exec(b)?.[1]));
  made.forEach((f, i) => {
    const target = join(out, i === 0 ? `report-${lang}.png` : `report-${lang}-${i + 1}.png`);
    renameSync(join(work, f), target);
    written.push(target);
  });
  console.log(
    `${lang}: sheet "${sheet.title}" is pages ${sheet.first}–${sheet.last} of the PDF; drew ${written.length}: ${written.join(', ')}`,
  );
  return written;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = resolve(ROOT, option('out') ?? 'docs/screenshots');
  if (!existsSync(out)) mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'mizan-renders-'));
  try {
    for (const lang of ['en', 'fa', 'ar'] as const) render(lang, work, out, Number(option('pages') ?? 3));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
