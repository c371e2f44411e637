/**
 * `mizan report --engine duckdb`: DuckDB does the pass over every row, our engine does every
 * judgement (where DuckDB reads the file: ./duckdb-sources.ts). Mizan's own reader reads the first rows (the header, preamble, the rows that decide
 * each column's role and decimal mark); DuckDB reads the rest as text, checks every cell against
 * what those rows decided (measure cells plain numbers, dates YYYY-MM-DD, no total, note or
 * repeated-header row) and sums the measures per (group text, date text). The engine then
 * builds the report from the first rows plus one row per such pair, so every judgement, note and
 * KPI is its own; the compiled SQL query cross-checks the sums and gives the source's row counts.
 * Anything outside what was checked makes the command fall back to the JavaScript engine, with a
 * note saying why: never a silently different number.
 */
import { attributionSection } from '../core/attribution/report-section';
import { isoOfDay } from '../core/dates/parse-date';
import { type Analysis, summaryRounding } from '../core/detect/analyse';
import { isTotalLabel } from '../core/detect/match';
import type { Lang } from '../core/i18n/lang';
import { buildReport } from '../core/report';
import { analyseForReport, groupColumnOf, reportFromAnalysis } from '../core/report/build';
import { type ReportModel, reviseModel } from '../core/report/model';
import type { ReportOptions, ReportResult } from '../core/report/options';
import {
  compareWithModel,
  compileReportSql,
  levelRows,
  ROW_COUNT,
  reportSqlFromModel,
  sqlNumber,
} from '../core/sql';
import { RowTable } from '../core/table/table';
import type { ReportArgs } from './args';
import type { ByteScan } from './byte-scan';
import type { Duck, DuckRow } from './duckdb';
import { Fallback, fallback, firstLine } from './duckdb-fallback';
import {
  csvSource,
  ident,
  lit,
  ParquetUnreadable,
  parquetRows,
  parquetSource,
  type Source,
} from './duckdb-sources';
import { awaitedLater, type DuckSide, openDuckSide } from './duckdb-thread';
import type { InputData } from './read-input';

export type Engine = 'js' | 'duckdb';

type Built = Extract<ReportResult, { ok: true }>;

export type EngineOutcome =
  /** The report, built with DuckDB's sums (or, for .parquet, from every row DuckDB read). */
  | {
      readonly kind: 'built';
      readonly data: InputData;
      readonly result: Built;
      /** Why every row went to the JavaScript engine (.parquet), or null: DuckDB summed. */
      readonly reason: string | null;
      /** Rows read by Mizan's reader first, and rows DuckDB checked and summed. */
      readonly rows?: { readonly head: number; readonly rest: number };
    }
  /** Use the JavaScript engine; `reason` goes in the report's notes. */
  | { readonly kind: 'fallback'; readonly reason: string }
  | { readonly kind: 'refused'; readonly status: 'usage' | 'unreadable'; readonly message: string };

export interface EngineHooks {
  /** An .xlsx is asked for: its live formulas read every source row from its data sheet. */
  readonly xlsx: boolean;
  /** The engine's options for this data, as `mizan report` makes them. */
  readonly options: (data: InputData) => ReportOptions;
}

export const isParquet = (path: string): boolean => /\.parquet$/i.test(path);

export const PARQUET_NEEDS_DUCKDB =
  'a .parquet file is read by DuckDB: add --engine duckdb (or convert the file to CSV)';

/** The engine weighs decimal marks over this many data rows (analyse.ts, numberStyle). */
const MARK_ROWS = 5_000;
/**
 * Rows (CSV records, blank lines included) read by Mizan's reader before DuckDB takes over: enough
 * for the decimal mark to be settled by the engine's own rule, with room for a preamble; each
 * row more is analysed twice in JavaScript.
 */
const HEAD_ROWS = MARK_ROWS + 1_000;
/** Beyond this many (group, date) pairs, summing them in DuckDB gains little: JavaScript reads. */
const MAX_PAIRS = 1_000_000;
/** Distinct texts of one column fetched to look for total labels. */
const MAX_TEXTS = 500_000;
const WEIGHT = 'mizan row weight';
/** A conversion-path export: its attribution section weighs every path row, which sums cannot stand for. */
const PATHS = 'the file holds conversion paths, attributed row by row';
/** Measures counted in DuckDB's pass: one full column settles it; a second covers a rare blank. */
const COUNTED = 2;

/**
 * First rows tried before HEAD_ROWS: enough to find the header, title lines and each column's
 * role, and enough when their values settle the decimal mark ("295.68" can only be read one way),
 * which the engine's own rule then keeps for every later row. Each is analysed twice in
 * JavaScript, cold: measured on 1,000,000 rows, 500 first rows took 70 ms less than 1,000.
 */
const FEW_HEAD_ROWS = 500;

/** MIZAN_DUCKDB_HEAD_ROWS: fewer first rows, so tests send small files through DuckDB's path. */
function headRowCounts(): number[] {
  const n = Number(process.env.MIZAN_DUCKDB_HEAD_ROWS);
  return Number.isInteger(n) && n >= 2 ? [n] : [FEW_HEAD_ROWS, HEAD_ROWS];
}

