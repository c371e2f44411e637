/**
 * Acceptance checks for issue 9 ("real exports give wrong totals"), written black-box from the
 * issue text, README.md, docs/report-json.md and `--help` only: nothing under src/ was read.
 * Each case runs the real command (`node bin/mizan.mjs report …`, as test/cli/cli.test.ts does)
 * on a small file under test/acceptance/inputs/issue9/ and checks the JSON it writes.
 * Expected numbers are worked out by hand in the comments; floats compare with relative 1e-9.
 * Where the issue leaves wording open, only what it fixes is asserted: numbers, exit codes, a
 * line number, that a note exists (and names the column or rows it is about).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INPUTS = join(ROOT, 'test/acceptance/inputs/issue9');
const work = mkdtempSync(join(tmpdir(), 'mizan-issue9-'));

/** The parts of the JSON document (docs/report-json.md, version 1) these checks read. */
interface MappingEntry {
  readonly column: string;
  readonly header: string;
  readonly role: 'measure' | 'dimension' | 'precomputed' | 'ignored';
  readonly as: string | null;
  readonly currency: string | null;
  readonly overridden: boolean;
}
interface Note {
  readonly message: string;
  readonly rows: number[];
  readonly column: string | null;
}
interface Doc {
  readonly source: {
    readonly headerRow: number;
    readonly dataRows: number;
    readonly currency: string | null;
    readonly platform?: string | null;
  };
  readonly mapping: MappingEntry[];
  readonly kpiInputs: Record<string, Record<string, string>>;
  readonly totals: {
    readonly measures: Record<string, number | null | undefined>;
    readonly kpis: Record<string, { value: number | null } | undefined>;
  };
  readonly notes: Note[];
}
interface Run {
  readonly status: number | null;
  /** stdout and stderr together: where a message goes is not what the issue fixes. */
  readonly text: string;
  readonly jsonPath: string;
  readonly doc: Doc | null;
}

let runs = 0;

/** Runs `mizan report <input> --json <tmp> …args` as a child process. */
function report(input: string, args: string[] = []): Run {
  const path = input.includes('/') ? input : join(INPUTS, input);
  const jsonPath = join(work, `${basename(path).replace(/\.\w+$/, '')}-${++runs}.json`);
  const child = spawnSync(
    process.execPath,
    [join(ROOT, 'bin/mizan.mjs'), 'report', path, '--json', jsonPath, ...args],
    { encoding: 'utf8', cwd: work, env: { ...process.env, NO_COLOR: '1' } },
  );
  const doc = existsSync(jsonPath) ? (JSON.parse(readFileSync(jsonPath, 'utf8')) as Doc) : null;
  return { status: child.status, text: `${child.stdout}\n${child.stderr}`, jsonPath, doc };
}

/** The document of a run that must have succeeded (exit 0 and a JSON written). */
function ok(run: Run): Doc {
  expect(run.status, run.text).toBe(0);
  expect(run.doc, 'no JSON written').not.toBeNull();
  return run.doc as Doc;
}

function close(got: number | null | undefined, want: number, what: string): void {
  expect(typeof got, `${what}: ${got} (want ${want})`).toBe('number');
  const g = got as number;
  const ok = Math.abs(g - want) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(g), Math.abs(want)));
  expect(ok, `${what}: ${g} (want ${want})`).toBe(true);
}

function measures(doc: Doc, want: Record<string, number>): void {
  for (const [id, value] of Object.entries(want)) close(doc.totals.measures[id], value, `measure ${id}`);
}

function kpi(doc: Doc, id: string): number | null | undefined {
  return doc.totals.kpis[id]?.value;
}

function column(doc: Doc, header: string): MappingEntry {
  const entry = doc.mapping.find((m) => m.header.trim() === header);
  expect(
    entry,
    `no mapping entry for "${header}": ${doc.mapping.map((m) => m.header).join(' | ')}`,
  ).toBeDefined();
  return entry as MappingEntry;
}

