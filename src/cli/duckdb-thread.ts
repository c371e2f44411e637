/**
 * DuckDB beside the engine, with the CSV's byte scan (byte-scan.ts): both start as soon as
 * `--engine duckdb` runs, while this thread reads and judges the first rows.
 *
 * In the prebuilt command they run on a worker thread (the process entry, bin.ts, runs
 * runDuckThread there): loading DuckDB's 68 MB library and scanning the file then take the
 * second core, which sat idle while the first rows were judged. Without a worker entry (tests
 * running the TypeScript sources), or with MIZAN_THREADS=1, they run on this thread, started
 * at once and awaited when needed. Either way the engine sees the same Duck.
 */
import { Worker } from 'node:worker_threads';
import { type ByteScan, mergeScans, scanCsvBytes, TYPED_CELLS } from './byte-scan';
import { stopBeforeExit } from './cleanup';
import { type Cell, type Duck, type DuckRow, openDuck } from './duckdb';
import { workerEntry } from './worker-entry';

export type OpenedDuck = { ok: true; duck: Duck } | { ok: false; message: string };

export interface DuckSide {
  /** DuckDB, open, or why it cannot be. */
  readonly opened: Promise<OpenedDuck>;
  /**
   * The CSV's byte scan (a Parquet file's typed cells need none), asked for once the first rows
   * are judged: this thread then scans the pieces DuckDB's thread has not yet taken.
   */
  scan(): Promise<ByteScan>;
  /** Closes DuckDB once open; never waits. */
  close(): void;
}

/** Starts DuckDB and, for a CSV (`csvPath`), the scan of its bytes. */
export function openDuckSide(csvPath: string | null): DuckSide {
  const entry = workerEntry();
  return entry === null || process.env.MIZAN_THREADS === '1'
    ? sameThread(csvPath)
    : workerThread(entry, csvPath);
}

/** A promise whose rejection is reported where it is awaited, not as an unhandled one meanwhile. */
export function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

function sameThread(csvPath: string | null): DuckSide {
  const opened = awaitedLater(openDuck());
  const scan = awaitedLater(csvPath === null ? Promise.resolve(TYPED_CELLS) : scanCsvBytes(csvPath));
  return {
    opened,
    scan: () => scan,
    close: () => {
      void opened.then((o) => o.ok && o.duck.close());
    },
  };
}

/** What the worker is started with. */
interface ThreadJob {
  readonly mizanDuck: true;
  /** Set to 1 by the thread once DuckDB is closed (or was never opened), and notified. */
  readonly closed: SharedArrayBuffer;
}

/** What the engine asks of DuckDB's thread. */
type Ask =
  | { readonly op: 'rows' | 'arrays' | 'run'; readonly sql: string }
  | { readonly op: 'append'; readonly table: string; readonly rows: readonly (readonly Cell[])[] };

type Request =
  | (Ask & { readonly id: number })
  /** `share` counts the file's pieces taken so far, by this thread and the engine's (byte-scan.ts). */
  | { readonly id: 0; readonly op: 'scan'; readonly path: string; readonly share: SharedArrayBuffer }
  | { readonly id: 0; readonly op: 'close' }
  /** Ctrl-C: the running query is interrupted, then DuckDB closed. */
  | { readonly id: 0; readonly op: 'interrupt' };

type Message =
  | { readonly kind: 'opened'; readonly message: string | null }
  | { readonly kind: 'scan'; readonly scan?: ByteScan; readonly error?: string }
  | { readonly kind: 'reply'; readonly id: number; readonly value?: unknown; readonly error?: string }
  /** Not sent by the thread: its 'error' or 'exit' event. */
  | { readonly kind: 'stopped'; readonly why: string };

/** A worker running runDuckThread; what it says before anyone listens is kept for the listener. */
class DuckThread {
  readonly worker: Worker;
  private listener: ((m: Message) => void) | null = null;
  private readonly early: Message[] = [];

  private readonly closed = new Int32Array(new SharedArrayBuffer(4));

  constructor(entry: URL) {
    const job: ThreadJob = { mizanDuck: true, closed: this.closed.buffer as SharedArrayBuffer };
    this.worker = new Worker(entry, { workerData: job });
    // An interrupted process ending while DuckDB runs (or still loads) aborts in DuckDB's library:
    // the signal handler first has DuckDB stopped and closed here, and waits for it.
    const forget = stopBeforeExit(() => this.stop());
    this.worker.once('exit', forget);
    this.worker.on('message', (m: Message) => this.route(m));
    this.worker.on('error', (e) => this.route({ kind: 'stopped', why: e.message }));
    this.worker.on('exit', (code) => this.route({ kind: 'stopped', why: `exit code ${code}` }));
  }

  private route(m: Message): void {
    if (this.listener) this.listener(m);
    else this.early.push(m);
  }

  listen(listener: (m: Message) => void): void {
    this.listener = listener;
    for (const m of this.early.splice(0)) listener(m);
  }

  send(request: Request): void {
    this.worker.postMessage(request);
  }

  /** Blocks (at most STOP_WAIT_MS) until the thread has interrupted DuckDB's work and closed it. */
  private stop(): void {
    if (Atomics.load(this.closed, 0) === 1) return;
    this.send({ id: 0, op: 'interrupt' });
    Atomics.wait(this.closed, 0, 0, STOP_WAIT_MS);
  }
}

const STOP_WAIT_MS = 2_000;

/** Started by warmDuckThread, not yet taken by the engine. */
let warm: DuckThread | null = null;