/**
 * What `--engine` asks for: null for the JavaScript engine (a .parquet input is refused there),
 * else DuckDB's outcome. main.ts calls only this.
 */
export async function engineOption(
  path: string,
  args: Pick<ReportArgs, 'engine' | 'paths'>,
  xlsx: boolean,
  options: (data: InputData) => ReportOptions,
): Promise<EngineOutcome | null> {
  const parquet = isParquet(path);
  if (args.engine !== 'duckdb')
    return parquet ? { kind: 'refused', status: 'usage', message: PARQUET_NEEDS_DUCKDB } : null;
  if (args.paths !== undefined)
    return parquet
      ? { kind: 'refused', status: 'usage', message: '--paths does not take a .parquet input yet' }
      : { kind: 'fallback', reason: '--paths adds a section built from every row' };
  return duckdbEngine(path, { xlsx, options });
}

export async function duckdbEngine(path: string, hooks: EngineHooks): Promise<EngineOutcome> {
  const parquet = isParquet(path);
  // DuckDB opens, and a CSV's bytes are scanned, while the first rows are read and judged here.
  const side = openDuckSide(parquet || hooks.xlsx ? null : path);
  try {
    return await outcome(side, path, hooks);
  } finally {
    side.close();
  }
}

class DuckMissing extends Error {}

async function outcome(side: DuckSide, path: string, hooks: EngineHooks): Promise<EngineOutcome> {
  const parquet = isParquet(path);
  const duck = async () => {
    const opened = await side.opened;
    if (!opened.ok) throw new DuckMissing(opened.message);
    return opened.duck;
  };
  try {
    try {
      if (hooks.xlsx)
        fallback(
          'an .xlsx report recreates every source row for its live formulas, so every row is read into memory (measured: writing the workbook, not reading, is most of the time)',
        );
      return await viaSums(
        duck,
        side.scan,
        async (rows) => (parquet ? parquetSource(await duck(), path, rows) : csvSource(path, rows)),
        hooks,
      );
    } catch (error) {
      if (!(error instanceof Fallback)) throw error;
      // DuckDB missing is said first, as asked for: the user is told how to install it.
      const opened = await duck();
      if (!parquet) return { kind: 'fallback', reason: error.message };
      // No other reader for Parquet: every row, read by DuckDB, goes to the JavaScript engine.
      const data = await parquetRows(opened, path);
      const result = buildReport(data.table, hooks.options(data));
      if (!result.ok) return { kind: 'fallback', reason: problemsText(result.problems) };
      return { kind: 'built', data, result, reason: error.message };
    }
  } catch (error) {
    if (error instanceof DuckMissing || error instanceof ParquetUnreadable)
      return { kind: 'refused', status: 'unreadable', message: error.message };
    throw error;
  }
}

const problemsText = (problems: readonly { message: string }[]) =>
  problems.map((p) => `  • ${p.message}`).join('\n');

/** What the first rows decided, that the rest is checked against. */
interface Plan {
  readonly analysis: Analysis;
  readonly width: number;
  readonly group: number | null;
  readonly date: number | null;
  /** Per measure (analysis.measures order): may a cell past the first rows be "12.50"? */
  readonly decimals: readonly boolean[];
  /** The first rows settled the decimal mark (else no measure cell below them may hold one). */
  readonly settled: boolean;
  readonly others: readonly number[];
  /**
   * Columns DuckDB reads as DOUBLE: measure columns where decimals are allowed and the file has no
   * "_", "+-" or "-+"; other columns whose first rows hold only plain numbers.
   */
  readonly doubles: ReadonlySet<number>;
  /**
   * Measures (by k) whose cells DuckDB counts: those with a number in every first row, at most
   * two. Where one has a number in every row of a pair, no row of it is without a measure.
   */
  readonly counted: readonly number[];
  /** Some cell below the first rows may be negative (the byte scan says so): DuckDB finds each measure's smallest. */
  readonly negatives: boolean;
  /** Each column's name as the report (and so its SQL) names it. */
  readonly names: readonly string[];
}