/** The columns summed into one measure. */
function summedAs(doc: Doc, measure: string): string[] {
  return doc.mapping.filter((m) => m.role === 'measure' && m.as === measure).map((m) => m.header.trim());
}

/** A note about a column: it names the column by letter or quotes its header. */
function noteAbout(doc: Doc, header: string): Note | undefined {
  const letter = doc.mapping.find((m) => m.header.trim() === header)?.column;
  return doc.notes.find((n) => (letter !== undefined && n.column === letter) || n.message.includes(header));
}

function expectNoteAbout(doc: Doc, header: string): void {
  const found = noteAbout(doc, header);
  expect(
    found,
    `no note about "${header}": ${JSON.stringify(doc.notes.map((n) => n.message))}`,
  ).toBeDefined();
}

/** The refusal names the physical line: "line 6", "lines 6", "row 6" all count. */
function namesLine(text: string, line: number): boolean {
  return new RegExp(`\\b(lines?|rows?)\\s*:?\\s*${line}\\b`, 'i').test(text);
}

describe('issue 9: number style (decimal and grouping separators)', () => {
  it('a ;-separated file with "1.234,56 €" and dotted counts reads them as thousands', () => {
    // Cost: 1234.56 + 987.10 + 45.00 = 2266.66; impressions 45678 + 23456 + 3210 = 72344;
    // clicks 1234 + 789 + 56 = 2079. The bug read 45.678 and 1.234 (CTR far above 100%).
    const doc = ok(report('eu-semicolon.csv'));
    expect(doc.source.dataRows).toBe(3);
    measures(doc, { cost: 2266.66, impressions: 72344, clicks: 2079 });
    close(kpi(doc, 'ctr'), 2079 / 72344, 'ctr');
    close(kpi(doc, 'cpc'), 2266.66 / 2079, 'cpc');
    close(kpi(doc, 'cpm'), (2266.66 / 72344) * 1000, 'cpm');
  });

  it('a tab file with "12,50" cost and "1.234" clicks: counts would be fractional, so comma decimals', () => {
    // Cost 12.50 + 3.75 = 16.25; impressions 45678 + 9001 = 54679; clicks 1234 + 87 = 1321.
    const doc = ok(report('eu-tab-fractional-counts.csv'));
    expect(doc.source.dataRows).toBe(2);
    measures(doc, { cost: 16.25, impressions: 54679, clicks: 1321 });
    close(kpi(doc, 'ctr'), 1321 / 54679, 'ctr');
  });

  it('a ,-separated file with "1,234.56" keeps the dot decimal (no regression)', () => {
    // Cost 1234.56 + 987.10 = 2221.66; impressions 45678 + 23456 = 69134; clicks 1234 + 789 = 2023.
    const doc = ok(report('us-comma.csv'));
    expect(doc.source.dataRows).toBe(2);
    measures(doc, { cost: 2221.66, impressions: 69134, clicks: 2023 });
  });

  it('truly ambiguous "1.500" / "2.250": exit 0, one consistent reading, and a note saying so', () => {
    // Tab-separated, no value with both separators, counts without separators: 1.500 is 1500 or
    // 1.5. Either reading is allowed; the report must say it guessed. Impressions 800 + 950 = 1750,
    // clicks 12 + 15 = 27 either way.
    const doc = ok(report('ambiguous-decimal.csv'));
    expect(doc.source.dataRows).toBe(2);
    measures(doc, { impressions: 1750, clicks: 27 });
    const cost = doc.totals.measures.cost as number;
    expect(
      [3750, 3.75].some((w) => Math.abs(cost - w) <= 1e-9 * w),
      `cost ${cost}`,
    ).toBe(true);
    // The note is about the Cost column or about the decimal mark ("Cost" alone would also match
    // unrelated notes such as "Cost per click …").
    const note = doc.notes.find((n) => n.column === 'B' || /decimal|separator|thousand/i.test(n.message));
    expect(note, JSON.stringify(doc.notes)).toBeDefined();
  });

  it('--decimal , reads "1.500" as one thousand five hundred', () => {
    // 1500 + 2250 = 3750; CPC 3750 / 27.
    const doc = ok(report('ambiguous-decimal.csv', ['--decimal', ',']));
    measures(doc, { cost: 3750, impressions: 1750, clicks: 27 });
    close(kpi(doc, 'cpc'), 3750 / 27, 'cpc');
  });

  it('--decimal . reads "1.500" as one and a half', () => {
    // 1.5 + 2.25 = 3.75; CPC 3.75 / 27.
    const doc = ok(report('ambiguous-decimal.csv', ['--decimal', '.']));
    measures(doc, { cost: 3.75, impressions: 1750, clicks: 27 });
    close(kpi(doc, 'cpc'), 3.75 / 27, 'cpc');
  });

  it('--decimal with another value is a bad command line (exit 2)', () => {
    const run = report('ambiguous-decimal.csv', ['--decimal', 'x']);
    expect(run.status, run.text).toBe(2);
    expect(run.text).toContain('--decimal');
  });
});

