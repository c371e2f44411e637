// The `mizan` command as one prebuilt JavaScript file, dist/cli/mizan.mjs: esbuild bundles
// src/cli/bin.ts and everything it imports from src/, leaving the npm dependencies (exceljs,
// papaparse) as imports. bin/mizan.mjs runs it, rebuilding it first only when it is missing or
// older than a file it was built from, so a fresh clone (dist/ is not committed) and edited
// sources both just work, and an up-to-date run costs a few stat calls, no compiler.

import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Two folders deep, like src/cli/, so `new URL('../../examples/…', import.meta.url)` still resolves. */
export const CLI_BUNDLE = join(ROOT, 'dist/cli/mizan.mjs');
/** The files the bundle was built from (relative to the root), for the freshness check. */
export const CLI_INPUTS = join(ROOT, 'dist/cli/inputs.json');
const ENTRY = 'src/cli/bin.ts';
/** Besides the bundled sources: a change to how the bundle is built rebuilds it too. */
const BUILD_INPUTS = ['build/cli-bundle.mjs', 'tsconfig.json', 'package.json'];

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

/** Builds dist/cli/mizan.mjs (written to a temporary file, then renamed: a concurrent run never sees half). */
export async function buildCliBundle() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    charset: 'utf8',
    metafile: true,
    write: false,
    logLevel: 'error',
    tsconfig: 'tsconfig.json',
    banner: {
      js: '// Mizan command line. Built by build/cli-bundle.mjs from src/: edit src/, not this file.',
    },
  });
  await mkdir(dirname(CLI_BUNDLE), { recursive: true });
  const inputs = [...Object.keys(result.metafile.inputs), ...BUILD_INPUTS];
  const suffix = `.${process.pid}.tmp`;
  writeFileSync(CLI_INPUTS + suffix, `${JSON.stringify(inputs, null, 1)}\n`);
  renameSync(CLI_INPUTS + suffix, CLI_INPUTS);
  writeFileSync(CLI_BUNDLE + suffix, result.outputFiles[0].contents);
  renameSync(CLI_BUNDLE + suffix, CLI_BUNDLE);
  return CLI_BUNDLE;
}

/** The bundle's path, built first if it is missing or stale. */
export async function ensureCliBundle() {
  if (!cliBundleIsFresh()) await buildCliBundle();
  return CLI_BUNDLE;
}
