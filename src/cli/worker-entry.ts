/**
 * The file a worker thread runs: the process entry (bin.ts, built into dist/cli/mizan.mjs), which
 * picks the job from its workerData when it is not the main thread. Unset (in-process tests, the
 * TypeScript sources), work that would go to a worker stays on this thread.
 */
let entry: URL | null = null;

export function setWorkerEntry(file: URL): void {
  entry = file;
}

export function workerEntry(): URL | null {
  return entry;
}