describe('issue 9: comments are only the block at the top', () => {
  it('keeps data rows whose first cell starts with # (#BlackFriday, #1 Summer sale)', () => {
    // Four data rows. Impressions 10000 + 8000 + 5000 + 2000 = 25000; clicks 300 + 200 + 250 + 50
    // = 800; cost 150.00 + 120.50 + 80.25 + 30.00 = 380.75.
    const doc = ok(report('hash-rows.csv'));
    expect(doc.source.dataRows).toBe(4);
    measures(doc, { impressions: 25000, clicks: 800, cost: 380.75 });
    close(kpi(doc, 'ctr'), 800 / 25000, 'ctr');
  });

  it("skips GA4's # ---- block above the header but keeps #-named campaigns below it", () => {
    // Lines 1–8 comments, 9 blank, header on line 10, four data rows.
    // Sessions 1200 + 900 + 300 + 450 = 2850; revenue 4000.00 + 950.50 + 210.00 + 480.25 = 5640.75.
    const doc = ok(report('ga4-comment-block-hash-campaign.csv'));
    expect(doc.source.headerRow).toBe(10);
    expect(doc.source.dataRows).toBe(4);
    measures(doc, { sessions: 2850, revenue: 5640.75 });
  });
});

describe('issue 9: total rows', () => {
  it('Google Ads keyword report: "Total: …" in the match-type column is not data', () => {
    // Keyword rows: impressions 1200 + 3450 + 2100 + 500 = 7250; clicks 96 + 120 + 63 + 5 = 284;
    // cost 72.00 + 130.20 + 88.41 + 1.95 = 292.56; conversions 6 + 4.5 + 2 + 0 = 12.5.
    // "Total: Search" and "Total: Account" differ from that sum on purpose (removed keywords,
    // other campaign types), so only their label can mark them.
    const doc = ok(report('google-ads-keyword-totals.csv'));
    expect(doc.source.headerRow).toBe(3);
    expect(doc.source.dataRows).toBe(4);
    measures(doc, { impressions: 7250, clicks: 284, cost: 292.56, conversions: 12.5 });
    close(kpi(doc, 'ctr'), 284 / 7250, 'ctr');
    close(kpi(doc, 'cpa'), 292.56 / 12.5, 'cpa');
  });

  it("Meta's nameless account row (the sum of the others) is left out, with a note", () => {
    // Line 2 is the account row: 1544.32 = 612.40 + 388.17 + 543.75; 148500 = 70210 + 21990 +
    // 56300; 2385 = 1020 + 640 + 725. Data: the three campaign rows.
    const doc = ok(report('meta-account-row.csv'));
    expect(doc.source.dataRows).toBe(3);
    measures(doc, { cost: 1544.32, impressions: 148500, clicks: 2385 });
    close(kpi(doc, 'ctr'), 2385 / 148500, 'ctr');
    expect(
      doc.notes.some((n) => n.rows.includes(2)),
      JSON.stringify(doc.notes),
    ).toBe(true);
  });

  it('a row equal to the sum of the others within rounding is a total, whatever its label', () => {
    // Line 5 "Mizan Leather": cost 250.99 vs 120.34 + 80.33 + 50.33 = 251.00 (a cent of rounding),
    // impressions 19000 = 4000 + 6000 + 9000, clicks 440 = 200 + 150 + 90, conversions 17 = 10 + 5 + 2.
    const doc = ok(report('summary-row-any-label.csv'));
    expect(doc.source.dataRows).toBe(3);
    measures(doc, { cost: 251.0, impressions: 19000, clicks: 440, conversions: 17 });
    expect(
      doc.notes.some((n) => n.rows.includes(5)),
      JSON.stringify(doc.notes),
    ).toBe(true);
  });

  it('a data row whose cost alone equals the sum of the others stays data', () => {
    // Lookbook cost 150 = 100 + 50, but impressions 3000 ≠ 10000 and clicks 90 ≠ 350.
    // Totals: cost 300, impressions 13000, clicks 440.
    const doc = ok(report('sum-coincidence.csv'));
    expect(doc.source.dataRows).toBe(3);
    measures(doc, { cost: 300, impressions: 13000, clicks: 440 });
  });
});

