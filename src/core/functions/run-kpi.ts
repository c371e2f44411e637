/**
 * The semantics every KPI custom function shares: single values or ranges, broadcasting,
 * numbers written as text, and what a blank, a header or a zero denominator gives.
 * One implementation; each function is just its registry entry run through here.
 */
import { compile, evaluate, isZeroDenominator, render } from '../kpi/expr';
import type { KpiDef, KpiResult, Unit } from '../kpi/types';
import { broadcast, commonShape, type Shape } from './broadcast';
import { readInput, readInputValue } from './read-input';

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

/** A row's inputs, computed to a number or to the words saying why it has no value. */
function computeOne(def: KpiDef, values: Record<string, number>): KpiResult {
  const bad = def.check?.(values);
  if (bad) return bad;
  if (def.compute) return def.compute(values);
  if (!def.expr) throw new Error(`${def.id} has neither expr nor compute`);
  const result = evaluate(def.expr, values);
  if (isZeroDenominator(result)) {
    const what = 'ref' in result.zero ? result.zero.ref : render(result.zero, (r) => r);
    return {
      input: 'ref' in result.zero ? result.zero.ref : undefined,
      reason: `${what} is 0, so ${UNIT_NOUN[def.unit]} is undefined`,
    };
  }
  return Number.isFinite(result) ? result : { reason: `${UNIT_NOUN[def.unit]} is not a finite number` };
}

/** Runs a KPI custom function on the arguments as Sheets passes them. */
export function runKpi(def: KpiDef, args: readonly SheetArg[]): SheetResult {
  if (def.inputs.length === 1 && def.inputs[0]?.kind === 'scores') return netPromoterScore(def, args[0]);
  const inputs = def.inputs;
  const names = inputs.map((input) => input.name);
  const shape = commonShape(def.fn, names, args, (m) => new KpiFunctionError(m));
  // Arguments left out: optional ones take their default, required ones are an error.
  inputs.forEach((input, i) => {
    if (args[i] === undefined && input.default === undefined)
      throw new KpiFunctionError(`${def.fn}: ${input.name} is missing`);
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
  const value = rowValue(def);
  const values: Record<string, number> = {};
  return broadcast([rows, cols], args.slice(0, n), (cells) => {
    for (let i = 0; i < n; i++) {
      const input = inputs[i] as KpiDef['inputs'][number];
      const constant = constants[i];
      if (constant !== null && constant !== undefined) {
        values[input.name] = constant;
        continue;
      }
      const cell = cells[i];
      if (input.default !== undefined && (cell === '' || cell === null || cell === undefined)) {
        values[input.name] = input.default;
        continue;
      }
      const x = readInputValue(cell, input.kind);
      if (Number.isNaN(x)) return ''; // a cell that cannot be used blanks its row
      values[input.name] = x;
    }
    const v = value(values);
    return Number.isNaN(v) ? '' : v;
  });
}

/**
 * A row's value for the range loop, NaN for none: plain arithmetic KPIs are compiled (no
 * allocation per row); checked or statistical ones go through computeOne.
 */
function rowValue(def: KpiDef): (values: Record<string, number>) => number {
  if (def.expr && !def.compute && !def.check) {
    const f = compile(def.expr);
    return (v) => {
      const x = f(v);
      return Number.isFinite(x) ? x : Number.NaN;
    };
  }
  return (v) => {
    const r = computeOne(def, v);
    return typeof r === 'number' ? r : Number.NaN;
  };
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
        throw new KpiFunctionError(
          `${def.fn}: ${String(cell)} (row ${r + 1}, column ${c + 1} of the range) is not a score`,
        );
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
