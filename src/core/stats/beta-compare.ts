/**
 * P(p_B > p_A) for two Beta posteriors, exact while that is cheap and by quadrature beyond.
 *
 * Exact: E. Miller's sum (below) costs one step per term plus one per factor of its first
 * term, which is formed as a product of ratios rather than from log-gamma values: ln Γ(n) for
 * n near 1e12 is about 3e13, so a difference of four of them keeps only ~1e-3 of absolute
 * precision, which made 50/1e15 vs 60/1e15 come out 0.9994 instead of 0.8293.
 *
 * Quadrature: ∫ f_B(t) F_A(t) dt over t = ln p, with each log-density written relative to its
 * own mode (so no normalising constant, no log-gamma) and normalised numerically; Gauss–Legendre
 * panels half a standard deviation wide, the inner CDF integrated on the same panels. Checked
 * against the exact sum where both run (test/core/stats.test.ts): error below 1e-9, stated as 1e-6.
 */

/** Beta(a, b) parameters: a = 1 + conversions, b = 1 + failures. */
interface Beta {
  a: number;
  b: number;
}

/** Above this many steps the exact sum is left for the quadrature (about 2 ms in V8). */
export const EXACT_STEP_LIMIT = 200_000;

/** Largest count computed: past 2^53 whole numbers are no longer exact in a double. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** P(p_B > p_A), Beta(1 + conversions, 1 + failures) posteriors; counts whole, ≤ MAX_COUNT. */
export function chanceBBeatsA(convA: number, visA: number, convB: number, visB: number): number {
  const A = { a: 1 + convA, b: 1 + visA - convA };
  const B = { a: 1 + convB, b: 1 + visB - convB };
  const plan = cheapestExact(A, B);
  if (plan.cost <= EXACT_STEP_LIMIT) return plan.run();
  return byQuadrature(A, B);
}

/** The same by the exact sum whatever it costs (tests and the benchmark compare with it). */
export function chanceBBeatsAExact(convA: number, visA: number, convB: number, visB: number): number {
  return cheapestExact({ a: 1 + convA, b: 1 + visA - convA }, { a: 1 + convB, b: 1 + visB - convB }).run();
}

/** The same by quadrature whatever the counts. */
export function chanceBBeatsAQuadrature(convA: number, visA: number, convB: number, visB: number): number {
  return byQuadrature({ a: 1 + convA, b: 1 + visA - convA }, { a: 1 + convB, b: 1 + visB - convB });
}

// ---------------------------------------------------------------------------------------------
// Exact sum

/**
 * Of the four equivalent forms of the sum (swap the arms: P = 1 − P(A > B); swap conversions
 * and failures: P(p_B > p_A) = P(1 − p_A > 1 − p_B)), the one with the fewest steps.
 */
function cheapestExact(A: Beta, B: Beta): { cost: number; run: () => number } {
  const flipA = { a: A.b, b: A.a };
  const flipB = { a: B.b, b: B.a };
  const forms: { x: Beta; y: Beta; complement: boolean }[] = [
    { x: A, y: B, complement: false },
    { x: B, y: A, complement: true },
    { x: flipB, y: flipA, complement: false },
    { x: flipA, y: flipB, complement: true },
  ];
  let best = forms[0] as (typeof forms)[number];
  let bestCost = Number.POSITIVE_INFINITY;
  for (const f of forms) {
    const cost = f.y.a + Math.min(f.x.a, f.y.b);
    if (cost < bestCost) [best, bestCost] = [f, cost];
  }
  const { x, y, complement } = best;
  return {
    cost: bestCost,
    run: () => {
      const p = millerSum(x, y);
      return Math.min(1, Math.max(0, complement ? 1 - p : p));
    },
  };
}

/**
 * P(p_Y > p_X) = Σ_{i=0}^{a_Y−1} B(a_X+i, b_X+b_Y) / ((b_Y+i) B(1+i, b_Y) B(a_X, b_X))
 * (E. Miller, "Formulas for Bayesian A/B testing"). Successive terms differ by the factor
 * (a_X+i)(b_Y+i) / ((a_X+b_X+b_Y+i)(i+1)); terms are kept relative to a running scale.
 */