describe('issue 9: malformed rows are refused, naming the line', () => {
  it('an unbalanced quote on line 6 is refused (exit 1), not read as the rest of the file', () => {
    const run = report('unbalanced-quote.csv');
    expect(run.status, run.text).toBe(1);
    expect(namesLine(run.text, 6), run.text).toBe(true);
    expect(existsSync(run.jsonPath), 'a JSON was written for refused data').toBe(false);
  });

  it('a row with more fields than the header (line 4: unquoted "5,000") is refused', () => {
    const run = report('extra-field.csv');
    expect(run.status, run.text).toBe(1);
    expect(namesLine(run.text, 4), run.text).toBe(true);
    expect(existsSync(run.jsonPath)).toBe(false);
  });

  it('a row with fewer fields than the header (line 7) is refused', () => {
    const run = report('missing-field.csv');
    expect(run.status, run.text).toBe(1);
    expect(namesLine(run.text, 7), run.text).toBe(true);
    expect(existsSync(run.jsonPath)).toBe(false);
  });
});

describe('issue 9: xlsx formulas without a cached result', () => {
  it('says which cells had no value instead of reading them as zero', async () => {
    // B3 is "=B2*2" saved without a result (ExcelJS writes <f> and no <v>). The other cells:
    // impressions 4000 + 6000 + 9000 = 19000, clicks 200 + 250 + 110 = 560.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Ads');
    sheet.addRow(['Campaign', 'Cost', 'Impressions', 'Clicks']);
    sheet.addRow(['Brand', 100, 4000, 200]);
    sheet.addRow(['Generic', { formula: 'B2*2' }, 6000, 250]);
    sheet.addRow(['Social', 50, 9000, 110]);
    const path = join(work, 'uncached-formula.xlsx');
    await book.xlsx.writeFile(path);
    const doc = ok(report(path));
    expect(doc.source.dataRows).toBe(3);
    measures(doc, { impressions: 19000, clicks: 560 });
    const note = doc.notes.find((n) => n.message.includes('B3') || (n.column === 'B' && n.rows.includes(3)));
    expect(note, JSON.stringify(doc.notes)).toBeDefined();
  });
});

