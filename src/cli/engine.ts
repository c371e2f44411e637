/**
 * The report engine (core/report/index.ts), loaded when present. Temporary indirection while the
 * engine is being written: replaced by a static import once it lands.
 */
import type { ReportOptions, ReportResult } from '../core/report/options';

export type BuildReport = (grid: unknown[][], options: ReportOptions) => ReportResult;

const ENGINE_MODULE = '../core/report/index';

export async function loadEngine(): Promise<BuildReport | null> {
  try {
    const mod = (await import(ENGINE_MODULE)) as { buildReport?: BuildReport };
    return typeof mod.buildReport === 'function' ? mod.buildReport : null;
  } catch {
    return null;
  }
}
