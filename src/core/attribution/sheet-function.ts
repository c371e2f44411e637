/**
 * ATTRIBUTION(paths, conversions, model, [values], [non_conversions], [half_life]) as Sheets
 * calls it: a column (or row) of path texts with the numbers beside them, read with the range
 * rules of the other functions (blank rows skipped, a text header in the first row skipped, a bad
 * row an error naming the row), and one output row per channel: channel, credited conversions
 * (and credited value when values are given). No header row, like KPI_BENCHMARK: the caller
 * writes the column titles above the formula, in their own language.
 */
import { commonShape, shapeOf, shapeText } from '../functions/broadcast';
import { echo, readInput } from '../functions/read-input';
import { KpiFunctionError, type SheetArg, type SheetResult } from '../functions/run-kpi';
import { readNumber } from '../numbers/parse-number';
import { AttributionInputError } from './errors';
import { buildJourneys, type PathRow } from './journeys';
import { ATTRIBUTION_MODELS, type AttributionModel, attribute, modelByName } from './models';
import { readPath } from './paths';

const FN = 'ATTRIBUTION';
const fail = (message: string) => new KpiFunctionError(`${FN}: ${message}`);
const isBlank = (v: unknown): boolean => v === '' || v === null || v === undefined;
const MODEL_LIST = `${ATTRIBUTION_MODELS.slice(0, -1).join(', ')} or ${ATTRIBUTION_MODELS.at(-1)}`;

/** A one-column or one-row range (or a single cell) as a list, and what its items are called. */
function cellsOf(name: string, arg: SheetArg): { cells: unknown[]; item: string } {
  const shape = shapeOf(arg);
  if (!shape) return { cells: [arg], item: 'row' };
  const grid = arg as unknown[][];
  if (shape[1] === 1) return { cells: grid.map((row) => row[0]), item: 'row' };
  if (shape[0] === 1) return { cells: (grid[0] as unknown[]).slice(), item: 'column' };
  throw fail(`${name} is ${shapeText(shape)}; give one column (or one row) of ${name}`);
}

function readModel(arg: SheetArg): AttributionModel {
  if (Array.isArray(arg)) throw fail(`model is a range; give one model name (${MODEL_LIST})`);
  if (isBlank(arg)) throw fail(`model is missing; use ${MODEL_LIST}`);
  const model = typeof arg === 'string' ? modelByName(arg) : undefined;
  if (!model) throw fail(`"${echo(arg)}" is not a model; use ${MODEL_LIST}`);
  return model;
}

function readHalfLife(arg: SheetArg): number {
  if (isBlank(arg)) return 1;
  if (Array.isArray(arg)) throw fail('half_life is a range; give one number of touches');
  const read = readInput(arg, 'amount');
  if (!read.ok) throw fail(`half_life ${read.problem}`);
  if (!(read.value > 0)) throw fail('half_life is 0; give a number of touches above 0 (1 when left out)');
  return read.value;
}

/**
 * A header row: the first row, when its conversions cell is text that is not a number and its
 * path cell is no multi-touch path (a header says "Path", not "Search > Email").
 */
function isHeader(path: unknown, conversions: unknown): boolean {
  return (
    typeof conversions === 'string' &&
    conversions.trim() !== '' &&
    !readNumber(conversions).ok &&
    !(typeof path === 'string' && /[>›→]/.test(path))
  );
}

export function attributionFunction(...args: SheetArg[]): SheetResult {
  const [pathsArg, conversionsArg, modelArg, valuesArg, nonArg, halfLifeArg] = args;
  if (conversionsArg === undefined) throw fail('conversions is missing');
  const model = readModel(modelArg);
  const halfLife = readHalfLife(halfLifeArg);
  const hasValues = !isBlank(valuesArg);
  const hasNon = !isBlank(nonArg);
  const names = ['paths', 'conversions', 'values', 'non_conversions'];
  commonShape(FN, names, [pathsArg, conversionsArg, valuesArg, nonArg], (m) => new KpiFunctionError(m));
  const { cells: paths, item } = cellsOf('paths', pathsArg);
  const columns = {
    conversions: cellsOf('conversions', conversionsArg).cells,
    values: hasValues ? cellsOf('values', valuesArg).cells : null,
    non_conversions: hasNon ? cellsOf('non_conversions', nonArg).cells : null,
  };
  for (const [name, cells] of Object.entries(columns))
    if (cells && cells.length !== paths.length)
      throw fail(
        `${name} must be a range of the same size as paths (${paths.length} cells), not a single value`,
      );

  const rows: PathRow[] = [];
  paths.forEach((pathCell, i) => {
    const where = `${item} ${i + 1} of the range`;
    const conv = columns.conversions[i];
    const value = columns.values?.[i];
    const non = columns.non_conversions?.[i];
    if (isBlank(pathCell) && isBlank(conv) && isBlank(value) && isBlank(non)) return;
    if (i === 0 && isHeader(pathCell, conv)) return;
    if (isBlank(pathCell)) throw fail(`the path in ${where} is blank, but the ${item} has numbers`);
    if (typeof pathCell !== 'string')
      throw fail(`the path in ${where} is ${echo(pathCell)}, not a path text such as "Search > Email"`);
    const path = readPath(pathCell);
    if (!path.ok) throw fail(`the path in ${where} ("${echo(pathCell)}") ${path.problem}`);
    const conversions = readCount('conversions', conv, where, 'write 0 for a path that did not convert');
    const v = columns.values ? readValue(value, conversions, where) : 0;
    const n = columns.non_conversions
      ? readCount('non_conversions', non, where, 'write 0 when every journey on the path converted')
      : 0;
    rows.push({ channels: path.channels, conversions, value: v, nonConversions: n });
  });
  if (rows.length === 0) return '';

  const journeys = buildJourneys(rows);
  let credits: ReturnType<typeof attribute>;
  try {
    credits = attribute(journeys, model, { halfLife });
  } catch (e) {
    if (e instanceof AttributionInputError) throw fail(e.message);
    throw e;
  }
  return journeys.channels.map((channel, c) =>
    hasValues
      ? [channel, credits.conversions[c] as number, credits.value[c] as number]
      : [channel, credits.conversions[c] as number],
  );
}

function readCount(name: string, cell: unknown, where: string, ifBlank: string): number {
  const read = readInput(cell, 'count');
  if (read.ok) return read.value;
  if (read.blank) throw fail(`${name} in ${where} is blank; ${ifBlank}`);
  throw fail(`${name} in ${where} ${read.problem}`);
}

/** A blank value is 0 only where there is nothing to value: a path without conversions. */
function readValue(cell: unknown, conversions: number, where: string): number {
  const read = readInput(cell, 'amount');
  if (read.ok) return read.value;
  if (read.blank) {
    if (conversions === 0) return 0;
    throw fail(
      `values in ${where} is blank, but the path has ${conversions} conversions; write its value (0 if none)`,
    );
  }
  throw fail(`values in ${where} ${read.problem}`);
}
