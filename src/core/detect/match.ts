/**
 * Matching one header against the synonym table: an exact synonym is sure (confidence 1); a
 * header that contains a synonym ("Website purchases", "Clicks on link") is a guess whose
 * confidence grows with how much of the header the synonym covers. A guess on a header that
 * says it is a rate or an average ("Avg. order value", "Cost per …", "%") is not a measure.
 */

import { normalizeKey } from './normalize';
import { HEADER_SYNONYMS, TOTAL_LABELS } from './synonyms';
import type { ColumnRole } from './types';

export interface HeaderMatch {
  readonly role: ColumnRole;
  readonly confidence: number;
}

/** Spaces removed: Persian writes "نشست‌ها", "نشست ها" and "نشستها" for one word. */
const compact = (key: string): string => key.replace(/ /g, '');

interface SynonymIndex {
  readonly exact: Map<string, ColumnRole>;
  readonly partial: { tokens: string[]; role: ColumnRole }[];
  readonly totals: Set<string>;
}

let built: SynonymIndex | null = null;

/**
 * The synonym table keyed for matching, built on first use: the Apps Script bundle is evaluated
 * before every custom-function call, which never matches a header, so that start-up must not pay.
 */
function synonymIndex(): SynonymIndex {
  if (built) return built;
  const exact = new Map<string, ColumnRole>();
  const partial: { tokens: string[]; role: ColumnRole }[] = [];
  for (const entry of HEADER_SYNONYMS) {
    for (const word of entry.words) {
      const key = normalizeKey(word);
      if (!exact.has(compact(key))) exact.set(compact(key), entry.role);
      partial.push({ tokens: key.split(' '), role: entry.role });
    }
  }
  partial.sort((a, b) => b.tokens.join(' ').length - a.tokens.join(' ').length);
  const totals = new Set(TOTAL_LABELS.map((w) => compact(normalizeKey(w))));
  built = { exact, partial, totals };
  return built;
}

const RATE_WORDS = new Set([
  'rate',
  'avg',
  'average',
  'per',
  'ratio',
  'نرخ',
  'معدل',
  'متوسط',
  'میانگین',
  'هر',
  'نسبه',
]);

function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Answers for texts already matched: the header search asks about the same first rows' cells on
 * every analysis (the DuckDB engine analyses them twice), and data cells repeat (channel names).
 */
const matched = new Map<string, HeaderMatch | null>();
const MATCHED_MAX = 10_000;

/** The role a header names, or null when it names none. */
export function matchHeader(header: unknown): HeaderMatch | null {
  if (typeof header !== 'string') return matchHeaderKey(header);
  const known = matched.get(header);
  if (known !== undefined) return known;
  const found = matchHeaderKey(header);
  if (matched.size >= MATCHED_MAX) matched.clear();
  matched.set(header, found);
  return found;
}

function matchHeaderKey(header: unknown): HeaderMatch | null {
  const key = normalizeKey(header);
  if (key === '') return null;
  // "Revenue %" is a share, not the revenue: a percent sign makes a measure header a derived column.
  const percent = typeof header === 'string' && /[%٪]/.test(header);
  const exact = synonymIndex().exact.get(compact(key));
  if (exact)
    return exact.kind === 'measure' && percent
      ? { role: { kind: 'ignored' }, confidence: 0.5 }
      : { role: exact, confidence: 1 };
  const tokens = key.split(' ');
  for (const p of synonymIndex().partial) {
    if (!containsRun(tokens, p.tokens)) continue;
    if (p.role.kind === 'measure' && (percent || tokens.some((t) => RATE_WORDS.has(t)))) {
      return { role: { kind: 'ignored' }, confidence: 0.5 };
    }
    const share = p.tokens.length / tokens.length;
    return { role: p.role, confidence: Math.round((0.5 + 0.4 * share) * 100) / 100 };
  }
  return null;
}

/** True for a cell that labels a total row: "Total", "الإجمالي", "جمع", "Total: Account". */
export function isTotalLabel(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  // Brackets are kept: they hold units in headers, but in a label they are part of the name,
  // and dropping them would turn a campaign called "@SUM(A1)" into "sum", a total.
  const key = normalizeKey(value, true);
  if (key === '') return false;
  const { totals } = synonymIndex();
  if (totals.has(compact(key))) return true;
  const first = key.split(' ')[0] ?? '';
  return value.includes(':') && totals.has(first);
}

/** The compact key, for comparing a repeated header row with the header. */
export function headerKey(value: unknown): string {
  return compact(normalizeKey(value));
}
