/** The attribution models by name, and the one entry point that runs any of them. */
import type { Credits } from './credits';
import type { Journeys } from './journeys';
import { markovCredits } from './markov';
import { type RuleModel, ruleCredits } from './rules';
import { shapleyCredits } from './shapley';

export const ATTRIBUTION_MODELS = [
  'first_touch',
  'last_touch',
  'linear',
  'position_based',
  'time_decay',
  'markov',
  'shapley',
] as const;

export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

export interface AttributionOptions {
  /** time_decay: touches for a touch's weight to halve; 1 when left out. */
  readonly halfLife?: number;
}

/** A model's name as typed: "Position-based", " LINEAR " and "time decay" are read too. */
export function modelByName(text: string): AttributionModel | undefined {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return ATTRIBUTION_MODELS.find((m) => m === key);
}

/** Each channel's credit under `model`; the credits sum to the total conversions and value. */
export function attribute(
  journeys: Journeys,
  model: AttributionModel,
  options: AttributionOptions = {},
): Credits {
  switch (model) {
    case 'markov':
      return markovCredits(journeys).credits;
    case 'shapley':
      return shapleyCredits(journeys);
    default:
      return ruleCredits(journeys, model satisfies RuleModel, options.halfLife ?? 1);
  }
}
