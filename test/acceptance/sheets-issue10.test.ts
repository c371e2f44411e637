/**
 * Issue 10, checked independently: the built bundle (dist/Code.js) runs in node:vm against a second
 * fake of the Spreadsheet service written from the Apps Script reference only
 * (test/acceptance/independent-sheets/), and the report's formulas are computed by HyperFormula on
 * that fake's grid. Expectations are plain arithmetic on the data each test writes.
 * Needs `node build.mjs` first (npm test does it).
 */
process.env.TZ = 'UTC'; // the script's zone (appsscript.json: Etc/UTC); the sheet's zone is the fake's

import { describe, expect, it } from 'vitest';
import type { GenerateResult } from '../../src/shared/rpc';
import { a1, type FakeWorld, type SheetModel } from './independent-sheets/fake-sheets';
import type { Computed } from './independent-sheets/formula-engine';
import { type Booted, boot, seedRows } from './independent-sheets/harness';
import { shown } from './independent-sheets/shown';
import { serialOfCivil } from './independent-sheets/time';

type Ok = Extract<GenerateResult, { ok: true }>;

function generate(b: Booted, extra: Record<string, unknown> = {}): Ok {
  const res = b.call<GenerateResult>('generateReport', {
    sheetId: 0,
    lang: 'en',
    formulas: 'live',
    placement: 'update',
    ...extra,
  });
  expect([...b.world.missing], 'Apps Script members the bundle used that this fake does not model').toEqual(
    [],
  );
  expect(res, JSON.stringify(res)).toMatchObject({ ok: true });
  return res as Ok;
}

function reportSheet(world: FakeWorld, res: Ok): SheetModel {
  const s = world.sheets.find((x) => x.id === res.sheetId);
  if (!s) throw new Error(`no sheet ${res.sheetId}`);
  return s;
}

/** The report's computed grid (1-based rows/cols through `at`). */
function grid(world: FakeWorld, sheet: SheetModel): { rows: number; at(r: number, c: number): Computed } {
  const values = world.computed().values.get(sheet.name) ?? [];
  return { rows: values.length, at: (r, c) => values[r - 1]?.[c - 1] ?? null };
}

/** Rows of the table whose header row starts with `header` in column A: [row number, …]. */
function tableRows(world: FakeWorld, sheet: SheetModel, header: string): { header: number; rows: number[] } {
  const g = grid(world, sheet);
  for (let r = 1; r <= g.rows; r++) {
    if (g.at(r, 1) !== header || typeof g.at(r, 2) !== 'string') continue;
    const rows: number[] = [];
    for (let k = r + 1; k <= g.rows && g.at(k, 1) !== null && g.at(k, 1) !== ''; k++) rows.push(k);
    return { header: r, rows };
  }
  throw new Error(`no table headed "${header}" in ${sheet.name}`);
}

function columnOf(world: FakeWorld, sheet: SheetModel, headerRow: number, title: string): number {
  const g = grid(world, sheet);
  for (let c = 1; c <= 60; c++) if (g.at(headerRow, c) === title) return c;
  throw new Error(`no column "${title}" in row ${headerRow}`);
}

function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- 1. dates in the sheet's zone

/** Two channels, one row each per day from `from` for `days` days; cost 100 + 80 a day. */
function campaignDays(tz: string, from: [number, number, number], days: number): Booted {
  return boot({ timeZone: tz }, (w) => {
    const s = w.addSheet('Campaigns');
    const rows: unknown[][] = [['Date', 'Channel', 'Cost', 'Impressions', 'Clicks', 'Conversions']];
    const start = serialOfCivil(...from);
    for (let i = 0; i < days; i++) {
      rows.push([{ serial: start + i }, 'Search', 100, 1000, 50, 2]);
      rows.push([{ serial: start + i }, 'Social', 80, 4000, 40, 1]);
    }
    seedRows(w, s, rows);
  });
}

