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

/** Beyond this many days between the first period's start and the last one's end, no lookup table. */
const MAX_TABLE_DAYS = 1 << 20;

/**
 * Period slot per data row (-1: no date): the periods are contiguous, so a day's slot is looked up
 * in a table of the days they span, or (a span of centuries) found by binary search.
 */
export function periodRows(days: Float64Array, periods: readonly Period[]): Int32Array {
  const index = new Int32Array(days.length);
  const starts = periods.map((p) => p.start);
  const end = periods.length > 0 ? (periods[periods.length - 1] as Period).end : 0;
  const first = starts[0] ?? 0;
  if (periods.length > 0 && end - first <= MAX_TABLE_DAYS && starts.every(Number.isInteger)) {
    const slotOfDay = new Int32Array(end - first);
    periods.forEach((p, k) => {
      slotOfDay.fill(k, p.start - first, p.end - first);
    });
    for (let i = 0; i < days.length; i++) {
      const d = Math.floor(days[i] as number) - first;
      // NaN (no date) and days outside the periods fail both tests.
      index[i] = d >= 0 && d < slotOfDay.length ? (slotOfDay[d] as number) : -1;
    }
    return index;
  }
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

/** Beyond this many (group, period) slots, sums go straight to groups and periods (three passes). */
const MAX_PAIR_SLOTS = 1 << 16;

/**
 * Adds every measure of every data row into the total, its group and its period. Where the
 * (group, period) pairs are few, each row is added once, into its pair, and the pairs' sums
 * (each kept with its compensation) make the groups', periods' and total's: one pass over the
 * rows instead of three.
 */
export function aggregate(
  analysis: Analysis,
  groups: Groups | null,
  periodIndex: Int32Array | null,
  periodCount: number,
): Aggregates {
  const M = analysis.measures.length;
  const n = analysis.dataRows.length;
  const G = groups ? groups.labels.length : 0;
  const total = emptySums(1, M);
  const g = groups ? emptySums(G, M) : null;
  const p = periodIndex ? emptySums(periodCount, M) : null;
  total.rows[0] = n;
  if (g && groups) {
    for (let i = 0; i < n; i++) {
      const k = groups.index[i] as number;
      if (k >= 0) g.rows[k] = (g.rows[k] as number) + 1;
    }
  }
  if (p && periodIndex) {
    for (let i = 0; i < n; i++) {
      const s = periodIndex[i] as number;
      if (s >= 0) p.rows[s] = (p.rows[s] as number) + 1;
    }
  }
  // A slot for "no group" and one for "no period": every row has a pair.
  const pairs = (G + 1) * (periodCount + 1);
  if (pairs <= MAX_PAIR_SLOTS && pairs * 8 <= Math.max(n, 64))
    byPairs(analysis, groups, periodIndex, periodCount, { total, groups: g, periods: p });
  else byKind(analysis, groups, periodIndex, { total, groups: g, periods: p });
  return { measures: M, total, groups: g, periods: p };
}

interface Targets {
  readonly total: Sums;
  readonly groups: Sums | null;
  readonly periods: Sums | null;
}

/** Per measure: the total in one loop, the groups in another, the periods in a third. */
function byKind(
  analysis: Analysis,
  groups: Groups | null,
  periodIndex: Int32Array | null,
  to: Targets,
): void {
  const M = analysis.measures.length;
  const { total, groups: g, periods: p } = to;
  const gComp = g ? new Float64Array(g.sum.length) : null;
  const pComp = p ? new Float64Array(p.sum.length) : null;
  // One loop per measure and per kind of slot, each with its arrays in locals: the tight loops
  // a JIT keeps in registers (a branch per row on which slots exist costs more than the adds).
  for (let m = 0; m < M; m++) {
    const values = (analysis.measures[m] as Analysis['measures'][number]).values;
    let s = 0;
    let c = 0;
    let count = 0;
    for (let i = 0; i < values.length; i++) {
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
}

/** Each row into its (group, period) pair once per measure; then the pairs into groups, periods and total. */
function byPairs(
  analysis: Analysis,
  groups: Groups | null,
  periodIndex: Int32Array | null,
  periodCount: number,
  to: Targets,
): void {
  const M = analysis.measures.length;
  const n = analysis.dataRows.length;
  const G = groups ? groups.labels.length : 0;
  const P = periodCount + 1;
  // The pair of each row: slot G for no group, slot periodCount for no period.
  const pairOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const gs = groups ? (groups.index[i] as number) : -1;
    const ps = periodIndex ? (periodIndex[i] as number) : -1;
    pairOf[i] = (gs < 0 ? G : gs) * P + (ps < 0 ? periodCount : ps);
  }
  const slots = (G + 1) * P;
  const sum = new Float64Array(slots * M);
  const comp = new Float64Array(slots * M);
  const count = new Int32Array(slots * M);
  for (let m = 0; m < M; m++) {
    const values = (analysis.measures[m] as Analysis['measures'][number]).values;
    addInto(values, pairOf, M, m, sum, comp, count);
  }
  const total = new Neumaier(M);
  const perGroup = groups ? new Neumaier(G * M) : null;
  const perPeriod = periodIndex ? new Neumaier(periodCount * M) : null;
  for (let gs = 0; gs <= G; gs++)
    for (let ps = 0; ps < P; ps++) {
      const base = (gs * P + ps) * M;
      for (let m = 0; m < M; m++) {
        const k = base + m;
        const c = count[k] as number;
        if (c === 0) continue;
        const s = sum[k] as number;
        const e = comp[k] as number;
        total.add(m, s, e, c);
        if (perGroup && gs < G) perGroup.add(gs * M + m, s, e, c);
        if (perPeriod && ps < periodCount) perPeriod.add(ps * M + m, s, e, c);
      }
    }
  total.into(to.total);
  if (perGroup && to.groups) perGroup.into(to.groups);
  if (perPeriod && to.periods) perPeriod.into(to.periods);
}

/** Compensated sums of partial sums (each a sum and its own compensation). */
class Neumaier {
  private readonly sum: Float64Array;
  private readonly comp: Float64Array;
  private readonly count: Int32Array;
  constructor(size: number) {
    this.sum = new Float64Array(size);
    this.comp = new Float64Array(size);
    this.count = new Int32Array(size);
  }
  add(k: number, s: number, e: number, c: number): void {
    const a = this.sum[k] as number;
    const t = a + s;
    this.comp[k] = (this.comp[k] as number) + (Math.abs(a) >= Math.abs(s) ? a - t + s : s - t + a) + e;
    this.sum[k] = t;
    this.count[k] = (this.count[k] as number) + c;
  }
  into(target: Sums): void {
    for (let k = 0; k < this.sum.length; k++) {
      target.sum[k] = (this.sum[k] as number) + (this.comp[k] as number);
      target.count[k] = this.count[k] as number;
    }
  }
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