describe('issue 9: several columns fit one measure', () => {
  it('Meta: link clicks are the clicks; Clicks (all) and Outbound clicks stay visible, not summed', () => {
    // Link clicks 1020 + 640 + 725 = 2385 (Clicks (all) would give 5141, Outbound 2192);
    // impressions 148500.
    const run = report('meta-click-columns.csv');
    const doc = ok(run);
    expect(doc.source.dataRows).toBe(3);
    measures(doc, { clicks: 2385, impressions: 148500 });
    close(kpi(doc, 'ctr'), 2385 / 148500, 'ctr');
    expect(summedAs(doc, 'clicks')).toEqual(['Link clicks']);
    expect(column(doc, 'Clicks (all)').role).not.toBe('measure');
    expect(column(doc, 'Outbound clicks').role).not.toBe('measure');
    expectNoteAbout(doc, 'Link clicks');
    expect(run.text, 'the CLI says how to choose another column').toContain('--map');
  });

  it('Google Ads: Conversions, not Conv. (Platform Comparable) or All conv.', () => {
    // Conversions 84.00 + 41.50 + 63.25 = 188.75 (Platform Comparable 201.25, All conv. 233.75);
    // cost 1020.50 + 1512.75 + 2204.10 = 4737.35; clicks 1180 + 940 + 1310 = 3430.
    const run = report('google-ads-conversion-columns.csv');
    const doc = ok(run);
    expect(doc.source.dataRows).toBe(3);
    measures(doc, { conversions: 188.75, cost: 4737.35, clicks: 3430 });
    close(kpi(doc, 'cpa'), 4737.35 / 188.75, 'cpa');
    expect(summedAs(doc, 'conversions')).toEqual(['Conversions']);
    expect(column(doc, 'Conv. (Platform Comparable)').role).not.toBe('measure');
    expect(column(doc, 'All conv.').role).not.toBe('measure');
    expectNoteAbout(doc, 'Conversions');
    expect(run.text).toContain('--map');
  });

  it('GA4: Sessions, not Active users or Total users', () => {
    // Sessions 1404 + 610 + 220 = 2234 (Active users 1850, Total users 1935).
    const run = report('ga4-users-columns.csv');
    const doc = ok(run);
    expect(doc.source.dataRows).toBe(3);
    measures(doc, { sessions: 2234 });
    expect(summedAs(doc, 'sessions')).toEqual(['Sessions']);
    expect(column(doc, 'Active users').role).not.toBe('measure');
    expect(column(doc, 'Total users').role).not.toBe('measure');
    expectNoteAbout(doc, 'Sessions');
    expect(run.text).toContain('--map');
  });
});

