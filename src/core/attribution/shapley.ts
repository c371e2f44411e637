/**
 * Shapley attribution: v(S) = the conversions (and, as a second game, the value) of the paths
 * whose set of distinct channels lies within S; each channel credited with its exact Shapley value,
 * φ_i = Σ over S ∌ i of |S|!(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S)), v precomputed over bitmasks.
 */
import { type Credits, emptyCredits } from './credits';
import { AttributionInputError } from './errors';
import type { Journeys } from './journeys';

/** 2^20 coalitions, two games: 16 MB and ~20 million steps, within a custom function's time. */
export const SHAPLEY_MAX_CHANNELS = 20;

export function shapleyCredits(journeys: Journeys): Credits {
  const credits = emptyCredits(journeys.channels.length);
  // Players: channels of paths with something to share. A channel only in paths with neither
  // conversions nor value adds nothing to any coalition (a null player), so its value is 0 and
  // leaving it out changes no other channel's value.
  const players: number[] = [];
  const bit = new Map<number, number>();
  const sharing = journeys.paths.filter((p) => p.conversions !== 0 || p.value !== 0);
  for (const p of sharing)
    for (const c of p.touches)
      if (!bit.has(c)) {
        bit.set(c, players.length);
        players.push(c);
      }
  const n = players.length;
  if (n === 0) return credits;
  if (n > SHAPLEY_MAX_CHANNELS)
    throw new AttributionInputError(
      `shapley is computed exactly for up to ${SHAPLEY_MAX_CHANNELS} channels (2^${SHAPLEY_MAX_CHANNELS} coalitions); the converting paths have ${n}. Group channels (e.g. into GA's default channel groups) or use markov`,
    );
  const size = 1 << n;
  // v starts as the total of the paths whose channel set is exactly the mask, then is summed
  // over subsets (one pass per bit), giving v(S) for every S.
  const vConv = new Float64Array(size);
  const vValue = new Float64Array(size);
  for (const p of sharing) {
    let mask = 0;
    for (const c of p.touches) mask |= 1 << (bit.get(c) as number);
    vConv[mask] = (vConv[mask] as number) + p.conversions;
    vValue[mask] = (vValue[mask] as number) + p.value;
  }
  for (let i = 0; i < n; i++) {
    const b = 1 << i;
    for (let mask = 0; mask < size; mask++)
      if (mask & b) {
        vConv[mask] = (vConv[mask] as number) + (vConv[mask ^ b] as number);
        vValue[mask] = (vValue[mask] as number) + (vValue[mask ^ b] as number);
      }
  }
  // weight[s] = s!(n−s−1)!/n! = 1 / (n · C(n−1, s)).
  const weight = new Float64Array(n);
  let choose = 1;
  for (let s = 0; s < n; s++) {
    weight[s] = 1 / (n * choose);
    choose = (choose * (n - 1 - s)) / (s + 1);
  }
  const popcount = new Uint8Array(size);
  for (let mask = 1; mask < size; mask++) popcount[mask] = (popcount[mask >> 1] as number) + (mask & 1);
  for (let i = 0; i < n; i++) {
    const b = 1 << i;
    let conv = 0;
    let value = 0;
    for (let mask = 0; mask < size; mask++) {
      if (mask & b) continue;
      const w = weight[popcount[mask] as number] as number;
      conv += w * ((vConv[mask | b] as number) - (vConv[mask] as number));
      value += w * ((vValue[mask | b] as number) - (vValue[mask] as number));
    }
    const c = players[i] as number;
    credits.conversions[c] = conv;
    credits.value[c] = value;
  }
  return credits;
}
