/**
 * The report prints as a document (issue 12): landscape, every column on the page's width, the
 * title rows repeated on each page, and the report sheet alone on at most 3 pages, A4 or Letter,
 * in every language.
 *
 * How the report sheet's pages are counted: LibreOffice's PDF export prints every visible sheet,
 * while a user printing the report tab prints that tab only. So the count is of a copy of the
 * workbook with every other sheet hidden (LibreOffice prints no hidden sheet), and, on the English
 * example, the full workbook's pages are checked to be exactly the report-only copy's plus a
 * source-only copy's: hiding removes a sheet's pages and nothing else.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../helpers/cli-run';
import { sofficePath } from './libreoffice';
import {
  convertAll,
  editedCopy,
  letters,
  part,
  pdfLetters,
  pdfPages,
  sheetNames,
  sheetPart,
  sheetValues,
} from './xlsx-package';

const soffice = sofficePath();
const onCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
const withLibreOffice = soffice !== null || onCi;
if (!withLibreOffice) {
  console.warn(
    '\n!!! SKIPPED: LibreOffice page counts: `soffice` not found (apt-get install libreoffice-calc-nogui). They run on CI.\n',
  );
}

const dir = mkdtempSync(join(tmpdir(), 'mizan-print-'));
const LANGS = ['en', 'fa', 'ar'] as const;
const workbooks = new Map<string, string>();

beforeAll(async () => {
  const odd = join(dir, "Bob's campaigns.csv");
  copyFileSync(fileURLToPath(new URL('../../examples/campaigns-en.csv', import.meta.url)), odd);
  const inputs: [string, string][] = [
    ...LANGS.map((l): [string, string] => [
      l,
      fileURLToPath(new URL(`../../examples/campaigns-${l}.csv`, import.meta.url)),
    ]),
    ['apostrophe', odd],
  ];
  for (const [name, input] of inputs) {
    const out = join(dir, `${name}.xlsx`);
    const run = await runReport([input, '--out', out, '-q'], dir);
    if (run.status !== 0) throw new Error(`mizan report ${input}: ${run.err}`);
    workbooks.set(name, out);
  }
}, 60_000);

const book = (name: string) => workbooks.get(name) as string;

function attrsOf(xml: string, tag: string): Record<string, string> {
  const m = new RegExp(`<${tag}\\b([^>]*)/?>`).exec(xml);
  if (!m) throw new Error(`no <${tag}>`);
  return Object.fromEntries([...(m[1] as string).matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
}

describe('the report sheet’s print settings', () => {
  it.each(LANGS)('%s: landscape A4, fit to one page wide and as many pages down as needed', (lang) => {
    const path = book(lang);
    const xml = part(path, sheetPart(path, sheetNames(path)[0] as string));
    expect(attrsOf(xml, 'pageSetUpPr').fitToPage).toBe('1');
    const setup = attrsOf(xml, 'pageSetup');
    expect(setup.orientation).toBe('landscape');
    expect(setup.paperSize).toBe('9');
    expect(setup.fitToWidth).toBe('1');
    expect(setup.fitToHeight).toBe('0');
  });

  it.each([...LANGS, 'apostrophe'])(
    '%s: the title rows repeat on every page (print titles of the report sheet)',
    (name) => {
      const path = book(name);
      const sheet = sheetNames(path)[0] as string;
      const titles = /<definedName name="_xlnm\.Print_Titles" localSheetId="0">([^<]*)<\/definedName>/.exec(
        part(path, 'xl/workbook.xml'),
      )?.[1];
      const quoted = sheet.replace(/'/g, "''").replace(/&/g, '&amp;').replace(/'/g, '&apos;');
      expect(titles).toBe(`&apos;${quoted}&apos;!$1:$2`);
    },
  );
});

describe('wrapped header rows', () => {
  it('a KPI name that wraps gets a row tall enough for its lines (not cut to the last one)', () => {
    const path = book('en');
    const sheet = sheetNames(path)[0] as string;
    const cells = sheetValues(path, sheet);
    // The table header (column A holds the same name as a totals label, in a row of its own).
    const header = [...cells].find(
      ([ref, v]) => v === 'Click-through rate (CTR)' && !ref.startsWith('A'),
    )?.[0] as string;
    const row = /\d+$/.exec(header)?.[0];
    const xml = part(path, sheetPart(path, sheet));
    const tag = new RegExp(`<row r="${row}"[^>]*>`).exec(xml)?.[0] ?? '';
    const attrs = Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    // By hand, in columns of 130 px = 18.57 characters with bold text 1.1 wide: "Click-through"
    // (14.3) fills a line, "rate (CTR)" (4.4 + 1 + 5.5) the next; the same row's "Customer
    // acquisition cost (CAC)" takes three ("Customer" 9.9 | "acquisition cost" 12.1 + 1 + 4.4 |
    // "(CAC)"): 3 lines of 13 pt + 3 = 42 pt.
    expect(
      [...cells].some(
        ([ref, v]) => v === 'Customer acquisition cost (CAC)' && new RegExp(`^[A-Z]+${row}$`).test(ref),
      ),
    ).toBe(true);
    expect(attrs.ht).toBe('42');
    expect(attrs.customHeight).toBe('1');
  });
});

/** A copy where only the sheets `keep` says are visible, on the given paper (Excel's paperSize codes). */
function copyShowing(path: string, out: string, keep: (index: number) => boolean, paperSize = '9') {
  let index = 0;
  return editedCopy(path, out, (name, text) => {
    if (name === 'xl/workbook.xml') {
      let active = -1;
      const hidden = text.replace(/<sheet\b[^>]*>/g, (tag) => {
        const i = index++;
        if (keep(i)) {
          if (active < 0) active = i;
          return tag;
        }
        return tag.replace(/state="[^"]*"/, 'state="hidden"');
      });
      // The active tab is shown even when hidden: the first kept sheet becomes the active one.
      if (/<bookViews>/.test(hidden)) throw new Error('workbook.xml has bookViews: edit activeTab there');
      return hidden.replace(
        '<sheets>',
        `<bookViews><workbookView activeTab="${active}"/></bookViews><sheets>`,
      );
    }
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      return text.replace(/paperSize="\d+"/, `paperSize="${paperSize}"`);
    return text;
  });
}