describe('issue 9: corrections on the command line (--map, --header-row)', () => {
  it('--map "Clicks (all)=clicks" replaces the link-clicks choice', () => {
    // Clicks (all) 1890 + 1011 + 2240 = 5141; CTR 5141 / 148500.
    const doc = ok(report('meta-click-columns.csv', ['--map', 'Clicks (all)=clicks']));
    measures(doc, { clicks: 5141 });
    close(kpi(doc, 'ctr'), 5141 / 148500, 'ctr');
    expect(summedAs(doc, 'clicks')).toEqual(['Clicks (all)']);
    expect(column(doc, 'Clicks (all)').overridden).toBe(true);
  });

  it('--map "All conv.=conversions" (repeatable with a letter: "G=ignore") sets and clears columns', () => {
    // All conv. 97.25 + 55.00 + 81.50 = 233.75; CPA 4737.35 / 233.75. Column G is
    // "Conv. (Platform Comparable)", ignored explicitly.
    const doc = ok(
      report('google-ads-conversion-columns.csv', ['--map', 'All conv.=conversions', '--map', 'G=ignore']),
    );
    measures(doc, { conversions: 233.75, cost: 4737.35 });
    close(kpi(doc, 'cpa'), 4737.35 / 233.75, 'cpa');
    expect(summedAs(doc, 'conversions')).toEqual(['All conv.']);
    const g = column(doc, 'Conv. (Platform Comparable)');
    expect(g.role).toBe('ignored');
    expect(g.overridden).toBe(true);
  });

  it('--map by letter "C=ignore" drops impressions and the KPIs that need them', () => {
    // us-comma.csv: C is Impressions. Clicks still 1234 + 789 = 2023, cost 2221.66.
    const doc = ok(report('us-comma.csv', ['--map', 'C=ignore']));
    expect(doc.totals.measures.impressions ?? null).toBeNull();
    expect(kpi(doc, 'ctr') ?? null).toBeNull();
    measures(doc, { clicks: 2023, cost: 2221.66 });
    close(kpi(doc, 'cpc'), 2221.66 / 2023, 'cpc');
    expect(column(doc, 'Impressions').overridden).toBe(true);
  });

  it('--map to something that is not a measure id is a bad command line (exit 2)', () => {
    const run = report('us-comma.csv', ['--map', 'Cost=spend']);
    expect(run.status, run.text).toBe(2);
    expect(run.text).toContain('spend');
  });

  it('--map naming a header the file does not have is refused, naming it', () => {
    const run = report('us-comma.csv', ['--map', 'Nonexistent=cost']);
    expect([1, 2], run.text).toContain(run.status);
    expect(run.text).toContain('Nonexistent');
  });

  it('--header-row 4 reads the table under line 4, not the summary block above it', () => {
    // Data lines 5–7: cost 120.25 + 180.00 + 75.25 = 375.50; impressions 4000 + 6000 + 9000 =
    // 19000; clicks 200 + 250 + 110 = 560.
    const doc = ok(report('header-row-choice.csv', ['--header-row', '4']));
    expect(doc.source.headerRow).toBe(4);
    expect(doc.source.dataRows).toBe(3);
    measures(doc, { cost: 375.5, impressions: 19000, clicks: 560 });
  });

  it('a refusal that used to point at the sidebar gives the command-line option instead', () => {
    // German headers: no header row is recognised (today: "choose the header row in the sidebar").
    const run = report('german-headers.csv');
    expect(run.status, run.text).toBe(1);
    expect(run.text).toMatch(/--header-row|--map/);
  });

  it('--header-row 1 with --map makes an unrecognised file readable', () => {
    // Cost 120.25 + 180.00 = 300.25; impressions 4000 + 6000 = 10000; clicks 200 + 250 = 450.
    const doc = ok(
      report('german-headers.csv', [
        '--header-row',
        '1',
        '--map',
        'Kosten=cost',
        '--map',
        'Impressionen=impressions',
        '--map',
        'D=clicks',
      ]),
    );
    expect(doc.source.dataRows).toBe(2);
    measures(doc, { cost: 300.25, impressions: 10000, clicks: 450 });
    close(kpi(doc, 'ctr'), 450 / 10000, 'ctr');
  });

  it('--map, --header-row and --decimal are in --help, the README and docs/report-json.md', () => {
    const help = spawnSync(process.execPath, [join(ROOT, 'bin/mizan.mjs'), 'report', '--help'], {
      encoding: 'utf8',
      cwd: work,
    });
    expect(help.status).toBe(0);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const docs = readFileSync(join(ROOT, 'docs/report-json.md'), 'utf8');
    for (const option of ['--map', '--header-row', '--decimal']) {
      expect(help.stdout, `--help lacks ${option}`).toContain(option);
      expect(readme, `README lacks ${option}`).toContain(option);
      expect(docs, `docs/report-json.md lacks ${option}`).toContain(option);
    }
  });
});

