/**
 * The sidebar's preview: what the engine reads in a sheet (header row, each column's role and
 * confidence, unrecognised columns, the KPIs it can and cannot compute and why) without
 * summing or laying out anything.
 */
import { analyse } from '../detect/analyse';
import type { MeasureId } from '../kpi/measures';
import { type KpiInputUse, planKpis } from './kpi-plan';
import type { ColumnMapping, KpiNotComputed } from './model';
import type { InputProblem, ReportOptions } from './options';

export interface ColumnsPreview {
  readonly ok: boolean;
  /** 0-based, null when none was found. */
  readonly headerRow: number | null;
  readonly dataRows: number;
  readonly mapping: readonly ColumnMapping[];
  /** Columns with a header the engine did not recognise (the user may assign them). */
  readonly unrecognised: readonly ColumnMapping[];
  readonly computable: readonly { readonly kpi: string; readonly inputs: readonly KpiInputUse[] }[];
  readonly notComputable: readonly KpiNotComputed[];
  readonly problems: readonly InputProblem[];
}

export type PreviewOptions = Pick<ReportOptions, 'lang' | 'headerRow' | 'overrides' | 'kpis' | 'grossMargin'>;

export function detectColumns(grid: unknown[][], options: PreviewOptions): ColumnsPreview {
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
        m.confidence < 1 &&
        (m.role.kind === 'ignored' || (m.role.kind === 'dimension' && m.role.dimension === 'text')),
    ),
    computable: planning.plans.map((p) => ({ kpi: p.def.id, inputs: p.inputs })),
    notComputable: planning.notComputed,
    problems: [],
  };
}
