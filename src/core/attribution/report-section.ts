/**
 * The report's Attribution section, computed: find a path export (a column of "A > B > C" texts
 * with a conversions column beside it) in the report's source or in a second tab, read it with
 * the rules of the ATTRIBUTION function, and credit its channels under every model by calling
 * that very function on the same cells a live formula will read, so the values the report
 * writes are the values Sheets computes. With campaign data that has a channel and a cost
 * column, each channel's cost is summed for CPA and ROAS per model.
 */
import { type Analysis, analyse } from '../detect/analyse';
import { columnLetter, rowList } from '../detect/letters';
import type { InputProblem } from '../detect/types';
import { echo, readInput } from '../functions/read-input';
import { KpiFunctionError, type SheetArg } from '../functions/run-kpi';
import { attributionLabel } from '../i18n/attribution-labels';
import type { Lang } from '../i18n/lang';
import { readNumber } from '../numbers/parse-number';
import { asTable, type Grid, type Table } from '../table/table';
import { ATTRIBUTION_MODELS, type AttributionModel } from './models';
import { readPath } from './paths';
import { attributionFunction } from './sheet-function';

export interface ColumnRef {
  readonly index: number;
  readonly letter: string;
  readonly header: string;
}

/** Where the paths are: the ranges an =ATTRIBUTION(…) formula reads. */
export interface PathSource {
  /** The sheet (tab, file) holding the paths. */
  readonly sheet: string;
  /** True when the paths are the report's own source sheet. */
  readonly isMain: boolean;
  readonly headerRow: number;
  /** 0-based first and last row of the ranges. */
  readonly first: number;
  readonly last: number;
  readonly path: ColumnRef;
  readonly conversions: ColumnRef;
  readonly value: ColumnRef | null;
  readonly nonConversions: ColumnRef | null;
  /** Every row between first and last is a path or blank, so one formula can read the ranges. */
  readonly rangeLive: boolean;
  /** 1-based rows inside the span that are not paths (a total, a note): left out. */
  readonly leftOut: readonly number[];
  /** The currency of the value column, when its header names one. */
  readonly currency: string | null;
}

/** Each channel's cost from the campaign data (the report's source), matched by name. */
export interface ChannelCost {
  readonly cost: ColumnRef;
  readonly channel: ColumnRef;
  /** Per channel of the section (same order): the summed cost, or null when no row matched. */
  readonly perChannel: readonly (number | null)[];
  /** Per channel: a SUMIFS on the channel's name sums exactly the matched rows. */
  readonly exact: readonly boolean[];
  readonly unmatched: readonly string[];
}

export interface ModelCredits {
  readonly model: AttributionModel;
  readonly conversions: readonly number[];
  /** Empty when the paths have no value column. */
  readonly value: readonly number[];
}

export interface AttributionSection {
  readonly source: PathSource;
  /** Channels in the function's order (by the conversions of the paths they appear in). */
  readonly channels: readonly string[];
  /** The models computed, in ATTRIBUTION_MODELS order. */
  readonly models: readonly ModelCredits[];
  /** Models left out, and why (the function's message: too many channels for an exact answer). */
  readonly skipped: readonly { readonly model: AttributionModel; readonly why: string }[];
  /** The model compared with last touch: markov, else shapley, else none. */
  readonly dataDriven: AttributionModel | null;
  readonly paths: number;
  readonly totalConversions: number;
  /** null without a value column. */
  readonly totalValue: number | null;
  readonly cost: ChannelCost | null;
}

export type SectionResult =
  | { readonly ok: true; readonly section: AttributionSection }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

/** Headers compared lower-cased, without a bracketed unit ("Revenue (USD)"), spaces collapsed. */
const norm = (h: unknown): string =>
  String(h ?? '')
    .replace(/[([{][^)\]}]*[)\]}]/g, ' ')
    .replace(/[\s\u200c]+/g, ' ')
    .trim()
    .toLowerCase();

