/**
 * The report engine (core/report/index.ts), loaded when present. Temporary indirection while the
 * engine is being written: replaced by a static import once it is committed.
 */
import type { ColumnMapping } from '../core/report/model';
import type { ReportOptions, ReportResult } from '../core/report/options';

export type BuildReport = (grid: unknown[][], options: ReportOptions) => ReportResult;
export type DetectColumns = (
  grid: unknown[][],
  options: Pick<ReportOptions, 'lang'>,
) => { readonly mapping: readonly ColumnMapping[] };

export interface Engine {
  readonly buildReport: BuildReport;
  readonly detectColumns: DetectColumns;
}

const ENGINE_MODULE = '../core/report/index';

export async function loadEngine(): Promise<Engine | null> {
  try {
    const mod = (await import(ENGINE_MODULE)) as Partial<Engine>;
    return typeof mod.buildReport === 'function' && typeof mod.detectColumns === 'function'
      ? { buildReport: mod.buildReport, detectColumns: mod.detectColumns }
      : null;
  } catch {
    return null;
  }
}
