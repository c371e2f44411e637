/**
 * The byte scan before DuckDB reads a CSV (byte-scan.ts): which bytes it finds, and that a "-"
 * able to start a number cell is never missed, wherever it sits, pieces' edges included. A
 * number cell's sign follows the cell's start (a delimiter, a line break, a quote, blanks), never
 * a digit or an exponent's "e": those are the only "-" the scan may pass over.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeScans, scanCsvBytes } from '../../src/cli/byte-scan';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mizan-byte-scan-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const scan = (text: string | Buffer) => {
  const path = join(dir, `f${++files}.csv`);
  writeFileSync(path, text);
  return scanCsvBytes(path);
};

const HEADER = 'Channel,Date,Cost,Clicks\n';

describe('a "-" that may start a number cell', () => {
  it('none in dates, exponents, or inside a number-like text: negatives false', async () => {
    const found = await scan(
      `${HEADER}Search,2025-01-06,6.903e-8,4\nSocial,2025-12-31,1E-5,0\nEmail,2025-02-01,1.e-3,2\nQ1-Promo,2025-03-01,5,1\n`,
    );
    expect(found.negatives).toBe(false);
    expect(found.plainNumbers).toBe(true);
    expect(found.blankQuotes).toBe(false);
  });

  for (const [where, row] of [
    ['after the delimiter', 'Search,2025-01-06,-5,4'],
    ['after a blank', 'Search,2025-01-06, -5,4'],
    ['after a tab', 'Search,2025-01-06,\t-5,4'],
    ['inside quotes', 'Search,2025-01-06,"-5",4'],
    ['at a line start', '-5,Search,2025-01-06,4'],
    ['after a CR line break', 'Search,2025-01-06,5,4\r\n-5,Search,2025-01-06,4'],
    ['after a semicolon', 'Search;2025-01-06;-5;4'],
    ['after a no-break space', 'Search,2025-01-06,\u00a0-5,4'],
    ['in a label ("Brand - Search": taken as possible)', 'Brand - Search,2025-01-06,5,4'],
    ['after a letter e with no digit before it (a label)', 'Type-e-5,2025-01-06,5,4'],
  ] as const)
    it(`found ${where}`, async () => {
      expect((await scan(`${HEADER}${row}\n`)).negatives).toBe(true);
    });

  it('found as the very first byte of the file', async () => {
    expect((await scan('-5,4\n1,2\n')).negatives).toBe(true);
  });
});

describe('the other bytes', () => {
  it('"_", "+-" and "-+" make numbers not plain; a blank beside a quote is found', async () => {
    expect((await scan(`${HEADER}Search,2025-01-06,1_000,4\n`)).plainNumbers).toBe(false);
    expect((await scan(`${HEADER}Search,2025-01-06,+-5,4\n`)).plainNumbers).toBe(false);
    expect((await scan(`${HEADER}Search,2025-01-06,-+5,4\n`)).plainNumbers).toBe(false);
    expect((await scan(`${HEADER}Search, "x",5,4\n`)).blankQuotes).toBe(true);
    expect((await scan(`${HEADER}"x" ,2025-01-06,5,4\n`)).blankQuotes).toBe(true);
    expect((await scan(`${HEADER}"x",2025-01-06,5,4\n`)).blankQuotes).toBe(false);
  });

  it('an empty file: nothing found', async () => {
    expect(await scan('')).toEqual({ plainNumbers: true, blankQuotes: false, negatives: false });
  });
});

// The file is read in 8 MiB pieces: what lies across a cut must still be seen.
describe('across the pieces the file is read in', () => {
  const PIECE = 8 * 1024 * 1024;
  /** A file of `size` bytes of `lines` (no "-" but after digits), with `text` written at `at`. */
  const filled = (size: number, at: number, text: string, lines = 'ab,12\n') => {
    const line = Buffer.from(lines);
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i += line.length) line.copy(bytes, i, 0, Math.min(line.length, size - i));
    bytes.write(text, at, 'latin1');
    return bytes;
  };

  it('a file of only dates and numbers, over two pieces: nothing found', async () => {
    expect(await scan(filled(PIECE + 5000, 0, '', '2025-01-06,12\n'))).toEqual({
      plainNumbers: true,
      blankQuotes: false,
      negatives: false,
    });
  });

  for (const offset of [-3, -2, -1, 0, 1, 2, 3])
    it(`",-" with its "-" at ${offset} from the first cut`, async () => {
      const at = PIECE + offset - 1;
      expect((await scan(filled(PIECE * 2 + 100, at, ',-'))).negatives).toBe(true);
    });

  for (const offset of [-2, -1, 0, 1, 2])
    it(`an exponent "5e-" across the cut (at ${offset}) is not taken for a sign`, async () => {
      const at = PIECE + offset - 2;
      expect((await scan(filled(PIECE * 2 + 100, at, '5e-'))).negatives).toBe(false);
    });

  // Two threads share the pieces (DuckDB's and the engine's): together they find what one finds.
  it('pieces shared between two scans: merged, the answer of one whole scan', async () => {
    const bytes = filled(PIECE * 3 + 100, PIECE * 2 + 7, ',-5');
    bytes.write('1_0', PIECE + 11, 'latin1');
    const path = join(dir, 'shared.csv');
    writeFileSync(path, bytes);
    const share = new Int32Array(new SharedArrayBuffer(4));
    const [a, b] = await Promise.all([
      scanCsvBytes(path, undefined, share),
      scanCsvBytes(path, undefined, share),
    ]);
    expect(share[0]).toBeGreaterThanOrEqual(4);
    expect(mergeScans(a, b)).toEqual(await scanCsvBytes(path));
    expect(mergeScans(a, b)).toEqual({ plainNumbers: false, blankQuotes: false, negatives: true });
    // Each piece was scanned once: what one found, the other did not.
    expect(a.negatives !== b.negatives).toBe(true);
  });

  for (const [needle, key] of [
    ['+-', 'plainNumbers'],
    [' "', 'blankQuotes'],
  ] as const)
    it(`"${needle}" split by the cut is found`, async () => {
      const found = await scan(filled(PIECE * 2 + 100, PIECE - 1, needle));
      expect(found[key]).toBe(key === 'blankQuotes');
    });
});
