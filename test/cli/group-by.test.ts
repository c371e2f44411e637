/**
 * `mizan report --group-by` end to end: the column is matched against the header row the engine
 * reads (never a data cell), and a column that cannot group is a usage error (exit 2) that says
 * which column it is and which would do.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, type Io, main } from '../../src/cli/main';
import type { ReportJson } from '../../src/core/report/json';

const dir = mkdtempSync(join(tmpdir(), 'mizan-group-by-'));

async function report(argv: string[]): Promise<{ status: number; err: string }> {
  let err = '';
  const io: Io = {
    out: () => {},
    err: (t) => {
      err += t;
    },
    tty: false,
    color: false,
    cwd: dir,
  };
  return { status: await main(argv, io), err };
}

// Campaign is column A, Channel column B; a campaign is called "B", another "Channel".
const csv = join(dir, 'campaigns.csv');
writeFileSync(
  csv,
  [
    'Campaign,Channel,Impressions,Cost,Clicks',
    'B,Search,1000,10,50',
    'Channel,Search,2000,20,40',
    'B,Social,500,5,10',
  ].join('\n'),
);

describe('--group-by', () => {
  it('takes a letter as a letter, even when a campaign has that name', async () => {
    const json = join(dir, 'by-letter.json');
    const run = await report([csv, '--json', json, '--group-by', 'B']);
    expect(run.err).toBe('');
    expect(run.status).toBe(EXIT.ok);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as ReportJson;
    expect(doc.groupBy).toEqual({ column: 'B', header: 'Channel' });
    // Two channels, Search (1000 + 2000 impressions) and Social (500).
    expect(doc.groups.map((g) => [g.label, g.measures.impressions]).sort()).toEqual([
      ['Search', 3000],
      ['Social', 500],
    ]);
  });

  it('matches header text in the header row only', async () => {
    const json = join(dir, 'by-header.json');
    const run = await report([csv, '--json', json, '--group-by', 'channel']);
    expect(run.status).toBe(EXIT.ok);
    expect((JSON.parse(readFileSync(json, 'utf8')) as ReportJson).groupBy).toEqual({
      column: 'B',
      header: 'Channel',
    });
  });

  it.each([
    [
      'a measure by header',
      'Cost',
      /--group-by: column D "Cost" holds numbers \(a measure\); group by a text column: A "Campaign", B "Channel"/,
    ],
    ['a measure by letter', 'C', /--group-by: column C "Impressions" holds numbers \(a measure\)/],
    [
      'a letter past the last column',
      'Z',
      /--group-by: no column "Z" .*the headers are A "Campaign", B "Channel", C "Impressions", D "Cost", E "Clicks"/,
    ],
    ['a name found only in the data', 'Search', /--group-by: no column "Search" in the header row \(row 1\)/],
  ])('%s: exit 2 and says which columns would do', async (_name, spec, message) => {
    const run = await report([csv, '--json', join(dir, 'never.json'), '--group-by', spec]);
    expect(run.status).toBe(EXIT.usage);
    expect(run.err).toMatch(message);
  });
});
