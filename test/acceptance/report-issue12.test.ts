/**
 * Independent acceptance checks for issue 12 ("A report you would send to your boss: colours by
 * default, charts and definitions in the workbook, one-page print, polished in Persian and
 * Arabic"), written from the issue text, README.md and docs/*.md only, driving the prebuilt
 * command (`node dist/cli/mizan.mjs report …`) as a user would. Expected numbers come from the
 * example CSVs by this file's own arithmetic (./issue12/data.ts), or from the published figures
 * listed in docs/benchmarks.md, never from Mizan's output. The workbook is read as the zip of XML
 * parts it is (./issue12/xlsx.ts); what prints is checked in LibreOffice's PDF (./issue12/pdf.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  close,
  EXAMPLE_COLUMNS,
  type ExampleData,
  KPI_INPUTS,
  kpiValue,
  type Measure,
  readExample,
  readNumber,
  sumRows,
  sumsByChannel,
} from './issue12/data';
import {
  convertToPdf,
  HAS_SOFFICE,
  pageText,
  pdfInfo,
  pdfWords,
  renderGrey,
  reportOnlyCopy,
  stripBidi,
  type Word,
} from './issue12/pdf';
import {
  type Cell,
  cellText,
  colIndex,
  decodeXml,
  parseRangeRef,
  readRels,
  readWorkbook,
  rowCells,
  type Sheet,
  textCells,
  type Workbook,
} from './issue12/xlsx';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/mizan.mjs');
const EX = (f: string) => join(ROOT, 'examples', f);
const dir = mkdtempSync(join(tmpdir(), 'mizan-issue12-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Lang = 'en' | 'ar' | 'fa';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  json: Report | null;
  xlsx: string;
}

// The JSON fields these checks read (docs/report-json.md, version 1).
interface KpiCell {
  value: number | null;
  status: string | null;
}
interface Level {
  label: string;
  rows: number;
  start?: string;
  end?: string;
  kpis: Record<string, KpiCell>;
}
interface Report {
  lang: Lang;
  profile: { id: string; name: string; chosenBecause?: string } | null;
  template: { id: string; name: string } | null;
  kpis: string[];
  kpiInputs: Record<string, Record<string, string>>;
  totals: Level;
  groups: Level[];
  periods: Level[];
  groupBy: { column: string; header: string } | null;
  legend: {
    kpi: string;
    thresholds?: { direction: string; good?: number; fair?: number } | null;
    source: string;
  }[];
  source: { dataRows: number };
}

function run(name: string, args: string[]): Run {
  const xlsx = join(dir, `${name}.xlsx`);
  const jsonPath = join(dir, `${name}.json`);
  const r = spawnSync(process.execPath, [CLI, 'report', ...args, '--out', xlsx, '--json', jsonPath], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
  const json = existsSync(jsonPath) ? (JSON.parse(readFileSync(jsonPath, 'utf8')) as Report) : null;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json, xlsx };
}

// The three report languages' status words (docs/benchmarks.md, "Using them in a sheet").
const STATUS_WORDS: Record<Lang, string[]> = {
  en: ['good', 'fair', 'poor'],
  ar: ['جيد', 'مقبول', 'ضعيف'],
  fa: ['خوب', 'متوسط', 'ضعیف'],
};
// Profiles listed by docs/benchmarks.md and `report --help`.
const BASE_PROFILES = [
  'search',
  'social',
  'social-leads',
  'display',
  'email',
  'ecommerce',
  'messaging',
  'website',
  'saas',
];

const LATIN_DIGIT = /[0-9]/;
const PERSIAN_DIGIT = /[۰-۹]/;
const ARABIC_DIGIT = /[٠-٩]/;

// One-row campaign: cost $12.40, 1000 impressions, 11 clicks → CPC = 12.40 / 11 = 1.12727… → "$1.13".
const ONE_ROW_CSV = 'Campaign,Cost,Impressions,Clicks\nSpring,$12.40,1000,11\n';
// Two campaigns and a total row (line 4 of the file).
const TOTAL_ROW_CSV =
  'Campaign,Cost,Impressions,Clicks\nSpring,12.40,1000,11\nSummer,10.00,900,9\nTotal,22.40,1900,20\n';

const runs: Record<string, Run> = {};
const books: Record<string, Workbook> = {};
const data: Record<Lang, ExampleData> = {
  en: readExample(EX('campaigns-en.csv')),
  ar: readExample(EX('campaigns-ar.csv')),
  fa: readExample(EX('campaigns-fa.csv')),
};

beforeAll(async () => {
  const b = spawnSync(process.execPath, [join(ROOT, 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`build failed: ${b.stderr}`);
  writeFileSync(join(dir, 'one.csv'), ONE_ROW_CSV);
  writeFileSync(join(dir, 'total.csv'), TOTAL_ROW_CSV);
  runs.def = run('def', []); // no input: the bundled example with its template
  runs.en = run('en', [EX('campaigns-en.csv')]);
  runs.fa = run('fa', [EX('campaigns-fa.csv')]);
  runs.ar = run('ar', [EX('campaigns-ar.csv')]);
  runs.faNone = run('fa-none', [EX('campaigns-fa.csv'), '--profile', 'none']);
  runs.google = run('google', [EX('campaigns-fa.csv'), '--profile', 'google']);
  runs.one = run('one', [join(dir, 'one.csv')]);
  runs.total = run('total', [join(dir, 'total.csv')]);
  for (const k of ['def', 'en', 'fa', 'ar', 'faNone', 'one']) {
    const r = runs[k];
    if (r?.code === 0) books[k] = await readWorkbook(r.xlsx);
  }
}, 300_000);

function get<T>(v: T | undefined | null, what: string): T {
  if (v === undefined || v === null) throw new Error(`missing: ${what}`);
  return v;
}
const report = (k: string) => get(runs[k]?.json, `JSON of run ${k}`);
const book = (k: string) => get(books[k], `workbook of run ${k} (exit ${runs[k]?.code}: ${runs[k]?.stderr})`);
const reportSheet = (k: string) => get(book(k).sheets[0], `report sheet of ${k}`);

/** good / fair / poor of a value against thresholds, by hand. */
function judge(v: number, t: { direction: string; good?: number; fair?: number }): string {
  const better = (a: number, b: number) => (t.direction === 'lower' ? a <= b : a >= b);
  if (t.good !== undefined && better(v, t.good)) return 'good';
  if (t.fair !== undefined && better(v, t.fair)) return 'fair';
  return 'poor';
}

