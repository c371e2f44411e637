/**
 * The compiled report query on small tables whose answers are worked out by hand: sums,
 * sum-then-divide KPIs, NULL (never 0, never Infinity) for a zero denominator, empty periods, the
 * engine's group key, and headers that try to break out of their quotes.
 */
import { Parser } from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { epochDay } from '../../src/core/dates/jalali';
import { div, mul, num, ref } from '../../src/core/kpi/expr';
import { groupRows } from '../../src/core/report/aggregate';
import { compileReportSql, type ReportSql, sqlKpis } from '../../src/core/sql';
import { asTable } from '../../src/core/table/table';
import { sharedDuck } from '../helpers/shared-duck';

const duck = sharedDuck();

const HOSTILE = [
  'a`b"c\'d',
  '; DROP TABLE x',
  "Cost'); DROP TABLE x; --",
  'هزینه (تومان)',
  'x"\nUNION SELECT 1',
];
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return epochDay(y, m, d);
};

/** cost ÷ clicks, clicks ÷ impressions, and a KPI with a constant: cost × 1000 ÷ impressions. */
const KPIS = [
  { id: 'cpc', expr: div(ref('cost'), ref('clicks')), inputs: { cost: 'cost', clicks: 'clicks' } },
  {
    id: 'ctr',
    expr: div(ref('clicks'), ref('impressions')),
    inputs: { clicks: 'clicks', impressions: 'impressions' },
  },
  {
    id: 'cpm',
    expr: mul(div(ref('cost'), ref('impressions')), num(1000)),
    inputs: { cost: 'cost', impressions: 'impressions' },
  },
] as const;

function spec(table: string, cost: string, impressions: string, clicks: string): ReportSql {
  return {
    source: { table },
    measures: [
      { measure: 'cost', column: cost },
      { measure: 'impressions', column: impressions },
      { measure: 'clicks', column: clicks },
    ],
    group: { column: 'Channel' },
    date: { column: 'Date', format: 'date' },
    // Three weeks from Monday 2025-01-06; the middle one has no rows.
    periods: [
      { start: day('2025-01-06'), end: day('2025-01-13') },
      { start: day('2025-01-13'), end: day('2025-01-20') },
      { start: day('2025-01-20'), end: day('2025-01-27') },
    ],
    kpis: KPIS.map((k) => ({ ...k, inputs: { ...k.inputs } })),
  };
}

