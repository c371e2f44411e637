/**
 * Reading an .xlsx as the package it is (ECMA-376 Part 2), for the chart and print tests: the
 * parts, their content types and relationships, the cells of a sheet, the charts' series; and
 * editing a copy (a sheet hidden, a cache poisoned) with JSZip, the zip library ExcelJS ships.
 * Written independently of src/xlsx/package-patch.ts: nothing here comes from the code it checks.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type JSZip from 'jszip';
import { columnIndex } from '../../src/core/detect/letters';
import { profile, sofficePath } from './libreoffice';

export function partNames(path: string): string[] {
  return execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' })
    .split('\n')
    .filter((n) => n !== '' && !n.endsWith('/'));
}

export function part(path: string, name: string): string {
  // unzip reads a name as a wildcard pattern: "[Content_Types]" would be a character class.
  const literal = name.replace(/[[\]*?\\]/g, (c) => `\\${c}`);
  return execFileSync('unzip', ['-p', path, literal], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

const decode = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(Number.parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(Number(k.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[k] ?? '';
  });

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1] as string] = decode(m[2] as string);
  return out;
}

const tags = (xml: string, name: string): Record<string, string>[] =>
  [...xml.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map((m) => attrs(m[0]));

/** The part a relationships part describes: `xl/_rels/workbook.xml.rels` → `xl/workbook.xml`. */
function sourceOf(rels: string): string {
  if (rels === '_rels/.rels') return ''; // the package's own relationships
  return rels.replace(/(^|\/)_rels\/([^/]+)\.rels$/, '$1$2');
}

function resolve(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

/** The relationships of `source` (zip name), targets resolved to zip names. */
export function relsOf(path: string, source: string, names = partNames(path)): Rel[] {
  const slash = source.lastIndexOf('/');
  const rels = `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
  if (!names.includes(rels)) return [];
  return tags(part(path, rels), 'Relationship').map((r) => ({
    id: r.Id ?? '',
    type: r.Type ?? '',
    target: r.TargetMode === 'External' ? (r.Target ?? '') : resolve(source, r.Target ?? ''),
  }));
}

/** The content type a part must have for the relationship that points at it (by the type's last word). */
const PART_TYPES: Readonly<Record<string, string>> = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vmlDrawing: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
};

/**
 * What makes the package inconsistent: a part without a content type, an override naming no part,
 * a relationship whose target is missing or of the wrong content type (a chart typed as plain
 * XML), an r:id a part uses that its relationships lack.
 */
export function packageProblems(path: string): string[] {
  const names = partNames(path);
  const problems: string[] = [];
  const types = part(path, '[Content_Types].xml');
  const defaults = new Map(
    tags(types, 'Default').map((d) => [(d.Extension ?? '').toLowerCase(), d.ContentType]),
  );
  const overrides = new Map(
    tags(types, 'Override').map((o) => [(o.PartName ?? '').replace(/^\//, ''), o.ContentType]),
  );
  const typeOf = (name: string): string | undefined => {
    const ext = (name.split('/').pop() ?? '').split('.').pop()?.toLowerCase() ?? '';
    return overrides.get(name) ?? defaults.get(ext);
  };
  for (const name of names) {
    if (name !== '[Content_Types].xml' && typeOf(name) === undefined)
      problems.push(`${name} has no content type`);
  }
  for (const o of overrides.keys()) if (!names.includes(o)) problems.push(`override for missing part ${o}`);
  for (const rels of names.filter((n) => n.endsWith('.rels'))) {
    const source = sourceOf(rels);
    if (source !== '' && !names.includes(source)) problems.push(`${rels} describes a missing part`);
    for (const r of tags(part(path, rels), 'Relationship')) {
      if (r.TargetMode === 'External') continue;
      const target = resolve(source === '' ? 'x' : source, r.Target ?? '');
      if (!names.includes(target)) problems.push(`${rels} ${r.Id} → missing ${target}`);
      const kind = (r.Type ?? '').split('/').pop() ?? '';
      const want = PART_TYPES[kind];
      if (want && names.includes(target) && typeOf(target) !== want) {
        problems.push(`${target} is ${typeOf(target)}, not ${want}`);
      }
    }
  }
  for (const name of names.filter((n) => /\.(xml|vml)$/.test(n))) {
    const ids = [...part(path, name).matchAll(/\br:(?:id|embed|link)="([^"]*)"/g)].map((m) => m[1]);
    if (ids.length === 0) continue;
    const known = new Set(relsOf(path, name, names).map((r) => r.id));
    for (const id of ids)
      if (!known.has(id as string)) problems.push(`${name} uses ${id}, not in its relationships`);
  }
  return problems;
}

/** The worksheet part of a sheet, by the sheet's name in workbook.xml. */
export function sheetPart(path: string, sheetName: string): string {
  const sheet = tags(part(path, 'xl/workbook.xml'), 'sheet').find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet "${sheetName}" in ${path}`);
  const rel = relsOf(path, 'xl/workbook.xml').find((r) => r.id === sheet['r:id']);
  if (!rel) throw new Error(`sheet "${sheetName}" has no part`);
  return rel.target;
}

