/**
 * A large CSV read on two threads (csv-parallel.ts) gives exactly the cells one thread gives, and
 * the same report: compared on generated files past the two-thread threshold, with text in number
 * columns on both halves, multi-byte text, rows shorter and longer than the header, "\r\n" line
 * breaks, and a file with a quote (read on one thread).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readByteColumns } from '../../src/cli/csv-columns';
import { PARALLEL_BYTES, readByteColumnsParallel, threadsOfLastRead } from '../../src/cli/csv-parallel';
import { measureNumbers } from '../../src/cli/main';
import { setWorkerEntry } from '../../src/cli/worker-entry';
import { rowsOf } from '../../src/core/table/table';

const ROOT = join(import.meta.dirname, '../..');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mizan-parallel-'));
  // The prebuilt command is what a worker thread runs (bin.ts runs runCsvPart off the main thread).
  execFileSync(process.execPath, ['build.mjs'], { cwd: ROOT, stdio: 'ignore' });
  setWorkerEntry(pathToFileURL(join(ROOT, 'dist/cli/mizan.mjs')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** About 15 MB: past the threshold once the first 10,000 rows are read. */
function bigCsv(newline: string, { quoteAt = -1, ragged = true } = {}): string {
  const lines = ['Channel,Campaign,Date,Cost,Clicks,Impressions,Conversions,Revenue'];
  const channels = ['Search', 'Social', 'Email', 'البحث', 'شبکه اجتماعی'];
  for (let i = 0; i < 300_000; i++) {
    const channel = channels[i % channels.length];
    const day = String(1 + (i % 28)).padStart(2, '0');
    // Odd cells in the number columns, on both sides of the middle: text the engine reads itself.
    const clicks = i % 9973 === 0 ? 'n/a' : i % 7919 === 0 ? '$1234' : String((i * 37) % 501);
    const cost = i % 15013 === 0 ? '' : ((i % 900) / 4).toString();
    const campaign = i === quoteAt ? '"Brand, exact"' : `C${i % 40}`;
    let line = `${channel},${campaign},2025-03-${day},${cost},${clicks},${1000 + i},${i % 9},${(i % 1234) * 1.5}`;
    // Rows shorter and longer than the header (cells the reader keeps; the engine refuses them).
    if (ragged && i % 50_021 === 50_000) line = `${channel},C1,2025-03-01,5`;
    if (ragged && i % 60_013 === 60_000) line += ',extra';
    lines.push(line);
  }
  return `${lines.join(newline)}${newline}`;
}

describe('two threads read what one thread reads', () => {
  it.each([
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
  ])('line breaks %s', async (_name, newline) => {
    const text = bigCsv(newline);
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.length).toBeGreaterThan(PARALLEL_BYTES * 1.5);
    const numbers = measureNumbers({});
    const one = readByteColumns(bytes, ',', newline as '\n' | '\r\n', undefined, numbers);
    const two = await readByteColumnsParallel(bytes, ',', newline as '\n' | '\r\n', undefined, numbers);
    if (one === null || two === null) throw new Error('not read');
    expect(threadsOfLastRead()).toBe(2);
    expect(two.length).toBe(one.length);
    // Columns became numbers after the first rows in both, so the split really read numbers.
    expect(two.numbers(3)).not.toBeNull();
    expect(rowsOf(two)).toEqual(rowsOf(one));
  });

  it('the command gives the same report, byte for byte, with one thread and with two', () => {
    const file = join(dir, 'big.csv');
    writeFileSync(file, bigCsv('\n', { ragged: false }));
    const run = (threads: string) =>
      execFileSync(process.execPath, ['bin/mizan.mjs', 'report', file, '--json', '-', '--quiet'], {
        cwd: ROOT,
        env: { ...process.env, MIZAN_THREADS: threads },
        maxBuffer: 1 << 26,
      }).toString();
    const two = run('');
    const one = run('1');
    expect(JSON.parse(two).source.dataRows).toBeGreaterThan(290_000);
    expect(two).toBe(one);
  });

  it('a file with a quote past its first rows is read on one thread, the same cells', async () => {
    const bytes = Buffer.from(bigCsv('\n', { quoteAt: 150_000 }), 'utf8');
    const numbers = measureNumbers({});
    const one = readByteColumns(bytes, ',', '\n', undefined, numbers);
    const two = await readByteColumnsParallel(bytes, ',', '\n', undefined, numbers);
    if (one === null || two === null) throw new Error('not read');
    expect(threadsOfLastRead()).toBe(1);
    expect(rowsOf(two)).toEqual(rowsOf(one));
    expect(rowsOf(two)[150_001]?.[1]).toBe('Brand, exact');
  });
});
