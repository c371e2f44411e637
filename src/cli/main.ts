/**
 * `mizan report`: a campaign file in, the KPI report out (.xlsx and/or JSON), with the mapping and
 * headline KPIs on the terminal. `main(argv, io)` returns the exit status instead of exiting, so
 * tests run it in-process; the process entry point is bin.ts (built into dist/cli/mizan.mjs).
 */
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCHMARK_PROFILES, profileById } from '../core/benchmarks/profiles';
import type { BenchmarkProfile } from '../core/benchmarks/types';
import { analyse } from '../core/detect/analyse';
import { buildReport, detectColumns } from '../core/report';
import { reportJsonText } from '../core/report/json';
import { type ReportModel, reviseModel } from '../core/report/model';
import type { ReportOptions } from '../core/report/options';
import { RowTable } from '../core/table/table';
import { type Template, templateToReportOptions } from '../core/templates';
import { workbookLimitProblem, writeReportXlsx } from '../xlsx/write-report';
import { parseReportArgs, type ReportArgs, USAGE } from './args';
import { writeAtomically, writeTextAtomically } from './atomic-write';
import { resolveCorrections } from './corrections';
import type { NumberColumns } from './csv-rows';
import { engineOption, withEngineNote } from './duckdb-engine';
import { resolveGroupBy } from './group-by';
import { guessLang } from './guess-lang';
import { readPathsOption } from './paths-option';
import { NO_PROGRESS, PROGRESS_MIN_ROWS, type Progress, progressBar } from './progress';
import { type InputData, readInput } from './read-input';
import { clashMessage, type NamedFile, sameFileClash } from './same-file';
import { loadTemplate, looksLikeFile } from './template';
import { kpiTableText, mappingText, notesText, problemText } from './terminal';

export const EXIT = { ok: 0, rejected: 1, usage: 2, unreadable: 3, unwritable: 4, bug: 70 } as const;

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** stderr is a terminal: progress bar. */
  readonly tty: boolean;
  /** stdout is a terminal and NO_COLOR is unset: coloured statuses. */
  readonly color: boolean;
  readonly cwd: string;
}

export const EXAMPLE_INPUT = fileURLToPath(new URL('../../examples/campaigns-en.csv', import.meta.url));
/** The example's own recipe (its team's SMART goals), so the first run shows coloured statuses. */
export const EXAMPLE_TEMPLATE = fileURLToPath(new URL('../../examples/template-en.json', import.meta.url));

/** A text file this big (≈ 50,000 rows) gets a progress bar while it is parsed. */
const LARGE_FILE_BYTES = 5_000_000;

