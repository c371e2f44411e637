/// <reference path="./exceljs-writer.d.ts" />
/**
 * The xlsx writer: renders a ReportModel into an Excel workbook without deciding anything about
 * KPIs. Two sheets: the report (first, active) and the source data under `model.sourceName`, at
 * the same coordinates as the grid the engine read, so the model's formulas resolve unchanged.
 *
 * Uses ExcelJS's streaming writer for the package and the report sheet; the source sheet's rows
 * are written as XML by rawRowWriter (no ExcelJS cell objects) and deflated in pieces meanwhile
 * (./deflate-pieces.ts), then put into the package in memory (./package-patch.ts), which is
 * written to the file once.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { withLocalDigits } from '../core/i18n/digits';
import type { Block, Cell, ConditionalRule, ReportModel } from '../core/report/model';
import { cellRef, contains, parseRange, type Rect } from './a1';
import { placeCharts } from './charts';
import { DEFLATE_LEVEL, PieceDeflater } from './deflate-pieces';
import { patchedPackage, type SourceRows } from './package-patch';
import { printedWidths, type SheetPrint, sheetPrint, textUnits } from './print-setup';
import { headerRowHeight } from './row-heights';
import { sourceColumns } from './source-formats';
import { brandedLook, excelWidth, type LookOfCell, statusLook, statusRuleStyle } from './styles';

export interface XlsxOptions {
  /** Write the computed values only, no formulas. */
  readonly valuesOnly?: boolean;
  /** Called with 0–1 while the source rows are written. */
  readonly onProgress?: (fraction: number) => void;
  /** The source rows through ExcelJS's Row and Cell objects (the reference a test compares to). */
  readonly sourceThroughExcelJs?: boolean;
  /** An .xlsx source's number formats by column, kept on the copied source sheet. */
  readonly sourceFormats?: readonly (string | null)[];
}

/** Excel's limit on sheet names. */
const SHEET_NAME_MAX = 31;

/**
 * Excel's sheet limits ("Excel specifications and limits"). Past them Excel and LibreOffice cut
 * the sheet (or the text) when they open it, and formulas over a cut source show wrong totals:
 * such a workbook is refused, never written.
 */
export const EXCEL_LIMITS = { rows: 1_048_576, columns: 16_384, cellText: 32_767 } as const;
export type SheetLimits = { readonly [K in keyof typeof EXCEL_LIMITS]: number };

/** The workbook cannot hold the report faithfully: nothing was written. */
export class WorkbookLimitError extends Error {}
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};
const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: 'yyyy-mm-dd' };
const HEADER_STYLE: Partial<ExcelJS.Style> = { font: { bold: true } };

export async function writeReportXlsx(
  model: ReportModel,
  path: string,
  options: XlsxOptions = {},
): Promise<void> {
  checkSourceName(model.sourceName);
  const tooBig = workbookLimitProblem(model);
  if (tooBig !== null) throw new WorkbookLimitError(tooBig);
  // The file is opened first: a folder without write permission is said before any work.
  const file = await open(path, 'w');
  try {
    await writeWorkbook(model, options, file);
  } finally {
    await file.close();
  }
}

async function writeWorkbook(model: ReportModel, options: XlsxOptions, file: FileHandle): Promise<void> {
  // Loaded here, not at start-up: a JSON-only run never pays for ExcelJS. Only its streaming
  // writer and its enums (./exceljs-writer.d.ts): about half the time of all of ExcelJS.
  const [{ default: WorkbookWriter }, { default: enums }] = await Promise.all([
    import('exceljs/lib/stream/xlsx/workbook-writer.js'),
    import('exceljs/lib/doc/enums.js'),
  ]);
  // ExcelJS writes into memory: the package is patched there (./package-patch.ts), then written
  // to the file at once.
  const written: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => written.push(chunk));
  // ExcelJS's commit ends when the stream's writing side finishes; every byte is read at 'end'.
  const ended = new Promise<void>((resolve, reject) => {
    stream.once('end', resolve);
    stream.once('error', reject);
  });
  ended.catch(() => {}); // awaited after the commit, which reports a stream error itself
  const workbook = new WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
    zip: { zlib: { level: DEFLATE_LEVEL } },
  });
  workbook.creator = 'Mizan';
  workbook.created = new Date(0);
  const print = writeReportSheet(workbook, model, options.valuesOnly === true);
  const sourceRows = await writeSourceSheet(
    workbook,
    model,
    options.onProgress,
    enums.ValueType,
    options.sourceThroughExcelJs === true,
    options.sourceFormats ?? [],
  );
  await workbook.commit();
  await ended;
  // Charts and print titles: the package parts ExcelJS does not write (./package-patch.ts).
  const sheetName = reportSheetName(model);
  const patched = await patchedPackage(
    Buffer.concat(written),
    {
      sheetName,
      charts: placeCharts(model, sheetName),
      printTitleRows: print?.titleRows ?? (model.frozenRows > 0 ? [1, model.frozenRows] : null),
      printTitleColumns: print?.titleColumns ?? null,
      printArea: print?.area ?? null,
    },
    sourceRows,
  );
  await file.writeFile(patched);
}

