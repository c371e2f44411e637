/**
 * `mizan sql`: the report as one SQL query (DuckDB or BigQuery), for a file's columns or for a
 * table's (`--table` with `--columns` from a header line or a BigQuery JSON schema). The columns
 * are read, and the KPIs planned, by the same code as `mizan report`; the query is printed.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { isoOfDay } from '../core/dates/parse-date';
import { inferPeriod, type Period, type PeriodKind, periodsBetween } from '../core/dates/periods';
import { type Analysis, analyse } from '../core/detect/analyse';
import { matchHeader } from '../core/detect/match';
import type { Lang } from '../core/i18n/lang';
import { buildReport } from '../core/report';
import type { ReportModel } from '../core/report/model';
import {
  compileReportSql,
  type DateFormat,
  type DialectId,
  dayOfIso,
  type ReportSql,
  reportSqlFromModel,
  type SqlSource,
} from '../core/sql';
import { RowTable } from '../core/table/table';
import type { Template } from '../core/templates';
import { parseReportArgs } from './args';
import { reportOptions } from './main';
import { type InputData, readInput } from './read-input';
import { loadTemplate } from './template';

export const SQL_USAGE = `Usage: npx mizan sql [input.csv|input.xlsx] [options]
       npx mizan sql --table <project.dataset.table> --columns <"A,B,C"|schema.json> [options]

Prints the report as one SQL query: totals, one row per group and one per period, every measure
summed and every KPI computed from the sums (a zero denominator gives NULL). The columns are read
as "mizan report" reads them. How to run it in BigQuery, Connected Sheets and Looker Studio:
docs/scale-out.md.

Options:
      --dialect <duckdb|bigquery>  the SQL dialect (default: duckdb)
      --table <name>         the table the query reads (BigQuery: project.dataset.table); default
                             for DuckDB: the input file itself, through read_csv
      --columns <list|file>  without an input file: the table's header line ("Date,Campaign,Cost")
                             or its schema as JSON (bq show --schema --format=prettyjson)
      --date-format <date|yyyymmdd>  how the date column is stored (default: date, or yyyymmdd
                             when the file writes dates so; GA4's event_date is yyyymmdd)
      --from <YYYY-MM-DD> --to <YYYY-MM-DD>  the period table's span (default: the file's dates;
                             a table needs them for a period table)
      --period <day|week|month>  the period step (default: from the span, as the report does)
      --week-start <mon|sun|sat> first day of a week (default: by --lang: en mon, ar sun, fa sat)
      --template, --group-by, --lang, --map, --header-row, --decimal, --sheet: as for "mizan report"
  -h, --help                 show this help`;

const WEEK_STARTS: Readonly<Record<string, 0 | 1 | 6>> = { mon: 1, sun: 0, sat: 6 };
const WEEK_START_OF: Readonly<Record<Lang, 0 | 1 | 6>> = { en: 1, ar: 0, fa: 6 };

export interface SqlIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
}

class Usage extends Error {}

/** Returns the exit status: 0 printed, 1 the columns give no report, 2 bad command line, 3 unreadable. */
export async function sqlMain(argv: readonly string[], io: SqlIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof Usage) {
      io.err(`mizan sql: ${error.message}. Run with --help for the options.\n`);
      return 2;
    }
    io.err(`mizan sql: ${(error as Error).message}\n`);
    return 1;
  }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        dialect: { type: 'string' },
        table: { type: 'string' },
        columns: { type: 'string' },
        'date-format': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        period: { type: 'string' },
        'week-start': { type: 'string' },
        template: { type: 'string' },
        'group-by': { type: 'string' },
        lang: { type: 'string' },
        map: { type: 'string', multiple: true },
        'header-row': { type: 'string' },
        decimal: { type: 'string' },
        sheet: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new Usage((error as Error).message);
  }
}