function planOf(source: Source, hooks: EngineHooks): Plan {
  const table = new RowTable(source.head);
  const data: InputData = { ...source.data, table };
  const options = hooks.options(data);
  const read = analyseForReport(table, options);
  if (!read.ok) return fallback('the first rows give no report by themselves');
  const a = read.analysis;
  // Only what the pass needs of the report: its group column (building the whole report from the
  // first rows took 30 ms; the report is built once, from the pairs).
  const grouping = groupColumnOf(a, options);
  if (!grouping.ok) return fallback('the first rows give no report by themselves');
  if (a.measures.some((m) => m.derived)) fallback('orders are counted from order ids, not summed');
  if (attributionSection({ lang: options.lang, main: { table, analysis: a, sheet: options.sourceName } }))
    fallback(PATHS);
  const width = table.fields(a.headerRow);
  const group = grouping.column;
  const date = a.date?.index ?? null;
  if ((group !== null && group >= width) || (date !== null && date >= width))
    fallback('the group or date column lies past the header');
  const style = a.numberStyle;
  // A "12.50" below the first rows would weigh in the decimal mark unless the first rows settled it.
  const settled =
    a.dataRows.length >= MARK_ROWS ||
    (style.mattered && (style.basis === 'forced' || (style.basis === 'values' && style.mark === '.')));
  const decimals = a.measures.map((m) => settled && m.decimal === '.');
  const used = new Set<number>([...a.measures.map((m) => m.index), group ?? -1, date ?? -1]);
  const others = Array.from({ length: width }, (_, c) => c).filter((c) => !used.has(c));
  // Columns of plain numbers that are not summed (reach, ids): DuckDB reads them as DOUBLE; a text
  // below the first rows (a label, a repeated header) then stops the read, and the run falls back.
  const plain = /^-?[0-9]+(\.[0-9]+)?$/;
  const numberOthers = new Set(
    others.filter((o) => {
      const cells = a.dataRows
        .map((r) => source.head[r]?.[o])
        .filter((v) => v !== '' && v !== null && v !== undefined);
      return cells.length > 0 && cells.every((v) => typeof v === 'number' || plain.test(String(v)));
    }),
  );
  const counted = a.measures
    .map((m, k) => ({ k, full: m.count === m.values.length }))
    .filter((m) => m.full)
    .slice(0, COUNTED)
    .map((m) => m.k);
  return {
    analysis: a,
    width,
    group,
    date,
    decimals,
    settled,
    others,
    doubles: numberOthers,
    counted,
    negatives: true,
    names: a.mapping.map((m) => m.header),
  };
}

/**
 * Is a measure cell (text `x`, DuckDB's TRY_CAST of it `v`) outside what DuckDB and the engine read
 * alike? DuckDB's DOUBLE cast takes digits, a sign, a point, an exponent and surrounding blanks,
 * which the engine's readNumber reads to the same double; it also takes "1_000", "+-5", "inf", "nan"
 * and overflows to infinity, which the engine does not read as numbers: those are refused here. Where
 * the first rows did not settle the decimal mark, a point or an exponent is refused too.
 * (Cheaper than a regular expression per cell: test/sql/duckdb-numbers.test.ts checks the rule
 * against readNumber on random texts.)
 */
export function notPlainNumber(x: string, v: string, decimals: boolean): string {
  const refused = ["'_'", "'+-'", "'-+'", ...(decimals ? [] : ["'.'", "'e'", "'E'"])];
  return `(${v} IS NULL OR NOT isfinite(${v}) OR ${refused.map((r) => `contains(${x}, ${r})`).join(' OR ')})`;
}

/** Each measure cell read once (v<k>): DuckDB's DOUBLE, or its text cast. */
function valuesRelation(source: Source, plan: Plan, skip: number): string {
  const a = plan.analysis;
  const values = a.measures.map((m, k) =>
    plan.doubles.has(m.index) ? `c${m.index} AS v${k}` : `TRY_CAST(c${m.index} AS DOUBLE) AS v${k}`,
  );
  const relation = source.relation(skip, plan.width, { ordinality: false, doubles: plan.doubles });
  return `(SELECT *, ${values.join(', ')} FROM ${relation})`;
}

/**
 * The checks and sums DuckDB makes over the rest, one row per (group text, date text). Only what
 * every file needs is computed here (measured: each aggregate costs the pass 3–10%); the rare
 * doubts (a row with no measure, a possible summary row) are settled by a second query, see
 * restRows and checkCombined.
 */