/** Formulas quote the source sheet's name; a name Excel refuses would break every one of them. */
function checkSourceName(name: string): void {
  if (name === '' || name.length > SHEET_NAME_MAX || /[[\]:*?/\\]/.test(name)) {
    throw new Error(`the source sheet name "${name}" is not a valid Excel sheet name`);
  }
}

const count = (n: number) => n.toLocaleString('en');

/**
 * Why the report cannot be an Excel workbook whose every number is right, or null: the source
 * sheet (recreated at the same cells, for the formulas) or the report sheet past Excel's rows or
 * columns, or a text longer than a cell holds (it would be cut, and a cut group label no longer
 * matches its SUMIFS).
 */
export function workbookLimitProblem(model: ReportModel, limits: SheetLimits = EXCEL_LIMITS): string | null {
  // The command checks before writing and the writer again: one pass over a large source.
  if (limits !== EXCEL_LIMITS) return limitProblem(model, limits);
  let problem = checked.get(model);
  if (problem === undefined) {
    problem = limitProblem(model, limits);
    checked.set(model, problem);
  }
  return problem;
}

const checked = new WeakMap<ReportModel, string | null>();

function limitProblem(model: ReportModel, limits: SheetLimits): string | null {
  const source = model.cleanSource;
  if (source.length > limits.rows) {
    return `the data has ${count(source.length)} rows and an Excel sheet holds at most ${count(limits.rows)}`;
  }
  let width = 0;
  for (const row of source) width = Math.max(width, row.length);
  if (width > limits.columns) {
    return `the data has ${count(width)} columns and an Excel sheet holds at most ${count(limits.columns)}`;
  }
  const long = longText(source, limits.cellText);
  if (long) {
    return `cell ${cellRef(long.row, long.col)} of the data (sheet "${model.sourceName}") holds ${count(long.length)} characters and an Excel cell holds at most ${count(limits.cellText)}`;
  }
  const rows = placedRows(model.blocks);
  const reportHeight = (rows.at(-1)?.[0] ?? -1) + 1;
  if (reportHeight > limits.rows) {
    return `the report sheet needs ${count(reportHeight)} rows and an Excel sheet holds at most ${count(limits.rows)}`;
  }
  for (const [r, cells] of rows) {
    for (const [c, cell] of cells) {
      if (c + 1 > limits.columns) {
        return `the report sheet needs ${count(c + 1)} columns and an Excel sheet holds at most ${count(limits.columns)}`;
      }
      if (typeof cell.v === 'string' && cell.v.length > limits.cellText) {
        return `cell ${cellRef(r, c)} of the report holds ${count(cell.v.length)} characters and an Excel cell holds at most ${count(limits.cellText)}`;
      }
    }
  }
  return null;
}

function longText(
  grid: ReportModel['cleanSource'],
  max: number,
): { row: number; col: number; length: number } | null {
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string' && v.length > max) return { row: r, col: c, length: v.length };
    }
  }
  return null;
}

export function reportSheetName(model: ReportModel): string {
  const name =
    model.sheetName
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, SHEET_NAME_MAX)
      .trim() || 'KPI report';
  return name === model.sourceName ? `${name.slice(0, SHEET_NAME_MAX - 4)} (2)` : name;
}

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;