class Failure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof Failure) {
      io.err(`mizan report: ${error.message}\n`);
      return error.status;
    }
    io.err(`mizan report: unexpected error (please report it): ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.bug;
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseReportArgs(argv);
  if (!parsed.ok) throw new Failure(EXIT.usage, parsed.message);
  const args = parsed.args;
  if (args.help) {
    io.out(`${USAGE}\n`);
    return EXIT.ok;
  }
  const inputPath = args.input !== undefined ? resolve(io.cwd, args.input) : EXAMPLE_INPUT;
  const outputs = await outputPaths(args, inputPath, io.cwd);
  const profile = profileOption(args.profile);
  const templateSpec =
    args.template ?? (args.input === undefined && args.profile === undefined ? EXAMPLE_TEMPLATE : undefined);
  await refuseOverwritingInputs(inputPath, templateSpec, outputs, io.cwd);
  const template = templateSpec !== undefined ? await templateOption(templateSpec, io.cwd) : undefined;

  const progress = await progressFor(io, inputPath);
  // --engine duckdb (or a .parquet input): DuckDB reads and sums, or says why the JavaScript engine does.
  const duck = await engineOption(
    inputPath,
    args,
    outputs.xlsx !== null,
    (d) => reportOptions(args, d, profile, template).options,
  );
  if (duck?.kind === 'refused') throw new Failure(EXIT[duck.status], duck.message);
  const read =
    duck?.kind === 'built'
      ? { ok: true as const, data: duck.data }
      : await readInput(inputPath, {
          ...(args.sheet !== undefined ? { sheet: args.sheet } : {}),
          onProgress: (f) => progress.update('Reading', f),
          ...(template === undefined && args.headerRow === undefined && args.map.length === 0
            ? { numbers: measureNumbers(args) }
            : {}),
        });
  progress.done();
  if (!read.ok) throw new Failure(read.rejected ? EXIT.rejected : EXIT.unreadable, read.message);
  const data = read.data;
  const bigRun = io.tty && data.table.length > PROGRESS_MIN_ROWS ? progressBar(io.err) : NO_PROGRESS;

  const { options, notes } = reportOptions(args, data, profile, template);
  for (const note of notes) if (!args.quiet) io.err(`warning: ${note}\n`);
  const paths =
    args.paths === undefined ? null : await readPathsOption(args.paths, io.cwd, [outputs.xlsx, outputs.json]);
  if (paths && !paths.ok) throw new Failure(EXIT[paths.status], paths.message);
  bigRun.step('Building the report');
  const result =
    duck?.kind === 'built'
      ? duck.result
      : buildReport(data.table, paths ? { ...options, paths: paths.paths } : options);
  bigRun.done();
  if (!result.ok) {
    const list = result.problems.map((p) => `  • ${problemText(p).replace(/\n/g, '\n  ')}`).join('\n');
    throw new Failure(EXIT.rejected, `cannot build a report from ${inputPath}:\n${list}`);
  }
  for (const w of result.warnings) if (!args.quiet) io.err(`warning: ${problemText(w)}\n`);
  const model = withEngineNote(withReadingNotes(result.model, data), duck);

  await writeOutputs(model, outputs, options.formulas === 'values', bigRun, io, data.columnFormats);
  // With the JSON on standard output, the summary goes to stderr so a pipeline reads JSON only.
  const say = outputs.json === STDOUT ? io.err : io.out;
  if (!args.quiet) {
    const example = args.input === undefined ? exampleText(args) : '';
    say(`${example}${summaryText(model, data, outputs, io.color && outputs.json !== STDOUT)}\n`);
  }
  return EXIT.ok;
}

/**
 * A large CSV's measure columns, as the engine reads them from the first rows: past those rows,
 * their plain integers, and their plain decimals where the engine decided "." as the column's
 * mark, are read as numbers (the values the engine reads from those texts), not kept as a string
 * each. The header row, the columns' roles and the decimal marks are all decided within those
 * rows, with the same options. With a template, --header-row or --map, which change what the
 * columns are, every cell stays text.
 */
const MARK_ROWS = 5_000;
/** Those first rows: the engine's 5,000, with room for a preamble (each is analysed as text once more). */
const NUMBERS_AFTER = MARK_ROWS + 1_000;
export function measureNumbers(args: Pick<ReportArgs, 'lang' | 'decimal'>): NumberColumns {
  return {
    after: NUMBERS_AFTER,
    decide: (head, delimiter) => {
      const table = new RowTable(head);
      const read = analyse(table, {
        lang: args.lang ?? guessLang(table),
        delimiter,
        fieldCounts: true,
        ...(args.decimal !== undefined ? { decimal: args.decimal } : {}),
      });
      const columns = new Map<number, 'integers' | 'decimals'>();
      // The engine judges the decimal mark from the first 5,000 data rows (analyse.ts,
      // numberStyle): they must all lie in these rows, or a later cell could sway it.
      if (!read.ok || read.analysis.dataRows.length <= MARK_ROWS) return columns;
      for (const m of read.analysis.measures)
        if (!m.derived) columns.set(m.index, m.decimal === '.' ? 'decimals' : 'integers');
      return columns;
    },
  };
}

interface Outputs {
  readonly xlsx: string | null;
  /** STDOUT for `--json -` (or /dev/stdout). */
  readonly json: string | null;
}

/** `--json -`: the JSON goes to standard output. */
const STDOUT = '-';
/** Names of standard output itself; written through `io.out`, even when stdout is redirected to a file. */
const STDOUT_NAMES: ReadonlySet<string> = new Set(['-', '/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/**
 * Checks the outputs before any work: in a folder that exists, not a folder itself (the inputs
 * are checked by refuseOverwritingInputs). `--json -` is standard output. With neither
 * --out nor --json, both go to out/<input>-report.{xlsx,json} under the current folder.
 */
async function outputPaths(args: ReportArgs, inputPath: string, cwd: string): Promise<Outputs> {
  const defaults = args.out === undefined && args.json === undefined;
  const defaultPath = (ext: string) =>
    resolve(cwd, 'out', `${basename(inputPath, extname(inputPath))}-report.${ext}`);
  const xlsx = defaults ? defaultPath('xlsx') : args.out !== undefined ? resolve(cwd, args.out) : null;
  const json = defaults
    ? defaultPath('json')
    : args.json === undefined
      ? null
      : STDOUT_NAMES.has(args.json)
        ? STDOUT
        : resolve(cwd, args.json);
  if (xlsx !== null && extname(xlsx).toLowerCase() !== '.xlsx') {
    throw new Failure(EXIT.usage, `--out must name an .xlsx file (got "${args.out}")`);
  }
  if (xlsx !== null && xlsx === json) throw new Failure(EXIT.usage, '--out and --json name the same file');
  if (defaults) await mkdir(resolve(cwd, 'out'), { recursive: true });
  for (const path of [xlsx, json]) {
    if (path === null || path === STDOUT) continue;
    const folder = await stat(dirname(path)).catch(() => null);
    if (!folder?.isDirectory()) {
      throw new Failure(EXIT.unwritable, `cannot write ${path}: the folder ${dirname(path)} does not exist`);
    }
    if ((await stat(path).catch(() => null))?.isDirectory()) {
      throw new Failure(EXIT.unwritable, `cannot write ${path}: it is a folder; give a file name`);
    }
  }
  return { xlsx, json };
}

/**
 * Before any work: no output may be the input or the template file, by the files' identities
 * (a symlink or a symlinked folder to the input is the input).
 */
async function refuseOverwritingInputs(
  inputPath: string,
  templateSpec: string | undefined,
  outputs: Outputs,
  cwd: string,
): Promise<void> {
  const inputs: NamedFile[] = [{ role: 'the input', path: inputPath }];
  if (templateSpec !== undefined && looksLikeFile(templateSpec)) {
    inputs.push({ role: 'the template', path: resolve(cwd, templateSpec) });
  }
  const written: NamedFile[] = [];
  if (outputs.xlsx !== null) written.push({ role: 'the output', path: outputs.xlsx });
  if (outputs.json !== null && outputs.json !== STDOUT)
    written.push({ role: 'the output', path: outputs.json });
  const clash = await sameFileClash(inputs, written);
  if (clash) throw new Failure(EXIT.usage, clashMessage(clash));
}

/** --profile: a profile id, "none" (no colours: null), or nothing (undefined: Mizan chooses). */
function profileOption(id: string | undefined): BenchmarkProfile | null | undefined {
  if (id === undefined) return undefined;
  if (id.trim().toLowerCase() === 'none') return null;
  const profile = profileById(id);
  if (!profile) {
    const ids = BENCHMARK_PROFILES.map((p) => p.id).join(', ');
    throw new Failure(EXIT.usage, `--profile: no profile "${id}"; the profiles are ${ids}, or none`);
  }
  return profile;
}

async function progressFor(io: Io, inputPath: string): Promise<Progress> {
  if (!io.tty) return NO_PROGRESS;
  const size = (await stat(inputPath).catch(() => null))?.size ?? 0;
  return size > LARGE_FILE_BYTES ? progressBar(io.err) : NO_PROGRESS;
}

async function templateOption(spec: string, cwd: string): Promise<Template> {
  const loaded = await loadTemplate(spec, cwd);
  if (!loaded.ok) throw new Failure(EXIT.usage, loaded.message);
  return loaded.template;
}

/**
 * The engine's options: the template's, if any, then what the command line says explicitly
 * (--lang, --group-by, --profile, --values-only win over the template).
 */
export function reportOptions(
  args: ReportArgs,
  data: InputData,
  profile: BenchmarkProfile | null | undefined,
  template: Template | undefined,
): { options: ReportOptions; notes: string[] } {
  const lang = args.lang ?? guessLang(data.table);
  let options: ReportOptions = {
    sourceName: data.sourceName,
    lang,
    formulaSource: 'recreated',
    ...readingOptions(data),
  };
  const notes: string[] = [];
  if (template) {
    // Grouping by a dimension or a header needs the engine's reading of the columns.
    const needsColumns =
      template.groupBy !== 'auto' && template.groupBy !== 'none' && args.groupBy === undefined;
    const columns = needsColumns ? detectColumns(data.table, { lang }).mapping : undefined;
    const applied = templateToReportOptions(template, options, columns);
    options = applied.options;
    notes.push(...applied.notes.map((n) => n.message));
  }
  // --header-row and --map win over the template's, like the sidebar's corrections.
  if (args.headerRow !== undefined) options = { ...options, headerRow: args.headerRow - 1 };
  if (args.decimal !== undefined) options = { ...options, decimal: args.decimal };
  const corrections = resolveCorrections(args.map, data.table, {
    ...options,
    lang: args.lang ?? options.lang,
  });
  if (!corrections.ok) throw new Failure(EXIT.usage, corrections.message);
  if (args.map.length > 0)
    options = { ...options, overrides: { ...options.overrides, ...corrections.overrides } };
  let groupBy: number | null | undefined;
  if (args.groupBy !== undefined) {
    // Matched against the header row the engine will read, with the template's header row/overrides.
    const resolved = resolveGroupBy(args.groupBy, data.table, {
      ...options,
      lang: args.lang ?? options.lang,
    });
    if (!resolved.ok) throw new Failure(EXIT.usage, resolved.message);
    groupBy = resolved.column;
  }
  return {
    options: {
      ...options,
      ...(args.lang !== undefined ? { lang: args.lang } : {}),
      ...(args.valuesOnly ? { formulas: 'values' as const } : template ? {} : { formulas: 'live' as const }),
      ...(groupBy !== undefined ? { groupBy } : {}),
      // No --profile and no template's profile: Mizan chooses one from the data, and says so.
      ...(profile !== undefined ? { profile } : template ? {} : { chooseProfile: true }),
    },
    notes,
  };
}

/** Notes only the file reader can make (formula cells without a value), added to the report's. */
function withReadingNotes(model: ReportModel, data: InputData): ReportModel {
  const cells = data.uncachedFormulas ?? [];
  if (cells.length === 0) return model;
  const shown =
    cells.length > 20 ? `${cells.slice(0, 20).join(', ')} … (${cells.length} in all)` : cells.join(', ');
  const message = `Cells ${shown} hold formulas saved without a computed value (the program that wrote the file does not calculate): they are read as blank, not as 0. Open and save the file in Excel or LibreOffice to compute them, then run again.`;
  const rows = [...new Set(cells.map((a) => Number(a.replace(/^[A-Z]+/, ''))))];
  return reviseModel(model, { notes: [...model.notes, { message, rows }] });
}

/** What the file itself tells the reader: its delimiter, and that a text row's length is its field count. */
function readingOptions(data: InputData): Pick<ReportOptions, 'delimiter' | 'fieldCounts'> {
  return data.format === 'csv' && data.delimiter !== undefined
    ? { delimiter: data.delimiter, fieldCounts: true }
    : {};
}

async function writeOutputs(
  model: ReportModel,
  outputs: Outputs,
  valuesOnly: boolean,
  progress: Progress,
  io: Io,
  sourceFormats?: readonly (string | null)[],
): Promise<void> {
  const attempt = async (path: string, write: () => Promise<void>) => {
    try {
      await write();
    } catch (error) {
      throw new Failure(EXIT.unwritable, `cannot write ${path}: ${(error as Error).message}`);
    }
  };
  // Past Excel's limits the workbook is refused; the JSON, which has none, is still written whole.
  const tooBig = outputs.xlsx !== null ? workbookLimitProblem(model) : null;
  if (tooBig !== null) {
    await writeJson(model, outputs.json, io);
    const json =
      outputs.json === null
        ? 'Write the numbers as JSON instead (--json report.json), which has no such limit'
        : `The JSON report ${outputs.json === STDOUT ? '(standard output)' : outputs.json} was written in full`;
    throw new Failure(EXIT.unwritable, `cannot write ${outputs.xlsx} as a workbook: ${tooBig}. ${json}`);
  }
  if (outputs.xlsx !== null) {
    const path = outputs.xlsx;
    await attempt(path, () =>
      writeAtomically(path, (temp) =>
        writeReportXlsx(model, temp, {
          valuesOnly,
          ...(sourceFormats ? { sourceFormats } : {}),
          onProgress: (f) => progress.update('Writing xlsx', f),
        }),
      ),
    );
    progress.done();
  }
  await writeJson(model, outputs.json, io);
}

async function writeJson(model: ReportModel, path: string | null, io: Io): Promise<void> {
  if (path === STDOUT) {
    io.out(reportJsonText(model));
  } else if (path !== null) {
    try {
      await writeTextAtomically(path, reportJsonText(model));
    } catch (error) {
      throw new Failure(EXIT.unwritable, `cannot write ${path}: ${(error as Error).message}`);
    }
  }
}

/** A run without an input file says what it read instead, and how to read one's own. */
function exampleText(args: ReportArgs): string {
  const template = args.template === undefined && args.profile === undefined;
  return `No input file given: this is the bundled example, examples/campaigns-en.csv${template ? ", with its own template examples/template-en.json (the team's goals)" : ''}. For your own export: npm run report -- your-file.csv\n\n`;
}

function summaryText(model: ReportModel, data: InputData, outputs: Outputs, color: boolean): string {
  const read =
    data.format === 'csv'
      ? `Read ${model.sourceName} (CSV, ${data.encoding}, delimiter ${JSON.stringify(data.delimiter)})`
      : data.format === 'parquet'
        ? `Read ${model.sourceName} (Parquet, through DuckDB)`
        : `Read sheet "${model.sourceName}" (.xlsx)`;
  const wrote = [outputs.xlsx, outputs.json]
    .filter((p): p is string => p !== null)
    .map((p) => (p === STDOUT ? 'Wrote the JSON to standard output' : `Wrote ${p}`));
  const notes = notesText(model);
  return [
    read,
    '',
    mappingText(model),
    '',
    kpiTableText(model, color),
    '',
    ...(notes ? [notes, ''] : []),
    ...wrote,
  ].join('\n');
}

function processIo(): Io {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    tty: process.stderr.isTTY === true,
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    cwd: process.cwd(),
  };
}
