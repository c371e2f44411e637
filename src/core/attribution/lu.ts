/**
 * Dense LU factorisation with partial pivoting (Gaussian elimination, row swaps recorded), for
 * the Markov model's linear systems: factor once, then solve for as many right-hand sides as needed.
 */

export interface Lu {
  readonly n: number;
  /** L below the diagonal (unit diagonal implied) and U on and above it, row-major. */
  readonly lu: Float64Array;
  /** Row i of the factors is row perm[i] of the matrix. */
  readonly perm: Int32Array;
}

/** Factors the n×n row-major matrix `a` (copied, not changed). Throws when it is singular. */
export function luFactor(a: Float64Array, n: number): Lu {
  const lu = Float64Array.from(a);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let k = 0; k < n; k++) {
    // The largest pivot in the column keeps the multipliers at most 1 in size.
    let p = k;
    let best = Math.abs(lu[k * n + k] as number);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k] as number);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(best > 0)) throw new Error(`singular matrix (column ${k + 1} of ${n})`);
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j] as number;
        lu[k * n + j] = lu[p * n + j] as number;
        lu[p * n + j] = t;
      }
      const t = perm[k] as number;
      perm[k] = perm[p] as number;
      perm[p] = t;
    }
    const pivot = lu[k * n + k] as number;
    for (let i = k + 1; i < n; i++) {
      const m = (lu[i * n + k] as number) / pivot;
      lu[i * n + k] = m;
      if (m === 0) continue;
      for (let j = k + 1; j < n; j++)
        lu[i * n + j] = (lu[i * n + j] as number) - m * (lu[k * n + j] as number);
    }
  }
  return { n, lu, perm };
}

/** x with A x = b. */
export function luSolve({ n, lu, perm }: Lu, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[perm[i] as number] as number;
    for (let j = 0; j < i; j++) s -= (lu[i * n + j] as number) * (x[j] as number);
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i] as number;
    for (let j = i + 1; j < n; j++) s -= (lu[i * n + j] as number) * (x[j] as number);
    x[i] = s / (lu[i * n + i] as number);
  }
  return x;
}

/** y with Aᵀ y = b (P A = L U, so Aᵀ = Uᵀ Lᵀ P: solve Uᵀ z = b, Lᵀ w = z, y = Pᵀ w). */
export function luSolveTransposed({ n, lu, perm }: Lu, b: ArrayLike<number>): Float64Array {
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i] as number;
    for (let j = 0; j < i; j++) s -= (lu[j * n + i] as number) * (z[j] as number);
    z[i] = s / (lu[i * n + i] as number);
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i] as number;
    for (let j = i + 1; j < n; j++) s -= (lu[j * n + i] as number) * (z[j] as number);
    z[i] = s;
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[perm[i] as number] = z[i] as number;
  return y;
}
