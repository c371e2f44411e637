/** Data a model cannot attribute, in words that name what to change (the caller adds its own prefix). */
export class AttributionInputError extends Error {
  override name = 'AttributionInputError';
}
