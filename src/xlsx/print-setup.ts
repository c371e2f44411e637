/**
 * The report sheet's print settings from the model's print plan (src/core/report/print-plan.ts):
 * the printed columns as narrow as their content lets them (numbers whole, headers wrapped at
 * their longest word), the largest scale up to 100% at which they fit the page's width on A4 and
 * on Letter alike, the page breaks between sections at that scale, and the footer.
 *
 * Widths are estimated in Excel's width unit (the default font's digit). A point per unit is
 * taken as LibreOffice prints it without Calibri's metrics (6.3 pt, measured; Excel's Calibri
 * makes it 5.25 pt and 3.75 pt of padding), so the scale chosen fits in either application.
 */
import type ExcelJS from 'exceljs';
import type { Cell, ReportModel } from '../core/report/model';
import { fitScale, pageBreaks, pageLabel } from '../core/report/print-plan';

/** Landscape page in points: the width of Letter (the narrower) and the height of A4 (the shorter). */
const PAGE_WIDTH = 792;
const PAGE_HEIGHT = 595.3;
const MARGINS = { left: 0.25, right: 0.25, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 } as const;
const PT_PER_UNIT = 6.3;
/** Room kept on each page for rounding in the spreadsheet's own layout. */
const SLACK = 0.96;
/** Rows ExcelJS writes without a height, and the rows left blank between blocks. */
export const ROW_HEIGHT = 16;
const BLANK_ROW_HEIGHT = 15;
/** A printed column is never narrower than this (units). */
const MIN_PRINTED = 7.5;
/** The label column fits its labels up to this (units); longer labels are cut at the next value. */
const MAX_LABEL = 31;

export interface SheetPrint {
  readonly pageSetup: Partial<ExcelJS.PageSetup>;
  readonly headerFooter: Partial<ExcelJS.HeaderFooter>;
  /** 1-based rows after which a page breaks. */
  readonly breaksAfter: number[];
  /** 1-based last column and row of the print area. */
  readonly area: { readonly cols: number; readonly rows: number };
  readonly titleRows: readonly [number, number] | null;
  readonly titleColumns: readonly [number, number] | null;
  readonly scale: number;
}

type Rows = readonly (readonly [number, ReadonlyMap<number, Cell>])[];

