/**
 * The paths of a data set in one canonical form every model reads: identical paths merged,
 * channels and paths in a fixed order that does not depend on the order of the input rows, so
 * permuting the rows cannot change a credit, not even in its last bit.
 */

/** One row of input: a path's channels and what followed it. */
export interface PathRow {
  readonly channels: readonly string[];
  readonly conversions: number;
  /** Conversion value; 0 when the function was given no values. */
  readonly value: number;
  /** Journeys that followed the path without converting; 0 when not given. */
  readonly nonConversions: number;
}

/** A distinct path: its touches as channel indices, and the sums of the rows that had it. */
export interface Journey {
  readonly touches: readonly number[];
  readonly conversions: number;
  readonly value: number;
  readonly nonConversions: number;
}

export interface Journeys {
  /**
   * Every channel named in the data, ordered by the conversions of the paths it appears in
   * (most first), then by name: the same order whatever the model, so models line up side by side.
   */
  readonly channels: readonly string[];
  readonly paths: readonly Journey[];
  readonly totalConversions: number;
  readonly totalValue: number;
}

/** Sum in ascending order, so the same numbers in any order give the same bits. */
function canonicalSum(xs: number[]): number {
  xs.sort((a, b) => a - b);
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Merges the rows into distinct paths and numbers the channels. */
export function buildJourneys(rows: readonly PathRow[]): Journeys {
  // "\u0000" cannot occur in a channel name read from a cell's text split on separators.
  const merged = new Map<
    string,
    { channels: readonly string[]; conv: number[]; value: number[]; non: number[] }
  >();
  for (const row of rows) {
    const key = row.channels.join('\u0000');
    let m = merged.get(key);
    if (!m) {
      m = { channels: row.channels, conv: [], value: [], non: [] };
      merged.set(key, m);
    }
    m.conv.push(row.conversions);
    m.value.push(row.value);
    m.non.push(row.nonConversions);
  }
  const keys = [...merged.keys()].sort(byCodePoint);
  const distinct = keys.map((key) => {
    const m = merged.get(key) as NonNullable<ReturnType<typeof merged.get>>;
    return {
      channels: m.channels,
      conversions: canonicalSum(m.conv),
      value: canonicalSum(m.value),
      nonConversions: canonicalSum(m.non),
    };
  });
  // A channel's weight for the row order: conversions of the distinct paths it appears in.
  const touched = new Map<string, number>();
  for (const p of distinct)
    for (const c of new Set(p.channels)) touched.set(c, (touched.get(c) ?? 0) + p.conversions);
  const channels = [...touched.keys()].sort(
    (a, b) => (touched.get(b) as number) - (touched.get(a) as number) || byCodePoint(a, b),
  );
  const index = new Map(channels.map((c, i) => [c, i]));
  return {
    channels,
    paths: distinct.map((p) => ({
      touches: p.channels.map((c) => index.get(c) as number),
      conversions: p.conversions,
      value: p.value,
      nonConversions: p.nonConversions,
    })),
    totalConversions: canonicalSum(distinct.map((p) => p.conversions)),
    totalValue: canonicalSum(distinct.map((p) => p.value)),
  };
}
