import { describe, expect, it } from 'vitest';
import { luFactor, luSolve, luSolveTransposed } from '../../../src/core/attribution/lu';

describe('LU with partial pivoting', () => {
  // A has a 0 in its first pivot position, so the solve must swap rows.
  // A = [[0, 2, 1], [1, 1, 1], [2, 1, 0]], x = (1, 2, 3) → A x = (7, 6, 4); Aᵀ y with y = (1, 2, 3) → (8, 7, 3).
  const a = Float64Array.from([0, 2, 1, 1, 1, 1, 2, 1, 0]);
  it('solves A x = b for a matrix that needs a row swap', () => {
    const x = luSolve(luFactor(a, 3), [7, 6, 4]);
    expect([...x]).toEqual([1, 2, 3].map((v) => expect.closeTo(v, 13)));
  });
  it('solves Aᵀ y = b with the same factors', () => {
    const y = luSolveTransposed(luFactor(a, 3), [8, 7, 3]);
    expect([...y]).toEqual([1, 2, 3].map((v) => expect.closeTo(v, 13)));
  });
  it('leaves the matrix it factors unchanged', () => {
    const copy = Float64Array.from(a);
    luFactor(a, 3);
    expect(a).toEqual(copy);
  });
  it('refuses a singular matrix instead of returning infinities', () => {
    // Second row = 2 × first; third row = first.
    expect(() => luFactor(Float64Array.from([1, 2, 2, 4]), 2)).toThrow(/singular/);
    expect(() => luFactor(Float64Array.from([1, 2, 3, 0, 1, 1, 1, 2, 3]), 3)).toThrow(/singular/);
  });
});
