/**
 * Templates and benchmark statuses: validating/importing a template (done on every read of the
 * templates sheet), listing 50 saved templates through the fake Spreadsheet service (calls and
 * time), and what the templates and profiles add to the Apps Script bundle.
 */
import * as esbuild from 'esbuild';
import { BUILTIN_TEMPLATES, exportTemplate, importTemplate, type Template } from '../src/core/templates';
import { MAX_SAVED_TEMPLATES, TemplateStore } from '../src/server/template-store';
import { FakeWorld } from '../test/fakes/spreadsheet';
import { fmtMs, timeMs } from './timing';

async function minifiedKb(entry: string): Promise<number> {
  const r = await esbuild.build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  return (r.outputFiles[0]?.contents.length ?? 0) / 1024;
}

export async function run(): Promise<void> {
  const texts = BUILTIN_TEMPLATES.map(exportTemplate);
  const perImport =
    timeMs(() => {
      for (const t of texts) importTemplate(t);
    }) / texts.length;
  console.log(`import (parse + migrate + validate) one template: ${fmtMs(perImport)}`);

  const world = new FakeWorld();
  const store = new TemplateStore(
    world.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    () => world.lock,
  );
  const base = BUILTIN_TEMPLATES[6] as Template;
  for (let i = 0; i < MAX_SAVED_TEMPLATES; i++) store.save({ ...base, id: `t${i}` }, false);
  world.log.reset();
  store.list();
  const calls = world.log.count;
  console.log(
    `list ${MAX_SAVED_TEMPLATES} saved templates: ${calls} Spreadsheet calls, ${fmtMs(timeMs(() => store.list()))} in Node (excl. round trips)`,
  );
  world.log.reset();
  store.save({ ...base, id: 'one-more' }, true);
  console.log(
    `save into a table of ${MAX_SAVED_TEMPLATES}: ${world.log.count} calls (lock, read, one write)`,
  );

  // What these modules add on top of what the bundle has anyway (registry, normaliser, number reader).
  const shared = await minifiedKb(
    "export * from './src/core/kpi/registry'; export * from './src/core/detect/normalize'; export * from './src/core/numbers/parse-number'; export * from './src/server/literal-text';",
  );
  const profiles = await minifiedKb(
    "export * from './src/core/benchmarks/profiles'; export * from './src/core/functions/benchmark-functions';",
  );
  const templates = await minifiedKb(
    "export * from './src/core/templates'; export * from './src/server/template-store';",
  );
  console.log(
    `added to the Apps Script bundle (minified, beyond the registry it shares): profiles + KPI_STATUS/KPI_BENCHMARK ${(profiles - shared).toFixed(1)} KB; templates + store ${(templates - shared).toFixed(1)} KB`,
  );
}
