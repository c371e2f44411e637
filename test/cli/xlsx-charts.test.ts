/**
 * Native charts in the report workbook (issue 12): the package stays consistent (every part has
 * a content type, every relationship and r:id resolves), the drawing sits where the worksheet
 * schema wants it, and each chart's series refer to the report cells that hold the numbers the
 * report JSON gives (the headline KPI by group and by period). LibreOffice, an independent reader,
 * renders the charts into a PDF and keeps them when it saves the workbook again, recomputing their
 * data from the formulas (the caches it was given are poisoned first).
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { columnIndex } from '../../src/core/detect/letters';
import { writeReportXlsx } from '../../src/xlsx/write-report';
import { runReport } from '../helpers/cli-run';
import { sampleModel } from './fixtures/sample-model';
import { sameNumber } from './formula-check';
import { sofficePath } from './libreoffice';
import {
  type ChartRead,
  chartsOf,
  convertAll,
  editedCopy,
  letters,
  packageProblems,
  parseChartRef,
  part,
  partNames,
  pdfLetters,
  sheetNames,
  sheetPart,
  sheetValues,
} from './xlsx-package';

const soffice = sofficePath();
const onCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
const withLibreOffice = soffice !== null || onCi;
if (!withLibreOffice) {
  console.warn(
    '\n!!! SKIPPED: LibreOffice chart checks: `soffice` not found (apt-get install libreoffice-calc-nogui). They run on CI.\n',
  );
}

const dir = mkdtempSync(join(tmpdir(), 'mizan-charts-'));
const example = (lang: string) =>
  fileURLToPath(new URL(`../../examples/campaigns-${lang}.csv`, import.meta.url));

interface ReportJson {
  readonly kpis: readonly string[];
  readonly groups: readonly { label: string; kpis: Record<string, { value: number | null }> }[];
  readonly periods: readonly { label: string; kpis: Record<string, { value: number | null }> }[];
}

interface Written {
  readonly xlsx: string;
  readonly json: ReportJson;
  readonly sheet: string;
}

/** `mizan report` on an input, as a user runs it: the workbook and the JSON of the same report. */
async function report(input: string, name: string): Promise<Written> {
  const xlsx = join(dir, `${name}.xlsx`);
  const json = join(dir, `${name}.json`);
  const run = await runReport([input, '--out', xlsx, '--json', json, '-q'], dir);
  if (run.status !== 0) throw new Error(`mizan report ${input}: ${run.err}`);
  return { xlsx, json: JSON.parse(readFileSync(json, 'utf8')), sheet: sheetNames(xlsx)[0] as string };
}

const CASES = ['en', 'fa', 'ar', 'apostrophe', 'narrow'] as const;

/** Text without an ASCII character standing alone between two Arabic-script letters. */
const dropStray = (text: string): string =>
  text.replace(/(?<=[\u0600-\u06ff])[\x21-\x7e](?=[\u0600-\u06ff])/g, '');
const written = new Map<string, Written>();

/**
 * The English example with only Channel, Date, Cost, Impressions and Clicks: a totals table too
 * short to chart beside, next to tables wide enough to be under the charts.
 */
function narrowCsv(): string {
  const lines = readFileSync(example('en'), 'utf8').trim().split(/\r?\n/);
  const keep = [0, 2, 3, 4, 5];
  const path = join(dir, 'narrow.csv');
  writeFileSync(path, `${lines.map((l) => keep.map((i) => l.split(',')[i]).join(',')).join('\n')}\n`);
  return path;
}

beforeAll(async () => {
  // A file name with an apostrophe: the sheet name in every chart formula must be quoted right.
  const odd = join(dir, "Bob's campaigns.csv");
  copyFileSync(example('en'), odd);
  const inputs: Record<(typeof CASES)[number], string> = {
    en: example('en'),
    fa: example('fa'),
    ar: example('ar'),
    apostrophe: odd,
    narrow: narrowCsv(),
  };
  for (const c of CASES) written.set(c, await report(inputs[c], c));
}, 60_000);

const get = (c: string) => written.get(c) as Written;

/** What the JSON says a chart of the headline KPI over these rows must show. */
function expected(
  json: ReportJson,
  rows: ReportJson['groups'],
): { labels: string[]; values: (number | null)[] } {
  const kpi = json.kpis[0] as string;
  return { labels: rows.map((r) => r.label), values: rows.map((r) => r.kpis[kpi]?.value ?? null) };
}

function expectSameValues(got: readonly (number | string | undefined)[], want: readonly (number | null)[]) {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => {
    const g = got[i];
    if (w === null) expect(g === undefined || g === '').toBe(true);
    else if (typeof g !== 'number' || !sameNumber(g, w))
      expect.fail(`point ${i}: ${g} where the JSON has ${w}`);
  });
}

