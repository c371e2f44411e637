/**
 * The Apps Script bundle's entry (dist/Code.js): custom functions, menu and lifecycle. The build
 * wraps this module in an IIFE (global `Mizan`) and appends one top-level `function` stub per
 * entry below, plus one per sidebar RPC function that calls `Mizan.engine()` (the report engine,
 * dist/Engine.html, loaded on demand), since Apps Script only sees top-level declarations.
 */
import { kpiStatus } from '../core/functions/benchmark-functions';
import type { SheetArg, SheetResult } from '../core/functions/run-kpi';
import { FUNCTION_RUNNERS } from '../core/functions/runners';
import { addonEntryPoints } from './entry-points';
import { spreadsheetLang } from './sheet-language';

/**
 * Custom functions by their Sheets name. KPI_STATUS answers in the spreadsheet's language when
 * its `lang` argument is left out (one locale read per call, whatever the range's size).
 */
export const customFunctions: Record<string, (...args: SheetArg[]) => SheetResult> = {
  ...FUNCTION_RUNNERS,
  KPI_STATUS: (kpi, value, profile, lang) =>
    kpiStatus(kpi, value, profile, lang === undefined || lang === '' ? spreadsheetLang() : lang),
};

/** Other entry points (menu, lifecycle), by their Apps Script name. */
export const entryPoints: Record<string, (...args: never[]) => unknown> = {
  ...addonEntryPoints,
};

/** The sidebar's RPC functions, loaded on first use in an execution. */
export { engine } from './load-engine';
