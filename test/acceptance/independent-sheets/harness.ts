/** Loads the built bundle (dist/Code.js) into a vm with this fake's services, as Apps Script runs it. */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { engineHtmlService } from '../../helpers/bundle';
import { FakeWorld, type SheetModel, type WorldOptions } from './fake-sheets';

const BUNDLE = new URL('../../../dist/Code.js', import.meta.url);

export interface Booted {
  readonly world: FakeWorld;
  /** Calls a top-level function of the bundle; the result crosses as JSON, as google.script.run passes it. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /** Calls a top-level function with arguments as they are (a trigger's event object, ranges as arrays). */
  raw<T = unknown>(name: string, ...args: unknown[]): T;
}

export function boot(opts: Omit<WorldOptions, 'DateCtor'>, seed: (world: FakeWorld) => void): Booted {
  const context = vm.createContext({ console });
  const DateCtor = vm.runInContext('Date', context) as DateConstructor;
  const world = new FakeWorld({ ...opts, DateCtor });
  seed(world);
  world.active = world.sheets[0] ?? null;
  return load(world, context);
}

/**
 * A later execution on the same document: a fresh script context (no global state survives, as
 * each Apps Script execution starts anew), the same spreadsheet and document properties.
 */
export function reopen(world: FakeWorld): Booted {
  const context = vm.createContext({ console });
  (world.opts as { DateCtor: DateConstructor }).DateCtor = vm.runInContext(
    'Date',
    context,
  ) as DateConstructor;
  return load(world, context);
}

function load(world: FakeWorld, context: vm.Context): Booted {
  Object.assign(context, world.globals());
  // The project's Engine.html (the report engine Code.js's RPC stubs load): served with its
  // real content; every other file is the fake's.
  const html = (context as { HtmlService: { createHtmlOutputFromFile(name: string): unknown } }).HtmlService;
  context.HtmlService = engineHtmlService(html).service;
  vm.runInContext(readFileSync(BUNDLE, 'utf8'), context, { filename: 'Code.js' });
  const fnOf = (name: string) => {
    const fn = (context as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`dist/Code.js has no top-level ${name}`);
    return fn as (...a: unknown[]) => unknown;
  };
  return {
    world,
    call<T>(name: string, ...args: unknown[]): T {
      const json = JSON.stringify(args);
      const out = fnOf(name)(...vm.runInContext(`(${json})`, context));
      return out === undefined ? (undefined as T) : (JSON.parse(JSON.stringify(out)) as T);
    },
    raw<T>(name: string, ...args: unknown[]): T {
      return fnOf(name)(...args) as T;
    },
  };
}

/** Fills a sheet with rows of values as a user's data sits there (no typed-input reading). */
export function seedRows(world: FakeWorld, sheet: SheetModel, rows: readonly (readonly unknown[])[]): void {
  rows.forEach((line, i) => {
    line.forEach((v, j) => {
      if (v === '' || v === null) return;
      const c = world.cell(sheet, i + 1, j + 1);
      if (v && typeof v === 'object' && 'text' in v) {
        // Text in a plain-text (@) column, as a CSV import or a typed apostrophe leaves it.
        c.kind = 'text';
        c.value = String((v as { text: string }).text);
        c.format = '@';
      } else if (typeof v === 'string' && v.startsWith('=')) {
        c.kind = 'formula';
        c.formula = v;
      } else if (typeof v === 'string') {
        c.kind = 'text';
        c.value = v;
      } else if (typeof v === 'number' || typeof v === 'boolean') {
        c.kind = typeof v === 'number' ? 'number' : 'boolean';
        c.value = v;
      } else if (v && typeof v === 'object' && 'serial' in v) {
        c.kind = 'number';
        c.value = (v as { serial: number }).serial;
        c.format = 'yyyy-mm-dd';
      } else throw new Error(`seedRows: ${String(v)}`);
    });
  });
  world.changed();
}
