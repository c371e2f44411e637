/**
 * Independent acceptance checks for `mizan report --engine duckdb` (issue 14), written from the
 * issue, docs/scale-out.md, `mizan report --help` and DuckDB's behaviour only — never from src/.
 *
 * The promise: `--engine duckdb` gives exactly the JavaScript engine's report (numbers to 1e-9
 * relative, row counts equal) with a note starting "Summed by DuckDB", or falls back to the
 * JavaScript engine with a note "Read by the JavaScript engine, not DuckDB (--engine duckdb): <why>"
 * — never a silently different number. Both engines leave out a summary row (each measure the sum
 * of all the other rows).
 *
 * Focus (the latest change): DuckDB now runs on a worker thread, and skips looking for negative
 * numbers when a byte scan of the file finds no "-" that could start a number cell. A missed
 * negative matters most for the summary-row test: a summary row's pair (group, date) also holding
 * a refund row has a pair sum below half the total, so a check that assumes "no negatives" would
 * not look for the summary row there and would sum it in (the total doubled, silently).
 *
 * So each case writes a CSV whose negatives sit far below the first rows, written in many ways,
 * with and without such a summary row, and runs the prebuilt command once per engine. Expected
 * totals come from the arithmetic of the generator (the summary row left out), and every field of
 * the DuckDB run's JSON must equal the JavaScript run's once the engine's own note is removed.
 * Large files put a critical byte ("-", "+-", a quote beside a blank, "_") at 8 MiB and 16 MiB
 * from the start, where the byte scan changes pieces.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/mizan.mjs');
const dir = mkdtempSync(join(tmpdir(), 'mizan-duckdb-neg-'));
const SUMMED = 'Summed by DuckDB';
const FELL_BACK = 'Read by the JavaScript engine, not DuckDB (--engine duckdb): ';
const MIB8 = 8 * 1024 * 1024;
const RUN_TIMEOUT_MS = 120_000;

// ---------------------------------------------------------------------------------------------
// Running the prebuilt command

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Report = { [k: string]: Json };
interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stderr: string;
  json: Report | null;
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(process.execPath, [CLI, ...args], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let timedOut = false;
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, RUN_TIMEOUT_MS);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, timedOut, stderr, json: null });
    });
  });
}

let seq = 0;
async function report(file: string, engine: 'js' | 'duckdb', env: Record<string, string> = {}): Promise<Run> {
  seq += 1;
  const out = join(dir, `out-${seq}-${engine}.json`);
  let run = await runCli(['report', file, '--json', out, '--quiet', '--engine', engine], env);
  // Others rebuild dist/ on this machine: a run that found the bundle half-written is run again.
  for (let attempt = 0; attempt < 5 && /Cannot find module '[^']*dist\/cli/.test(run.stderr); attempt++) {
    await new Promise((r) => setTimeout(r, 3000));
    run = await runCli(['report', file, '--json', out, '--quiet', '--engine', engine], env);
  }
  if (run.status === 0 && existsSync(out)) run.json = JSON.parse(await readFile(out, 'utf8')) as Report;
  return run;
}

/** Runs tasks two at a time (the machine has two cores). */
async function pool<T>(tasks: (() => Promise<T>)[], width = 2): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      const task = tasks[i];
      if (task) results[i] = await task();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------
// Comparing reports

function noteMessages(r: Report): string[] {
  const notes = (r.notes ?? []) as { message: string }[];
  return notes.map((n) => n.message);
}

function engineNotes(r: Report): string[] {
  return noteMessages(r).filter((m) => m.startsWith(SUMMED) || m.startsWith(FELL_BACK));
}

function withoutEngineNote(r: Report): Report {
  const notes = ((r.notes ?? []) as { message: string }[]).filter(
    (n) => !(n.message.startsWith(SUMMED) || n.message.startsWith(FELL_BACK)),
  );
  return { ...r, notes: notes as unknown as Json };
}

/** Paths where a and b differ: numbers to 1e-9 relative, everything else exactly. */
function diff(a: Json | undefined, b: Json | undefined, path: string, out: string[]): void {
  if (out.length > 20) return;
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))) return;
    out.push(`${path}: js ${a} vs duckdb ${b}`);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: length js ${a.length} vs duckdb ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) diff(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diff(a[k], b[k], `${path}.${k}`, out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(`${path}: js ${JSON.stringify(a)?.slice(0, 200)} vs duckdb ${JSON.stringify(b)?.slice(0, 200)}`);
  }
}

