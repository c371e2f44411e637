/**
 * The first-order Markov model (Anderl et al. 2016): states start → channels → conversion / null,
 * transition probabilities counted from the paths, and each channel credited by its removal
 * effect: how much P(conversion) falls when every transition into it goes to null instead.
 * Solved exactly (one LU factorisation of I − Q over the transient states), not simulated.
 */
import { type Credits, emptyCredits } from './credits';
import { AttributionInputError } from './errors';
import type { Journeys } from './journeys';
import { luFactor, luSolve, luSolveTransposed } from './lu';

/**
 * Dense n³ work (an LU factorisation, then one solve per channel): 500 channels take about a
 * second in Node, 1,000 about eight, too close to Sheets' 30-second limit for a custom function.
 * Path exports group touches into channels, so a few hundred is already far more than they hold.
 */
export const MARKOV_MAX_CHANNELS = 500;

export interface MarkovResult {
  readonly credits: Credits;
  /** P(conversion) from start in the chain built from the data. */
  readonly conversionProbability: number;
  /** 1 − P(conversion with the channel removed) / P(conversion), per channel. */
  readonly removalEffects: Float64Array;
}

/**
 * The chain's counts: state 0 is start, channel c is state c + 1. A path of journeys converting
 * `conversions` times and leaving `nonConversions` times adds their sum to each of its steps,
 * then its conversions to last → conversion and its non-conversions to last → null.
 */
function countTransitions(journeys: Journeys) {
  const n = journeys.channels.length + 1;
  const steps = new Float64Array(n * n);
  const toConversion = new Float64Array(n);
  const out = new Float64Array(n);
  for (const p of journeys.paths) {
    const w = p.conversions + p.nonConversions;
    if (w === 0) continue;
    let from = 0;
    for (const c of p.touches) {
      steps[from * n + c + 1] = (steps[from * n + c + 1] as number) + w;
      out[from] = (out[from] as number) + w;
      from = c + 1;
    }
    toConversion[from] = (toConversion[from] as number) + p.conversions;
    out[from] = (out[from] as number) + w;
  }
  return { n, steps, toConversion, out };
}

export function markovCredits(journeys: Journeys): MarkovResult {
  const m = journeys.channels.length;
  const credits = emptyCredits(m);
  const removalEffects = new Float64Array(m);
  if (journeys.totalConversions === 0) {
    if (journeys.totalValue > 0)
      throw new AttributionInputError(
        'markov shares value by how journeys convert, and these paths have value but no conversions',
      );
    return { credits, conversionProbability: 0, removalEffects };
  }
  if (m > MARKOV_MAX_CHANNELS)
    throw new AttributionInputError(
      `markov is solved exactly for up to ${MARKOV_MAX_CHANNELS.toLocaleString('en')} channels; these paths have ${m.toLocaleString('en')}`,
    );
  const { n, steps, toConversion, out } = countTransitions(journeys);
  // A = I − Q; b = P(step to conversion). A state never left (its paths had no journeys) gets
  // the row of an absorbing null: x = 0 there.
  const a = new Float64Array(n * n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i * n + i] = 1;
    const total = out[i] as number;
    if (total === 0) continue;
    for (let j = 0; j < n; j++)
      a[i * n + j] = (a[i * n + j] as number) - (steps[i * n + j] as number) / total;
    b[i] = (toConversion[i] as number) / total;
  }
  const lu = luFactor(a, n);
  const x = luSolve(lu, b); // x[i] = P(conversion | at state i)
  const visits = luSolveTransposed(lu, unit(n, 0)); // visits[j] = expected visits to j from start
  const p = x[0] as number;
  // Removing c changes only the walks that reach c: they converted with x[c] after the first
  // visit and now never do. So P(conversion without c) = p − h_c · x_c, where h_c, the chance
  // to reach c, is visits to c from start ÷ visits to c from c itself.
  let sum = 0;
  for (let c = 0; c < m; c++) {
    const s = c + 1;
    if (!((visits[s] as number) > 0) || !((x[s] as number) > 0)) continue;
    const fromItself = luSolve(lu, unit(n, s))[s] as number;
    const effect = Math.min(1, (((visits[s] as number) / fromItself) * (x[s] as number)) / p);
    removalEffects[c] = effect;
    sum += effect;
  }
  if (!(sum > 0)) throw new Error('markov: no channel has a removal effect, yet the paths convert');
  for (let c = 0; c < m; c++) {
    const share = (removalEffects[c] as number) / sum;
    credits.conversions[c] = share * journeys.totalConversions;
    credits.value[c] = share * journeys.totalValue;
  }
  return { credits, conversionProbability: p, removalEffects };
}

function unit(n: number, i: number): Float64Array {
  const e = new Float64Array(n);
  e[i] = 1;
  return e;
}
