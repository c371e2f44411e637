// The `mizan` command as one prebuilt JavaScript file, dist/cli/mizan.mjs: esbuild bundles
// src/cli/bin.ts and everything it imports from src/, and ExcelJS (in a chunk of its own), leaving
// the other npm dependencies (papaparse, the optional DuckDB) as imports. bin/mizan.mjs runs it, rebuilding it first only when it is missing or
// older than a file it was built from, so a fresh clone (dist/ is not committed) and edited
// sources both just work, and an up-to-date run costs a few stat calls, no compiler.

import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Two folders deep, like src/cli/, so `new URL('../../examples/…', import.meta.url)` still resolves. */
export const CLI_BUNDLE = join(ROOT, 'dist/cli/mizan.mjs');
/** The files the bundle was built from (relative to the root), for the freshness check. */
export const CLI_INPUTS = join(ROOT, 'dist/cli/inputs.json');
const ENTRY = 'src/cli/bin.ts';
/** Besides the bundled sources: a change to how the bundle is built rebuilds it too. */
const BUILD_INPUTS = ['build/cli-bundle.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY; // a missing input: rebuild (and let esbuild say what is wrong)
  }
};

/** True when the bundle exists and is at least as new as every file it was built from. */
export function cliBundleIsFresh(bundle = CLI_BUNDLE, inputsFile = CLI_INPUTS, root = ROOT) {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return false;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(inputs)) return false;
  const built = statSync(bundle).mtimeMs;
  return inputs.every((input) => mtime(join(root, input)) <= built);
}

/**
 * ExcelJS is bundled too, into a chunk of its own that only a run writing or reading an .xlsx
 * loads: Node resolving and compiling its hundreds of CommonJS files took about 300 ms of each
 * such run; one bundled file takes about a third of that. Its CommonJS `require` of Node's
 * built-ins is served by a `require` made for each output file (the banner).
 */
const BUNDLED_PACKAGES = ['exceljs', '@duckdb/node-api'];
/**
 * @duckdb/node-api's JavaScript is bundled the same way (measured: importing its 181 files took
 * about 170 ms of each `--engine duckdb` run). It is an optional dependency: where npm skipped it,
 * it stays an import, which fails at run time with duckdb.ts's message. Its native part
 * (@duckdb/node-bindings and the platform's binary) is never bundled.
 */
const bundled = (name) => existsSync(join(ROOT, 'node_modules', name, 'package.json'));
const NATIVE = ['@duckdb/node-bindings'];

/**
 * Builds dist/cli/mizan.mjs and its chunks (each written to a temporary file, then renamed: a
 * concurrent run never sees half; chunks first, the entry last; chunks of older builds removed).
 */
export async function buildCliBundle() {
  const esbuild = await import('esbuild');
  const { dependencies = {}, optionalDependencies = {} } = JSON.parse(
    readFileSync(join(ROOT, 'package.json'), 'utf8'),
  );
  const external = [...Object.keys(dependencies), ...Object.keys(optionalDependencies), ...NATIVE].filter(
    (name) => !(BUNDLED_PACKAGES.includes(name) && bundled(name)),
  );
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { mizan: ENTRY },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    // ExcelJS's zip writer checksums with crc-32's JavaScript: Node's native one instead (the shim).
    alias: { 'crc-32': './build/shims/crc-32.cjs' },
    outdir: dirname(CLI_BUNDLE),
    // Chunks beside the entry: code that finds files from import.meta.url sees the same folder.
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    charset: 'utf8',
    metafile: true,
    write: false,
    logLevel: 'error',
    tsconfig: 'tsconfig.json',
    banner: {
      js: [
        '// Mizan command line. Built by build/cli-bundle.mjs from src/: edit src/, not this file.',
        "import { createRequire as __mizanCreateRequire } from 'node:module';",
        'const require = __mizanCreateRequire(import.meta.url);',
      ].join('\n'),
    },
  });
  await mkdir(dirname(CLI_BUNDLE), { recursive: true });
  // The sources it was built from; a change in node_modules comes with a change of package-lock.json.
  const inputs = [
    ...Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/')),
    ...BUILD_INPUTS,
  ];
  const suffix = `.${process.pid}.tmp`;
  writeFileSync(CLI_INPUTS + suffix, `${JSON.stringify(inputs, null, 1)}\n`);
  renameSync(CLI_INPUTS + suffix, CLI_INPUTS);
  const files = [...result.outputFiles].sort(
    (a, b) => Number(a.path === CLI_BUNDLE) - Number(b.path === CLI_BUNDLE),
  );
  for (const file of files) {
    writeFileSync(file.path + suffix, file.contents);
    renameSync(file.path + suffix, file.path);
  }
  const written = new Set(files.map((f) => basename(f.path)));
  for (const name of readdirSync(dirname(CLI_BUNDLE)))
    if (name.endsWith('.mjs') && !written.has(name)) rmSync(join(dirname(CLI_BUNDLE), name), { force: true });
  return CLI_BUNDLE;
}

/** The bundle's path, built first if it is missing or stale. */
export async function ensureCliBundle() {
  if (!cliBundleIsFresh()) await buildCliBundle();
  return CLI_BUNDLE;
}
