/**
 * What the Apps Script bundle needs of the custom functions: each name and the code that runs
 * it. Their help (descriptions, parameter docs, examples) lives in catalog.ts, which the build
 * and the README read but the bundle does not carry: every byte of the bundle is loaded on every
 * custom-function call.
 */
import { attributionFunction } from '../attribution/sheet-function';
import { KPIS } from '../kpi/registry';
import { kpiBenchmark, kpiStatus } from './benchmark-functions';
import { runKpi, type SheetArg, type SheetResult } from './run-kpi';

export type FunctionRunner = (...args: SheetArg[]) => SheetResult;

export const FUNCTION_RUNNERS: Readonly<Record<string, FunctionRunner>> = {
  ...Object.fromEntries(KPIS.map((def) => [def.fn, (...args: SheetArg[]) => runKpi(def, args)])),
  KPI_STATUS: kpiStatus,
  KPI_BENCHMARK: kpiBenchmark,
  ATTRIBUTION: attributionFunction,
};