function restSql(source: Source, plan: Plan, skip: number): string {
  const { analysis: a, group, date } = plan;
  const c = (i: number) => `c${i}`;
  const cols: string[] = [
    `${group === null ? 'NULL' : c(group)} AS g`,
    `${date === null ? 'NULL' : c(date)} AS d`,
    'COUNT(*) AS n',
  ];
  const typed = (k: number) => plan.doubles.has((a.measures[k] as Analysis['measures'][number]).index);
  a.measures.forEach((m, k) => {
    const x = c(m.index);
    // Compensated, as the engine sums (aggregate.ts).
    cols.push(`fsum(v${k}) AS s${k}`);
    // Cells holding a number: where one measure has one in every row, no row is without.
    if (plan.counted.includes(k)) cols.push(`COUNT(v${k}) AS k${k}`);
    // A negative cell (the summary-row test), only where the bytes hold a "-" that may start a
    // cell. Measured: each measure's MIN costs the pass about 1.5%, one least() over all as much.
    if (plan.negatives) cols.push(`MIN(v${k}) AS lo${k}`);
    // A DOUBLE column holds numbers or NULL (blank): its "inf", "-inf" or "nan" makes the sum
    // infinite or NaN, so only text columns count their refused cells.
    if (!typed(k))
      cols.push(
        `COUNT(*) FILTER (WHERE NOT (${x} IS NULL OR ${x} = '') AND ${notPlainNumber(x, `v${k}`, plan.decimals[k] === true)}) AS bad${k}`,
      );
  });
  // A repeated header: two cells holding their column's header (contains: looser than the engine's test).
  const named = a.headers
    .map((h, i) => ({ h: h.trim(), i }))
    .filter(({ h, i }) => h !== '' && i < plan.width);
  // Measure cells are checked as numbers: only the other columns can repeat their headers, and the
  // engine needs 60% of the named columns to (analyse.ts), so with fewer the check is moot.
  const measured = new Set(a.measures.map((m) => m.index));
  const texts = named.filter(({ i }) => !measured.has(i));
  // A DOUBLE column cannot hold its header: a row that did would stop DuckDB's read (a fallback).
  const same =
    texts.length >= 2 && texts.length >= 0.6 * named.length
      ? named
          .filter(({ i }) => !plan.doubles.has(i))
          .map(({ h, i }) => `CAST(coalesce(strpos(${c(i)}, ${lit(h)}) > 0, false) AS INTEGER)`)
      : [];
  if (same.length > 0) cols.push(`COUNT(*) FILTER (WHERE ${same.join(' + ')} >= 2) AS headers`);
  for (const o of plan.others)
    cols.push(
      plan.doubles.has(o)
        ? `MIN(${c(o)}) AS o${o}`
        : // Each distinct text, judged by the engine's isTotalLabel below (one stands in the pair's row).
          `list(DISTINCT ${c(o)}) AS t${o}`,
    );
  return `CREATE OR REPLACE TEMP TABLE mizan_rest AS SELECT ${cols.join(', ')} FROM ${valuesRelation(source, plan, skip)} GROUP BY g, d`;
}

/**
 * The pairs as JavaScript reads them: a text column's distinct texts stay in DuckDB (restRows asks
 * for them once, over all pairs); the smallest stands in the pair's row.
 */
function pairsSql(plan: Plan): string {
  const lists = plan.others.filter((o) => !plan.doubles.has(o));
  const exclude = lists.length > 0 ? ` EXCLUDE (${lists.map((o) => `t${o}`).join(', ')})` : '';
  const least = lists.map((o) => `, list_min(t${o}) AS o${o}`).join('');
  return `SELECT *${exclude}${least} FROM mizan_rest ORDER BY g, d`;
}

const isoDateText = (d: unknown): boolean =>
  d === null ||
  d === undefined ||
  d === '' ||
  (typeof d === 'string' && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(d));

const total = (rows: readonly DuckRow[], key: string) =>
  rows.reduce((s, r) => s + (sqlNumber(r[key]) ?? 0), 0);

/**
 * The pairs in the order the engine would meet their groups: a group's first row decides its
 * place and, among spellings of one group, its label (aggregate.ts). A group seen in the first
 * rows is placed by them; only when some group first appears below them does DuckDB number the
 * rows (on one thread) to find where.
 */
async function inFirstOrder(
  duck: Duck,
  source: Source,
  plan: Plan,
  skip: number,
  rows: readonly DuckRow[],
): Promise<DuckRow[]> {
  const group = plan.group;
  if (group === null) return [...rows];
  const first = new Map<string, number>();
  for (const r of plan.analysis.dataRows) {
    const v = source.head[r]?.[group];
    const text = v === null || v === undefined ? '' : String(v);
    if (!first.has(text)) first.set(text, r);
  }
  const key = (r: DuckRow) => (r.g === null || r.g === undefined ? '' : String(r.g));
  if (rows.some((r) => !first.has(key(r)))) {
    const relation = source.relation(skip, plan.width, { ordinality: true, doubles: new Set() });
    const late = await duck.rows(
      `SELECT c${group} AS g, MIN(ordinality) AS first FROM ${relation} GROUP BY c${group}`,
    );
    for (const r of late) if (!first.has(key(r))) first.set(key(r), skip + (sqlNumber(r.first) ?? 0));
  }
  return [...rows].sort((x, y) => (first.get(key(x)) ?? 0) - (first.get(key(y)) ?? 0));
}