const PATH_HEADERS = new Set([
  'path',
  'paths',
  'conversion path',
  'conversion paths',
  'top conversion paths',
  'attribution path',
  'attribution paths',
  'channel path',
  'default channel group',
  'default channel group path',
  'channel grouping path',
  'source / medium path',
  'source/medium path',
  'journey',
  'customer journey',
  'touchpoints',
  'المسار',
  'مسار',
  'مسار التحويل',
  'مسارات التحويل',
  'المسارات',
  'مسیر',
  'مسیرها',
  'مسیر تبدیل',
  'مسیرهای تبدیل',
]);
const CONVERSION_HEADERS = new Set([
  'conversions',
  'conversion',
  'key events',
  'التحويلات',
  'تحويلات',
  'تحويل',
  'تبدیل',
  'تبدیل ها',
  'تبدیل‌ها',
]);
const VALUE_HEADERS = new Set([
  'value',
  'conversion value',
  'conv. value',
  'revenue',
  'purchase revenue',
  'total revenue',
  'القيمة',
  'قيمة التحويل',
  'الإيرادات',
  'ارزش',
  'ارزش تبدیل',
  'درآمد',
]);
const NON_CONVERSION_HEADERS = new Set([
  'non-conversions',
  'non conversions',
  'nonconversions',
  'non-converting journeys',
  'non-converting paths',
  'journeys without conversion',
  'not converted',
  'null',
  'بدون تحويل',
  'رحلات بلا تحويل',
  'بدون تبدیل',
  'سفرهای بدون تبدیل',
  'مسیرهای بدون تبدیل',
]);

const isBlank = (v: unknown): boolean =>
  v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Share of a path column's non-blank cells that must read as paths, and of multi-touch paths. */
const PATH_SHARE = 0.9;
const MULTI_SHARE = 0.25;

/** A path's separator; a text with one is taken for a path (and checked as one). */
const SEPARATOR = /[>›→]/;

/**
 * The column of paths: text cells, at least 90% of the non-blank ones, and enough of them with a
 * separator (25%, or one under a header that says "path"), so a column of campaign names with a
 * stray ">" is not taken for one. A malformed path still counts here: the rows are checked
 * afterwards, and a bad one is refused by its cell, never skipped.
 */
function findPathColumn(table: Table, analysis: Analysis): number | null {
  let best: { col: number; multi: number } | null = null;
  for (let c = 0; c < analysis.width; c++) {
    const role = analysis.mapping[c]?.role;
    const named = PATH_HEADERS.has(norm(analysis.headers[c]));
    if (role?.kind === 'measure' || (role?.kind === 'dimension' && role.dimension === 'date')) continue;
    // A campaign column with "Brand > Exact" names is campaigns, unless its header says paths.
    if (role?.kind === 'dimension' && role.dimension === 'campaign' && !named) continue;
    let filled = 0;
    let paths = 0;
    let multi = 0;
    for (const r of analysis.dataRows) {
      const v = table.cell(r, c);
      if (isBlank(v)) continue;
      filled++;
      if (typeof v !== 'string' || readNumber(v).ok) continue;
      paths++;
      if (SEPARATOR.test(v)) multi++;
    }
    if (filled === 0 || paths < PATH_SHARE * filled) continue;
    if (!(multi >= 2 && multi >= MULTI_SHARE * filled) && !(named && multi >= 1)) continue;
    if (!best || multi > best.multi) best = { col: c, multi };
  }
  return best?.col ?? null;
}

function ref(analysis: Analysis, index: number): ColumnRef {
  return { index, letter: columnLetter(index), header: String(analysis.headers[index] ?? '') };
}

/** A column by the engine's measure, else by one of our header names; never one already taken. */
function findColumn(
  analysis: Analysis,
  names: ReadonlySet<string>,
  taken: readonly (number | null)[],
  measure?: 'conversions' | 'revenue',
): number | null {
  const free = (i: number) => !taken.includes(i);
  const byMeasure = measure
    ? analysis.measures.find((m) => m.measure === measure && free(m.index))
    : undefined;
  if (byMeasure) return byMeasure.index;
  for (let c = 0; c < analysis.width; c++) if (free(c) && names.has(norm(analysis.headers[c]))) return c;
  return null;
}

interface Found {
  readonly table: Table;
  readonly analysis: Analysis;
  readonly path: number;
  readonly conversions: number | null;
}

