/**
 * Every real platform export in test/fixtures/real/ through `mizan report --json`, compared with
 * the hand-written expectations next to it (<file>.expected.json, made by expected.py from rules
 * written per file, never by this engine): platform, data rows, each total and KPI at 1e-9
 * relative, measures that must not be summed (reach, users), and for refusals exit 1 with a
 * message naming the line (and column).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/main';
import { runReport } from '../helpers/cli-run';
import { checkSchema } from './schema-check';

const SCHEMA = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../docs/report.schema.json', import.meta.url)), 'utf8'),
);

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = join(ROOT, 'test/fixtures/real');
const dir = mkdtempSync(join(tmpdir(), 'mizan-real-'));

interface Expected {
  readonly file: string;
  readonly platform: string;
  readonly outcome: 'report' | 'refuse';
  readonly header_row: number;
  readonly data_rows?: number;
  readonly totals?: Record<string, number>;
  readonly not_summed?: readonly string[];
  readonly kpis?: Record<string, { value: number | null }>;
  readonly refusal?: {
    readonly line: number | null;
    readonly lines_any_of?: readonly number[];
    readonly column: string | null;
    readonly header?: string;
  };
}

function expectations(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return expectations(path);
    return name.endsWith('.expected.json') ? [path] : [];
  });
}

const cases = expectations(CORPUS)
  .sort()
  .map((path) => JSON.parse(readFileSync(path, 'utf8')) as Expected);

/** Equal within 1e-9 relative (absolute near 0). */
function close(got: number, want: number): boolean {
  return Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
}

const run = (input: string, json: string) => runReport([input, '--json', json], dir);

describe('the expectations are up to date with their rules', () => {
  it('expected.py --check', () => {
    const check = spawnSync('python3', [join(CORPUS, 'expected.py'), '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('every corpus file has expectations', () => {
    const data = (folder: string): string[] =>
      readdirSync(folder).flatMap((name) => {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) return data(path);
        return /\.(csv|tsv)$/.test(name) ? [relative(CORPUS, path)] : [];
      });
    expect(data(CORPUS).sort()).toEqual(cases.map((c) => c.file).sort());
  });
});

describe.each(cases)('$file', (want) => {
  const input = join(CORPUS, want.file);
  const json = join(dir, `${want.file.replace(/[/.]/g, '_')}.json`);

  if (want.outcome === 'refuse') {
    it('is refused, naming where', async () => {
      const { status, out, err } = await run(input, json);
      const said = `${err}\n${out}`;
      expect(status, said).toBe(EXIT.rejected);
      expect(existsSync(json)).toBe(false);
      const r = want.refusal as NonNullable<Expected['refusal']>;
      // line null: the refusal concerns columns (every value zero), not a line.
      if (r.line !== null) {
        const lines = r.lines_any_of ?? [r.line];
        const namesLine = lines.some((n) =>
          new RegExp(`\\b(line|row)s?\\s+(\\d+[,–-]\\s*)*${n}\\b`, 'i').test(said),
        );
        expect(namesLine, `message should name line ${lines.join(' or ')}:\n${said}`).toBe(true);
      }
      if (r.column !== null) {
        const namesColumn =
          new RegExp(`\\b${r.column}\\b`).test(said) || (r.header ? said.includes(r.header) : false);
        expect(namesColumn, `message should name column ${r.column} (${r.header}):\n${said}`).toBe(true);
      }
    });
    return;
  }

  it('reports the expected platform, rows, totals and KPIs', async () => {
    const { status, out, err } = await run(input, json);
    expect(status, `${err}\n${out}`).toBe(EXIT.ok);
    const doc = JSON.parse(readFileSync(json, 'utf8'));
    expect(checkSchema(doc, SCHEMA), 'the JSON follows docs/report.schema.json').toEqual([]);
    const problems: string[] = [];
    const platform = doc.source?.platform;
    if (platform !== want.platform) problems.push(`platform: got ${platform}, want ${want.platform}`);
    if (doc.source.headerRow !== want.header_row)
      problems.push(`header row: got ${doc.source.headerRow}, want ${want.header_row}`);
    if (doc.source.dataRows !== want.data_rows)
      problems.push(`data rows: got ${doc.source.dataRows}, want ${want.data_rows}`);
    const measures = doc.totals.measures as Record<string, number | undefined>;
    for (const [id, value] of Object.entries(want.totals ?? {})) {
      const got = measures[id];
      if (got === undefined || !close(got, value)) problems.push(`total ${id}: got ${got}, want ${value}`);
    }
    for (const id of want.not_summed ?? []) {
      if (measures[id] !== undefined) problems.push(`total ${id}: summed (${measures[id]}) but must not be`);
    }
    const kpis = doc.totals.kpis as Record<string, { value: number | null } | undefined>;
    for (const [id, { value }] of Object.entries(want.kpis ?? {})) {
      const got = kpis[id];
      if (got === undefined) problems.push(`kpi ${id}: not computed, want ${value}`);
      else if (value === null ? got.value !== null : got.value === null || !close(got.value, value))
        problems.push(`kpi ${id}: got ${got.value}, want ${value}`);
    }
    expect(problems).toEqual([]);
  });
});
