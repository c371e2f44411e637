/**
 * `mizan report --engine duckdb` against `--engine js`, run in-process as a user runs them: the
 * same JSON (numbers to 1e-9 relative, everything else equal) once the engine's own note is taken
 * out, on the bundled examples and on generated data (groups spelled several ways, a group with
 * zero denominators, weeks without rows). MIZAN_DUCKDB_HEAD_ROWS makes the first rows few, so
 * DuckDB reads and sums most rows of these small files. A messy export falls back with the note;
 * a .parquet written by DuckDB gives the CSV's report; a missing @duckdb/node-api is said clearly.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Duck, openDuck } from '../../src/cli/duckdb';
import { main } from '../../src/cli/main';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const example = (name: string) => join(ROOT, 'examples', name);

let dir: string;
let duck: Duck;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mizan-engine-duckdb-'));
  const opened = await openDuck();
  if (!opened.ok) throw new Error(opened.message);
  duck = opened.duck;
});
afterAll(() => {
  duck.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env.MIZAN_DUCKDB_HEAD_ROWS;
  delete process.env.MIZAN_DUCKDB_MODULE;
});

interface Run {
  readonly status: number;
  readonly err: string;
  readonly json: Record<string, unknown> | null;
}

let runs = 0;
async function report(args: readonly string[]): Promise<Run> {
  const out = join(dir, `r${++runs}.json`);
  let err = '';
  const status = await main([...args, '--json', out, '--quiet'], {
    out: () => {},
    err: (t) => {
      err += t;
    },
    tty: false,
    color: false,
    cwd: dir,
  });
  const json = status === 0 ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>) : null;
  return { status, err, json };
}

type Note = { message: string };
const ENGINE = /--engine duckdb/;
const notesOf = (json: Record<string, unknown> | null) => (json?.notes ?? []) as Note[];
const engineNote = (run: Run) => notesOf(run.json).find((n) => ENGINE.test(n.message))?.message;
const withoutEngineNote = (json: Record<string, unknown> | null) => ({
  ...json,
  notes: notesOf(json).filter((n) => !ENGINE.test(n.message)),
});

/** Equal, numbers to 1e-9 relative: every difference, by path. */
function differences(a: unknown, b: unknown, path = '$', out: string[] = []): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))) out.push(`${path}: ${a} vs ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: length ${a.length} vs ${b.length}`);
    else
      a.forEach((x, i) => {
        differences(x, b[i], `${path}[${i}]`, out);
      });
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys)
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else if (a !== b) out.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  return out;
}

/** Both engines on one file; DuckDB must have summed (not fallen back) when `summed`. */
async function bothEngines(file: string, extra: readonly string[] = [], head = 12) {
  const js = await report([file, ...extra]);
  process.env.MIZAN_DUCKDB_HEAD_ROWS = String(head);
  const dk = await report([file, ...extra, '--engine', 'duckdb']);
  delete process.env.MIZAN_DUCKDB_HEAD_ROWS;
  expect(js.status, js.err).toBe(0);
  expect(dk.status, dk.err).toBe(0);
  return { js, dk };
}