async function run(argv: readonly string[], io: SqlIo): Promise<number> {
  const { values: v, positionals } = parse(argv);
  if (v.help) {
    io.out(`${SQL_USAGE}\n`);
    return 0;
  }
  const dialect = (v.dialect ?? 'duckdb') as DialectId;
  if (dialect !== 'duckdb' && dialect !== 'bigquery')
    throw new Usage(`--dialect must be duckdb or bigquery (got "${v.dialect}")`);
  if (positionals.length > 1) throw new Usage(`expected at most one input file, got ${positionals.length}`);
  const input = positionals[0];
  if (input === undefined && (v.table === undefined || v.columns === undefined))
    throw new Usage('give an input file, or --table with --columns');
  if (input !== undefined && v.columns !== undefined)
    throw new Usage('--columns is for a table without an input file');
  if (dialect === 'bigquery' && v.table === undefined)
    throw new Usage('--dialect bigquery needs --table project.dataset.table');
  const period = v.period as PeriodKind | undefined;
  if (period !== undefined && !['day', 'week', 'month'].includes(period))
    throw new Usage(`--period must be day, week or month (got "${period}")`);
  const weekStart = v['week-start'] === undefined ? undefined : WEEK_STARTS[v['week-start']];
  if (v['week-start'] !== undefined && weekStart === undefined)
    throw new Usage(`--week-start must be mon, sun or sat (got "${v['week-start']}")`);
  const dateFormat = v['date-format'] as DateFormat | undefined;
  if (dateFormat !== undefined && dateFormat !== 'date' && dateFormat !== 'yyyymmdd')
    throw new Usage(`--date-format must be date or yyyymmdd (got "${dateFormat}")`);
  const span = spanOption(v.from, v.to);

  // The report options exactly as `mizan report` makes them.
  const reportArgv = [
    ...(input !== undefined ? [input] : []),
    ...flag('--template', v.template),
    ...flag('--group-by', v['group-by']),
    ...flag('--lang', v.lang),
    ...(v.map ?? []).flatMap((m) => ['--map', m]),
    ...flag('--header-row', v['header-row']),
    ...flag('--decimal', v.decimal),
    ...flag('--sheet', v.sheet),
  ];
  const parsed = parseReportArgs(reportArgv);
  if (!parsed.ok) throw new Usage(parsed.message.replace(/\. Run with --help.*$/, ''));
  const args = parsed.args;
  const template = args.template !== undefined ? await templateOf(args.template, io.cwd) : undefined;

  const data =
    input !== undefined
      ? await fileData(resolve(io.cwd, input))
      : await tableData(v.columns as string, v.table as string, io.cwd);
  const { options, notes } = reportOptions(args, data, null, template);
  for (const note of notes) io.err(`note: ${note}\n`);
  const built = buildReport(data.table, { ...options, formulas: 'values' });
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('\n'));
  const read = analyse(data.table, options);
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
  const analysis = read.analysis;

  const kinds = analysis.date?.kinds ?? new Set<string>();
  const format: DateFormat = dateFormat ?? (kinds.has('yyyymmdd') && kinds.size === 1 ? 'yyyymmdd' : 'date');
  if (
    input !== undefined &&
    analysis.date &&
    [...kinds].some((k) => k !== 'iso' && k !== 'yyyymmdd' && k !== 'date-object')
  )
    io.err(
      `note: the dates in column ${analysis.date ? analysis.headers[analysis.date.index] : ''} are written as ${[...kinds].join(', ')}; SQL reads ISO dates (2025-01-31) or, with --date-format yyyymmdd, 20250131. Store them so in the table.\n`,
    );
  const source: SqlSource =
    v.table !== undefined
      ? { table: v.table }
      : { relation: readCsvRelation(resolve(io.cwd, input as string), data) };
  if (v.table === undefined) warnDuckReading(analysis, io);

  const spec = withPeriods(
    reportSqlFromModel(
      built.model,
      source,
      { measures: analysis.measures, dateFormat: format },
      options.grossMargin !== undefined ? { grossMargin: options.grossMargin } : {},
    ),
    built.model,
    {
      span: span ?? (input !== undefined ? null : 'none'),
      period,
      weekStart: weekStart ?? WEEK_START_OF[built.model.lang],
      calendar: analysis.date?.calendar ?? 'gregorian',
    },
    io,
  );
  io.out(`${header(spec, dialect)}${compileReportSql(spec, dialect)};\n`);
  return 0;
}

const flag = (name: string, value: string | undefined): string[] =>
  value === undefined ? [] : [name, value];

function spanOption(
  from: string | undefined,
  to: string | undefined,
): { first: number; last: number } | null {
  if (from === undefined && to === undefined) return null;
  if (from === undefined || to === undefined) throw new Usage('--from and --to go together');
  let first: number;
  let last: number;
  try {
    first = dayOfIso(from);
    last = dayOfIso(to);
  } catch {
    throw new Usage(`--from and --to must be dates written YYYY-MM-DD (got "${from}", "${to}")`);
  }
  if (first > last) throw new Usage(`--from ${from} is after --to ${to}`);
  return { first, last };
}

async function templateOf(spec: string, cwd: string): Promise<Template> {
  const loaded = await loadTemplate(spec, cwd);
  if (!loaded.ok) throw new Usage(loaded.message);
  return loaded.template;
}

async function fileData(path: string): Promise<InputData> {
  const read = await readInput(path);
  if (!read.ok) throw new Error(read.message);
  return read.data;
}

/**
 * A table's columns as a two-row sheet the engine can read: the headers, and one made-up row whose
 * cells only say each column's kind (a number for numeric columns and for headers that name a
 * measure, a date for dates, text otherwise). No value of it reaches the query.
 */