export const sheetNames = (path: string): string[] =>
  tags(part(path, 'xl/workbook.xml'), 'sheet').map((s) => s.name ?? '');

/** The cached values of a sheet's cells: A1 → number or text. */
export function sheetValues(path: string, sheetName: string): Map<string, number | string> {
  const names = partNames(path);
  const shared = names.includes('xl/sharedStrings.xml')
    ? [...part(path, 'xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
        [...(m[1] as string).matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)]
          .map((t) => decode(t[1] as string))
          .join(''),
      )
    : [];
  const out = new Map<string, number | string>();
  const xml = part(path, sheetPart(path, sheetName));
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const a = attrs(`<c ${m[1]}>`);
    const body = m[2] ?? '';
    const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
    const inline = /<is>[\s\S]*?<t[^>]*>([^<]*)<\/t>/.exec(body)?.[1];
    const ref = a.r as string;
    if (a.t === 's' && v !== undefined) out.set(ref, shared[Number(v)] ?? '');
    else if (a.t === 'inlineStr' && inline !== undefined) out.set(ref, decode(inline));
    else if (a.t === 'str' && v !== undefined) out.set(ref, decode(v));
    else if (v !== undefined && a.t !== 'e') out.set(ref, Number(v));
  }
  return out;
}

export interface SheetRange {
  readonly sheet: string;
  /** A1 addresses, row by row. */
  readonly cells: readonly string[];
}

/** `'Report ''24'!$A$5:$A$9` → the sheet name and its cells. */
export function parseChartRef(ref: string): SheetRange {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) throw new Error(`not a cell range: ${ref}`);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string);
  const c1 = columnIndex(m[3] as string);
  const r1 = Number(m[4]);
  const c2 = m[5] ? columnIndex(m[5]) : c1;
  const r2 = m[6] ? Number(m[6]) : r1;
  const cells: string[] = [];
  for (let r = r1; r <= r2; r++) {
    for (let c = c1; c <= c2; c++) cells.push(`${letterOf(c)}${r}`);
  }
  return { sheet, cells };
}

