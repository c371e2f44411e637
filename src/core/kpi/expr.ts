/**
 * A KPI formula as data: evaluated by the custom functions, summed-then-divided by the report
 * engine, and turned into spreadsheet formulas by the writers. One definition serves all three.
 */
export type Expr =
  | { readonly ref: string }
  | { readonly num: number }
  | { readonly op: '+' | '-' | '*' | '/'; readonly a: Expr; readonly b: Expr };

export const ref = (name: string): Expr => ({ ref: name });
export const num = (value: number): Expr => ({ num: value });
export const add = (a: Expr, b: Expr): Expr => ({ op: '+', a, b });
export const sub = (a: Expr, b: Expr): Expr => ({ op: '-', a, b });
export const mul = (a: Expr, b: Expr): Expr => ({ op: '*', a, b });
export const div = (a: Expr, b: Expr): Expr => ({ op: '/', a, b });

/** Why an expression has no value: a denominator that is zero. */
export interface ZeroDenominator {
  readonly zero: Expr;
}

export function isZeroDenominator(v: number | ZeroDenominator): v is ZeroDenominator {
  return typeof v !== 'number';
}

/** Evaluates with the named values; a zero denominator is returned, not thrown. */
export function evaluate(expr: Expr, values: Readonly<Record<string, number>>): number | ZeroDenominator {
  if ('ref' in expr) {
    const v = values[expr.ref];
    if (v === undefined) throw new Error(`No value for ${expr.ref}`);
    return v;
  }
  if ('num' in expr) return expr.num;
  const a = evaluate(expr.a, values);
  if (isZeroDenominator(a)) return a;
  const b = evaluate(expr.b, values);
  if (isZeroDenominator(b)) return b;
  switch (expr.op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? { zero: expr.b } : a / b;
  }
}

/**
 * Compiles to a closure over positional values (`slot` gives each ref's position) for hot loops
 * such as a 100,000-row custom-function call: no allocation or name lookup per row, and a zero
 * denominator gives NaN instead of a ZeroDenominator object.
 */
export function compile(expr: Expr, slot: (ref: string) => number): (values: ArrayLike<number>) => number {
  if ('ref' in expr) {
    const i = slot(expr.ref);
    return (v) => v[i] as number;
  }
  if ('num' in expr) {
    const c = expr.num;
    return () => c;
  }
  const a = compile(expr.a, slot);
  const b = compile(expr.b, slot);
  switch (expr.op) {
    case '+':
      return (v) => a(v) + b(v);
    case '-':
      return (v) => a(v) - b(v);
    case '*':
      return (v) => a(v) * b(v);
    case '/':
      return (v) => {
        const d = b(v);
        return d === 0 ? Number.NaN : a(v) / d;
      };
  }
}

/** Replaces refs by constants (for defaulted optional inputs) and drops ×1. */
export function substitute(expr: Expr, constants: Readonly<Record<string, number>>): Expr {
  if ('ref' in expr) {
    const c = constants[expr.ref];
    return c === undefined ? expr : num(c);
  }
  if ('num' in expr) return expr;
  const a = substitute(expr.a, constants);
  const b = substitute(expr.b, constants);
  if (expr.op === '*' && 'num' in b && b.num === 1) return a;
  if (expr.op === '*' && 'num' in a && a.num === 1) return b;
  return { op: expr.op, a, b };
}

/** The names an expression reads. */
export function refsOf(expr: Expr): string[] {
  if ('ref' in expr) return [expr.ref];
  if ('num' in expr) return [];
  return [...new Set([...refsOf(expr.a), ...refsOf(expr.b)])];
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;

/**
 * Renders as infix text, naming each ref with `name` (a column name, a cell reference, a SUMIFS).
 * Parenthesises only where precedence asks for it.
 */
export function render(expr: Expr, name: (ref: string) => string, symbols = { mul: '*', div: '/' }): string {
  // `parent` is the operator this expression is an operand of; `right`, whether it is the right
  // operand. a − (b + c) and a ÷ (b × c) keep their brackets: the parent, not the operand, is the
  // operator that is not associative.
  const go = (e: Expr, parent: keyof typeof PRECEDENCE | null, right: boolean): string => {
    if ('ref' in e) return name(e.ref);
    if ('num' in e) return String(e.num);
    const p = PRECEDENCE[e.op];
    const op = e.op === '*' ? symbols.mul : e.op === '/' ? symbols.div : e.op;
    const text = `${go(e.a, e.op, false)}${op === '*' || op === '/' ? op : ` ${op} `}${go(e.b, e.op, true)}`;
    const q: number = parent === null ? 0 : PRECEDENCE[parent];
    const needs = p < q || (right && p === q && (parent === '-' || parent === '/'));
    return needs ? `(${text})` : text;
  };
  return go(expr, null, false);
}

/** Every denominator of the expression (for division guards). */
export function denominatorsOf(expr: Expr): Expr[] {
  if ('ref' in expr || 'num' in expr) return [];
  const inner = [...denominatorsOf(expr.a), ...denominatorsOf(expr.b)];
  return expr.op === '/' ? [expr.b, ...inner] : inner;
}