function findPaths(table: Table, analysis: Analysis): Found | null {
  const path = findPathColumn(table, analysis);
  if (path === null) return null;
  const non = findColumn(analysis, NON_CONVERSION_HEADERS, [path]);
  return {
    table,
    analysis,
    path,
    conversions: findColumn(analysis, CONVERSION_HEADERS, [path, non], 'conversions'),
  };
}

/** Campaign data (cost, impressions or clicks) is not a path export, whatever its campaign names say. */
const isCampaignData = (analysis: Analysis): boolean =>
  analysis.measures.some(
    (m) => m.measure === 'cost' || m.measure === 'impressions' || m.measure === 'clicks',
  );

export interface SectionInput {
  readonly lang: Lang;
  /** The report's source, as the engine read it. */
  readonly main: { readonly table: Table; readonly analysis: Analysis; readonly sheet: string };
  /** A second tab (file) of paths the user picked; without it, the source itself may be one. */
  readonly paths?: { readonly cells: Grid | Table; readonly sheet: string };
}

/** The section, or null when there are no paths (no second tab, and the source is no path export). */
export function attributionSection(input: SectionInput): SectionResult | null {
  const { lang, main } = input;
  let found: Found | null;
  let sheet: string;
  if (input.paths) {
    sheet = input.paths.sheet;
    const table = asTable(input.paths.cells);
    const read = analyse(table, { lang });
    if (!read.ok)
      return {
        ok: false,
        problems: read.problems.map((p) => ({
          ...p,
          message: attributionLabel('pathsTabProblem', lang, { sheet, message: p.message }),
        })),
      };
    found = findPaths(table, read.analysis);
    if (!found) return refuse('noPathColumn', 'noPathColumnHint', { sheet }, lang);
  } else {
    sheet = main.sheet;
    if (isCampaignData(main.analysis)) return null;
    found = findPaths(main.table, main.analysis);
    if (!found || found.conversions === null) return null;
  }
  const { table, analysis, path } = found;
  if (found.conversions === null)
    return refuse('noConversions', 'noConversionsHint', { ...colVars(analysis, path), sheet }, lang);
  const non = findColumn(analysis, NON_CONVERSION_HEADERS, [path, found.conversions]);
  const value = findColumn(analysis, VALUE_HEADERS, [path, found.conversions, non], 'revenue');
  const columns = { path, conversions: found.conversions, value, nonConversions: non };
  const rows = readRows(table, analysis, columns, sheet, lang);
  if (!rows.ok) return rows;
  const valueMeasure = analysis.measures.find((m) => m.index === value);
  const source: PathSource = {
    sheet,
    isMain: !input.paths,
    headerRow: analysis.headerRow,
    first: rows.first,
    last: rows.last,
    path: ref(analysis, path),
    conversions: ref(analysis, found.conversions),
    value: value === null ? null : ref(analysis, value),
    nonConversions: non === null ? null : ref(analysis, non),
    rangeLive: rows.leftOut.length === 0,
    leftOut: rows.leftOut,
    currency: valueMeasure?.currency ?? null,
  };
  const credits = creditAll(table, source, rows.used);
  return {
    ok: true,
    section: {
      source,
      ...credits,
      paths: rows.count,
      totalConversions: rows.conversions,
      totalValue: value === null ? null : rows.value,
      cost: channelCost(main.table, main.analysis, credits.channels),
    },
  };
}

function refuse(
  message: 'noPathColumn' | 'noConversions',
  hint: 'noPathColumnHint' | 'noConversionsHint',
  vars: Record<string, string>,
  lang: Lang,
): SectionResult {
  return {
    ok: false,
    problems: [
      {
        code: 'bad-paths',
        message: attributionLabel(message, lang, vars),
        hint: attributionLabel(hint, lang),
        ...(vars.col ? { column: { letter: vars.col, header: vars.header ?? '' } } : {}),
      },
    ],
  };
}

const colVars = (analysis: Analysis, c: number) => ({
  col: columnLetter(c),
  header: String(analysis.headers[c] ?? ''),
});

