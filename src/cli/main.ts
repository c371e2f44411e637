/**
 * `mizan report`: a campaign file in, the KPI report out (.xlsx and/or JSON), with the mapping and
 * headline KPIs on the terminal. `main(argv, io)` returns the exit status instead of exiting, so
 * tests run it in-process; run as a script it exits with that status.
 */
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { profileById } from '../core/benchmarks/profiles';
import type { BenchmarkProfile } from '../core/benchmarks/types';
import { buildReport, detectColumns } from '../core/report';
import { reportJsonText } from '../core/report/json';
import type { ReportModel } from '../core/report/model';
import type { ReportOptions } from '../core/report/options';
import { type Template, templateToReportOptions } from '../core/templates';
import { writeReportXlsx } from '../xlsx/write-report';
import { parseReportArgs, type ReportArgs, USAGE } from './args';
import { writeAtomically, writeTextAtomically } from './atomic-write';
import { resolveGroupBy } from './group-by';
import { guessLang } from './guess-lang';
import { NO_PROGRESS, PROGRESS_MIN_ROWS, type Progress, progressBar } from './progress';
import { type InputData, readInput } from './read-input';
import { loadTemplate } from './template';
import { kpiTableText, mappingText, problemText } from './terminal';

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
  const template = templateSpec !== undefined ? await templateOption(templateSpec, io.cwd) : undefined;

  const progress = await progressFor(io, inputPath);
  const read = await readInput(inputPath, {
    ...(args.sheet !== undefined ? { sheet: args.sheet } : {}),
    onProgress: (f) => progress.update('Reading', f),
  });
  progress.done();
  if (!read.ok) throw new Failure(EXIT.unreadable, read.message);
  const data = read.data;
  const bigRun = io.tty && data.grid.length > PROGRESS_MIN_ROWS ? progressBar(io.err) : NO_PROGRESS;

  const { options, notes } = reportOptions(args, data, profile, template);
  for (const note of notes) if (!args.quiet) io.err(`warning: ${note}\n`);
  bigRun.step('Building the report');
  const result = buildReport(data.grid, options);
  bigRun.done();
  if (!result.ok) {
    const list = result.problems.map((p) => `  • ${problemText(p).replace(/\n/g, '\n  ')}`).join('\n');
    throw new Failure(EXIT.rejected, `cannot build a report from ${inputPath}:\n${list}`);
  }
  for (const w of result.warnings) if (!args.quiet) io.err(`warning: ${problemText(w)}\n`);
  const model = result.model;

  await writeOutputs(model, outputs, options.formulas === 'values', bigRun);
  if (!args.quiet) io.out(`${summaryText(model, data, outputs, io.color)}\n`);
  return EXIT.ok;
}

interface Outputs {
  readonly xlsx: string | null;
  readonly json: string | null;
}

/**
 * Checks the outputs before any work: a folder that exists, never the input itself. With neither
 * --out nor --json, both go to out/<input>-report.{xlsx,json} under the current folder.
 */
async function outputPaths(args: ReportArgs, inputPath: string, cwd: string): Promise<Outputs> {
  const defaults = args.out === undefined && args.json === undefined;
  const defaultPath = (ext: string) =>
    resolve(cwd, 'out', `${basename(inputPath, extname(inputPath))}-report.${ext}`);
  const xlsx = defaults ? defaultPath('xlsx') : args.out !== undefined ? resolve(cwd, args.out) : null;
  const json = defaults ? defaultPath('json') : args.json !== undefined ? resolve(cwd, args.json) : null;
  if (xlsx !== null && extname(xlsx).toLowerCase() !== '.xlsx') {
    throw new Failure(EXIT.usage, `--out must name an .xlsx file (got "${args.out}")`);
  }
  if (xlsx !== null && xlsx === json) throw new Failure(EXIT.usage, '--out and --json name the same file');
  if (defaults) await mkdir(resolve(cwd, 'out'), { recursive: true });
  for (const path of [xlsx, json]) {
    if (path === null) continue;
    if (path === inputPath) {
      throw new Failure(EXIT.usage, `the output ${path} is the input file; it would be overwritten`);
    }
    const folder = await stat(dirname(path)).catch(() => null);
    if (!folder?.isDirectory()) {
      throw new Failure(EXIT.unwritable, `cannot write ${path}: the folder ${dirname(path)} does not exist`);
    }
  }
  return { xlsx, json };
}

