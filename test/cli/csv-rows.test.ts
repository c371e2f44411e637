/**
 * The fast CSV reader must give exactly papaparse's rows (papaparse is the reference: the engine's
 * reading of every real export was pinned on its rows), or hand the text back (null) when a quote
 * is unusual. Compared on every real export in the corpus and on random texts full of quotes,
 * delimiters and line breaks.
 */
import { Buffer } from 'node:buffer';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DELIMITERS, detectDelimiter, parseCsv, parseCsvBytes } from '../../src/cli/csv';
import { readByteColumns } from '../../src/cli/csv-columns';
import { lineBreak, plainDecimal, plainInteger, readRows } from '../../src/cli/csv-rows';
import { decodeText } from '../../src/cli/decode';
import { measureNumbers } from '../../src/cli/main';
import { readInput } from '../../src/cli/read-input';
import { buildReport } from '../../src/core/report';
import { reportJsonText } from '../../src/core/report/json';
import type { ReportOptions } from '../../src/core/report/options';
import { rowsOf } from '../../src/core/table/table';

const papa = (text: string, delimiter: string) => Papa.parse<string[]>(text, { delimiter });

/** The byte reader's cells as rows; like parseCsv, it leaves out the blank rows at the end. */
function byteRows(bytes: Buffer, delimiter: string, newline: '\n' | '\r\n' | '\r') {
  const table = readByteColumns(bytes, delimiter, newline);
  return table === null ? null : rowsOf(table);
}

const blankRow = (row: readonly unknown[]) => row.every((c) => typeof c === 'string' && c.trim() === '');

/** Rows without the blank rows at the end. */
function trimmed<T extends readonly unknown[]>(rows: readonly T[] | null): T[] | null {
  if (rows === null) return null;
  const out = [...rows];
  while (out.length > 0 && blankRow(out[out.length - 1] as T)) out.pop();
  return out;
}

/** A parse result with its cells as rows, for comparing a ColumnTable with a RowTable. */
function asRows(result: ReturnType<typeof parseCsv>) {
  return result.ok ? { ok: true, delimiter: result.delimiter, rows: rowsOf(result.table) } : result;
}

function csvFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return csvFiles(path);
    return /\.(csv|tsv|txt)$/i.test(name) ? [path] : [];
  });
}

