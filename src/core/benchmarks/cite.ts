/**
 * A benchmark's source as the legend shows it: publisher, edition, year and scope, "older than 3
 * years" when it is, the caveat on email opens, and Mizan's own conventions named as Mizan's.
 */

import { benchmarkLabel as label } from '../i18n/benchmark-labels';
import type { Lang } from '../i18n/lang';
import { type Benchmark, isMizanRule, isTeamRule, type Source } from './types';

/** A figure whose edition is more than this many years old says so in the legend. */
export const OLD_AFTER_YEARS = 3;
/** A figure older than this needs a note saying why it is still the best available (tested). */
export const STALE_AFTER_YEARS = 5;

export const isOlderThan = (source: Source, years: number, thisYear: number): boolean =>
  thisYear - source.year > years;

/** The source in a line: `Publisher, "Title", 2025 (scope)`; the link is in KPI_BENCHMARK and the docs. */
export function sourceText(source: Source): string {
  return `${source.publisher}, "${source.title}", ${source.year} (${source.scope})`;
}

/** The legend's source text for a benchmark, in the report's language. */
export function citationText(
  b: Benchmark,
  lang: Lang,
  thisYear: number = new Date().getUTCFullYear(),
): string {
  const c = b.citation;
  if (isMizanRule(c)) return label('breakEvenRule', lang);
  if (isTeamRule(c)) return label('teamThreshold', lang, { t: c.template });
  const parts = [sourceText(c)];
  if (isOlderThan(c, OLD_AFTER_YEARS, thisYear)) parts.push(label('olderThan', lang, { n: OLD_AFTER_YEARS }));
  if (c.secondary) parts.push(label('quotedOnly', lang));
  // Whatever the figure, opens counted since Apple's Mail Privacy Protection are not all people.
  if (b.kpi === 'open_rate') parts.push(label('opensInflated', lang));
  // A fair band Mizan derived from a single figure is said to be Mizan's, not the source's.
  if (b.fairMargin !== undefined)
    parts.push(label('fairRuleSource', lang, { pct: Math.round(b.fairMargin * 100) }));
  return parts.join('; ');
}
