/**
 * A small reader of the parts of an .xlsx package (Office Open XML, ECMA-376 part 1) that the
 * issue-12 checks look at: cells of a worksheet (value, formula, style), shared strings, number
 * formats and alignment of cell styles, defined names, page setup. Written for these tests from
 * the spec, independent of the writer under test.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';

export interface Cell {
  ref: string;
  col: string;
  row: number;
  /** Text of a string cell, or the cached value as text. */
  text: string;
  isString: boolean;
  formula: string | null;
  style: number;
}

export interface Sheet {
  name: string;
  path: string;
  xml: string;
  cells: Map<string, Cell>;
}

export interface CellStyle {
  numFmt: string;
  wrap: boolean;
}

export interface Workbook {
  zip: JSZip;
  workbookXml: string;
  sheets: Sheet[];
  styles: CellStyle[];
  definedNames: { name: string; localSheetId: number | null; value: string }[];
}

export function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

/** Concatenated text of every <t> in a fragment (rich text runs included). */
function textOf(fragment: string): string {
  return [...fragment.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decodeXml(m[1] ?? '')).join('');
}

// Built-in number formats used by spreadsheet writers (ECMA-376 part 1, 18.8.30).
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  14: 'mm-dd-yy',
};

export function colIndex(col: string): number {
  let n = 0;
  for (const ch of col) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function colLetter(index: number): string {
  let s = '';
  let n = index;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function parseCells(xml: string, strings: string[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const m of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const col = m[1] ?? '';
    const row = Number(m[2]);
    const attrs = m[3] ?? '';
    const inner = m[4] ?? '';
    const type = /\bt="(\w+)"/.exec(attrs)?.[1];
    const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0);
    const f = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/.exec(inner)?.[1];
    const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
    let text = '';
    let isString = false;
    if (type === 's' && v !== undefined) {
      text = strings[Number(v)] ?? '';
      isString = true;
    } else if (type === 'inlineStr') {
      text = textOf(inner);
      isString = true;
    } else if (v !== undefined) {
      text = decodeXml(v);
      isString = type === 'str';
    }
    cells.set(`${col}${row}`, {
      ref: `${col}${row}`,
      col,
      row,
      text,
      isString,
      formula: f === undefined ? null : decodeXml(f),
      style,
    });
  }
  return cells;
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export async function readRels(
  zip: JSZip,
  partPath: string,
): Promise<Map<string, { type: string; target: string }>> {
  const dir = partPath.split('/').slice(0, -1).join('/');
  const file = partPath.split('/').pop() ?? '';
  const relsPath = `${dir}/_rels/${file}.rels`;
  const out = new Map<string, { type: string; target: string }>();
  const rels = zip.file(relsPath);
  if (!rels) return out;
  const xml = await rels.async('string');
  for (const m of xml.matchAll(/<Relationship\s([^>]*?)\/?>/g)) {
    const a = m[1] ?? '';
    const id = /Id="([^"]*)"/.exec(a)?.[1] ?? '';
    const type = /Type="([^"]*)"/.exec(a)?.[1] ?? '';
    const target = decodeXml(/Target="([^"]*)"/.exec(a)?.[1] ?? '');
    out.set(id, { type, target: resolveTarget(partPath, target) });
  }
  return out;
}

export async function readWorkbook(path: string): Promise<Workbook> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const ssXml = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  const strings = [...ssXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1] ?? ''));
  const rels = await readRels(zip, 'xl/workbook.xml');
  const sheets: Sheet[] = [];
  for (const m of workbookXml.matchAll(/<sheet\s([^>]*?)\/>/g)) {
    const a = m[1] ?? '';
    const name = decodeXml(/name="([^"]*)"/.exec(a)?.[1] ?? '');
    const rid = /r:id="([^"]*)"/.exec(a)?.[1] ?? '';
    const target = rels.get(rid)?.target ?? '';
    const xml = (await zip.file(target)?.async('string')) ?? '';
    sheets.push({ name, path: target, xml, cells: parseCells(xml, strings) });
  }
  const stylesXml = (await zip.file('xl/styles.xml')?.async('string')) ?? '';
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\s+numFmtId="(\d+)"\s+formatCode="([^"]*)"/g)) {
    custom.set(Number(m[1]), decodeXml(m[2] ?? ''));
  }
  const xfsBlock = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const styles: CellStyle[] = [];
  for (const m of xfsBlock.matchAll(/<xf\s([^>]*?)(?:\/>|>([\s\S]*?)<\/xf>)/g)) {
    const id = Number(/numFmtId="(\d+)"/.exec(m[1] ?? '')?.[1] ?? 0);
    styles.push({
      numFmt: custom.get(id) ?? BUILTIN_FORMATS[id] ?? `#${id}`,
      wrap: /wrapText="(1|true)"/.test(m[2] ?? ''),
    });
  }
  const definedNames = [...workbookXml.matchAll(/<definedName\s([^>]*)>([\s\S]*?)<\/definedName>/g)].map(
    (m) => {
      const local = /localSheetId="(\d+)"/.exec(m[1] ?? '')?.[1];
      return {
        name: decodeXml(/name="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? ''),
        localSheetId: local === undefined ? null : Number(local),
        value: decodeXml(m[2] ?? ''),
      };
    },
  );
  return { zip, workbookXml, sheets, styles, definedNames };
}

export function cellText(sheet: Sheet, ref: string): string {
  return sheet.cells.get(ref)?.text ?? '';
}

/** Cells of one row, left to right. */
export function rowCells(sheet: Sheet, row: number): Cell[] {
  return [...sheet.cells.values()]
    .filter((c) => c.row === row)
    .sort((a, b) => colIndex(a.col) - colIndex(b.col));
}

/** Every cell holding text (not formulas' numbers). */
export function textCells(sheet: Sheet): Cell[] {
  return [...sheet.cells.values()].filter((c) => c.isString && c.text !== '');
}

/** `'Sheet name'!$A$1:$B$2` → sheet name and the cells of the range. */
export function parseRangeRef(ref: string): { sheet: string; refs: string[] } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.trim());
  if (!m) throw new Error(`not a range reference: ${ref}`);
  const sheet = (m[1] ?? m[2] ?? '').replace(/''/g, "'");
  const c1 = colIndex(m[3] ?? 'A');
  const r1 = Number(m[4]);
  const c2 = colIndex(m[5] ?? m[3] ?? 'A');
  const r2 = Number(m[6] ?? m[4]);
  const refs: string[] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) refs.push(`${colLetter(c)}${r}`);
  return { sheet, refs };
}