function latinDigits(s: string): string {
  return s
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/**
 * The Definitions block: rows that name the file's columns by letter ("(column F)", "(ستون F)",
 * "(العمود F)"), in KPI order, keyed by the KPI label in column A.
 */
function definitionRows(sheet: Sheet): { label: string; cells: Cell[]; letters: string[] }[] {
  const rows = new Map<number, Cell[]>();
  for (const c of sheet.cells.values()) {
    if (/\(\S+ [A-Z]{1,2}\)/.test(c.text)) rows.set(c.row, rowCells(sheet, c.row));
  }
  return [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, cells]) => {
      const joined = cells.map((c) => c.text).join(' ');
      const letters = [...new Set([...joined.matchAll(/\s([A-Z]{1,2})\)/g)].map((m) => m[1] ?? ''))].sort();
      return { label: cellText(sheet, `A${row}`), cells, letters };
    });
}

/** KPI id by its label in the report, from the Definitions block (rows in the order of json.kpis). */
function labelsOf(k: string): Map<string, string> {
  const defs = definitionRows(reportSheet(k));
  const kpis = report(k).kpis;
  return new Map(defs.map((d, i) => [d.label, kpis[i] ?? '']));
}

/** The KPI a table header names: its label, possibly followed by a unit ("CPC (تومان)"). */
function kpiOfHeader(labels: Map<string, string>, header: string): string | undefined {
  for (const [label, id] of labels) if (header === label || header.startsWith(`${label} `)) return id;
  return undefined;
}

/** Title text comparable across pdftotext's handling of the lam-alef ligature (لأ → أل). */
function comparable(s: string): string {
  return stripBidi(s).replace(/[\s\u0627\u0623\u0625\u0622\u0644]/g, '');
}

/** Texts that come from the source data (headers, channel and campaign names, the file name). */
function sourceNames(lang: Lang): string[] {
  const d = data[lang];
  const names = new Set<string>([...d.header, `campaigns-${lang}`]);
  for (const r of d.rows) {
    names.add(r[0] ?? '');
    names.add(r[1] ?? '');
  }
  return [...names].filter((n) => n !== '').sort((a, b) => b.length - a.length);
}

// Benchmark citations quote a publisher's title and figures in English (docs/benchmarks.md).
const CITATION = /Littledata|Campaign Monitor|LocaliQ|WordStream|Shopify/;

// ---------------------------------------------------------------------------------------------

describe('Colours and meaning by default', () => {
  for (const lang of ['fa', 'ar'] as const) {
    it(`${lang}: without a template the report chooses a profile and says which and why (JSON, terminal, subtitle)`, () => {
      const r = get(runs[lang], lang);
      expect(r.code, r.stderr).toBe(0);
      const j = report(lang);
      const profile = get(j.profile, 'profile in the JSON');
      expect(BASE_PROFILES.some((p) => profile.id === p || profile.id.startsWith(`${p}/`))).toBe(true);
      const why = profile.chosenBecause ?? '';
      expect(why.length, 'profile.chosenBecause').toBeGreaterThan(3);
      expect(r.stdout).toContain(profile.name);
      expect(r.stdout).toContain(why);
      const subtitle = cellText(reportSheet(lang), 'A2');
      expect(subtitle).toContain(profile.name);
      expect(subtitle).toContain(why);
    });

    it(`${lang}: statuses and benchmarks are filled in, and each status is right by hand`, () => {
      const j = report(lang);
      const mine = sumRows(data[lang].rows);
      const judged = j.legend.filter((l) => l.thresholds);
      expect(judged.length, 'benchmarks in the legend').toBeGreaterThan(0);
      const statuses = Object.values(j.totals.kpis).filter((k) => k.status !== null);
      expect(statuses.length, 'non-empty statuses in the totals').toBeGreaterThan(0);
      for (const k of j.kpis) {
        const v = kpiValue(k, mine);
        expect(close(get(j.totals.kpis[k]?.value, `${k} total`), get(v, k)), k).toBe(true);
      }
      for (const l of judged) {
        const t = get(l.thresholds, 'thresholds');
        expect(j.totals.kpis[l.kpi]?.status, `total ${l.kpi}`).toBe(
          judge(get(kpiValue(l.kpi, mine), l.kpi), t),
        );
        for (const [channel, sums] of sumsByChannel(data[lang])) {
          const g = get(
            j.groups.find((x) => x.label === channel),
            `group ${channel}`,
          );
          expect(g.kpis[l.kpi]?.status, `${channel} ${l.kpi}`).toBe(
            judge(get(kpiValue(l.kpi, sums), l.kpi), t),
          );
        }
      }
      // In the workbook: status words and benchmark thresholds are not all empty.
      const texts = [...reportSheet(lang).cells.values()].map((c) => c.text);
      expect(texts.filter((t) => STATUS_WORDS[lang].includes(t)).length, 'status cells').toBeGreaterThan(0);
      expect(texts.filter((t) => /[≥≤]/.test(t)).length, 'benchmark cells').toBeGreaterThan(0);
    });
  }

  it('--profile none turns the colours off', () => {
    const r = get(runs.faNone, 'faNone');
    expect(r.code, r.stderr).toBe(0);
    const j = report('faNone');
    expect(j.profile === null || j.profile.id === 'none').toBe(true);
    for (const level of [j.totals, ...j.groups, ...j.periods]) {
      for (const [k, v] of Object.entries(level.kpis)) expect(v.status, `${level.label} ${k}`).toBeNull();
    }
    expect(j.legend.filter((l) => l.thresholds).length).toBe(0);
    const texts = [...reportSheet('faNone').cells.values()].map((c) => c.text);
    expect(texts.filter((t) => STATUS_WORDS.fa.includes(t))).toEqual([]);
  });

  it('--profile google is refused (exit 2) with the list of valid profiles', () => {
    const r = get(runs.google, 'google');
    expect(r.code).toBe(2);
    const out = r.stdout + r.stderr;
    expect(out).toMatch(/google/);
    for (const p of BASE_PROFILES) expect(out, p).toMatch(new RegExp(`(^|[^\\w-])${p}([^\\w-]|$)`));
  });
});