/**
 * Starts DuckDB's thread before the rest of the command is loaded (bin.ts, when the command line
 * asks for `--engine duckdb`): its start and DuckDB's loading were the last to finish, after the
 * first rows were judged. It does not keep the process alive until the engine takes it.
 */
export function warmDuckThread(): void {
  const entry = workerEntry();
  if (entry === null || process.env.MIZAN_THREADS === '1' || warm !== null) return;
  warm = new DuckThread(entry);
  warm.worker.unref();
}

/**
 * A warm thread the engine never took (a usage error, --paths): closed, and waited for. A process
 * that ends while the thread is still loading DuckDB's library aborts in that library's teardown.
 */
export function releaseWarmDuckThread(): void {
  warm?.worker.ref();
  warm?.send({ id: 0, op: 'close' });
  warm = null;
}

/** `--engine duckdb` or `--engine=duckdb` on a command line (what warms DuckDB's thread). */
export const asksForDuckdb = (argv: readonly string[]): boolean =>
  argv.some((a, i) => a === '--engine=duckdb' || (a === '--engine' && argv[i + 1] === 'duckdb'));

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: Error): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = awaitedLater(
    new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    }),
  );
  return { promise, resolve, reject };
}

function workerThread(entry: URL, csvPath: string | null): DuckSide {
  const thread = warm ?? new DuckThread(entry);
  warm = null;
  thread.worker.ref();
  const share = new Int32Array(new SharedArrayBuffer(4));
  if (csvPath !== null)
    thread.send({ id: 0, op: 'scan', path: csvPath, share: share.buffer as SharedArrayBuffer });
  const opened = deferred<OpenedDuck>();
  const scan = deferred<ByteScan>();
  if (csvPath === null) scan.resolve(TYPED_CELLS);
  // This thread's part: the pieces left when the engine asks (none left: DuckDB's thread did all).
  const scanHere = () =>
    csvPath === null
      ? scan.promise
      : scanCsvBytes(csvPath, undefined, share).then(async (mine) => mergeScans(mine, await scan.promise));
  const pending = new Map<number, Pending>();
  let next = 1;
  const ask = <T>(request: Ask) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      thread.send({ ...request, id });
    });
  const duck: Duck = {
    rows: (sql) => ask<DuckRow[]>({ op: 'rows', sql }),
    arrays: (sql) => ask<unknown[][]>({ op: 'arrays', sql }),
    run: (sql) => ask<void>({ op: 'run', sql }),
    append: (table, rows) => ask<void>({ op: 'append', table, rows: [...rows] }),
    close: () => {},
  };
  thread.listen((m) => {
    if (m.kind === 'opened')
      opened.resolve(m.message === null ? { ok: true, duck } : { ok: false, message: m.message });
    else if (m.kind === 'scan') m.scan ? scan.resolve(m.scan) : scan.reject(new Error(m.error));
    else if (m.kind === 'reply') {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error === undefined) p?.resolve(m.value);
      else p?.reject(new Error(m.error));
    } else {
      // A thread that stops (a crash in DuckDB's library) fails whatever waits on it, loudly.
      const error = new Error(`DuckDB's thread stopped (${m.why})`);
      opened.reject(error);
      scan.reject(error);
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    }
  });
  return {
    opened: opened.promise,
    scan: scanHere,
    // The thread closes DuckDB and ends by itself; the process waits for it (see releaseWarmDuckThread).
    close: () => thread.send({ id: 0, op: 'close' }),
  };
}

/** In the worker thread started by DuckThread: opens DuckDB, scans a CSV when asked, answers requests. */
export async function runDuckThread(): Promise<boolean> {
  const { parentPort, workerData } = await import('node:worker_threads');
  const job = workerData as ThreadJob | undefined;
  if (parentPort === null || job?.mizanDuck !== true) return false;
  const port = parentPort;
  const say = (m: Message) => port.postMessage(m);
  // A scan runs beside everything else (its reads wait on the disk); a close stops it.
  const stop = new AbortController();
  const opening = openDuck();
  const closed = new Int32Array(job.closed);
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= opening.then((opened) => {
      if (opened.ok) opened.duck.close();
      Atomics.store(closed, 0, 1);
      Atomics.notify(closed, 0);
      port.close();
    }));
  // One request at a time, in the order sent, as on one connection.
  let queue = opening.then((o) => say({ kind: 'opened', message: o.ok ? null : o.message }));
  port.on('message', (request: Request) => {
    if (request.op === 'scan') {
      scanCsvBytes(request.path, stop.signal, new Int32Array(request.share)).then(
        (scan) => say({ kind: 'scan', scan }),
        (error: Error) => say({ kind: 'scan', error: error.message }),
      );
      return;
    }
    if (request.op === 'close' || request.op === 'interrupt') {
      stop.abort();
      // The running query stops with an error; the close waits for it in the queue.
      if (request.op === 'interrupt') void opening.then((o) => o.ok && o.duck.connection.interrupt());
      queue = queue.then(close, close);
      return;
    }
    queue = queue.then(async () => {
      const opened = await opening;
      if (!opened.ok) say({ kind: 'reply', id: request.id, error: opened.message });
      else
        try {
          say({ kind: 'reply', id: request.id, value: await answer(opened.duck, request) });
        } catch (error) {
          say({ kind: 'reply', id: request.id, error: (error as Error).message });
        }
    });
  });
  return true;
}

function answer(duck: Duck, ask: Ask): Promise<unknown> {
  switch (ask.op) {
    case 'rows':
      return duck.rows(ask.sql);
    case 'arrays':
      return duck.arrays(ask.sql);
    case 'run':
      return duck.run(ask.sql);
    case 'append':
      return duck.append(ask.table, ask.rows);
  }
}