function millerSum(X: Beta, Y: Beta): number {
  let logScale = logFirstTerm(X, Y);
  let term = 1;
  let sum = 0;
  for (let i = 0; i < Y.a; i++) {
    sum += term;
    term *= ((X.a + i) * (Y.b + i)) / ((X.a + X.b + Y.b + i) * (i + 1));
    if (sum > 1e250) {
      sum /= 1e250;
      term /= 1e250;
      logScale += Math.log(1e250);
    }
  }
  return Math.exp(Math.log(sum) + logScale);
}

/**
 * ln[B(a_X, b_X+b_Y) / B(a_X, b_X)] as a product of ratios, over whichever of a_X, b_Y is
 * smaller: Π_{j<a_X} (b_X+j)/(b_X+b_Y+j) = Π_{j<b_Y} (b_X+j)/(a_X+b_X+j).
 */
function logFirstTerm(X: Beta, Y: Beta): number {
  const overA = X.a <= Y.b;
  const n = overA ? X.a : Y.b;
  const add = overA ? Y.b : X.a;
  let log = 0;
  let product = 1;
  for (let j = 0; j < n; j++) {
    product *= (X.b + j) / (X.b + add + j);
    if (product < 1e-250) {
      log += Math.log(product);
      product = 1;
    }
  }
  return log + Math.log(product);
}

// ---------------------------------------------------------------------------------------------
// Quadrature

/** 10-point Gauss–Legendre nodes and weights on [−1, 1] (Abramowitz & Stegun, table 25.4). */
const GL_X = [
  0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717,
];
const GL_W = [
  0.2955242247147529, 0.2692667193099963, 0.219086362515982, 0.1494513491505806, 0.0666713443086881,
];
const NODES: number[] = [];
const WEIGHTS: number[] = [];
for (let k = 0; k < 5; k++) {
  NODES.push(-(GL_X[k] as number), GL_X[k] as number);
  WEIGHTS.push(GL_W[k] as number, GL_W[k] as number);
}

/** e^s − 1 − s without cancellation for small s. */
function expm1MinusX(s: number): number {
  if (Math.abs(s) > 0.1) return Math.expm1(s) - s;
  let term = (s * s) / 2;
  let sum = term;
  for (let k = 3; k < 14; k++) {
    term *= s / k;
    sum += term;
  }
  return sum;
}

/** ln(1 − w) + w without cancellation for small w (w < 1). */
function log1pMinusPlus(w: number): number {
  if (Math.abs(w) > 0.1) return Math.log1p(-w) + w;
  let power = w * w;
  let sum = 0;
  for (let k = 2; k < 20; k++) {
    sum -= power / k;
    power *= w;
  }
  return sum;
}

/**
 * One arm on the axis t = ln p: the log-density relative to its mode t*, as a function of
 * s = t − t*, with α = a, β = b (density ∝ e^{a t}(1 − e^t)^{b−1}):
 *   ℓ(s) = −a (e^s − 1 − s) + (b−1)(ln(1 − w) + w),  w = a (e^s − 1)/(b − 1),
 * both parts ≤ 0 and computed without cancellation, so any count size keeps full precision.
 */
interface LogArm {
  logDensity: (s: number) => number;
  sigma: number;
  /** s range outside which the density is below e^-60 of its peak. */
  from: number;
  to: number;
  /** t* as ln(a) − ln(a + b − 1), in two parts so differences between arms stay exact. */
  logA: number;
  logTotal: number;
}

function logArm({ a, b }: Beta): LogArm {
  const m = b - 1; // ≥ 1 here (the caller orients so)
  const sigma = Math.sqrt(m / (a * (a + m))); // from ℓ''(0) = −a (a + m) / m
  const logDensity = (s: number): number => {
    const w = (a * Math.expm1(s)) / m;
    if (w >= 1) return Number.NEGATIVE_INFINITY;
    return -a * expm1MinusX(s) + m * log1pMinusPlus(w);
  };
  // Out from 12σ until the density is below e^-60 of its peak (left of the mode it falls only
  // like e^{a s}, so small a needs a wider range); right of it p = 1 ends the range.
  const end = Math.log1p(m / a);
  let from = 12 * sigma;
  while (logDensity(-from) > -60) from *= 1.5;
  let to = 12 * sigma;
  while (to < end && logDensity(to) > -60) to *= 1.5;
  to = Math.min(to, end);
  return { logDensity, sigma, from: -from, to, logA: Math.log(a), logTotal: Math.log(a + m) };
}