function writeReportSheet(workbook: Workbook, model: ReportModel, valuesOnly: boolean): SheetPrint | null {
  const rows = placedRows(model.blocks);
  const widths = printedWidths(model, rows, columnWidths(model.columnWidths, rows));
  const heights = rowHeights(rows, widths);
  // Printed as a document: the print area, scale, breaks and footer of ./print-setup.ts; the
  // print titles and area go into the package after ExcelJS (./package-patch.ts).
  const print = sheetPrint(model, rows, widths, heights);
  const sheet = workbook.addWorksheet(reportSheetName(model), {
    ...(print ? { pageSetup: print.pageSetup, headerFooter: print.headerFooter } : {}),
    views: [
      {
        rightToLeft: model.rtl,
        showGridLines: false,
        ...(model.frozenRows > 0 ? { state: 'frozen', ySplit: model.frozenRows } : { state: 'normal' }),
      },
    ],
  });
  sheet.columns = widths.map((width) => ({ width }));
  // The streaming writer writes its rowBreaks (Row.addPageBreak needs the row above, often a blank one).
  const breaks = (sheet as unknown as { rowBreaks: ExcelJS.RowBreak[] }).rowBreaks;
  for (const id of print?.breaksAfter ?? []) breaks.push({ id, max: 16383, man: 1 } as ExcelJS.RowBreak);
  const ruleRects = model.rules.flatMap((rule) => rangesOf(rule.range));
  for (const [rowIndex, cells] of rows) {
    const row = sheet.getRow(rowIndex + 1);
    const height = heights.get(rowIndex);
    if (height !== undefined) row.height = height;
    for (const [col, cell] of cells) {
      const covered = ruleRects.some((rect) => contains(rect, rowIndex, col));
      writeCell(row.getCell(col + 1), cell, valuesOnly, covered && !valuesOnly, model);
    }
    row.commit();
  }
  // Earlier rules win where they overlap (a boundary value that is both "good" and "fair").
  let priority = 1;
  for (const rule of model.rules) priority = addRule(sheet, rule, priority);
  sheet.commit();
  return print;
}

/**
 * Every row's height, so print pages hold what ./print-setup.ts counts: wrapped header rows as
 * tall as their lines, the title's and sections' larger text, and 10 pt rows at 14 pt (ExcelJS's
 * 16 pt rows would take a seventh more paper).
 */
function rowHeights(
  rows: readonly [number, Map<number, Cell>][],
  widths: readonly number[],
): Map<number, number> {
  const heights = new Map<number, number>();
  for (const [r, cells] of rows) {
    let h = headerRowHeight(cells, widths, textUnits) ?? TEXT_ROW_HEIGHT;
    for (const cell of cells.values()) h = Math.max(h, STYLE_ROW_HEIGHT[cell.style ?? 'value'] ?? 0);
    heights.set(r, h);
  }
  return heights;
}

const TEXT_ROW_HEIGHT = 14;
const STYLE_ROW_HEIGHT: Partial<Record<NonNullable<Cell['style']>, number>> = { title: 22, section: 17 };

/** The blocks' cells grouped by sheet row, rows ascending (the streaming writer needs that order). */
function placedRows(blocks: readonly Block[]): [number, Map<number, Cell>][] {
  const rows = new Map<number, Map<number, Cell>>();
  for (const block of blocks) {
    block.cells.forEach((cells, r) => {
      const rowIndex = block.row + r;
      const row = rows.get(rowIndex) ?? new Map<number, Cell>();
      rows.set(rowIndex, row);
      cells.forEach((cell, c) => {
        row.set(block.col + c, cell);
      });
    });
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]);
}

/**
 * The model's widths, widened where a number would not fit (Excel and LibreOffice show "###"
 * for a number wider than its column; a toman revenue with its unit easily is).
 */
function columnWidths(pixels: readonly number[], rows: readonly [number, Map<number, Cell>][]): number[] {
  const widths = pixels.map(excelWidth);
  for (const [, cells] of rows) {
    for (const [col, cell] of cells) {
      const needed =
        typeof cell.v === 'number'
          ? numberWidth(cell.v, cell.fmt ?? '')
          : typeof cell.v === 'string'
            ? textWidth(cell)
            : 0;
      if (needed > (widths[col] ?? 0)) widths[col] = needed;
    }
  }
  return Array.from(widths, (w) => w ?? excelWidth(100));
}