export async function tableData(columns: string, table: string, cwd: string): Promise<InputData> {
  const schema = /\.json$/i.test(columns) ? await schemaColumns(resolve(cwd, columns)) : headerLine(columns);
  if (schema.length === 0) throw new Usage('--columns names no column');
  const sample = schema.map(({ name, type }) => {
    if (type && /^(INT64|INTEGER|FLOAT64|FLOAT|NUMERIC|BIGNUMERIC|DECIMAL)$/i.test(type)) return 1;
    if (type && /^(DATE|DATETIME|TIMESTAMP)$/i.test(type)) return '2025-01-01';
    const role = matchHeader(name)?.role;
    if (role?.kind === 'dimension' && role.dimension === 'date') return '2025-01-01';
    return role?.kind === 'measure' ? 1 : 'x';
  });
  const second = sample.map((s) => (s === '2025-01-01' ? '2025-01-02' : s));
  return {
    table: new RowTable([schema.map((c) => c.name), sample, second]),
    sourceName: basename(table),
    format: 'csv',
  };
}

function headerLine(line: string): { name: string; type?: string }[] {
  const parsed = Papa.parse<string[]>(line.trim(), { delimiter: line.includes('\t') ? '\t' : ',' });
  return (parsed.data[0] ?? []).map((name) => ({ name: name.trim() })).filter((c) => c.name !== '');
}

/** A BigQuery schema: [{ "name": …, "type": … }] (or { "fields": [...] }); nested fields are left out. */
async function schemaColumns(path: string): Promise<{ name: string; type: string }[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`--columns ${path}: not a readable JSON schema (${(error as Error).message})`);
  }
  const fields = Array.isArray(json) ? json : (json as { fields?: unknown }).fields;
  if (!Array.isArray(fields))
    throw new Error(`--columns ${path}: expected a list of {"name", "type"} fields`);
  return fields
    .filter((f): f is { name: string; type: string } => typeof f?.name === 'string')
    .filter((f) => !/^(RECORD|STRUCT)$/i.test(String(f.type)))
    .map((f) => ({ name: f.name, type: String(f.type ?? '') }));
}

/** read_csv over the file with its delimiter, every literal escaped (the path is the user's). */
function readCsvRelation(path: string, data: InputData): string {
  const text = (s: string) => `'${s.replace(/'/g, "''")}'`;
  if (data.format !== 'csv')
    throw new Usage(
      'DuckDB reads CSV here; for an .xlsx input give --table with the table you loaded it into',
    );
  return `read_csv(${text(path)}, header = true, delim = ${text(data.delimiter ?? ',')}, quote = '"', escape = '"')`;
}

/** DuckDB's read_csv reads plain numbers only: say which columns the engine read otherwise. */
function warnDuckReading(analysis: Analysis, io: SqlIo): void {
  for (const m of analysis.measures) {
    if (m.currency || m.decimal === ',')
      io.err(
        `note: column "${analysis.headers[m.index]}" holds numbers written with a currency or a decimal comma; DuckDB's read_csv will not read them as the report does (use "mizan report --engine duckdb", which checks).\n`,
      );
  }
}

function withPeriods(
  spec: ReportSql,
  model: ReportModel,
  how: {
    span: { first: number; last: number } | null | 'none';
    period: PeriodKind | undefined;
    weekStart: 0 | 1 | 6;
    calendar: 'gregorian' | 'jalali';
  },
  io: SqlIo,
): ReportSql {
  if (!spec.date) return spec;
  if (how.span === null) {
    // The file's own dates: the report's periods, unless another step was asked for.
    if (how.period === undefined || how.period === model.period) return spec;
    const range = model.dateRange;
    if (!range) return spec;
    return {
      ...spec,
      periods: periodsBetween(
        dayOfIso(range.from),
        dayOfIso(range.to),
        how.period,
        how.calendar,
        how.weekStart,
      ),
    };
  }
  if (how.span === 'none') {
    io.err('note: no --from/--to, so the query has no period table (totals and groups only).\n');
    return { ...spec, periods: [] };
  }
  const kind = how.period ?? inferPeriod(how.span.first, how.span.last);
  return {
    ...spec,
    periods: periodsBetween(how.span.first, how.span.last, kind, how.calendar, how.weekStart),
  };
}

/** A comment block: what the query reads and returns (SQL comments; no user text can end them). */
function header(spec: ReportSql, dialect: DialectId): string {
  const safe = (s: string) => s.replace(/[\r\n]+/g, ' ');
  const lines = [
    `Mizan report query (${dialect}): one row per level ('total', 'group', 'period').`,
    `Measures summed: ${spec.measures.map((m) => `${m.measure} ← ${safe(m.column)}`).join(', ')}.`,
    `KPIs (sum, then divide; NULL when a denominator is 0): ${spec.kpis.map((k) => k.id).join(', ') || 'none'}.`,
    spec.group ? `Groups: ${safe(spec.group.column)}, trimmed and case-folded (group_key).` : 'No groups.',
    spec.periods.length > 0
      ? `Periods: ${spec.periods.length}, ${isoOfDay((spec.periods[0] as Period).start)} to ${isoOfDay((spec.periods[spec.periods.length - 1] as Period).end - 1)}, boundaries in the query (period_start, period_end).`
      : 'No period table.',
  ];
  return lines.map((l) => `-- ${l}\n`).join('');
}
