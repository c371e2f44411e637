/**
 * The semantics every KPI custom function shares: single values or ranges, broadcasting,
 * numbers written as text, and what a blank, a header or a zero denominator gives.
 * One implementation; each function is just its registry entry run through here.
 */
import { evaluate, isZeroDenominator, render } from '../kpi/expr';
import type { KpiDef, KpiResult, Unit } from '../kpi/types';
import { readInput } from './read-input';

/** What Sheets passes: a value, or a range as a 2-D array. */
export type SheetArg = unknown;
/** What a custom function returns: a number, "" for no value, or a 2-D array of those. */
export type SheetResult = number | string | (number | string)[][];

/** The error a custom function throws; Sheets shows its message as the cell's tooltip. */
export class KpiFunctionError extends Error {
  override name = 'KpiFunctionError';
}

const UNIT_NOUN: Record<Unit, string> = {
  rate: 'the rate',
  ratio: 'the ratio',
  money: 'the amount',
  duration: 'the average',
  months: 'the payback period',
  points: 'the score',
  probability: 'the probability',
};

type Shape = readonly [rows: number, cols: number];
const shapeText = (s: Shape): string => `${s[0]}×${s[1]}`;

function shapeOf(arg: SheetArg): Shape | null {
  if (!Array.isArray(arg)) return null;
  const rows = arg.length;
  const cols = rows > 0 && Array.isArray(arg[0]) ? (arg[0] as unknown[]).length : 0;
  return [rows, cols];
}

/** A row's inputs, computed to a number or to the words saying why it has no value. */
function computeOne(def: KpiDef, values: Record<string, number>): KpiResult {
  const bad = def.check?.(values);
  if (bad) return bad;
  if (def.compute) return def.compute(values);
  if (!def.expr) throw new Error(`${def.id} has neither expr nor compute`);
  const result = evaluate(def.expr, values);
  if (isZeroDenominator(result)) {
    const what = 'ref' in result.zero ? result.zero.ref : render(result.zero, (r) => r);
    return { input: 'ref' in result.zero ? result.zero.ref : undefined, reason: `${what} is 0, so ${UNIT_NOUN[def.unit]} is undefined` };
  }
  return Number.isFinite(result) ? result : { reason: `${UNIT_NOUN[def.unit]} is not a finite number` };
}

/** Runs a KPI custom function on the arguments as Sheets passes them. */
export function runKpi(def: KpiDef, args: readonly SheetArg[]): SheetResult {
  if (def.inputs.length === 1 && def.inputs[0]?.kind === 'scores') return netPromoterScore(def, args[0]);
  const inputs = def.inputs;
  const shapes = inputs.map((_, i) => shapeOf(args[i]));
  let shape: Shape | null = null;
  let shapeFrom = '';
  inputs.forEach((input, i) => {
    const s = shapes[i];
    if (!s) return;
    if (!shape) {
      shape = s;
      shapeFrom = input.name;
    } else if (s[0] !== shape[0] || s[1] !== shape[1]) {
      throw new KpiFunctionError(
        `${def.fn}: ${shapeFrom} is ${shapeText(shape)} but ${input.name} is ${shapeText(s)}; ranges must have the same shape`,
      );
    }
  });
  // Arguments left out: optional ones take their default, required ones are an error.
  inputs.forEach((input, i) => {
    if (args[i] === undefined && input.default === undefined) throw new KpiFunctionError(`${def.fn}: ${input.name} is missing`);
  });
  if (!shape) return runSingle(def, args);
  return runRange(def, args, shape);
}

function runSingle(def: KpiDef, args: readonly SheetArg[]): SheetResult {
  const values: Record<string, number> = {};
  for (let i = 0; i < def.inputs.length; i++) {
    const input = def.inputs[i] as KpiDef['inputs'][number];
    const raw = args[i];
    if (input.default !== undefined && (raw === undefined || raw === '' || raw === null)) {
      values[input.name] = input.default;
      continue;
    }
    const read = readInput(raw, input.kind);
    if (!read.ok) {
      if (read.blank) return '';
      throw new KpiFunctionError(`${def.fn}: ${input.name} ${read.problem}`);
    }
    values[input.name] = read.value;
  }
  const result = computeOne(def, values);
  if (typeof result === 'number') return result;
  throw new KpiFunctionError(`${def.fn}: ${result.reason}`);
}

function runRange(def: KpiDef, args: readonly SheetArg[], [rows, cols]: Shape): SheetResult {
  const inputs = def.inputs;
  const n = inputs.length;
  // Per input: the range, or the single value broadcast (already read once).
  const ranges: (unknown[][] | null)[] = [];
  const constants: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const input = inputs[i] as KpiDef['inputs'][number];
    const raw = args[i];
    if (Array.isArray(raw)) {
      ranges.push(raw as unknown[][]);
      constants.push(null);
      continue;
    }
    ranges.push(null);
    if (input.default !== undefined && (raw === undefined || raw === '' || raw === null)) {
      constants.push(input.default);
      continue;
    }
    const read = readInput(raw, input.kind);
    // A blank single cell blanks every row, like a blank row would; any other unusable
    // single value would blank every row too, so it is said once instead.
    if (!read.ok && read.blank) return Array.from({ length: rows }, () => new Array<string>(cols).fill(''));
    if (!read.ok) throw new KpiFunctionError(`${def.fn}: ${input.name} ${read.problem}`);
    constants.push(read.value);
  }
  const out: (number | string)[][] = new Array(rows);
  const values: Record<string, number> = {};
  for (let r = 0; r < rows; r++) {
    const row: (number | string)[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      let usable = true;
      for (let i = 0; i < n && usable; i++) {
        const input = inputs[i] as KpiDef['inputs'][number];
        const constant = constants[i];
        if (constant !== null && constant !== undefined) {
          values[input.name] = constant;
          continue;
        }
        const cell = (ranges[i] as unknown[][])[r]?.[c];
        if (input.default !== undefined && (cell === '' || cell === null || cell === undefined)) {
          values[input.name] = input.default;
          continue;
        }
        const read = readInput(cell, input.kind);
        if (read.ok) values[input.name] = read.value;
        else usable = false;
      }
      const result = usable ? computeOne(def, values) : '';
      row[c] = typeof result === 'number' ? result : '';
    }
    out[r] = row;
  }
  return out;
}

/** NPS over a range of 0–10 answers: blanks are skipped; text in the first row is a header. */
function netPromoterScore(def: KpiDef, arg: SheetArg): SheetResult {
  const cells: unknown[][] = Array.isArray(arg) ? (arg as unknown[][]) : [[arg]];
  let promoters = 0;
  let detractors = 0;
  let answers = 0;
  cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      const read = readInput(cell, 'signed');
      if (!read.ok) {
        if (read.blank || r === 0) return;
        throw new KpiFunctionError(`${def.fn}: ${String(cell)} (row ${r + 1}, column ${c + 1} of the range) is not a score`);
      }
      const v = read.value;
      if (v < 0 || v > 10 || !Number.isInteger(v))
        throw new KpiFunctionError(
          `${def.fn}: ${v} (row ${r + 1}, column ${c + 1} of the range) is not a score; scores are whole numbers from 0 to 10`,
        );
      answers++;
      if (v >= 9) promoters++;
      else if (v <= 6) detractors++;
    });
  });
  if (answers === 0) return '';
  return ((promoters - detractors) / answers) * 100;
}
