/**
 * Temporary files the command is writing, removed if the process is interrupted (Ctrl-C, kill):
 * an interrupted run leaves the old outputs as they were and no half-written `.tmp` beside them.
 */
import { rmSync } from 'node:fs';

const temporaries = new Set<string>();
const stoppers = new Set<() => void>();

/** Registers a temporary path; the returned function forgets it (once renamed or removed). */
export function trackTemporary(path: string): () => void {
  temporaries.add(path);
  return () => {
    temporaries.delete(path);
  };
}

/** Synchronous: it runs in a signal handler, right before the process exits. */
export function removeTemporaries(): void {
  for (const path of temporaries) rmSync(path, { force: true });
  temporaries.clear();
}

/**
 * Work to stop before an interrupted process ends: `stop` runs in the signal handler and may block
 * a moment (DuckDB's thread: ending with DuckDB running aborts in its library). The returned
 * function forgets it.
 */
export function stopBeforeExit(stop: () => void): () => void {
  stoppers.add(stop);
  return () => {
    stoppers.delete(stop);
  };
}

/** Exit statuses a shell gives a process killed by these signals (128 + the signal's number). */
const SIGNAL_EXIT: Readonly<Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number>> = {
  SIGINT: 130,
  SIGTERM: 143,
  SIGHUP: 129,
};

/** For the process entry point only: tests that run main() in-process keep Node's own handling. */
export function cleanUpOnSignals(): void {
  for (const [signal, status] of Object.entries(SIGNAL_EXIT)) {
    process.once(signal, () => {
      removeTemporaries();
      for (const stop of stoppers) stop();
      process.exit(status);
    });
  }
}
