/**
 * The sidebar's preview: what the engine reads in a sheet (header row, each column's role and
 * confidence, unrecognised columns, the platform, the judgements it made, the rows it leaves
 * out, the KPIs it can and cannot compute and why) without summing or laying out anything.
 * The judgements are phrased by the same code as the report's notes (read-notes.ts).
 */
import { type Analysis, analyse } from '../detect/analyse';
import { label } from '../i18n/report-labels';
import type { MeasureId } from '../kpi/measures';
import type { Grid, Table } from '../table/table';
import { type KpiInputUse, planKpis } from './kpi-plan';
import type { ColumnMapping, DataNote, KpiNotComputed } from './model';
import type { InputProblem, ReportOptions } from './options';
import { decimalNoteIfAny, type ExcludedGroup, excludedGroups } from './read-notes';

export interface ColumnsPreview {
  readonly ok: boolean;
  /** 0-based, null when none was found. */
  readonly headerRow: number | null;
  readonly dataRows: number;
  readonly mapping: readonly ColumnMapping[];
  /**
   * Columns with a header the engine did not recognise (the user may assign them); a column that
   * names a measure but is not summed (`notSummed`) was recognised, so it is not here.
   */
  readonly unrecognised: readonly ColumnMapping[];
  readonly computable: readonly { readonly kpi: string; readonly inputs: readonly KpiInputUse[] }[];
  readonly notComputable: readonly KpiNotComputed[];
  readonly problems: readonly InputProblem[];
  /** The platform that exported the sheet, recognised from its headers; null when none was. */
  readonly platform: Analysis['platform'];
  /**
   * The engine's judgements while reading (a column chosen over others, columns not summed,
   * Meta's Results, order exports) and the decimal mark when it mattered, in the request's
   * language; the platform is in `platform`, not repeated here.
   */
  readonly readNotes: readonly DataNote[];
  /** The rows left out, grouped by reason (1-based rows), each with the note that names them. */
  readonly excluded: readonly ExcludedGroup[];
}

export type PreviewOptions = Pick<ReportOptions, 'lang' | 'headerRow' | 'overrides' | 'kpis' | 'grossMargin'>;

export function detectColumns(grid: Grid | Table, options: PreviewOptions): ColumnsPreview {
  const read = analyse(grid, options);
  if (!read.ok) {
    return {
      ok: false,
      headerRow: null,
      dataRows: 0,
      mapping: [],
      unrecognised: [],
      computable: [],
      notComputable: [],
      problems: read.problems,
      platform: null,
      readNotes: [],
      excluded: [],
    };
  }
  const a = read.analysis;
  const available = new Set<MeasureId>(a.measures.map((m) => m.measure));
  const planning = planKpis(available, {
    lang: options.lang,
    ...(options.kpis ? { kpis: options.kpis } : {}),
    ...(options.grossMargin !== undefined ? { grossMargin: options.grossMargin } : {}),
    currency: null,
  });
  return {
    ok: true,
    headerRow: a.headerRow,
    dataRows: a.dataRows.length,
    mapping: a.mapping,
    unrecognised: a.mapping.filter(
      (m) =>
        m.header !== '' &&
        !m.overridden &&
        !m.notSummed &&
        m.confidence < 1 &&
        (m.role.kind === 'ignored' || (m.role.kind === 'dimension' && m.role.dimension === 'text')),
    ),
    computable: planning.plans.map((p) => ({ kpi: p.def.id, inputs: p.inputs })),
    notComputable: planning.notComputed,
    problems: [],
    platform: a.platform,
    readNotes: judgements(a, options.lang),
    excluded: excludedGroups(a, options.lang),
  };
}

/** The reading notes without the platform's (the preview shows it on its own), then the decimal mark. */
function judgements(a: Analysis, lang: PreviewOptions['lang']): DataNote[] {
  const platformNote = a.platform ? label('platformRead', lang, { platform: a.platform.name }) : null;
  const notes: DataNote[] = a.readNotes.filter((n) => n.message !== platformNote).map((n) => ({ ...n }));
  const decimal = decimalNoteIfAny(a.numberStyle, lang);
  if (decimal !== null) notes.push({ message: decimal });
  return notes;
}
