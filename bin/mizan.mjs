#!/usr/bin/env node
// `npx mizan report <input> [options]`: runs the prebuilt command dist/cli/mizan.mjs (plain
// JavaScript: no TypeScript compiler at run time). dist/ is not committed: on a fresh clone, or
// after src/ changed, the bundle is built here first (esbuild, a fraction of a second, once).
import { pathToFileURL } from 'node:url';
import { ensureCliBundle } from '../build/cli-bundle.mjs';

let bundle;
try {
  bundle = await ensureCliBundle();
} catch (error) {
  process.stderr.write(
    `mizan: the command could not be built from src/ (run "npm ci", then "npm run build" to see why):\n${error.message}\n`,
  );
  process.exit(70);
}
await import(pathToFileURL(bundle).href);
