/**
 * Issue 13 (report part), checked independently through the built CLI:
 * `mizan report <campaigns> --paths <paths> --json - --quiet` and `--out x.xlsx`.
 * Expectations come from a small reference written here from the definitions
 * (first touch, last touch, linear = equal share per touch), from hand-summed costs of the input
 * files, and from docs/report.schema.json (validated with Ajv 2020) — never from the code under test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'bin/mizan.mjs');
const EX = (f: string) => join(ROOT, 'examples', f);
let dir = '';

type Json = Record<string, any>;
interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
const run = (...args: string[]): Run => {
  const r = spawnSync(process.execPath, [CLI, 'report', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const report = (...args: string[]): Json => {
  const r = run(...args, '--json', '-', '--quiet');
  expect(r.stderr, r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
};

// ---------- independent reference ----------
const DIGITS: Record<string, string> = {};
for (const set of ['۰۱۲۳۴۵۶۷۸۹', '٠١٢٣٤٥٦٧٨٩']) {
  for (const [i, d] of [...set].entries()) DIGITS[d] = String(i);
}
/** Reads 1,234.5 / ۱٬۲۳۴٫۵ / ١٬٢٣٤٫٥ (the files here use "." or ٫ as the decimal mark). */
const num = (s: string): number => {
  const t = [...s.trim()]
    .map((c) => DIGITS[c] ?? c)
    .join('')
    .replace(/[٬,]/g, '')
    .replace('٫', '.');
  const n = Number(t);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${s}`);
  return n;
};
/** Plain CSV (the fixtures have no quotes), skipping GA4's "#" preamble lines. */
const csv = (file: string): string[][] =>
  readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split(','));

interface PathRow {
  steps: string[];
  conv: number;
  value: number;
}
const readPaths = (file: string, convCol = 1, valueCol = 2): PathRow[] =>
  csv(file)
    .slice(1)
    .map((r) => ({
      steps: (r[0] ?? '').split('>').map((s) => s.trim()),
      conv: num(r[convCol] ?? ''),
      value: num(r[valueCol] ?? ''),
    }));

type Credits = Map<string, { conv: number; value: number }>;
/** Splits each path's conversions and value over its touches with the given weights. */
const credit = (paths: PathRow[], weights: (n: number) => number[]): Credits => {
  const out: Credits = new Map();
  for (const p of paths) {
    const w = weights(p.steps.length);
    p.steps.forEach((ch, i) => {
      const c = out.get(ch) ?? { conv: 0, value: 0 };
      c.conv += p.conv * (w[i] ?? 0);
      c.value += p.value * (w[i] ?? 0);
      out.set(ch, c);
    });
  }
  return out;
};
const REF = {
  first_touch: (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0)),
  last_touch: (n: number) => Array.from({ length: n }, (_, i) => (i === n - 1 ? 1 : 0)),
  linear: (n: number) => Array.from({ length: n }, () => 1 / n),
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Cost by channel, trimmed and case-folded, from a campaign CSV. */
const costByChannel = (file: string, chCol: number, costCol: number): Map<string, number> => {
  const m = new Map<string, number>();
  for (const r of csv(file).slice(1)) {
    const k = (r[chCol] ?? '').trim().toLowerCase();
    m.set(k, (m.get(k) ?? 0) + num(r[costCol] ?? ''));
  }
  return m;
};

const close = (actual: unknown, expected: number) => {
  expect(typeof actual).toBe('number');
  expect(actual as number).toBeCloseTo(expected, 6);
};

function checkAgainstReference(att: Json, paths: PathRow[], costs: Map<string, number> | null) {
  const totalConv = sum(paths.map((p) => p.conv));
  const totalValue = sum(paths.map((p) => p.value));
  close(att.totalConversions, totalConv);
  close(att.totalValue, totalValue);
  const byName = new Map<string, Json>(att.channels.map((c: Json) => [c.channel, c]));
  const allChannels = new Set(paths.flatMap((p) => p.steps));
  expect(new Set(byName.keys())).toEqual(allChannels);
  // every model's credits sum to the totals
  for (const m of att.models as string[]) {
    close(sum(att.channels.map((c: Json) => c.credits[m].conversions)), totalConv);
    close(sum(att.channels.map((c: Json) => c.credits[m].value)), totalValue);
  }
  for (const [model, w] of Object.entries(REF)) {
    expect(att.models).toContain(model);
    const ref = credit(paths, w);
    for (const ch of allChannels) {
      const got = byName.get(ch)!.credits[model];
      const exp = ref.get(ch)!;
      close(got.conversions, exp.conv);
      close(got.value, exp.value);
    }
  }
  // CPA = cost ÷ credited conversions; ROAS = credited value ÷ cost; empty when undefined
  for (const c of att.channels as Json[]) {
    const cost = costs?.get(String(c.channel).trim().toLowerCase());
    if (cost === undefined) expect(c.cost).toBeNull();
    else close(c.cost, cost);
    for (const m of att.models as string[]) {
      const { conversions, value } = c.credits[m];
      if (cost === undefined || conversions === 0) expect(c.cpa[m] ?? null).toBeNull();
      else close(c.cpa[m], cost / conversions);
      if (cost === undefined || cost === 0) expect(c.roas[m] ?? null).toBeNull();
      else close(c.roas[m], value / cost);
      for (const v of [c.cpa[m], c.roas[m]])
        if (v !== null && v !== undefined) expect(Number.isFinite(v)).toBe(true);
    }
  }
}

let validate: ReturnType<Ajv2020['compile']>;
const validates = (j: Json) => {
  const ok = validate(j);
  expect(ok ? [] : validate.errors).toEqual([]);
};

beforeAll(() => {
  const b = spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  expect(b.status, b.stderr).toBe(0);
  dir = mkdtempSync(join(tmpdir(), 'mizan-i13-'));
  writeFileSync(
    join(dir, 'paths.csv'),
    [
      'Path,Conversions,Value',
      'Search > Social > Email,10,1000',
      'Social,4,200',
      'Search > Email,6,600',
      'Referral > Search,2,50',
    ].join('\n'),
  );
  // " search " and "EMAIL": the docs say channels match trimmed, ignoring case; Display has no path.
  writeFileSync(
    join(dir, 'campaigns.csv'),
    [
      'Channel,Campaign,Cost,Clicks',
      'Search,Brand,200,100',
      ' search ,Generic,100,60',
      'Social,Lookalike,120,50',
      'EMAIL,Newsletter,60,30',
      'Display,Banner,500,80',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'paths-ar.csv'),
    [
      'المسار,التحويلات,القيمة',
      'البحث > البريد الإلكتروني,١٢,١٬٢٠٠',
      'التواصل الاجتماعي,٥,٣٠٠',
      'التواصل الاجتماعي > البحث > واتساب,٣,٤٥٠',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'bad-paths.csv'),
    ['Path,Conversions,Value', 'Search > Email,5,100', ' > ,3,60'].join('\n'),
  );
  writeFileSync(
    join(dir, 'empty-path.csv'),
    ['Path,Conversions,Value', 'Search > Email,5,100', ',3,60'].join('\n'),
  );
  const schema = JSON.parse(readFileSync(join(ROOT, 'docs/report.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  validate = ajv.compile(schema);
}, 300_000);

describe('issue 13 report: own paths + campaign CSV', () => {
  let j: Json;
  beforeAll(() => {
    j = report('campaigns.csv', '--paths', 'paths.csv');
  }, 120_000);

  it('has an attribution part that validates against docs/report.schema.json', () => {
    expect(j.attribution).toBeTruthy();
    validates(j);
  });

  it('credits sum to totals; first/last/linear equal hand computation; CPA/ROAS from hand-summed costs', () => {
    const paths = readPaths(join(dir, 'paths.csv'));
    // Hand check of the fixture itself: Search cost 200 + 100 (" search "), Email 60 ("EMAIL").
    const costs = costByChannel(join(dir, 'campaigns.csv'), 0, 2);
    expect(costs.get('search')).toBe(300);
    checkAgainstReference(j.attribution, paths, costs);
    // spelled out: linear Search = 10/3 + 6/2 + 2/2 = 7.333…, value 1000/3 + 300 + 25
    const search = j.attribution.channels.find((c: Json) => c.channel === 'Search');
    close(search.credits.linear.conversions, 10 / 3 + 3 + 1);
    close(search.credits.linear.value, 1000 / 3 + 300 + 25);
    close(search.cpa.last_touch, 300 / 2);
  });

  it('a zero-credit channel has an empty CPA (never 0 or Infinity)', () => {
    const email = j.attribution.channels.find((c: Json) => c.channel === 'Email');
    expect(email.credits.first_touch.conversions).toBe(0);
    expect(email.cpa.first_touch ?? null).toBeNull();
    const referral = j.attribution.channels.find((c: Json) => c.channel === 'Referral');
    expect(referral.cost).toBeNull(); // no campaign row
    expect(referral.credits.last_touch.conversions).toBe(0);
    for (const m of j.attribution.models) expect(referral.cpa[m] ?? null).toBeNull();
    expect(j.attribution.cost.unmatched).toContain('Referral');
  });

  it('has a data-driven vs last touch figure and notes in English', () => {
    expect(['markov', 'shapley']).toContain(j.attribution.dataDriven);
    for (const c of j.attribution.channels) {
      const dd = c.credits[j.attribution.dataDriven].conversions - c.credits.last_touch.conversions;
      close(c.dataDrivenVsLastTouch, dd);
    }
    expect(j.lang).toBe('en');
    expect(j.attribution.notes.length).toBeGreaterThan(0);
  });
});

describe('issue 13 report: .xlsx', () => {
  let wb: ExcelJS.Workbook;
  let j: Json;
  beforeAll(async () => {
    const r = run('campaigns.csv', '--paths', 'paths.csv', '--out', 'x.xlsx', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    j = report('campaigns.csv', '--paths', 'paths.csv');
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'x.xlsx'));
  }, 120_000);

  const cells = () => {
    const out: { ws: string; row: number; col: number; cell: ExcelJS.Cell }[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((r, row) => r.eachCell((cell, col) => out.push({ ws: ws.name, row, col, cell }))),
    );
    return out;
  };

  it('no cell has an ATTRIBUTION formula', () => {
    for (const { cell } of cells()) {
      const f = (cell.value as { formula?: string } | null)?.formula ?? '';
      expect(f.toUpperCase()).not.toContain('ATTRIBUTION');
    }
  });

  it('the credits are plain values equal to the JSON, per channel row', () => {
    const models: string[] = j.attribution.models;
    for (const ch of j.attribution.channels as Json[]) {
      // the channel's row in the credits table: label then numbers, as plain values
      const hit = cells().find(
        ({ cell, col }) =>
          col === 1 &&
          cell.value === ch.channel &&
          typeof cell.worksheet.getRow(Number(cell.row)).getCell(2).value === 'number',
      );
      expect(hit, `row for ${ch.channel}`).toBeTruthy();
      const row = hit!.cell.worksheet.getRow(Number(hit!.cell.row));
      const nums: number[] = [];
      for (let c = 2; c <= 1 + 2 * models.length; c++) nums.push(row.getCell(c).value as number);
      for (const v of nums) expect(typeof v).toBe('number');
      models.forEach((m, i) => {
        close(nums[2 * i], ch.credits[m].conversions);
        close(nums[2 * i + 1], ch.credits[m].value);
      });
    }
  });

  it('the cost column recalculates to the JSON cost (SUMIFS evaluated here: case-insensitive, not trimmed)', () => {
    // only the attribution cost table: its channel cell (column A) is a formula pointing at the credits table
    const costCells = cells().filter(
      ({ cell, col }) =>
        col === 2 &&
        /SUMIFS/i.test((cell.value as { formula?: string })?.formula ?? '') &&
        /^A\d+$/.test(
          String(
            (cell.worksheet.getRow(Number(cell.row)).getCell(1).value as { formula?: string })?.formula ?? '',
          ),
        ),
    );
    expect(costCells.length).toBeGreaterThan(0);
    const colNum = (l: string) => [...l].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
    const range = (ref: string) => {
      const m = /^'?(.+?)'?!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref) as unknown as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const ws = wb.getWorksheet(m[1])!;
      const out: unknown[] = [];
      for (let r = Number(m[3]); r <= Number(m[5]); r++) out.push(ws.getRow(r).getCell(colNum(m[2])).value);
      return out;
    };
    const plain = (v: unknown) =>
      v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v;
    for (const { cell } of costCells) {
      const f = (cell.value as { formula: string }).formula;
      const [sumRef, critRef, keyRef] = /SUMIFS\((.+?),(.+?),([A-Z]+\d+)\)/.exec(f)!.slice(1) as [
        string,
        string,
        string,
      ];
      const key = String(plain(cell.worksheet.getCell(keyRef).value));
      const sums = range(sumRef);
      const crit = range(critRef);
      let total = 0;
      crit.forEach((c, i) => {
        if (String(plain(c)).toLowerCase() === key.toLowerCase()) total += Number(plain(sums[i]));
      });
      const ch = j.attribution.channels.find((c: Json) => c.channel === key);
      close(total, ch.cost);
    }
    // Search's cost includes " search " (trimmed by the engine), so whatever is written must be 300.
    const search = cells().find(
      ({ cell, col }) =>
        col === 1 &&
        plain(cell.value) === 'Search' &&
        /A\d+/.test(String((cell.value as { formula?: string })?.formula)),
    );
    const b = search!.cell.worksheet.getRow(Number(search!.cell.row)).getCell(2).value;
    close(plain(b), 300);
  });

  it('a note says Excel has no ATTRIBUTION function', () => {
    const texts = cells().flatMap(({ cell }) => {
      const n = cell.note as unknown;
      const note =
        typeof n === 'string'
          ? n
          : ((n as { texts?: { text: string }[] })?.texts ?? []).map((t) => t.text).join('');
      return [String(typeof cell.value === 'string' ? cell.value : ''), note];
    });
    expect(texts.some((t) => /Excel/.test(t) && /ATTRIBUTION/.test(t))).toBe(true);
  });
});

describe('issue 13 report: bundled examples', () => {
  it('GA4 Conversion paths export on its own: section present, hand checks, no cost', () => {
    const j = report(EX('ga4-conversion-paths.csv'));
    validates(j);
    expect(j.attribution.cost).toBeNull();
    checkAgainstReference(j.attribution, readPaths(EX('ga4-conversion-paths.csv')), null);
  });

  it('Persian campaigns + paths-fa: Persian digits read, CPA/ROAS from hand-summed cost, labels in Persian', () => {
    const j = report(EX('campaigns-fa.csv'), '--paths', EX('paths-fa.csv'));
    validates(j);
    expect(j.lang).toBe('fa');
    // campaigns-fa: channel column A, cost column D (هزینه (تومان))
    checkAgainstReference(
      j.attribution,
      readPaths(EX('paths-fa.csv')),
      costByChannel(EX('campaigns-fa.csv'), 0, 3),
    );
    for (const c of j.attribution.channels) expect(c.cost).not.toBeNull();
    for (const n of j.attribution.notes as string[]) {
      expect(n).toMatch(/[\u0600-\u06FF]/);
      expect(n).not.toMatch(/\b(the|and|has|model)\b/i);
    }
  });

  it('Arabic campaigns + an Arabic path file (Arabic-Indic digits): CPA/ROAS, labels in Arabic', () => {
    const j = report(EX('campaigns-ar.csv'), '--paths', 'paths-ar.csv');
    validates(j);
    expect(j.lang).toBe('ar');
    checkAgainstReference(
      j.attribution,
      readPaths(join(dir, 'paths-ar.csv')),
      costByChannel(EX('campaigns-ar.csv'), 0, 3),
    );
    for (const n of j.attribution.notes as string[]) {
      expect(n).toMatch(/[\u0600-\u06FF]/);
      expect(n).not.toMatch(/\b(the|and|has|model)\b/i);
    }
  });

  it('Persian .xlsx: Attribution labels in Persian, still no ATTRIBUTION formula', async () => {
    const r = run(EX('campaigns-fa.csv'), '--paths', EX('paths-fa.csv'), '--out', 'fa.xlsx', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'fa.xlsx'));
    const strings: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const f = (cell.value as { formula?: string } | null)?.formula ?? '';
          expect(f.toUpperCase()).not.toContain('ATTRIBUTION');
          if (typeof cell.value === 'string') strings.push(cell.value);
        }),
      ),
    );
    for (const english of ['First touch', 'Last touch', 'What each model assumes', 'Conversions']) {
      expect(strings.filter((s) => s.includes(english))).toEqual([]);
    }
  });
});

describe('issue 13 report: refusals', () => {
  for (const [file, what] of [
    ['bad-paths.csv', 'a path cell " > " (no channel)'],
    ['empty-path.csv', 'an empty path cell with conversions'],
  ] as const) {
    it(`refuses ${what}, naming row 3 / cell A3, writing nothing`, () => {
      const out = `${file}.xlsx`;
      const r = run('campaigns.csv', '--paths', file, '--out', out, '--json', `${file}.json`, '--quiet');
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/A3|row 3/i);
      expect(existsSync(join(dir, out))).toBe(false);
      expect(existsSync(join(dir, `${file}.json`))).toBe(false);
    });
  }
});
