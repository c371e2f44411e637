// Builds dist/ for clasp: Code.js (the server bundle plus one top-level stub per Apps Script
// entry point, custom functions with their JSDoc), Engine.html (the report engine, Sheets writer
// and template store, which Code.js's RPC stubs load on demand: see docs/architecture.md), the
// sidebar HTML, and the manifest; and the prebuilt command line dist/cli/mizan.mjs (see
// build/cli-bundle.mjs).

import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { buildCliBundle } from './build/cli-bundle.mjs';
import { checkCustomFunctions, checkEmittedJsdoc } from './build/custom-function-rules.mjs';

const DIST = 'dist';
const CACHE = '.cache/build';
const GLOBAL = 'Mizan';
// Kept in step with src/server/load-engine.ts (ENGINE_FILE, ENGINE_GLOBAL).
const ENGINE_FILE = 'Engine';
const ENGINE_GLOBAL = 'MizanEngine';

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

function entryPointStub(name, arity, via = 'entryPoints') {
  const params = Array.from({ length: arity }, (_, i) => `a${i}`).join(', ');
  return `function ${name}(${params}) {\n  return ${GLOBAL}.${via}.${name}(${params});\n}`;
}

/** One server bundle: a minified IIFE assigned to `globalName`. */
async function bundleServer(entry, globalName, charset) {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName,
    target: 'es2020',
    platform: 'neutral',
    minify: true,
    legalComments: 'none',
    charset,
    write: false,
    logLevel: 'error',
    tsconfig: 'tsconfig.server.json',
  });
  return result.outputFiles[0].text;
}

/**
 * Engine.html is read back through HtmlService and evaluated as JavaScript, so its text must be
 * nothing HtmlService could read differently: ASCII only (no encoding question; non-ASCII text
 * is \uXXXX-escaped), no scriptlet or markup openers, no CR or NUL.
 */
function engineTextProblems(text) {
  const problems = [];
  if (/[^\t\n -~]/.test(text)) problems.push('a character outside printable ASCII');
  for (const bad of ['<?', '?>', '<!--', '-->', '</', '<script']) {
    if (text.includes(bad)) problems.push(`"${bad}"`);
  }
  return problems;
}

/**
 * esbuild's ASCII output still leaves non-ASCII letters in regular expression literals (the
 * engine's full-width brackets, Arabic percent sign, currency signs). `\uXXXX` there matches the
 * same character; astral characters (a surrogate pair, whose meaning depends on the u flag) fail.
 */
function asciiRegexes(text) {
  if (/[\ud800-\udfff]/.test(text)) fail(`${ENGINE_FILE}.html: a character beyond U+FFFF; escape it in src/`);
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The report engine (src/server/engine.ts) as Engine.html, and the names and arities of its RPC. */
async function buildEngine() {
  // ASCII (esbuild's default): \uXXXX escapes cost more bytes, but no custom function loads this.
  const text = asciiRegexes(await bundleServer('src/server/engine.ts', ENGINE_GLOBAL, 'ascii'));
  const problems = engineTextProblems(text);
  if (problems.length) fail(`${ENGINE_FILE}.html would contain ${problems.join(', ')}`);
  // Evaluate it as load-engine.ts does (new Function, no Apps Script globals) to list its RPC.
  const context = vm.createContext({});
  const mod = vm.runInContext(
    `new Function(${JSON.stringify(`${text}\nreturn ${ENGINE_GLOBAL};`)})()`,
    context,
  );
  if (!mod?.rpc) fail(`${ENGINE_FILE}.html does not define ${ENGINE_GLOBAL}.rpc`);
  return { text, rpc: Object.keys(mod.rpc).map((n) => [n, mod.rpc[n].length]) };
}

async function buildServer(specs, builtins, engineRpc) {
  // UTF-8, not \uXXXX escapes: Arabic and Persian labels cost 2 bytes a letter instead of 6.
  const bundle = await bundleServer('src/server/main.ts', GLOBAL, 'utf8');
  // Evaluate once, with no Apps Script globals, to list the entry points the module exports.
  const context = vm.createContext({});
  vm.runInContext(bundle, context);
  const mod = context[GLOBAL];
  const missing = specs.filter((s) => typeof mod.customFunctions[s.name] !== 'function').map((s) => s.name);
  if (missing.length) fail(`custom functions in the catalog but not in the bundle: ${missing.join(', ')}`);
  if (typeof mod.engine !== 'function') fail('src/server/main.ts does not export engine()');
  const entryNames = Object.keys(mod.entryPoints);
  const taken = new Set([...specs.map((s) => s.name), ...entryNames]);
  for (const [name] of engineRpc) {
    if (taken.has(name)) fail(`RPC function ${name} has the name of another entry point`);
  }
  for (const name of [...entryNames, ...engineRpc.map(([n]) => n)]) {
    if (builtins.has(name.toUpperCase()) || name.endsWith('_'))
      fail(`entry point ${name} has a name Apps Script hides`);
  }
  const stubs = [
    ...specs.map(customFunctionStub),
    ...entryNames.map((n) => entryPointStub(n, mod.entryPoints[n].length)),
    // The sidebar's RPC: each loads the engine (once per execution) and calls through.
    ...engineRpc.map(([n, arity]) => entryPointStub(n, arity, 'engine()')),
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
  const engine = await buildEngine();
  const code = await buildServer(specs, builtins, engine.rpc);
  await rm(DIST, { recursive: true, force: true });
  await mkdir(DIST, { recursive: true });
  await writeFile(`${DIST}/Code.js`, code);
  await writeFile(`${DIST}/${ENGINE_FILE}.html`, engine.text);
  await copyFile('appsscript.json', `${DIST}/appsscript.json`);
  const sidebar = await buildSidebar();
  if (sidebar !== null) await writeFile(`${DIST}/Sidebar.html`, sidebar);
  const cli = await buildCliBundle();
  const size = (await stat(`${DIST}/Code.js`)).size;
  console.log(
    `build: dist/Code.js ${(size / 1024).toFixed(1)} KB, ${specs.length} custom functions, dist/${ENGINE_FILE}.html ${(Buffer.byteLength(engine.text) / 1024).toFixed(1)} KB${sidebar ? `, dist/Sidebar.html ${(Buffer.byteLength(sidebar) / 1024).toFixed(1)} KB` : ''}, dist/cli/mizan.mjs ${((await stat(cli)).size / 1024).toFixed(1)} KB`,
  );
}

await main();
