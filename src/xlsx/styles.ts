/**
 * How the report model's cell styles and statuses look in Excel: the shared palette
 * (src/core/report/look.ts) mapped to ExcelJS fonts, fills, borders and alignment.
 */
import type ExcelJS from 'exceljs';
import type { Status } from '../core/benchmarks/types';
import { brandedLook as brandedStyle, STATUS_COLOURS, type StyleLook, TEXT_SIZE } from '../core/report/look';
import type { BrandColours, CellStyle } from '../core/report/model';

/** "#1f3864" → ExcelJS's { argb: "FF1F3864" } (opaque). */
const argb = (hex: string): { argb: string } => ({ argb: `FF${hex.slice(1).toUpperCase()}` });
const solid = (hex: string): ExcelJS.FillPattern => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: argb(hex),
  bgColor: argb(hex),
});
const thin = (hex: string): Partial<ExcelJS.Border> => ({ style: 'thin', color: argb(hex) });

export interface LookOfCell {
  readonly font?: Partial<ExcelJS.Font>;
  readonly fill?: ExcelJS.Fill;
  readonly border?: Partial<ExcelJS.Borders>;
  readonly alignment?: Partial<ExcelJS.Alignment>;
}

const FONT = 'Calibri';

function excelLook(look: StyleLook): LookOfCell {
  const font: Partial<ExcelJS.Font> = {
    name: FONT,
    size: look.size ?? TEXT_SIZE,
    ...(look.bold ? { bold: true } : {}),
    ...(look.italic ? { italic: true } : {}),
    ...(look.color ? { color: argb(look.color) } : {}),
  };
  return {
    font,
    ...(look.fill ? { fill: solid(look.fill) } : {}),
    ...(look.top ? { border: { top: thin(look.top) } } : {}),
    ...(look.bottom ? { border: { bottom: thin(look.bottom) } } : {}),
    // Header cells: centred, and long KPI names wrap instead of widening the column.
    ...(look.center ? { alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } } : {}),
  };
}

/** A static fill for a status (values-only reports, and cells no conditional rule covers). */
export function statusLook(status: Status): LookOfCell {
  const { fill, font } = STATUS_COLOURS[status];
  return { fill: solid(fill), font: { name: FONT, size: TEXT_SIZE, color: argb(font) } };
}

/** The differential style a conditional rule applies: Excel reads a dxf fill's colour from bgColor. */
export function statusRuleStyle(status: Status): Partial<ExcelJS.Style> {
  const { fill, font } = STATUS_COLOURS[status];
  return { fill: { type: 'pattern', pattern: 'solid', bgColor: argb(fill) }, font: { color: argb(font) } };
}

/** Model widths are pixels (as Sheets has them); Excel widths are in characters of ~7 px. */
export function excelWidth(pixels: number): number {
  return Math.max(2, Math.round((pixels / 7) * 100) / 100);
}

const looks = new Map<string, LookOfCell>();

/** A cell style in Excel, with a template's brand colours where they go (made once per style). */
export function brandedLook(style: CellStyle, brand: BrandColours | undefined): LookOfCell {
  const key = `${style} ${brand?.primary} ${brand?.accent}`;
  let look = looks.get(key);
  if (!look) {
    look = excelLook(brandedStyle(style, brand));
    looks.set(key, look);
  }
  return look;
}