describe("The bundled example's goals are consistent", () => {
  /*
   * docs/kpi-definitions.md: ROI = (revenue × m − cost) ÷ cost, ROAS = revenue ÷ cost, so
   * ROI = m × ROAS − 1 and the target "ROAS ≥ r" is the target "ROI ≥ m·r − 1" (m = the
   * template's grossMargin, 1 when absent: docs/templates.md). On revenue (m = 1): ROI r − 1.
   */
  it('template-en.json: ROI target = margin × ROAS target − 1, same direction', () => {
    const t = JSON.parse(readFileSync(EX('template-en.json'), 'utf8')) as {
      targets: { kpi: string; op: string; value: number }[];
      grossMargin?: number;
    };
    const m = t.grossMargin ?? 1;
    const roas = get(
      t.targets.find((x) => x.kpi === 'roas'),
      'ROAS target',
    );
    const roi = get(
      t.targets.find((x) => x.kpi === 'roi'),
      'ROI target',
    );
    expect(roi.op).toBe(roas.op);
    expect(roi.value).toBeCloseTo(m * roas.value - 1, 12);
  });

  it('the default run: ROI and ROAS judged alike at every level, as the targets say by hand', () => {
    const j = report('def');
    const t = JSON.parse(readFileSync(EX('template-en.json'), 'utf8')) as {
      targets: { kpi: string; value: number }[];
    };
    const roasTarget = get(t.targets.find((x) => x.kpi === 'roas')?.value, 'roas target');
    for (const level of [j.totals, ...j.groups, ...j.periods]) {
      expect(level.kpis.roi?.status, `${level.label}: ROI vs ROAS`).toBe(level.kpis.roas?.status);
    }
    // Totals by hand: revenue 224,581.42 ÷ cost 62,389.58 ≈ 3.5997 < 4, so neither goal is met.
    const mine = sumRows(data.en.rows);
    const roas = get(kpiValue('roas', mine), 'roas');
    expect(roas).toBeLessThan(roasTarget);
    expect(j.totals.kpis.roas?.status).not.toBe('good');
    expect(j.totals.kpis.roi?.status).not.toBe('good');
  });

  it('every built-in template: ROI and ROAS never contradict each other on the English example', () => {
    const ids = [
      'paid-search',
      'paid-social',
      'email-newsletter',
      'ecommerce-sales',
      'messaging-campaign',
      'website-seo',
      'full-funnel',
    ];
    for (const id of ids) {
      const r = run(`tpl-${id}`, [EX('campaigns-en.csv'), '--template', id]);
      expect(r.code, `${id}: ${r.stderr}`).toBe(0);
      const j = get(r.json, id);
      for (const level of [j.totals, ...j.groups, ...j.periods]) {
        const a = level.kpis.roi?.status ?? null;
        const b = level.kpis.roas?.status ?? null;
        if (a !== null && b !== null) expect(a, `${id} ${level.label}`).toBe(b);
      }
    }
  });

  it('a benchmark whose fair band equals its good band is shown as one threshold', () => {
    for (const k of ['def', 'en', 'fa', 'ar', 'one']) {
      for (const c of textCells(reportSheet(k))) {
        if (!/[≥≤]/.test(c.text)) continue;
        const figures = [...latinDigits(c.text).matchAll(/[≥≤]\s*([\d.,٫٬]+)/g)].map((m) => m[1]);
        expect(new Set(figures).size, `${k} ${c.ref}: ${c.text}`).toBe(figures.length);
      }
    }
  });
});

describe('Definitions: how each KPI is computed, beside the numbers', () => {
  const ENGLISH: Record<Measure, string> = {
    cost: 'cost',
    impressions: 'impressions',
    clicks: 'clicks',
    sessions: 'sessions',
    conversions: 'conversions',
    leads: 'leads',
    orders: 'orders',
    revenue: 'revenue',
    new_customers: 'new customers',
  };
  const cases: [string, Lang][] = [
    ['def', 'en'],
    ['fa', 'fa'],
    ['ar', 'ar'],
  ];
  for (const [k, lang] of cases) {
    it(`${k}: a row per KPI with its formula in ${lang} and the columns of this file that fed it`, () => {
      const j = report(k);
      const defs = definitionRows(reportSheet(k));
      expect(defs.length, 'Definitions rows').toBe(j.kpis.length);
      j.kpis.forEach((kpi, i) => {
        const d = get(defs[i], `definition of ${kpi}`);
        const measures = get(KPI_INPUTS[kpi], `inputs of ${kpi}`);
        expect(d.letters, `${kpi} columns`).toEqual(
          [...new Set(measures.map((m) => EXAMPLE_COLUMNS[m]))].sort(),
        );
        const joined = d.cells.map((c) => c.text).join(' ');
        for (const m of measures) {
          const header = get(data[lang].header[colIndex(EXAMPLE_COLUMNS[m]) - 1], m);
          expect(joined, `${kpi}: header of ${m}`).toContain(header);
        }
        const formula = get(
          d.cells.find((c) => / = /.test(c.text)),
          `${kpi} formula cell`,
        ).text;
        expect(formula).toMatch(/[÷×]/);
        if (lang === 'en') {
          for (const m of measures) expect(formula.toLowerCase(), `${kpi} formula`).toContain(ENGLISH[m]);
        } else {
          // In the report's language: Arabic letters, no Latin words but the abbreviations in brackets.
          expect(formula).toMatch(/[\u0600-\u06ff]/);
          expect(formula.replace(/\([A-Z:]+\)/g, ''), `${kpi} formula`).not.toMatch(/[A-Za-z]/);
        }
      });
    });
  }

  it('the JSON says which measure fed each input (kpiInputs), as the columns say by hand', () => {
    for (const k of ['def', 'fa', 'ar']) {
      const j = report(k);
      for (const kpi of j.kpis) {
        const fed = Object.values(get(j.kpiInputs[kpi], `${k} kpiInputs.${kpi}`)).sort();
        expect(fed, `${k} ${kpi}`).toEqual([...get(KPI_INPUTS[kpi], kpi)].sort());
      }
    }
  });
});

