/**
 * The dev page's /inspect view: a tab of the fake spreadsheet drawn as Sheets would show it, so
 * the report can be judged without Google. Each cell shows its value (a formula's as HyperFormula
 * computes it) through its number format, in the report's digits (sheet-format.ts); its fill and
 * font colour are the ones the tab's conditional format rules give that value (the fake applies
 * them as Sheets does, first match wins), else the cell's own; bold, italic, size, centring,
 * notes (a corner mark and a tooltip), column widths, text overflowing into empty neighbours,
 * wrapped text (WrapStrategy.WRAP: more lines, a taller row), right-to-left direction and the frozen rows as a sticky header follow the tab.
 *
 * A cell whose number format is not modelled is outlined in red with its raw value and the
 * reason, never shown as if formatted. Charts float over the grid in Sheets; here they are listed.
 */
import { LANGS, type Lang, langFromLocale } from '../src/core/i18n/lang';
import { RECIPE_KEY } from '../src/server/report-writer';
import {
  columnLetter,
  type FakeCell,
  type FakeSheet,
  type WrapStrategyName,
} from '../test/fakes/spreadsheet';
import type { Evaluated } from '../test/server/evaluate';
import { displayValue, UnsupportedFormat } from './sheet-format';

/** One cell as /inspect draws it. */
export interface ShownCell {
  readonly a1: string;
  /** The text Sheets would show. */
  readonly text: string;
  readonly background: string;
  readonly color: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly size: number;
  readonly align: 'start' | 'end' | 'center';
  /**
   * The cell's WrapStrategy: WRAP breaks the text onto more lines (a word longer than the width
   * at any character) and the row grows to hold them, as a row whose height was never set does
   * in Sheets; OVERFLOW runs one line over empty neighbours; CLIP cuts it at the cell's edge.
   */
  readonly wrap: WrapStrategyName;
  readonly note: string;
  readonly formula: string;
  /** Why the format could not be applied (the raw value is shown). */
  readonly unmodelled: string | null;
  /** Empty (nothing shown): text to its start side may overflow into it. */
  readonly empty: boolean;
}

export interface ShownSheet {
  readonly name: string;
  readonly lang: Lang;
  /** Where the language came from: the report's recipe, the page's ?lang=, or the spreadsheet's locale. */
  readonly langFrom: 'recipe' | 'query' | 'locale';
  readonly rightToLeft: boolean;
  readonly frozenRows: number;
  /** Column widths in pixels (Sheets' default 100 where none was set). */
  readonly widths: readonly number[];
  readonly rows: readonly (readonly ShownCell[])[];
  readonly rules: number;
  readonly charts: readonly string[];
}

/** Sheets' default fill: none, which the fake keeps as white. */
const NO_FILL = '#ffffff';

/** The language the report on `sheet` was written in: its recipe's, else the spreadsheet locale's. */
export function reportLang(sheet: FakeSheet, asked: string | null): Pick<ShownSheet, 'lang' | 'langFrom'> {
  if (asked && (LANGS as readonly string[]).includes(asked))
    return { lang: asked as Lang, langFrom: 'query' };
  const recipe = sheet.world.metadata.find((m) => m.sheet === sheet && m.key === RECIPE_KEY);
  try {
    const lang = (JSON.parse(recipe?.value ?? 'null') as { lang?: unknown } | null)?.lang;
    if ((LANGS as readonly unknown[]).includes(lang)) return { lang: lang as Lang, langFrom: 'recipe' };
  } catch {
    // Not JSON: fall back to the locale.
  }
  return { lang: langFromLocale(sheet.world.locale), langFrom: 'locale' };
}

/** An error value from the formula engine, as Sheets shows it ("#DIV/0!"). */
function errorCode(v: unknown): string | null {
  if (v === null || typeof v !== 'object' || !('error' in v)) return null;
  return String((v as { error: string }).error).split(' ')[0] ?? '#ERROR!';
}