describe('--engine duckdb gives the JavaScript engine’s report', () => {
  it('the English example, with its template: DuckDB summed the rows below the first 12', async () => {
    const { js, dk } = await bothEngines(example('campaigns-en.csv'), [
      '--template',
      example('template-en.json'),
    ]);
    expect(engineNote(dk)).toMatch(/^Summed by DuckDB .* first 12 rows .* each of the \d+ rows below/);
    expect(engineNote(js)).toBeUndefined();
    expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
    // Row counts are the source's, not the summed rows': the total counts every data row.
    const source = (js.json?.source ?? {}) as { dataRows: number };
    expect(((dk.json?.totals ?? {}) as { rows: number }).rows).toBe(source.dataRows);
    expect(source.dataRows).toBeGreaterThan(100);
  });

  for (const name of ['campaigns-ar.csv', 'campaigns-fa.csv']) {
    it(`${name} (currency text, native digits, Jalali dates): falls back with the note`, async () => {
      const { js, dk } = await bothEngines(example(name));
      // The note is in the report's language, and names the column.
      expect(engineNote(dk)).toMatch(/JavaScript.*DuckDB.*column D/);
      expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
    });
  }

  it('generated data: groups spelled several ways, zero denominators, empty weeks', async () => {
    const file = join(dir, 'generated.csv');
    writeFileSync(file, generatedCsv(4_000));
    const { js, dk } = await bothEngines(file, [], 50);
    expect(engineNote(dk)).toMatch(/^Summed by DuckDB/);
    expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
    // What the data was made to hold, checked in the DuckDB report itself.
    const groups = dk.json?.groups as {
      label: string;
      rows: number;
      kpis: Record<string, { value: number | null }>;
    }[];
    const zero = groups.find((g) => g.label === 'Zero Clicks');
    expect(zero?.kpis.ctr?.value).toBeNull();
    expect(groups.some((g) => g.label === '')).toBe(true);
    // A group first met below the first rows is labelled by its first spelling, in first-met order.
    expect(groups.map((g) => g.label)).toEqual(
      ((js.json?.groups ?? []) as { label: string }[]).map((g) => g.label),
    );
    const periods = dk.json?.periods as { rows: number }[];
    expect(periods.some((p) => p.rows === 0)).toBe(true);
    // Row counts add up to the rows generated.
    expect(groups.reduce((s, g) => s + g.rows, 0)).toBe(4_000);
  });

  it('groups first met below the first rows: the same order and first spellings as the JavaScript engine', async () => {
    const file = join(dir, 'late-groups.csv');
    const late = [
      'Late B,2025-01-05,10.50,100,5,1,20.25',
      'late a,2025-01-06,1.25,10,1,0,0',
      'LATE A,2025-01-07,2,20,2,0,5',
    ];
    writeFileSync(file, `${generatedCsv(200).trimEnd()}\n${late.join('\n')}\n`);
    const { js, dk } = await bothEngines(file, [], 20);
    expect(engineNote(dk)).toMatch(/^Summed by DuckDB/);
    expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
    const labels = ((dk.json?.groups ?? []) as { label: string }[]).map((g) => g.label);
    expect(labels.slice(-2)).toEqual(['Late B', 'late a']);
  });

  it('a file of a few thousand rows whose values settle the decimal mark: DuckDB takes over after 500 rows', async () => {
    const file = join(dir, 'settled.csv');
    writeFileSync(file, generatedCsv(3_000));
    const js = await report([file]);
    const dk = await report([file, '--engine', 'duckdb']);
    expect(engineNote(dk)).toMatch(/^Summed by DuckDB .* first 500 rows .* each of the 2501 rows below/);
    expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
  });

  it('underscores in names: the measure cells are checked as text, and the sums are the same', async () => {
    const file = join(dir, 'underscores.csv');
    writeFileSync(file, generatedCsv(400).replace(/Paid Social/g, 'paid_social'));
    const { js, dk } = await bothEngines(file, [], 20);
    expect(engineNote(dk)).toMatch(/^Summed by DuckDB/);
    expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
  });

  // DuckDB alone reads these as numbers; the engine does not: never summed.
  for (const [cell, why] of [
    ['1_000', /not plain numbers/],
    ['inf', /not plain numbers/],
    ['nan', /not plain numbers/],
    ['+-5', /not plain numbers/],
    ['1e400', /not plain numbers/],
  ] as const) {
    it(`a measure cell "${cell}" below the first rows: falls back, with the JavaScript engine's report`, async () => {
      const file = join(dir, `cell-${runs}.csv`);
      writeFileSync(file, `${generatedCsv(300).trimEnd()}\nSearch,2025-01-09,${cell},100,5,1,20\n`);
      const { js, dk } = await bothEngines(file, [], 20);
      expect(engineNote(dk)).toMatch(/^Read by the JavaScript engine/);
      expect(engineNote(dk)).toMatch(why);
      expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
    });
  }

  it('a column of numbers that is not summed (ids) holding a label below the first rows: falls back', async () => {
    const file = join(dir, 'ad-ids.csv');
    const lines = generatedCsv(300).trimEnd().split('\n');
    const withIds = lines.map((l, i) => `${l},${i === 0 ? 'Ad ID' : 9000 + i}`);
    writeFileSync(file, `${withIds.join('\n')}\nSearch,2025-01-09,5.00,100,5,1,20,Total\n`);
    const { js, dk } = await bothEngines(file, [], 20);
    expect(engineNote(dk)).toMatch(/^Read by the JavaScript engine/);
    expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
    // Without the label, DuckDB reads the ids as numbers and sums the rest.
    writeFileSync(file, `${withIds.join('\n')}\n`);
    const plain = await bothEngines(file, [], 20);
    expect(engineNote(plain.dk)).toMatch(/^Summed by DuckDB/);
    expect(differences(plain.js.json, withoutEngineNote(plain.dk.json))).toEqual([]);
  });

  it('a total row below the first rows: falls back, and the JavaScript engine leaves it out', async () => {
    const file = join(dir, 'with-total.csv');
    writeFileSync(file, `${generatedCsv(300).trimEnd()}\nTotal,,1,2,3,4,5\n`);
    const { js, dk } = await bothEngines(file);
    expect(engineNote(dk)).toMatch(/JavaScript engine, not DuckDB/);
    expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
  });

  it('an .xlsx output: the JavaScript engine reads every row, and says why', async () => {
    process.env.MIZAN_DUCKDB_HEAD_ROWS = '12';
    const run = await report([
      example('campaigns-en.csv'),
      '--engine',
      'duckdb',
      '--out',
      join(dir, 'x.xlsx'),
    ]);
    expect(run.status, run.err).toBe(0);
    expect(engineNote(run)).toMatch(/\.xlsx report recreates every source row/);
  });
});

