/**
 * What a report cell really shows: its value computed by the formula engine and its colours after
 * conditional formatting. Conditional-format rules are tried top-down and the first rule that
 * matches the cell gives its format (the order of Sheet.getConditionalFormatRules(), ref:
 * spreadsheet/sheet#getconditionalformatrules; the Sheets help "Use conditional formatting rules":
 * rules are applied in priority order, the top one first). A cell no rule matches shows its own
 * background (ref: spreadsheet/range#setbackgrounds).
 */

import { type CondFormat, columnLetters, type FakeWorld, type SheetModel } from './fake-sheets';
import type { Computed } from './formula-engine';

/** Moves the relative parts of A1 references by (dRow, dCol), outside string literals. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g,
            (_m, dc: string, letters: string, dr: string, digits: string) => {
              let col = 0;
              for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
              const c = dc ? col : col + dCol;
              const r = dr ? Number(digits) : Number(digits) + dRow;
              return `${dc}${columnLetters(c)}${dr}${r}`;
            },
          ),
    )
    .join('');
}

function inRule(rule: CondFormat, sheet: SheetModel, row: number, col: number): boolean {
  return rule.ranges.some(
    (r) =>
      r.sheet === sheet && row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols,
  );
}

function truthy(v: Computed): boolean {
  return v === true || (typeof v === 'number' && v !== 0);
}

function criterion(world: FakeWorld, sheet: SheetModel, v: unknown, dRow: number, dCol: number): number {
  if (typeof v === 'string' && v.startsWith('=')) {
    const r = world.computed().calculate(shiftFormula(v, dRow, dCol), sheet.name);
    return typeof r === 'number' ? r : Number.NaN;
  }
  return Number(v);
}

/** ref: spreadsheet/conditional-format-rule-builder#whennumbergreaterthanorequalto and its siblings. */
export function ruleMatches(
  world: FakeWorld,
  rule: CondFormat,
  sheet: SheetModel,
  row: number,
  col: number,
): boolean {
  if (rule.gradient)
    throw new Error(`gradient rule over ${sheet.name}!${columnLetters(col)}${row}: not modelled`);
  const cond = rule.condition;
  if (!cond) return false;
  const anchor = rule.ranges[0];
  if (!anchor) return false;
  const dRow = row - anchor.row;
  const dCol = col - anchor.col;
  const value = world.valueAt(sheet, row, col);
  const [a = Number.NaN, b = Number.NaN] = cond.values.map((v) => criterion(world, sheet, v, dRow, dCol));
  // Blank cells count as 0 in number conditions (our reading of the Sheets UI; see the report).
  const n = value === null ? 0 : typeof value === 'number' ? value : Number.NaN;
  switch (cond.type) {
    case 'NUMBER_GREATER_THAN':
      return n > a;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= a;
    case 'NUMBER_LESS_THAN':
      return n < a;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n <= a;
    case 'NUMBER_EQUAL_TO':
      return n === a;
    case 'NUMBER_NOT_EQUAL_TO':
      return !Number.isNaN(n) && n !== a;
    case 'NUMBER_BETWEEN':
      return n >= Math.min(a, b) && n <= Math.max(a, b);
    case 'NUMBER_NOT_BETWEEN':
      return !Number.isNaN(n) && (n < Math.min(a, b) || n > Math.max(a, b));
    case 'CELL_EMPTY':
      return value === null || value === '';
    case 'CELL_NOT_EMPTY':
      return !(value === null || value === '');
    case 'TEXT_EQUAL_TO':
      return typeof value === 'string' && value === cond.values[0];
    case 'TEXT_CONTAINS':
      return typeof value === 'string' && value.includes(String(cond.values[0]));
    case 'CUSTOM_FORMULA': {
      // ref: conditional-format-rule-builder#whenformulasatisfied: relative references move with
      // the cell, from the top-left cell of the rule's (first) range.
      const r = world.computed().calculate(shiftFormula(String(cond.values[0]), dRow, dCol), sheet.name);
      return truthy(r);
    }
    default:
      throw new Error(`condition ${cond.type}: not modelled`);
  }
}

export interface Shown {
  readonly value: Computed;
  readonly background: string | null;
  readonly fontColor: string | null;
  /** Index of the conditional rule that decided, or -1. */
  readonly rule: number;
}

export function shown(world: FakeWorld, sheet: SheetModel, row: number, col: number): Shown {
  const cell = world.peek(sheet, row, col);
  const own = {
    background: (cell?.style.Background as string | undefined) ?? null,
    fontColor: (cell?.style.FontColor as string | undefined) ?? null,
  };
  const value = world.valueAt(sheet, row, col);
  for (const [i, rule] of sheet.rules.entries()) {
    if (!inRule(rule, sheet, row, col) || !ruleMatches(world, rule, sheet, row, col)) continue;
    return {
      value,
      background: (rule.format.background as string | undefined) ?? own.background,
      fontColor: (rule.format.fontColor as string | undefined) ?? own.fontColor,
      rule: i,
    };
  }
  return { value, ...own, rule: -1 };
}
