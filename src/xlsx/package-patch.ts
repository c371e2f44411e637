/**
 * What ExcelJS cannot write, added to the package it wrote (Office Open XML, ECMA-376 Part 2):
 * the report sheet's native charts (a drawing part anchoring chart parts, related from the sheet)
 * and its print titles (the rows repeated on every printed page, a defined name ExcelJS would
 * quote wrongly for a sheet name with an apostrophe). Every part added gets its relationship and
 * its content type; a package that is not the shape expected is refused, never half-patched.
 *
 * The package is opened by ./zip-parts.ts, which inflates only the parts read: the source-data
 * sheet (most of a large workbook) is copied compressed, byte for byte.
 */
import { crc32 } from 'node:zlib';
import { chartXml, drawingXml, xmlText } from './chart-xml';
import type { PlacedChart } from './charts';
import { crc32Combine, type DeflatedPieces, deflatePiece } from './deflate-pieces';
import { type PackageParts, ZipParts, ZipShapeError } from './zip-parts';

export interface ReportSheetExtras {
  /** The report sheet's name, as in workbook.xml. */
  readonly sheetName: string;
  readonly charts: readonly PlacedChart[];
  /** 1-based first and last row repeated at the top of every printed page; null for none. */
  readonly printTitleRows: readonly [number, number] | null;
  /** 1-based first and last column repeated at the start of every printed page. */
  readonly printTitleColumns?: readonly [number, number] | null;
  /** The print area from A1: 1-based last column and row. */
  readonly printArea?: { readonly cols: number; readonly rows: number } | null;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/** The package is not what ExcelJS writes (a bug here or a changed ExcelJS): nothing is written. */
export class PackageShapeError extends Error {}

/**
 * The source sheet's rows, deflated apart from the rest of its part (./deflate-pieces.ts): ExcelJS
 * wrote the part with an empty <sheetData>, and the rows go inside it here.
 */
export interface SourceRows {
  /** The part's name in the package, e.g. xl/worksheets/sheet2.xml. */
  readonly part: string;
  readonly rows: DeflatedPieces;
}

/** The .xlsx package with the extras and the source rows (the same bytes when there are none). */
export async function patchedPackage(
  xlsx: Buffer,
  extras: ReportSheetExtras,
  source: SourceRows | null = null,
): Promise<Buffer> {
  const hasExtras = extras.charts.length > 0 || extras.printTitleRows !== null || !!extras.printArea;
  if (!hasExtras && source === null) return xlsx;
  try {
    const zip = ZipParts.read(xlsx);
    if (source !== null) await withSourceRows(zip, source);
    if (hasExtras) await patchPackage(zip, extras);
    return zip.toBuffer();
  } catch (error) {
    if (error instanceof ZipShapeError) throw new PackageShapeError(error.message);
    throw error;
  }
}

/** The rows between ExcelJS's <sheetData> and </sheetData>: the part's three pieces as one deflate stream. */
async function withSourceRows(zip: ZipParts, source: SourceRows): Promise<void> {
  const xml = await text(zip, source.part);
  const open = '<sheetData>';
  const at = xml.indexOf(open) + open.length;
  if (at < open.length || !xml.startsWith('</sheetData>', at))
    throw new PackageShapeError(`${source.part} has no empty <sheetData> for its rows`);
  const head = Buffer.from(xml.slice(0, at), 'utf8');
  const tail = Buffer.from(xml.slice(at), 'utf8');
  const { rows } = source;
  zip.deflated(source.part, {
    data: [deflatePiece(head, false), ...rows.pieces, deflatePiece(tail, true)],
    crc: crc32Combine(crc32Combine(crc32(head), rows.crc, rows.size), crc32(tail), tail.length),
    size: head.length + rows.size + tail.length,
  });
}

export async function patchPackage(zip: PackageParts, extras: ReportSheetExtras): Promise<void> {
  const workbook = await text(zip, 'xl/workbook.xml');
  const sheets = sheetsOf(workbook);
  const index = sheets.findIndex((s) => s.name === extras.sheetName);
  const sheet = sheets[index];
  if (!sheet) throw new PackageShapeError(`no sheet named "${extras.sheetName}" in xl/workbook.xml`);
  const names = printNames(extras);
  if (names.length > 0)
    zip.file('xl/workbook.xml', withDefinedNames(workbook, extras.sheetName, index, names));
  if (extras.charts.length === 0) return;
  const bookRels = relationshipsOf(await text(zip, 'xl/_rels/workbook.xml.rels'));
  const target = bookRels.find((r) => r.id === sheet.rId)?.target;
  if (!target) throw new PackageShapeError(`sheet "${extras.sheetName}" has no part in the workbook`);
  const sheetPath = resolvePart('xl/workbook.xml', target);
  const sheetRelsPath = relsPathOf(sheetPath);
  const sheetRels = zip.file(sheetRelsPath) ? await text(zip, sheetRelsPath) : emptyRels();

  const drawingPath = freeName(zip, 'xl/drawings/drawing', '.xml');
  const chartPaths: string[] = [];
  for (const placed of extras.charts) {
    const chartPath = freeName(zip, 'xl/charts/chart', '.xml');
    zip.file(chartPath, chartXml(placed.part));
    chartPaths.push(chartPath);
  }
  const drawingRels = chartPaths.map((p, i) => ({
    id: `rId${i + 1}`,
    type: `${REL}/chart`,
    target: relativeTo(drawingPath, p),
  }));
  zip.file(
    drawingPath,
    drawingXml(
      extras.charts.map((c, i) => ({
        anchor: c.anchor,
        title: c.part.title,
        rId: drawingRels[i]?.id as string,
      })),
    ),
  );
  zip.file(relsPathOf(drawingPath), relsXml(drawingRels));

  const drawingRelId = freeRelId(relationshipsOf(sheetRels).map((r) => r.id));
  zip.file(
    sheetRelsPath,
    addRelationship(sheetRels, drawingRelId, `${REL}/drawing`, relativeTo(sheetPath, drawingPath)),
  );
  zip.file(sheetPath, withDrawing(await text(zip, sheetPath), drawingRelId));

  let types = await text(zip, '[Content_Types].xml');
  types = addOverride(types, drawingPath, DRAWING_TYPE);
  for (const p of chartPaths) types = addOverride(types, p, CHART_TYPE);
  zip.file('[Content_Types].xml', types);
}

async function text(zip: PackageParts, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new PackageShapeError(`the workbook has no ${name}`);
  return file.async('string');
}

/** XML attribute values back to text (the five entities and numeric references). */
function xmlValue(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] as string;
  });
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    out.set(m[1] as string, xmlValue(m[3] ?? m[4] ?? ''));
  }
  return out;
}

