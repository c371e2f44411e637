/**
 * The one report palette (src/core/report/look.ts), and that both writers draw from it: the
 * Sheets layout (hex strings) and the .xlsx styles (ExcelJS ARGB) give the same colours.
 */
import { describe, expect, it } from 'vitest';
import { brandedLook, hexColour, STATUS_COLOURS, STYLE_LOOKS } from '../../../src/core/report/look';
import type { CellStyle, ReportModel } from '../../../src/core/report/model';
import { layoutReport } from '../../../src/server/report-layout';
import { brandedLook as excelLook, statusLook } from '../../../src/xlsx/styles';

const STYLES = Object.keys(STYLE_LOOKS) as CellStyle[];

/** A one-block model: one cell per style, then one fixed value per status. */
function model(brand?: ReportModel['brand']): ReportModel {
  return {
    blocks: [
      {
        kind: 'title',
        row: 0,
        col: 0,
        headerRows: 0,
        cells: [
          STYLES.map((style) => ({ v: style, style })),
          (['good', 'fair', 'poor'] as const).map((status) => ({ v: 1, status })),
        ],
      },
    ],
    ...(brand ? { brand } : {}),
  } as unknown as ReportModel;
}

const argbToHex = (argb: string | undefined) => (argb ? `#${argb.slice(2).toLowerCase()}` : undefined);

describe('report look', () => {
  it("uses Excel's good / neutral / bad colours for the statuses", () => {
    expect(STATUS_COLOURS).toEqual({
      good: { fill: '#c6efce', font: '#006100' },
      fair: { fill: '#ffeb9c', font: '#9c5700' },
      poor: { fill: '#ffc7ce', font: '#9c0006' },
    });
  });

  it('reads brand colours with or without "#", in any case, and nothing else', () => {
    expect(hexColour('#1F3864')).toBe('#1F3864');
    expect(hexColour('aabbcc')).toBe('#aabbcc');
    for (const bad of [undefined, '', 'red', '#abc', '#1f38645', 'url(x)']) expect(hexColour(bad)).toBeNull();
  });

  it('puts the brand colour on the title, sections and header fill, and the accent on section rules', () => {
    const brand = { primary: '#AA0000', accent: '00bb00' };
    expect(brandedLook('title', brand).color?.toLowerCase()).toBe('#aa0000');
    expect(brandedLook('section', brand)).toMatchObject({ color: '#AA0000', bottom: '#00bb00' });
    expect(brandedLook('header', brand)).toMatchObject({ fill: '#AA0000', color: '#ffffff' });
    expect(brandedLook('value', brand)).toBe(STYLE_LOOKS.value);
    expect(brandedLook('title', { primary: 'not a colour' })).toBe(STYLE_LOOKS.title);
  });

  it.each([
    ['default', undefined],
    ['branded', { primary: '#7030a0', accent: '#00b0f0' }],
  ])('the Sheets layout and the xlsx styles draw the same colours (%s)', (_, brand) => {
    const sheets = layoutReport(model(brand));
    STYLES.forEach((style, c) => {
      const xlsx = excelLook(style, brand);
      const font = argbToHex(xlsx.font?.color?.argb) ?? '#000000';
      // No fill in the workbook is no fill (null) on the Sheets tab: white would hide gridlines.
      const fill =
        argbToHex((xlsx.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb) ?? null;
      expect([style, sheets.colors[0]?.[c], sheets.fills[0]?.[c]]).toEqual([style, font, fill]);
      expect(sheets.sizes[0]?.[c]).toBe(xlsx.font?.size);
      expect(sheets.weights[0]?.[c] === 'bold').toBe(xlsx.font?.bold === true);
    });
    (['good', 'fair', 'poor'] as const).forEach((status, c) => {
      const xlsx = statusLook(status);
      expect(sheets.fills[1]?.[c]).toBe(argbToHex((xlsx.fill as { fgColor: { argb: string } }).fgColor.argb));
      expect(sheets.colors[1]?.[c]).toBe(argbToHex(xlsx.font?.color?.argb));
    });
  });
});
