/**
 * The command ships prebuilt: bin/mizan.mjs runs the esbuild bundle dist/cli/mizan.mjs, with no
 * TypeScript loader at run time; a fresh clone (no dist/) and edited sources rebuild it on the
 * first run, and `npm run report` works from there.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of the build, without type declarations
import { CLI_BUNDLE, cliBundleIsFresh, ensureCliBundle } from '../../build/cli-bundle.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mizan-prebuilt-'));

/** Loaded with --import: any TypeScript file, tsx or the TypeScript compiler makes the run fail. */
const NO_TYPESCRIPT = `
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
export async function resolve(specifier, context, next) {
  const found = await next(specifier, context);
  if (/\\\\.[mc]?ts$/.test(new URL(found.url).pathname) || /node_modules\\\\/(tsx|typescript)\\\\//.test(found.url)) {
    throw new Error('TypeScript at run time: ' + found.url);
  }
  return found;
}\`));
`;

describe('bin/mizan.mjs', () => {
  beforeAll(async () => {
    await ensureCliBundle();
  });

  it('runs plain JavaScript: a run that would load a .ts file, tsx or typescript fails here', () => {
    const guard = join(dir, 'no-typescript.mjs');
    writeFileSync(guard, NO_TYPESCRIPT);
    const xlsx = join(dir, 'r.xlsx');
    const child = spawnSync(
      process.execPath,
      ['--import', guard, join(ROOT, 'bin/mizan.mjs'), 'report', '--out', xlsx, '--json', '-', '-q'],
      { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const expected = JSON.parse(readFileSync(join(ROOT, 'examples/campaigns-en.expected.json'), 'utf8'));
    expect(JSON.parse(child.stdout).totals.measures.cost).toBeCloseTo(expected.totals.cost, 6);
    expect(existsSync(xlsx)).toBe(true);
    // The guard does catch TypeScript: importing a .ts file under it fails.
    const caught = spawnSync(
      process.execPath,
      [
        '--import',
        guard,
        '--input-type=module',
        '-e',
        `await import(${JSON.stringify(join(ROOT, 'src/cli/args.ts'))})`,
      ],
      { encoding: 'utf8' },
    );
    expect(caught.status).not.toBe(0);
    expect(caught.stderr).toContain('TypeScript at run time');
  });

  it('the bundle imports only Node built-ins and papaparse; ExcelJS is bundled, loaded only for .xlsx', () => {
    const folder = dirname(CLI_BUNDLE);
    const files = readdirSync(folder).filter((f) => f.endsWith('.mjs'));
    const specifiersOf = (code: string) => {
      // esbuild writes static imports at the start of a line, and keeps import("…") calls as written.
      const statics = [...code.matchAll(/^import\s[^;]*?\bfrom\s*"([^"]+)";?$/gm)].map((m) => m[1] as string);
      const dynamics = [...code.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1] as string);
      return { statics, dynamics };
    };
    const all = files.map((f) => ({ file: f, ...specifiersOf(readFileSync(join(folder, f), 'utf8')) }));
    const packages = new Set(
      all.flatMap((f) => [...f.statics, ...f.dynamics]).filter((s) => !isBuiltin(s) && !s.startsWith('./')),
    );
    expect([...packages]).toEqual(['papaparse']);
    const dependencies = Object.keys(
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies,
    );
    expect(dependencies.sort()).toEqual(['exceljs', 'papaparse']);
    // ExcelJS's chunk: reached only through import("./excel-….mjs"), never statically.
    const excel = files.find((f) => f.startsWith('excel-'));
    expect(excel).toBeDefined();
    expect(readFileSync(join(folder, excel as string), 'utf8')).toContain('WorkbookWriter');
    expect(all.some((f) => f.dynamics.includes(`./${excel}`))).toBe(true);
    expect(all.some((f) => f.statics.includes(`./${excel}`))).toBe(false);
  });

  it('an .xlsx run prints no deprecation warning from the bundled ExcelJS', () => {
    const child = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/mizan.mjs'),
        'report',
        '--out',
        join(dir, 'quiet.xlsx'),
        '--json',
        join(dir, 'quiet.json'),
        '-q',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(child.status).toBe(0);
    expect(child.stderr).toBe('');
    expect(existsSync(join(dir, 'quiet.xlsx'))).toBe(true);
  });
});

describe('freshness: rebuilt when a file it was built from is newer', () => {
  const root = mkdtempSync(join(tmpdir(), 'mizan-fresh-'));
  const bundle = join(root, 'bundle.mjs');
  const inputs = join(root, 'inputs.json');
  const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

  it('fresh, stale, missing input, missing list', () => {
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src/a.ts'), '');
    writeFileSync(join(root, 'src/b.ts'), '');
    writeFileSync(bundle, '');
    writeFileSync(inputs, JSON.stringify(['src/a.ts', 'src/b.ts']));
    at(join(root, 'src/a.ts'), 1_000);
    at(join(root, 'src/b.ts'), 2_000);
    at(bundle, 2_000);
    expect(cliBundleIsFresh(bundle, inputs, root)).toBe(true);
    at(join(root, 'src/b.ts'), 2_001);
    expect(cliBundleIsFresh(bundle, inputs, root)).toBe(false);
    at(join(root, 'src/b.ts'), 1_500);
    writeFileSync(inputs, JSON.stringify(['src/a.ts', 'src/gone.ts']));
    expect(cliBundleIsFresh(bundle, inputs, root)).toBe(false);
    expect(cliBundleIsFresh(bundle, join(root, 'none.json'), root)).toBe(false);
  });
});

describe('a fresh clone after npm ci (no dist/)', () => {
  const clone = mkdtempSync(join(tmpdir(), 'mizan-clone-'));
  beforeAll(() => {
    for (const part of [
      'bin',
      'build',
      'src',
      'examples',
      'package.json',
      'tsconfig.json',
      'tsconfig.base.json',
    ]) {
      cpSync(join(ROOT, part), join(clone, part), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
  });

  it('npm run report builds the command, then runs it', () => {
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    const child = spawnSync('npm', ['run', '--silent', 'report', '--', '--json', '-', '-q'], {
      cwd: clone,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout).format).toBe('mizan-report');
    expect(existsSync(join(clone, 'dist/cli/mizan.mjs'))).toBe(true);
  });

  it('an edited source is picked up on the next run', () => {
    const args = join(clone, 'src/cli/bin.ts');
    const text = readFileSync(args, 'utf8');
    expect(text).toContain('Usage: mizan report');
    writeFileSync(args, text.replace('Usage: mizan report', 'EDITED HELP LINE: mizan report'));
    // mtime resolution: make the edit clearly newer than the bundle.
    const later = Date.now() / 1000 + 5;
    utimesSync(args, later, later);
    const child = spawnSync(process.execPath, [join(clone, 'bin/mizan.mjs'), '--help'], {
      cwd: clone,
      encoding: 'utf8',
    });
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('EDITED HELP LINE: mizan report');
  });
});
