/**
 * The Apps Script bundle's entry: everything Apps Script may call. The build wraps this module
 * in an IIFE (global `Mizan`) and appends one top-level `function` stub per entry below, since
 * Apps Script only sees top-level function declarations.
 */
import { CUSTOM_FUNCTIONS } from '../core/functions/catalog';
import type { SheetArg, SheetResult } from '../core/functions/run-kpi';
import { addonEntryPoints } from './entry-points';
import { templateRpc } from './template-rpc';

/** Custom functions by their Sheets name. */
export const customFunctions: Record<string, (...args: SheetArg[]) => SheetResult> = Object.fromEntries(
  CUSTOM_FUNCTIONS.map((f) => [f.name, f.run]),
);

/** Other entry points (menu, lifecycle, sidebar RPC), by their Apps Script name. */
export const entryPoints: Record<string, (...args: never[]) => unknown> = {
  ...addonEntryPoints,
  ...templateRpc,
};
