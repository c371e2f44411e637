/**
 * `mizan report --paths <file>` end to end on the bundled examples: the JSON validates against the
 * schema and its credits equal the ATTRIBUTION function on the file's cells (read independently
 * here); CPA and ROAS from the campaign cost by channel; the .xlsx has the section as values (no
 * ATTRIBUTION formula, which Excel lacks) with the note; a path export as the input itself; bad
 * --paths files refused with the right status.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/main';
import { attributionFunction } from '../../src/core/attribution/sheet-function';
import type { ReportJson } from '../../src/core/report/json';
import { runReport } from '../helpers/cli-run';
import { checkSchema } from './schema-check';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const schema = JSON.parse(readFileSync(join(ROOT, 'docs/report.schema.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'mizan-attr-'));
const example = (name: string) => join(ROOT, 'examples', name);

/** A CSV read the plain way (no quotes in these files), "#" lines skipped: the test's own reader. */
function csvRows(name: string): string[][] {
  return readFileSync(example(name), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split(','));
}

type Attribution = NonNullable<ReportJson['attribution']>;

describe('--paths with the Persian campaign example', () => {
  const json = join(dir, 'fa.json');
  const xlsx = join(dir, 'fa.xlsx');
  let attribution: Attribution;

  it('writes a report whose JSON validates and carries the section', async () => {
    const run = await runReport(
      [example('campaigns-fa.csv'), '--paths', example('paths-fa.csv'), '--json', json, '--out', xlsx, '-q'],
      dir,
    );
    expect(run.err).toBe('');
    expect(run.status).toBe(EXIT.ok);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as ReportJson;
    expect(checkSchema(doc, schema)).toEqual([]);
    attribution = doc.attribution as Attribution;
    expect(attribution.source).toMatchObject({ sheet: 'paths-fa', headerRow: 1, firstRow: 2, lastRow: 13 });
    expect(attribution.formulas).toBe('values');
  });

  it('credits equal ATTRIBUTION on the file’s cells, and sum to the total conversions', () => {
    const rows = csvRows('paths-fa.csv').slice(1);
    const col = (c: number) => rows.map((r) => [r[c] as string]);
    // ۱۴۲ + ۸۷ + … read by hand: 142+87+54+49+38+27+21+18+14+12+7+0.
    expect(attribution.totalConversions).toBe(469);
    for (const model of attribution.models) {
      const out = attributionFunction(col(0), col(1), model, col(2), col(3)) as [string, number, number][];
      expect(out.map((r) => r[0])).toEqual(attribution.channels.map((c) => c.channel));
      expect(attribution.channels.map((c) => c.credits[model]?.conversions)).toEqual(out.map((r) => r[1]));
      expect(attribution.channels.map((c) => c.credits[model]?.value)).toEqual(out.map((r) => r[2]));
      const sum = out.reduce((a, r) => a + r[1], 0);
      expect(sum).toBeCloseTo(469, 9);
    }
  });

  it('CPA and ROAS use the campaign cost of the same channel', () => {
    const rows = csvRows('campaigns-fa.csv').slice(1);
    const digits = (s: string) =>
      Number(s.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/٬/g, ''));
    for (const ch of attribution.channels) {
      const cost = rows.filter((r) => r[0] === ch.channel).reduce((a, r) => a + digits(r[3] as string), 0);
      expect(ch.cost).toBe(cost);
      const last = ch.credits.last_touch as { conversions: number; value: number };
      expect(ch.cpa.last_touch).toBeCloseTo(cost / last.conversions, 6);
      expect(ch.roas.markov).toBeCloseTo((ch.credits.markov?.value as number) / cost, 9);
    }
    expect(attribution.cost?.unmatched).toEqual([]);
  });

  it('the .xlsx has the section as values with a note, and no ATTRIBUTION formula', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    let formulas = '';
    let channelRow = 0;
    let note = '';
    sheet.eachRow((row, r) => {
      row.eachCell((cell) => {
        if (cell.formula) formulas += `${cell.formula}\n`;
        if (typeof cell.value === 'string' && cell.value.includes('ATTRIBUTION')) note = cell.value;
      });
      // The section's title, two rows of headers and its summary line come before the channels.
      if (row.getCell(1).value === 'انتساب: paths-fa') channelRow = r + 4;
    });
    expect(formulas).not.toContain('ATTRIBUTION');
    expect(note).toContain('Excel');
    expect(channelRow).toBeGreaterThan(0);
    expect(sheet.getRow(channelRow).getCell(1).value).toBe(attribution.channels[0]?.channel);
    // First touch, then last touch: conversions and value side by side.
    const first = attribution.channels[0]?.credits;
    expect(sheet.getRow(channelRow).getCell(2).value).toBe(first?.first_touch?.conversions);
    expect(sheet.getRow(channelRow).getCell(4).value).toBe(first?.last_touch?.conversions);
  });
});

describe('a path export as the input itself', () => {
  it('the GA4 example gets the section (no --paths), channels named as GA4 groups them', async () => {
    const json = join(dir, 'ga4.json');
    const run = await runReport([example('ga4-conversion-paths.csv'), '--json', json, '-q'], dir);
    expect(run.status).toBe(EXIT.ok);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as ReportJson;
    expect(checkSchema(doc, schema)).toEqual([]);
    const a = doc.attribution as Attribution;
    expect(a.source.headerRow).toBe(10);
    const rows = csvRows('ga4-conversion-paths.csv').slice(1);
    expect(a.totalConversions).toBe(rows.reduce((s, r) => s + Number(r[1]), 0));
    expect(a.channels.map((c) => c.channel).sort()).toEqual(
      [
        'Direct',
        'Display',
        'Email',
        'Organic Search',
        'Organic Social',
        'Paid Search',
        'Paid Social',
        'Referral',
      ].sort(),
    );
    expect(a.cost).toBeNull();
    expect(doc.groups).toEqual([]);
  });
});

describe('bad --paths', () => {
  it('a missing file is unreadable (3), a file without paths is rejected (1) naming it', async () => {
    const missing = await runReport([example('campaigns-en.csv'), '--paths', 'nope.csv', '--json', '-'], dir);
    expect(missing.status).toBe(EXIT.unreadable);
    expect(missing.err).toContain('--paths');
    const noPaths = await runReport(
      [example('campaigns-en.csv'), '--paths', example('campaigns-fa.csv'), '--json', join(dir, 'x.json')],
      dir,
    );
    expect(noPaths.status).toBe(EXIT.rejected);
    expect(noPaths.err).toContain('campaigns-fa');
  });

  it('an output that is the --paths file is refused before anything is written', async () => {
    const run = await runReport(
      [example('campaigns-en.csv'), '--paths', example('paths-fa.csv'), '--json', example('paths-fa.csv')],
      dir,
    );
    expect(run.status).toBe(EXIT.usage);
    expect(readFileSync(example('paths-fa.csv'), 'utf8')).toContain('مسیر');
  });
});
