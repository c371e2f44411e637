/**
 * The semantics every KPI custom function shares: single values or ranges, broadcasting,
 * numbers written as text, and what a blank, a header or a zero denominator gives.
 * One implementation; each function is just its registry entry run through here.
 */
import { compile, evaluate, isZeroDenominator, render } from '../kpi/expr';
import type { KpiDef, KpiResult, KpiUndefined, Unit } from '../kpi/types';
import { broadcast, commonShape, type Shape } from './broadcast';
import { echo, readInput, readInputValue } from './read-input';

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

/** Why a row's inputs break the KPI's input rules (a part above its whole, a fraction of a count). */
function ruleBroken(def: KpiDef, values: Readonly<Record<string, number>>): KpiUndefined | null {
  for (const [part, whole] of def.notMoreThan ?? []) {
    const [p, w] = [values[part] as number, values[whole] as number];
    if (p > w) return { input: part, reason: `${part} (${p}) is more than ${whole} (${w})` };
  }
  if (def.wholeNumbers)
    for (const { name } of def.inputs) {
      const v = values[name] as number;
      if (!Number.isInteger(v)) return { input: name, reason: `${name} (${v}) is not a whole number` };
    }
  return null;
}

/** A row's inputs, computed to a number or to the words saying why it has no value. */
function computeOne(def: KpiDef, values: Record<string, number>): KpiResult {
  const bad = ruleBroken(def, values);
  if (bad) return bad;
  if (def.compute) return def.compute(def.inputs.map((i) => values[i.name] as number));
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
  const values = new Float64Array(n); // one buffer, reused row after row
  return broadcast([rows, cols], args.slice(0, n), (cells) => {
    for (let i = 0; i < n; i++) {
      const input = inputs[i] as KpiDef['inputs'][number];
      const constant = constants[i];
      if (constant !== null && constant !== undefined) {
        values[i] = constant;
        continue;
      }
      const cell = cells[i];
      if (input.default !== undefined && (cell === '' || cell === null || cell === undefined)) {
        values[i] = input.default;
        continue;
      }
      const x = readInputValue(cell, input.kind);
      if (Number.isNaN(x)) return ''; // a cell that cannot be used blanks its row
      values[i] = x;
    }
    const v = value(values);
    return Number.isNaN(v) ? '' : v;
  });
}

/**
 * A row's value for the range loop from positional inputs, NaN for none: the formula compiled
 * once, the input rules turned into index checks, so a row costs no allocation or name lookup.
 */
function rowValue(def: KpiDef): (values: Float64Array) => number {
  const slot = (name: string): number => {
    const i = def.inputs.findIndex((input) => input.name === name);
    if (i < 0) throw new Error(`${def.id}: no input ${name}`);
    return i;
  };
  const parts = (def.notMoreThan ?? []).map(([part, whole]) => [slot(part), slot(whole)] as const);
  const whole = def.wholeNumbers === true;
  const broken = (v: Float64Array): boolean => {
    for (const [p, w] of parts) if ((v[p] as number) > (v[w] as number)) return true;
    if (whole) for (let i = 0; i < v.length; i++) if (!Number.isInteger(v[i])) return true;
    return false;
  };
  const compute = def.compute;
  const formula = compute
    ? (v: Float64Array) => {
        const r = compute(v as unknown as readonly number[]);
        return typeof r === 'number' ? r : Number.NaN;
      }
    : def.expr
      ? compile(def.expr, slot)
      : null;
  if (!formula) throw new Error(`${def.id} has neither expr nor compute`);
  return (v) => {
    if (broken(v)) return Number.NaN;
    const x = formula(v);
    return Number.isFinite(x) ? x : Number.NaN;
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
          `${def.fn}: ${echo(cell)} (row ${r + 1}, column ${c + 1} of the range) is not a score`,
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