function letterOf(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export interface ChartSeriesRead {
  readonly categoriesRef: string;
  readonly valuesRef: string;
  /** The cached values, by point index (a missing point is undefined). */
  readonly categoriesCache: (string | undefined)[];
  readonly valuesCache: (number | undefined)[];
}

export interface ChartRead {
  readonly part: string;
  readonly kind: 'bar' | 'line' | 'other';
  readonly title: string;
  readonly series: ChartSeriesRead[];
}

function cache(xml: string): (string | undefined)[] {
  const count = Number(/<c:ptCount val="(\d+)"/.exec(xml)?.[1] ?? 0);
  const out: (string | undefined)[] = Array.from({ length: count }, () => undefined);
  for (const m of xml.matchAll(/<c:pt idx="(\d+)"[^>]*>\s*<c:v>([^<]*)<\/c:v>/g))
    out[Number(m[1])] = decode(m[2] as string);
  return out;
}

/** The charts of the drawing of a sheet (chart parts in anchor order). */
export function chartsOf(path: string, sheetName: string): ChartRead[] {
  const names = partNames(path);
  const sheet = sheetPart(path, sheetName);
  const drawings = relsOf(path, sheet, names).filter((r) => r.type.endsWith('/drawing'));
  const out: ChartRead[] = [];
  for (const drawing of drawings) {
    const rels = relsOf(path, drawing.target, names);
    const ids = [...part(path, drawing.target).matchAll(/<c:chart\b[^>]*r:id="([^"]*)"/g)].map((m) => m[1]);
    for (const id of ids) {
      const target = rels.find((r) => r.id === id)?.target as string;
      const xml = part(path, target);
      const kind = xml.includes('<c:barChart>') ? 'bar' : xml.includes('<c:lineChart>') ? 'line' : 'other';
      const titleXml = /<c:title>([\s\S]*?)<\/c:title>/.exec(xml)?.[1] ?? '';
      const title = [...titleXml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
        .map((m) => decode(m[1] as string))
        .join('');
      const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => {
        const ser = m[1] as string;
        const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(ser)?.[1] ?? '';
        const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(ser)?.[1] ?? '';
        return {
          categoriesRef: decode(/<c:f>([^<]*)<\/c:f>/.exec(cat)?.[1] ?? ''),
          valuesRef: decode(/<c:f>([^<]*)<\/c:f>/.exec(val)?.[1] ?? ''),
          categoriesCache: cache(cat),
          valuesCache: cache(val).map((v) => (v === undefined ? undefined : Number(v))),
        };
      });
      out.push({ part: target, kind, title, series });
    }
  }
  return out;
}

function jsZip(): typeof JSZip {
  const here = createRequire(import.meta.url);
  return createRequire(here.resolve('exceljs'))('jszip') as typeof JSZip;
}

/** A copy of the workbook with each XML part passed through `edit` (name, text) → text. */
export async function editedCopy(
  path: string,
  out: string,
  edit: (name: string, text: string) => string,
): Promise<string> {
  const zip = await jsZip().loadAsync(readFileSync(path));
  for (const name of Object.keys(zip.files)) {
    const file = zip.file(name);
    if (!file || !/\.(xml|rels)$/.test(name)) continue;
    const before = await file.async('string');
    const after = edit(name, before);
    if (after !== before) zip.file(name, after);
  }
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

/**
 * Converts several files in one LibreOffice run (one start-up, the slow part; every formula
 * recalculated on load), into a new folder; returns the outputs in the inputs' order.
 */
export function convertAll(inputs: readonly string[], format: 'pdf' | 'xlsx'): string[] {
  const soffice = sofficePath();
  if (!soffice) throw new Error('soffice (LibreOffice) is not installed');
  const outDir = mkdtempSync(join(tmpdir(), 'mizan-lo-many-'));
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=${profile()}`,
      '--headless',
      '--norestore',
      '--convert-to',
      format,
      '--outdir',
      outDir,
      ...inputs,
    ],
    { stdio: 'pipe', timeout: 240_000 },
  );
  return inputs.map((input) => join(outDir, `${basename(input, extname(input))}.${format}`));
}

/** pdfinfo's page count and first page size in points. */
export function pdfPages(pdf: string): { pages: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/**
 * Text as compared with a PDF's: no spaces or bidi controls (Arabic script extracts with stray
 * spaces), and no lam or alef (the lam-alef ligature extracts as alef-lam).
 */
export const letters = (text: string): string =>
  text.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069\u0622\u0623\u0625\u0627\u0644]/g, '');

export function pdfLetters(pdf: string): string {
  return letters(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
}
