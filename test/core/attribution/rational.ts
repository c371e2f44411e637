/**
 * Exact rational arithmetic (BigInt fractions) for the tests' independent oracles: the Markov
 * chain solved the textbook way, by Gauss–Jordan on fractions, with no rounding to hide behind.
 */
export interface Q {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y) [x, y] = [y, x % y];
  return x;
};

export function q(n: bigint | number, d: bigint | number = 1n): Q {
  let [nn, dd] = [BigInt(n), BigInt(d)];
  if (dd === 0n) throw new Error('division by zero');
  if (dd < 0n) [nn, dd] = [-nn, -dd];
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
}

export const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
export const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
export const isZero = (a: Q): boolean => a.n === 0n;
export const toNumber = (a: Q): number => Number(a.n) / Number(a.d);

/** x with M x = b, by Gauss–Jordan (any nonzero pivot: exact arithmetic needs no pivoting strategy). */
export function solveExact(m: Q[][], b: Q[]): Q[] {
  const n = b.length;
  const a = m.map((row, i) => [...row, b[i] as Q]);
  for (let k = 0; k < n; k++) {
    const p = a.findIndex((row, i) => i >= k && !isZero(row[k] as Q));
    if (p < 0) throw new Error('singular');
    [a[k], a[p]] = [a[p] as Q[], a[k] as Q[]];
    const pivot = (a[k] as Q[])[k] as Q;
    a[k] = (a[k] as Q[]).map((v) => div(v, pivot));
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const f = (a[i] as Q[])[k] as Q;
      if (isZero(f)) continue;
      a[i] = (a[i] as Q[]).map((v, j) => sub(v, mul(f, (a[k] as Q[])[j] as Q)));
    }
  }
  return a.map((row) => row[n] as Q);
}