async function restRows(duck: Duck, source: Source, plan: Plan, skip: number): Promise<DuckRow[]> {
  try {
    await duck.run(restSql(source, plan, skip));
  } catch (error) {
    return fallback(`DuckDB could not read the rows below the first ${skip} (${firstLine(error)})`);
  }
  const pairs = sqlNumber((await duck.rows('SELECT COUNT(*) AS n FROM mizan_rest'))[0]?.n) ?? 0;
  if (pairs > MAX_PAIRS) fallback(`the rows hold ${pairs} distinct (group, date) pairs`);
  const rows = await inFirstOrder(duck, source, plan, skip, await duck.rows(pairsSql(plan)));
  const a = plan.analysis;
  const column = (i: number) => `column ${a.mapping[i]?.letter} ("${a.headers[i]}")`;
  const infinite = (v: unknown) => v !== null && v !== undefined && !Number.isFinite(sqlNumber(v));
  a.measures.forEach((m, k) => {
    const bad = plan.doubles.has(m.index)
      ? rows.filter((r) => infinite(r[`s${k}`])).length
      : total(rows, `bad${k}`);
    if (bad > 0)
      fallback(
        `${plan.doubles.has(m.index) ? 'some' : bad} cells of ${column(m.index)} below row ${skip} are not plain numbers${plan.decimals[k] ? '' : plan.settled ? ' (whole numbers: DuckDB reads "." as the decimal mark, and this column\'s is ",")' : ' (whole numbers, as the first rows did not settle the decimal mark)'}`,
      );
  });
  if ((await rowsWithoutMeasure(duck, source, plan, skip, rows)) > 0)
    fallback(`some rows below row ${skip} hold no measure at all`);
  // Dates are a grouping key: each distinct text is checked once, here, not once per row.
  if (plan.date !== null && rows.some((r) => !isoDateText(r.d)))
    fallback(`some dates of ${column(plan.date)} below row ${skip} are not written YYYY-MM-DD`);
  if (total(rows, 'headers') > 0) fallback(`a row below row ${skip} may repeat the header`);
  for (const o of plan.others) {
    if (plan.doubles.has(o)) continue;
    const texts = await duck.rows(
      `SELECT DISTINCT t FROM (SELECT unnest(t${o}) AS t FROM mizan_rest) WHERE t IS NOT NULL LIMIT ${MAX_TEXTS + 1}`,
    );
    if (texts.length > MAX_TEXTS) fallback(`${column(o)} holds over ${MAX_TEXTS} distinct texts`);
    for (const { t } of texts)
      if (isTotalLabel(t)) fallback(`${column(o)} labels a row "${String(t)}" (a total)`);
  }
  return rows;
}

/**
 * Rows below the first ones with no number in any measure. None where, in each pair, one measure
 * has a number in every row (the usual export: impressions or cost always filled); else DuckDB
 * counts them in a second pass.
 */
async function rowsWithoutMeasure(
  duck: Duck,
  source: Source,
  plan: Plan,
  skip: number,
  rows: readonly DuckRow[],
): Promise<number> {
  const measures = plan.analysis.measures.map((_, k) => k);
  const full = (r: DuckRow) => plan.counted.some((k) => sqlNumber(r[`k${k}`]) === sqlNumber(r.n));
  if (rows.every(full)) return 0;
  const found = await duck.rows(
    `SELECT COUNT(*) AS n FROM ${valuesRelation(source, plan, skip)} WHERE coalesce(${measures.map((k) => `v${k}`).join(', ')}) IS NULL`,
  );
  return sqlNumber(found[0]?.n) ?? 0;
}

/** The first rows, then one row per (group, date) pair with its sums, in order of first appearance. */
function combinedTable(source: Source, plan: Plan, rows: readonly DuckRow[]): RowTable {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const out: unknown[][] = [...source.head];
  for (const r of rows) {
    const cells: unknown[] = new Array(plan.width).fill('');
    for (const o of plan.others) cells[o] = text(r[`o${o}`]);
    if (plan.group !== null) cells[plan.group] = text(r.g);
    if (plan.date !== null) cells[plan.date] = text(r.d);
    plan.analysis.measures.forEach((m, k) => {
      const s = sqlNumber(r[`s${k}`]);
      cells[m.index] = s === null ? '' : s;
    });
    out.push(cells);
  }
  return new RowTable(out);
}

async function viaSums(
  opened: () => Promise<Duck>,
  scanning: () => Promise<ByteScan>,
  sourceOf: (headRows: number) => Promise<Source>,
  hooks: EngineHooks,
): Promise<EngineOutcome> {
  // Few first rows when they settle the decimal mark by themselves; else the engine's 5,000 and more.
  const [few, ...more] = headRowCounts();
  let source = await sourceOf(few as number);
  let plan = planOf(source, hooks);
  for (const rows of more) {
    if (plan.settled || source.whole) break;
    source = await sourceOf(rows);
    plan = planOf(source, hooks);
  }
  const scan = await scanning();
  const duck = await opened();
  if (scan.blankQuotes)
    fallback(
      'a quote sits beside a blank (` "` or `" `), which DuckDB drops and Mizan keeps, so a text could differ',
    );
  plan = { ...plan, negatives: scan.negatives };
  if (plan.decimals.some((d) => d) && scan.plainNumbers)
    plan = {
      ...plan,
      doubles: new Set([
        ...plan.doubles,
        ...plan.analysis.measures.filter((_, k) => plan.decimals[k]).map((m) => m.index),
      ]),
    };
  const skip = source.head.length;
  const rows = await restRows(duck, source, plan, skip);
  // DuckDB fills the cross-check's table while the engine builds the report from the pairs.
  const crossTable = awaitedLater(crossCheckTable(duck, source, plan, skip));
  const table = combinedTable(source, plan, rows);
  const data: InputData = { ...source.data, table };
  const options = hooks.options(data);
  const read = analyseForReport(table, options);
  const result = read.ok ? reportFromAnalysis(read.table, options, read.analysis) : read;
  if (!read.ok || !result.ok) return fallback('the rows summed by DuckDB give no report');
  const restCount = total(rows, 'n');
  await checkCombined(duck, source, read.analysis, plan, result.model, skip, restCount, rows);
  const model = await crossChecked(
    duck,
    { model: result.model, analysis: read.analysis },
    await crossTable,
    skip,
    options,
  );
  return {
    kind: 'built',
    data,
    result: { ...result, model },
    reason: null,
    rows: { head: skip, rest: restCount },
  };
}

