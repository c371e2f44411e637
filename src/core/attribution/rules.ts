/**
 * The rule-based models: each path's conversions (and value) shared among its touches by fixed
 * weights that sum to 1. A channel touched twice in a path is credited for each touch.
 */
import { type Credits, emptyCredits } from './credits';
import type { Journeys } from './journeys';

export type RuleModel = 'first_touch' | 'last_touch' | 'linear' | 'position_based' | 'time_decay';

/** Position-based shares (Google Ads' "position-based": 40% first, 40% last, 20% the middle). */
const FIRST = 0.4;
const LAST = 0.4;

/** The weight of each of a path's `n` touches under a rule model, first touch first. */
export function touchWeights(model: RuleModel, n: number, halfLife = 1): number[] {
  const w = new Array<number>(n).fill(0);
  switch (model) {
    case 'first_touch':
      w[0] = 1;
      return w;
    case 'last_touch':
      w[n - 1] = 1;
      return w;
    case 'linear':
      return w.fill(1 / n);
    case 'position_based':
      if (n === 1) return [1];
      if (n === 2) return [0.5, 0.5];
      w.fill((1 - FIRST - LAST) / (n - 2));
      w[0] = FIRST;
      w[n - 1] = LAST;
      return w;
    case 'time_decay': {
      // k touches after it (the last has k = 0): weight 0.5^(k / half-life), then normalised.
      let sum = 0;
      for (let i = 0; i < n; i++) {
        w[i] = 0.5 ** ((n - 1 - i) / halfLife);
        sum += w[i] as number;
      }
      return w.map((x) => x / sum);
    }
  }
}

export function ruleCredits(journeys: Journeys, model: RuleModel, halfLife = 1): Credits {
  const credits = emptyCredits(journeys.channels.length);
  for (const p of journeys.paths) {
    if (p.conversions === 0 && p.value === 0) continue;
    const weights = touchWeights(model, p.touches.length, halfLife);
    p.touches.forEach((channel, i) => {
      const w = weights[i] as number;
      credits.conversions[channel] = (credits.conversions[channel] as number) + w * p.conversions;
      credits.value[channel] = (credits.value[channel] as number) + w * p.value;
    });
  }
  return credits;
}