function shownCell(
  sheet: FakeSheet,
  cell: FakeCell,
  row: number,
  col: number,
  value: unknown,
  lang: Lang,
): ShownCell {
  const a1 = `${columnLetter(col)}${row}`;
  const error = errorCode(value);
  let text = '';
  let unmodelled: string | null = null;
  if (error) text = error;
  else {
    try {
      text = displayValue(value, cell.format, lang);
    } catch (e) {
      if (!(e instanceof UnsupportedFormat)) throw e;
      unmodelled = e.message;
      text = value instanceof Date ? value.toISOString() : String(value);
    }
  }
  const { background, fontColor } = sheet.colourShown(a1, value);
  const isNumber = typeof value === 'number' || value instanceof Date;
  return {
    a1,
    text,
    background,
    color: error ? '#cc0000' : fontColor,
    bold: cell.fontWeight === 'bold',
    italic: cell.fontStyle === 'italic',
    size: cell.fontSize,
    // Sheets' general alignment: numbers to the end side, text to the start side.
    align:
      cell.align === 'center'
        ? 'center'
        : cell.align === 'right' || (isNumber && cell.align !== 'left')
          ? 'end'
          : 'start',
    wrap: cell.wrap,
    note: cell.note,
    formula: cell.formula,
    unmodelled,
    empty: text === '' && cell.formula === '',
  };
}

