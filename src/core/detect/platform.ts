/**
 * Which platform exported a sheet, from its header row, and what that platform says about its
 * columns. Also the rules that hold whatever the platform: headers that resemble a measure but
 * mean something else, people counts that cannot be summed, and which column wins when several
 * fit one measure.
 */
import type { MeasureId } from '../kpi/measures';
import { normalizeKey } from './normalize';
import { type HeaderRule, PLATFORMS, type Platform } from './platforms';
import { notSummed } from './platforms/types';

/** A header's keys: without what is in brackets ("clicks") and with it ("clicks all"). */
export function headerKeys(header: string): readonly string[] {
  const plain = normalizeKey(header);
  const full = normalizeKey(header, true);
  return plain === full ? [plain] : [full, plain];
}

/**
 * A list of headers as matching keys, normalised once: platform files write headers as the
 * platforms do ("Amount spent", "رقم الطلب"), and matching compares normalised keys.
 */
const normalised = new WeakMap<readonly string[], readonly string[]>();
export function keysOf(list: readonly string[]): readonly string[] {
  let keys = normalised.get(list);
  if (!keys) {
    keys = [...new Set(list.flatMap((h) => headerKeys(h)))];
    normalised.set(list, keys);
  }
  return keys;
}

const matches = (keys: readonly string[], list: readonly string[]): boolean => {
  const wanted = keysOf(list);
  return keys.some((k) => wanted.includes(k));
};

/**
 * The platform whose signature headers the row holds the most of (at least its minimum, and all
 * its required ones); null when none fits. Ties go to the platform whose signature is matched by
 * the larger share, i.e. the more specific one.
 */
export function recognisePlatform(headers: readonly string[]): Platform | null {
  const keys = headers.map(headerKeys);
  let best: Platform | null = null;
  let bestScore = 0;
  let bestShare = 0;
  for (const platform of PLATFORMS) {
    const present = (key: string) => keys.some((k) => k.includes(key));
    if (platform.required && !keysOf(platform.required).every(present)) continue;
    const score = keysOf(platform.signature).filter(present).length;
    if (score < platform.minMatches) continue;
    const share = score / platform.signature.length;
    if (score > bestScore || (score === bestScore && share > bestShare)) {
      best = platform;
      bestScore = score;
      bestShare = share;
    }
  }
  return best;
}

/**
 * Headers that never are the measure they resemble, whatever the platform: email bounces are not
 * website bounces, engagement time per user is not session duration, Google's "Interactions" are
 * not engagements; reach and frequency count people once per row, so a sum counts a person on
 * several rows several times.
 */
const EVERYWHERE: readonly HeaderRule[] = [
  notSummed(['soft bounces', 'hard bounces', 'total bounces', 'email bounces'], 'bounces', 'lookalike'),
  notSummed(
    ['average engagement time per active user', 'average engagement time', 'user engagement'],
    'total_duration',
    'lookalike',
  ),
  notSummed(['interactions'], 'engagements', 'lookalike'),
  notSummed(['reach', 'people reached', 'accounts reached', 'frequency'], 'reach', 'not-additive'),
];

/** The rule for a header: the platform's own first, then the rules that hold everywhere. */
export function headerRule(platform: Platform | null, header: string): HeaderRule | null {
  const keys = headerKeys(header);
  if (keys[0] === '') return null;
  for (const rule of platform?.headers ?? []) if (matches(keys, rule.headers)) return rule;
  for (const rule of EVERYWHERE) if (matches(keys, rule.headers)) return rule;
  return null;
}

/** When no platform says: the column a marketer would sum first. */
const GENERIC_PREFER: Partial<Record<MeasureId, readonly string[]>> = {
  clicks: ['link clicks', 'clicks', 'clicks all', 'outbound clicks', 'total clicks'],
  conversions: ['conversions', 'results', 'purchases', 'conv platform comparable', 'all conv'],
  cost: ['cost', 'amount spent', 'spend', 'total spent', 'total cost'],
  revenue: ['revenue', 'total revenue', 'purchase revenue', 'conversion value', 'purchases conversion value'],
  sessions: ['sessions', 'visits'],
};

/**
 * A column's rank among those that fit one measure: its position in the platform's preference
 * (else the generic one); columns no list names rank after every listed one.
 */
export function preferenceRank(platform: Platform | null, m: MeasureId, header: string): number {
  const list = platform?.prefer?.[m] ?? GENERIC_PREFER[m] ?? [];
  const keys = headerKeys(header);
  const at = keysOf(list).findIndex((k) => keys.includes(k));
  return at < 0 ? list.length : at;
}