/** Every judgement about a row must concern one of the first rows, which are the source's own. */
async function checkCombined(
  duck: Duck,
  source: Source,
  a: Analysis,
  plan: Plan,
  model: ReportModel,
  skip: number,
  restCount: number,
  rows: readonly DuckRow[],
): Promise<void> {
  if (a.headerRow !== plan.analysis.headerRow) fallback('the header row moved');
  if (model.attribution) fallback(PATHS);
  const late = (r: number) => r >= skip;
  if (a.excluded.some((e) => late(e.row)))
    fallback(`a row below row ${skip} is not data (a total or a note)`);
  if (a.measures.some((m) => m.notNumberRows.some(late)))
    fallback(`a cell below row ${skip} is not a number`);
  if (a.date?.badRows.some(late)) fallback(`a date below row ${skip} is not a date`);
  if (restCount > 0 && a.date && [...a.date.kinds].some((k) => k !== 'iso'))
    fallback('the first rows write dates otherwise than YYYY-MM-DD');
  if (model.notes.some((n) => (n.rows ?? []).some((r) => r > skip)))
    fallback(`a note names a row below row ${skip}`);
  // Notes on cells that are not numbers: the engine drops text-only rows unless they are half the rows.
  const notNumbers = new Set(a.measures.flatMap((m) => m.notNumberRows)).size;
  if (notNumbers > 0 && notNumbers * 2 >= a.dataRows.length)
    fallback('half the first rows hold text in measure columns');
  // A summary row needs two measures that could hold one; where two could, DuckDB looks for it.
  if (
    (await summaryMeasures(duck, source, a, plan, skip, restCount, rows)) >= 2 &&
    (await summaryCandidates(duck, source, a, plan, skip, restCount)) > 0
  )
    fallback('a row may be the sum of all the others (a summary row)');
}

/**
 * A row equal to the sum of all others is a summary the engine leaves out: in how many measures
 * could one be (a negative cell, or a largest cell about half the sum)? Below the first rows, a
 * measure without negatives has no cell above its largest pair sum; only where that bound leaves
 * the doubt open does DuckDB find the largest cell, in a second pass.
 */
async function summaryMeasures(
  duck: Duck,
  source: Source,
  a: Analysis,
  plan: Plan,
  skip: number,
  restCount: number,
  rows: readonly DuckRow[],
): Promise<number> {
  const n = a.dataRows.filter((r) => r < skip).length + restCount;
  // The engine's test (analyse.ts): the largest cell is half the sum, within this tolerance.
  const slack = (max: number) => summarySlack(n, max);
  const measures = a.measures
    .map((m, k) => {
      let max = 0;
      let negative = false;
      let sum = 0;
      m.values.forEach((v, i) => {
        if (Number.isNaN(v)) return;
        sum += v;
        if ((a.dataRows[i] as number) >= skip) return;
        if (Math.abs(v) > max) max = Math.abs(v);
        if (v < 0) negative = true;
      });
      let bound = max;
      for (const r of rows) {
        // No lo<k> where no cell below the first rows can be negative (Plan.negatives).
        if ((sqlNumber(r[`lo${k}`]) ?? 0) < 0) negative = true;
        bound = Math.max(bound, sqlNumber(r[`s${k}`]) ?? 0);
      }
      return { k, reach: m.measure === 'reach', max, bound, negative, sum: Math.abs(sum) };
    })
    .filter((m) => !m.reach);
  // Without negatives, no cell is above its pair's sum: a largest cell that small cannot be half the sum.
  const open = measures.filter(
    (m) => !m.negative && rows.length > 0 && 2 * m.bound - m.sum >= -slack(m.bound),
  );
  const largest = new Map<number, number>();
  if (open.length > 0) {
    const found = await duck.rows(
      `SELECT ${open.map((m) => `MAX(v${m.k}) AS x${m.k}`).join(', ')} FROM ${valuesRelation(source, plan, skip)}`,
    );
    for (const m of open) largest.set(m.k, Math.max(m.max, sqlNumber(found[0]?.[`x${m.k}`]) ?? 0));
  }
  return measures.filter((m) => {
    if (m.negative) return true;
    const max = largest.get(m.k) ?? m.max;
    return max > 0 && Math.abs(2 * max - m.sum) <= slack(max);
  }).length;
}

/**
 * Rows below the first ones that pass the engine's summary-row test (analyse.ts, summaryRows),
 * with a looser tolerance: every additive measure blank or half the measure's total (the row
 * equals the sum of all the others), two of them non-zero. A second pass over the file, run only
 * where negative cells (refunds) leave the cheaper bounds no say.
 */
