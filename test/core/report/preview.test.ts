/**
 * The sidebar's preview (detectColumns) says what the report's notes say: the platform, the
 * column chosen among several, the columns not summed, and every row left out, grouped by
 * reason with 1-based rows. Expected rows and platforms come from the grids as written here
 * (the summary row is built as the sum of the others) or from the real corpus's hand-written
 * expectations (test/fixtures/real/*.expected.json), never from the engine.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildReport, detectColumns } from '../../../src/core/report/index';

/** A Meta Ads Manager export as pasted: row 2 is the account's own summary (no name). */
const campaigns = [
  ['Spring sale', 10.5, 1000, 20, 50, 800],
  ['Summer', 20.25, 2000, 40, 100, 1500],
  ['Autumn', 30, 3000, 60, 150, 2000],
] as const;
const sum = (k: number) => campaigns.reduce((s, r) => s + (r[k] as number), 0);
const META = [
  ['Campaign name', 'Amount spent (USD)', 'Impressions', 'Link clicks', 'Clicks (all)', 'Reach'],
  ['', sum(1), sum(2), sum(3), sum(4), 3100],
  ...campaigns.map((r) => [...r]),
];

describe('detectColumns: how the sheet was read', () => {
  it('names the platform, the column chosen over a look-alike, reach not summed, and the summary row', () => {
    const p = detectColumns(META, { lang: 'en' });
    expect(p.ok).toBe(true);
    expect(p.platform).toMatchObject({ id: 'meta-ads', name: 'Meta Ads Manager' });
    expect(p.dataRows).toBe(3);

    const byLetter = Object.fromEntries(p.mapping.map((m) => [m.letter, m]));
    expect(byLetter.D?.role).toEqual({ kind: 'measure', measure: 'clicks' });
    expect(byLetter.D?.notSummed).toBeUndefined();
    expect(byLetter.E?.role).toEqual({ kind: 'ignored' });
    expect(byLetter.E?.notSummed).toEqual({ reason: 'other-chosen', chosen: 'D' });
    expect(byLetter.F?.notSummed).toEqual({ reason: 'not-additive' });
    // Left out on purpose, not unrecognised.
    expect(p.unrecognised).toEqual([]);

    expect(p.excluded).toHaveLength(1);
    expect(p.excluded[0]?.reason).toBe('summary');
    expect(p.excluded[0]?.rows).toEqual([2]);
    expect(p.excluded[0]?.message).toMatch(/^Summary row left out: row 2 equals the sum/);

    const messages = p.readNotes.map((n) => n.message);
    // The platform is its own field, not repeated among the judgements.
    expect(messages.some((m) => m.includes('Meta Ads Manager'))).toBe(false);
    expect(p.readNotes.find((n) => n.column === 'D')?.message).toContain('E ("Clicks (all)")');
    expect(p.readNotes.find((n) => n.column === 'F')?.message).toMatch(/counts people once per row/);
  });

  it('says the same words as the report’s notes', () => {
    const p = detectColumns(META, { lang: 'en' });
    const r = buildReport(META, { lang: 'en', sourceName: 'Meta' });
    if (!r.ok) throw new Error('expected a report');
    const notes = r.model.notes.map((n) => n.message);
    for (const n of p.readNotes) expect(notes).toContain(n.message);
    for (const g of p.excluded) expect(notes).toContain(g.message);
    expect(notes).toContain('Read as a Meta Ads Manager export.');
    expect(r.model.notes.find((n) => n.message === p.excluded[0]?.message)?.rows).toEqual([2]);
  });

  it('speaks Persian with Persian digits, the rows staying numbers', () => {
    const p = detectColumns(META, { lang: 'fa' });
    expect(p.platform?.id).toBe('meta-ads');
    expect(p.excluded[0]?.rows).toEqual([2]);
    expect(p.excluded[0]?.message).toContain('ردیف ۲');
    expect(p.excluded[0]?.message).not.toMatch(/[0-9]/);
    expect(p.readNotes.some((n) => n.message.startsWith('ستون D'))).toBe(true);
  });

  it('groups total, repeated-header and note rows by reason, in the report’s order, 1-based', () => {
    const grid = [
      ['Campaign', 'Cost', 'Clicks', 'Impressions'],
      ['A', 10, 5, 100], // row 2
      ['Campaign', 'Cost', 'Clicks', 'Impressions'], // row 3: header again
      ['B', 20, 7, 300], // row 4
      ['note: paused on Monday', '', '', ''], // row 5
      ['C', 5, 1, 40], // row 6
      ['Total', 35, 13, 440], // row 7
      ['Grand total', 35, 13, 440], // row 8
    ];
    const p = detectColumns(grid, { lang: 'en' });
    expect(p.platform).toBeNull();
    expect(p.dataRows).toBe(3);
    expect(p.excluded.map((g) => [g.reason, g.rows])).toEqual([
      ['total', [7, 8]],
      ['header', [3]],
      ['note', [5]],
    ]);
    expect(p.excluded[0]?.message).toBe('Total rows left out (not counted twice): rows 7, 8.');
    expect(p.excluded[1]?.message).toBe('Repeated header row left out: row 3.');
  });

  it('names the Google Ads total rows of a real export, as its hand-written expectation lists them', () => {
    const dir = new URL('../../fixtures/real/google-ads/', import.meta.url);
    const text = readFileSync(new URL('campaign-report-totals.csv', dir), 'utf8').replace(/^\ufeff/, '');
    const grid = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
    const expected = JSON.parse(
      readFileSync(new URL('campaign-report-totals.csv.expected.json', dir), 'utf8'),
    ) as { platform: string; excluded: { line: number; why: string }[] };
    const totals = expected.excluded.filter((e) => e.why.startsWith('total row')).map((e) => e.line);
    expect(totals.length).toBeGreaterThan(0);

    const p = detectColumns(grid, { lang: 'en' });
    expect(p.platform?.id).toBe(expected.platform);
    expect(p.platform?.name).toBe('Google Ads');
    expect(p.excluded.find((g) => g.reason === 'total')?.rows).toEqual(totals);
  });

  it('says the decimal mark when text numbers needed one', () => {
    const grid = [
      ['Campaign', 'Cost', 'Clicks'],
      ['A', '1.234,50', '10'],
      ['B', '2.000,25', '20'],
    ];
    const p = detectColumns(grid, { lang: 'en' });
    expect(p.readNotes.map((n) => n.message)).toContain(
      'Numbers written as text were read with "," as the decimal mark (1.234,5 = 1234.5), judged from values that can only be read one way.',
    );
  });

  it('says nothing more when there is nothing to say, and nothing at all when the sheet is refused', () => {
    const plain = detectColumns(
      [
        ['Campaign', 'Cost', 'Clicks'],
        ['A', 10, 5],
        ['B', 20, 7],
      ],
      { lang: 'en' },
    );
    expect([plain.platform, plain.readNotes, plain.excluded]).toEqual([null, [], []]);
    const refused = detectColumns([], { lang: 'en' });
    expect(refused.ok).toBe(false);
    expect([refused.platform, refused.readNotes, refused.excluded]).toEqual([null, [], []]);
  });
});
