// Builds dist/ for clasp: Code.js (the server bundle plus one top-level stub per Apps Script
// entry point, custom functions with their JSDoc), the sidebar HTML, and the manifest.

import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { checkCustomFunctions, checkEmittedJsdoc } from './build/custom-function-rules.mjs';

const DIST = 'dist';
const CACHE = '.cache/build';
const GLOBAL = 'Mizan';

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

/** The custom-function catalog, compiled for Node so the build can read its names and help. */
async function loadCatalog() {
  const out = `${CACHE}/catalog.mjs`;
  await esbuild.build({
    // MIZAN_CATALOG lets the build's own tests feed it a broken catalog.
    entryPoints: [process.env.MIZAN_CATALOG ?? 'src/core/functions/catalog.ts'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile: out,
    logLevel: 'error',
  });
  const mod = await import(`${pathToFileURL(out).href}?t=${Date.now()}`);
  return mod.CUSTOM_FUNCTIONS;
}

async function builtinNames() {
  const text = await readFile('build/sheets-builtins.txt', 'utf8');
  return new Set(
    text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.trim().toUpperCase()),
  );
}

const jsdocText = (s) => s.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();

function customFunctionStub(spec) {
  const lines = ['/**', ` * ${jsdocText(spec.description)}`, ' *'];
  for (const p of spec.params) {
    const name = p.optional ? `[${p.name}]` : p.name;
    lines.push(` * @param {number|Range} ${name} ${jsdocText(p.doc)}`);
  }
  // No @return: Sheets' help card shows the description and the parameters only, and every
  // byte here is loaded on every custom-function call.
  lines.push(' * @customfunction', ' */');
  const params = spec.params.map((p) => p.name).join(', ');
  lines.push(
    `function ${spec.name}(${params}) {`,
    `  return ${GLOBAL}.customFunctions.${spec.name}(${params});`,
    '}',
  );
  return lines.join('\n');
}

function entryPointStub(name, arity) {
  const params = Array.from({ length: arity }, (_, i) => `a${i}`).join(', ');
  return `function ${name}(${params}) {\n  return ${GLOBAL}.entryPoints.${name}(${params});\n}`;
}

async function buildServer(specs, builtins) {
  const result = await esbuild.build({
    entryPoints: ['src/server/main.ts'],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    minify: true,
    legalComments: 'none',
    // UTF-8, not \uXXXX escapes: Arabic and Persian labels cost 2 bytes a letter instead of 6.
    charset: 'utf8',
    write: false,
    logLevel: 'error',
    tsconfig: 'tsconfig.server.json',
  });
  const bundle = result.outputFiles[0].text;
  // Evaluate once, with no Apps Script globals, to list the entry points the module exports.
  const context = vm.createContext({});
  vm.runInContext(bundle, context);
  const mod = context[GLOBAL];
  const missing = specs.filter((s) => typeof mod.customFunctions[s.name] !== 'function').map((s) => s.name);
  if (missing.length) fail(`custom functions in the catalog but not in the bundle: ${missing.join(', ')}`);
  const entryNames = Object.keys(mod.entryPoints);
  for (const name of entryNames) {
    if (builtins.has(name.toUpperCase()) || name.endsWith('_'))
      fail(`entry point ${name} has a name Apps Script hides`);
  }
  const stubs = [
    ...specs.map(customFunctionStub),
    ...entryNames.map((n) => entryPointStub(n, mod.entryPoints[n].length)),
  ];
  const banner =
    '// Mizan: marketing KPIs for Google Sheets. Built by build.mjs: edit src/, not this file.\n';
  const code = `${banner}${bundle}\n${stubs.join('\n\n')}\n`;
  const problems = checkEmittedJsdoc(code, specs);
  if (problems.length) fail(problems.join('\n'));
  return code;
}

async function buildSidebar() {
  const entry = 'src/sidebar/main.ts';
  if (!existsSync(entry)) return null;
  const js = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    charset: 'utf8',
    write: false,
    logLevel: 'error',
    tsconfig: 'tsconfig.sidebar.json',
  });
  const html = await readFile('src/sidebar/sidebar.html', 'utf8');
  const css = existsSync('src/sidebar/sidebar.css') ? await readFile('src/sidebar/sidebar.css', 'utf8') : '';
  // Inline everything: HtmlService serves one file, and the add-on loads nothing from a CDN.
  // "<\/script" keeps a string in the bundle from closing the tag.
  const script = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  return html.replace('/*INLINE_CSS*/', () => css).replace('/*INLINE_JS*/', () => script);
}

async function main() {
  const [specs, builtins] = await Promise.all([loadCatalog(), builtinNames()]);
  const problems = checkCustomFunctions(specs, builtins);
  if (problems.length) fail(`custom function rules broken:\n${problems.join('\n')}`);
  const code = await buildServer(specs, builtins);
  await rm(DIST, { recursive: true, force: true });
  await mkdir(DIST, { recursive: true });
  await writeFile(`${DIST}/Code.js`, code);
  await copyFile('appsscript.json', `${DIST}/appsscript.json`);
  const sidebar = await buildSidebar();
  if (sidebar !== null) await writeFile(`${DIST}/Sidebar.html`, sidebar);
  const size = (await stat(`${DIST}/Code.js`)).size;
  console.log(
    `build: dist/Code.js ${(size / 1024).toFixed(1)} KB, ${specs.length} custom functions${sidebar ? `, dist/Sidebar.html ${(Buffer.byteLength(sidebar) / 1024).toFixed(1)} KB` : ''}`,
  );
}

await main();