interface Outcome {
  name: string;
  js: Run;
  duck: Run;
  expected?: Expected;
}
interface Expected {
  rows: number;
  cost?: number;
  revenue?: number;
}

const outcomes: string[] = [];

function totals(r: Report): { rows: number; measures: Record<string, number> } {
  return r.totals as unknown as { rows: number; measures: Record<string, number> };
}

/** The whole promise for one case; returns the problems found (empty when it holds). */
function judge(o: Outcome): string[] {
  const problems: string[] = [];
  for (const [engine, run] of [
    ['js', o.js],
    ['duckdb', o.duck],
  ] as const) {
    if (run.timedOut) problems.push(`${engine}: did not exit within ${RUN_TIMEOUT_MS} ms`);
    if (run.status !== 0)
      problems.push(`${engine}: exit status ${run.status} (${run.signal}) ${run.stderr.slice(0, 300)}`);
    if (run.status === 0 && !run.json) problems.push(`${engine}: no JSON written`);
  }
  if (!o.js.json || !o.duck.json) {
    outcomes.push(`FAIL ${o.name}\n      ${problems.join('\n      ').slice(0, 600)}`);
    return problems;
  }
  const notes = engineNotes(o.duck.json);
  if (notes.length !== 1)
    problems.push(`duckdb run: ${notes.length} engine notes (${JSON.stringify(notes)})`);
  else if (notes[0]?.startsWith(FELL_BACK) && notes[0].length <= FELL_BACK.length + 2)
    problems.push('duckdb run: fallback note without a reason');
  if (engineNotes(o.js.json).length !== 0) problems.push('js run: carries an engine note');
  const d: string[] = [];
  diff(o.js.json, withoutEngineNote(o.duck.json), '$', d);
  problems.push(...d);
  if (o.expected) {
    for (const [engine, r] of [
      ['js', o.js.json],
      ['duckdb', o.duck.json],
    ] as const) {
      const t = totals(r);
      if (t.rows !== o.expected.rows)
        problems.push(`${engine}: totals.rows ${t.rows}, arithmetic says ${o.expected.rows}`);
      for (const m of ['cost', 'revenue'] as const) {
        const want = o.expected[m];
        if (want === undefined) continue;
        const got = t.measures[m];
        if (typeof got !== 'number' || Math.abs(got - want) > 1e-9 * Math.abs(want))
          problems.push(`${engine}: totals.${m} ${got}, arithmetic says ${want}`);
      }
    }
  }
  const which = notes[0]?.startsWith(SUMMED) ? 'summed' : notes[0]?.startsWith(FELL_BACK) ? 'fell back' : '?';
  outcomes.push(
    `${problems.length ? 'FAIL' : 'ok  '} ${o.name} [${which}] ${notes[0]?.slice(0, 140) ?? ''}${problems.length ? `\n      ${problems.join('\n      ')}` : ''}`,
  );
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Generating CSVs (every number an integer or a multiple of 1/4, so sums are exact)

const day = (d: number) => `2025-01-${String(6 + d).padStart(2, '0')}`; // 2025-01-06 is a Monday
const baseCost = (i: number) => (i === 0 ? 10.75 : 10 + ((i * 37) % 90)); // "10.75" settles "." early
const baseRev = (i: number) => 20 + ((i * 53) % 200);
// Refund and summary rows share the pair (G03, 2025-01-10): no base row has it (G03 rows have odd
// i, hence an odd day offset), so the pair's sum is the summary plus the (negative) refunds.
const PAIR_GROUP = 'G03';
const PAIR_DATE = day(4);

interface Form {
  name: string;
  cell: (v: number) => string;
  /** The value the cell reads as, when the README/docs promise it; undefined: compare only. */
  value?: (v: number) => number;
}

const FORMS: [Form, ...Form[]] = [
  { name: 'plain "-7"', cell: (v) => `-${v}`, value: (v) => -v },
  { name: 'after a blank " -7"', cell: (v) => ` -${v}`, value: (v) => -v },
  { name: 'after a tab "\\t-7"', cell: (v) => `\t-${v}` },
  { name: 'after a vertical tab "\\v-7"', cell: (v) => `\v-${v}` },
  { name: 'after a form feed "\\f-7"', cell: (v) => `\f-${v}` },
  { name: 'after a no-break space', cell: (v) => `\u00a0-${v}` },
  { name: 'quoted "\\"-7\\""', cell: (v) => `"-${v}"`, value: (v) => -v },
  { name: 'quoted after a blank "\\" -7\\""', cell: (v) => `" -${v}"` },
  { name: 'quoted after a vertical tab', cell: (v) => `"\v-${v}"` },
  { name: 'quoted after a line break', cell: (v) => `"\n-${v}"` },
  { name: 'quoted after a CR', cell: (v) => `"\r-${v}"` },
  { name: 'trailing blank "-7 "', cell: (v) => `-${v} `, value: (v) => -v },
  { name: 'decimals "-7.25"', cell: (v) => `-${v}.25`, value: (v) => -(v + 0.25) },
  { name: 'leading point "-.5"', cell: () => '-.5' },
  { name: 'exponent "-7e3"', cell: (v) => `-${v}e3` },
  { name: 'exponent "-7E+3"', cell: (v) => `-${v}E+3` },
  { name: 'exponent with negative power "-7e-2"', cell: (v) => `-${v}e-2` },
  { name: 'Unicode minus "−7"', cell: (v) => `\u2212${v}` },
  { name: 'parentheses "(7)"', cell: (v) => `(${v})`, value: (v) => -v },
  { name: 'sign then blank "- 7"', cell: (v) => `- ${v}` },
  { name: 'plus-minus "+-7"', cell: (v) => `+-${v}` },
  { name: 'trailing minus "7-"', cell: (v) => `${v}-` },
];

interface Layout {
  delim: string;
  eol: string;
  costFirst?: boolean; // Cost, Revenue, Channel, Campaign, Date: a measure starts each line
  noFinalEol?: boolean;
}
const COMMA: Layout = { delim: ',', eol: '\n' };

interface Spec {
  n: number;
  layout: Layout;
  /** How negative refund cells are written; null: no refunds. */
  form: Form | null;
  refundAt: number[];
  /** Negative in cost only, or in both measures. */
  refundBoth: boolean;
  summary: 'none' | 'last' | 'middle' | 'labelless';
  campaign?: (i: number) => string;
  /** Replaces the cost cell of one row (after the first rows) by this text. */
  oddCell?: { at: number; text: string };
}

interface Built {
  text: string;
  expected: Expected | undefined;
}

function line(layout: Layout, ch: string, camp: string, date: string, cost: string, rev: string): string {
  const cells = layout.costFirst ? [cost, rev, ch, camp, date] : [ch, camp, date, cost, rev];
  return cells.join(layout.delim);
}

function build(spec: Spec): Built {
  const { layout } = spec;
  const header = layout.costFirst
    ? ['Cost', 'Revenue', 'Channel', 'Campaign', 'Date']
    : ['Channel', 'Campaign', 'Date', 'Cost', 'Revenue'];
  const lines = [header.join(layout.delim)];
  let cost = 0;
  let rev = 0;
  let known = true;
  const refunds = new Set(spec.refundAt);
  const summaryIndex = spec.summary === 'middle' ? Math.floor(spec.n / 2) : spec.n;
  const dataLines: string[] = [];
  for (let i = 0; i < spec.n; i++) {
    const camp = spec.campaign ? spec.campaign(i) : `Camp ${i % 7}`;
    if (spec.form && refunds.has(i)) {
      const c = 5 + (i % 7);
      const r = 40 + (i % 11);
      const f = spec.form;
      dataLines.push(
        line(layout, PAIR_GROUP, 'Refund', PAIR_DATE, f.cell(c), spec.refundBoth ? f.cell(r) : String(r)),
      );
      if (f.value) {
        cost += f.value(c);
        rev += spec.refundBoth ? f.value(r) : r;
      } else known = false;
      continue;
    }
    if (spec.oddCell && spec.oddCell.at === i) {
      dataLines.push(
        line(
          layout,
          `G${String(i % 20).padStart(2, '0')}`,
          camp,
          day(i % 14),
          spec.oddCell.text,
          String(baseRev(i)),
        ),
      );
      known = false;
      rev += baseRev(i);
      continue;
    }
    dataLines.push(
      line(
        layout,
        `G${String(i % 20).padStart(2, '0')}`,
        camp,
        day(i % 14),
        String(baseCost(i)),
        String(baseRev(i)),
      ),
    );
    cost += baseCost(i);
    rev += baseRev(i);
  }
  if (spec.summary !== 'none') {
    if (!known) throw new Error('a summary row needs known values');
    const s =
      spec.summary === 'labelless'
        ? line(layout, '', '', '', String(cost), String(rev))
        : line(layout, PAIR_GROUP, 'Summary', PAIR_DATE, String(cost), String(rev));
    dataLines.splice(summaryIndex, 0, s);
  }
  const text = lines.concat(dataLines).join(layout.eol) + (layout.noFinalEol ? '' : layout.eol);
  // A cell nothing promises how to read: no arithmetic (its row may even be left out), the engines
  // are compared. An odd cell in cost only: the row stays (it has a revenue), its cost is unknown.
  const expected = known
    ? { rows: spec.n, cost, revenue: rev }
    : spec.oddCell && !spec.form
      ? { rows: spec.n, revenue: rev }
      : undefined;
  return { text, expected };
}

// ---------------------------------------------------------------------------------------------
// Cases

interface Case {
  name: string;
  file: string;
  env?: Record<string, string>;
  expected?: Expected;
  /** The DuckDB run must have summed (a plain file: the fast path is real). */
  mustSum?: boolean;
  /** Written just before it runs, and deleted after (large files). */
  make?: () => Built;
}

const HEAD_ENV = { MIZAN_DUCKDB_HEAD_ROWS: '5' };
const N = 400;
const REFUNDS = [233, 371];

function writeCase(name: string, built: Built, extra: Partial<Case> = {}, ext = 'csv'): Case {
  const file = join(dir, `${name.replace(/[^A-Za-z0-9]+/g, '_').slice(0, 60)}-${seq++}.${ext}`);
  writeFileSync(file, built.text);
  return { name, file, env: HEAD_ENV, expected: built.expected, ...extra };
}

function lazyCase(name: string, make: () => Built, extra: Partial<Case> = {}): Case {
  const file = join(dir, `${name.replace(/[^A-Za-z0-9]+/g, '_').slice(0, 60)}-${seq++}.csv`);
  return { name, file, env: HEAD_ENV, make, ...extra };
}

function mediumCases(): Case[] {
  const cases: Case[] = [];
  cases.push(
    writeCase(
      'clean, no "-" but dates',
      build({ n: N, layout: COMMA, form: null, refundAt: [], refundBoth: false, summary: 'none' }),
      {
        mustSum: true,
      },
    ),
  );
  cases.push(
    writeCase(
      'clean + summary row (no negatives)',
      build({ n: N, layout: COMMA, form: null, refundAt: [], refundBoth: false, summary: 'last' }),
    ),
  );
  cases.push(
    writeCase(
      'labels with dashes ("Brand - Search", "Q1-Promo", "-Promo"), exponent-free, + summary',
      build({
        n: N,
        layout: COMMA,
        form: null,
        refundAt: [],
        refundBoth: false,
        summary: 'last',
        campaign: (i) => ['Brand - Search', 'Q1-Promo', '-Promo', 'Spring - 2025-01', 'A -1'][i % 5] ?? '',
      }),
    ),
  );
  for (const form of FORMS) {
    for (const summary of ['none', 'last'] as const) {
      if (summary === 'last' && !form.value) continue;
      cases.push(
        writeCase(
          `${form.name}, both measures${summary === 'last' ? ", + summary row in the refunds' pair" : ''}`,
          build({ n: N, layout: COMMA, form, refundAt: REFUNDS, refundBoth: true, summary }),
        ),
      );
    }
  }
  // Summary rows whose pair holds refunds in every layout a CSV can have.
  const plain: Form = FORMS[0];
  const layouts: [string, Layout][] = [
    ['";" delimiter', { delim: ';', eol: '\n' }],
    ['tab delimiter', { delim: '\t', eol: '\n' }],
    ['"|" delimiter', { delim: '|', eol: '\n' }],
    ['CRLF', { delim: ',', eol: '\r\n' }],
    ['measure first column (line starts with "-")', { delim: ',', eol: '\n', costFirst: true }],
    ['measure first column + CRLF', { delim: ',', eol: '\r\n', costFirst: true }],
    ['measure first column, ";" + CRLF', { delim: ';', eol: '\r\n', costFirst: true }],
    ['measure first column, tab', { delim: '\t', eol: '\n', costFirst: true }],
    ['no final line break', { delim: ',', eol: '\n', noFinalEol: true }],
  ];
  for (const [lname, layout] of layouts) {
    cases.push(
      writeCase(
        `${lname}: "-7" in both measures + summary row`,
        build({ n: N, layout, form: plain, refundAt: REFUNDS, refundBoth: true, summary: 'last' }),
      ),
    );
  }
  cases.push(
    writeCase(
      'negative in cost only (last-but-one column) + summary row',
      build({ n: N, layout: COMMA, form: plain, refundAt: REFUNDS, refundBoth: false, summary: 'last' }),
    ),
  );
  cases.push(
    writeCase(
      'negative in cost only, cost first column, CRLF + summary row',
      build({
        n: N,
        layout: { delim: ',', eol: '\r\n', costFirst: true },
        form: plain,
        refundAt: REFUNDS,
        refundBoth: false,
        summary: 'last',
      }),
    ),
  );
  cases.push(
    writeCase(
      'refund is the last line (no final line break), summary row in the middle',
      build({
        n: N,
        layout: { ...COMMA, noFinalEol: true },
        form: plain,
        refundAt: [N - 1],
        refundBoth: true,
        summary: 'middle',
      }),
    ),
  );
  cases.push(
    writeCase(
      'one refund only, quoted, tab delimiter + summary row',
      build({
        n: N,
        layout: { delim: '\t', eol: '\n' },
        form: FORMS.find((f) => f.name.startsWith('quoted "')) ?? null,
        refundAt: [300],
        refundBoth: true,
        summary: 'last',
      }),
    ),
  );
  cases.push(
    writeCase(
      '"-0" and "-0.0" cells',
      build({
        n: N,
        layout: COMMA,
        form: { name: '-0', cell: (v) => (v % 2 ? '-0' : '-0.0'), value: () => 0 },
        refundAt: REFUNDS,
        refundBoth: true,
        summary: 'none',
      }),
    ),
  );
  cases.push(
    writeCase(
      'exponents with "-" only (6.9e-8, 1E-5), no negative number',
      build({
        n: N,
        layout: COMMA,
        form: null,
        refundAt: [],
        refundBoth: false,
        summary: 'none',
        oddCell: { at: 250, text: '6.9e-8' },
      }),
    ),
  );
  cases.push(
    writeCase(
      'exponent 1E-5 far below + summary row impossible to confuse',
      build({
        n: N,
        layout: COMMA,
        form: null,
        refundAt: [],
        refundBoth: false,
        summary: 'none',
        oddCell: { at: 390, text: '1E-5' },
      }),
    ),
  );
  for (const text of ['inf', '-inf', 'nan', '1_000', '1e400', '0x10', 'n/a']) {
    cases.push(
      writeCase(
        `odd number cell "${text}" far below`,
        build({
          n: N,
          layout: COMMA,
          form: null,
          refundAt: [],
          refundBoth: false,
          summary: 'none',
          oddCell: { at: 333, text },
        }),
      ),
    );
  }
  return cases;
}

/**
 * A file a bit over `minBytes` whose only "-" that starts a number is at byte `offset` (0-based),
 * in the refund row of the summary row's pair; the summary row is last. `context` is what precedes
 * the "-": a comma, a blank, a quote, or a line break (the measure then is the first column).
 */
function bigWithCritical(
  offset: number,
  context: 'comma' | 'blank' | 'quote' | 'lf' | 'crlf' | 'plusminus' | 'quote-blank' | 'underscore',
  withSummary: boolean,
  minBytes: number,
): Built {
  const layout: Layout =
    context === 'lf' || context === 'crlf'
      ? { delim: ',', eol: context === 'crlf' ? '\r\n' : '\n', costFirst: true }
      : { delim: ',', eol: '\n' };
  const refundValue = 7;
  let refundCell = `-${refundValue}`;
  let critInCell = 0; // where the critical byte sits in the refund cell
  if (context === 'blank') {
    refundCell = ` -${refundValue}`;
    critInCell = 1;
  } else if (context === 'quote') {
    refundCell = `"-${refundValue}"`;
    critInCell = 1;
  } else if (context === 'plusminus') {
    refundCell = `+-${refundValue}`;
    critInCell = 1;
  } else if (context === 'underscore') {
    refundCell = '1_007';
    critInCell = 1;
  }
  const eolLen = layout.eol.length;
  const header = layout.costFirst
    ? 'Cost,Revenue,Channel,Campaign,Date'
    : 'Channel,Campaign,Date,Cost,Revenue';
  const parts: string[] = [header + layout.eol];
  let size = header.length + layout.eol.length;
  let cost = 0;
  let rev = 0;
  let rows = 0;
  const addRow = (ch: string, camp: string, date: string, c: number, r: number) => {
    const s = line(layout, ch, camp, date, String(c), String(r)) + layout.eol;
    parts.push(s);
    size += s.length;
    cost += c;
    rev += r;
    rows++;
  };
  // Long campaign names keep the file under ~85,000 rows: a summary row in a file of over
  // ~110,000 rows crashes both engines (the case 'a summary row in 130,000 rows' below).
  const pad = 'p'.repeat(Math.max(0, Math.round(minBytes / 80_000) - 30));
  let i = 0;
  const refundRev = 41;
  let critLine: string;
  let critPos: number;
  if (context === 'quote-blank') {
    // ` "G04"` at the start of a line: the blank just before `offset`, the quote at it.
    critLine = ` "G04",Camp 4,${day(2)},12,30${layout.eol}`;
    critPos = 1;
  } else {
    critLine = line(layout, PAIR_GROUP, 'Refund', PAIR_DATE, refundCell, String(refundRev)) + layout.eol;
    critPos = critLine.indexOf(refundCell) + critInCell;
  }
  while (size + 400 < offset - critPos) {
    addRow(
      `G${String(i % 20).padStart(2, '0')}`,
      `Camp ${i % 7} ${pad}`,
      day(i % 14),
      baseCost(i),
      baseRev(i),
    );
    i++;
  }
  // One filler row of the exact length that puts the critical byte at `offset`.
  const gap = offset - critPos - size;
  const fixed = line(layout, 'G05', 'Camp ', day(1), '12', '30').length + eolLen;
  addRow('G05', `Camp ${'x'.repeat(gap - fixed)}`, day(1), 12, 30);
  if (size + critPos !== offset) throw new Error(`placement: ${size + critPos} ≠ ${offset}`);
  parts.push(critLine);
  size += critLine.length;
  rows++;
  let costKnown = true;
  if (context === 'quote-blank') {
    cost += 12;
    rev += 30;
  } else if (context === 'plusminus') {
    costKnown = false; // "+-7": promised nothing about it; the engines are compared
    rev += refundRev;
  } else if (context === 'underscore') {
    costKnown = false;
    rev += refundRev;
  } else {
    cost -= refundValue;
    rev += refundRev;
  }
  while (size < minBytes) {
    addRow(
      `G${String(i % 20).padStart(2, '0')}`,
      `Camp ${i % 7} ${pad}`,
      day(i % 14),
      baseCost(i),
      baseRev(i),
    );
    i++;
  }
  if (withSummary) {
    if (!costKnown) throw new Error('summary needs known values');
    const s = line(layout, PAIR_GROUP, 'Summary', PAIR_DATE, String(cost), String(rev)) + layout.eol;
    parts.push(s);
  }
  const text = parts.join('');
  const dashCount = (text.match(/(^|[,\n\r" +])-/g) ?? []).length;
  if (context !== 'quote-blank' && context !== 'underscore' && dashCount !== 1)
    throw new Error(`expected one number-starting "-", found ${dashCount}`);
  return { text, expected: costKnown ? { rows, cost, revenue: rev } : { rows, revenue: rev } };
}

function bigCases(): Case[] {
  const cases: Case[] = [];
  const min8 = MIB8 + 200_000;
  const min16 = 2 * MIB8 + 200_000;
  for (let offset = MIB8 - 2; offset <= MIB8 + 2; offset++) {
    for (const context of ['comma', 'crlf', 'quote'] as const) {
      cases.push(
        lazyCase(
          `8 MiB: "-" (after ${context}) at byte ${offset} + summary row`,
          () => bigWithCritical(offset, context, true, min8),
          {
            env: {},
          },
        ),
      );
    }
  }
  for (const offset of [MIB8 - 1, MIB8]) {
    cases.push(
      lazyCase(
        `8 MiB: " -7" with "-" at ${offset} + summary`,
        () => bigWithCritical(offset, 'blank', true, min8),
        { env: {} },
      ),
    );
    cases.push(
      lazyCase(
        `8 MiB: "\\n-7" (LF) at ${offset} + summary`,
        () => bigWithCritical(offset, 'lf', true, min8),
        {
          env: {},
        },
      ),
    );
  }
  for (const offset of [2 * MIB8 - 1, 2 * MIB8]) {
    cases.push(
      lazyCase(
        `16 MiB: "-" at byte ${offset} + summary`,
        () => bigWithCritical(offset, 'comma', true, min16),
        {
          env: {},
        },
      ),
    );
  }
  for (const offset of [MIB8 - 1, MIB8]) {
    cases.push(
      lazyCase(
        `8 MiB: "+-7" with its "-" at ${offset}`,
        () => bigWithCritical(offset, 'plusminus', false, min8),
        {
          env: {},
        },
      ),
    );
    cases.push(
      lazyCase(
        `8 MiB: a line starting ' "G04"' with the quote at ${offset}`,
        () => bigWithCritical(offset, 'quote-blank', false, min8),
        {
          env: {},
        },
      ),
    );
  }
  cases.push(
    lazyCase(`8 MiB: "1_007" with "_" at ${MIB8}`, () => bigWithCritical(MIB8, 'underscore', false, min8), {
      env: {},
    }),
  );
  cases.push(
    lazyCase(
      'a label-less summary row in 130,000 rows (no negatives)',
      () =>
        build({
          n: 130_000,
          layout: COMMA,
          form: null,
          refundAt: [],
          refundBoth: false,
          summary: 'labelless',
        }),
      { env: {} },
    ),
  );
  cases.push(
    lazyCase('8 MiB, plain, no summary (control)', () => bigWithCritical(MIB8, 'comma', false, min8), {
      env: {},
      mustSum: true,
    }),
  );
  return cases;
}

// ---------------------------------------------------------------------------------------------

const results = new Map<string, Outcome>();
const medium: Case[] = mediumCases();
const big: Case[] = bigCases();

async function runCase(c: Case): Promise<void> {
  if (c.make) {
    const built = c.make();
    c.expected = built.expected;
    writeFileSync(c.file, built.text);
  }
  const js = await report(c.file, 'js', c.env);
  const duck = await report(c.file, 'duckdb', c.env);
  results.set(c.name, { name: c.name, js, duck, expected: c.expected });
}

beforeAll(async () => {
  if (!existsSync(CLI)) {
    const built = spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`node build.mjs failed:\n${built.stderr}`);
  }
  await pool(medium.map((c) => () => runCase(c)));
}, 400_000);

afterAll(() => {
  const text = `duckdb negatives/threads acceptance:\n${outcomes.join('\n')}\n`;
  console.log(text);
  rmSync(dir, { recursive: true, force: true });
});

describe('negatives below the first rows, in every way a CSV writes them (DuckDB after row 5)', () => {
  it.each(medium.map((c) => c.name))('%s', (name) => {
    const o = results.get(name);
    expect(o, `case ${name} ran`).toBeDefined();
    if (!o) return;
    expect(judge(o)).toEqual([]);
    const c = medium.find((x) => x.name === name);
    if (c?.mustSum)
      expect(engineNotes(o.duck.json ?? {})[0]?.startsWith(SUMMED), 'plain file summed by DuckDB').toBe(true);
  });
});

describe('a critical byte around 8 MiB and 16 MiB (default first rows: DuckDB after row 500)', () => {
  beforeAll(async () => {
    // Each file is written just before its runs and deleted after them, two at once.
    await pool(
      big.map((c) => async () => {
        await runCase(c);
        rmSync(c.file, { force: true });
      }),
    );
  }, 400_000);

  it.each(big.map((c) => c.name))('%s', (name) => {
    const o = results.get(name);
    expect(o, `case ${name} ran`).toBeDefined();
    if (!o) return;
    expect(judge(o)).toEqual([]);
    const c = big.find((x) => x.name === name);
    if (c?.mustSum)
      expect(engineNotes(o.duck.json ?? {})[0]?.startsWith(SUMMED), 'plain file summed by DuckDB').toBe(true);
  });
});

describe('the threaded run', () => {
  let clean: Built;
  let cleanFile: string;
  beforeAll(() => {
    mkdirSync(join(dir, 'threads'), { recursive: true });
    clean = build({ n: 3000, layout: COMMA, form: null, refundAt: [], refundBoth: false, summary: 'none' });
    cleanFile = join(dir, 'threads', 'campaign.csv');
    writeFileSync(cleanFile, clean.text);
  });

  it('MIZAN_THREADS=1 gives the same report as the default, and the command exits', async () => {
    const [js, two, one] = await Promise.all([
      report(cleanFile, 'js', {}),
      report(cleanFile, 'duckdb', {}),
      report(cleanFile, 'duckdb', { MIZAN_THREADS: '1' }),
    ]);
    const p1 = judge({
      name: 'threads: default (DuckDB after the first 500 rows)',
      js,
      duck: two,
      expected: clean.expected,
    });
    const p2 = judge({ name: 'threads: MIZAN_THREADS=1', js, duck: one, expected: clean.expected });
    expect([...p1, ...p2]).toEqual([]);
    expect(engineNotes(two.json ?? {})[0]?.startsWith(SUMMED), 'a plain file is summed by DuckDB').toBe(true);
    expect(engineNotes(one.json ?? {})[0]?.startsWith(SUMMED), 'also on one thread').toBe(true);
    const d: string[] = [];
    diff(withoutEngineNote(two.json ?? {}), withoutEngineNote(one.json ?? {}), '$', d);
    expect(d, 'one thread vs two: the same JSON').toEqual([]);
  });

  it('a text in a number column far below (row 2,501) falls back with a note, same numbers', async () => {
    const b = build({
      n: 3000,
      layout: COMMA,
      form: null,
      refundAt: [],
      refundBoth: false,
      summary: 'none',
      oddCell: { at: 2500, text: 'n/a' },
    });
    const f = join(dir, 'threads', 'text-below.csv');
    writeFileSync(f, b.text);
    const [js, duck] = await Promise.all([report(f, 'js'), report(f, 'duckdb')]);
    expect(judge({ name: 'threads: text "n/a" at data row 2501', js, duck, expected: b.expected })).toEqual(
      [],
    );
    expect(engineNotes(duck.json ?? {})[0]?.startsWith(FELL_BACK)).toBe(true);
  });

  it("a missing input and a directory as input: the JavaScript engine's error, naming the path", async () => {
    const missing = join(dir, 'threads', 'no-such-file.csv');
    const folder = join(dir, 'threads', 'a-folder.csv');
    mkdirSync(folder, { recursive: true });
    const problems: string[] = [];
    for (const input of [missing, folder]) {
      const [js, duck] = await Promise.all([report(input, 'js'), report(input, 'duckdb')]);
      outcomes.push(
        `     ${input}: js ${js.status} «${js.stderr.trim()}» / duckdb ${duck.status} «${duck.stderr.trim()}»`,
      );
      if (js.timedOut || duck.timedOut) problems.push(`${input}: a run did not exit`);
      if (js.status !== 3) problems.push(`${input}: js exit ${js.status}, docs say 3`);
      if (duck.status !== js.status) problems.push(`${input}: duckdb exit ${duck.status} ≠ js ${js.status}`);
      if (!duck.stderr.includes(input))
        problems.push(`${input}: duckdb's message does not name the path: ${duck.stderr}`);
      if (duck.stderr.trim() !== js.stderr.trim())
        problems.push(`${input}: messages differ: js «${js.stderr.trim()}» duckdb «${duck.stderr.trim()}»`);
    }
    expect(problems).toEqual([]);
  });

  it("a .parquet written by DuckDB from a CSV with refunds and a summary row gives the CSV's report", async () => {
    const b = build({
      n: 3000,
      layout: COMMA,
      form: FORMS[0],
      refundAt: [1500, 2700],
      refundBoth: true,
      summary: 'last',
    });
    const csv = join(dir, 'threads', 'export.csv');
    const parquetDir = join(dir, 'threads', 'pq');
    mkdirSync(parquetDir, { recursive: true });
    const parquet = join(parquetDir, 'export.parquet');
    writeFileSync(csv, b.text);
    const duckdb = await import('@duckdb/node-api');
    const db = await duckdb.DuckDBInstance.create(':memory:');
    const con = await db.connect();
    await con.run(
      `COPY (SELECT * FROM read_csv('${csv}', header = true, columns = {'Channel': 'VARCHAR', 'Campaign': 'VARCHAR', 'Date': 'DATE', 'Cost': 'DOUBLE', 'Revenue': 'DOUBLE'})) TO '${parquet}' (FORMAT parquet)`,
    );
    con.closeSync();
    db.closeSync();
    const [js, duck] = await Promise.all([report(csv, 'js'), report(parquet, 'duckdb')]);
    expect(
      judge({ name: 'threads: parquet (refunds + summary) vs its CSV', js, duck, expected: b.expected }),
    ).toEqual([]);
  });
});