const ZONES = ['Asia/Tehran', 'Asia/Riyadh', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Auckland'];

describe('issue 10.1: date cells at midnight in the spreadsheet’s zone, script in UTC', () => {
  it('runs with the script in UTC', () => {
    expect(new Date(2026, 8, 1).getTimezoneOffset()).toBe(0);
  });

  for (const tz of ZONES) {
    it(`${tz}: Sep 1–30 gives the range Sep 1–30 and exactly the 30 days, each with its 2 rows`, () => {
      const b = campaignDays(tz, [2026, 9, 1], 30);
      const res = generate(b, { period: 'day' });
      const rep = reportSheet(b.world, res);
      const g = grid(b.world, rep);
      const texts: string[] = [];
      for (let r = 1; r <= 3; r++) texts.push(String(g.at(r, 1) ?? ''));
      const range = texts.join(' ').match(/(\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})/);
      expect(range?.slice(1), `report heading: ${texts.join(' | ')}`).toEqual(['2026-09-01', '2026-09-30']);

      const t = tableRows(b.world, rep, 'Period');
      const rowsCol = columnOf(b.world, rep, t.header, 'Rows');
      const costCol = columnOf(b.world, rep, t.header, 'Cost');
      const seen = t.rows.map((r) => [g.at(r, 1), g.at(r, rowsCol), g.at(r, costCol)]);
      const expected = Array.from({ length: 30 }, (_, i) => [iso(2026, 9, 1 + i), 2, 180]);
      expect(seen).toEqual(expected);
    });

    it(`${tz}: by month, Sep 1–30 is one period of 60 rows (no extra one-row period)`, () => {
      const b = campaignDays(tz, [2026, 9, 1], 30);
      const res = generate(b, { period: 'month' });
      const rep = reportSheet(b.world, res);
      const g = grid(b.world, rep);
      const t = tableRows(b.world, rep, 'Period');
      const rowsCol = columnOf(b.world, rep, t.header, 'Rows');
      const costCol = columnOf(b.world, rep, t.header, 'Cost');
      expect(t.rows.map((r) => [g.at(r, rowsCol), g.at(r, costCol)])).toEqual([[60, 5400]]);
    });
  }

  it('America/Los_Angeles across the end of DST (Nov 1 2026): Oct 18 – Nov 14 by day', () => {
    const b = campaignDays('America/Los_Angeles', [2026, 10, 18], 28);
    const res = generate(b, { period: 'day' });
    const rep = reportSheet(b.world, res);
    const g = grid(b.world, rep);
    const t = tableRows(b.world, rep, 'Period');
    const costCol = columnOf(b.world, rep, t.header, 'Cost');
    const expected = Array.from({ length: 28 }, (_, i) => [iso(2026, 10, 18 + i), 180]);
    expect(t.rows.map((r) => [g.at(r, 1), g.at(r, costCol)])).toEqual(expected);
  });
});

// ---------------------------------------------------------------- 2. first matching rule wins

/** Per channel: impressions, clicks, conversions (conversion rate is conversions ÷ clicks here). */
const KPI_ROWS: [string, number, number, number][] = [
  ['Four', 1000, 100, 4], // CTR 10% good; CR 4%: good (≥ 3%), fair under CTR's bands
  ['Ten', 1000, 100, 10], // CTR 10%, CR 10%: good by every band
  ['Mid', 1000, 40, 1], // CTR 4%: fair (good under CR's bands); CR 2.5%: fair
  ['Low', 1000, 100, 1], // CR 1%: poor
];

function kpiReport(kpis: string[]): {
  b: Booted;
  rep: SheetModel;
  table: { header: number; rows: number[] };
} {
  const b = boot({ timeZone: 'Etc/UTC' }, (w) => {
    const s = w.addSheet('Campaigns');
    seedRows(w, s, [
      ['Channel', 'Cost', 'Impressions', 'Clicks', 'Conversions'],
      ...KPI_ROWS.map(([n, i, c, v]) => [n, 100, i, c, v]),
    ]);
  });
  const saved = b.call<{ ok: boolean; template?: { id: string } }>(
    'saveTemplate',
    {
      schemaVersion: 1,
      id: 'issue-10-bands',
      name: 'Issue 10 bands',
      kpis,
      groupBy: 'channel',
      period: 'none',
      profile: null,
      targets: [],
      thresholds: [
        { kpi: 'ctr', thresholds: { direction: 'higher', good: 0.05, fair: 0.02 } },
        { kpi: 'conversion_rate', thresholds: { direction: 'higher', good: 0.03, fair: 0.02 } },
      ],
      lang: 'en',
      formulas: 'live',
    },
    false,
  );
  expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
  const res = generate(b, { templateId: saved.template?.id });
  const rep = reportSheet(b.world, res);
  return { b, rep, table: tableRows(b.world, rep, 'Channel') };
}