describe('the compiled query in DuckDB', () => {
  it('reads columns named by hostile headers, runs as one statement and drops nothing', async () => {
    const [cost, impressions, clicks] = HOSTILE as [string, string, string];
    await duck.run('CREATE TABLE x (keep INTEGER)');
    await duck.run(
      `CREATE TABLE hostile (${q(cost)} DOUBLE, ${q(impressions)} DOUBLE, ${q(clicks)} DOUBLE, "Channel" VARCHAR, "Date" DATE)`,
    );
    await duck.run(`INSERT INTO hostile VALUES
      (10, 1000, 4, 'Search', DATE '2025-01-06'),
      (30, 3000, 6, 'Search', DATE '2025-01-12'),
      (5, 0, 0, 'Email', DATE '2025-01-21')`);
    const sql = compileReportSql(spec('hostile', cost, impressions, clicks), 'duckdb');
    const statements = await duck.connection.extractStatements(sql);
    expect(statements.count).toBe(1);
    const rows = await duck.rows(sql);
    const total = rows.find((r) => r.level === 'total');
    // 10 + 30 + 5 = 45 cost; 4000 impressions; 10 clicks.
    expect(total).toMatchObject({ row_count: 3n, cost: 45, impressions: 4000, clicks: 10 });
    expect(total?.cpc).toBeCloseTo(4.5, 12);
    expect(total?.ctr).toBeCloseTo(10 / 4000, 15);
    expect(total?.cpm).toBeCloseTo((45 / 4000) * 1000, 12);
    // Email: 0 clicks and 0 impressions: every KPI is NULL, not 0 and not Infinity.
    const email = rows.find((r) => r.group_key === 'email');
    expect(email).toMatchObject({ cost: 5, impressions: 0, clicks: 0, cpc: null, ctr: null, cpm: null });
    expect((await duck.rows('SELECT count(*) AS n FROM x'))[0]?.n).toBe(0n);
  });

  it('gives every period, an empty one with 0 rows and NULL sums', async () => {
    const [cost, impressions, clicks] = HOSTILE as [string, string, string];
    const rows = await duck.rows(compileReportSql(spec('hostile', cost, impressions, clicks), 'duckdb'));
    const periods = rows.filter((r) => r.level === 'period');
    expect(periods.map((p) => (p.period_start as Date).toISOString().slice(0, 10))).toEqual([
      '2025-01-06',
      '2025-01-13',
      '2025-01-20',
    ]);
    expect(periods[0]).toMatchObject({ row_count: 2n, cost: 40, clicks: 10, cpc: 4 });
    expect(periods[1]).toMatchObject({ row_count: 0n, cost: null, clicks: null, cpc: null, ctr: null });
    expect(periods[2]).toMatchObject({ row_count: 1n, cost: 5, cpc: null });
  });

  it('groups as the engine does: whitespace collapsed (NBSP, tabs), trimmed, case folded; blank is one group', async () => {
    const names = [
      ' Search ',
      'search',
      'SEARCH\u00a0',
      'Paid\t Social',
      'paid social',
      '',
      null,
      '  ',
      'Email',
    ];
    await duck.run(
      'CREATE TABLE g ("Cost" DOUBLE, "Imp" DOUBLE, "Clk" DOUBLE, "Channel" VARCHAR, "Date" DATE)',
    );
    await duck.append(
      'g',
      names.map((n, i) => [i + 1, 100, 1, n, null]),
    );
    const rows = await duck.rows(
      compileReportSql({ ...spec('g', 'Cost', 'Imp', 'Clk'), date: null }, 'duckdb'),
    );
    const groups = rows.filter((r) => r.level === 'group');
    // The engine's own grouping of the same cells.
    const grid = [['Channel'], ...names.map((n) => [n])];
    const js = groupRows(
      asTable(grid),
      names.map((_, i) => i + 1),
      0,
    );
    expect(groups.map((g) => g.group_key).sort()).toEqual(js.labels.map((l) => l.toLowerCase()).sort());
    // By hand: search 1+2+3, paid social 4+5, blank 6+7+8, email 9.
    const cost = Object.fromEntries(groups.map((g) => [g.group_key, g.cost]));
    expect(cost).toEqual({ search: 6, 'paid social': 9, '': 21, email: 9 });
  });

  it('uses the registry KPIs as planned: ROI with a gross margin, sum then divide', async () => {
    const kpis = sqlKpis(['cost', 'revenue'], { lang: 'en', kpis: ['roi', 'roas'], grossMargin: 0.6 });
    await duck.run('CREATE TABLE r ("Spend" DOUBLE, "Sales" DOUBLE)');
    await duck.append('r', [
      [100, 500],
      [300, 100],
    ]);
    const sql = compileReportSql(
      {
        source: { table: 'r' },
        measures: [
          { measure: 'cost', column: 'Spend' },
          { measure: 'revenue', column: 'Sales' },
        ],
        group: null,
        date: null,
        periods: [],
        kpis,
      },
      'duckdb',
    );
    const [total] = await duck.rows(sql);
    // (600 × 0.6 − 400) ÷ 400 = −0.1; 600 ÷ 400 = 1.5.
    expect(total?.roi).toBeCloseTo(-0.1, 12);
    expect(total?.roas).toBeCloseTo(1.5, 12);
  });
});