async function summaryCandidates(
  duck: Duck,
  source: Source,
  a: Analysis,
  plan: Plan,
  skip: number,
  restCount: number,
): Promise<number> {
  const n = a.dataRows.filter((r) => r < skip).length + restCount;
  const tests: { v: string; total: number; slack: number }[] = [];
  for (const m of a.measures) {
    if (m.measure === 'reach') continue;
    // DuckDB's value of this column (valuesRelation numbers the plan's measures).
    const k = plan.analysis.measures.findIndex((p) => p.index === m.index);
    if (k < 0) fallback('the measures moved between the first rows and the rest');
    let total = 0;
    for (const v of m.values) if (!Number.isNaN(v)) total += v;
    tests.push({ v: `v${k}`, total, slack: summarySlack(n, Math.abs(total) / 2) });
  }
  if (tests.length === 0) return 0;
  const close = tests.map((t) => `(${t.v} IS NULL OR abs(2 * ${t.v} - ${t.total}) <= ${t.slack})`);
  const nonZero = tests.map((t) => `CAST(coalesce(${t.v} <> 0, false) AS INTEGER)`);
  const found = await duck.rows(
    `SELECT COUNT(*) AS n FROM ${valuesRelation(source, plan, skip)} WHERE ${close.join(' AND ')} AND ${nonZero.join(' + ')} >= 2`,
  );
  return sqlNumber(found[0]?.n) ?? 0;
}

/**
 * How far from half the total a cell may be and still be taken for a summary: the engine's own
 * rounding (summaryRounding, whole or not) thrice over, and more: a doubt, not a verdict.
 */
const summarySlack = (rows: number, cell: number) => 3 * (summaryRounding(rows, cell, false) + 1e-6);

/** The columns of the cross-check's table (mizan_all), by the names the report's SQL reads. */
interface CrossTable {
  readonly measures: readonly string[];
  readonly group: string | null;
  /** Null when there is no date column, or when it is the group column. */
  readonly date: string | null;
}

/**
 * The cross-check's table: the first rows' data rows as the engine read them, then DuckDB's
 * pairs, each weighted by the rows it stands for. Filled from the plan, so while the report is
 * built; crossChecked then checks that the report's SQL reads these very columns.
 */
async function crossCheckTable(duck: Duck, source: Source, plan: Plan, skip: number): Promise<CrossTable> {
  const a = plan.analysis;
  const name = (i: number) => plan.names[i] ?? '';
  if (plan.names.includes(WEIGHT)) fallback(`a column is named "${WEIGHT}"`);
  const table: CrossTable = {
    measures: a.measures.map((m) => name(m.index)),
    group: plan.group === null ? null : name(plan.group),
    date: plan.date === null || plan.date === plan.group ? null : name(plan.date),
  };
  const cols = [
    ...table.measures.map((m) => `${ident(m)} DOUBLE`),
    ...(table.group === null ? [] : [`${ident(table.group)} VARCHAR`]),
    ...(table.date === null ? [] : [`${ident(table.date)} VARCHAR`]),
    `${ident(WEIGHT)} DOUBLE`,
  ];
  try {
    await duck.run(`CREATE OR REPLACE TEMP TABLE mizan_all (${cols.join(', ')})`);
  } catch (error) {
    // Two columns of one name, which SQL cannot tell apart.
    return fallback(`the report cannot be cross-checked in SQL (${firstLine(error)})`);
  }
  const head: (number | string | null)[][] = [];
  a.dataRows.forEach((r, i) => {
    if (r >= skip) return;
    const row: (number | string | null)[] = a.measures.map((m) =>
      Number.isNaN(m.values[i] as number) ? null : (m.values[i] as number),
    );
    if (plan.group !== null) {
      const v = source.head[r]?.[plan.group];
      row.push(v === null || v === undefined ? null : String(v));
    }
    if (table.date !== null) {
      const day = a.date?.days[i] as number;
      row.push(Number.isNaN(day) || day === undefined ? null : isoOfDay(day));
    }
    row.push(1);
    head.push(row);
  });
  await duck.append('mizan_all', head);
  const restCols = [
    ...a.measures.map((_, k) => `s${k}`),
    ...(table.group === null ? [] : ['g']),
    ...(table.date === null ? [] : ['d']),
    'n',
  ];
  await duck.run(`INSERT INTO mizan_all SELECT ${restCols.join(', ')} FROM mizan_rest`);
  return table;
}

/**
 * The compiled query over the cross-check's table: its totals, groups and periods must be the
 * model's, and its row counts are the source's.
 */