/** Joiners, directional marks and Arabic vowel signs: drawn with no width of their own. */
const ZERO_WIDTH = /[\u064b-\u065f\u0670\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

/** Units a character of 10 pt text takes: digits and capitals wider, separators narrower. */
function charUnits(ch: string): number {
  if (ZERO_WIDTH.test(ch)) return 0;
  if (/[0-9]/.test(ch)) return 0.92;
  if (/[,.٬٫ :;'!|()]/.test(ch)) return 0.45;
  if (ch === '%') return 1.3;
  if (/[A-Z]/.test(ch)) return 1.05;
  return 0.85;
}

/** Width units of a text at `size` pt (bold 8% wider), without the cell's padding. */
export function textUnits(text: string, bold = false, size = 10): number {
  let units = 0;
  for (const ch of text) units += charUnits(ch);
  return units * (bold ? 1.08 : 1) * (size / 10);
}

/** ... and with the cell's padding: what a column needs to show it. */
const cellTextUnits = (text: string, bold = false, size = 10) => textUnits(text, bold, size) + 1.2;

/** A number as its format shows it ("#,##0.00 "ر.س"" → "1,234.57 ر.س"), for its width. */
export function shownNumber(value: number, fmt: string): string {
  const section = fmt.split(';')[0] ?? '';
  const percent = section.includes('%');
  const decimals = /\.(0+)/.exec(section)?.[1]?.length ?? 0;
  const n = Math.abs(percent ? value * 100 : value);
  let digits = n.toFixed(decimals);
  if (section.includes(',')) digits = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const literal = [...section.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '').join(' ');
  return `${value < 0 || section.startsWith('+') ? '-' : ''}${digits}${percent ? '%' : ''}${literal ? ` ${literal}` : ''}`;
}

/** The widest word of a wrapped header (words break at spaces and after hyphens). */
function headerUnits(text: string): number {
  return Math.max(0, ...text.split(/\s+|(?<=-)/).map((w) => cellTextUnits(w, true)));
}

/** What a cell needs in its column: a number all of it, a header its longest word, text all of it. */
function cellUnits(cell: Cell, nextFilled: boolean): number {
  // Totals are bold: LibreOffice draws bold Arabic-Indic digits and "ر.س" a tenth wider than the
  // plain estimate, and without this an Arabic total showed "###" (measured in its PDF).
  if (typeof cell.v === 'number')
    return cellTextUnits(shownNumber(cell.v, cell.fmt ?? ''), cell.style === 'total') + 1;
  if (typeof cell.v !== 'string' || cell.v === '') return 0;
  if (cell.style === 'header') return headerUnits(cell.v);
  // Titles, sections, notes and lists run on into empty cells; only text stopped by a neighbour counts.
  if (!nextFilled) return 0;
  const small = cell.style === 'note' || cell.style === 'legend';
  return cellTextUnits(cell.v, cell.style === 'total', small ? 9 : 10);
}

/** The printed columns' widths from their content; the others as the writer had them. */
export function printedWidths(model: ReportModel, rows: Rows, widths: readonly number[]): number[] {
  const columns = model.print?.columns ?? 0;
  const out = [...widths];
  for (let c = 0; c < columns; c++) out[c] = c === 0 ? 10 : MIN_PRINTED;
  for (const [, cells] of rows) {
    for (const [c, cell] of cells) {
      if (c >= columns) continue;
      const next = cells.get(c + 1);
      const nextFilled = next !== undefined && next.v !== null && next.v !== '';
      const need = cellUnits(cell, nextFilled);
      out[c] = Math.max(out[c] ?? 0, c === 0 ? Math.min(MAX_LABEL, need) : need);
    }
  }
  return out.map((w) => Math.round(w * 100) / 100);
}

/**
 * A footer text in the report's direction. LibreOffice lays a footer out left to right, so an
 * Arabic or Persian sentence with column letters in it came out in the wrong order ("on screen,
 * AE to L … columns" read from the right); a right-to-left embedding (RLE … PDF) sets its order.
 * Not RLI … PDI: LibreOffice prints those as visible marks.
 */
export function footerText(text: string, rtl: boolean): string {
  return rtl ? `\u202B${text}\u202C` : text;
}

export function sheetPrint(
  model: ReportModel,
  rows: Rows,
  widths: readonly number[],
  heights: ReadonlyMap<number, number>,
): SheetPrint | null {
  const plan = model.print;
  if (!plan) return null;
  const content = widths.slice(0, plan.columns).reduce((s, w) => s + w, 0) * PT_PER_UNIT;
  const room = PAGE_WIDTH - (MARGINS.left + MARGINS.right) * 72;
  const scale = fitScale(content, room);
  // The print area ends with the last printed section (the columns-read list stays on screen).
  // Charts placed below the report (too few totals rows to sit beside) are printed with it.
  const lastRow = Math.max(
    1,
    ...plan.sections.map((s) => s.bottom + 1),
    ...model.charts.map((c) => c.anchor.row + (c.size?.rows ?? 0)),
  );
  const height = (r: number) =>
    heights.get(r) ?? (rows.some(([i]) => i === r) ? ROW_HEIGHT : BLANK_ROW_HEIGHT);
  const titleHeight = Array.from({ length: plan.titleRows }, (_, r) => height(r)).reduce((s, h) => s + h, 0);
  const page = ((PAGE_HEIGHT - (MARGINS.top + MARGINS.bottom) * 72) * SLACK * 100) / scale;
  const breaks = pageBreaks(plan.sections, height, page, titleHeight);
  const note = plan.screenOnly ? `&8${footerText(plan.screenOnly.replace(/&/g, '&&'), model.rtl)}` : '';
  const pageNo = `&8${pageLabel(model.lang)}`;
  return {
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      scale,
      fitToPage: false,
      margins: { ...MARGINS },
    },
    headerFooter: {
      oddFooter: model.rtl ? `&L${pageNo}&R${note}` : `&L${note}&R${pageNo}`,
    },
    // A break before 0-based row `top` is after 1-based row `top`.
    breaksAfter: breaks,
    area: { cols: plan.columns, rows: lastRow },
    titleRows: plan.titleRows > 0 ? [1, plan.titleRows] : null,
    titleColumns: plan.titleColumns > 0 ? [1, plan.titleColumns] : null,
    scale,
  };
}
