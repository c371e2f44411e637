/**
 * Stopping a run as Apps Script's time limit does (6 minutes): no catch or finally can repair
 * anything, because the stopped call and every later one fail.
 */
import type { FakeWorld } from '../fakes/spreadsheet';

export const STOPPED = 'Exceeded maximum execution time';

/**
 * Makes the n-th Spreadsheet call from now stop the run: that call and every later one throw.
 * Returns a function that starts the next run (calls work again, and the lock is released, as
 * Apps Script does when a run ends).
 */
export function stopAtCall(w: FakeWorld, n: number): () => void {
  const log = w.log;
  const record = log.record.bind(log);
  let left = n;
  log.record = (on: string, method: string) => {
    if (left <= 0 || --left === 0) throw new Error(STOPPED);
    record(on, method);
  };
  return () => {
    log.record = record;
    w.lock.held = false;
  };
}