/** Labels and text values get room, up to a limit; titles, notes and headers overflow or wrap. */
const FITTED: ReadonlySet<Cell['style']> = new Set(['label', 'value']);
const TEXT_WIDTH_MAX = 32;

function textWidth(cell: Cell): number {
  if (!FITTED.has(cell.style)) return 0;
  return Math.min(TEXT_WIDTH_MAX, Math.ceil(String(cell.v).length * 1.1) + 2);
}

/** Characters a formatted number takes: digits, group separators, decimals, sign, units in quotes. */
function numberWidth(value: number, fmt: string): number {
  const section = fmt.split(';')[0] ?? '';
  const percent = section.includes('%');
  const integer = Math.floor(Math.abs(percent ? value * 100 : value)).toString().length;
  const decimals = /\.(0+)/.exec(section)?.[1]?.length ?? 0;
  const groups = section.includes(',') ? Math.floor((integer - 1) / 3) : 0;
  const literal = [...section.matchAll(/"([^"]*)"/g)].reduce((n, m) => n + (m[1]?.length ?? 0), 0);
  const chars =
    integer + groups + (decimals > 0 ? decimals + 1 : 0) + (percent ? 1 : 0) + (value < 0 ? 1 : 0) + literal;
  return Math.ceil(chars * 1.15) + 3;
}

function writeCell(
  target: ExcelJS.Cell,
  cell: Cell,
  valuesOnly: boolean,
  coloredByRule: boolean,
  model: Pick<ReportModel, 'brand' | 'rtl' | 'lang'>,
): void {
  const { brand, rtl } = model;
  target.value = cellValue(cell, valuesOnly);
  // Digits in the report's language where the application honours the numeral prefix (docs/digits.md).
  if (cell.fmt) target.numFmt = withLocalDigits(cell.fmt, model.lang);
  const look: LookOfCell = {
    ...(cell.style ? brandedLook(cell.style, brand) : {}),
    ...(cell.status && !coloredByRule ? statusLook(cell.status) : {}),
  };
  // Italic Arabic script falls back to fonts without the glyphs in some viewers (LibreOffice).
  if (look.font) target.font = rtl && look.font.italic ? { ...look.font, italic: false } : look.font;
  if (look.fill) target.fill = look.fill;
  if (look.border) target.border = look.border;
  // In a right-to-left report, text reads right to left even when it starts with a digit or "≥".
  const alignment =
    rtl && typeof cell.v === 'string' ? { ...look.alignment, readingOrder: 'rtl' as const } : look.alignment;
  if (alignment) target.alignment = alignment;
  if (cell.note) target.note = cell.note;
}

/**
 * Text is always a string value, never a formula: ExcelJS writes a string as a string cell, so a
 * campaign named "=IMPORTXML(…)" stays that text. Only the model's own `f` becomes a formula.
 */
export function cellValue(cell: Cell, valuesOnly: boolean): ExcelJS.CellValue {
  const v = cell.v === '' ? null : cell.v;
  if (cell.f && !valuesOnly) {
    return v === null ? { formula: cell.f, result: '' } : { formula: cell.f, result: v };
  }
  return v;
}

function rangesOf(range: string): Rect[] {
  return range
    .split(/[\s,]+/)
    .filter((part) => part !== '')
    .map(parseRange)
    .filter((rect): rect is Rect => rect !== null);
}

const OPERATOR: Readonly<Record<'>=' | '<=' | '<' | '>', string>> = {
  '>=': '>=',
  '<=': '<=',
  '<': '<',
  '>': '>',
};

/**
 * An expression rule rather than "cell is": an empty or text cell (a KPI with no value) must not
 * be coloured, and Excel's "cell is ≥ 5%" holds for text.
 */
export function ruleFormula(rule: ConditionalRule, topLeft: string): string {
  const when = rule.when;
  const test =
    when[0] === 'between'
      ? `${topLeft}>=${num(when[1])},${topLeft}<=${num(when[2])}`
      : `${topLeft}${OPERATOR[when[0]]}${num(when[1])}`;
  return `AND(ISNUMBER(${topLeft}),${test})`;
}

function num(n: number): string {
  return Number.isFinite(n) ? String(n).toUpperCase() : '0';
}

