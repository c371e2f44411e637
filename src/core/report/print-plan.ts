/**
 * How the report sheet prints as a document (issue 12): which columns are printed, the rows and
 * column repeated on every page, where pages break, and what the page footer says. Decided here,
 * with the layout (./layout.ts), so the print follows the report's own structure; written by the
 * xlsx writer only (src/xlsx/print-setup.ts): Apps Script has no print settings to set.
 *
 * The printed columns are the label and the KPIs (tables put them first), and the totals with
 * the charts beside them. A table's rows count, measures and changes sit right of them: on
 * screen, not on paper, and the footer of every page says so and names those columns. Pages
 * break between sections: a section that fits on a page is never split across two.
 */
import { columnLetter } from '../detect/letters';
import { fill, L } from '../i18n/benchmark-labels';
import type { Lang } from '../i18n/lang';
import { type Block, type PrintPlan, widestLine } from './model';

export type { PrintPlan } from './model';

const PRINT_LABELS = {
  // Arabic and Persian: digits only. LibreOffice lays a footer's page fields out left to right
  // between the words whatever their direction, so "صفحه ۱ از ۱۵" read from the right came out
  // "15 of 1 page"; no directional mark changes that (tried: RLM, ALM, RLE, RLI). "1 / 15" has
  // no words to put in order.
  page: L('Page &P of &N', '&P / &N', '&P / &N'),
  screenOnly: L(
    'Rows, counts and changes: columns {from}–{to}, on screen',
    'الصفوف والأعداد والتغيرات: الأعمدة {from}–{to}، على الشاشة',
    'ردیف‌ها، شمارش‌ها و تغییرها: ستون‌های {from} تا {to}، روی صفحه',
  ),
} as const;

/** The page footer's page number ("Page 2 of 3"), in Excel's header and footer codes. */
export function pageLabel(lang: Lang): string {
  return PRINT_LABELS.page[lang];
}

/**
 * The print plan of a report whose tables hold `kpis` KPI columns after the label: the printed
 * columns run from A to the last KPI, or further where another block (the totals, a list) or
 * the charts (`chartRight`, their last column) need it.
 */
export function printPlan(
  blocks: readonly Block[],
  kpis: number,
  chartRight: number | null,
  titleRows: number,
  lang: Lang,
): PrintPlan {
  const isTable = (b: Block) => b.kind === 'groups' || b.kind === 'periods';
  const widthOf = (b: Block) => b.col + widestLine(b.cells);
  const columns = Math.max(
    1 + kpis,
    chartRight === null ? 1 : chartRight + 1,
    ...blocks.filter((b) => !isTable(b)).map(widthOf),
  );
  const widest = Math.max(0, ...blocks.filter(isTable).map(widthOf));
  const screenOnly =
    widest > columns
      ? fill(PRINT_LABELS.screenOnly[lang], lang, {
          from: columnLetter(columns),
          to: columnLetter(widest - 1),
        })
      : null;
  return {
    columns,
    titleRows,
    titleColumns: 1,
    // The columns read (reference for the data's owner) stay on screen: the print area ends before.
    sections: blocks
      .filter((b) => b.kind !== 'mapping')
      .map((b) => ({
        top: b.row,
        bottom: b.row + Math.max(1, b.cells.length) - 1,
        // Reference lists may run on over a page break; the tables and totals stay whole.
        whole: !FLOWING.has(b.kind),
      })),
    screenOnly,
  };
}

export interface Section {
  readonly top: number;
  readonly bottom: number;
  /** Kept on one page where it fits; otherwise it may split, after at least its first rows. */
  readonly whole?: boolean;
}

const FLOWING: ReadonlySet<Block['kind']> = new Set(['missing', 'definitions', 'notes', 'mapping']);
/** A section that may split starts a new page rather than leave fewer of its rows on this one. */
const FIRST_ROWS = 4;

/**
 * Where pages break (0-based rows that start a new page), keeping each section on one page when
 * it fits on one: a section that would cross the page's end starts the next page instead. A
 * section taller than a page runs on over pages (the spreadsheet breaks it by itself) and the
 * count goes on from where it ends. `height` gives a row's height in points, `page` the height a
 * page holds (after the scale), `titleHeight` the repeated title rows' height on every later page.
 */
export function pageBreaks(
  sections: readonly Section[],
  height: (row: number) => number,
  page: number,
  titleHeight: number,
): number[] {
  const breaks: number[] = [];
  const span = (from: number, to: number) => {
    let h = 0;
    for (let r = from; r <= to; r++) h += height(r);
    return h;
  };
  let used = 0;
  let next = 0;
  for (const s of sections) {
    if (s.bottom < next) continue; // the repeated title rows themselves
    const gap = span(next, s.top - 1);
    const own = span(s.top, s.bottom);
    const start = span(s.top, Math.min(s.bottom, s.top + FIRST_ROWS - 1));
    const needed = s.whole === false ? start : own;
    if (used > 0 && used + gap + needed > page && titleHeight + own <= page) {
      breaks.push(s.top);
      used = titleHeight + own;
    } else {
      used += gap + own;
      // Run over pages: what is left on the last page the section reaches.
      while (used > page) used = titleHeight + (used - page);
    }
    next = s.bottom + 1;
  }
  return breaks;
}

/** The largest whole percentage, at most 100, at which `content` fits in `room` (both points). */
export function fitScale(content: number, room: number): number {
  if (content <= 0) return 100;
  return Math.max(10, Math.min(100, Math.floor((100 * room) / content)));
}
