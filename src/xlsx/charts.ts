/**
 * The report model's charts (ChartSpec: a bar chart of the headline KPI by group, a line chart of
 * it by period) as native Excel charts: each series refers to the report sheet's cells, so the
 * chart follows the live formulas, and caches the values those cells hold now. Placed where the
 * model anchors them (beside the totals), sized to the free rows there so they cover no table.
 */
import { brandedLook } from '../core/report/look';
import { type Block, type Cell, type ChartSpec, type ReportModel, widestLine } from '../core/report/model';
import { cellRef, parseRange, type Rect } from './a1';
import { type CellAnchor, type ChartPart, type ChartSeries, chartRef } from './chart-xml';

export interface PlacedChart {
  readonly part: ChartPart;
  readonly anchor: CellAnchor;
}

/** A chart is this many columns wide, fewer when the next chart starts sooner (one column apart). */
const CHART_COLS = 6;
/** Rows a chart takes at most, and at least: with fewer free rows beside the totals it goes below the report. */
const MAX_ROWS = 20;
const MIN_ROWS = 12;

export function placeCharts(model: ReportModel, sheetName: string): PlacedChart[] {
  if (model.charts.length === 0) return [];
  const cells = cellIndex(model.blocks);
  const boxes = model.blocks.map(blockRect);
  const colour = (brandedLook('section', model.brand).color ?? '#1f3864').slice(1).toUpperCase();
  return model.charts.map((spec) => ({
    part: chartPart(spec, model, sheetName, cells, colour),
    anchor: anchorOf(spec, model.charts, boxes),
  }));
}

function chartPart(
  spec: ChartSpec,
  model: ReportModel,
  sheetName: string,
  cells: ReadonlyMap<string, Cell>,
  colour: string,
): ChartPart {
  const labels = rangeOf(spec.labels, spec);
  const series: ChartSeries[] = spec.series.map((s) => {
    const rect = rangeOf(s.range, spec);
    const found = cellsOf(rect, cells);
    return {
      name: s.name,
      ref: refOf(sheetName, rect),
      values: found.map((c) => (typeof c?.v === 'number' ? c.v : null)),
      format: found.find((c) => c?.fmt)?.fmt ?? 'General',
    };
  });
  return {
    type: spec.type,
    title: spec.title,
    lang: model.lang,
    rtl: model.rtl,
    categories: {
      ref: refOf(sheetName, labels),
      values: cellsOf(labels, cells).map((c) => (c?.v === null || c?.v === undefined ? '' : String(c.v))),
    },
    series,
    colour,
  };
}

/** A range the model gave that is not a plain A1 range is a bug in the model: said, not drawn wrong. */
function rangeOf(range: string, spec: ChartSpec): Rect {
  const rect = parseRange(range);
  if (!rect) throw new Error(`chart "${spec.title}": "${range}" is not a range of the report sheet`);
  return rect;
}

const refOf = (sheetName: string, r: Rect) =>
  chartRef(sheetName, cellRef(r.top, r.left), cellRef(r.bottom, r.right));

const key = (row: number, col: number) => `${row},${col}`;

function cellIndex(blocks: readonly Block[]): Map<string, Cell> {
  const index = new Map<string, Cell>();
  for (const block of blocks) {
    block.cells.forEach((line, r) => {
      line.forEach((cell, c) => {
        index.set(key(block.row + r, block.col + c), cell);
      });
    });
  }
  return index;
}

/** The cells of a range, row by row (a chart range is one column or one row). */
function cellsOf(rect: Rect, cells: ReadonlyMap<string, Cell>): (Cell | undefined)[] {
  const out: (Cell | undefined)[] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) out.push(cells.get(key(r, c)));
  }
  return out;
}

function blockRect(block: Block): Rect {
  const width = widestLine(block.cells, 1);
  return {
    top: block.row,
    left: block.col,
    bottom: block.row + Math.max(1, block.cells.length) - 1,
    right: block.col + width - 1,
  };
}

/**
 * From the model's anchor, as wide as CHART_COLS allows before the next chart on the same rows,
 * down to the row above the next block under any chart of those rows (charts side by side share
 * one height). Where fewer than MIN_ROWS are free (a short totals table beside wide tables), the
 * charts of those rows go below the report's last block instead of over a table.
 */
function anchorOf(spec: ChartSpec, all: readonly ChartSpec[], boxes: readonly Rect[]): CellAnchor {
  const { row, col } = spec.anchor;
  // Sized by the layout (to print beside the totals): placed as it says.
  if (spec.size) return { from: { row, col }, to: { row: row + spec.size.rows, col: col + spec.size.cols } };
  const band = all.filter((s) => s.anchor.row === row);
  const free = Math.min(...band.map((s) => freeRows(s, band, boxes)));
  const width = widthOf(spec, band);
  if (free >= MIN_ROWS) {
    return { from: { row, col }, to: { row: row + Math.min(free, MAX_ROWS), col: col + width } };
  }
  const top = Math.max(...boxes.map((b) => b.bottom)) + 2;
  return { from: { row: top, col }, to: { row: top + MAX_ROWS, col: col + width } };
}

/** Columns up to CHART_COLS, one short of the next chart to the right. */
function widthOf(spec: ChartSpec, band: readonly ChartSpec[]): number {
  const col = spec.anchor.col;
  const nextCol = Math.min(...band.filter((s) => s.anchor.col > col).map((s) => s.anchor.col));
  return Math.max(1, Math.min(CHART_COLS, nextCol - col - 1));
}

/** Rows free from the anchor down in the chart's columns (0 when a block is at the anchor itself). */
function freeRows(spec: ChartSpec, band: readonly ChartSpec[], boxes: readonly Rect[]): number {
  const { row, col } = spec.anchor;
  const right = col + widthOf(spec, band) - 1;
  const across = boxes.filter((b) => b.left <= right && b.right >= col);
  if (across.some((b) => b.top <= row && b.bottom >= row)) return 0;
  return Math.min(...across.filter((b) => b.top > row).map((b) => b.top)) - 1 - row;
}
