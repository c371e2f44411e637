/**
 * render() writes a KPI's expression as formula text (the report's live formulas and its
 * Definitions). The text must mean what the expression means: checked by evaluating random
 * expression trees directly and evaluating their rendered text with JavaScript's own parser.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { div, type Expr, mul, render, sub } from '../../../src/core/kpi/expr';

const VALUES: Record<string, number> = { a: 3, b: 5, c: 7, d: 11 };

/** The tree's value, by its own structure (not through render). */
function value(e: Expr): number {
  if ('ref' in e) return VALUES[e.ref] as number;
  if ('num' in e) return e.num;
  const a = value(e.a);
  const b = value(e.b);
  return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : a / b;
}

const leaf = fc.constantFrom<Expr>({ ref: 'a' }, { ref: 'b' }, { ref: 'c' }, { ref: 'd' }, { num: 2 });
const tree: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((t) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ op: fc.constantFrom('+', '-', '*', '/'), a: t('e'), b: t('e') }) as fc.Arbitrary<Expr>,
  ),
})).e;

describe('render', () => {
  it('keeps the brackets a non-associative operator needs on its right', () => {
    const ref = (r: string): Expr => ({ ref: r });
    expect(render(div(ref('cac'), mul(ref('revenue'), ref('margin'))), (r) => r)).toBe(
      'cac/(revenue*margin)',
    );
    expect(render(sub(ref('a'), sub(ref('b'), ref('c'))), (r) => r)).toBe('a - (b - c)');
    expect(render(div(ref('a'), div(ref('b'), ref('c'))), (r) => r)).toBe('a/(b/c)');
    // No brackets where none are needed.
    expect(render(mul(ref('a'), div(ref('b'), ref('c'))), (r) => r)).toBe('a*b/c');
  });

  it('gives text whose value is the expression value, for random expressions', () => {
    fc.assert(
      fc.property(tree, (e) => {
        const text = render(e, (r) => `v.${r}`);
        const got = new Function('v', `return ${text};`)(VALUES) as number;
        const want = value(e);
        // Relative: a*b/c and a*(b/c) are the same value, rounded in a different order.
        if (Number.isFinite(want))
          expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
        else expect(Number.isFinite(got)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