/**
 * BigQuery's quoted identifiers and strings, read as its lexical rules say (backtick- or
 * quote-delimited, backslash escapes), independently of the code that wrote them.
 */
function bigQueryTokens(sql: string): { idents: string[]; strings: string[]; outside: string } {
  const idents: string[] = [];
  const strings: string[] = [];
  let outside = '';
  const ESC: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '`': '`', "'": "'", '"': '"' };
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i] as string;
    const raw = ch === 'r' && sql[i + 1] === "'";
    if (ch !== '`' && ch !== "'" && !raw) {
      outside += ch;
      continue;
    }
    if (raw) i++;
    const quote = sql[i] as string;
    let text = '';
    for (i++; sql[i] !== quote; i++) {
      if (i >= sql.length) throw new Error('unterminated');
      if (sql[i] === '\\' && !raw) {
        const e = sql[++i] as string;
        if (e === 'x') {
          text += String.fromCharCode(Number.parseInt(sql.slice(i + 1, i + 3), 16));
          i += 2;
        } else text += ESC[e] ?? `\\${e}`;
      } else text += sql[i];
    }
    (quote === '`' ? idents : strings).push(text);
    outside += ' ';
  }
  return { idents, strings, outside };
}

describe('the BigQuery dialect', () => {
  const parser = new Parser();
  const bq = (s: ReportSql) => compileReportSql(s, 'bigquery');

  it('is parsed by node-sql-parser in BigQuery mode, one SELECT statement', () => {
    const sql = bq(spec('project.dataset.campaigns', 'Cost', '; DROP TABLE x', "Clicks'); DROP TABLE x; --"));
    const ast = parser.astify(sql, { database: 'BigQuery' });
    const list = Array.isArray(ast) ? ast : [ast];
    expect(list).toHaveLength(1);
    expect(list[0]?.type).toBe('select');
    const columns = parser.columnList(sql, { database: 'BigQuery' }).map((c) => c.split('::').pop());
    expect(columns).toEqual(expect.arrayContaining(['Cost', '; DROP TABLE x', "Clicks'); DROP TABLE x; --"]));
  });

  it('quotes every hostile header as one identifier, and no statement separator is left outside quotes', () => {
    const [cost, impressions, clicks] = [HOSTILE[0], HOSTILE[3], HOSTILE[4]] as [string, string, string];
    const sql = bq(spec('my-project.ads.campaign_stats', cost, impressions, clicks));
    const { idents, outside } = bigQueryTokens(sql);
    expect(idents).toEqual(
      expect.arrayContaining([cost, impressions, clicks, 'my-project.ads.campaign_stats']),
    );
    expect(outside).not.toContain(';');
    expect(outside).not.toMatch(/DROP|UNION SELECT/);
  });

  it('differs from the DuckDB text only in the dialect: quoting, types, safe division, period list, regex call', () => {
    const s = spec('campaigns', 'Cost', 'Impr', 'Clicks');
    const normalise = (sql: string) =>
      sql
        .replace(/`([^`]*)`/g, '"$1"')
        .replace(/\bFLOAT64\b/g, 'DOUBLE')
        .replace(/\bSTRING\b/g, 'VARCHAR')
        .replace(/SAFE_DIVIDE\((\w+), (\w+)\)/g, '($1) / NULLIF($2, 0)')
        .replace(/REGEXP_REPLACE\((.*?), r'([^']*)', ' '\)/g, "regexp_replace($1, '$2', ' ', 'g')")
        .replace(
          /UNNEST\(\[(.*)\]\) AS p/,
          (_, list: string) =>
            `(VALUES ${list.replace(/STRUCT\((\d+) AS idx, (DATE '[^']+') AS start_day, (DATE '[^']+') AS end_day\)/g, '($1, $2, $3)')}) AS p(idx, start_day, end_day)`,
        );
    expect(normalise(bq(s))).toBe(compileReportSql(s, 'duckdb'));
  });
});