for (const kpis of [
  ['ctr', 'conversion_rate'],
  ['conversion_rate', 'ctr'],
]) {
  describe(`issue 10.2: CTR good ≥ 5% / fair ≥ 2%, conversion good ≥ 3% / fair ≥ 2% (KPIs ${kpis.join(', ')})`, () => {
    it('a 4% conversion rate shows the good colour, a 4% CTR the fair one', () => {
      const { b, rep, table } = kpiReport(kpis);
      const cr = columnOf(b.world, rep, table.header, 'Conversion rate');
      const ctr = columnOf(b.world, rep, table.header, 'Click-through rate (CTR)');
      const row = (name: string) => {
        const r = table.rows.find((k) => b.world.valueAt(rep, k, 1) === name);
        if (!r) throw new Error(`no row ${name}`);
        return r;
      };
      const look = (name: string, col: number) => shown(b.world, rep, row(name), col);
      // The values the colours are about, computed from the sheet.
      expect(look('Four', cr).value).toBeCloseTo(0.04, 12);
      expect(look('Ten', cr).value).toBeCloseTo(0.1, 12);
      expect(look('Mid', cr).value).toBeCloseTo(0.025, 12);
      expect(look('Low', cr).value).toBeCloseTo(0.01, 12);
      expect(look('Mid', ctr).value).toBeCloseTo(0.04, 12);

      // Bands from the thresholds alone; colours compared with each other, so no palette is assumed.
      const crColour = Object.fromEntries(KPI_ROWS.map(([n]) => [n, look(n, cr).background]));
      const ctrColour = Object.fromEntries(KPI_ROWS.map(([n]) => [n, look(n, ctr).background]));
      const seen = `conversion rate ${JSON.stringify(crColour)}; CTR ${JSON.stringify(ctrColour)}`;
      // Conversion rate: Four 4% good, Ten 10% good, Mid 2.5% fair, Low 1% poor.
      expect(crColour.Four, `4% conversion rate shows the colour of 10% (both good); ${seen}`).toBe(
        crColour.Ten,
      );
      expect(
        new Set([crColour.Ten, crColour.Mid, crColour.Low]).size,
        `good, fair, poor differ; ${seen}`,
      ).toBe(3);
      // CTR: Four, Ten and Low 10% good; Mid 4% fair (good only from 5%).
      expect(ctrColour.Four, seen).toBe(ctrColour.Ten);
      expect(ctrColour.Low, seen).toBe(ctrColour.Ten);
      expect(ctrColour.Mid, `4% CTR is fair, not good; ${seen}`).not.toBe(ctrColour.Ten);
      // One palette: good and fair look the same whichever KPI they judge.
      expect(ctrColour.Ten, `good CTR and good conversion rate; ${seen}`).toBe(crColour.Ten);
      expect(ctrColour.Mid, `fair CTR and fair conversion rate; ${seen}`).toBe(crColour.Mid);
    });
  });
}

// ---------------------------------------------------------------- 3. an error cell in a measure