function profileOption(id: string | undefined): BenchmarkProfile | undefined {
  if (id === undefined) return undefined;
  const profile = profileById(id);
  if (!profile) throw new Failure(EXIT.usage, `--profile: no profile "${id}"`);
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
function reportOptions(
  args: ReportArgs,
  data: InputData,
  profile: BenchmarkProfile | undefined,
  template: Template | undefined,
): { options: ReportOptions; notes: string[] } {
  const lang = args.lang ?? guessLang(data.grid);
  let options: ReportOptions = { sourceName: data.sourceName, lang, formulaSource: 'recreated' };
  const notes: string[] = [];
  if (template) {
    // Grouping by a dimension or a header needs the engine's reading of the columns.
    const needsColumns =
      template.groupBy !== 'auto' && template.groupBy !== 'none' && args.groupBy === undefined;
    const columns = needsColumns ? detectColumns(data.grid, { lang }).mapping : undefined;
    const applied = templateToReportOptions(template, options, columns);
    options = applied.options;
    notes.push(...applied.notes.map((n) => n.message));
  }
  let groupBy: number | null | undefined;
  if (args.groupBy !== undefined) {
    // Matched against the header row the engine will read, with the template's header row/overrides.
    const resolved = resolveGroupBy(args.groupBy, data.grid, { ...options, lang: args.lang ?? options.lang });
    if (!resolved.ok) throw new Failure(EXIT.usage, resolved.message);
    groupBy = resolved.column;
  }
  return {
    options: {
      ...options,
      ...(args.lang !== undefined ? { lang: args.lang } : {}),
      ...(args.valuesOnly ? { formulas: 'values' as const } : template ? {} : { formulas: 'live' as const }),
      ...(groupBy !== undefined ? { groupBy } : {}),
      ...(profile ? { profile } : {}),
    },
    notes,
  };
}

async function writeOutputs(
  model: ReportModel,
  outputs: Outputs,
  valuesOnly: boolean,
  progress: Progress,
): Promise<void> {
  const attempt = async (path: string, write: () => Promise<void>) => {
    try {
      await write();
    } catch (error) {
      throw new Failure(EXIT.unwritable, `cannot write ${path}: ${(error as Error).message}`);
    }
  };
  if (outputs.xlsx !== null) {
    const path = outputs.xlsx;
    await attempt(path, () =>
      writeAtomically(path, (temp) =>
        writeReportXlsx(model, temp, { valuesOnly, onProgress: (f) => progress.update('Writing xlsx', f) }),
      ),
    );
    progress.done();
  }
  if (outputs.json !== null) {
    const path = outputs.json;
    await attempt(path, () => writeTextAtomically(path, reportJsonText(model)));
  }
}

function summaryText(model: ReportModel, data: InputData, outputs: Outputs, color: boolean): string {
  const read =
    data.format === 'csv'
      ? `Read ${model.sourceName} (CSV, ${data.encoding}, delimiter ${JSON.stringify(data.delimiter)})`
      : `Read sheet "${model.sourceName}" (.xlsx)`;
  const wrote = [outputs.xlsx, outputs.json].filter((p): p is string => p !== null).map((p) => `Wrote ${p}`);
  return [read, '', mappingText(model), '', kpiTableText(model, color), '', ...wrote].join('\n');
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

/** Run as a script (tsx src/cli/main.ts, or through bin/mizan.mjs). */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href;
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