function addRule(sheet: ExcelJS.Worksheet, rule: ConditionalRule, firstPriority: number): number {
  let priority = firstPriority;
  for (const rect of rangesOf(rule.range)) {
    const ref = `${cellRef(rect.top, rect.left)}:${cellRef(rect.bottom, rect.right)}`;
    sheet.addConditionalFormatting({
      ref,
      rules: [
        {
          type: 'expression',
          priority: priority++,
          formulae: [ruleFormula(rule, cellRef(rect.top, rect.left))],
          style: statusRuleStyle(rule.status),
        },
      ],
    });
  }
  return priority;
}

async function writeSourceSheet(
  workbook: Workbook,
  model: ReportModel,
  onProgress: ((fraction: number) => void) | undefined,
  types: typeof ExcelJS.ValueType,
  throughExcelJs: boolean,
  given: readonly (string | null)[],
): Promise<SourceRows | null> {
  const source = model.cleanSource;
  const headerRows = model.headerRow + 1;
  const sheet = workbook.addWorksheet(model.sourceName, {
    views: [{ rightToLeft: model.rtl, state: 'frozen', ySplit: headerRows }],
  });
  // Widths that fit, and the measure columns' number formats (./source-formats.ts).
  const columns = sourceColumns(model, given);
  sheet.columns = columns.widths.map((width) => ({ width }));
  const isData = new Uint8Array(source.length);
  for (const r of model.dataRows) isData[r] = 1;
  // One shared style object per formatted column (ExcelJS caches a style by object identity).
  const numberStyles = columns.formats.map((numFmt) => (numFmt ? { numFmt } : null));
  const otherStyles = columns.otherFormats.map((numFmt, c) =>
    numFmt === null ? null : numFmt === columns.formats[c] ? numberStyles[c] : { numFmt },
  );
  const dateStyles = columns.dateFormats.map((numFmt) => (numFmt ? { numFmt } : null));
  const styleOf = (r: number, c: number, value: string | number | Date): Partial<ExcelJS.Style> =>
    r === model.headerRow
      ? HEADER_STYLE
      : value instanceof Date
        ? (dateStyles[c] ?? DATE_STYLE)
        : typeof value === 'number'
          ? ((isData[r] === 1 ? numberStyles[c] : otherStyles[c]) ?? PLAIN_STYLE)
          : PLAIN_STYLE;
  const step = Math.max(1, Math.floor(source.length / 100));
  const deflater = new PieceDeflater();
  const raw = throughExcelJs ? null : rawRowWriter(workbook, sheet, styleOf, types, deflater);
  if (raw) {
    for (let r = 0; r < source.length; r++) {
      // After each batch the event loop runs: the zip deflates it (on another thread) meanwhile.
      if (raw.row(source[r] as (typeof source)[number], r)) await yieldToEventLoop();
      if (onProgress && r % step === 0) onProgress(r / source.length);
    }
  }
  if (!raw)
    source.forEach((values, r) => {
      const row = sheet.getRow(r + 1);
      values.forEach((value, c) => {
        if (value === null || value === '') return;
        const cell = row.getCell(c + 1);
        cell.value = value;
        // One shared style object per kind of cell: ExcelJS caches a style by object identity,
        // which makes a 100,000-row source several times faster to write than a fresh style per cell.
        cell.style = styleOf(r, c, value);
      });
      row.commit();
      if (onProgress && r % step === 0) onProgress(r / source.length);
    });
  onProgress?.(1);
  raw?.flush();
  sheet.commit();
  if (!raw?.wrote()) return null;
  // ExcelJS names a worksheet's part by its id (stream/xlsx/worksheet-writer.js).
  return {
    part: `xl/worksheets/sheet${(sheet as unknown as { id: number }).id}.xml`,
    rows: await deflater.finish(),
  };
}

/** Writes one source row. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface RawRows {
  /** True when the row filled a batch, which went to the stream. */
  row(values: readonly (string | number | Date | null)[], r: number): boolean;
  /** Writes the rows still held (rows are written in batches). */
  flush(): void;
  /** Some row was written (into the deflater, between ExcelJS's <sheetData> and </sheetData>). */
  wrote(): boolean;
}