describe('issue 10.3: a #N/A cell in a measure column', () => {
  const b = boot({ timeZone: 'Etc/UTC' }, (w) => {
    const s = w.addSheet('Campaigns');
    seedRows(w, s, [
      ['Channel', 'Cost', 'Impressions', 'Clicks', 'Conversions'],
      ['Search', 100, 1000, 50, 2],
      ['Search', 120, 1500, 60, '=NA()'], // E3: #N/A, as a failed VLOOKUP leaves it
      ['Social', 80, 4000, 40, 1],
      ['Social', 90, 3000, 30, 3],
    ]);
  });
  const res = generate(b, { groupBy: 0, period: null });
  const rep = reportSheet(b.world, res);
  const g = grid(b.world, rep);

  it('getValues hands the cell over as its error text', () => {
    expect(b.world.scriptValue(b.world.sheetByName('Campaigns') as SheetModel, 3, 5)).toBe('#N/A');
  });

  it('totals and group sums are numbers: the other rows’ sum', () => {
    const totals = tableRows(b.world, rep, 'Metric');
    const shownTotals = totals.rows.map((r) => [g.at(r, 1), g.at(r, 2)]);
    expect(
      shownTotals.filter(([, v]) => typeof v === 'object' && v !== null),
      'totals that are errors',
    ).toEqual([]);
    expect(Object.fromEntries(shownTotals).Conversions, 'total conversions without E3').toBe(2 + 1 + 3);
    const groups = tableRows(b.world, rep, 'Channel');
    const convCol = columnOf(b.world, rep, groups.header, 'Conversions');
    expect(Object.fromEntries(groups.rows.map((r) => [g.at(r, 1), g.at(r, convCol)]))).toEqual({
      Search: 2,
      Social: 4,
    });
  });

  it('a note in the report names the cell (E3)', () => {
    const said: string[] = [];
    for (const [, c] of rep.cells) {
      if (c.note) said.push(c.note);
      if (c.kind === 'text') said.push(String(c.value));
    }
    // "E3", or column E and row 3 named in the same note.
    const naming = said.filter(
      (t) => /\bE3\b/.test(t) || (/\bcolumn E\b/i.test(t) && /\brows? 3\b/i.test(t)),
    );
    expect(
      naming,
      `report text and notes:\n${said.join('\n')}\nwarnings: ${JSON.stringify(res.warnings)}`,
    ).not.toEqual([]);
  });
});

// ---------------------------------------------------------------- 4. labels that look like values

const LABELS = ['100', '3.5%', 'TRUE', 'Mar 2024', '1/2', '۱۴۰۵/۰۶', '=SUM(A1)', '+1'];

describe('issue 10.4: group labels that Sheets would read as numbers, dates, booleans or formulas', () => {
  const b = boot({ timeZone: 'Etc/UTC' }, (w) => {
    const s = w.addSheet('Campaigns');
    const rows: unknown[][] = [['Channel', 'Cost', 'Impressions', 'Clicks', 'Conversions']];
    LABELS.forEach((label, i) => {
      rows.push([{ text: label }, 10 * (i + 1), 1000, 10, 1]);
      rows.push([{ text: label }, 5 * (i + 1), 1000, 10, 1]);
    });
    seedRows(w, s, rows);
  });
  const res = generate(b, { groupBy: 0, period: null });
  const rep = reportSheet(b.world, res);
  const g = grid(b.world, rep);
  const groups = tableRows(b.world, rep, 'Channel');
  const costCol = columnOf(b.world, rep, groups.header, 'Cost');

  LABELS.forEach((label, i) => {
    it(`"${label}": the label cell holds that text and its Cost is ${15 * (i + 1)}`, () => {
      const cells = groups.rows.map((r) => ({ r, cell: b.world.peek(rep, r, 1) }));
      const stored = cells.map(
        ({ r, cell }) => `${a1(r, 1)} ${cell?.kind} ${JSON.stringify(cell?.formula || cell?.value)}`,
      );
      const hit = cells.find(({ cell }) => cell?.kind === 'text' && cell.value === label);
      expect(hit, `label cells as stored:\n${stored.join('\n')}`).toBeDefined();
      expect(g.at((hit as { r: number }).r, costCol)).toBe(15 * (i + 1));
    });
  });
});

// ---------------------------------------------------------------- the fake's model, checked on its own