/**
 * ∫ f_B(t) F_A(t) dt on panels no wider than half of either arm's σ where that arm lives.
 * Orientation: the posterior of whichever of rate and failure rate is below ½ in the pooled
 * data, so both modes are inside (0, 1) with b − 1 ≥ 1.
 */
function byQuadrature(A: Beta, B: Beta): number {
  let [X, Y] = [A, B];
  const flip = A.a + B.a > A.b + B.b || A.b < 2 || B.b < 2;
  if (flip) {
    // P(p_B > p_A) = P(q_A > q_B) with q = 1 − p ~ Beta(b, a): B's role is now A's.
    [X, Y] = [
      { a: B.b, b: B.a },
      { a: A.b, b: A.a },
    ];
  }
  if (X.b < 2 || Y.b < 2) {
    // One arm all conversions, the other none, in both orientations: only tiny counts do
    // this and the exact sum is cheap for them.
    return chanceBBeatsAExact(A.a - 1, A.a + A.b - 2, B.a - 1, B.a + B.b - 2);
  }
  const ax = logArm(X);
  const ay = logArm(Y);
  // Common axis u = t − t*_X; Y's mode sits at shift.
  const shift = ay.logA - ax.logA + (ax.logTotal - ay.logTotal);
  const breaks = panelBreaks(ax, ay, shift);
  const fx = (u: number) => Math.exp(ax.logDensity(u));
  const fy = (u: number) => Math.exp(ay.logDensity(u - shift));
  let cdfX = 0; // unnormalised ∫ f_X up to the panel's left end
  let massY = 0;
  let joint = 0; // ∫ f_Y(u) ∫_{v<u} f_X(v) dv du
  for (let p = 0; p + 1 < breaks.length; p++) {
    const l = breaks[p] as number;
    const r = breaks[p + 1] as number;
    const half = (r - l) / 2;
    const mid = (r + l) / 2;
    let panelX = 0;
    let panelY = 0;
    let inner = 0;
    for (let i = 0; i < NODES.length; i++) {
      const u = mid + half * (NODES[i] as number);
      const w = half * (WEIGHTS[i] as number);
      panelX += w * fx(u);
      const yu = fy(u);
      if (yu === 0) continue;
      panelY += w * yu;
      // ∫_l^u f_X by the same rule on [l, u].
      const h2 = (u - l) / 2;
      const m2 = (u + l) / 2;
      let partial = 0;
      for (let j = 0; j < NODES.length; j++)
        partial += (WEIGHTS[j] as number) * fx(m2 + h2 * (NODES[j] as number));
      inner += w * yu * h2 * partial;
    }
    joint += cdfX * panelY + inner;
    cdfX += panelX;
    massY += panelY;
  }
  // P(X < Y): unflipped that is P(p_A < p_B); flipped, P(1 − p_B < 1 − p_A), the same event.
  return Math.min(1, Math.max(0, joint / (cdfX * massY)));
}

/** Panel ends: each arm's own grid of σ/2 steps over its range, merged and sorted. */
function panelBreaks(x: LogArm, y: LogArm, shift: number): number[] {
  const points: number[] = [];
  const grid = (arm: LogArm, offset: number) => {
    const step = arm.sigma / 2;
    const first = Math.floor(arm.from / step);
    const last = Math.ceil(arm.to / step);
    for (let k = first; k <= last; k++) points.push(offset + Math.min(arm.to, Math.max(arm.from, k * step)));
  };
  grid(x, 0);
  grid(y, shift);
  points.sort((p, q) => p - q);
  const out: number[] = [];
  for (const p of points) if (out.length === 0 || p > (out[out.length - 1] as number)) out.push(p);
  return out;
}
