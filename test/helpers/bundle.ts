/** Loads the built Apps Script bundle as Apps Script would: one script, top-level functions as globals. */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

export const BUNDLE_PATH = new URL('../../dist/Code.js', import.meta.url);

export type SheetFn = (...args: unknown[]) => unknown;

/** A fresh context with no Apps Script globals (custom functions must not need any). */
export function loadBundle(globals: Record<string, unknown> = {}): Record<string, SheetFn> {
  const code = readFileSync(BUNDLE_PATH, 'utf8');
  const context = vm.createContext({ ...globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return context as unknown as Record<string, SheetFn>;
}

export function bundleSource(): string {
  return readFileSync(BUNDLE_PATH, 'utf8');
}