interface ChartPart {
  path: string;
  xml: string;
  refs: string[];
}

async function chartsOf(k: string): Promise<ChartPart[]> {
  const wb = book(k);
  const sheet = reportSheet(k);
  const rels = await readRels(wb.zip, sheet.path);
  const drawing = [...rels.values()].find((r) => r.type.endsWith('/drawing'));
  if (!drawing) return [];
  const drels = await readRels(wb.zip, drawing.target);
  const out: ChartPart[] = [];
  for (const r of drels.values()) {
    if (!r.type.endsWith('/chart')) continue;
    const xml = (await wb.zip.file(r.target)?.async('string')) ?? '';
    out.push({
      path: r.target,
      xml,
      refs: [...xml.matchAll(/<c:f>([\s\S]*?)<\/c:f>/g)].map((m) => decodeXml(m[1] ?? '')),
    });
  }
  return out;
}

function seriesRefs(chart: ChartPart): { cat: string[]; val: string[] } {
  const cat = /<c:cat>[\s\S]*?<c:f>([\s\S]*?)<\/c:f>/.exec(chart.xml)?.[1];
  const val = /<c:val>[\s\S]*?<c:f>([\s\S]*?)<\/c:f>/.exec(chart.xml)?.[1];
  return {
    cat: parseRangeRef(decodeXml(get(cat, `${chart.path} categories`))).refs,
    val: parseRangeRef(decodeXml(get(val, `${chart.path} values`))).refs,
  };
}

describe('Native charts in the .xlsx', () => {
  for (const [k, lang] of [
    ['def', 'en'],
    ['fa', 'fa'],
  ] as [string, Lang][]) {
    it(`${k}: a bar chart by group and a line chart by period, over the report's cells, with values right by hand`, async () => {
      const charts = await chartsOf(k);
      const bar = get(
        charts.find((c) => /<c:barChart>/.test(c.xml)),
        'a bar chart part',
      );
      const line = get(
        charts.find((c) => /<c:lineChart>/.test(c.xml)),
        'a line chart part',
      );
      const sheet = reportSheet(k);
      for (const c of [bar, line]) {
        for (const ref of c.refs) expect(parseRangeRef(ref).sheet, `${c.path} ${ref}`).toBe(sheet.name);
      }
      const labels = labelsOf(k);
      // Bar: categories are the channels of the file; values live formulas equal to the KPI by hand.
      const b = seriesRefs(bar);
      const byChannel = sumsByChannel(data[lang]);
      expect(b.cat.map((r) => cellText(sheet, r)).sort()).toEqual([...byChannel.keys()].sort());
      const firstVal = get(b.val[0], 'bar values');
      const col = get(/^[A-Z]+/.exec(firstVal)?.[0], 'column');
      const headerRow = Number(firstVal.slice(col.length)) - 1;
      const kpi = get(
        kpiOfHeader(labels, cellText(sheet, `${col}${headerRow}`)),
        `KPI of header ${col}${headerRow}`,
      );
      b.cat.forEach((catRef, i) => {
        const cell = get(sheet.cells.get(get(b.val[i], 'value ref')), `bar value ${i}`);
        expect(cell.formula, `${cell.ref} is a formula`).not.toBeNull();
        const sums = get(byChannel.get(cellText(sheet, catRef)), 'channel sums');
        expect(close(Number(cell.text), get(kpiValue(kpi, sums), kpi)), `${cell.ref}`).toBe(true);
      });
      // Line: one point per period, live formulas.
      const l = seriesRefs(line);
      expect(l.cat.length).toBe(report(k).periods.length);
      for (const ref of l.val) expect(sheet.cells.get(ref)?.formula ?? null, ref).not.toBeNull();
      if (lang === 'en') {
        // English dates are ISO: bucket the rows by each period's [start, end) and divide by hand.
        report(k).periods.forEach((p, i) => {
          const rows = data.en.rows.filter(
            (r) => (r[2] ?? '') >= (p.start ?? '') && (r[2] ?? '') < (p.end ?? ''),
          );
          const cell = get(sheet.cells.get(get(l.val[i], 'line ref')), `line value ${i}`);
          expect(close(Number(cell.text), get(kpiValue(kpi, sumRows(rows)), kpi)), `${p.label}`).toBe(true);
        });
        expect(report(k).periods.reduce((a, p) => a + p.rows, 0)).toBe(data.en.rows.length);
      }
    });
  }
});

