/**
 * Custom functions as Sheets runs them: the bundle's cold start (evaluating dist/Code.js in a
 * fresh context, paid by every custom-function call), its size, and one call of each function
 * over a 100,000-row range. Targets (issue 2): < 20 ms, < 150 KB, < 50 ms.
 */
import { readFileSync, statSync } from 'node:fs';
import vm from 'node:vm';
import { CUSTOM_FUNCTIONS } from '../src/core/functions/catalog';
import { fmtMs, median, timeMs } from './timing';

const ROWS = 100_000;

/** Plausible inputs per parameter name (counts with rates in range, so rows compute). */
function column(param: string, fn: string, seed: number): unknown[][] {
  let x = seed;
  const rand = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  return Array.from({ length: ROWS }, () => {
    if (param === 'scores') return [Math.floor(rand() * 11)];
    if (param === 'kpi') return ['bounce_rate']; // KPI_STATUS, KPI_BENCHMARK: a KPI every profile agrees on
    if (/rate|margin/.test(param)) return [0.1 + rand() * 0.8];
    if (
      /^(conversions|clicks|opens|bounces|exits|unsubscribes|responses|customers_lost|new_customers|engagements)/.test(
        param,
      )
    )
      return [Math.floor(rand() * 50)];
    if (fn.startsWith('AB_') && param.startsWith('visitors')) return [1000];
    return [100 + Math.floor(rand() * 5000)];
  });
}

export async function run(): Promise<void> {
  const code = readFileSync('dist/Code.js', 'utf8');
  const size = statSync('dist/Code.js').size;
  const evals: number[] = [];
  for (let i = 0; i < 20; i++) {
    const ctx = vm.createContext({});
    const script = new vm.Script(code); // compile + run, as a cold Apps Script runtime does
    const t0 = performance.now();
    script.runInContext(ctx);
    evals.push(performance.now() - t0);
  }
  const compileAndRun: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    vm.runInContext(code, vm.createContext({}));
    compileAndRun.push(performance.now() - t0);
  }
  console.log(`bundle dist/Code.js: ${(size / 1024).toFixed(1)} KB (target < 150 KB)`);
  // The report engine: loaded only by the sidebar's calls, once per execution (load-engine.ts).
  const engine = readFileSync('dist/Engine.html', 'utf8');
  const engineLoads: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    vm.runInContext(
      `new Function(${JSON.stringify(`${engine}\nreturn MizanEngine;`)})()`,
      vm.createContext({}),
    );
    engineLoads.push(performance.now() - t0);
  }
  console.log(
    `report engine dist/Engine.html: ${(Buffer.byteLength(engine) / 1024).toFixed(1)} KB, loaded in ${fmtMs(median(engineLoads))} median (sidebar calls only)`,
  );
  console.log(
    `bundle evaluation in a fresh vm context: ${fmtMs(median(compileAndRun))} median incl. compile, ${fmtMs(median(evals))} run only (target < 20 ms)`,
  );

  // Calls are timed in this realm: a vm context intercepts every global lookup (Math, Number…),
  // which Apps Script's V8 does not, and would inflate the figures several times over.
  const names = CUSTOM_FUNCTIONS.map((f) => f.name).join(', ');
  const fns = vm.runInThisContext(`(function () {\n${code}\nreturn { ${names} };\n})()`) as Record<
    string,
    (...a: unknown[]) => unknown
  >;
  console.log(`one call over a ${ROWS.toLocaleString('en')}-row range (median of 7; target < 50 ms):`);
  let worst = 0;
  for (const spec of CUSTOM_FUNCTIONS) {
    const args = spec.params.map((p, i) =>
      p.optional ? undefined : column(p.name, spec.name, 17 + i * 101),
    );
    const fn = fns[spec.name] as (...a: unknown[]) => unknown;
    const ms = timeMs(() => fn(...args), 7, 2);
    worst = Math.max(worst, ms);
    console.log(`  ${spec.name.padEnd(22)} ${fmtMs(ms)}`);
  }
  console.log(`  slowest: ${fmtMs(worst)}`);

  // Issue 10: large counts leave the exact sum for the quadrature (Sheets stops a call at 30 s).
  const col = (v: (i: number) => number) => Array.from({ length: 100 }, (_, i) => [v(i)]);
  const [convA, convB, visitors] = [
    col((i) => 5e7 + i * 1000),
    col((i) => 5.001e7 + i * 1000),
    col(() => 1e9),
  ];
  const ab = fns.AB_CHANCE_TO_WIN as (...a: unknown[]) => unknown;
  console.log(
    `AB_CHANCE_TO_WIN, 100 rows of 5e7 conversions in 1e9 visitors (quadrature): ${fmtMs(timeMs(() => ab(convA, visitors, convB, visitors), 5, 1))}`,
  );
  console.log(
    `AB_CHANCE_TO_WIN, 100 rows of 50 vs 60 conversions in 1e15 visitors (exact sum): ${fmtMs(
      timeMs(
        () =>
          ab(
            col(() => 50),
            col(() => 1e15),
            col(() => 60),
            col(() => 1e15),
          ),
        5,
        1,
      ),
    )}`,
  );
}
