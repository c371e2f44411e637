/** What the build promises Apps Script: top-level stubs with JSDoc, names Sheets accepts, the manifest. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of the build, without type declarations
import { checkCustomFunctions, checkEmittedJsdoc } from '../../build/custom-function-rules.mjs';
import { CUSTOM_FUNCTIONS } from '../../src/core/functions/catalog';
import { KPI_DESCRIPTIONS, KPIS } from '../../src/core/kpi/registry';
import { bundleSource, loadBundle } from '../helpers/bundle';

const builtins = new Set(
  readFileSync('build/sheets-builtins.txt', 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#')),
);

describe('the built bundle', () => {
  const code = bundleSource();

  it('declares every custom function as a top-level function with JSDoc and @customfunction', () => {
    for (const spec of CUSTOM_FUNCTIONS) {
      const block = code.match(
        new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*function ${spec.name}\\(([^)]*)\\)`),
      );
      expect(block, spec.name).not.toBeNull();
      const doc = block?.[1] ?? '';
      expect(doc).toContain('@customfunction');
      expect(doc).toContain(spec.description.slice(0, 20));
      for (const p of spec.params) expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${p.name}\\]?`));
      expect(block?.[2]).toBe(spec.params.map((p) => p.name).join(', '));
    }
  });

  it('every KPI has its one-line description in English, Arabic and Persian', () => {
    for (const k of KPIS) {
      const d = KPI_DESCRIPTIONS[k.id];
      expect(d?.en, k.id).toMatch(/\S{3}/);
      expect(d?.ar, k.id).toMatch(/[\u0600-\u06ff]{3}/);
      expect(d?.fa, k.id).toMatch(/[\u0600-\u06ff]{3}/);
    }
    expect(Object.keys(KPI_DESCRIPTIONS).sort()).toEqual(KPIS.map((k) => k.id).sort());
  });

  it('has one custom function per registry KPI, named by the registry', () => {
    const names = CUSTOM_FUNCTIONS.map((f) => f.name);
    for (const k of KPIS) expect(names).toContain(k.fn);
  });

  it('exposes the functions as globals when evaluated with no Apps Script services', () => {
    const g = loadBundle();
    for (const spec of CUSTOM_FUNCTIONS) expect(typeof g[spec.name], spec.name).toBe('function');
  });

  it('the manifest asks for the two narrow scopes only, on V8', () => {
    const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });

  it('stays under 150 KB (KiB: 153,600 bytes), since Apps Script loads it for every custom-function call', () => {
    expect(Buffer.byteLength(code, 'utf8')).toBeLessThanOrEqual(150 * 1024);
  });

  it("does not carry the functions' help text: only the stubs do (it lives in catalog.ts)", () => {
    const bundle = code.slice(0, code.indexOf('/**'));
    expect(bundle).not.toContain('Worked examples');
    expect(bundle).not.toContain('=CONVERSION_RATE(50, 1000)');
    expect(bundle).not.toContain('Visitors, clicks or sessions the conversions came from.');
  });

  it('contains no network calls', () => {
    expect(code).not.toMatch(/UrlFetchApp|fetch\(|XMLHttpRequest/);
  });

  it('clasp pushes dist/', () => {
    expect(JSON.parse(readFileSync('.clasp.json', 'utf8')).rootDir).toBe('dist');
  });

  it('dist/ holds the report engine as an HTML file (loaded on demand), not as a second script', () => {
    const files = readdirSync('dist');
    expect(files).toContain('Engine.html');
    expect(files.filter((f) => /\.(js|gs)$/.test(f))).toEqual(['Code.js']);
  });
});

describe('custom function rules', () => {
  const ok = { name: 'CTR', description: 'd', params: [{ name: 'a', doc: 'x', optional: false }] };
  it('accepts the real catalog', () => {
    expect(checkCustomFunctions(CUSTOM_FUNCTIONS, builtins)).toEqual([]);
  });
  it('rejects a name ending in _, a built-in name, a missing description or @param text', () => {
    expect(checkCustomFunctions([{ ...ok, name: 'ROI_' }], builtins)).toEqual([
      'ROI_: ends in "_", which Apps Script hides',
    ]);
    expect(checkCustomFunctions([{ ...ok, name: 'GROWTH' }], builtins)).toEqual([
      'GROWTH: shadows the built-in Sheets function of that name',
    ]);
    expect(checkCustomFunctions([{ ...ok, description: ' ' }], builtins)).toEqual([
      'CTR: no description for its JSDoc',
    ]);
    expect(
      checkCustomFunctions([{ ...ok, params: [{ name: 'a', doc: '', optional: false }] }], builtins),
    ).toEqual(['CTR: parameter a has no @param text']);
  });
  it('rejects emitted code whose function lacks its JSDoc', () => {
    expect(checkEmittedJsdoc('function CTR(a) {}', [ok])).toEqual([
      'CTR: no JSDoc with @customfunction above it',
    ]);
    expect(checkEmittedJsdoc('/** x\n * @customfunction\n */\nfunction CTR(a) {}', [ok])).toEqual([]);
  });
  it.each([
    ['SUM', 'a description', 'x', 'SUM: shadows the built-in Sheets function of that name'],
    ['ROI_', 'a description', 'x', 'ROI_: ends in "_", which Apps Script hides'],
    ['MY_KPI', '', 'x', 'MY_KPI: no description for its JSDoc'],
    ['MY_KPI', 'a description', '', 'MY_KPI: parameter a has no @param text'],
  ])('build.mjs fails for a custom function named %s (%s / %s)', (name, description, doc, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'mizan-catalog-'));
    const catalog = join(dir, 'catalog.ts');
    writeFileSync(
      catalog,
      `export const CUSTOM_FUNCTIONS = [{ name: ${JSON.stringify(name)}, description: ${JSON.stringify(description)}, params: [{ name: 'a', doc: ${JSON.stringify(doc)}, optional: false }], returns: 'x', run: () => 1 }];`,
    );
    let stderr = '';
    try {
      execFileSync('node', ['build.mjs'], { env: { ...process.env, MIZAN_CATALOG: catalog }, stdio: 'pipe' });
    } catch (e) {
      stderr = String((e as { stderr: Buffer }).stderr);
    }
    expect(stderr).toContain(message);
  });
});
