/** What every model gives: each channel's credited conversions and value, in Journeys.channels order. */
export interface Credits {
  readonly conversions: Float64Array;
  readonly value: Float64Array;
}

export const emptyCredits = (channels: number): Credits => ({
  conversions: new Float64Array(channels),
  value: new Float64Array(channels),
});
