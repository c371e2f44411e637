/**
 * How a report looks, whichever writer draws it: the colours per status, the look of each cell
 * style, and where a template's brand colours go. The one palette both the Sheets writer
 * (src/server/report-layout.ts) and the .xlsx writer (src/xlsx/styles.ts) map to their own API,
 * so a report looks alike in both. Excel's own "good / neutral / bad" cell colours.
 * Colours are "#rrggbb".
 */
import type { Status } from '../benchmarks/types';
import type { BrandColours, CellStyle } from './model';

export const STATUS_COLOURS: Readonly<Record<Status, { readonly fill: string; readonly font: string }>> = {
  good: { fill: '#c6efce', font: '#006100' },
  fair: { fill: '#ffeb9c', font: '#9c5700' },
  poor: { fill: '#ffc7ce', font: '#9c0006' },
};

/** One cell style's look; what is left out is the writer's default (black text, no fill, size 10). */
export interface StyleLook {
  readonly size?: number;
  readonly bold?: true;
  readonly italic?: true;
  readonly color?: string;
  readonly fill?: string;
  readonly center?: true;
  /** The colour of a thin rule above / below the cell (drawn where the writer draws borders). */
  readonly top?: string;
  readonly bottom?: string;
}

/** The text size of styles that give none. */
export const TEXT_SIZE = 10;

const INK = '#1f3864';
const GREY = '#595959';

export const STYLE_LOOKS: Readonly<Record<CellStyle, StyleLook>> = {
  title: { size: 16, bold: true, color: INK },
  subtitle: { italic: true, color: GREY },
  section: { size: 12, bold: true, color: INK, bottom: '#8ea9db' },
  header: { bold: true, color: '#ffffff', fill: '#44546a', center: true },
  label: {},
  value: {},
  total: { bold: true, fill: '#f2f2f2', top: '#808080' },
  note: { size: 9, italic: true, color: GREY },
  legend: { size: 9, color: '#404040' },
  up: { color: STATUS_COLOURS.good.font },
  down: { color: STATUS_COLOURS.poor.font },
};

/** "#1F3864" or "1F3864" → "#1F3864"; null for anything that is not a 6-digit hex colour. */
export function hexColour(colour: string | undefined): string | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(colour ?? '');
  return m ? `#${m[1]}` : null;
}

/** A template's brand colour on the title, sections and header fill; its accent on section rules. */
export function brandedLook(style: CellStyle, brand: BrandColours | undefined): StyleLook {
  const look = STYLE_LOOKS[style];
  const primary = hexColour(brand?.primary);
  if (!primary) return look;
  if (style === 'title') return { ...look, color: primary };
  if (style === 'section') return { ...look, color: primary, bottom: hexColour(brand?.accent) ?? primary };
  if (style === 'header') return { ...look, fill: primary };
  return look;
}
