/**
 * Inputs are never overwritten and outputs never half-written: an output that is the input or the
 * template through a symlink, a symlinked folder or a hard link is refused before any work;
 * Ctrl-C removes the temporary file; errors name the user's path; `--json -` writes to stdout.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { campaignCsv } from '../../bench/campaign-data';
import { writeAtomically } from '../../src/cli/atomic-write';
import { EXIT } from '../../src/cli/main';
import { BUILTIN_TEMPLATES, exportTemplate } from '../../src/core/templates';
import { type Run, runReport } from '../helpers/cli-run';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLE = readFileSync(join(ROOT, 'examples/campaigns-en.csv'), 'utf8');

const report = (argv: string[], cwd: string): Promise<Run> => runReport(argv, cwd);

/** A fresh folder holding real.csv (the example campaign). */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-overwrite-'));
  writeFileSync(join(dir, 'real.csv'), EXAMPLE);
  return dir;
}

const temporaries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('an output that is really an input is refused before any work', () => {
  it('the input through a symlink, the real file as --json', async () => {
    const dir = workspace();
    symlinkSync(join(dir, 'real.csv'), join(dir, 'link.csv'));
    const run = await report(['link.csv', '--json', 'real.csv'], dir);
    expect(run.status).toBe(EXIT.usage);
    expect(run.err).toContain(join(dir, 'real.csv'));
    expect(run.err).toContain(join(dir, 'link.csv'));
    expect(run.err).toContain('would be overwritten');
    expect(readFileSync(join(dir, 'real.csv'), 'utf8')).toBe(EXAMPLE);
  });

  it('the input through a symlinked folder', async () => {
    const dir = workspace();
    symlinkSync(dir, join(dir, 'alias'), 'dir');
    const run = await report(['alias/real.csv', '--json', 'real.csv'], dir);
    expect(run.status).toBe(EXIT.usage);
    expect(run.err).toContain(join(dir, 'alias/real.csv'));
    expect(readFileSync(join(dir, 'real.csv'), 'utf8')).toBe(EXAMPLE);
  });

  it('the output is a symlink to the input, or a hard link to it', async () => {
    const dir = workspace();
    symlinkSync(join(dir, 'real.csv'), join(dir, 'soft.json'));
    linkSync(join(dir, 'real.csv'), join(dir, 'hard.json'));
    for (const output of ['soft.json', 'hard.json']) {
      const run = await report(['real.csv', '--json', output], dir);
      expect(run.status, output).toBe(EXIT.usage);
      expect(run.err).toContain(join(dir, output));
    }
    expect(readFileSync(join(dir, 'real.csv'), 'utf8')).toBe(EXAMPLE);
  });

  it('the template file as --json, and as --out', async () => {
    const dir = workspace();
    const base = BUILTIN_TEMPLATES.find((t) => t.id === 'paid-search') as (typeof BUILTIN_TEMPLATES)[number];
    const template = exportTemplate({ ...base, id: 'team', name: 'Team' });
    writeFileSync(join(dir, 't.json'), template);
    writeFileSync(join(dir, 't.xlsx'), template);
    const asJson = await report(['real.csv', '--template', 't.json', '--json', 't.json'], dir);
    expect(asJson.status).toBe(EXIT.usage);
    expect(asJson.err).toMatch(/the template/);
    expect(asJson.err).toContain(join(dir, 't.json'));
    expect(readFileSync(join(dir, 't.json'), 'utf8')).toBe(template);
    // Through a symlink to the template, as the workbook.
    symlinkSync(join(dir, 't.json'), join(dir, 'link.xlsx'));
    const asXlsx = await report(['real.csv', '--template', 't.json', '--out', 'link.xlsx'], dir);
    expect(asXlsx.status).toBe(EXIT.usage);
    expect(readFileSync(join(dir, 't.json'), 'utf8')).toBe(template);
  });

  it('an unrelated existing output is still replaced', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'old.json'), 'old');
    const run = await report(['real.csv', '--json', 'old.json', '-q'], dir);
    expect(run.status).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(join(dir, 'old.json'), 'utf8')).format).toBe('mizan-report');
  });
});

describe('errors name the user’s path, never the temporary file', () => {
  it('an output that is a folder', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'report.json'));
    const run = await report(['real.csv', '--json', 'report.json'], dir);
    expect(run.status).toBe(EXIT.unwritable);
    expect(run.err).toContain(join(dir, 'report.json'));
    expect(run.err).not.toContain('.tmp');
    expect(temporaries(dir)).toEqual([]);
  });

  it('a writer that fails mid-way: the message names the target, and no temporary is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mizan-atomic-'));
    const target = join(dir, 'r.xlsx');
    const failing = writeAtomically(target, async (temp) => {
      writeFileSync(temp, 'half');
      throw new Error(`ENOSPC: no space left on device, write '${temp}'`);
    });
    await expect(failing).rejects.toThrow(`ENOSPC: no space left on device, write '${target}'`);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('--json - writes the JSON to standard output', () => {
  it('in-process: stdout is the JSON only, the summary goes to stderr', async () => {
    const dir = workspace();
    const run = await report(['real.csv', '--json', '-'], dir);
    expect(run.status).toBe(EXIT.ok);
    const json = JSON.parse(run.out);
    expect(json.format).toBe('mizan-report');
    // The example's totals, computed independently of the engine.
    const expected = JSON.parse(readFileSync(join(ROOT, 'examples/campaigns-en.expected.json'), 'utf8'));
    expect(json.source.dataRows).toBe(expected.data_rows);
    expect(json.totals.measures.cost).toBeCloseTo(expected.totals.cost, 6);
    expect(run.err).toContain('Wrote the JSON to standard output');
    expect(readdirSync(dir)).toEqual(['real.csv']);
  });

  it('as a process, with - and with /dev/stdout', () => {
    const dir = workspace();
    for (const target of ['-', '/dev/stdout']) {
      const child = spawnSync(
        process.execPath,
        [join(ROOT, 'bin/mizan.mjs'), 'report', 'real.csv', '--json', target, '-q'],
        { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 24 },
      );
      expect(child.stderr, target).toBe('');
      expect(child.status, target).toBe(0);
      expect(JSON.parse(child.stdout).format, target).toBe('mizan-report');
    }
    expect(readdirSync(dir)).toEqual(['real.csv']);
  });
});

describe('Ctrl-C while writing', () => {
  it('removes the temporary file and exits 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mizan-sigint-'));
    writeFileSync(join(dir, 'big.csv'), campaignCsv(80_000));
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/mizan.mjs'), 'report', 'big.csv', '-o', 'big.xlsx'],
      {
        cwd: dir,
        stdio: 'ignore',
      },
    );
    const exited = new Promise<{ code: number | null; signal: string | null }>((done) => {
      child.on('exit', (code, signal) => done({ code, signal }));
    });
    // Interrupt as soon as the workbook's temporary file exists: the command is writing.
    let sawTemporary = false;
    for (let i = 0; i < 1500 && child.exitCode === null; i++) {
      if (temporaries(dir).length > 0) {
        sawTemporary = true;
        child.kill('SIGINT');
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const { code, signal } = await exited;
    expect(sawTemporary).toBe(true);
    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(temporaries(dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['big.csv']);
  }, 120_000);
});