const A4 = { width: 841.89, height: 595.3 };
const LETTER = { width: 792, height: 612 };

describe.skipIf(!withLibreOffice)('LibreOffice prints the report sheet on at most 3 landscape pages', () => {
  const pdfs = new Map<string, string>();

  beforeAll(async () => {
    const copies: [string, string][] = [];
    for (const lang of LANGS) {
      copies.push([
        `${lang}-a4`,
        await copyShowing(book(lang), join(dir, `${lang}-a4.xlsx`), (i) => i === 0),
      ]);
      copies.push([
        `${lang}-letter`,
        await copyShowing(book(lang), join(dir, `${lang}-letter.xlsx`), (i) => i === 0, '1'),
      ]);
    }
    copies.push(['en-source', await copyShowing(book('en'), join(dir, 'en-source.xlsx'), (i) => i !== 0)]);
    copies.push(['en-all', book('en')]);
    const out = convertAll(
      copies.map(([, p]) => p),
      'pdf',
    );
    copies.forEach(([name], i) => {
      pdfs.set(name, out[i] as string);
    });
  }, 240_000);

  it.each(LANGS)('%s: A4 and Letter, at most 3 landscape pages each', (lang) => {
    for (const [paper, size] of [
      ['a4', A4],
      ['letter', LETTER],
    ] as const) {
      const pdf = pdfPages(pdfs.get(`${lang}-${paper}`) as string);
      expect(pdf.pages, `${lang} ${paper}`).toBeGreaterThanOrEqual(1);
      expect(pdf.pages, `${lang} ${paper}`).toBeLessThanOrEqual(3);
      expect(pdf.width).toBeCloseTo(size.width, 0);
      expect(pdf.height).toBeCloseTo(size.height, 0);
    }
  });

  it('the report-only copy is the report: its pages plus the source’s make the whole workbook’s', () => {
    const report = pdfPages(pdfs.get('en-a4') as string).pages;
    const source = pdfPages(pdfs.get('en-source') as string).pages;
    expect(source).toBeGreaterThan(0);
    expect(pdfPages(pdfs.get('en-all') as string).pages).toBe(report + source);
    const text = pdfLetters(pdfs.get('en-a4') as string);
    expect(text.includes(letters(sheetNames(book('en'))[0] as string))).toBe(true);
  });
});
