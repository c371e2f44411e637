/**
 * Issue 10: an error message repeats at most ~100 characters of an argument, however long the
 * argument (a 1 MB text cell made a 1 MB message, which Sheets shows as the cell's tooltip).
 * Through the built bundle, as Sheets calls the functions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ECHO_LIMIT } from '../../../src/core/functions/read-input';
import { loadBundle, type SheetFn } from '../../helpers/bundle';

let f: Record<string, SheetFn>;
beforeAll(() => {
  f = loadBundle();
});

/** The message of what fn throws. */
function message(fn: string, ...args: unknown[]): string {
  try {
    (f[fn] as SheetFn)(...args);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${fn} did not throw`);
}

const MEGABYTE = `abc${'x'.repeat(1_000_000)}`;

describe('error messages echo at most ECHO_LIMIT characters of an argument', () => {
  it.each([
    ['CTR', [MEGABYTE, 100]],
    ['NPS', [[['score'], [MEGABYTE]]]],
    ['KPI_STATUS', [MEGABYTE, 0.5]],
    ['KPI_STATUS', ['ctr', 0.05, MEGABYTE]],
    ['KPI_STATUS', ['ctr', MEGABYTE, 'search']],
  ])('%s', (fn, args) => {
    const m = message(fn, ...(args as unknown[]));
    // The function's own words plus at most ECHO_LIMIT of the argument and its length.
    expect(m.length).toBeLessThan(ECHO_LIMIT + 300);
    expect(m).toContain(`abc${'x'.repeat(ECHO_LIMIT - 3)}…`);
    expect(m).toContain('1,000,003 characters');
  });
  it('short arguments are echoed whole', () => {
    expect(message('CTR', 'lots', 100)).toBe('CTR: clicks is not a number ("lots")');
  });
});
