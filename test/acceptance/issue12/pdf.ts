/**
 * LibreOffice → PDF and poppler (pdfinfo, pdftotext, pdftoppm) helpers for the print checks, and
 * the package edits that make "the report sheet alone" printable on a chosen paper: other sheets
 * hidden (LibreOffice prints no hidden sheet), the paper size of the report's <pageSetup>
 * (ECMA-376 18.3.1.63: 1 = Letter, 9 = A4), optionally the report's drawing (charts) removed to
 * compare renders with and without it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';

export const HAS_SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

export async function reportOnlyCopy(
  src: string,
  dst: string,
  opts: { paper: 'A4' | 'Letter'; withoutDrawing?: boolean },
): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(src));
  const wbPath = 'xl/workbook.xml';
  let wb = (await zip.file(wbPath)?.async('string')) ?? '';
  let index = 0;
  wb = wb.replace(/<sheet\s[^>]*?\/>/g, (tag) => {
    const first = index++ === 0;
    const cleaned = tag.replace(/\sstate="[^"]*"/, '');
    return first ? cleaned : cleaned.replace(/\/>$/, ' state="hidden"/>');
  });
  zip.file(wbPath, wb);
  const sheetPath = 'xl/worksheets/sheet1.xml';
  let sheet = (await zip.file(sheetPath)?.async('string')) ?? '';
  const size = opts.paper === 'A4' ? '9' : '1';
  if (/<pageSetup\b[^>]*\bpaperSize="/.test(sheet)) {
    sheet = sheet.replace(/(<pageSetup\b[^>]*\bpaperSize=")\d+"/, `$1${size}"`);
  } else {
    sheet = sheet.replace(/<pageSetup\b/, `<pageSetup paperSize="${size}"`);
  }
  if (opts.withoutDrawing) sheet = sheet.replace(/<drawing\s[^>]*\/>/g, '');
  zip.file(sheetPath, sheet);
  writeFileSync(dst, await zip.generateAsync({ type: 'nodebuffer' }));
}

/** Converts every file in one LibreOffice run, with a profile of its own (others may run soffice). */
export function convertToPdf(files: string[], outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'mizan-i12-lo-'));
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...files,
    ],
    { encoding: 'utf8', timeout: 300_000 },
  );
  rmSync(profile, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
}

export function pdfInfo(pdf: string): { pages: number; width: number; height: number } {
  const out = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1] ?? Number.NaN);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** Text of one page (1-based), bidi control characters removed. */
export function pageText(pdf: string, page: number, layout = false): string {
  const args = ['-f', String(page), '-l', String(page), ...(layout ? ['-layout'] : []), pdf, '-'];
  return stripBidi(spawnSync('pdftotext', args, { encoding: 'utf8' }).stdout);
}

export function stripBidi(s: string): string {
  return s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

export interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  text: string;
}

/** Every word with its box, in the order poppler finds them. */
export function pdfWords(pdf: string): Word[] {
  const out = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
  const words: Word[] = [];
  out
    .split('<page ')
    .slice(1)
    .forEach((p, i) => {
      for (const m of p.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
      )) {
        words.push({
          page: i + 1,
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          text: m[4] ?? '',
        });
      }
    });
  return words;
}

/** Page 1 rendered as an 8-bit grey image (PGM from pdftoppm). */
export function renderGrey(pdf: string, dpi = 40): { width: number; height: number; pixels: Uint8Array } {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-i12-ppm-'));
  const base = join(dir, 'p');
  const r = spawnSync('pdftoppm', [
    '-f',
    '1',
    '-l',
    '1',
    '-r',
    String(dpi),
    '-gray',
    '-singlefile',
    pdf,
    base,
  ]);
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  const buf = readFileSync(`${base}.pgm`);
  rmSync(dir, { recursive: true, force: true });
  // Header: "P5\n<w> <h>\n<max>\n" then bytes.
  const head = buf.subarray(0, 64).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(head);
  if (!m) throw new Error('not a PGM');
  const width = Number(m[1]);
  const height = Number(m[2]);
  return { width, height, pixels: buf.subarray(m[0].length, m[0].length + width * height) };
}
