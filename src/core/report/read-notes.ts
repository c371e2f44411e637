/**
 * How the reading of a sheet is said: the engine's judgements, the rows left out (by reason) and
 * the decimal mark of text numbers. One phrasing, read by the report's notes (build.ts) and the
 * sidebar's preview (preview.ts), so both say the same thing in the same words.
 */
import type { Analysis, ExcludedReason, NumberStyle } from '../detect/analyse';
import { rowList } from '../detect/letters';
import type { Lang } from '../i18n/lang';
import { label } from '../i18n/report-labels';
import type { DataNote } from './model';

/** The rows left out for one reason, 1-based, with the note that names them. */
export interface ExcludedGroup {
  readonly reason: ExcludedReason;
  readonly rows: readonly number[];
  readonly message: string;
}

/** The order the notes name them in. */
const REASONS: readonly ExcludedReason[] = ['total', 'summary', 'header', 'note', 'section'];

function excludedMessage(reason: ExcludedReason, rows: readonly number[], lang: Lang): string {
  const list = rowList(rows);
  const one = rows.length === 1; // "row 4", not "rows 4"
  switch (reason) {
    case 'total':
      return label(one ? 'excludedTotalOne' : 'excludedTotal', lang, { rows: list });
    case 'summary':
      return label(one ? 'excludedSummaryOne' : 'excludedSummary', lang, { rows: list });
    case 'header':
      return label(one ? 'excludedHeaderOne' : 'excludedHeader', lang, { rows: list });
    case 'note':
      return label(one ? 'excludedNoteOne' : 'excludedNote', lang, { rows: list });
    case 'section':
      return label(one ? 'excludedSectionOne' : 'excludedSection', lang, {
        first: rows[0] as number,
        rows: list,
      });
  }
}

/** Every reason that left rows out, with those rows (1-based) and the note that says so. */
export function excludedGroups(analysis: Pick<Analysis, 'excluded'>, lang: Lang): ExcludedGroup[] {
  const out: ExcludedGroup[] = [];
  for (const reason of REASONS) {
    const rows = analysis.excluded.filter((e) => e.reason === reason).map((e) => e.row + 1);
    if (rows.length > 0) out.push({ reason, rows, message: excludedMessage(reason, rows, lang) });
  }
  return out;
}

/** Which decimal mark text numbers were read with, an example, and why (a guess says so). */
export function decimalNote(style: NumberStyle, lang: Lang): string {
  const basis = {
    forced: 'decimalBasisForced',
    values: 'decimalBasisValues',
    counts: 'decimalBasisCounts',
    delimiter: 'decimalBasisDelimiter',
    default: 'decimalBasisDefault',
  } as const;
  const example = style.mark === ',' ? '1.234,5 = 1234.5' : '1,234.5 = 1234.5';
  return label('decimalRead', lang, { mark: style.mark, example, basis: label(basis[style.basis], lang) });
}

/** The decimal note when it has something to say: a text number had a separator, or the mark was forced. */
export function decimalNoteIfAny(style: NumberStyle, lang: Lang): string | null {
  return style.mattered || style.basis === 'forced' ? decimalNote(style, lang) : null;
}

/**
 * The notes about the reading itself, in the order the report lists them: the engine's
 * judgements (the platform first), the rows left out, the decimal mark.
 */
export function readingNotes(analysis: Analysis, lang: Lang): DataNote[] {
  const notes: DataNote[] = analysis.readNotes.map((n) => ({ ...n }));
  for (const g of excludedGroups(analysis, lang))
    notes.push({ message: g.message, rows: g.rows, leftOut: g.reason });
  const decimal = decimalNoteIfAny(analysis.numberStyle, lang);
  if (decimal !== null) notes.push({ message: decimal });
  return notes;
}