function sheetsOf(workbook: string): { name: string; rId: string }[] {
  return [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    return { name: a.get('name') ?? '', rId: a.get('r:id') ?? '' };
  });
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

function relationshipsOf(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    return { id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: a.get('Target') ?? '' };
  });
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const emptyRels = () => `${DECLARATION}<Relationships xmlns="${REL_NS}"></Relationships>`;

const relXml = (r: Relationship) =>
  `<Relationship Id="${xmlText(r.id)}" Type="${xmlText(r.type)}" Target="${xmlText(r.target)}"/>`;

function relsXml(rels: readonly Relationship[]): string {
  return `${DECLARATION}<Relationships xmlns="${REL_NS}">${rels.map(relXml).join('')}</Relationships>`;
}

function addRelationship(xml: string, id: string, type: string, target: string): string {
  const at = xml.lastIndexOf('</Relationships>');
  if (at < 0) throw new PackageShapeError('a relationships part without </Relationships>');
  return xml.slice(0, at) + relXml({ id, type, target }) + xml.slice(at);
}

function freeRelId(taken: readonly string[]): string {
  let n = 1;
  while (taken.includes(`rId${n}`)) n++;
  return `rId${n}`;
}

/** `xl/drawings/drawing1.xml`, or the next number when a part of that name exists. */
function freeName(zip: PackageParts, stem: string, ext: string): string {
  let n = 1;
  while (zip.file(`${stem}${n}${ext}`)) n++;
  return `${stem}${n}${ext}`;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target (relative to the source part's folder, or absolute with "/") as a zip name. */
function resolvePart(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** The target to write in `source`'s relationships for the part `to` (both zip names). */
function relativeTo(source: string, to: string): string {
  const from = source.split('/').slice(0, -1);
  const dest = to.split('/');
  let common = 0;
  while (common < from.length && from[common] === dest[common]) common++;
  return [...from.slice(common).map(() => '..'), ...dest.slice(common)].join('/');
}

/**
 * The sheet's <drawing> where CT_Worksheet's sequence puts it: after the page setup, header and
 * breaks, before legacyDrawing (the notes), legacyDrawingHF, picture, oleObjects, controls,
 * webPublishItems, tableParts and extLst.
 */
const AFTER_DRAWING = [
  '<legacyDrawing ',
  '<legacyDrawingHF ',
  '<picture ',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

function withDrawing(sheet: string, rId: string): string {
  if (/<drawing\s/.test(sheet)) throw new PackageShapeError('the report sheet already has a drawing');
  const end = sheet.indexOf('</sheetData>');
  const at = Math.min(...AFTER_DRAWING.map((tag) => sheet.indexOf(tag, end)).filter((i) => i >= 0));
  if (end < 0 || !Number.isFinite(at)) throw new PackageShapeError('the report sheet has no end');
  return `${sheet.slice(0, at)}<drawing r:id="${rId}"/>${sheet.slice(at)}`;
}

function addOverride(types: string, part: string, contentType: string): string {
  const at = types.lastIndexOf('</Types>');
  if (at < 0) throw new PackageShapeError('[Content_Types].xml without </Types>');
  return `${types.slice(0, at)}<Override PartName="/${xmlText(part)}" ContentType="${contentType}"/>${types.slice(at)}`;
}

const colName = (n: number): string => {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
};

/**
 * The print names' references without the sheet: Print_Titles as columns then rows
 * (`$A:$A,$1:$2`, the order Excel writes), Print_Area as a range.
 */
function printNames(extras: ReportSheetExtras): [string, string[]][] {
  const out: [string, string[]][] = [];
  const titles: string[] = [];
  const cols = extras.printTitleColumns;
  if (cols) titles.push(`$${colName(cols[0])}:$${colName(cols[1])}`);
  if (extras.printTitleRows) titles.push(`$${extras.printTitleRows[0]}:$${extras.printTitleRows[1]}`);
  if (titles.length > 0) out.push(['Print_Titles', titles]);
  const area = extras.printArea;
  if (area) out.push(['Print_Area', [`$A$1:$${colName(area.cols)}$${area.rows}`]]);
  return out;
}

/**
 * `_xlnm.Print_Titles` and `_xlnm.Print_Area` for the sheet at `index` of <sheets>, each part of
 * the reference qualified by the sheet's quoted name (`'Report ''24'!$A:$A,'Report ''24'!$1:$2`).
 * The defined names go after <sheets> (CT_Workbook: … sheets, functionGroups,
 * externalReferences, definedNames, calcPr …).
 */
function withDefinedNames(
  workbook: string,
  sheetName: string,
  index: number,
  names: readonly [string, readonly string[]][],
): string {
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  let name = '';
  for (const [n, refs] of names) {
    if (new RegExp(`_xlnm\\.${n}"[^>]*localSheetId="${index}"`).test(workbook)) {
      throw new PackageShapeError(`the report sheet already has a ${n}`);
    }
    const ref = refs.map((r) => `${quoted}!${r}`).join(',');
    name += `<definedName name="_xlnm.${n}" localSheetId="${index}">${xmlText(ref)}</definedName>`;
  }
  const open = workbook.indexOf('<definedNames>');
  if (open >= 0) return workbook.slice(0, open + 14) + name + workbook.slice(open + 14);
  const closeSheets = workbook.indexOf('</sheets>');
  if (closeSheets < 0) throw new PackageShapeError('xl/workbook.xml has no </sheets>');
  const at = closeSheets + '</sheets>'.length;
  return `${workbook.slice(0, at)}<definedNames>${name}</definedNames>${workbook.slice(at)}`;
}
