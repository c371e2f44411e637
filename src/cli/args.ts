/**
 * Command-line arguments of `mizan report`: parsed strictly, so a typo is an error that names the
 * option, never an option silently ignored.
 */
import { profileIdLines } from '../core/benchmarks/profiles';
import type { Lang } from '../core/i18n/lang';
import { MEASURE_IDS } from '../core/kpi/measures';
import { BUILTIN_TEMPLATES } from '../core/templates';

export interface ReportArgs {
  /** undefined: the bundled example data. */
  readonly input?: string;
  readonly out?: string;
  readonly json?: string;
  readonly template?: string;
  readonly groupBy?: string;
  readonly lang?: Lang;
  readonly valuesOnly: boolean;
  readonly sheet?: string;
  readonly profile?: string;
  /** --map "<header or letter>=<measure id|dimension|ignore>", in the order given. */
  readonly map: readonly string[];
  /** --header-row N, 1-based as the user counts rows. */
  readonly headerRow?: number;
  readonly decimal?: '.' | ',';
  /** --paths <file>: a conversion-path export for the Attribution section. */
  readonly paths?: string;
  /** --engine: who reads and sums the rows (undefined: js). */
  readonly engine?: 'js' | 'duckdb';
  readonly help: boolean;
  readonly quiet: boolean;
}

export type ParsedArgs =
  | { readonly ok: true; readonly args: ReportArgs }
  | { readonly ok: false; readonly message: string };

/** Options that take a value, by name (without "--"). */
const VALUE_OPTIONS = [
  'out',
  'json',
  'template',
  'group-by',
  'lang',
  'sheet',
  'profile',
  'header-row',
  'decimal',
  'paths',
  'engine',
] as const;
/** Options that may be given several times. */
const REPEATED = 'map';
type ValueOption = (typeof VALUE_OPTIONS)[number];
const FLAGS = ['values-only', 'help', 'quiet'] as const;
type Flag = (typeof FLAGS)[number];
const SHORT: Readonly<Record<string, ValueOption | Flag>> = { o: 'out', h: 'help', q: 'quiet' };

export const USAGE = `Usage: npm run report -- [input.csv|input.xlsx] [options]
       npx mizan report [input] [options]

Builds a KPI report from a campaign export. Without an input it uses the bundled example data.

Options:
  -o, --out <file.xlsx>      write the report as an Excel workbook
      --json <file.json>     write the report's numbers as JSON (schema: docs/report-json.md)
                             (with neither: out/<input>-report.xlsx and out/<input>-report.json)
      --template <name|file> a built-in template or a template JSON file exported from the add-on
                             (built-in: ${BUILTIN_TEMPLATES.map((t) => t.id).join(', ')})
      --group-by <column>    group by this column (header text or letter), or "none"
      --lang <en|ar|fa>      report language (default: guessed from the headers, else en)
      --values-only          write values instead of live formulas
      --sheet <name>         the sheet to read from an .xlsx input (default: the first)
      --profile <id|none>    the benchmark profile that colours the statuses (default: chosen
                             from the platform or the columns, and said; "none" for no colours);
                             industry figures as <profile>/<industry> (docs/benchmarks.md):
                             ${profileIdLines(70).join('\n                             ')}
      --map <col=role>       correct how a column is read (repeatable): the column's header text or
                             letter, then a measure id, a dimension or "ignore", e.g.
                             --map "Clicks (all)=clicks" --map "G=ignore" --map "B=channel"
                             (measures: ${MEASURE_IDS.join(', ')};
                             dimensions: campaign, channel, date, text)
      --header-row <N>       the header is on row N (1-based) instead of the row found
      --decimal <,|.>        the decimal mark of numbers written as text (default: decided from
                             the whole file, and said in the notes)
      --paths <file>         a conversion-path export (CSV or .xlsx: a column of "A > B > C"
                             paths and their conversions, e.g. GA4's Conversion paths) for the
                             Attribution section: every model side by side, and CPA and ROAS
                             per model from the input's cost by channel. An input that is itself
                             a path export gets the section without this option
      --engine <js|duckdb>   who reads and sums the rows: js (default), or duckdb for a big CSV or a
                             .parquet file (needs the optional package @duckdb/node-api; the
                             report is the same, and says which engine summed; docs/scale-out.md)
  -q, --quiet                print nothing but errors
  -h, --help                 show this help

Exit status: 0 report written, 1 the engine rejected the data, 2 bad command line,
             3 the input cannot be read, 4 an output cannot be written.`;