/** The chart of `kind`, checked against the JSON through the cells its formulas name. */
function checkChart(w: Written, chart: ChartRead | undefined, rows: ReportJson['groups']) {
  if (!chart) throw new Error('chart missing');
  const want = expected(w.json, rows);
  expect(chart.series).toHaveLength(1);
  const series = chart.series[0] as ChartRead['series'][number];
  const cats = parseChartRef(series.categoriesRef);
  const vals = parseChartRef(series.valuesRef);
  expect(cats.sheet).toBe(w.sheet);
  expect(vals.sheet).toBe(w.sheet);
  const cells = sheetValues(w.xlsx, w.sheet);
  expect(cats.cells.map((a) => cells.get(a))).toEqual(want.labels);
  expectSameValues(
    vals.cells.map((a) => cells.get(a)),
    want.values,
  );
  // The caches (what a viewer that does not recalculate shows) hold the same.
  expect(series.categoriesCache).toEqual(want.labels);
  expectSameValues(series.valuesCache, want.values);
  // The title names the KPI whose column it charts: the header cell above the values.
  const first = vals.cells[0] as string;
  const header = cells.get(first.replace(/\d+$/, (n) => String(Number(n) - 1)));
  expect(typeof header).toBe('string');
  expect(chart.title.startsWith(header as string)).toBe(true);
}

describe('native charts in the report workbook', () => {
  it.each(CASES)('%s: the package is consistent (content types, relationships, r:ids)', (c) => {
    const { xlsx } = get(c);
    expect(packageProblems(xlsx)).toEqual([]);
    const names = partNames(xlsx);
    expect(names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(2);
    expect(names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(1);
    const types = part(xlsx, '[Content_Types].xml');
    expect(types).toContain('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
    expect(types).toContain('application/vnd.openxmlformats-officedocument.drawing+xml');
  });

  it('the package check notices a missing content type, a dangling relationship and an unknown r:id', async () => {
    const broken = await editedCopy(get('en').xlsx, join(dir, 'broken.xlsx'), (name, text) => {
      if (name === '[Content_Types].xml')
        return text.replace(/<Override PartName="\/xl\/charts\/chart1\.xml"[^>]*\/>/, '');
      if (name === 'xl/drawings/_rels/drawing1.xml.rels') return text.replace('chart2.xml', 'chart9.xml');
      if (name.startsWith('xl/worksheets/sheet1.xml'))
        return text.replace(/<drawing r:id="[^"]*"/, '<drawing r:id="rId99"');
      return text;
    });
    const problems = packageProblems(broken);
    expect(problems).toContain(
      'xl/charts/chart1.xml is application/xml, not application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
    );
    expect(problems.some((p) => p.includes('missing xl/charts/chart9.xml'))).toBe(true);
    expect(problems).toContain('xl/worksheets/sheet1.xml uses rId99, not in its relationships');
  });

  it.each(CASES)(
    '%s: the drawing is where CT_Worksheet puts it (after the page setup, before the notes)',
    (c) => {
      const { xlsx, sheet } = get(c);
      const xml = part(xlsx, sheetPart(xlsx, sheet));
      const at = (tag: string) => xml.indexOf(`<${tag}`, xml.indexOf('</sheetData>'));
      expect(at('drawing')).toBeGreaterThan(at('pageSetup'));
      expect(at('pageSetup')).toBeGreaterThan(at('pageMargins'));
      expect(at('legacyDrawing')).toBeGreaterThan(at('drawing'));
      expect(xml.match(/<drawing /g)).toHaveLength(1);
    },
  );

  it.each(CASES)(
    '%s: a bar chart of the headline KPI by group, from the cells holding the JSON’s numbers',
    (c) => {
      const w = get(c);
      checkChart(
        w,
        chartsOf(w.xlsx, w.sheet).find((ch) => ch.kind === 'bar'),
        w.json.groups,
      );
    },
  );

  it.each(CASES)(
    '%s: a line chart of the headline KPI by period, from the cells holding the JSON’s numbers',
    (c) => {
      const w = get(c);
      checkChart(
        w,
        chartsOf(w.xlsx, w.sheet).find((ch) => ch.kind === 'line'),
        w.json.periods,
      );
    },
  );

  it.each(CASES)('%s: the charts cover no cell of the report', (c) => {
    const w = get(c);
    const drawing = partNames(w.xlsx).find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)) as string;
    const anchors = [
      ...part(w.xlsx, drawing).matchAll(/<xdr:twoCellAnchor\b[\s\S]*?<\/xdr:twoCellAnchor>/g),
    ].map((m) => {
      const at = (tag: string, field: string) =>
        Number(new RegExp(`<xdr:${tag}>[\\s\\S]*?<xdr:${field}>(\\d+)<`).exec(m[0])?.[1]);
      return {
        top: at('from', 'row'),
        left: at('from', 'col'),
        bottom: at('to', 'row'),
        right: at('to', 'col'),
      };
    });
    expect(anchors).toHaveLength(2);
    const covered: string[] = [];
    for (const ref of sheetValues(w.xlsx, w.sheet).keys()) {
      const m = /^([A-Z]+)(\d+)$/.exec(ref) as RegExpExecArray;
      const col = columnIndex(m[1] as string);
      const row = Number(m[2]) - 1;
      // A `to` corner with no offset is the cell where the chart ends: that cell is free.
      for (const a of anchors)
        if (row >= a.top && row < a.bottom && col >= a.left && col < a.right) covered.push(ref);
    }
    expect(covered).toEqual([]);
    // The two charts side by side, apart.
    const [a, b] = anchors as [(typeof anchors)[number], (typeof anchors)[number]];
    expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
  });

  it('titles in the report’s language: Persian and Arabic text kept exactly', () => {
    for (const c of ['fa', 'ar']) {
      const titles = chartsOf(get(c).xlsx, get(c).sheet).map((ch) => ch.title);
      for (const t of titles) expect(t).toMatch(/[\u0600-\u06ff]/);
    }
    expect(chartsOf(get('fa').xlsx, get('fa').sheet)[0]?.title).not.toBe(
      chartsOf(get('ar').xlsx, get('ar').sheet)[0]?.title,
    );
  });

  it('a report without groups or periods gets no chart parts, and stays consistent', async () => {
    const path = join(dir, 'no-charts.xlsx');
    await writeReportXlsx(sampleModel(), path);
    expect(partNames(path).filter((n) => /chart|drawing\d/.test(n))).toEqual([]);
    expect(part(path, 'xl/worksheets/sheet1.xml')).not.toContain('<drawing ');
    expect(packageProblems(path)).toEqual([]);
  });
});

/** Every cached number of formula cells and of chart caches replaced: only a recalculation brings them back. */
const POISON = '-987654.321';
function poisoned(name: string, text: string): string {
  if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
    return text.replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, `$1<v>${POISON}</v>`);
  }
  if (/^xl\/charts\/chart\d+\.xml$/.test(name)) {
    return text.replace(/(<c:numCache>[\s\S]*?<\/c:numCache>)/g, (cache) =>
      cache.replace(/(<c:pt idx="\d+"><c:v>)[^<]*(<\/c:v>)/g, `$1${POISON}$2`),
    );
  }
  return text;
}