describe('the independent fake', () => {
  it('reads typed strings as Sheets does (numbers, percent, currency, booleans, dates, formulas)', async () => {
    const { readTyped } = await import('./independent-sheets/typed-input');
    const read = (s: string, f = '') => readTyped(s, f, 2026);
    expect(read('100')).toEqual({ kind: 'number', value: 100, format: null });
    expect(read('3.5%')).toEqual({ kind: 'number', value: 0.035, format: 'percent' });
    expect(read('$100')).toEqual({ kind: 'number', value: 100, format: 'currency' });
    expect(read('(5)')).toEqual({ kind: 'number', value: -5, format: null });
    expect(read('+1')).toEqual({ kind: 'number', value: 1, format: null });
    expect(read('TRUE')).toEqual({ kind: 'boolean', value: true });
    expect(read('Mar 2024')).toEqual({ kind: 'date', serial: serialOfCivil(2024, 3, 1) });
    expect(read('1/2')).toEqual({ kind: 'date', serial: serialOfCivil(2026, 1, 2) });
    expect(read('=SUM(A1)')).toEqual({ kind: 'formula', formula: '=SUM(A1)' });
    expect(read("'100")).toEqual({ kind: 'text', text: '100' });
    expect(read('100', '@')).toEqual({ kind: 'text', text: '100' });
    expect(read('۱۴۰۵/۰۶')).toEqual({ kind: 'text', text: '۱۴۰۵/۰۶' });
    expect(read('2026-09-01')).toEqual({ kind: 'date', serial: serialOfCivil(2026, 9, 1) });
    expect(read('Brand Search')).toEqual({ kind: 'text', text: 'Brand Search' });
  });

  it('formats a Date in a given zone as Utilities.formatDate does', () => {
    const b = campaignDays('Etc/UTC', [2026, 9, 1], 1);
    const u = b.world.globals().Utilities as { formatDate(d: Date, tz: string, p: string): string };
    const instant = new Date(Date.UTC(2026, 7, 31, 20, 30));
    expect(u.formatDate(instant, 'Asia/Tehran', "yyyy-MM-dd'T'HH:mm")).toBe('2026-09-01T00:00');
    expect(u.formatDate(instant, 'Etc/UTC', 'yyyy-MM-dd')).toBe('2026-08-31');
  });

  it('hands a Tehran date cell over as the instant of its midnight in Tehran (UTC+3:30)', () => {
    const b = campaignDays('Asia/Tehran', [2026, 9, 1], 1);
    const v = b.world.scriptValue(b.world.sheetByName('Campaigns') as SheetModel, 2, 1) as Date;
    expect(v.toISOString()).toBe('2026-08-31T20:30:00.000Z');
  });

  it('refuses setValues whose array does not match the range, and a second sheet name differing only in case', () => {
    const b = campaignDays('Etc/UTC', [2026, 9, 1], 1);
    type Api = {
      insertSheet(name: string): unknown;
      getSheetByName(name: string): { getRange(...a: number[]): { setValues(v: unknown[][]): unknown } };
    };
    const ss = (b.world.globals().SpreadsheetApp as { getActiveSpreadsheet(): Api }).getActiveSpreadsheet();
    const sheet = ss.getSheetByName('Campaigns');
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(/rows/);
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1]])).toThrow(/columns/);
    expect(() => ss.insertSheet('CAMPAIGNS')).toThrow(/already exists/);
  });
});

// ---------------------------------------------------------------- names unique regardless of case

describe('sheet names are unique regardless of case', () => {
  it('a user tab named like the report in other case is left alone and the report still gets written', () => {
    const b = boot({ timeZone: 'Etc/UTC' }, (w) => {
      const s = w.addSheet('Campaigns');
      seedRows(w, s, [
        ['Channel', 'Cost', 'Impressions', 'Clicks', 'Conversions'],
        ['Search', 100, 1000, 50, 2],
      ]);
      const mine = w.addSheet('kpi report – campaigns');
      seedRows(w, mine, [['my own notes']]);
    });
    const res = generate(b);
    expect(res.sheetName.toLowerCase()).not.toBe('kpi report – campaigns');
    const mine = b.world.sheets.find((s) => s.name === 'kpi report – campaigns');
    expect(mine && b.world.valueAt(mine, 1, 1)).toBe('my own notes');
  });
});