/** The parts of ExcelJS's streaming writer that its own row writer uses (worksheet-writer.js). */
interface RawWorkbook {
  readonly styles: { addStyleModel(style: Partial<ExcelJS.Style>, type: ExcelJS.ValueType): number };
  readonly sharedStrings: { add(text: string): number };
}
interface RawSheet {
  startedData: boolean;
  readonly useSharedStrings: boolean;
  readonly stream: unknown;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  _writeRow(row: unknown): void;
}

/**
 * The source rows as ExcelJS itself writes them (the same cells, styles, shared strings and row
 * attributes as its row writer gives for strings, numbers and dates), without a Row and a Cell
 * object per cell, which made the source sheet most of a large workbook's time. Null when this
 * ExcelJS does not have the parts it uses: the rows then go through ExcelJS's rows.
 */
function rawRowWriter(
  workbook: Workbook,
  sheet: ExcelJS.Worksheet,
  styleOf: (r: number, c: number, value: string | number | Date) => Partial<ExcelJS.Style>,
  types: typeof ExcelJS.ValueType,
  deflater: PieceDeflater,
): RawRows | null {
  const book = workbook as unknown as RawWorkbook;
  const out = sheet as unknown as RawSheet;
  if (
    typeof book.styles?.addStyleModel !== 'function' ||
    typeof book.sharedStrings?.add !== 'function' ||
    out.useSharedStrings !== true ||
    typeof out._writeColumns !== 'function' ||
    typeof out._writeOpenSheetData !== 'function' ||
    typeof out._writeRow !== 'function'
  )
    return null;
  const letters: string[] = [];
  const letter = (c: number): string => {
    letters[c] ??= cellRef(0, c).replace(/\d+$/, '');
    return letters[c] as string;
  };
  // The style attribute of each style and kind of cell, asked of ExcelJS once, not once per cell.
  const styleAttrs = new Map<Partial<ExcelJS.Style>, Map<string, string>>();
  const styleAttr = (r: number, c: number, value: string | number | Date): string => {
    const kind = typeof value === 'string' ? 's' : value instanceof Date ? 'd' : 'n';
    const style = styleOf(r, c, value);
    let byKind = styleAttrs.get(style);
    if (byKind === undefined) {
      byKind = new Map();
      styleAttrs.set(style, byKind);
    }
    let attr = byKind.get(kind);
    if (attr === undefined) {
      const type = kind === 's' ? types.String : kind === 'd' ? types.Date : types.Number;
      const id = book.styles.addStyleModel(style, type);
      attr = id ? ` s="${id}"` : '';
      byKind.set(kind, attr);
    }
    return attr;
  };
  // Rows go to the stream in batches: one write per row costs more than the text it writes.
  let held = '';
  const flush = (): void => {
    if (held === '') return;
    if (!out.startedData) {
      // ExcelJS writes the sheet's start up to <sheetData> into its part; the rows go to the
      // deflater, and are put in that part after ExcelJS's commit (package-patch.ts).
      out._writeColumns();
      out._writeOpenSheetData();
      out.startedData = true;
    }
    // Only ASCII here (references, numbers, shared-string indexes; the texts are in the shared
    // strings), which the deflater copies into bytes as Latin-1.
    deflater.write(held);
    held = '';
  };
  const row = (values: readonly (string | number | Date | null)[], r: number): boolean => {
    let cells = '';
    const n = r + 1;
    for (let c = 0; c < values.length; c++) {
      const value = values[c];
      if (value === null || value === undefined || value === '') continue;
      const s = styleAttr(r, c, value);
      const at = `${letter(c)}${n}`;
      if (typeof value === 'string')
        cells += `<c r="${at}"${s} t="s"><v>${book.sharedStrings.add(value)}</v></c>`;
      else if (value instanceof Date)
        cells += `<c r="${at}"${s}><v>${25569 + value.getTime() / 86_400_000}</v></c>`;
      else cells += `<c r="${at}"${s}><v>${value}</v></c>`;
    }
    if (cells === '') return false;
    // spans and x14ac:dyDescent are optional (ECMA-376 CT_Row): left out.
    held += `<row r="${n}">${cells}</row>`;
    if (held.length <= 1 << 16) return false;
    flush();
    return true;
  };
  return { row, flush, wrote: () => out.startedData };
}
