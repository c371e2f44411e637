/**
 * Issue 10, bug 8: a template JSON nested ~5,000 levels deep fits the size limit, and validating
 * it by recursion overflowed the stack. It is now a problem named like any other.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, importTemplate, validateTemplate } from '../../../src/core/templates';
import { MAX_TEMPLATE_DEPTH, nestingProblem } from '../../../src/core/templates/validate';

const deepText = (levels: number, field: string) =>
  JSON.stringify({ ...BUILTIN_TEMPLATES[0], [field]: 'X' }).replace(
    '"X"',
    `${'['.repeat(levels)}${']'.repeat(levels)}`,
  );

describe('deeply nested template JSON', () => {
  it.each(['kpis', 'name', 'groupBy', 'targets'])(
    '5,000 levels in %s: a clear problem from import',
    (field) => {
      const text = deepText(5000, field);
      expect(text.length).toBeLessThan(32_000); // under the size limit, so only the depth stops it
      expect(importTemplate(text)).toEqual({
        ok: false,
        problems: [
          {
            path: '',
            message: `the JSON is nested more than ${MAX_TEMPLATE_DEPTH} levels deep; a template is at most ${MAX_TEMPLATE_DEPTH}`,
          },
        ],
      });
    },
  );
  it('validateTemplate refuses a nested value it is handed directly', () => {
    let v: unknown = [];
    for (let i = 0; i < 5000; i++) v = { a: v };
    expect(validateTemplate(v).ok).toBe(false);
  });
  it('counts levels exactly at the limit', () => {
    let v: unknown = 1;
    for (let i = 0; i < MAX_TEMPLATE_DEPTH; i++) v = [v];
    expect(nestingProblem(v)).toBeNull();
    expect(nestingProblem([v])).not.toBeNull();
  });
  it('every built-in template is well within the limit', () => {
    for (const t of BUILTIN_TEMPLATES) expect(nestingProblem(t)).toBeNull();
  });
});