describe('issue 9: conversion columns under other names, currency in the header, reach', () => {
  it('Kaggle/Meta "Spent", "Total_Conversion", "Approved_Conversion": one conversions column, ids not summed', () => {
    // Impressions 7350 + 17861 + 693 + 4259 + 4133 = 34296; clicks 1 + 2 + 0 + 1 + 1 = 5;
    // Spent 1.429999948 + 1.820000023 + 0 + 1.25 + 1.289999962 = 5.789999933.
    // Total_Conversion sums to 7, Approved_Conversion to 2: either may be the conversions, not both.
    const doc = ok(report('kag-conversion-data.csv'));
    expect(doc.source.dataRows).toBe(5);
    measures(doc, { impressions: 34296, clicks: 5, cost: 5.789999933 });
    const conv = doc.totals.measures.conversions;
    expect(conv === 7 || conv === 2, `conversions ${conv}`).toBe(true);
    expect(summedAs(doc, 'conversions')).toHaveLength(1);
    for (const id of ['ad_id', 'xyz_campaign_id', 'fb_campaign_id']) {
      expect(column(doc, id).role, id).not.toBe('measure');
    }
  });

  it('Meta "Amount spent (IDR)", Results of type purchase, Reach and Frequency', () => {
    // Cost 1500000 + 750000 + 1250000 = 3500000 IDR; impressions 120000 + 40000 + 100000 = 260000;
    // link clicks 2400 + 1100 + 1900 = 5400; Results (website purchases) 30 + 45 + 22 = 97.
    // Reach must not be summed silently (a note about it), Frequency (a ratio) never summed.
    const doc = ok(report('meta-idr-reach-frequency.csv'));
    expect(doc.source.dataRows).toBe(3);
    measures(doc, { cost: 3500000, impressions: 260000, clicks: 5400, conversions: 97 });
    close(kpi(doc, 'cpa'), 3500000 / 97, 'cpa');
    expect(column(doc, 'Amount spent (IDR)').currency ?? doc.source.currency).toBe('IDR');
    expect(column(doc, 'Frequency').role).not.toBe('measure');
    const reachNote =
      doc.notes.some((n) => /reach/i.test(n.message)) || noteAbout(doc, 'Reach') !== undefined;
    expect(reachNote, JSON.stringify(doc.notes)).toBe(true);
  });

  it('Meta Results whose result type is link clicks are not conversions', () => {
    // Clicks 900 + 620 = 1520; Results repeat the link clicks, so no conversions and no CPA.
    const doc = ok(report('meta-results-link-clicks.csv'));
    expect(doc.source.dataRows).toBe(2);
    measures(doc, { clicks: 1520, cost: 350, impressions: 80000 });
    expect(doc.totals.measures.conversions ?? null).toBeNull();
    expect(kpi(doc, 'cpa') ?? null).toBeNull();
  });

  it('Meta "Purchases" are conversions', () => {
    // Purchases 46 + 27 = 73; cost 820.00 + 310.50 = 1130.50; CPA 1130.50 / 73.
    const doc = ok(report('meta-purchases.csv'));
    expect(doc.source.dataRows).toBe(2);
    measures(doc, { conversions: 73, cost: 1130.5 });
    close(kpi(doc, 'cpa'), 1130.5 / 73, 'cpa');
  });

  it('Meta "Leads (form)" are counted (leads, or conversions)', () => {
    // Leads 36 + 19 = 55; cost 450.00 + 275.00 = 725.00.
    const doc = ok(report('meta-leads-form.csv'));
    expect(doc.source.dataRows).toBe(2);
    measures(doc, { cost: 725 });
    close(doc.totals.measures.leads ?? doc.totals.measures.conversions, 55, 'leads');
  });
});

describe('issue 9: order-level exports', () => {
  it('Shopify orders: orders are distinct order names, revenue each order total once, refunds noted', () => {
    // Four orders over seven line-item rows. Totals on each order's first row only:
    // #1001 85.00, #1002 120.00, #1003 65.00 (30.00 refunded), #1004 45.00 → revenue 315.00,
    // orders 4, AOV 315 / 4 = 78.75. (Line-item prices must not be added to revenue.)
    // dataRows is not asserted: the issue does not say whether line items or orders are counted.
    const doc = ok(report('shopify-orders.csv'));
    measures(doc, { orders: 4, revenue: 315 });
    close(kpi(doc, 'aov'), 78.75, 'aov');
    expect(
      doc.notes.some((n) => /refund/i.test(n.message)),
      JSON.stringify(doc.notes),
    ).toBe(true);
  });
});