describe('Persian and Arabic, finished', () => {
  for (const lang of ['fa', 'ar'] as const) {
    it(`${lang}: the subtitle (and every report text) has no middle dot separator`, () => {
      const sheet = reportSheet(lang);
      expect(cellText(sheet, 'A2').length).toBeGreaterThan(0);
      expect(cellText(sheet, 'A2')).not.toContain('·');
      const withDot = textCells(sheet).filter((c) => c.text.includes('·'));
      expect(withDot.map((c) => `${c.ref}: ${c.text}`)).toEqual([]);
    });

    it(`${lang}: report text cells use one digit system (source names and citations aside)`, () => {
      const names = sourceNames(lang);
      const wrong = lang === 'fa' ? ARABIC_DIGIT : PERSIAN_DIGIT;
      const bad: string[] = [];
      for (const c of textCells(reportSheet(lang))) {
        if (CITATION.test(c.text)) continue;
        let t = c.text;
        for (const n of names) t = t.split(n).join(' ');
        if (LATIN_DIGIT.test(t) || wrong.test(t)) bad.push(`${c.ref}: ${c.text}`);
      }
      expect(bad).toEqual([]);
    });

    // The issue leaves quotations open; the lead decided (docs/digits.md) that a citation is quoted
    // as published, in its publisher's digits. What must hold then: one system per citation, and
    // the rule written down where the digits are documented.
    it(`${lang}: benchmark citations are quoted as published, in one digit system, as docs/digits.md says`, () => {
      const cites = textCells(reportSheet(lang)).filter((c) => CITATION.test(c.text));
      expect(cites.length).toBeGreaterThan(0);
      const native = lang === 'fa' ? PERSIAN_DIGIT : ARABIC_DIGIT;
      const mixed = cites.filter((c) => LATIN_DIGIT.test(c.text) && native.test(c.text));
      expect(mixed.map((c) => `${c.ref}: ${c.text}`)).toEqual([]);
      const doc = readFileSync(new URL('../../docs/digits.md', import.meta.url), 'utf8');
      expect(doc).toMatch(/citations?[^.]*as published/i);
    });

    it(`${lang}: the terminal's KPI table writes ${lang} digits`, () => {
      const lines = get(runs[lang], lang).stdout.split('\n');
      const start = lines.findIndex((l) => /^KPI\s+Name\s+Total\s+Status/.test(l));
      expect(start).toBeGreaterThanOrEqual(0);
      const table = lines.slice(start + 1, lines.indexOf('', start));
      expect(table.length).toBe(report(lang).kpis.length);
      const native = lang === 'fa' ? PERSIAN_DIGIT : ARABIC_DIGIT;
      for (const l of table) {
        const rest = l.replace(/^\S+\s+/, '');
        expect(rest, l).not.toMatch(LATIN_DIGIT);
        expect(rest, l).toMatch(native);
      }
    });

    it(`${lang}: the .xlsx number formats ask for ${lang} digits (numeral-shape prefix, docs/digits.md)`, () => {
      const wb = book(lang);
      const sheet = reportSheet(lang);
      const used = new Set<string>();
      for (const c of sheet.cells.values()) {
        if (!c.isString && c.text !== '') used.add(wb.styles[c.style]?.numFmt ?? 'General');
      }
      const prefix = lang === 'fa' ? /\[\$-3[0-9A-F]{2}0429\]/i : /\[\$-2[0-9A-F]{4}01\]/i;
      const without = [...used].filter((f) => !prefix.test(f));
      expect(without, 'formats of number cells without the prefix').toEqual([]);
    });
  }

  it('percent placement is consistent within every report text cell (en, fa, ar)', () => {
    for (const k of ['def', 'en', 'fa', 'ar']) {
      for (const c of textCells(reportSheet(k))) {
        const after = /[0-9۰-۹٠-٩][%٪]/.test(c.text);
        const before = /[%٪][0-9۰-۹٠-٩]/.test(c.text);
        expect(after && before, `${k} ${c.ref}: ${c.text}`).toBe(false);
      }
    }
  });
});