/**
 * The one pass sums, counts the numbers and finds the smallest cell of each measure; what it
 * leaves open (a row with no measure, a cell about half the sum) is asked in a second query. Each case below sends a file down that path, and the report must still be the
 * JavaScript engine's, summed or refused as it says.
 */
describe('what the pass leaves to a second query', () => {
  const rows = (csv: string) => csv.trimEnd().split('\n');
  const file = (name: string, lines: readonly string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };

  it('every measure blank in some row of one (channel, date) pair, no row blank throughout: summed', async () => {
    const blanks = [
      'Search,2025-01-09,,100,5,1,20.50',
      'Search,2025-01-09,5.25,,5,1,20.50',
      'Search,2025-01-09,5.25,100,,1,20.50',
      'Search,2025-01-09,5.25,100,5,,20.50',
      'Search,2025-01-09,5.25,100,5,1,',
    ];
    const path = file('blank-per-measure.csv', [...rows(generatedCsv(300)), ...blanks]);
    const { js, dk } = await bothEngines(path, [], 20);
    expect(engineNote(dk)).toMatch(/^Summed by DuckDB/);
    expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
  });

  it('the two measures DuckDB counts blank in some rows, a third always filled: no row is without, summed', async () => {
    // Cost and Impressions are filled in every first row, so they are the ones counted.
    const blanks = ['Search,2025-01-09,,,5,1,20.50', 'Search,2025-01-10,,,7,0,'];
    const path = file('counted-blank.csv', [...rows(generatedCsv(300)), ...blanks]);
    const { js, dk } = await bothEngines(path, [], 20);
    expect(engineNote(dk)).toMatch(/^Summed by DuckDB/);
    expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
  });

  it('every "-" in dates and exponents (6.9e-8, 2.5E-3): no cell can be negative, summed as the engine sums', async () => {
    const tiny = ['Search,2025-01-09,6.9e-8,100,5,1,2.5E-3', 'Email,2025-01-10,1.e-2,100,5,1,20'];
    const path = file('exponents.csv', [...rows(generatedCsv(300)), ...tiny]);
    const { js, dk } = await bothEngines(path, [], 20);
    expect(engineNote(dk)).toMatch(/^Summed by DuckDB/);
    expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
  });

  it('a row with every measure blank below the first rows: falls back, saying so', async () => {
    const path = file('blank-row.csv', [...rows(generatedCsv(300)), 'Search,2025-01-09,,,,,']);
    const { js, dk } = await bothEngines(path, [], 20);
    expect(engineNote(dk)).toMatch(/hold no measure at all/);
    expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
  });

  it('a negative cost below the first rows (a refund): one measure in doubt, summed', async () => {
    const path = file('refund.csv', [...rows(generatedCsv(300)), 'Search,2025-01-09,-25.50,100,5,1,20']);
    const { js, dk } = await bothEngines(path, [], 20);
    expect(engineNote(dk)).toMatch(/^Summed by DuckDB/);
    expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
  });

  it('refunds in two measures, no summary row: DuckDB looks for one, finds none, and sums', async () => {
    const path = file('two-negatives.csv', [
      ...rows(generatedCsv(300)),
      'Search,2025-01-09,-25.50,100,5,1,20',
      'Search,2025-01-10,25.50,100,5,1,-20',
    ]);
    const { js, dk } = await bothEngines(path, [], 20);
    expect(engineNote(dk)).toMatch(/^Summed by DuckDB/);
    expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
  });

  /**
   * A summary row below the first rows (Cost and Revenue each the sum of every other row, the
   * other measures blank), in a pair with other rows (so no pair's sum gives it away) and not the
   * largest cell: a 1,000,000 cost and revenue, then a refund of 999,000 written as `refund`. Only
   * negatives found make DuckDB look for it; missed, the run would sum the summary row in, which
   * the JavaScript engine leaves out.
   */
  const hiddenSummary = (refund: (v: string) => string) => {
    const lines = [
      ...rows(generatedCsv(300)),
      'Search,2025-01-09,1000000.00,100,5,1,1000000.00',
      `Search,2025-01-10,${refund('-999000.00')},100,5,1,${refund('-999000.00')}`,
    ];
    const cents = (col: number) =>
      lines
        .slice(1)
        .reduce((s, l) => s + Math.round(Number(l.split(',')[col]?.replace(/[" ]/g, '')) * 100), 0);
    return [...lines, `Search,2025-01-09,${(cents(2) / 100).toFixed(2)},,,,${(cents(6) / 100).toFixed(2)}`];
  };
  for (const [name, refund] of [
    ['plain', (v: string) => v],
    ['after a blank', (v: string) => ` ${v}`],
    ['in quotes', (v: string) => `"${v}"`],
  ] as const)
    it(`a summary row hidden by refunds written ${name}: found, and the run falls back to leave it out`, async () => {
      const path = file(`hidden-summary-${name.replace(/ /g, '-')}.csv`, hiddenSummary(refund));
      const { js, dk } = await bothEngines(path, [], 20);
      expect(engineNote(dk)).toMatch(/summary row/);
      expect(engineNote(dk)).toMatch(/^Read by the JavaScript engine/);
      expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
      // The JavaScript engine left the summary row out: 302 rows, not 303.
      expect(((js.json?.totals ?? {}) as { rows: number }).rows).toBe(302);
    });

  // Without a channel or date column every row is one pair: its sum bounds no cell, DuckDB finds the largest.
  const measuresOnly = (n: number) => {
    const lines = ['Cost,Impressions,Clicks,Conversions,Revenue'];
    for (let i = 0; i < n; i++)
      lines.push(
        `${((i * 37) % 1000) / 4},${1000 + ((i * 17) % 500)},${(i * 7) % 50},${i % 4},${(i * 13) % 900}.5`,
      );
    return lines;
  };

  it('one pair (no channel, no date): DuckDB finds the largest cells, no summary row, summed', async () => {
    const path = file('one-pair.csv', measuresOnly(300));
    const { js, dk } = await bothEngines(path, [], 20);
    expect(engineNote(dk)).toMatch(/^Summed by DuckDB/);
    expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
  });

  it('one pair with a summary row at the end (each measure the sum of the others): falls back', async () => {
    const lines = measuresOnly(300);
    const sums = [0, 1, 2, 3, 4].map((c) => lines.slice(1).reduce((s, l) => s + Number(l.split(',')[c]), 0));
    const path = file('one-pair-summary.csv', [...lines, sums.map((v) => String(v)).join(',')]);
    const { js, dk } = await bothEngines(path, [], 20);
    expect(engineNote(dk)).toMatch(/summary row/);
    expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
    // The JavaScript engine left the summary row out: the total counts the 300 rows.
    expect(((js.json?.totals ?? {}) as { rows: number }).rows).toBe(300);
  });
});

describe('.parquet input', () => {
  it('a Parquet file DuckDB wrote from the CSV gives the CSV’s report', async () => {
    const csv = join(dir, 'campaigns.csv');
    writeFileSync(csv, generatedCsv(2_000));
    const parquet = join(dir, 'campaigns.parquet');
    const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
    await duck.run(
      `COPY (SELECT * FROM read_csv(${lit(csv)}, all_varchar = true)) TO ${lit(parquet)} (FORMAT parquet)`,
    );
    const { js, dk } = await bothEngines(csv, [], 40);
    process.env.MIZAN_DUCKDB_HEAD_ROWS = '40';
    const pq = await report([parquet, '--engine', 'duckdb']);
    expect(pq.status, pq.err).toBe(0);
    expect(engineNote(pq)).toMatch(/^Summed by DuckDB/);
    expect(differences(withoutEngineNote(dk.json), withoutEngineNote(pq.json))).toEqual([]);
    expect(differences(js.json, withoutEngineNote(pq.json))).toEqual([]);
  });

  it('without --engine duckdb: a clear message', async () => {
    const run = await report([join(dir, 'campaigns.parquet')]);
    expect(run.status).toBe(2);
    expect(run.err).toMatch(/\.parquet file is read by DuckDB: add --engine duckdb/);
  });
});

describe('a conversion-path export (its attribution section weighs every path row)', () => {
  // 12 first rows hold one path row, so only the summed rows show the paths; 15 show them first.
  for (const head of [12, 15])
    it(`with DuckDB taking over after ${head} rows: falls back, and the attribution is the JavaScript engine’s`, async () => {
      const { js, dk } = await bothEngines(example('ga4-conversion-paths.csv'), [], head);
      expect(engineNote(dk)).toMatch(/conversion paths, attributed row by row/);
      expect(js.json?.attribution).toBeDefined();
      expect(differences(js.json, withoutEngineNote(dk.json))).toEqual([]);
    });
});

describe('an input that is not a file', () => {
  it('a folder: the JavaScript engine’s message and exit status, not an unexpected error', async () => {
    const folder = join(dir, 'a-folder.csv');
    mkdirSync(folder);
    const js = await report([folder]);
    const dk = await report([folder, '--engine', 'duckdb']);
    expect(js.status).toBe(3);
    expect(js.err).toMatch(/is a folder, not a file/);
    expect(dk.status).toBe(js.status);
    expect(dk.err).toBe(js.err);
  });
});

describe('without @duckdb/node-api', () => {
  it('says what is missing and how to install it', async () => {
    process.env.MIZAN_DUCKDB_MODULE = '@duckdb/not-installed-here';
    const run = await report([example('campaigns-en.csv'), '--engine', 'duckdb']);
    expect(run.status).toBe(3);
    expect(run.err).toMatch(/needs the optional package @duckdb\/node-api, which is not installed here/);
    expect(run.err).toMatch(/npm install @duckdb\/node-api/);
  });

  it('--engine takes js or duckdb only', async () => {
    const run = await report([example('campaigns-en.csv'), '--engine', 'spark']);
    expect(run.status).toBe(2);
    expect(run.err).toMatch(/--engine must be js or duckdb \(got "spark"\)/);
  });
});

/** Deterministic rows (an LCG): spellings of one group, a group with no clicks, a gap of weeks. */
function generatedCsv(rows: number): string {
  let seed = 11;
  const rnd = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const spellings = ['Search', ' search ', 'SEARCH', 'Paid Social', 'paid  social', '', 'Zero Clicks'];
  const lines = ['Channel,Date,Cost,Impressions,Clicks,Conversions,Revenue'];
  for (let i = 0; i < rows; i++) {
    const channel = spellings[rnd(spellings.length)] as string;
    const d = rnd(2) === 0 ? rnd(21) : 60 + rnd(21);
    const date = new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
    const zero = channel === 'Zero Clicks';
    lines.push(
      [
        channel,
        date,
        (rnd(100_000) / 100).toFixed(2),
        zero ? 0 : 100 + rnd(10_000),
        zero ? 0 : rnd(100),
        zero ? 0 : rnd(5),
        (rnd(1_000_000) / 100).toFixed(2),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
