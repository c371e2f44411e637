/**
 * How every custom function treats its arguments: each is a single value or a range (a 2-D
 * array); ranges must all have the same shape; a single value is used for every cell.
 * Shared by the KPI functions (run-kpi.ts) and the benchmark functions.
 */
import type { SheetArg } from './run-kpi';

export type Shape = readonly [rows: number, cols: number];

export const shapeText = (s: Shape): string => `${s[0]}×${s[1]}`;

export function shapeOf(arg: SheetArg): Shape | null {
  if (!Array.isArray(arg)) return null;
  const rows = arg.length;
  const cols = rows > 0 && Array.isArray(arg[0]) ? (arg[0] as unknown[]).length : 0;
  return [rows, cols];
}

/**
 * The shape the ranges among `args` share, or null when every argument is a single value.
 * `fail` builds the error for two ranges of different shapes (names are the parameters').
 */
export function commonShape(
  fn: string,
  names: readonly string[],
  args: readonly SheetArg[],
  fail: (message: string) => Error,
): Shape | null {
  let shape: Shape | null = null;
  let from = '';
  names.forEach((name, i) => {
    const s = shapeOf(args[i]);
    if (!s) return;
    if (!shape) {
      shape = s;
      from = name;
    } else if (s[0] !== shape[0] || s[1] !== shape[1]) {
      throw fail(
        `${fn}: ${from} is ${shapeText(shape)} but ${name} is ${shapeText(s)}; ranges must have the same shape`,
      );
    }
  });
  return shape;
}

/**
 * Calls `one` for every cell of `shape`, with each argument's cell there (a single value
 * everywhere). `cells` is one buffer reused from cell to cell: read it, don't keep it.
 */
export function broadcast<T>(
  shape: Shape,
  args: readonly SheetArg[],
  one: (cells: readonly unknown[], row: number, col: number) => T,
): T[][] {
  const [rows, cols] = shape;
  const n = args.length;
  const ranges = args.map((a) => (Array.isArray(a) ? (a as unknown[][]) : null));
  const cells: unknown[] = args.slice();
  const out: T[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row: T[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      for (let i = 0; i < n; i++) {
        const range = ranges[i];
        if (range) cells[i] = range[r]?.[c];
      }
      row[c] = one(cells, r, c);
    }
    out[r] = row;
  }
  return out;
}