describe('issue 9: headers that only resemble a measure are ignored, with a note', () => {
  it('Mailchimp Soft_Bounces are not website bounces', () => {
    const doc = ok(report('mailchimp-soft-bounces.csv'));
    expect(doc.source.dataRows).toBe(2);
    expect(doc.totals.measures.bounces ?? null).toBeNull();
    expect(kpi(doc, 'bounce_rate') ?? null).toBeNull();
    expect(column(doc, 'Soft_Bounces').as).not.toBe('bounces');
    expectNoteAbout(doc, 'Soft_Bounces');
  });

  it('GA4 "Average engagement time per active user" is not session duration', () => {
    // Sessions 1404 + 610 = 2014 still read.
    const doc = ok(report('ga4-engagement-time.csv'));
    expect(doc.source.dataRows).toBe(2);
    measures(doc, { sessions: 2014 });
    expect(doc.totals.measures.total_duration ?? null).toBeNull();
    expect(kpi(doc, 'avg_session_duration') ?? null).toBeNull();
    const entry = column(doc, 'Average engagement time per active user');
    expect(['total_duration', 'avg_session_duration']).not.toContain(entry.as);
    expectNoteAbout(doc, 'Average engagement time per active user');
  });

  it('Google Ads "Interactions" are not engagements', () => {
    // Cost 1020.50 + 890.10 = 1910.60; conversions 84 + 6 = 90.
    const doc = ok(report('google-ads-interactions.csv'));
    expect(doc.source.dataRows).toBe(2);
    measures(doc, { cost: 1910.6, conversions: 90 });
    expect(doc.totals.measures.engagements ?? null).toBeNull();
    expect(kpi(doc, 'engagement_rate') ?? null).toBeNull();
    expect(column(doc, 'Interactions').as).not.toBe('engagements');
  });
});

describe('issue 9: the exporting platform is recognised and shown', () => {
  // [file, source.platform, how the terminal may name it]
  const cases: [string, string, RegExp][] = [
    ['google-ads-conversion-columns.csv', 'google-ads', /Google Ads/i],
    ['platform-microsoft-ads.csv', 'microsoft-ads', /Microsoft (Ads|Advertising)|Bing/i],
    ['meta-click-columns.csv', 'meta-ads', /Meta|Facebook/i],
    ['platform-linkedin-ads.csv', 'linkedin-ads', /LinkedIn/i],
    ['platform-tiktok-ads.csv', 'tiktok-ads', /TikTok/i],
    ['platform-snapchat-ads.csv', 'snapchat-ads', /Snapchat/i],
    ['platform-x-ads.csv', 'x-ads', /\bX\b|Twitter/],
    ['ga4-users-columns.csv', 'ga4', /GA4|Google Analytics/i],
    ['platform-search-console.csv', 'search-console', /Search Console/i],
    ['platform-mailchimp.csv', 'mailchimp', /Mailchimp/i],
    ['platform-klaviyo.csv', 'klaviyo', /Klaviyo/i],
    ['platform-hubspot.csv', 'hubspot', /HubSpot/i],
    ['shopify-orders.csv', 'shopify', /Shopify/i],
    ['platform-woocommerce.csv', 'woocommerce', /WooCommerce/i],
  ];

  it.each(cases)('%s → %s', (file, platform, name) => {
    const run = report(file);
    const doc = ok(run);
    expect(doc.source.platform).toBe(platform);
    expect(run.text, 'the terminal names the platform').toMatch(name);
  });

  it('a hand-made sheet is from no platform', () => {
    const doc = ok(report('platform-none-handmade.csv'));
    expect(doc.source.platform ?? null).toBeNull();
  });
});
