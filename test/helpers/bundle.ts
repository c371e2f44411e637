/** Loads the built Apps Script bundle as Apps Script would: one script, top-level functions as globals. */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

export const BUNDLE_PATH = new URL('../../dist/Code.js', import.meta.url);
/** The report engine, an HTML file of the project that Code.js's RPC stubs load on demand. */
export const ENGINE_PATH = new URL('../../dist/Engine.html', import.meta.url);

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

export function engineSource(): string {
  return readFileSync(ENGINE_PATH, 'utf8');
}

/**
 * HtmlService as the project has it: createHtmlOutputFromFile('Engine') serves dist/Engine.html,
 * any other name goes to `others` (or throws). `files` records every name asked for, in order.
 */
export function engineHtmlService(others?: { createHtmlOutputFromFile(name: string): unknown }): {
  readonly service: { createHtmlOutputFromFile(name: string): unknown };
  readonly files: string[];
} {
  const files: string[] = [];
  const engine = engineSource();
  return {
    files,
    service: {
      createHtmlOutputFromFile(name: string): unknown {
        files.push(name);
        if (name === 'Engine') return { getContent: () => engine };
        if (others) return others.createHtmlOutputFromFile(name);
        throw new Error(`no HTML file "${name}" in this test project`);
      },
    },
  };
}