interface Columns {
  readonly path: number;
  readonly conversions: number;
  readonly value: number | null;
  readonly nonConversions: number | null;
}

type Rows =
  | {
      readonly ok: true;
      readonly first: number;
      readonly last: number;
      /** The rows the credits are computed from: the whole span when it is clean, else the path rows. */
      readonly used: readonly number[];
      readonly leftOut: readonly number[];
      readonly count: number;
      readonly conversions: number;
      readonly value: number;
    }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

/** At most this many bad cells are named; the first is enough to act on, a few show a pattern. */
const MAX_PROBLEMS = 5;

/**
 * Every data row checked as ATTRIBUTION reads it, with problems that name the cell in the
 * report's language: a path the function would refuse is refused here first.
 */
function readRows(table: Table, analysis: Analysis, cols: Columns, sheet: string, lang: Lang): Rows {
  const problems: InputProblem[] = [];
  const at = (r: number, c: number) => `${columnLetter(c)}${r + 1}`;
  const bad = (message: string, r: number, c: number) =>
    problems.push({
      code: 'bad-paths',
      message,
      hint: attributionLabel('fixPathsHint', lang),
      rows: [r + 1],
      column: { letter: columnLetter(c), header: String(analysis.headers[c] ?? '') },
    });
  const what = (c: number) => `"${String(analysis.headers[c] ?? '')}"`;
  const number = (r: number, c: number, kind: 'count' | 'amount', blankOk: boolean): number | null => {
    const v = table.cell(r, c);
    const read = readInput(v, kind);
    if (read.ok) return read.value;
    if (read.blank && blankOk) return 0;
    const vars = { cell: at(r, c), sheet, what: what(c), text: echo(v) };
    bad(attributionLabel(read.blank ? 'blankNumber' : 'badNumber', lang, vars), r, c);
    return null;
  };
  const numberCols = [cols.conversions, cols.value, cols.nonConversions].filter(
    (c): c is number => c !== null,
  );
  const pathRows: number[] = [];
  const data = new Set(analysis.dataRows);
  const others: number[] = [];
  let conversions = 0;
  let value = 0;
  // Every row after the header: the engine's data rows, and any other row that holds a path
  // (one the engine left out for a blank number is checked here, so it is named, not dropped).
  for (let r = analysis.headerRow + 1; r < table.length; r++) {
    if (problems.length >= MAX_PROBLEMS) break;
    const p = table.cell(r, cols.path);
    if (!data.has(r) && !(typeof p === 'string' && SEPARATOR.test(p))) {
      others.push(r);
      continue;
    }
    if (isBlank(p)) {
      if (numberCols.some((c) => !isBlank(table.cell(r, c))))
        bad(
          attributionLabel('numbersNoPath', lang, { row: r + 1, sheet, col: columnLetter(cols.path) }),
          r,
          cols.path,
        );
      continue;
    }
    if (typeof p !== 'string' || !readPath(p).ok) {
      bad(attributionLabel('badPath', lang, { cell: at(r, cols.path), sheet, text: echo(p) }), r, cols.path);
      continue;
    }
    const conv = number(r, cols.conversions, 'count', false);
    const val = cols.value === null ? 0 : number(r, cols.value, 'amount', conv === 0);
    if (cols.nonConversions !== null) number(r, cols.nonConversions, 'count', false);
    if (conv === null || val === null) continue;
    conversions += conv;
    value += val;
    pathRows.push(r);
  }
  if (problems.length > 0) return { ok: false, problems };
  if (pathRows.length === 0) {
    const hint = attributionLabel('noPathColumnHint', lang);
    return {
      ok: false,
      problems: [{ code: 'bad-paths', message: attributionLabel('noPathColumn', lang, { sheet }), hint }],
    };
  }
  const first = pathRows[0] as number;
  const last = pathRows[pathRows.length - 1] as number;
  // Rows of the span that are no paths (a total, a note) and not blank: a range would read them.
  const leftOut = others
    .filter((r) => r > first && r < last)
    .filter((r) => ![cols.path, ...numberCols].every((c) => isBlank(table.cell(r, c))))
    .map((r) => r + 1);
  const span = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return {
    ok: true,
    first,
    last,
    used: leftOut.length === 0 ? span : pathRows,
    leftOut,
    count: pathRows.length,
    conversions,
    value,
  };
}

