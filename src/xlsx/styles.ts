/**
 * How the report model's cell styles and statuses look in Excel. The same palette as the Sheets
 * writer (Excel's own "good / neutral / bad" cell styles), so a report looks alike in both.
 */
import type ExcelJS from 'exceljs';
import type { Status } from '../core/benchmarks/types';
import type { BrandColours, CellStyle } from '../core/report/model';

const argb = (hex: string): { argb: string } => ({ argb: `FF${hex}` });
const solid = (hex: string): ExcelJS.FillPattern => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: argb(hex),
  bgColor: argb(hex),
});
const thin = (hex: string): Partial<ExcelJS.Border> => ({ style: 'thin', color: argb(hex) });

export const STATUS_COLORS: Readonly<Record<Status, { readonly fill: string; readonly font: string }>> = {
  good: { fill: 'C6EFCE', font: '006100' },
  fair: { fill: 'FFEB9C', font: '9C5700' },
  poor: { fill: 'FFC7CE', font: '9C0006' },
};

export interface LookOfCell {
  readonly font?: Partial<ExcelJS.Font>;
  readonly fill?: ExcelJS.Fill;
  readonly border?: Partial<ExcelJS.Borders>;
  readonly alignment?: Partial<ExcelJS.Alignment>;
}

const FONT = 'Calibri';

export const CELL_STYLES: Readonly<Record<CellStyle, LookOfCell>> = {
  title: { font: { name: FONT, size: 16, bold: true, color: argb('1F3864') } },
  subtitle: { font: { name: FONT, size: 10, italic: true, color: argb('595959') } },
  section: {
    font: { name: FONT, size: 12, bold: true, color: argb('1F3864') },
    border: { bottom: thin('8EA9DB') },
  },
  header: {
    font: { name: FONT, size: 10, bold: true, color: argb('FFFFFF') },
    fill: solid('44546A'),
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  },
  label: { font: { name: FONT, size: 10 } },
  value: { font: { name: FONT, size: 10 } },
  total: {
    font: { name: FONT, size: 10, bold: true },
    fill: solid('F2F2F2'),
    border: { top: thin('808080') },
  },
  note: { font: { name: FONT, size: 9, italic: true, color: argb('595959') } },
  legend: { font: { name: FONT, size: 9, color: argb('404040') } },
  up: { font: { name: FONT, size: 10, color: argb('006100') } },
  down: { font: { name: FONT, size: 10, color: argb('9C0006') } },
};

/** A static fill for a status (values-only reports, and cells no conditional rule covers). */
export function statusLook(status: Status): LookOfCell {
  const { fill, font } = STATUS_COLORS[status];
  return { fill: solid(fill), font: { name: FONT, size: 10, color: argb(font) } };
}

/** The differential style a conditional rule applies: Excel reads a dxf fill's colour from bgColor. */
export function statusRuleStyle(status: Status): Partial<ExcelJS.Style> {
  const { fill, font } = STATUS_COLORS[status];
  return { fill: { type: 'pattern', pattern: 'solid', bgColor: argb(fill) }, font: { color: argb(font) } };
}

/** Model widths are pixels (as Sheets has them); Excel widths are in characters of ~7 px. */
export function excelWidth(pixels: number): number {
  return Math.max(2, Math.round((pixels / 7) * 100) / 100);
}

/** "#1F3864" → "1F3864"; null for anything that is not a 6-digit hex colour. */
function hex(colour: string | undefined): string | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(colour ?? '');
  return m ? (m[1] as string).toUpperCase() : null;
}

/** A template's brand colours on the title, sections and header fills; the defaults otherwise. */
export function brandedLook(style: CellStyle, brand: BrandColours | undefined): LookOfCell {
  const base = CELL_STYLES[style];
  const primary = hex(brand?.primary);
  if (!primary) return base;
  const accent = hex(brand?.accent) ?? primary;
  if (style === 'title') return { ...base, font: { ...base.font, color: argb(primary) } };
  if (style === 'section')
    return { ...base, font: { ...base.font, color: argb(primary) }, border: { bottom: thin(accent) } };
  if (style === 'header') return { ...base, fill: solid(primary) };
  return base;
}