/** A tab of the fake spreadsheet as Sheets would show it; `evaluated` holds its formulas' values. */
export function shownSheet(sheet: FakeSheet, evaluated: Evaluated, asked: string | null): ShownSheet {
  const { lang, langFrom } = reportLang(sheet, asked);
  const cells = sheet.snapshot();
  const cols = cells[0]?.length ?? 0;
  const rows = cells.map((line, r) =>
    line.map((cell, c) => {
      const computed = evaluated[r]?.[c];
      // Formulas show what they compute; other cells their stored value (a Date stays a Date).
      const value = cell.formula ? (computed ?? '') : cell.value;
      return shownCell(sheet, cell, r + 1, c + 1, value, lang);
    }),
  );
  return {
    name: sheet.name,
    lang,
    langFrom,
    rightToLeft: sheet.rightToLeft,
    frozenRows: sheet.frozenRows,
    widths: Array.from({ length: cols }, (_, c) => sheet.widths.get(c + 1) ?? 100),
    rows,
    rules: sheet.rules.length,
    charts: sheet.charts.map(
      (chart) =>
        `${chart.type} “${String(chart.options.title ?? '')}” at ${columnLetter(chart.position.col)}${chart.position.row} over ${chart.ranges.join(', ')}`,
    ),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** How many empty, unfilled cells after `c` a text cell's overflow covers (Sheets lets text run over them). */
function overflowSpan(line: readonly ShownCell[], c: number): number {
  const cell = line[c] as ShownCell;
  if (cell.empty || cell.wrap !== 'OVERFLOW' || cell.align !== 'start' || cell.unmodelled) return 1;
  let span = 1;
  for (
    let next = line[c + span];
    next?.empty && next.background === NO_FILL && !next.note;
    next = line[c + span]
  )
    span++;
  return span;
}

function cellHtml(cell: ShownCell, span: number): string {
  const style = [
    cell.background === NO_FILL ? '' : `background:${cell.background}`,
    `color:${cell.color}`,
    cell.bold ? 'font-weight:bold' : '',
    cell.italic ? 'font-style:italic' : '',
    `font-size:${cell.size}pt`,
    `text-align:${cell.align}`,
    cell.wrap === 'WRAP' ? 'white-space:pre-wrap;overflow-wrap:anywhere' : '',
  ]
    .filter(Boolean)
    .join(';');
  const tip = [cell.formula ? `=${cell.formula.replace(/^=/, '')}` : '', cell.note, cell.unmodelled ?? '']
    .filter(Boolean)
    .join('\n');
  const classes = [cell.note ? 'note' : '', cell.unmodelled ? 'unmodelled' : ''].filter(Boolean).join(' ');
  return `<td data-a1="${cell.a1}" style="${style}"${span > 1 ? ` colspan="${span}"` : ''}${
    classes ? ` class="${classes}"` : ''
  }${tip ? ` title="${escapeHtml(tip)}"` : ''}>${escapeHtml(cell.text)}</td>`;
}

function rowHtml(line: readonly ShownCell[], r: number, frozenEdge: boolean): string {
  const tds: string[] = [];
  for (let c = 0; c < line.length; ) {
    const span = overflowSpan(line, c);
    tds.push(cellHtml(line[c] as ShownCell, span));
    c += span;
  }
  return `<tr${frozenEdge ? ' class="frozen-edge"' : ''}><th>${r + 1}</th>${tds.join('')}</tr>`;
}

const STYLE = `
body{margin:0;height:100vh;display:flex;flex-direction:column;font:13px Arial,'Liberation Sans','Noto Naskh Arabic','DejaVu Sans',sans-serif;color:#202124}
header{padding:8px 12px;border-bottom:1px solid #dadce0;background:#f8f9fa}
header h1{font-size:15px;margin:0 0 4px}
header p{margin:2px 0;color:#5f6368;font-size:12px}
header a{color:#1a73e8}
main{flex:1;overflow:auto}
table{border-collapse:separate;border-spacing:0;table-layout:fixed}
td,th{border-right:1px solid #e2e3e3;border-bottom:1px solid #e2e3e3;padding:0 3px;height:20px;white-space:nowrap;overflow:hidden;text-overflow:clip;vertical-align:bottom;font-size:10pt}
[dir=rtl] td,[dir=rtl] th{border-right:0;border-left:1px solid #e2e3e3}
th{background:#f8f9fa;color:#5f6368;font-weight:normal;text-align:center;font-size:9pt}
thead{position:sticky;top:0;z-index:1;background:#fff}
tr.frozen-edge td,tr.frozen-edge th{border-bottom:3px solid #c0c0c0}
td.note{position:relative}
td.note::after{content:'';position:absolute;top:0;inset-inline-end:0;border-style:solid;border-width:0 6px 6px 0;border-color:transparent #000 transparent transparent}
[dir=rtl] td.note::after{border-width:0 0 6px 6px;border-color:transparent transparent transparent #000}
td.unmodelled{outline:2px dashed #d93025;outline-offset:-2px}
`;

/** The whole /inspect page for one tab. */
export function inspectHtml(view: ShownSheet, tabs: readonly string[]): string {
  const links = tabs
    .map((s) =>
      s === view.name
        ? `<strong>${escapeHtml(s)}</strong>`
        : `<a href="/inspect?sheet=${encodeURIComponent(s)}">${escapeHtml(s)}</a>`,
    )
    .join(' · ');
  const unmodelled = view.rows.flat().filter((c) => c.unmodelled);
  // The grid scrolls in its own box, which a right-to-left tab turns: column A starts on the right.
  const dir = view.rightToLeft ? 'rtl' : 'ltr';
  const frozen = Math.min(view.frozenRows, view.rows.length);
  const letters = view.widths.map((_, c) => `<th>${columnLetter(c + 1)}</th>`).join('');
  const head = view.rows.slice(0, frozen).map((line, r) => rowHtml(line, r, r === frozen - 1));
  const body = view.rows.slice(frozen).map((line, r) => rowHtml(line, r + frozen, false));
  const cols = view.widths.map((w) => `<col style="width:${w}px">`).join('');
  return `<!DOCTYPE html>
<html lang="${view.lang}"><head><meta charset="utf-8"><title>${escapeHtml(view.name)} · /inspect</title><style>${STYLE}</style></head>
<body>
<header>
<p>${links}</p>
<h1>${escapeHtml(view.name)}</h1>
<p>Language ${view.lang} (from the ${view.langFrom}; ?lang=en|ar|fa to change) · ${view.rightToLeft ? 'right to left' : 'left to right'} · frozen rows ${view.frozenRows} · conditional format rules ${view.rules}</p>
<p>Charts (drawn over the grid in Sheets): ${view.charts.length ? view.charts.map(escapeHtml).join('; ') : 'none'}</p>
${
  unmodelled.length
    ? `<p style="color:#d93025">${unmodelled.length} cell(s) with a number format this view does not model (outlined; raw value shown): ${escapeHtml([...new Set(unmodelled.map((c) => c.unmodelled))].join('; '))}</p>`
    : ''
}
</header>
${view.rows.length === 0 ? '<p>This tab is empty.</p>' : ''}
<main dir="${dir}">
<table data-sheet="${escapeHtml(view.name)}" style="width:${46 + view.widths.reduce((a, w) => a + w, 0)}px">
<colgroup><col style="width:46px">${cols}</colgroup>
<thead><tr><th></th>${letters}</tr>
${head.join('\n')}</thead>
<tbody>
${body.join('\n')}
</tbody></table>
</main>
</body></html>`;
}
