/**
 * Summing measures over all rows, per group and per period in one pass per measure column,
 * into flat typed arrays (no object per cell). Neumaier-compensated sums, so the order of the
 * rows does not change the totals beyond the last bit.
 */

import type { Period } from '../dates/periods';
import type { Analysis } from '../detect/analyse';
import type { Table } from '../table/table';

/** Sums and counts of numeric cells, [slot * measures + measure]. */
export interface Sums {
  readonly sum: Float64Array;
  readonly count: Int32Array;
  /** Data rows per slot. */
  readonly rows: Int32Array;
}

export interface Groups {
  /** Group slot per data row (-1: none). */
  readonly index: Int32Array;
  readonly labels: readonly string[];
  /** The group's cells in the source are all exactly its label (case aside): SUMIFS finds them. */
  readonly exact: readonly boolean[];
}

export interface Aggregates {
  readonly measures: number;
  readonly total: Sums;
  readonly groups: Sums | null;
  readonly periods: Sums | null;
}

/** Groups by the trimmed, case-folded text of a column (SUMIFS matches text without regard to case). */
export function groupRows(grid: Table, dataRows: readonly number[], column: number): Groups {
  const index = new Int32Array(dataRows.length);
  const byKey = new Map<string, number>();
  const byRaw = new Map<unknown, number>();
  const labels: string[] = [];
  const exact: boolean[] = [];
  const groupOf = (raw: unknown): number => {
    let g = byRaw.get(raw);
    if (g === undefined) {
      const text = raw === null || raw === undefined ? '' : String(raw).replace(/\s+/g, ' ').trim();
      const key = text.toLowerCase();
      g = byKey.get(key);
      if (g === undefined) {
        g = labels.length;
        byKey.set(key, g);
        labels.push(text);
        exact.push(true);
      }
      if (typeof raw !== 'string' || raw.toLowerCase() !== (labels[g] as string).toLowerCase())
        exact[g] = false;
      byRaw.set(raw, g);
    }
    return g;
  };
  // The reader's ids, when it kept the column so: each distinct text looked up once.
  const ids = grid.texts(column);
  const byId = new Int32Array(ids?.dict.length ?? 0).fill(-1);
  for (let i = 0; i < dataRows.length; i++) {
    const r = dataRows[i] as number;
    const id = ids === null ? -1 : (ids.ids[r] as number);
    if (id < 0) {
      index[i] = groupOf(grid.cell(r, column));
      continue;
    }
    let g = byId[id] as number;
    if (g < 0) {
      g = groupOf(ids?.dict[id]);
      byId[id] = g;
    }
    index[i] = g;
  }
  return { index, labels, exact };
}

/** Period slot per data row (-1: no date), by binary search over the contiguous periods. */
export function periodRows(days: Float64Array, periods: readonly Period[]): Int32Array {
  const index = new Int32Array(days.length);
  const starts = periods.map((p) => p.start);
  const end = periods.length > 0 ? (periods[periods.length - 1] as Period).end : 0;
  for (let i = 0; i < days.length; i++) {
    const d = days[i] as number;
    if (Number.isNaN(d) || periods.length === 0 || d < (starts[0] as number) || d >= end) {
      index[i] = -1;
      continue;
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= d) lo = mid;
      else hi = mid - 1;
    }
    index[i] = lo;
  }
  return index;
}

function emptySums(slots: number, measures: number): Sums {
  return {
    sum: new Float64Array(slots * measures),
    count: new Int32Array(slots * measures),
    rows: new Int32Array(slots),
  };
}

/** Adds every measure of every data row into the total, its group and its period. */
export function aggregate(
  analysis: Analysis,
  groups: Groups | null,
  periodIndex: Int32Array | null,
  periodCount: number,
): Aggregates {
  const M = analysis.measures.length;
  const n = analysis.dataRows.length;
  const total = emptySums(1, M);
  const g = groups ? emptySums(groups.labels.length, M) : null;
  const p = periodIndex ? emptySums(periodCount, M) : null;
  const gComp = g ? new Float64Array(g.sum.length) : null;
  const pComp = p ? new Float64Array(p.sum.length) : null;
  total.rows[0] = n;
  if (g && groups) {
    for (let i = 0; i < n; i++) {
      const k = groups.index[i] as number;
      g.rows[k] = (g.rows[k] as number) + 1;
    }
  }
  if (p && periodIndex) {
    for (let i = 0; i < n; i++) {
      const s = periodIndex[i] as number;
      if (s >= 0) p.rows[s] = (p.rows[s] as number) + 1;
    }
  }
  // One loop per measure and per kind of slot, each with its arrays in locals: the tight loops
  // a JIT keeps in registers (a branch per row on which slots exist costs more than the adds).
  for (let m = 0; m < M; m++) {
    const values = (analysis.measures[m] as Analysis['measures'][number]).values;
    let s = 0;
    let c = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const x = values[i] as number;
      if (Number.isNaN(x)) continue; // no number in this cell
      count++;
      const t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
      s = t;
    }
    total.sum[m] = s + c;
    total.count[m] = count;
    if (g && gComp && groups) addInto(values, groups.index, M, m, g.sum, gComp, g.count);
    if (p && pComp && periodIndex) addInto(values, periodIndex, M, m, p.sum, pComp, p.count);
  }
  if (g && gComp)
    for (let k = 0; k < g.sum.length; k++) g.sum[k] = (g.sum[k] as number) + (gComp[k] as number);
  if (p && pComp)
    for (let k = 0; k < p.sum.length; k++) p.sum[k] = (p.sum[k] as number) + (pComp[k] as number);
  return { measures: M, total, groups: g, periods: p };
}

/** Adds measure m of every row into its slot (slot -1: none), Neumaier-compensated. */
function addInto(
  values: Float64Array,
  slots: Int32Array,
  M: number,
  m: number,
  sum: Float64Array,
  comp: Float64Array,
  count: Int32Array,
): void {
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    const slot = slots[i] as number;
    if (slot < 0 || Number.isNaN(x)) continue;
    const k = slot * M + m;
    const s = sum[k] as number;
    const t = s + x;
    comp[k] = (comp[k] as number) + (Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s);
    sum[k] = t;
    count[k] = (count[k] as number) + 1;
  }
}