describe('Terminal and workbook', () => {
  it('money: "$1.13" in the terminal and a "$" before the number in the workbook (en)', () => {
    const r = get(runs.one, 'one');
    expect(r.code, r.stderr).toBe(0);
    // 12.40 ÷ 11 = 1.1272… → $1.13
    const cpcLine = get(
      r.stdout.split('\n').find((l) => /^cpc\s/.test(l)),
      'cpc line',
    );
    expect(cpcLine).toContain('$1.13');
    expect(cpcLine).not.toMatch(/1\.13\s*\$/);
    const sheet = reportSheet('one');
    const label = get(
      [...sheet.cells.values()].find(
        (c) => c.col === 'A' && /\(CPC\)/.test(c.text) && sheet.cells.get(`B${c.row}`)?.formula,
      ),
      'CPC total row',
    );
    const value = get(sheet.cells.get(`B${label.row}`), 'CPC total');
    expect(Number(value.text)).toBeCloseTo(12.4 / 11, 12);
    const fmt = book('one').styles[value.style]?.numFmt ?? '';
    expect(fmt, fmt).toMatch(/^[^0#]*\$[^0#]*[#0]/);
    expect(fmt, fmt).toMatch(/0\.00(?!0)/);
  });

  it('money: toman without decimals in the terminal and the workbook (fa)', () => {
    const mine = sumRows(data.fa.rows);
    const cpc = get(kpiValue('cpc', mine), 'cpc'); // 5,814,728,000 ÷ 73,872 = 78,713.56 → ۷۸٬۷۱۴
    const persian = String(Math.round(cpc))
      .replace(/\B(?=(\d{3})+(?!\d))/g, '٬')
      .replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
    const cpcLine = get(
      get(runs.fa, 'fa')
        .stdout.split('\n')
        .find((l) => /^cpc\s/.test(l)),
      'cpc line',
    );
    expect(cpcLine).toContain(`${persian} تومان`);
    const wb = book('fa');
    const sheet = reportSheet('fa');
    const moneyFormats = new Set(
      [...sheet.cells.values()]
        .filter((c) => !c.isString && c.text !== '')
        .map((c) => wb.styles[c.style]?.numFmt ?? '')
        .filter((f) => f.includes('تومان')),
    );
    expect(moneyFormats.size).toBeGreaterThan(0);
    for (const f of moneyFormats) expect(f, f).not.toMatch(/[0#]\.[0#]/);
  });

  it('a run without input says it used the bundled example and its template', () => {
    const r = get(runs.def, 'def');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('examples/campaigns-en.csv');
    expect(r.stdout).toContain('examples/template-en.json');
    expect(report('def').template).not.toBeNull();
  });

  it('plurals: a one-row file says "1 data row" in the terminal and "1 row" in the workbook', () => {
    const r = get(runs.one, 'one');
    expect(report('one').source.dataRows).toBe(1);
    expect(r.stdout).toMatch(/\b1 data row\b(?!s)/);
    expect(r.stdout).not.toMatch(/\b1 (data )?rows\b/);
    const subtitle = cellText(reportSheet('one'), 'A2');
    expect(subtitle).toMatch(/\b1 row\b/);
    expect(subtitle).not.toMatch(/\b1 rows\b/);
  });

  it('total rows left out are named in the terminal (row 4 of the file)', () => {
    const r = get(runs.total, 'total');
    expect(r.code, r.stderr).toBe(0);
    const head = r.stdout.split('\n\nKPI')[0] ?? '';
    expect(head).toMatch(/left out[^\n]*\btotal row\b[^\n]*\b4\b/i);
    expect(report('total').source.dataRows).toBe(2);
  });
});

describe('Benchmark figures are stored exactly', () => {
  /** figure × num ÷ den in exact decimal arithmetic, as a Number. */
  function exact(figure: string, num: bigint, den: bigint): number {
    const [i = '0', f = ''] = figure.split('.');
    const scaled = BigInt(i + f) * num;
    const q = 10n ** BigInt(f.length) * den;
    // den is 100: the result has f.length + 2 decimals at most.
    const digits = f.length + 2;
    const n = (scaled * 10n ** BigInt(digits)) / q;
    const s = n.toString().padStart(digits + 1, '0');
    return Number(`${s.slice(0, -digits)}.${s.slice(-digits)}`);
  }
  // docs/benchmarks.md: one published figure; fair = 0.75 × (higher) or 1.25 × (lower) the figure.
  const FIGURES: [string, string, 'higher' | 'lower', string][] = [
    ['search', 'ctr', 'higher', '0.0664'],
    ['search', 'conversion_rate', 'higher', '0.0818'],
    ['search', 'cpc', 'lower', '5.42'],
    ['search', 'cpl', 'lower', '66.69'],
    ['social', 'ctr', 'higher', '0.0171'],
    ['social', 'cpc', 'lower', '0.70'],
    ['social-leads', 'ctr', 'higher', '0.0259'],
    ['social-leads', 'cpl', 'lower', '27.66'],
    ['email', 'open_rate', 'higher', '0.215'],
    ['email', 'click_to_open_rate', 'higher', '0.105'],
    ['email', 'unsubscribe_rate', 'lower', '0.001'],
    ['email/retail', 'open_rate', 'higher', '0.171'],
    ['email/retail', 'click_to_open_rate', 'higher', '0.058'],
    ['email/education', 'open_rate', 'higher', '0.285'],
    ['email/education', 'click_to_open_rate', 'higher', '0.157'],
    ['email/education', 'unsubscribe_rate', 'lower', '0.002'],
  ];
  let KPI_BENCHMARK: (kpi: string, profile?: string) => unknown[][];
  beforeAll(() => {
    const ctx: Record<string, unknown> = { console };
    createContext(ctx);
    runInContext(readFileSync(join(ROOT, 'dist/Code.js'), 'utf8'), ctx);
    KPI_BENCHMARK = ctx.KPI_BENCHMARK as typeof KPI_BENCHMARK;
  });

  it('KPI_BENCHMARK returns the published figure and the fair bound exactly (0.16125, not 0.16124999…)', () => {
    for (const [profile, kpi, dir, figure] of FIGURES) {
      const row = get(KPI_BENCHMARK(kpi, profile)[0], `${kpi} ${profile}`);
      expect(row[0], `${kpi} ${profile} direction`).toBe(dir);
      const fair = exact(figure, dir === 'higher' ? 75n : 125n, 100n);
      if (dir === 'higher') {
        expect([row[1], row[3]], `${kpi} ${profile}`).toEqual([Number(figure), fair]);
      } else {
        expect([row[2], row[4]], `${kpi} ${profile}`).toEqual([Number(figure), fair]);
      }
    }
    // Tiers, no invented margin (Littledata): good ≥ 3.2%, fair ≥ 1.4%.
    const ecommerce = get(KPI_BENCHMARK('conversion_rate', 'ecommerce')[0], 'ecommerce');
    expect([ecommerce[1], ecommerce[3]]).toEqual([0.032, 0.014]);
  });

  it('no threshold of any profile or report legend carries floating-point noise', () => {
    const kpis = [
      'ctr',
      'cpc',
      'cpm',
      'conversion_rate',
      'cpa',
      'cpl',
      'cac',
      'roi',
      'roas',
      'open_rate',
      'click_to_open_rate',
      'unsubscribe_rate',
      'response_rate',
      'aov',
      'bounce_rate',
      'engagement_rate',
    ];
    const industries = [
      'marketing',
      'agriculture',
      'cpg',
      'education',
      'finance',
      'food',
      'government',
      'healthcare',
      'tech',
      'logistics',
      'media',
      'nonprofit',
      'professional',
      'real-estate',
      'retail',
      'travel',
      'fitness',
    ];
    const profiles = [...BASE_PROFILES, ...industries.map((i) => `email/${i}`)];
    const noisy: string[] = [];
    for (const p of profiles) {
      for (const k of kpis) {
        let rows: unknown[][];
        try {
          rows = KPI_BENCHMARK(k, p);
        } catch {
          continue; // no such benchmark in that profile
        }
        for (const v of (rows[0] ?? []).slice(1, 5)) {
          if (typeof v === 'number' && Number(v.toPrecision(12)) !== v) noisy.push(`${p} ${k}: ${v}`);
        }
      }
    }
    for (const key of Object.keys(runs)) {
      for (const l of runs[key]?.json?.legend ?? []) {
        for (const v of [l.thresholds?.good, l.thresholds?.fair]) {
          if (typeof v === 'number' && Number(v.toPrecision(12)) !== v)
            noisy.push(`${key} legend ${l.kpi}: ${v}`);
        }
      }
    }
    expect(noisy).toEqual([]);
  });
});

describe('Repository documents', () => {
  it('README links only to files inside the repository that a fresh clone has', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const tracked = new Set(
      spawnSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
        .stdout.split('\n')
        .filter((l) => l !== ''),
    );
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1] ?? '')
      .filter((l) => !/^[a-z]+:/i.test(l) && !l.startsWith('#'));
    expect(links.length).toBeGreaterThan(0);
    const bad: string[] = [];
    for (const link of links) {
      const path = (link.split('#')[0] ?? '').replace(/\/$/, '');
      const abs = join(ROOT, path);
      const inside = abs.startsWith(ROOT) && !path.startsWith('..');
      const inClone = tracked.has(path) || [...tracked].some((t) => t.startsWith(`${path}/`));
      if (!inside || !existsSync(abs) || !inClone) bad.push(link);
    }
    expect(bad).toEqual([]);
  });

  it('docs/screenshots holds renders of the example and sidebar and /inspect screenshots in en, fa, ar (real PNGs)', () => {
    const shots = join(ROOT, 'docs/screenshots');
    const problems: string[] = [];
    for (const lang of ['en', 'fa', 'ar']) {
      for (const name of [`report-${lang}.png`, `sidebar-${lang}.png`, `inspect-${lang}.png`]) {
        const p = join(shots, name);
        if (!existsSync(p)) {
          problems.push(`${name}: missing`);
          continue;
        }
        const buf = readFileSync(p);
        const isPng = buf
          .subarray(0, 8)
          .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        const w = buf.readUInt32BE(16);
        const h = buf.readUInt32BE(20);
        const size = statSync(p).size;
        console.log(`screenshot ${name}: ${w}×${h}, ${size} bytes`);
        if (!isPng || w < 250 || h < 250 || size < 15_000)
          problems.push(`${name}: png=${isPng} ${w}×${h} ${size} B`);
      }
    }
    expect(problems).toEqual([]);
  });

  /** Column widths of a worksheet (<cols>), by 1-based column. */
  function widthsOf(sheet: Sheet): Map<number, number> {
    const widths = new Map<number, number>();
    for (const m of sheet.xml.matchAll(/<col\s[^>]*min="(\d+)"[^>]*max="(\d+)"[^>]*width="([\d.]+)"/g)) {
      for (let i = Number(m[1]); i <= Number(m[2]); i++) widths.set(i, Number(m[3]));
    }
    return widths;
  }

  it('the copied source-data sheet has widths that fit its texts', () => {
    const problems: string[] = [];
    for (const lang of ['en', 'fa'] as const) {
      const src = get(book(lang).sheets[1], `${lang} data sheet`);
      const widths = widthsOf(src);
      const d = data[lang];
      d.header.forEach((h, i) => {
        // A width is about a character of the default font; allow 20% and cap very long texts at 40.
        const longest = Math.max(h.length, ...d.rows.map((r) => (r[i] ?? '').length));
        const w = widths.get(i + 1) ?? 8.43;
        if (w < 0.8 * Math.min(longest, 40))
          problems.push(`${lang} column ${i + 1} (${h}): width ${w} for ${longest} characters`);
      });
    }
    expect(problems).toEqual([]);
  });

  it("the copied source-data sheet keeps the numbers' look: decimals (en 156.95) and thousands (fa ۱۷٬۴۴۲٬۰۰۰)", () => {
    const problems: string[] = [];
    for (const [lang, col, want] of [
      ['en', 'D', /0\.00/],
      ['en', 'K', /0\.00/],
      ['fa', 'D', /#,##0/],
      ['fa', 'K', /#,##0/],
    ] as [Lang, string, RegExp][]) {
      const wb = book(lang);
      const src = get(wb.sheets[1], `${lang} data sheet`);
      const cell = get(src.cells.get(`${col}2`), `${lang} ${col}2`);
      expect(readNumber(cell.text)).toBe(readNumber(data[lang].rows[0]?.[colIndex(col) - 1] ?? ''));
      const fmt = wb.styles[cell.style]?.numFmt ?? 'General';
      if (!want.test(fmt)) problems.push(`${lang} ${col}: format ${fmt}`);
    }
    expect(problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// What prints: LibreOffice's PDF of the report sheet alone.

if (!HAS_SOFFICE && !process.env.CI) {
  console.warn(
    '\n**********\n* WARNING: soffice (LibreOffice) not found: the print and chart-render checks of issue 12 are SKIPPED.\n* On CI they run (and fail if LibreOffice is missing).\n**********\n',
  );
}

describe.skipIf(!HAS_SOFFICE && !process.env.CI)('What prints (LibreOffice → PDF)', () => {
  const PRINT_CASES = ['def', 'en', 'fa', 'ar'];
  const pdfDir = join(dir, 'pdf');
  const pdf = (name: string) => join(pdfDir, `${name}.pdf`);
  const scales: string[] = [];

  beforeAll(async () => {
    const inputs: string[] = [];
    const add = async (name: string, src: string, paper: 'A4' | 'Letter', withoutDrawing = false) => {
      const dst = join(dir, `${name}.xlsx`);
      await reportOnlyCopy(src, dst, { paper, withoutDrawing });
      inputs.push(dst);
    };
    for (const k of PRINT_CASES) {
      const src = get(runs[k], k).xlsx;
      await add(`print-${k}-A4`, src, 'A4');
      await add(`print-${k}-Letter`, src, 'Letter');
    }
    for (const k of ['def', 'fa']) await add(`nochart-${k}`, get(runs[k], k).xlsx, 'A4', true);
    await add('print-one-A4', get(runs.one, 'one').xlsx, 'A4');
    convertToPdf(inputs, pdfDir);
  }, 300_000);

  afterAll(() => {
    if (scales.length) console.log(`Print scales found (pageSetup): ${scales.join(', ')}`);
  });

  for (const k of PRINT_CASES) {
    it(`${k}: landscape, print titles (label column and top rows), scale ≥ 90%`, () => {
      const sheet = reportSheet(k);
      const setup = get(/<pageSetup\b[^>]*>/.exec(sheet.xml)?.[0], 'pageSetup');
      expect(setup).toMatch(/orientation="landscape"/);
      const scale = Number(/\bscale="(\d+)"/.exec(setup)?.[1] ?? 100);
      const fitToPage = /<pageSetUpPr[^>]*fitToPage="(1|true)"/.test(sheet.xml);
      scales.push(`${k} ${scale}%${fitToPage ? ' (fitToPage on: scale ignored)' : ''}`);
      const titles = get(
        book(k).definedNames.find((d) => d.name === '_xlnm.Print_Titles' && d.localSheetId === 0),
        'Print_Titles of the report sheet',
      ).value;
      expect(titles).toMatch(/!\$A:\$A/);
      expect(titles).toMatch(/!\$1:\$\d+/);
      expect(fitToPage).toBe(false);
      expect(scale, `${k} print scale`).toBeGreaterThanOrEqual(90);
    });

    for (const paper of ['A4', 'Letter'] as const) {
      it(`${k}: the report sheet alone prints on at most 3 landscape ${paper} pages, each with the title`, () => {
        const file = pdf(`print-${k}-${paper}`);
        const info = pdfInfo(file);
        console.log(`${k} ${paper}: ${info.pages} page(s), ${info.width}×${info.height} pt`);
        expect(info.width).toBeGreaterThan(info.height);
        expect(info.pages).toBeGreaterThanOrEqual(1);
        expect(info.pages).toBeLessThanOrEqual(3);
        const title = comparable(cellText(reportSheet(k), 'A1'));
        for (let p = 1; p <= info.pages; p++) {
          expect(comparable(pageText(file, p)), `page ${p}`).toContain(title);
        }
      });
    }

    it(`${k}: no number prints as ### (a column too narrow for its value)`, () => {
      for (const paper of ['A4', 'Letter']) {
        const file = pdf(`print-${k}-${paper}`);
        const hashes: string[] = [];
        for (let p = 1; p <= pdfInfo(file).pages; p++) {
          for (const line of pageText(file, p, true).split('\n'))
            if (/#{3,}/.test(line)) hashes.push(`${paper} p${p}: ${line.trim()}`);
        }
        expect(hashes).toEqual([]);
      }
    });

    it(`${k}: page breaks fall before sections; KPI columns first, with wrapping headers`, () => {
      const sheet = reportSheet(k);
      const headingStyle = get(sheet.cells.get('A4'), 'first section heading').style;
      for (const m of sheet.xml.matchAll(/<brk id="(\d+)"/g)) {
        const next = Number(m[1]) + 1;
        expect(sheet.cells.get(`A${next}`)?.style, `row ${next} after a page break`).toBe(headingStyle);
      }
      const j = report(k);
      const groupHeader = get(j.groupBy?.header, 'groupBy header');
      const labels = labelsOf(k);
      const headerCell = get(
        [...sheet.cells.values()].find(
          (c) => c.col === 'A' && c.text === groupHeader && rowCells(sheet, c.row).length > 2,
        ),
        'group table header',
      );
      const cells = rowCells(sheet, headerCell.row).slice(1);
      const kinds = cells.map((c) => kpiOfHeader(labels, c.text) !== undefined);
      expect(kinds.slice(0, j.kpis.length).every(Boolean), cells.map((c) => c.text).join(' | ')).toBe(true);
      expect(kinds.slice(j.kpis.length).some(Boolean)).toBe(false);
      for (const c of [headerCell, ...cells])
        expect(book(k).styles[c.style]?.wrap, `${c.ref} wraps`).toBe(true);
    });
  }

  for (const k of ['def', 'fa']) {
    it(`${k}: the PDF of the report page contains the charts`, async () => {
      const a = renderGrey(pdf(`print-${k}-A4`));
      const b = renderGrey(pdf(`nochart-${k}`));
      expect([a.width, a.height]).toEqual([b.width, b.height]);
      let differ = 0;
      for (let i = 0; i < a.pixels.length; i++)
        if (Math.abs((a.pixels[i] ?? 0) - (b.pixels[i] ?? 0)) > 40) differ++;
      const share = differ / a.pixels.length;
      console.log(`${k}: page 1 pixels changed by the charts: ${(share * 100).toFixed(1)}%`);
      expect(share).toBeGreaterThan(0.01);
      if (k === 'def') {
        // The chart titles are drawn text: find them on page 1.
        const text = pageText(pdf(`print-${k}-A4`), 1).replace(/\s+/g, ' ');
        for (const chart of await chartsOf(k)) {
          const title = [...chart.xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
            .map((m) => decodeXml(m[1] ?? ''))
            .join('');
          expect(title.length).toBeGreaterThan(0);
          expect(text, chart.path).toContain(title.replace(/\s+/g, ' '));
        }
      }
    });
  }

  it('money prints as "$1.13" (en) and toman without decimals (fa)', () => {
    const en = pageText(pdf('print-one-A4'), 1);
    expect(en).toContain('$1.13');
    const fa = latinDigits(pageText(pdf('print-fa-A4'), 1)).replace(/٬/g, ',');
    // CPC 78,713.56 toman rounds to 78,714.
    expect(fa).toMatch(/78,714(?![.٫]\d)/);
    expect(fa).not.toMatch(/78,713[.٫]56/);
  });

  /**
   * Where the percent sign is drawn beside its number: poppler gives each word's box, in drawn
   * (visual) order; a sign drawn left of one number and right of another is the issue's
   * "6.66% and %5.00 side by side".
   */
  function percentSides(words: Word[]): { side: string; line: string }[] {
    const lines = new Map<string, Word[]>();
    for (const w of words) {
      const key = `${w.page}:${Math.round(w.yMin)}`;
      lines.set(key, [...(lines.get(key) ?? []), w]);
    }
    const out: { side: string; line: string }[] = [];
    for (const [key, ws] of lines) {
      ws.sort((a, b) => a.xMin - b.xMin);
      const text = `${key} ${ws.map((w) => w.text).join(' ')}`;
      ws.forEach((w, i) => {
        if (!w.text.includes('٪')) return;
        if (/^[۰-۹٠-٩٫٬]+٪$/.test(w.text)) out.push({ side: 'right', line: text });
        else if (/^٪[۰-۹٠-٩٫٬]+$/.test(w.text)) out.push({ side: 'left', line: text });
        else if (w.text === '٪') {
          const next = ws[i + 1];
          const prev = ws[i - 1];
          if (next && next.xMin - w.xMax < 1.5 && /^[۰-۹٠-٩]/.test(next.text))
            out.push({ side: 'left', line: text });
          else if (prev && w.xMin - prev.xMax < 1.5 && /[۰-۹٠-٩]$/.test(prev.text))
            out.push({ side: 'right', line: text });
        }
      });
    }
    return out;
  }

  for (const k of ['fa', 'ar']) {
    it(`${k}: the printed percent sign sits on the same side of its number everywhere`, () => {
      const sides = percentSides(pdfWords(pdf(`print-${k}-A4`)));
      expect(sides.length).toBeGreaterThan(0);
      const counts = sides.reduce<Record<string, number>>((acc, s) => {
        acc[s.side] = (acc[s.side] ?? 0) + 1;
        return acc;
      }, {});
      console.log(`${k}: percent sign drawn ${JSON.stringify(counts)} of the number`);
      const ranked = Object.entries(counts).sort((a, b) => b[1] - a[1]);
      const minority = sides.filter((s) => s.side !== ranked[0]?.[0]);
      expect(
        minority.map((s) => s.line),
        'lines where the sign is drawn on the other side',
      ).toEqual([]);
    });
  }
});
