/**
 * A platform's export, as data: the headers that identify it, how its columns are to be read
 * where the generic synonyms would guess wrong, which column wins when several fit one measure,
 * and (for order exports) how orders and their money are counted. One file per platform, read by
 * the one detection pass (../platform.ts): adding a platform is adding a file and a fixture.
 */
import type { MeasureId } from '../../kpi/measures';
import type { ColumnRole } from '../types';

/** Why a header that names a measure is not summed. */
export type NotSummedWhy =
  /** It resembles a measure but means something else (email bounces are not website bounces). */
  | 'lookalike'
  /** It counts people once per row, so a sum counts the same person on several rows (reach, users). */
  | 'not-additive';

export interface HeaderRule {
  /** Header keys (normalizeKey, with or without what is in brackets) this rule applies to. */
  readonly headers: readonly string[];
  readonly role: ColumnRole;
  /** For an ignored header that names a measure: which one, and why it is not summed. */
  readonly notSummed?: { readonly measure: MeasureId; readonly why: NotSummedWhy };
}

export interface OrderExport {
  /** The order id column's header keys: orders = distinct ids. */
  readonly id: readonly string[];
  /** The order total's header keys: revenue = each order's total, once. */
  readonly total: readonly string[];
  /** A refunds column, noted (not subtracted: the export's total is what was charged). */
  readonly refunds?: readonly string[];
}

export interface Platform {
  readonly id: string;
  /** The platform's own name, as users know it. */
  readonly name: string;
  /** Header keys that together identify the export. */
  readonly signature: readonly string[];
  /** How many signature headers must be present. */
  readonly minMatches: number;
  /** Header keys that must all be present (beyond the count). */
  readonly required?: readonly string[];
  /** Rules that win over the generic synonyms for this platform's files. */
  readonly headers?: readonly HeaderRule[];
  /** When several columns fit one measure: their header keys, the one to sum first. */
  readonly prefer?: Partial<Record<MeasureId, readonly string[]>>;
  readonly orders?: OrderExport;
  /** The benchmark profile its data fits by default (used by the report's default colours). */
  readonly profile?: string;
}

export const measure = (id: MeasureId): ColumnRole => ({ kind: 'measure', measure: id });
export const IGNORED: ColumnRole = { kind: 'ignored' };

/** An ignored header that names a measure it must not be summed as. */
export const notSummed = (headers: readonly string[], m: MeasureId, why: NotSummedWhy): HeaderRule => ({
  headers,
  role: IGNORED,
  notSummed: { measure: m, why },
});
