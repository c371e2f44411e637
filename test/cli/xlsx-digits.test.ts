/**
 * What an .xlsx can do about digit shapes (docs/digits.md): Excel's numeral prefix, given with a
 * locale ([$-2000401], [$-3000429]), makes LibreOffice show Arabic-Indic and Persian digits;
 * without the locale ([$-2000000]) it does not. Checked in the PDF LibreOffice prints, on a
 * sheet of its own and on the example reports, whose number cells carry the prefix in ar and fa.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { withLocalDigits } from '../../src/core/i18n/digits';
import { runReport } from '../helpers/cli-run';
import { convertWithLibreOffice, sofficePath } from './libreoffice';
import { convertAll, letters, pdfLetters } from './xlsx-package';

const soffice = sofficePath();
const onCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
const run = soffice !== null || onCi;
if (!run) console.warn('\n!!! SKIPPED: the .xlsx digit-shape test: `soffice` not found. It runs on CI.\n');

describe('the numeral prefix of a number format', () => {
  it('goes before each section, only for Arabic and Persian, and never twice', () => {
    expect(withLocalDigits('#,##0.00', 'en')).toBe('#,##0.00');
    expect(withLocalDigits('0.00%', 'ar')).toBe('[$-2000401]0.00%');
    expect(withLocalDigits('+0.0%;-0.0%;0.0%', 'fa')).toBe(
      '[$-3000429]+0.0%;[$-3000429]-0.0%;[$-3000429]0.0%',
    );
    expect(withLocalDigits('[$-3000429]0.00', 'fa')).toBe('[$-3000429]0.00');
    expect(withLocalDigits('@', 'fa')).toBe('@');
  });
});

describe.skipIf(!run)('LibreOffice shows the digits the prefix asks for', () => {
  it('Arabic-Indic for ar, Persian for fa, Latin without a locale', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mizan-digits-'));
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Digits');
    sheet.getColumn(1).width = 30;
    const cells: [number, string][] = [
      [1234.5, withLocalDigits('#,##0.00', 'ar')],
      [1234.5, withLocalDigits('#,##0.00', 'fa')],
      [0.0666, withLocalDigits('0.00%', 'fa')],
      [1234.5, '[$-2000000]#,##0.00'],
    ];
    cells.forEach(([v, f], i) => {
      const c = sheet.getCell(i + 1, 1);
      c.value = v;
      c.numFmt = f;
    });
    const xlsx = join(dir, 'digits.xlsx');
    await book.xlsx.writeFile(xlsx);
    const pdf = convertWithLibreOffice(xlsx, 'pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const lines = text
      .split('\n')
      .map((l) => l.replace(/[\u200e\u200f\u202a-\u202e]/g, '').trim())
      .filter((l) => l !== '');
    // 1234.5 in Arabic-Indic and Persian digits with the Arabic separators; 6.66% in Persian digits.
    expect(lines).toEqual(['١٬٢٣٤٫٥٠', '۱٬۲۳۴٫۵۰', '۶٫۶۶%', '1,234.50']);
  }, 120_000);
});

/** The example's column as numbers, read here by hand: Persian and Arabic-Indic digits, ٬ and , grouping, ٫ decimals. */
function exampleColumn(lang: string, index: number): number[] {
  const text = readFileSync(example(`campaigns-${lang}.csv`), 'utf8').replace(/^\ufeff/, '');
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.slice(1);
  return rows.map((r) => {
    const latin = String(r[index])
      .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
      .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/[٬,]/g, '')
      .replace('٫', '.');
    const n = Number(latin);
    if (!Number.isFinite(n)) throw new Error(`${lang}: "${r[index]}" is not a number`);
    return n;
  });
}

const example = (name: string) => fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** "78,713.56" with `decimals`, grouped, in the digits given by `zero` (0x30 Latin, 0x660, 0x6f0). */
function written(n: number, decimals: number, zero: number): string {
  const latin = n.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  if (zero === 0x30) return latin;
  return latin
    .replace(/[0-9]/g, (d) => String.fromCharCode(zero + Number(d)))
    .replace(/,/g, '\u066C')
    .replace('.', '\u066B');
}

describe.skipIf(!run)('the example reports print their numbers in the language’s digits', () => {
  const pdfs = new Map<string, string>();

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mizan-digits-report-'));
    const books: string[] = [];
    for (const lang of ['en', 'fa', 'ar']) {
      const out = join(dir, `${lang}.xlsx`);
      const r = await runReport([example(`campaigns-${lang}.csv`), '--out', out, '-q'], dir);
      if (r.status !== 0) throw new Error(r.err);
      books.push(out);
    }
    convertAll(books, 'pdf').forEach((pdf, i) => {
      pdfs.set(['en', 'fa', 'ar'][i] as string, pdf);
    });
  }, 240_000);

  // Columns of the examples (the same in every language): D cost, F clicks.
  const cpc = (lang: string) => sum(exampleColumn(lang, 3)) / sum(exampleColumn(lang, 5));

  it('fa: the total cost per click in Persian digits, whole toman', () => {
    const text = pdfLetters(pdfs.get('fa') as string);
    const shown = written(cpc('fa'), 0, 0x6f0);
    expect(shown).toMatch(/^[۰-۹]{2}٬[۰-۹]{3}$/);
    expect(text).toContain(letters(shown));
    expect(text).not.toContain(written(cpc('fa'), 0, 0x30));
  });

  it('ar: the total cost per click in Arabic-Indic digits, two decimals', () => {
    const text = pdfLetters(pdfs.get('ar') as string);
    const shown = written(cpc('ar'), 2, 0x660);
    expect(shown).toMatch(/^[٠-٩]+٫[٠-٩]{2}$/);
    expect(text).toContain(letters(shown));
    expect(text).not.toContain(written(cpc('ar'), 2, 0x30));
  });

  it.each(['en', 'fa', 'ar'])(
    '%s: every number is shown whole on both sheets (no "###": the columns fit)',
    (lang) => {
      expect(pdfLetters(pdfs.get(lang) as string)).not.toContain('###');
    },
  );

  it('en: Latin digits, and no other digits anywhere in the workbook', () => {
    const text = pdfLetters(pdfs.get('en') as string);
    expect(text).toContain(written(cpc('en'), 2, 0x30));
    expect(text).not.toMatch(/[٠-٩۰-۹]/);
  });
});
