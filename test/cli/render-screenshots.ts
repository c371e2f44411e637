/**
 * Renders the .xlsx report of the bundled examples with LibreOffice (xlsx → PDF → PNG) for
 * docs/screenshots/. Run by hand: npx tsx test/cli/render-screenshots.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main';
import { convertWithLibreOffice } from './libreoffice';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mizan-shots-'));

for (const lang of ['en', 'fa'] as const) {
  const xlsx = join(dir, `xlsx-report-${lang}.xlsx`);
  const io = {
    out: () => {},
    err: (t: string) => process.stderr.write(t),
    tty: false,
    color: false,
    cwd: root,
  };
  const status = await main(
    [`examples/campaigns-${lang}.csv`, '--out', xlsx, '--template', 'paid-search'],
    io,
  );
  if (status !== 0) throw new Error(`report failed for ${lang}`);
  const pdf = convertWithLibreOffice(xlsx, 'pdf');
  const prefix = join(dir, `xlsx-report-${lang}`);
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  const target = join(root, 'docs/screenshots', `xlsx-report-${lang}.png`);
  copyFileSync(`${prefix}.png`, target);
  console.log(`${target}: ${(statSync(target).size / 1024).toFixed(0)} KB`);
}