/** A column's cells on the given rows, as Sheets hands a one-column range to a custom function. */
const column = (table: Table, rows: readonly number[], c: number | undefined): SheetArg =>
  c === undefined ? '' : rows.map((r) => [table.cell(r, c) as string | number]);

/** Every model through the ATTRIBUTION function itself, on the cells its formula will read. */
function creditAll(
  table: Table,
  source: PathSource,
  rows: readonly number[],
): Pick<AttributionSection, 'channels' | 'models' | 'skipped' | 'dataDriven'> {
  const args = [
    column(table, rows, source.path.index),
    column(table, rows, source.conversions.index),
  ] as const;
  const values = column(table, rows, source.value?.index);
  const non = column(table, rows, source.nonConversions?.index);
  let channels: string[] | null = null;
  const models: ModelCredits[] = [];
  const skipped: { model: AttributionModel; why: string }[] = [];
  for (const model of ATTRIBUTION_MODELS) {
    let out: ReturnType<typeof attributionFunction>;
    try {
      out = attributionFunction(...args, model, values, non);
    } catch (e) {
      // Rows were checked above, so only a model's own limit (channels for an exact answer) is left.
      if (!(e instanceof KpiFunctionError)) throw e;
      skipped.push({ model, why: e.message.replace(/^ATTRIBUTION: /, '') });
      continue;
    }
    const lines = Array.isArray(out) ? (out as (string | number)[][]) : [];
    const names = lines.map((l) => String(l[0]));
    if (channels === null) channels = names;
    else if (names.join('\u0000') !== channels.join('\u0000'))
      throw new Error(`ATTRIBUTION gave ${model}'s channels in another order`);
    models.push({
      model,
      conversions: lines.map((l) => l[1] as number),
      value: source.value ? lines.map((l) => l[2] as number) : [],
    });
  }
  const has = (m: AttributionModel) => models.some((x) => x.model === m);
  return {
    channels: channels ?? [],
    models,
    skipped,
    dataDriven: has('markov') ? 'markov' : has('shapley') ? 'shapley' : null,
  };
}

/** A channel's name as matched against the campaign data: NFC, trimmed, case and ي/ك folded. */
export function channelKey(name: string): string {
  return name
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/ي/g, 'ی')
    .replace(/ك/g, 'ک');
}

/** Each channel's summed cost in the campaign data, when it has a channel and a cost column. */
function channelCost(table: Table, analysis: Analysis, channels: readonly string[]): ChannelCost | null {
  const channel = analysis.mapping.find((m) => m.role.kind === 'dimension' && m.role.dimension === 'channel');
  const cost = analysis.measures.find((m) => m.measure === 'cost');
  if (!channel || !cost || channels.length === 0) return null;
  const want = new Map(channels.map((c, k) => [channelKey(c), k]));
  const sums: (number | null)[] = channels.map(() => null);
  const exact = channels.map((c) => /^[^=<>]/.test(c));
  analysis.dataRows.forEach((r, i) => {
    const v = table.cell(r, channel.index);
    if (typeof v !== 'string' || isBlank(v)) return;
    const k = want.get(channelKey(v));
    if (k === undefined) return;
    // SUMIFS compares the whole text, ignoring case only: a match by trimming needs a value.
    if (v.toLowerCase() !== (channels[k] as string).toLowerCase()) exact[k] = false;
    // A cell that is not a number adds nothing (the engine's notes name it); no number at all: no cost.
    const x = cost.values[i] as number;
    if (!Number.isNaN(x)) sums[k] = (sums[k] ?? 0) + x;
  });
  return {
    cost: ref(analysis, cost.index),
    channel: ref(analysis, channel.index),
    perChannel: sums,
    exact: exact.map((e, k) => e && sums[k] !== null),
    unmatched: channels.filter((_, k) => sums[k] === null),
  };
}

/** For notes: the rows left out, as a list. */
export const leftOutText = (rows: readonly number[]): string => rowList(rows);
