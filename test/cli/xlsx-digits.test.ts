/**
 * What an .xlsx can do about digit shapes (docs/digits.md): Excel's numeral prefix, given with a
 * locale ([$-2000401], [$-3000429]), makes LibreOffice show Arabic-Indic and Persian digits;
 * without the locale ([$-2000000]) it does not. Checked in the PDF LibreOffice prints.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { withLocalDigits } from '../../src/core/i18n/digits';
import { convertWithLibreOffice, sofficePath } from './libreoffice';

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