async function crossChecked(
  duck: Duck,
  built: { readonly model: ReportModel; readonly analysis: Analysis },
  table: CrossTable,
  skip: number,
  options: ReportOptions,
): Promise<ReportModel> {
  const { model, analysis: a } = built;
  let spec: ReturnType<typeof reportSqlFromModel>;
  try {
    spec = {
      ...reportSqlFromModel(
        model,
        { table: 'mizan_all' },
        { measures: a.measures, dateFormat: 'date' },
        options.grossMargin !== undefined ? { grossMargin: options.grossMargin } : {},
      ),
      weight: WEIGHT,
    };
  } catch (error) {
    return fallback(`the report cannot be cross-checked in SQL (${(error as Error).message})`);
  }
  // The report reads the columns the table was filled with, the measures in the same order.
  const same =
    spec.measures.map((m) => m.column).join('\u0000') === table.measures.join('\u0000') &&
    (!spec.group || spec.group.column === table.group) &&
    (!spec.date || spec.date.column === (table.date ?? table.group));
  if (!same) fallback('the report reads other columns than the first rows decided');
  let rows: DuckRow[];
  try {
    rows = await duck.rows(compileReportSql(spec, 'duckdb'));
  } catch (error) {
    return fallback(`the compiled SQL query failed (${firstLine(error)})`);
  }
  const mismatches = compareWithModel(model, rows, spec, { rows: false });
  if (mismatches.length > 0) {
    const m = mismatches[0];
    return fallback(
      `the compiled SQL query disagrees with the engine at ${m?.where} (${String(m?.js)} vs ${String(m?.sql)})`,
    );
  }
  return withSourceCounts(model, levelRows(model, rows), skip, a);
}

function withSourceCounts(
  model: ReportModel,
  found: ReturnType<typeof levelRows>,
  skip: number,
  a: Analysis,
): ReportModel {
  const count = (row: DuckRow | undefined) => sqlNumber(row?.[ROW_COUNT]) ?? 0;
  const rows = count(found.total);
  // The source's data rows: the first rows' own, then every row DuckDB read (blank lines aside).
  const head = a.dataRows.filter((r) => r < skip);
  // Sized once: a million pushes took about 50 ms.
  const dataRows = new Array<number>(Math.max(rows, head.length));
  for (let i = 0; i < head.length; i++) dataRows[i] = head[i] as number;
  for (let i = head.length, r = skip; i < dataRows.length; i++, r++) dataRows[i] = r;
  return reviseModel(model, {
    dataRows,
    totals: { ...model.totals, rows },
    groups: model.groups.map((g, i) => ({ ...g, rows: count(found.groups[i]) })),
    periods: model.periods.map((p, i) => ({ ...p, rows: count(found.periods[i]) })),
  });
}

const NOTE: Readonly<Record<Lang, { summed: string; fallback: string }>> = {
  en: {
    summed:
      'Summed by DuckDB (--engine duckdb): Mizan read the first {head} rows to decide the columns; DuckDB checked each of the {rest} rows below them (measure cells plain numbers, dates YYYY-MM-DD, no total, note or repeated header row) and summed them; the compiled SQL query agrees with every total, group and period.',
    fallback: 'Read by the JavaScript engine, not DuckDB (--engine duckdb): {why}.',
  },
  ar: {
    summed:
      'جمعها DuckDB (‎--engine duckdb‎): قرأ ميزان أول {head} صفًا ليحدد الأعمدة، وفحص DuckDB كل صف من الصفوف الـ{rest} التالية (خلايا المقاييس أرقام بسيطة، والتواريخ بصيغة YYYY-MM-DD، ولا صف إجمالي أو ملاحظة أو عناوين مكررة) ثم جمعها؛ واستعلام SQL المترجم يطابق كل إجمالي ومجموعة وفترة.',
    fallback: 'قُرئ الملف بمحرك JavaScript لا بـ DuckDB (‎--engine duckdb‎): {why}.',
  },
  fa: {
    summed:
      'جمع با DuckDB (‎--engine duckdb‎): میزان {head} سطر نخست را خواند تا ستون‌ها را تعیین کند؛ DuckDB هر یک از {rest} سطر بعدی را بررسی کرد (خانه‌های سنجه عدد ساده، تاریخ‌ها به شکل YYYY-MM-DD، بدون سطر جمع، یادداشت یا سرستون تکراری) و جمع زد؛ پرس‌وجوی SQL ترجمه‌شده با همه جمع‌ها، گروه‌ها و دوره‌ها یکی است.',
    fallback: 'فایل با موتور JavaScript خوانده شد، نه DuckDB (‎--engine duckdb‎): {why}.',
  },
};

/** The model with the engine's note: what DuckDB did, or why it did not. */
export function withEngineNote(model: ReportModel, outcome: EngineOutcome | null): ReportModel {
  if (outcome === null || outcome.kind === 'refused') return model;
  const words = NOTE[model.lang];
  const message =
    outcome.kind === 'fallback' || outcome.reason !== null || !outcome.rows
      ? words.fallback.replace('{why}', outcome.kind === 'fallback' ? outcome.reason : String(outcome.reason))
      : words.summed
          .replace('{head}', String(outcome.rows.head))
          .replace('{rest}', String(outcome.rows.rest));
  return reviseModel(model, { notes: [...model.notes, { message }] });
}