describe('readRows', () => {
  const files = csvFiles(join(import.meta.dirname, '../fixtures/real'));

  it('finds real exports to compare on', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files.map((f) => [f.split('/fixtures/real/')[1], f]))('gives papaparse rows for %s', (_, path) => {
    const decoded = decodeText(readFileSync(path as string));
    if (!decoded.ok) return;
    const delimiter = detectDelimiter(decoded.text);
    const reference = papa(decoded.text, delimiter);
    expect(lineBreak(decoded.text)).toBe(reference.meta.linebreak);
    const rows = readRows(decoded.text, delimiter, lineBreak(decoded.text));
    if (reference.errors.some((e) => e.type === 'Quotes')) expect(rows).toBeNull();
    else expect(rows).toEqual(reference.data);
    const bytes = Buffer.from(decoded.text, 'utf8');
    expect(byteRows(bytes, delimiter, lineBreak(decoded.text))).toEqual(trimmed(rows));
  });

  it('gives papaparse rows for random texts, or hands them back', () => {
    const chars = fc.constantFrom(
      'a',
      'b',
      '1',
      '2',
      '.',
      ',',
      ';',
      '\t',
      '"',
      '"',
      '\n',
      '\r',
      ' ',
      'ب',
      '؛',
      '😀',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), fc.constantFrom(...DELIMITERS), (list, delimiter) => {
        const text = list.join('');
        if (text === '') return;
        const reference = papa(text, delimiter);
        const newline = lineBreak(text);
        expect(newline).toBe(reference.meta.linebreak);
        const rows = readRows(text, delimiter, newline);
        if (rows !== null) {
          expect(reference.errors.filter((e) => e.type === 'Quotes')).toEqual([]);
          expect(rows).toEqual(reference.data);
        }
        expect(byteRows(Buffer.from(text, 'utf8'), delimiter, newline)).toEqual(trimmed(rows));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the usual quoted fields itself: "" inside, delimiters and line breaks inside', () => {
    const text = 'Campaign,Cost\r\n"Sale, ""Big""",12.5\r\n"two\r\nlines",3\r\n';
    expect(readRows(text, ',', lineBreak(text))).toEqual([
      ['Campaign', 'Cost'],
      ['Sale, "Big"', '12.5'],
      ['two\r\nlines', '3'],
      [''],
    ]);
  });

  it('hands back a quote that never closes, and text after a closing quote', () => {
    expect(readRows('a,b\n"open,1\n', ',', '\n')).toBeNull();
    expect(readRows('a,b\n"x"y,1\n', ',', '\n')).toBeNull();
  });

  it('shares one string among repeated short cells, and the values stay the same', () => {
    const lines = ['Channel,Clicks'];
    for (let i = 0; i < 1000; i++) lines.push(`${i % 2 ? 'Search' : 'Email'},${i}`);
    const rows = readRows(lines.join('\n'), ',', '\n') as string[][];
    expect(rows.map((r) => r.join(','))).toEqual(lines);
    const searches = rows.filter((r) => r[0] === 'Search');
    expect(searches.length).toBe(500);
  });
});

describe('parseCsv', () => {
  it('still names the line and column of a quote that never closes', () => {
    const text = 'Campaign,Cost\nA,1\n"B,2\nC,3\n';
    const result = parseCsv(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toEqual({ line: 3, field: 0, kind: 'unclosed' });
    expect(asRows(parseCsvBytes(Buffer.from(text, 'utf8')))).toEqual(asRows(result));
  });

  it('gives papaparse rows with progress on a large text', () => {
    const lines = ['Campaign,Channel,Cost'];
    for (let i = 0; i < 200_000; i++) lines.push(`C${i % 50},${i % 3 ? '"Search, paid"' : 'Email'},${i}.5`);
    const text = `${lines.join('\n')}\n`;
    const fractions: number[] = [];
    const result = parseCsv(text, (f) => fractions.push(f));
    expect(result.ok).toBe(true);
    if (result.ok) expect(rowsOf(result.table)).toEqual(papa(text, ',').data.slice(0, -1));
    expect(asRows(parseCsvBytes(Buffer.from(text, 'utf8')))).toEqual(asRows(result));
    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions[fractions.length - 1]).toBe(1);
  });
});

describe('plain integers read as numbers', () => {
  it('takes only texts whose number prints back as the same text', () => {
    const read = (t: string) => plainInteger(t, 0, t.length);
    expect(['0', '7', '-12', '123456789012345'].map(read)).toEqual([0, 7, -12, 123456789012345]);
    for (const t of [
      '',
      '-',
      '-0',
      '007',
      '+5',
      '1234567890123456',
      '12.5',
      '1,234',
      ' 12',
      '12 ',
      '۱۲',
      '1e3',
    ])
      expect(read(t)).toBeNull();
    fc.assert(
      fc.property(fc.stringMatching(/^-?[0-9]{1,16}$/), (t) => {
        const v = read(t);
        if (v !== null) expect(String(v)).toBe(t);
      }),
    );
  });

  it('reads a decimal as Number() does, or leaves it as text', () => {
    const read = (t: string) => plainDecimal(t, 0, t.length);
    expect(['12.50', '-0.5', '0.1', '7', '1018.8500000431782'].map(read)).toEqual([
      12.5, -0.5, 0.1, 7, 1018.8500000431782,
    ]);
    for (const t of ['.5', '5.', '1.2.3', '1,234.5', '-', '', '12 .5', '۱٫۵', '1e3'])
      expect(read(t)).toBeNull();
    fc.assert(
      fc.property(fc.stringMatching(/^-?[0-9]{1,12}\.[0-9]{1,12}$/), (t) => {
        expect(read(t)).toBe(Number(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same report, source data included, as reading every cell as text', async () => {
    // Past the first 10,000 rows the measure columns' integers are numbers; odd texts stay text.
    const odd = ['0', '-0', '007', '-12', '1234567890123456', '12.50', '"1,234"', ' 12', '+5', 'n/a', ''];
    const lines = ['Channel,Campaign,Date,Cost,Clicks,Impressions,Conversions,Campaign ID'];
    for (let i = 0; i < 12_000; i++) {
      const clicks = i % 97 === 0 ? (odd[(i / 97) % odd.length] as string) : String((i * 37) % 501);
      const day = String(1 + (i % 28)).padStart(2, '0');
      lines.push(
        `${i % 3 ? 'Search' : 'Email'},C${i % 40},2025-03-${day},${(i % 900) / 4},${clicks},${1000 + i},${i % 9},${10_000_000 + i}`,
      );
    }
    lines.push('Total,,,,,,,');
    const dir = mkdtempSync(join(tmpdir(), 'mizan-numbers-'));
    try {
      const path = join(dir, 'big.csv');
      writeFileSync(path, `${lines.join('\n')}\n`);
      const numbers = await readInput(path, { numbers: measureNumbers({}) });
      const text = await readInput(path);
      if (!numbers.ok || !text.ok) throw new Error('not read');
      const late = rowsOf(numbers.data.table)[11_000] as unknown[];
      expect(late.map((c) => typeof c)).toEqual([
        'string',
        'string',
        'string',
        'number',
        'number',
        'number',
        'number',
        'string',
      ]);
      expect((rowsOf(text.data.table)[11_000] as unknown[]).every((c) => typeof c === 'string')).toBe(true);
      const options: ReportOptions = {
        sourceName: 'big',
        lang: 'en',
        formulaSource: 'recreated',
        formulas: 'live',
        delimiter: ',',
        fieldCounts: true,
      };
      const a = buildReport(numbers.data.table, options);
      const b = buildReport(text.data.table, options);
      if (!a.ok || !b.ok) throw new Error('no report');
      expect(reportJsonText(a.model)).toBe(reportJsonText(b.model));
      expect(a.model.cleanSource).toEqual(b.model.cleanSource);
      expect(a.warnings).toEqual(b.warnings);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('plain numbers in a file whose decimal mark is ","', () => {
  it('keeps "12.5" as text (not 12.5 under a "," mark), reads integers, and gives the same report', async () => {
    const lines = ['Campaign;Cost;Clicks'];
    for (let i = 0; i < 12_000; i++) {
      const cost = i % 5 === 0 ? `${i % 7}.${String(i % 1000).padStart(3, '0')},5` : `${i % 90},25`;
      lines.push(`C${i % 30};${i === 11_500 ? '12.5' : cost};${i % 400}`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'mizan-comma-'));
    try {
      const path = join(dir, 'comma.csv');
      writeFileSync(path, `${lines.join('\n')}\n`);
      const numbers = await readInput(path, { numbers: measureNumbers({}) });
      const text = await readInput(path);
      if (!numbers.ok || !text.ok) throw new Error('not read');
      expect(rowsOf(numbers.data.table)[11_501]).toEqual(['C10', '12.5', 300]);
      const options: ReportOptions = {
        sourceName: 'comma',
        lang: 'en',
        formulaSource: 'recreated',
        delimiter: ';',
        fieldCounts: true,
      };
      const a = buildReport(numbers.data.table, options);
      const b = buildReport(text.data.table, options);
      if (!a.ok || !b.ok) throw new Error('no report');
      expect(a.model.decimalMark).toBe(',');
      expect(reportJsonText(a.model)).toBe(reportJsonText(b.model));
      expect(a.model.cleanSource).toEqual(b.model.cleanSource);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a large file whose first rows hold too few data rows', () => {
  it('keeps every cell as text: the decimal mark could still be swayed past them', async () => {
    const lines = ['Campaign,Cost,Clicks'];
    for (let i = 0; i < 12_000; i++) lines.push(i % 3 === 0 ? `C${i % 30},1.5,${i % 400}` : 'note,,');
    const dir = mkdtempSync(join(tmpdir(), 'mizan-sparse-'));
    try {
      const path = join(dir, 'sparse.csv');
      writeFileSync(path, `${lines.join('\n')}\n`);
      const read = await readInput(path, { numbers: measureNumbers({}) });
      if (!read.ok) throw new Error(read.message);
      expect(
        rowsOf(read.data.table)
          .flat()
          .every((c) => typeof c === 'string'),
      ).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
