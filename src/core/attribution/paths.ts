/**
 * A path text as GA and the ad platforms export it ("Search > Social > Email") read into its
 * channels, first touch first.
 */

/** The separators between touches: ">" (GA), "›" and "→" (ad platforms, hand-typed paths). */
const SEPARATOR = /[>›→]/;
/**
 * Arrows pointing the other way. A path written last-to-first ("Email ← Search") would be read
 * backwards without a word, so it is refused instead.
 */
const BACKWARD = /[<‹←]/;
/** Whitespace and the invisible direction marks RTL text carries at a name's ends (not ZWNJ inside it). */
const ENDS =
  /^[\s\u200b\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]+|[\s\u200b\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]+$/g;

export type PathReading = { ok: true; channels: string[] } | { ok: false; problem: string };

/** The channels of one path text, trimmed, case kept; or why the text is not a path. */
export function readPath(text: string): PathReading {
  const backward = text.match(BACKWARD);
  if (backward)
    return {
      ok: false,
      problem: `uses "${backward[0]}"; write paths from the first touch to the last with ">", "›" or "→"`,
    };
  const channels = text.split(SEPARATOR).map((part) => part.replace(ENDS, ''));
  if (channels.every((c) => c === '')) return { ok: false, problem: 'names no channel' };
  const empty = channels.indexOf('');
  if (empty >= 0)
    return {
      ok: false,
      problem: `has an empty step (touch ${empty + 1} of ${channels.length}); every step between separators needs a channel name`,
    };
  return { ok: true, channels };
}