describe.skipIf(!withLibreOffice)('LibreOffice reads the charts', () => {
  it('renders them: each chart’s title is in the PDF, in every language', () => {
    const pdfs = convertAll(
      CASES.map((c) => get(c).xlsx),
      'pdf',
    );
    CASES.forEach((c, i) => {
      // LibreOffice draws a chart's Arabic-script text in runs whose joins pdftotext extracts as
      // a lone ASCII character between two letters ("نرخ; تب;دیل", "الت9ح9ویل"): dropped, as no
      // title holds one (checked below).
      const text = dropStray(pdfLetters(pdfs[i] as string));
      const titles = chartsOf(get(c).xlsx, get(c).sheet).map((ch) => ch.title);
      expect(titles).toHaveLength(2);
      // A title is found only where the chart is drawn: no cell holds "KPI – section" text.
      for (const t of titles) {
        expect(dropStray(letters(t))).toBe(letters(t));
        expect(text.includes(letters(t)), `${c}: "${t}" in the PDF`).toBe(true);
      }
    });
  }, 120_000);

  it('keeps them when it saves the workbook, with their data recomputed from the formulas', async () => {
    const inputs = await Promise.all(
      CASES.map((c) => editedCopy(get(c).xlsx, join(dir, `poisoned-${c}.xlsx`), poisoned)),
    );
    // The poison reached the charts (else the check below proves nothing).
    expect(chartsOf(inputs[0] as string, get('en').sheet)[0]?.series[0]?.valuesCache[0]).toBe(Number(POISON));
    const saved = convertAll(inputs, 'xlsx');
    CASES.forEach((c, i) => {
      const w = get(c);
      const again = chartsOf(saved[i] as string, w.sheet);
      const before = chartsOf(w.xlsx, w.sheet);
      expect(again.map((ch) => ch.kind).sort()).toEqual(['bar', 'line']);
      for (const kind of ['bar', 'line'] as const) {
        const a = again.find((ch) => ch.kind === kind)?.series[0];
        const b = before.find((ch) => ch.kind === kind)?.series[0];
        expect(parseChartRef(a?.valuesRef ?? '')).toEqual(parseChartRef(b?.valuesRef ?? ''));
        expect(parseChartRef(a?.categoriesRef ?? '')).toEqual(parseChartRef(b?.categoriesRef ?? ''));
        const want = expected(w.json, kind === 'bar' ? w.json.groups : w.json.periods);
        expectSameValues(a?.valuesCache ?? [], want.values);
        expect(a?.categoriesCache).toEqual(want.labels);
      }
    });
  }, 120_000);
});
