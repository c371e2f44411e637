/**
 * What differs between the two SQL dialects the report compiles to: quoting, literals, casts,
 * division that gives NULL for a zero denominator, and the small table of period boundaries.
 * Everything a user's header or a group name can reach goes through `ident` or `text` here.
 */
import { isoOfDay } from '../dates/parse-date';

export type DialectId = 'duckdb' | 'bigquery';

export interface Dialect {
  readonly id: DialectId;
  /** A column or alias name, quoted whatever it holds. */
  ident(name: string): string;
  /** A table path as the user gave it (`project.dataset.table`), quoted as one name. */
  table(path: string): string;
  /** A string literal. */
  text(value: string): string;
  /** A DATE literal for an epoch day. */
  date(day: number): string;
  /** a ÷ b, NULL when b is 0 (never an error, never Infinity). */
  divide(a: string, b: string): string;
  /** A measure cell as a double; fails loudly on text that is not a number. */
  toDouble(x: string): string;
  toText(x: string): string;
  /** A date column: a DATE, ISO text, or GA4's YYYYMMDD text. */
  toDate(x: string, format: DateFormat): string;
  /** Every run of whitespace (as JavaScript's \s sees it) as one space. */
  collapseSpace(x: string): string;
  /** A relation `alias(idx, start_day, end_day)` of the period boundaries. */
  periods(days: readonly { readonly start: number; readonly end: number }[], alias: string): string;
  /** The text type's name (for CAST(NULL AS …)). */
  readonly textType: string;
  readonly doubleType: string;
}

export type DateFormat = 'date' | 'yyyymmdd';

/** JavaScript's \s: the engine collapses and trims these around group names (aggregate.ts). */
const JS_SPACE =
  '[\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+';

/** A name with a NUL cannot be quoted in either dialect: refuse it rather than cut it. */
function checkName(name: string): string {
  if (name.includes('\u0000'))
    throw new Error(`A column name holds a NUL character: ${JSON.stringify(name)}`);
  if (name === '') throw new Error('A column name is empty: SQL cannot name it');
  return name;
}

/** BigQuery string and quoted-identifier escapes (the same set for both). */
function bigQueryEscape(value: string, quote: '`' | "'"): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

const quoteDouble = (name: string): string => `"${checkName(name).replace(/"/g, '""')}"`;

export const DUCKDB: Dialect = {
  id: 'duckdb',
  ident: quoteDouble,
  // A path "a.b.c" is catalog, schema and table in DuckDB: each part quoted.
  table: (path) => path.split('.').map(quoteDouble).join('.'),
  // DuckDB's standard strings: backslashes are plain characters, a quote is doubled.
  text: (value) => `'${value.replace(/'/g, "''")}'`,
  date: (day) => `DATE '${isoOfDay(day)}'`,
  divide: (a, b) => `(${a}) / NULLIF(${b}, 0)`,
  toDouble: (x) => `CAST(${x} AS DOUBLE)`,
  toText: (x) => `CAST(${x} AS VARCHAR)`,
  toDate: (x, format) =>
    format === 'yyyymmdd' ? `CAST(strptime(CAST(${x} AS VARCHAR), '%Y%m%d') AS DATE)` : `CAST(${x} AS DATE)`,
  collapseSpace: (x) => `regexp_replace(${x}, '${JS_SPACE}', ' ', 'g')`,
  periods: (days, alias) =>
    days.length === 0
      ? `(SELECT CAST(NULL AS INTEGER) AS idx, CAST(NULL AS DATE) AS start_day, CAST(NULL AS DATE) AS end_day WHERE FALSE) AS ${alias}`
      : `(VALUES ${days.map((p, i) => `(${i}, ${DUCKDB.date(p.start)}, ${DUCKDB.date(p.end)})`).join(', ')}) AS ${alias}(idx, start_day, end_day)`,
  textType: 'VARCHAR',
  doubleType: 'DOUBLE',
};

export const BIGQUERY: Dialect = {
  id: 'bigquery',
  ident: (name) => `\`${bigQueryEscape(checkName(name), '`')}\``,
  table: (path) => `\`${bigQueryEscape(checkName(path), '`')}\``,
  text: (value) => `'${bigQueryEscape(value, "'")}'`,
  date: (day) => `DATE '${isoOfDay(day)}'`,
  divide: (a, b) => `SAFE_DIVIDE(${a}, ${b})`,
  toDouble: (x) => `CAST(${x} AS FLOAT64)`,
  toText: (x) => `CAST(${x} AS STRING)`,
  toDate: (x, format) =>
    format === 'yyyymmdd' ? `PARSE_DATE('%Y%m%d', CAST(${x} AS STRING))` : `CAST(${x} AS DATE)`,
  collapseSpace: (x) => `REGEXP_REPLACE(${x}, r'${JS_SPACE}', ' ')`,
  periods: (days, alias) =>
    days.length === 0
      ? `UNNEST(ARRAY<STRUCT<idx INT64, start_day DATE, end_day DATE>>[]) AS ${alias}`
      : `UNNEST([${days.map((p, i) => `STRUCT(${i} AS idx, ${BIGQUERY.date(p.start)} AS start_day, ${BIGQUERY.date(p.end)} AS end_day)`).join(', ')}]) AS ${alias}`,
  textType: 'STRING',
  doubleType: 'FLOAT64',
};

export function dialectById(id: DialectId): Dialect {
  return id === 'bigquery' ? BIGQUERY : DUCKDB;
}