const LANG_VALUES: readonly Lang[] = ['en', 'ar', 'fa'];

function isValueOption(name: string): name is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(name);
}
function isFlag(name: string): name is Flag {
  return (FLAGS as readonly string[]).includes(name);
}

/** Splits "--name=value" / "--name" / "-o" into a canonical option name and an inline value. */
function optionName(token: string): { name: string; inline?: string } {
  if (token.startsWith('--')) {
    const eq = token.indexOf('=');
    return eq < 0 ? { name: token.slice(2) } : { name: token.slice(2, eq), inline: token.slice(eq + 1) };
  }
  const short = SHORT[token.slice(1)];
  return { name: short ?? `-${token.slice(1)}` };
}

export function parseReportArgs(argv: readonly string[]): ParsedArgs {
  const values: Partial<Record<ValueOption, string>> = {};
  const map: string[] = [];
  const flags = new Set<Flag>();
  const positional: string[] = [];
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (onlyPositional || token === '-' || !token.startsWith('-')) {
      positional.push(token);
      continue;
    }
    if (token === '--') {
      onlyPositional = true;
      continue;
    }
    const { name, inline } = optionName(token);
    if (name === REPEATED) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') return fail('option --map needs a value such as "F=clicks"');
      map.push(value);
    } else if (isFlag(name)) {
      if (inline !== undefined) return fail(`option --${name} takes no value (got "${token}")`);
      flags.add(name);
    } else if (isValueOption(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('-') && value !== '-')) {
        return fail(`option --${name} needs a value`);
      }
      if (values[name] !== undefined) return fail(`option --${name} is given twice`);
      values[name] = value;
    } else {
      const shown = token.startsWith('--') ? `--${name}` : token;
      return fail(`unknown option "${shown}"`);
    }
  }
  if (positional.length > 1) {
    return fail(
      `expected one input file, got ${positional.length}: ${positional.map((p) => `"${p}"`).join(', ')}`,
    );
  }
  const lang = values.lang;
  if (lang !== undefined && !(LANG_VALUES as readonly string[]).includes(lang)) {
    return fail(`--lang must be one of ${LANG_VALUES.join(', ')} (got "${lang}")`);
  }
  for (const name of ['out', 'json', 'paths'] as const) {
    if (values[name] === '') return fail(`--${name} needs a file name`);
  }
  const headerRowText = values['header-row'];
  const headerRow = headerRowText === undefined ? undefined : Number(headerRowText.trim());
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) {
    return fail(`--header-row must be a row number, 1 or more (got "${headerRowText}")`);
  }
  const decimal = values.decimal?.trim();
  if (decimal !== undefined && decimal !== '.' && decimal !== ',') {
    return fail(`--decimal must be "," or "." (got "${values.decimal}")`);
  }
  const engine = values.engine?.trim() ?? 'js';
  if (engine !== 'js' && engine !== 'duckdb') {
    return fail(`--engine must be js or duckdb (got "${values.engine}")`);
  }
  return {
    ok: true,
    args: {
      ...(positional[0] !== undefined ? { input: positional[0] } : {}),
      ...(values.out !== undefined ? { out: values.out } : {}),
      ...(values.json !== undefined ? { json: values.json } : {}),
      ...(values.template !== undefined ? { template: values.template } : {}),
      ...(values['group-by'] !== undefined ? { groupBy: values['group-by'] } : {}),
      ...(lang !== undefined ? { lang: lang as Lang } : {}),
      ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
      ...(values.profile !== undefined ? { profile: values.profile } : {}),
      map,
      ...(headerRow !== undefined ? { headerRow } : {}),
      ...(decimal !== undefined ? { decimal } : {}),
      ...(values.paths !== undefined ? { paths: values.paths } : {}),
      ...(values.engine !== undefined ? { engine: engine as 'js' | 'duckdb' } : {}),
      valuesOnly: flags.has('values-only'),
      help: flags.has('help'),
      quiet: flags.has('quiet'),
    },
  };
}

function fail(message: string): ParsedArgs {
  return { ok: false, message: `${message}. Run with --help for the options.` };
}
