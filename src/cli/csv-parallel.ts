/**
 * A large CSV read on two threads: this thread reads the first rows (the engine decides the
 * number columns from them) and the first half of the rest, a worker thread the second half at
 * the same time, and the halves' columns are joined (csv-columns.ts, Filler.append). The same
 * cells as one thread gives (test/cli/csv-parallel.test.ts compares them).
 *
 * Only where it is safe and worth it: a file with no quote after its first rows (a line break
 * inside quotes would make the halves' boundary a guess), more than PARALLEL_BYTES left, and a
 * process entry that said which file a worker runs (worker-entry.ts, set by bin.ts: the prebuilt
 * bundle). Anything else reads on one thread, as does MIZAN_THREADS=1.
 */
import { Buffer } from 'node:buffer';
import { Worker } from 'node:worker_threads';
import type { ColumnTable } from '../core/table/column-table';
import {
  type Dialect,
  dialectOf,
  type FilledPart,
  Filler,
  readByteColumns,
  readHead,
  scanRows,
} from './csv-columns';
import type { NumberColumns } from './csv-rows';
import { workerEntry } from './worker-entry';

/** Below this many bytes after the first rows, a second thread costs more than it saves. */
export const PARALLEL_BYTES = 8 * 1024 * 1024;
const QUOTE = 34;

let lastThreads = 1;

/** How many threads the last read used (for tests and the bench). */
export function threadsOfLastRead(): number {
  return lastThreads;
}

/** What a worker is given: the rest of the file and how to read it. */
interface PartJob {
  readonly mizanCsvPart: true;
  /** The file's bytes (shared, not copied); the worker reads [offset, offset + length). */
  readonly bytes: SharedArrayBuffer;
  readonly offset: number;
  readonly length: number;
  readonly dialect: Dialect;
  readonly kinds: Uint8Array;
  readonly capacity: number;
}

export async function readByteColumnsParallel(
  bytes: Buffer,
  delimiter: string,
  newline: '\n' | '\r\n' | '\r',
  onProgress?: (fraction: number) => void,
  numbers?: NumberColumns,
): Promise<ColumnTable | null> {
  const dialect = dialectOf(delimiter, newline);
  lastThreads = 1;
  const entry = workerEntry();
  if (dialect === null || entry === null || process.env.MIZAN_THREADS === '1')
    return readByteColumns(bytes, delimiter, newline, onProgress, numbers);
  const filler = new Filler();
  const at = readHead(bytes, dialect, filler, delimiter, onProgress, numbers);
  if (at < 0) return null;
  const split = splitPoint(bytes, at, newline);
  const kinds = filler.kinds();
  if (split < 0 || kinds === null) {
    if (scanRows(bytes, at, bytes.length, filler, dialect, -1, onProgress) < 0) return null;
    onProgress?.(1);
    return filler.table();
  }
  const rowsPerByte = filler.rows / at;
  const job: PartJob = {
    mizanCsvPart: true,
    ...sharedRest(bytes, split),
    dialect,
    kinds,
    capacity: Math.ceil((bytes.length - split) * rowsPerByte * 1.05) + 16,
  };
  const other = partFromWorker(entry, job);
  // This thread's half, its progress counted to the whole of it.
  const half = onProgress ? (f: number) => onProgress(Math.min(1, (f * bytes.length) / split)) : undefined;
  const mine = scanRows(bytes, at, split, filler, dialect, -1, half);
  const part = await other;
  if (mine < 0 || part === null) return null;
  filler.append(part);
  lastThreads = 2;
  onProgress?.(1);
  return filler.table();
}

/** The bytes from `split` on, as shared memory: the file's own when read into one (read-input.ts), else a copy. */
function sharedRest(
  bytes: Buffer,
  split: number,
): { bytes: SharedArrayBuffer; offset: number; length: number } {
  const length = bytes.length - split;
  if (bytes.buffer instanceof SharedArrayBuffer)
    return { bytes: bytes.buffer, offset: bytes.byteOffset + split, length };
  const copy = new SharedArrayBuffer(length);
  new Uint8Array(copy).set(bytes.subarray(split));
  return { bytes: copy, offset: 0, length };
}

/** Just after the line break nearest the middle of what is left, or -1 (not worth it, or quotes). */
function splitPoint(bytes: Buffer, at: number, newline: string): number {
  if (bytes.length - at < PARALLEL_BYTES || bytes.indexOf(QUOTE, at) >= 0) return -1;
  const middle = at + Math.floor((bytes.length - at) / 2);
  const found = bytes.indexOf(newline, middle, 'latin1');
  return found < 0 || found + newline.length >= bytes.length ? -1 : found + newline.length;
}

function partFromWorker(entry: URL, job: PartJob): Promise<FilledPart | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: job });
    worker.once('message', (part: FilledPart | null) => {
      resolve(part);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the reading thread stopped (exit code ${code})`));
    });
  });
}

/** In a worker thread started by readByteColumnsParallel: reads its part and sends it back. */
export async function runCsvPart(): Promise<boolean> {
  const { parentPort, workerData } = await import('node:worker_threads');
  const job = workerData as PartJob | undefined;
  if (parentPort === null || job?.mizanCsvPart !== true) return false;
  const bytes = Buffer.from(job.bytes, job.offset, job.length);
  const filler = Filler.withKinds(job.kinds, job.capacity);
  const end = scanRows(bytes, 0, bytes.length, filler, job.dialect, -1);
  const part = end < 0 ? null : filler.part();
  const transfer = part
    ? [
        part.fieldCounts.buffer,
        ...part.columns.flatMap((c) => [c.ids?.buffer, c.values?.buffer].filter((b) => b !== undefined)),
      ]
    : [];
  parentPort.postMessage(part, transfer as ArrayBuffer[]);
  return true;
}
